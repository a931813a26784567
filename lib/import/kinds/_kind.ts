import { camelCase, Code, jsonLiteral, print, stringLiteral } from '../code';
import type { JsonObject } from '../../validation/_json';
import { FieldReader, InputMap, otherKeys, YamlMap } from '../fields';
import { DeclaredPort, Scope } from '../scope';
import { Target, Targets } from '../_targets';

/** A statement of the generated chart body, placed by `arrange` in convert.ts. */
export interface Item {
  /** 0: ConfigMaps, Secrets and ServiceAccounts, which others refer to; 1: the rest. */
  readonly group: number;
  /** The workload the item follows in the code. */
  readonly after?: Target;
  /** The workload the item declares, which others follow. */
  readonly target?: Target;
  readonly render: () => string[];
}

/** An object of the input that others refer to by variable (a Service, a ServiceAccount, a workload). */
export interface Referable {
  readonly kind: string;
  readonly name: string;
  /** The variable that holds its construct. */
  readonly variable: string;
  /** The manifest object, as the import read it. */
  readonly value: InputMap;
  /** Set when the generated code refers to the variable, which then gets a `const`. */
  used: boolean;
  /** Whether it comes in as an L1 object (or a plain ApiObject) rather than as Peapod's class. */
  l1?: boolean;
  /**
   * Set on a Service that a StatefulSet of the input names as its
   * governing Service: `made` when the StatefulSet makes it (it is the one
   * Peapod makes by default), else the Service's statement, which the
   * StatefulSet's code writes before its own.
   */
  governing?: { readonly made: boolean; render?: () => string[] };
}

/** What a converter of one kind is handed for one object of the input. */
export interface KindInput {
  readonly reader: FieldReader;
  readonly scope: Scope;
  /** The object, cleaned of what the API server writes. */
  readonly value: InputMap;
  readonly kind: string;
  readonly name: string;
  /** The construct id. */
  readonly id: string;
  /** The variable its construct is held in. */
  readonly variable: string;
  /** The construct it is made in: `this`, or the Chart of its namespace. */
  readonly parent: string;
  /** The `name` prop, left out when the id is the name. */
  readonly nameEntry: [string, Code | undefined];
  /** The labels and annotations props, after the check of the other metadata fields. */
  metaEntries(): [string, Code | undefined][];
  readonly targets: Targets;
  /** JSON patches that put back fields of later Kubernetes versions, taken out of `value` while it is converted. */
  readonly laterPatches: readonly string[];
  /** Objects of the input by `Kind/name`, for references between them. */
  readonly objects: ReadonlyMap<string, Referable>;
  /** The object itself among them. */
  readonly ref: Referable;
  /** Adds a statement to the chart body. */
  add(item: Item): void;
  /** Runs `convert` once the Services are converted (for kinds that refer to Services). */
  afterServices(convert: () => void): void;
}

/** Converts the objects of one kind. */
export interface KindConverter {
  /** The apiVersion Peapod's class of the kind renders. */
  readonly apiVersion: string;
  /**
   * The fields of the object this converter does not write, so the object
   * comes in as its L1 class instead (with a note that says why);
   * none when the converter writes it all.
   */
  unmodeled?(value: InputMap, objects: ReadonlyMap<string, Referable>): readonly string[];
  /** Takes out of the object what the API server writes into objects of the kind, with a note each. */
  clean?(value: InputMap, reader: FieldReader): void;
  convert(input: KindInput): void;
}

/**
 * The statement `const x = new Kind(this, 'id', props);` (without the
 * `const` when nothing refers to `x` and there are no lines after it).
 */
export function constructStatement(input: KindInput, className: string, props: Code, used = () => input.ref.used, lines: readonly string[] = []): () => string[] {
  return () => {
    const all = [...lines, ...input.laterPatches];
    const assign = used() || all.length > 0 ? `const ${input.variable} = ` : '';
    const args = typeof props === 'object' && 'object' in props && props.object.length === 0 ? [] : [props];
    return [`${assign}${print({ call: `new ${className}`, args: [input.parent, stringLiteral(input.id), ...args] }, '    ', assign.length + 1)};`, ...all];
  };
}

/**
 * Adds the statement of a Pod or workload, after the statements its code needs
 * (`before`, then its volumes and long env lists); Services and selections of
 * the input that select its Pods follow it, unless it is not `selectable`.
 */
export function addTarget(input: KindInput, props: Code, code: TargetCode, before: () => string[] = () => [], selectable = true): void {
  const { kind, name, variable } = input;
  const target: Target = { kind, name, variable, selector: code.selector ?? code.labels, labels: code.labels, ports: code.ports, used: false };
  if (selectable) {
    input.targets.add(target);
  }
  const render = constructStatement(input, kind, props, () => target.used || input.ref.used, code.patches);
  input.add({ group: 1, target, render: () => [...before(), ...code.statements, ...render()] });
}

