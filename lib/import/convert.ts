import * as path from 'path';
import { PROTOCOLS } from '../port';
import { laterFieldDetail, laterFieldFix, laterFieldOf } from '../_later-fields';
import { SESSION_AFFINITIES, TRAFFIC_POLICIES } from '../validation/service-spec';
import { fieldOf, listAt, namespaceOf } from '../validation/_json';
import { camelCase, chartClassName, Code, commentStatements, commentText, jsonLiteral, literal, Names, objectOf, print, stringLiteral } from './code';
import { copyJson } from './_kubectl-yaml';
import { addTarget, constructStatement, convertL1, convertPlain, isClusterScoped, plainMetadata, Item, KIND_CONVERTERS, KindInput, kindRank, l1ClassOf, Referable, routeOf } from './kinds';
import { FieldReader, InputMap, isMap, isStringMap, otherKeys, YamlMap } from './fields';
import { StrategyShape, updateStrategy } from './kinds/_workload';
import { l1Literal, l1Property } from './l1-literal';
import { l1Schema } from './l1-schema';
import { convertTemplate, TemplateCode } from './pod-template';
import { Findings, ImportError, Origin } from './problems';
import { describe, ImportInput, readObjects } from './read';
import { selectedElsewhere, WorkloadElsewhere } from './_folders';
import { detachLaterFields, laterFieldsIn } from './_later-patches';
import { Target, Targets } from './_targets';
import { Scope } from './scope';

/** Options of {@link importManifests}. */
export interface ImportOptions {
  /**
   * Name of the generated chart class.
   * @default - from the first file's name (`pods.yaml` → `PodsChart`), or `ImportedChart` for standard input
   */
  readonly className?: string;
  /**
   * The module the generated code imports Peapod from.
   * @default 'peapod'
   */
  readonly from?: string;
  /**
   * Workloads of other charts of the same import (`--chart-per-folder`): a
   * Service that selects one of them says so in a comment.
   * @default - none
   */
  readonly workloadsElsewhere?: readonly WorkloadElsewhere[];
}

/** What {@link importManifests} produced. */
export interface ImportResult {
  /** The TypeScript source of the chart. */
  readonly source: string;
  /** The name of the chart class. */
  readonly className: string;
  /** What the import changed on the way (fields the API server sets, defaults it made explicit), one line each. */
  readonly notes: readonly string[];
  /** The notes as the place and the change, for a summary that names each change once. */
  readonly placedNotes: readonly { readonly place: string; readonly message: string }[];
  /** The input objects as the import read them, after the changes in `notes`: what synth of the chart gives. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the public type of 0.1, which programs read fields of; the objects are plain JSON
  readonly objects: readonly any[];
  /** The module specifier the code imports Peapod by. */
  readonly from: string;
}

/** What a chart class name may be: it is written into the code as it is. */
export const CLASS_NAME = /^[A-Z][A-Za-z0-9_]*$/;

// Without a prototype: a kind of the input (`toString`, `__proto__`) finds nothing that is not listed here.
const API_VERSIONS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  Pod: 'v1',
  Service: 'v1',
  ConfigMap: 'v1',
  Secret: 'v1',
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  ...Object.fromEntries(Object.entries(KIND_CONVERTERS).map(([kind, converter]) => [kind, converter.apiVersion])),
});
// Written by the API server or by kubectl; an exported manifest carries them, a source manifest does not.
const SERVER_METADATA = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink'];
const SERVER_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision', 'deprecated.daemonset.template.generation', 'batch.kubernetes.io/job-tracking'];

/**
 * Converts Kubernetes manifests into the source of a Peapod chart class:
 * the kinds Peapod models as its classes (Pods, Deployments and ReplicaSets
 * here, the others in `kinds/`), other kinds as their L1 classes or plain
 * ApiObjects. Throws an
 * {@link ImportError} listing every problem of the input when any object
 * cannot be written as Peapod code that synthesizes to it.
 */
