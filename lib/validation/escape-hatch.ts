import type { ApiObject } from 'cdk8s';
import type { Unvalidated } from '../_manifest';
import { setOwn } from '../_plain';
import { oncePerPass, renderedManifest } from '../_synth';
import type { TypedSchemaProblem } from '../schema/schema-check';
import { _addProblemAugmenter, IProblemSource } from './engine';
import { Problem, RuleReport } from './problem';
import { fieldOf } from './_json';
import { defineRules } from './rules';

/** The rule that holds escape-hatch values to the Kubernetes schema. */
export const ESCAPE_HATCH_RULES = defineRules([
  {
    id: 'kubernetes-schema',
    severity: 'error',
    category: 'api-server',
    summary: 'Values given through the escape hatches (`extraSpec`, `extraFields`, `Volume.fromSource`) or set by JSON patches have the types the Kubernetes 1.27 schema gives their fields.',
    why: 'The escape hatches and JSON patches reach fields past the props, so no prop type checks them; a value typed `any` (`hostNetwork: "yes"`) would be refused by the API server.',
    fix: 'Give the field a value of the type the Kubernetes API reference lists for it.',
    see: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/',
  },
  {
    id: 'json-patch-not-applied',
    severity: 'error',
    summary: 'Each JSON patch of an object applies to its manifest as the patches before it leave it.',
    why: 'A patch whose path goes through a field the manifest does not have (`remove /spec/nodeSelector/gpu` or `add /spec/nodeSelector/gpu` on an object without a nodeSelector), or whose `test` fails, stops the render: no manifest can be written, and cdk8s fails the same way. (A `remove` or `replace` of a missing last key is no failure: it removes nothing, or adds the key.)',
    fix: 'Give each patch a path whose parent fields are in the manifest as `dist/` spells it and the earlier patches leave it (`add` the parent object first, such as `add /spec/nodeSelector {}`), and give a `test` the value the field holds.',
    see: 'https://datatracker.ietf.org/doc/html/rfc6902',
  },
  {
    id: 'unexpected-value-type',
    severity: 'error',
    summary: 'Every value of an object has a type Peapod can read, so that its checks can run to the end.',
    why: 'The props are typed and escape-hatch and JSON-patched values are held to the schema, but a value typed `any`, a patch of an object cdk8s renders itself or an L1 object can still put, say, a string where a list belongs; a check or the render that meets it stops, and the object\'s other problems go unreported.',
    fix: 'Give each field the type the Kubernetes API reference lists for it: look at the values given through `as any`, escape hatches, JSON patches and L1 objects.',
  },
]);

// Fields whose empty value the API server reads as "not set" and defaults
// (restartPolicy Always, dnsPolicy ClusterFirst, operator Equal, every
// effect, imagePullPolicy and protocol by the defaults), though the
// OpenAPI schema's enum leaves "" out.
const DEFAULTED_WHEN_EMPTY: ReadonlySet<string> = new Set(['restartPolicy', 'dnsPolicy', 'operator', 'effect', 'imagePullPolicy', 'protocol', 'terminationMessagePolicy']);

function defaultedWhenEmpty(field: string, message: string): boolean {
  return message.startsWith('must be one of ') && message.endsWith(', got ""') && DEFAULTED_WHEN_EMPTY.has(field.slice(field.lastIndexOf('.') + 1));
}

/** A manifest as the rules read it, and what the Kubernetes schema found in its escape-hatch values. */
export interface ManifestToValidate<T> {
  /** The manifest, typed: as rendered, or a copy without the escape-hatch and JSON-patched values of a JSON type the schema refuses. */
  readonly manifest: Unvalidated<T> & { readonly apiVersion?: string; readonly kind?: string };
  /**
   * The problems the rules recorded in `report`, with those the schema
   * finds in the escape-hatch values: a rule's problem at a value withheld
   * from the rules (a missing command, where the command was not a list)
   * gives way to the schema's, and the schema's at a field a rule reported
   * (an integer out of range, a name in the wrong form) to the rule's,
   * which says more. Call it when the rules are done. (The schema's
   * problems at fields a JSON patch changed are added to every construct's
   * problems in the same way, by problemsOf: see withPatchProblems.)
   */
  withSchemaProblems(report: RuleReport): readonly Problem[];
}