/** What {@link addTarget} writes of a Pod or workload besides its props: a Pod is selected by its labels, a workload by its selector. */
export interface TargetCode {
  readonly statements: readonly string[];
  readonly labels: Record<string, string>;
  readonly ports: DeclaredPort[];
  readonly selector?: Record<string, string>;
  readonly patches?: readonly string[];
}

/** The spec of the object, or a "missing" problem. */
export function specOf(input: KindInput): YamlMap {
  return input.reader.map(input.reader.required(input.value, 'spec', ''), 'spec') ?? {};
}

/**
 * An object made elsewhere, named by `Kind.fromName(name)`: one constant
 * for each, however many places refer to it.
 */
export function namedReference(scope: Scope, kind: string, name: string): string {
  scope.imports.add(kind);
  const key = `${kind}/${name}`;
  let external = scope.external.get(key);
  if (external === undefined) {
    const variable = scope.names.claim(camelCase(`${name}-${kind}`), camelCase(`external-${name}-${kind}`));
    external = { variable, statement: `const ${variable} = ${kind}.fromName(${stringLiteral(name)});` };
    scope.external.set(key, external);
  }
  return external.variable;
}

/** A ServiceAccount by name: the variable of the one of the input, else a `ServiceAccount.fromName` constant. */
export function serviceAccountReference(scope: Scope, name: string): string {
  const own = scope.objects.get(`ServiceAccount/${name}`);
  if (own && !own.l1) {
    own.used = true;
    return own.variable;
  }
  return namedReference(scope, 'ServiceAccount', name);
}

/**
 * The object a key reference names: the variable of a ConfigMap or Secret
 * of the input when it holds the key (so the reference is type-checked),
 * `fromName` for one outside the input or for an optional key it lacks.
 * A required key missing from an object of the input is an error, as synth would report.
 */
export function keyedReference(reader: FieldReader, scope: Scope, kind: 'ConfigMap' | 'Secret', name: string, key: string | undefined, optional: boolean | undefined, at: string): string {
  const own = (kind === 'ConfigMap' ? scope.configMaps : scope.secrets).get(name);
  if (own && (key === undefined || own.typedKeys.has(key))) {
    own.used = true;
    return own.variable;
  }
  if (own && key !== undefined && !optional) {
    reader.problem(
      at,
      `key "${key}" is not in ${kind} "${name}" of the input`,
      `add "${key}" to the ${kind}, or mark the reference optional`,
      kind === 'ConfigMap' ? 'config-map-key-exists' : 'secret-key-exists',
    );
  }
  // Named once, as a constant, however many entries refer to it.
  return namedReference(scope, kind, name);
}

/**
 * The Pods with `matchLabels` (what a PodDisruptionBudget or a NetworkPolicy
 * is made from): the Pod or workload of the input whose own selector it is
 * (by variable, and the workload it then follows), else `PodSelector.labels(…)`.
 */
export function selectionOf(input: KindInput, matchLabels: Record<string, string>): { readonly code: Code; readonly after?: Target } {
  const found = Object.keys(matchLabels).length > 0 ? input.targets.find(matchLabels) : undefined;
  if (found?.exact) {
    found.target.used = true;
    return { code: found.target.variable, after: found.target };
  }
  input.scope.imports.add('PodSelector');
  return { code: { call: 'PodSelector.labels', args: [jsonLiteral(matchLabels)] } };
}

/** The fields of a label selector besides `matchLabels`, which the DSL's selections do not write. */
export function unmodeledSelector(selector: unknown, at: string): string[] {
  return unmodeledKeys(selector, ['matchLabels'], at);
}

/** The keys of `value` at `at` not in `known`, as paths (a list's are its indexes); none when it is neither a mapping nor a list. */
export function unmodeledKeys(value: unknown, known: readonly string[], at: string): string[] {
  return value !== null && typeof value === 'object' ? otherKeys(value as JsonObject, known).map((key) => `${at}.${key}`) : [];
}

/**
 * `matchLabels` of a selector at `at`. An empty selector (`{}`: every Pod)
 * is written as `matchLabels: {}`, which selects the same, as Peapod renders it.
 */
export function matchLabelsOf(reader: FieldReader, selector: YamlMap, at: string): Record<string, string> {
  if (selector.matchLabels === undefined) {
    selector.matchLabels = {};
    reader.note(`${at}.matchLabels`, 'written as {}, which selects the same Pods (every Pod of the namespace)');
  }
  return reader.stringMap(selector.matchLabels, `${at}.matchLabels`) ?? {};
}