export function importManifests(inputs: readonly ImportInput[], options: ImportOptions = {}): ImportResult {
  const findings = new Findings();
  const objects = readObjects(inputs, findings);
  const scope: Scope = { objects: new Map(), names: new Names(), usage: { usesK8s: false, usesJsonPatch: false, usesApiObject: false }, imports: new Set(), typeImports: new Set(), external: new Map(), configMaps: new Map(), secrets: new Map() };
  // Construct ids are unique within their parent: the chart, or the Chart of a namespace in it.
  const idsByParent = new Map<string, Names>();
  const idsIn = (parent: string): Names => idsByParent.get(parent) ?? idsByParent.set(parent, new Names()).get(parent)!;
  const items: Item[] = [];
  // Services find their workload among the objects of their own namespace.
  const targetsByNamespace = new Map<string | undefined, Targets>();
  const targetsIn = (ns: string | undefined): Targets => targetsByNamespace.get(ns) ?? targetsByNamespace.set(ns, new Targets()).get(ns)!;
  const services: { input: KindInput; spec: YamlMap; metaEntries: [string, Code | undefined][]; namespace: string | undefined }[] = [];
  const afterServices: (() => void)[] = [];
  const cleaned: InputMap[] = [];
  const seen = new Map<string, Origin>();

  const accepted = objects.flatMap((object) => {
    const reader = new FieldReader(findings, object.origin);
    const value = reader.map(object.value, '');
    if (!value) {
      return [];
    }
    const kind = reader.string(reader.required(value, 'kind', '', 'add kind: Pod, Deployment, …'), 'kind');
    if (kind === undefined) {
      return [];
    }
    const apiVersion = reader.string(reader.required(value, 'apiVersion', '', `add apiVersion: ${API_VERSIONS[kind] ?? 'the API version of the kind'}`), 'apiVersion');
    if (apiVersion === undefined && !(kind in API_VERSIONS)) {
      return [];
    }
    const route = apiVersion === undefined ? ({ route: 'peapod' } as const) : routeOf(kind, apiVersion, API_VERSIONS);
    if (route.route === 'refused') {
      reader.problem(route.message.startsWith('kind') ? 'kind' : 'apiVersion', route.message, route.fix);
      if (!(kind in API_VERSIONS)) {
        return [];
      }
    }
    const metadata = reader.map(reader.required(value, 'metadata', ''), 'metadata') ?? {};
    const name = reader.string(reader.required(metadata, 'name', 'metadata'), 'metadata.name');
    if (name === undefined) {
      return [];
    }
    const origin = { ...object.origin, object: `${kind} "${name}"` };
    // Objects of one kind and name are one object only within a namespace.
    const key = JSON.stringify([kind, typeof metadata.namespace === 'string' ? metadata.namespace : null, name]);
    const first = seen.get(key);
    if (first) {
      findings.problem(origin, 'metadata.name', `${kind} "${name}" is also in ${first.file} document ${first.document}`, `keep one of them; Kubernetes would apply one over the other`);
      return [];
    }
    seen.set(key, origin);
    // The copy of a mapping whose metadata is a mapping, as read above.
    const copy = clean(copyJson(value) as InputMap, new FieldReader(findings, origin));
    KIND_CONVERTERS[kind]?.clean?.(copy, new FieldReader(findings, origin));
    cleaned.push(copy);
    const namespace = namespaceOf(copy);
    // A cluster-scoped object is in no namespace whatever its chart's: it does not make the input one of several namespaces.
    const clusterScoped = namespace === undefined && isClusterScoped(copy.apiVersion, kind);
    return [{ reader: new FieldReader(findings, origin), value: copy, kind, name, apiVersion, namespace, route, clusterScoped }];
  });

  // One namespace (or none) for all objects is the chart's, as a person would write it. Objects of
  // several come into one chart too: those without a namespace in it, each namespace's in a
  // Chart of its own inside it, whose namespace cdk8s gives the objects made in it.
  const namespaces = [...new Set(accepted.filter((a) => !a.clusterScoped).map((a) => a.namespace))];
  const chartNamespace = namespaces.length === 1 ? namespaces[0] : undefined;
  const namespaceCharts = new Map<string, string>();
  const namespaceStatements: string[] = [];
  for (const ns of namespaces.length > 1 ? namespaces : []) {
    if (ns !== undefined) {
      const variable = scope.names.claim(camelCase(`${ns}-namespace`), camelCase(`${ns}-namespace-chart`));
      namespaceCharts.set(ns, variable);
      namespaceStatements.push(`const ${variable} = new Chart(this, ${stringLiteral(idsIn('this').claim(ns, `${ns}-namespace`))}, { namespace: ${stringLiteral(ns)} });`);
    }
  }
  const parentOf = (ns: string | undefined): string => (ns === undefined ? undefined : namespaceCharts.get(ns)) ?? 'this';
  // A Pod refers to the ConfigMaps and Secrets of its own namespace; the rest of the scope is shared.
  const scopes = new Map<string | undefined, Scope>();
  const scopeIn = (ns: string | undefined): Scope =>
    scopes.get(ns) ?? scopes.set(ns, namespaces.length > 1 ? { ...scope, configMaps: new Map(), secrets: new Map(), objects: new Map() } : scope).get(ns)!;

  // ConfigMaps and Secrets first, as Pods refer to them, and Services last, as they refer to
  // workloads; a workload also gets the plain name as its id and variable when a Service shares it.
  const ordered = [...accepted].sort((a, b) => kindRank(a.kind) - kindRank(b.kind));
  // Names first, so that objects can refer to those converted after them; Pods and
  // workloads (rank 1) get the plain name when another object shares it.
  const named = new Map<(typeof ordered)[number], { id: string; variable: string; ref: Referable }>();
  for (const object of [...ordered].sort((a, b) => Number(kindRank(a.kind) !== 1) - Number(kindRank(b.kind) !== 1))) {
    const id = idsIn(parentOf(object.namespace)).claim(object.name, `${object.name}-${object.kind.toLowerCase()}`);
    const variable = scope.names.claim(camelCase(object.name), camelCase(`${object.name}-${object.kind}`), camelCase(object.kind));
    // Known before any is converted, for the kinds that refer to others: whether it comes in as Peapod's class.
    const ref: Referable = { kind: object.kind, name: object.name, variable, value: object.value, used: false, l1: object.route.route !== 'peapod' || isSelectorless(object) };
    scopeIn(object.namespace).objects.set(`${object.kind}/${object.name}`, ref);
    named.set(object, { id, variable, ref });
  }
  const restores: (() => void)[] = [];
  for (const object of ordered) {
    const { reader, value, kind, name, apiVersion, namespace, route } = object;
    const { id, variable, ref } = named.get(object)!;
    const scope = scopeIn(namespace);
    const parent = parentOf(namespace);
    const targets = targetsIn(namespace);
    if (isSelectorless(object)) {
      // Endpoints managed by hand (or by a controller): Peapod's Service is made from the Pods it selects.
      scope.usage.usesApiObject = true;
      reader.note('spec.selector', "Service without a selector written as a plain cdk8s ApiObject, which Peapod's rules do not check");
      plainMetadata(reader, scope, value.metadata);
      const call: Code = { call: 'new ApiObject', args: [parent, stringLiteral(id), jsonLiteral(value)] };
      items.push({ group: 1, render: () => [...commentStatements(SELECTORLESS_COMMENT), `${print(call, '    ')};`] });
      continue;
    }
    const nameEntry: [string, Code | undefined] = ['name', id === name ? undefined : stringLiteral(name)];
    const converter = route.route === 'peapod' ? KIND_CONVERTERS[kind] : undefined;
    const unmodeled = converter?.unmodeled?.(value, scope.objects).join(', ') || undefined;
    // Fields of later Kubernetes versions: out of the object while it is converted, then patched into its
    // manifest (not for an L1 object, whose class would drop them again).
    const later = detachLaterFields(value, route.route === 'peapod' && unmodeled === undefined ? laterFieldsIn(value, kind) : [], variable);
    restores.push(later.restore);
    if (later.patches.length > 0) {
      scope.usage.usesJsonPatch = true;
    }
    const input: KindInput = {
      reader, scope, value, kind, name, id, variable, parent, nameEntry, targets, objects: scope.objects, ref, laterPatches: later.patches,
      metaEntries: () => metadataEntries(reader, value.metadata, false),
      add: (item) => items.push(item),
      afterServices: (convert) => afterServices.push(convert),
    };
    ref.l1 = route.route !== 'peapod' || unmodeled !== undefined;
    if (route.route === 'l1' || unmodeled !== undefined) {
      const className = route.route === 'l1' ? route.className : apiVersion === undefined ? undefined : l1ClassOf(apiVersion, kind);
      if (className === undefined) {
        // No apiVersion: a problem of its own already.
        continue;
      }
      if (unmodeled !== undefined) {
        reader.note('', `comes in as k8s.${className}, the L1 class: Peapod's ${kind} does not model ${unmodeled}`);
      }
      convertL1(input, className, () => chartNamespace);
      continue;
    }
    if (route.route === 'plain') {
      convertPlain(input, route.why, () => chartNamespace);
      continue;
    }
    if (ref.governing?.made) {
      // The headless Service a StatefulSet of the input makes itself.
      continue;
    }
    scope.imports.add(kind);
    if (converter) {
      converter.convert(input);
      continue;
    }
    const metaEntries = metadataEntries(reader, value.metadata, kind === 'Pod');
    const spec = kind === 'ConfigMap' || kind === 'Secret' ? {} : reader.map(reader.required(value, 'spec', ''), 'spec') ?? {};
    reader.otherFields(value, ['apiVersion', 'kind', 'metadata', ...(kind === 'ConfigMap' ? ['data', 'binaryData', 'immutable'] : []), ...(kind === 'Secret' ? ['data', 'stringData', 'type', 'immutable'] : []), ...(kind === 'ConfigMap' || kind === 'Secret' ? [] : ['spec'])], '', `is not a field of a ${kind}`);
    switch (kind) {
      case 'ConfigMap': {
        const data = reader.stringMap(value.data, 'data');
        const binaryData = reader.stringMap(value.binaryData, 'binaryData');
        const keyed = { variable, typedKeys: new Set(Object.keys(data ?? {})), used: false };
        scope.configMaps.set(name, keyed);
        const props = objectOf([nameEntry, ...metaEntries, ['data', data && jsonLiteral(data)], ['binaryData', binaryData && jsonLiteral(binaryData)], ['immutable', literal(reader.boolean(value.immutable, 'immutable'))]]);
        items.push({ group: 0, render: constructStatement(input, kind, props, () => keyed.used) });
        break;
      }
      case 'Secret': {
        const data = reader.stringMap(value.data, 'data');
        const stringData = reader.stringMap(value.stringData, 'stringData');
        const type = reader.string(value.type, 'type');
        const immutable = reader.boolean(value.immutable, 'immutable');
        const keyed = { variable, typedKeys: new Set([...Object.keys(data ?? {}), ...Object.keys(stringData ?? {})]), used: false };
        scope.secrets.set(name, keyed);
        if (data || stringData) {
          reader.note('', 'its values are now in the generated source; keep that file out of version control, or use Secret.fromName for a Secret made elsewhere');
        }
        const props = objectOf([nameEntry, ...metaEntries, ['type', literal(type)], ['stringData', stringData && jsonLiteral(stringData)], ['data', data && jsonLiteral(data)], ['immutable', literal(immutable)]]);
        items.push({ group: 0, render: constructStatement(input, kind, props, () => keyed.used) });
        break;
      }
      case 'Pod': {
        const template = convertTemplate(reader, scope, value.metadata, spec, 'spec', 'metadata', variable);
        addTarget(input, objectOf([nameEntry, ...template.entries]), template);
        break;
      }
      case 'Deployment':
      case 'ReplicaSet': {
        const workload = convertWorkload(reader, scope, spec, kind, variable);
        if (workload) {
          addTarget(input, objectOf([nameEntry, ...metaEntries, ...workload.entries]), workload);
        }
        break;
      }
      case 'Service':
        services.push({ input, spec, metaEntries, namespace });
        break;
    }
  }
  for (const { input, spec, metaEntries, namespace } of services) {
    const { reader, ref } = input;
    // A StatefulSet's governing Service comes before it, which takes it as an object, and selects its Pods by their labels.
    const service = convertService(reader, scopeIn(namespace), spec, input.variable, ref.governing ? new Targets() : targetsIn(namespace));
    if (!service) {
      continue;
    }
    const other = service.after === undefined && isStringMap(spec.selector) ? selectedElsewhere(spec.selector, options.workloadsElsewhere ?? []) : undefined;
    const comment = other && `// ${commentText(`Selects the Pods of ${other.kind} "${other.name}" of ${other.chart}, another chart of this import.`)}`;
    const statement = constructStatement(input, 'Service', objectOf([input.nameEntry, ...metaEntries, ['target', service.targetCode], ...service.entries]), () => ref.used, service.patches);
    const render = () => [...(comment ? [comment] : []), ...statement()];
    if (ref.governing) {
      ref.governing.render = render;
    } else {
      items.push({ group: 1, after: service.after, render });
    }
  }
  afterServices.forEach((convert) => convert());

  // The round trip compares the objects with the later fields in them.
  restores.forEach((restore) => restore());
  if (findings.problems.length > 0) {
    // In input order: syntax errors are found while reading, before the objects are converted.
    const fileIndex = (file: string) => inputs.findIndex((i) => i.file === file);
    const order = (o: Origin) => fileIndex(o.file) * 1e6 + o.document;
    throw new ImportError([...findings.problems].sort((a, b) => order(a.origin) - order(b.origin)));
  }

  const className = options.className ?? defaultClassName(inputs);
  const from = options.from ?? 'peapod';
  if (!CLASS_NAME.test(className)) {
    throw new TypeError(`peapod import: className ${stringLiteral(className)} is not a class name; use PascalCase letters and digits`);
  }
  const body = arrange(items).flatMap((item) => item.render());
  body.unshift(...namespaceStatements, ...[...scope.external.values()].map((e) => e.statement));
  const peapod = [...scope.imports].sort();
  const cdk8s = [...(scope.usage.usesApiObject ? ['ApiObject'] : []), 'Chart', 'ChartProps', ...(scope.usage.usesJsonPatch ? ['JsonPatch'] : [])];
  const files = inputs.map((i) => (i.file === '-' ? 'standard input' : path.basename(i.file))).join(', ');
  const nsProps = chartNamespace === undefined ? 'props' : `{ namespace: ${stringLiteral(chartNamespace)}, ...props }`;
  const source = [
    `// ${commentText(`Imported by \`peapod import\` from ${files}.`)}`,
    '// It is ordinary code now: edit it, it is not regenerated.',
    `import { ${cdk8s.join(', ')} } from 'cdk8s';`,
    ...(scope.usage.usesK8s ? ["import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';"] : []),
    "import { Construct } from 'constructs';",
    ...(peapod.length > 0 ? [importLine(peapod, from)] : []),
    ...(scope.typeImports.size > 0 ? [`import type { ${[...scope.typeImports].sort().join(', ')} } from ${stringLiteral(from)};`] : []),
    '',
    `/** ${commentText(`The objects of ${files}.`)} */`,
    `export class ${className} extends Chart {`,
    '  public constructor(scope: Construct, id: string, props: ChartProps = {}) {',
    `    super(scope, id, ${nsProps});`,
    ...body.map((line) => (line.length > 0 ? `    ${line}` : line)),
    '  }',
    '}',
    '',
  ].join('\n');
  return { source, className, notes: findings.placedNotes.map((n) => `${n.place}: ${n.message}`), placedNotes: findings.placedNotes, objects: cleaned, from };
}

function isSelectorless({ kind, value }: { kind: string; value: InputMap }): boolean {
  return kind === 'Service' && !(isMap(value.spec) && isMap(value.spec.selector) && Object.keys(value.spec.selector).length > 0);
}

const SELECTORLESS_COMMENT =
  "A plain cdk8s ApiObject, not a Peapod Service: it has no selector, so its endpoints are managed by hand or by a controller, and a Peapod Service is made from the Pods it selects. It is written exactly as given and not checked by Peapod's rules.";

// One line when it fits, one name a line otherwise.
function importLine(names: readonly string[], from: string): string {
  const line = `import { ${names.join(', ')} } from ${stringLiteral(from)};`;
  return line.length <= 120 ? line : `import {\n${names.map((n) => `  ${n},`).join('\n')}\n} from ${stringLiteral(from)};`;
}

// ConfigMaps and Secrets first, as Pods refer to them; then the rest in
// input order, with each Service after the workload it is made from.
function arrange(items: Item[]): Item[] {
  const out = items.filter((i) => i.group === 0);
  const rest = items.filter((i) => i.group !== 0);
  const placed = new Set<Target>();
  const waiting: Item[] = [];
  for (const item of rest) {
    if (item.after && !placed.has(item.after)) {
      waiting.push(item);
      continue;
    }
    out.push(item);
    if (item.target) {
      placed.add(item.target);
      for (const w of waiting.filter((w) => w.after === item.target)) {
        out.push(w);
        waiting.splice(waiting.indexOf(w), 1);
      }
    }
  }
  return [...out, ...waiting];
}

function defaultClassName(inputs: readonly ImportInput[]): string {
  const first = inputs.find((i) => i.file !== '-');
  return chartClassName(first ? path.basename(first.file).replace(/\.(ya?ml|json)$/i, '') : 'imported');
}

// Drops what the API server writes into an object, so an exported manifest imports like a source one.
function clean(value: InputMap, reader: FieldReader): InputMap {
  if (value.status !== undefined) {
    delete value.status;
    reader.note('status', 'left out: the API server writes it');
  }
  const { metadata, spec } = value;
  for (const key of SERVER_METADATA) {
    if (metadata[key] !== undefined) {
      delete metadata[key];
      reader.note(`metadata.${key}`, 'left out: the API server writes it');
    }
  }
  const annotations = isMap(metadata.annotations) ? metadata.annotations : {};
  for (const key of SERVER_ANNOTATIONS) {
    if (annotations[key] !== undefined) {
      delete annotations[key];
      reader.note(`metadata.annotations.${key}`, 'left out: kubectl or a controller writes it');
      if (Object.keys(annotations).length === 0) {
        delete metadata.annotations;
      }
    }
  }
  if (value.kind === 'Service' && isMap(spec) && spec.clusterIP !== undefined && spec.clusterIP !== 'None') {
    for (const key of ['clusterIP', 'clusterIPs']) {
      if (spec[key] !== undefined) {
        delete spec[key];
        reader.note(`spec.${key}`, 'left out: the API server allocates it');
      }
    }
  }
  const podSpec = value.kind === 'Pod' ? spec : fieldOf(fieldOf(spec, 'template'), 'spec');
  if (isMap(podSpec)) {
    cleanPodSpec(podSpec, value.kind === 'Pod' ? 'spec' : 'spec.template.spec', reader);
  }
  dropEmpty(value, '', reader, value.kind === 'Service' ? /^(spec\.selector|.*\b(labels|annotations|nodeSelector|matchLabels))$/ : MAP_FIELDS, value.kind === 'PodDisruptionBudget' ? /^spec\.selector$|(^|\.)(podSelector|namespaceSelector)$/ : SELECTORS);
  return value;
}

// What admission and defaulting add to a Pod spec that `kubectl get -o yaml` shows.
function cleanPodSpec(spec: YamlMap, at: string, reader: FieldReader): void {
  const injected = new Set<unknown>();
  if (Array.isArray(spec.volumes)) {
    spec.volumes = spec.volumes.filter((volume: unknown, i: number) => {
      const name = fieldOf(volume, 'name');
      const token = typeof name === 'string' && name.startsWith('kube-api-access-') && fieldOf(volume, 'projected') !== undefined;
      if (token) {
        injected.add(name);
        reader.note(`${at}.volumes[${i}]`, `left out: the ServiceAccount admission plugin adds volume "${name}" and its mounts to every Pod`);
      }
      return !token;
    });
  }
  for (const field of ['initContainers', 'containers']) {
    listAt(spec[field]).forEach((container, i) => {
      if (isMap(container) && Array.isArray(container.volumeMounts)) {
        container.volumeMounts = container.volumeMounts.filter((mount: unknown) => !injected.has(fieldOf(mount, 'name')));
      }
      listAt(fieldOf(container, 'env')).forEach((variable, j) => {
        const fieldRef = fieldOf(fieldOf(variable, 'valueFrom'), 'fieldRef');
        if (isMap(fieldRef) && fieldRef.apiVersion === 'v1') {
          delete fieldRef.apiVersion;
          reader.note(`${at}.${field}[${i}].env[${j}].valueFrom.fieldRef.apiVersion`, 'left out: "v1" is the default');
        }
      });
    });
  }
}

// Keys cdk8s's own rendering cannot write: it takes an own `constructor` for
// the object's class and stops, and writes `__proto__` by assignment, which
// loses it. Peapod's App writes them, but the round trip renders through
// cdk8s, so the import cannot check them yet: refused with a message rather than lost.
const UNWRITABLE_KEYS = ['__proto__', 'constructor'];

// Fields that are maps in the API (labels, ConfigMap data, resource amounts):
// a null entry there is a key with an empty value to Kubernetes, not an absent one.
const MAP_FIELDS = /^(data|binaryData|stringData|.*\b(labels|annotations|nodeSelector|matchLabels|limits|requests|overhead))$/;

// An empty list or mapping, or a null field, means what an absent one does
// to Kubernetes, and Peapod leaves empty ones out; dropping them keeps the
// round trip exact. Volume sources are kept: `emptyDir: {}` is a volume,
// not an empty field. A null entry of a map is not absent, and is refused.
// Label selectors, where an empty one selects everything (a NetworkPolicy's `podSelector: {}`), and is kept.
// The walk also refuses the keys no round trip can check (UNWRITABLE_KEYS).
const SELECTORS = /(^|\.)(podSelector|namespaceSelector)$/;

function dropEmpty(value: unknown, at: string, reader: FieldReader, maps: RegExp, selectors: RegExp): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => dropEmpty(item, `${at}[${i}]`, reader, maps, selectors));
    return;
  }
  if (!isMap(value)) {
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const field = at ? `${at}.${key}` : key;
    if (UNWRITABLE_KEYS.includes(key)) {
      reader.problem(field, `the key "${key}" cannot be checked by the import's round trip, which renders through cdk8s (it loses or refuses the key)`, 'rename the key, or add it in the code after the import');
    }
    if (item === null && maps.test(at)) {
      reader.problem(field, 'is null, which Kubernetes stores as an empty value of the key (and kubectl apply may take for deleting it)', 'write "" for an empty value, or remove the key');
      continue;
    }
    const empty = item === null || (typeof item === 'object' && Object.keys(item).length === 0);
    if (empty && !/\.volumes\[\d+\]$/.test(at) && !(item !== null && selectors.test(field))) {
      delete value[key];
      reader.note(field, `left out: it is ${item === null ? 'null' : 'empty'}, which Kubernetes reads as absent`);
    } else {
      dropEmpty(item, field, reader, maps, selectors);
    }
  }
}