/**
 * The manifest of `apiObject` for the rules to read, with the fields set
 * through escape hatches (`hatchFields`, manifest paths such as
 * `spec.hostNetwork` or `spec.containers[0].lifecycle`) and the fields its
 * JSON patches changed held to the Kubernetes 1.27 schema first.
 *
 * Why the rules may read it as `Unvalidated<T>`: what the DSL renders is
 * typed by the compiler (its props, and its render code, which returns
 * `Manifest<…>`), and an escape-hatch value or a JSON patch is where a
 * value of any JSON type can enter (typed `any`, or read from JSON). A
 * value that the schema says is of a JSON type its field cannot hold (a
 * string for a boolean, a list or an object) is withheld: the rules read a
 * copy without it, and its schema error is reported. The rest of the
 * manifest is Peapod's own rules' business. (A patch on an object that
 * cdk8s renders itself, when the app has resolvers of its own, is not held
 * to the schema: a TypeError it causes in a rule is reported as
 * `unexpected-value-type`, see problemsOf.) The schemas are loaded only
 * when an escape hatch or a patch is used: they take about a second to
 * compile.
 */
export function manifestToValidate<T>(apiObject: ApiObject, hatchFields: readonly string[] = []): ManifestToValidate<T> {
  const rendered: unknown = renderedManifest(apiObject);
  const patched = patchCheckOf(apiObject, rendered);
  if (hatchFields.length === 0 && patched === undefined) {
    return { manifest: rendered as ManifestToValidate<T>['manifest'], withSchemaProblems: problemsOfReport };
  }
  // The escape hatches take the L1 spelling (hostIpc), the manifest has the API's (hostIPC).
  const prefixes = hatchFields.map((field) => field.toLowerCase());
  const problems = schemaProblemsUnder(rendered, (field) => under(field.toLowerCase(), prefixes) && !under(field, patched?.fields ?? []));
  const withheld = [...(patched?.withheld ?? [])];
  const manifest = problems.reduce((m, problem) => withholding(m, problem, withheld), patched?.manifest ?? rendered);
  return {
    manifest: manifest as ManifestToValidate<T>['manifest'],
    withSchemaProblems: (report) => withProblemsOf(report.construct, report.problems, { problems, withheld }, 'the escape-hatch value'),
  };
}

// The rules about the escape hatches themselves, which read the props, not the manifest: they saw the withheld values.
const READ_FROM_PROPS: ReadonlySet<string> = new Set(['extra-field-modeled', 'unknown-field']);

const problemsOfReport = (report: RuleReport): readonly Problem[] => report.problems;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see manifestToValidate
const schemaCheck = (): typeof import('../schema/schema-check') => require('../schema/schema-check') as typeof import('../schema/schema-check');

// The schema's problems at the fields `checked` picks. An unknown field is left out: the converters leave out
// the fields they do not know (the unknown-field rule reports them), and a JSON patch may add one of a later Kubernetes.
function schemaProblemsUnder(manifest: unknown, checked: (field: string) => boolean): TypedSchemaProblem[] {
  return schemaCheck()
    ._checkManifestTypes(manifest)
    .filter((p) => p.keyword !== 'additionalProperties' && checked(p.field) && !defaultedWhenEmpty(p.field, p.message));
}

// `own` without the rules' problems at withheld values, with the schema's problems at fields no rule reported an error at.
function withProblemsOf(construct: string, own: readonly Problem[], found: Pick<PatchCheck, 'problems' | 'withheld'>, valueGiven: string): readonly Problem[] {
  const { problems, withheld } = found;
  const all = new RuleReport(construct);
  own.filter((p) => READ_FROM_PROPS.has(p.rule) || !under(p.field, withheld)).forEach((p) => all.add(p));
  const reported = new Set(all.problems.filter((p) => p.severity === 'error').map((p) => p.field.toLowerCase()));
  const version = schemaCheck().KUBERNETES_SCHEMA_VERSION;
  for (const problem of problems) {
    if (!reported.has(problem.field.toLowerCase())) {
      all.error('kubernetes-schema', problem.field, `${valueGiven} ${problem.message}, which the Kubernetes ${version} schema refuses`);
    }
  }
  return all.problems;
}

/** What an ApiObject tells validation about its JSON patches (Peapod's ManifestObject does). */
interface PatchedObject {
  _beforeJsonPatches?(): unknown;
}

// What the schema finds at the fields the JSON patches of an object changed: those fields, the problems, and the manifest without the values of a wrong type.
interface PatchCheck {
  readonly fields: readonly string[];
  readonly problems: readonly TypedSchemaProblem[];
  readonly withheld: readonly string[];
  readonly manifest: unknown;
}

// The check of `apiObject`'s patched fields, once per pass (keyed on the manifest rendered for it); undefined when it has no patches.
function patchCheckOf(apiObject: ApiObject, rendered: unknown): PatchCheck | undefined {
  const before = (apiObject as PatchedObject)._beforeJsonPatches?.();
  if (before === undefined || rendered === null || typeof rendered !== 'object') {
    return undefined;
  }
  return oncePerPass(rendered, () => {
    if (!patchAugmenterAdded) {
      // Added on first use, not as the module loads: engine.ts imports this module.
      _addProblemAugmenter(withPatchProblems);
      patchAugmenterAdded = true;
    }
    const { _fieldPathOf } = schemaCheck();
    const fields = changedFields(before, rendered, []).map(_fieldPathOf);
    const problems = fields.length === 0 ? [] : schemaProblemsUnder(rendered, (field) => under(field, fields));
    const withheld: string[] = [];
    const manifest = problems.reduce<unknown>((m, problem) => withholding(m, problem, withheld), rendered);
    return { fields, problems, withheld, manifest };
  });
}

let patchAugmenterAdded = false;

// The keys of each value in `after` that is not in `before` as it is (a patch's `add`, `replace`, `copy`, the target of a `move`);
// `after` is there (an undefined list element is one: a patch that sets an element to null leaves it).
function changedFields(before: unknown, after: unknown, keys: readonly string[]): (readonly string[])[] {
  if (before === after) {
    return [];
  }
  if (before !== null && after !== null && typeof before === 'object' && typeof after === 'object' && Array.isArray(before) === Array.isArray(after)) {
    return Object.keys(after).flatMap((key) => {
      const was = Object.hasOwn(before, key) ? fieldOf(before, key) : undefined;
      return changedFields(was, fieldOf(after, key), [...keys, key]);
    });
  }
  return [keys];
}

/**
 * Adds to a construct's problems those the Kubernetes schema finds at the
 * fields its JSON patches changed, in the form and with the precedence of
 * the escape hatches' (see withSchemaProblems), for every construct that
 * renders a patched object, whatever reads its manifest.
 */
function withPatchProblems(source: IProblemSource, own: readonly Problem[]): readonly Problem[] {
  const apiObject = fieldOf(source, 'apiObject') as ApiObject | undefined;
  const check = apiObject === undefined ? undefined : patchCheckOf(apiObject, renderedManifest(apiObject));
  if (check === undefined || check.problems.length === 0) {
    return own;
  }
  return withProblemsOf(source.node.path, own, check, 'the value a JSON patch set');
}

// Whether manifest field `field` is one of `paths` or under one.
function under(field: string, paths: readonly string[]): boolean {
  return paths.some((path) => field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`));
}

// `manifest` without the value of the wrong type `problem` found, copied
// along its path only (what the writer writes stays as it is); the field
// path of what it withholds is added to `withheld`. A list element of the
// wrong type withholds its list: the rules read each element by its
// index, which must stay the manifest's.
function withholding(manifest: unknown, problem: TypedSchemaProblem, withheld: string[]): unknown {
  const keys = problem.wrongTypeAt;
  if (keys === undefined) {
    return manifest;
  }
  let end = keys.length;
  while (end > 1 && Array.isArray(valueAt(manifest, keys, end - 1))) {
    end--;
  }
  if (valueAt(manifest, keys, end) === undefined) {
    return manifest; // withheld already, with a value around it
  }
  withheld.push(schemaCheck()._fieldPathOf(keys.slice(0, end)));
  return copiedWithout(manifest as Record<string, unknown>, keys.slice(0, end));
}

function valueAt(value: unknown, keys: readonly string[], end: number): unknown {
  return keys.slice(0, end).reduce(fieldOf, value);
}

function copiedWithout(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  if (keys.length === 1) {
    delete copy[keys[0]];
  } else {
    setOwn(copy, keys[0], copiedWithout(copy[keys[0]] as Record<string, unknown>, keys.slice(1)));
  }
  return copy;
}