// Metadata of an object besides its name: its labels and annotations as
// props (a Pod's are in its template props), its namespace on the chart.
export function metadataEntries(reader: FieldReader, metadata: YamlMap, isPod: boolean): [string, Code | undefined][] {
  reader.otherFields(metadata, ['name', 'namespace', 'labels', 'annotations'], 'metadata', 'is not modeled by peapod import', 'remove it, or set it in the code after the import');
  reader.string(metadata.namespace, 'metadata.namespace');
  if (isPod) {
    return [];
  }
  return (['labels', 'annotations'] as const).map((field) => {
    const map = reader.stringMap(metadata[field], `metadata.${field}`);
    return [field, map && jsonLiteral(map)];
  });
}

/** What a workload kind other than Deployment and ReplicaSet has of its own, for {@link convertWorkload}. */
export interface WorkloadKind {
  /** Spec fields the kind writes itself (besides selector, template and minReadySeconds). */
  readonly modeled: readonly string[];
  /** The L1 type of the spec, for the fields patched in. */
  readonly l1Spec: string;
  /** The kind's own props, written before the template. */
  entries(spec: YamlMap): [string, Code | undefined][];
  /** Claim templates by name, which the containers mount as volumes, by variable. */
  readonly claims?: ReadonlyMap<string, string>;
}

/** A workload: the code of its props, and what Services and others find it by. */
export interface WorkloadCode extends TemplateCode {
  readonly patches: string[];
  readonly selector: Record<string, string>;
}

/** Converts the spec of a workload that selects its Pods by `spec.selector`; `own` is what a kind other than Deployment and ReplicaSet has. */
export function convertWorkload(reader: FieldReader, scope: Scope, spec: YamlMap, kind: string, variable: string, own?: WorkloadKind): WorkloadCode | undefined {
  const modeled = ['selector', 'template', 'minReadySeconds', ...(own ? own.modeled : ['replicas', ...(kind === 'Deployment' ? ['strategy', 'revisionHistoryLimit', 'progressDeadlineSeconds'] : [])])];
  const template = reader.map(reader.required(spec, 'template', 'spec'), 'spec.template');
  const selector = reader.map(reader.required(spec, 'selector', 'spec'), 'spec.selector');
  if (!template || !selector) {
    return undefined;
  }
  const metadata = reader.map(template.metadata, 'spec.template.metadata') ?? {};
  // Template metadata besides labels and annotations (a name, which the API server keeps and
  // ignores): patched into the manifest, as other fields Peapod does not model.
  const metadataPatches = fieldPatches(reader, scope, metadata, ['labels', 'annotations'], 'ObjectMeta', variable, 'spec.template.metadata');
  const podSpec = reader.map(reader.required(template, 'spec', 'spec.template'), 'spec.template.spec') ?? {};
  const converted = convertTemplate(reader, scope, metadata, podSpec, 'spec.template.spec', 'spec.template.metadata', variable, own?.claims);
  reader.otherFields(selector, ['matchLabels'], 'spec.selector', `is not modeled by Peapod, which selects a ${kind}'s Pods by labels of its template`, 'select by matchLabels only');
  const matchLabels = reader.stringMap(reader.required(selector, 'matchLabels', 'spec.selector'), 'spec.selector.matchLabels') ?? {};
  for (const [key, value] of Object.entries(matchLabels)) {
    const has = Object.hasOwn(converted.labels, key);
    if (!has || converted.labels[key] !== value) {
      reader.problem(
        `spec.selector.matchLabels.${key}`,
        `selects ${key}=${value}, but the Pod template has ${has ? `${key}=${converted.labels[key]}` : `no label ${key}`}`,
        'make the selector a subset of the template labels; Kubernetes rejects it otherwise',
        'workload-selector-matches-template',
      );
    }
  }
  const selectBy = Object.keys(matchLabels);
  const all = Object.keys(converted.labels);
  const entries: [string, Code | undefined, string?][] = [];
  if (modeled.includes('replicas')) {
    entries.push(['replicas', literal(reader.integer(spec.replicas, 'spec.replicas'))]);
  }
  if (selectBy.length !== all.length) {
    entries.push(['selectBy', jsonLiteral(selectBy)]);
  }
  entries.push(['minReadySeconds', literal(reader.integer(spec.minReadySeconds, 'spec.minReadySeconds'))]);
  if (kind === 'Deployment') {
    entries.push(['strategy', updateStrategy(reader, scope, spec.strategy, DEPLOYMENT_STRATEGY)]);
    for (const key of ['revisionHistoryLimit', 'progressDeadlineSeconds']) {
      entries.push([key, literal(reader.integer(spec[key], `spec.${key}`))]);
    }
  }
  entries.push(...(own?.entries(spec) ?? []));
  entries.push(['template', objectOf(converted.entries)]);
  const l1Spec = own?.l1Spec ?? (kind === 'Deployment' ? 'DeploymentSpec' : 'ReplicaSetSpec');
  const patches = notModeled([...fieldPatches(reader, scope, spec, modeled, l1Spec, variable), ...metadataPatches]);
  return { entries, statements: converted.statements, patches, selector: matchLabels, labels: converted.labels, ports: converted.ports };
}

const DEPLOYMENT_STRATEGY: StrategyShape = { kind: 'Deployment', field: 'strategy', className: 'DeploymentStrategy', other: 'Recreate', rollingFields: ['maxSurge', 'maxUnavailable'], checkCounts: true };

const NOT_MODELED_COMMENT = '// Not modeled by Peapod: patched into the manifest, with the field names the manifest has.';

/** The patches of fields with no prop, under one comment that says what they are. */
export function notModeled(patches: readonly string[]): string[] {
  const lines = patches.filter((line) => line !== NOT_MODELED_COMMENT);
  return lines.length > 0 ? [NOT_MODELED_COMMENT, ...lines] : [];
}

// The fields of `map` (at `at` in the manifest, of the L1 type `l1Name`) not in `modeled`, as JSON patches.
export function fieldPatches(reader: FieldReader, scope: Scope, map: YamlMap, modeled: string[], l1Name: string, variable: string, at = 'spec'): string[] {
  const lines: string[] = [];
  for (const key of otherKeys(map, modeled)) {
    const property = l1Property(l1Name, key);
    const field = l1Schema().get(l1Name)?.get(key);
    if (!property || !field) {
      const later = laterFieldOf(l1Name, key);
      reader.problem(
        `${at}.${key}`,
        later ? laterFieldDetail(later) : `is not a field of ${l1Name}`,
        later ? laterFieldFix(later) : 'check the spelling against the Kubernetes API reference, or remove it',
      );
      continue;
    }
    // Read as the L1 type for its checks; the patch applies to the manifest, so it is written as the manifest spells it.
    if (l1Literal(map[key], field.type, `${at}.${key}`, reader, { usesK8s: false }, true) === undefined) {
      continue;
    }
    scope.usage.usesJsonPatch = true;
    lines.push(`${variable}.apiObject.addJsonPatch(JsonPatch.add(${stringLiteral(`/${at.replace(/\./g, '/')}/${key}`)}, ${print(jsonLiteral(map[key]), '    ')}));`);
  }
  return lines;
}

interface ServiceCode {
  /** What the Service is made from: a workload's variable, or a label selector. */
  readonly targetCode: Code;
  /** The workload of the input it is made from, which its statement follows. */
  readonly after?: Target;
  readonly entries: [string, Code | undefined][];
  readonly patches: string[];
}

export function convertService(reader: FieldReader, scope: Scope, spec: YamlMap, variable: string, targets: Targets): ServiceCode | undefined {
  const selector = reader.stringMap(spec.selector, 'spec.selector');
  // A Service without one is written as a plain ApiObject before this; a selector of other values is a problem stringMap reported.
  if (!selector) {
    return undefined;
  }
  const found = targets.find(selector);
  const patches: string[] = [];
  let targetCode: Code;
  if (found) {
    found.target.used = true;
    targetCode = found.target.variable;
    if (!found.exact) {
      scope.usage.usesJsonPatch = true;
      patches.push(
        `// ${commentText(`The input selects by fewer labels than ${found.target.kind} ${found.target.name} has; Peapod would select by all of them.`)}`,
        `${variable}.apiObject.addJsonPatch(JsonPatch.replace('/spec/selector', ${print(jsonLiteral(selector), '    ')}));`,
      );
    }
  } else {
    // Pods made elsewhere: another file, a Helm chart, an operator.
    scope.imports.add('PodSelector');
    targetCode = { call: 'PodSelector.labels', args: [jsonLiteral(selector)] };
  }
  const target = found?.target;
  const entries: [string, Code | undefined][] = [];
  const ports = reader.list(spec.ports, 'spec.ports');
  if (ports) {
    entries.push([
      'ports',
      {
        array: ports.map((item, i) => {
          const pat = `spec.ports[${i}]`;
          const port = reader.map(item, pat) ?? {};
          reader.otherFields(port, ['name', 'port', 'targetPort', 'protocol', 'nodePort', 'appProtocol'], pat, 'is not a field of a Service port');
          const number = reader.integer(reader.required(port, 'port', pat), `${pat}.port`);
          if (port.targetPort === undefined && number !== undefined) {
            port.targetPort = number;
            reader.note(`${pat}.targetPort`, `written as ${number}, the port, which is what Kubernetes uses when it is left out`);
          }
          const targetPort = port.targetPort;
          if (targetPort !== undefined && typeof targetPort !== 'string' && !Number.isInteger(targetPort)) {
            reader.problem(`${pat}.targetPort`, `is ${describe(targetPort)}; expected a port number or name`, 'write a number (8080) or the name of a container port');
          }
          if (typeof targetPort === 'string' && port.name === undefined) {
            port.name = targetPort;
            reader.note(`${pat}.name`, `written as "${targetPort}": Peapod names a Service port after the container port it targets`);
          }
          // A port number works whether a container declares it or not (it need only listen); a name must be declared to resolve.
          const declared = typeof targetPort === 'number' || targetPort === undefined || target === undefined || target.ports.some((p) => p.name === targetPort);
          if (!declared) {
            reader.problem(
              `${pat}.targetPort`,
              `targets port ${JSON.stringify(targetPort)}, which no container of ${target?.kind} ${target?.name} declares`,
              'declare the port on the container, or target one it declares',
              'service-target-port-declared',
            );
          }
          const name = reader.string(port.name, `${pat}.name`);
          return objectOf([
            ['name', name === targetPort ? undefined : literal(name)],
            ['port', literal(number)],
            ['targetPort', targetPort === undefined ? undefined : jsonLiteral(targetPort)],
            ['protocol', literal(reader.oneOf(port.protocol, `${pat}.protocol`, PROTOCOLS))],
            ['nodePort', literal(reader.integer(port.nodePort, `${pat}.nodePort`))],
            ['appProtocol', literal(reader.string(port.appProtocol, `${pat}.appProtocol`))],
          ]);
        }),
      },
    ]);
  }
  entries.push(['type', literal(reader.oneOf(spec.type, 'spec.type', ['ClusterIP', 'NodePort', 'LoadBalancer']))]);
  entries.push(['headless', spec.clusterIP === 'None' ? 'true' : undefined]);
  entries.push(['sessionAffinity', literal(reader.oneOf(spec.sessionAffinity, 'spec.sessionAffinity', SESSION_AFFINITIES))]);
  entries.push(['externalTrafficPolicy', literal(reader.oneOf(spec.externalTrafficPolicy, 'spec.externalTrafficPolicy', TRAFFIC_POLICIES))]);
  entries.push(['publishNotReadyAddresses', literal(reader.boolean(spec.publishNotReadyAddresses, 'spec.publishNotReadyAddresses'))]);
  const modeled = ['selector', 'ports', 'type', 'sessionAffinity', 'externalTrafficPolicy', 'publishNotReadyAddresses', ...(spec.clusterIP === 'None' ? ['clusterIP'] : [])];
  patches.push(...notModeled(fieldPatches(reader, scope, spec, modeled, 'ServiceSpec', variable)));
  return { targetCode, after: target, entries, patches };
}
