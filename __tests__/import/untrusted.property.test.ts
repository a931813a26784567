import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { ImportError, importManifests } from '../../lib/import';
import { run } from '../../lib/import/cli';
import { readKubectlYaml } from '../../lib/import/_kubectl-yaml';
import { peapodSpecifier } from '../../lib/import/_project';
import { GeneratedFile, typeCheckGenerated } from '../../lib/import/verify';
import { problemsOf } from './_problems';

// The manifests of the import's fixtures, mutated at random places into
// whatever YAML can say: mappings without a prototype, `__proto__` and
// `constructor` keys, aliases and merges, tags, numbers beyond what
// JavaScript holds. The import must answer each with code that compiles or
// with a list of problems: never with an exception of its own.
const FIXTURES = path.join(__dirname, 'fixtures');
const seeds = yamlFiles(FIXTURES).flatMap((file) =>
  readKubectlYaml(fs.readFileSync(file, 'utf8'))
    .map((document) => document.value)
    .filter((value) => value !== null && typeof value === 'object' && !Array.isArray(value)),
);

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? yamlFiles(file) : /\.ya?ml$/.test(entry.name) ? [file] : [];
  });
}

const KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'name', 'kind', 'apiVersion', 'containerPort', 'protocol', 'ports', 'labels', 'matchLabels', 'spec', 'type', 'port', 'targetPort', 'value', 'key', '<<'];
const SCALARS = [
  '0x_1F', '1e400', '1e300', '18446744073709551616', '9007199254740993', '-0', '0644', '.nan', '~', 'yes', 'no', '2024-01-01', '12:30', '80', '-1', '1.5', 'true', 'toString', '__proto__',
  '!!binary aGVsbG8=', '!!binary ////', '!foo bar', '!!int "12"', '!!float 1', '!!str 80', '!!null ""', '"\\u202e"', "''", '*a0', '*nowhere',
];

// A YAML value as flow-style text; `&a0` anchors a value that a later `*a0` repeats.
const { node: fragment } = fc.letrec<{ node: string; scalar: string; map: string; list: string; anchored: string }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, tie('scalar'), tie('map'), tie('list'), tie('anchored')),
  scalar: fc.oneof(fc.constantFrom(...SCALARS), fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)), fc.integer().map(String)),
  map: fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { maxLength: 4 }).map((entries) => `{${entries.map(([k, v]) => `${k === '<<' ? k : JSON.stringify(k)}: ${v}`).join(', ')}}`),
  list: fc.array(tie('node'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
  anchored: tie('node').map((value) => `&a0 ${value}`),
}));

interface Mutation {
  readonly at: number;
  readonly how: 'replace' | 'add' | 'remove';
  readonly key: string;
  readonly value: string;
}
// Nodes near the top (kind, apiVersion, metadata) are hit more often than their share.
const mutation = fc.record({ at: fc.oneof(fc.nat({ max: 12 }), fc.nat()), how: fc.constantFrom('replace', 'add', 'remove'), key: fc.constantFrom(...KEYS), value: fragment });
const documentArbitrary = fc.record({ seed: fc.nat({ max: seeds.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) });

// The seed as flow-style YAML, node `at` (in document order) replaced by the fragment, or given one more key, or one less.
function emit(value: unknown, mutations: ReadonlyMap<number, Mutation>, counter: { n: number }): string {
  const mutated = mutations.get(counter.n++);
  if (mutated?.how === 'replace') {
    return mutated.value;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => emit(item, mutations, counter)).join(', ')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([key]) => mutated?.how !== 'remove' || key !== mutated.key)
      .map(([key, item]) => `${JSON.stringify(key)}: ${emit(item, mutations, counter)}`);
    return `{${[...entries, ...(mutated?.how === 'add' ? [`${JSON.stringify(mutated.key)}: ${mutated.value}`] : [])].join(', ')}}`;
  }
  return JSON.stringify(value);
}

function nodes(value: unknown): number {
  return 1 + (value !== null && typeof value === 'object' ? Object.values(value).reduce<number>((sum, item) => sum + nodes(item), 0) : 0);
}

function textOf(documents: readonly { seed: number; mutations: readonly Mutation[] }[]): string {
  return documents
    .map(({ seed, mutations }) => {
      const size = nodes(seeds[seed]);
      return emit(seeds[seed], new Map(mutations.map((m) => [m.at % size, m])), { n: 0 });
    })
    .join('\n---\n');
}

const OUT = path.join(__dirname, 'untrusted-out');

test('any YAML the import is fed gives code that compiles or a list of problems, never an exception', () => {
  const generated: GeneratedFile[] = [];
  let refused = 0;
  fc.assert(
    fc.property(fc.array(documentArbitrary, { minLength: 1, maxLength: 2 }), (documents) => {
      const text = textOf(documents);
      try {
        const result = importManifests([{ file: 'fuzz.yaml', text }], { className: 'FuzzChart', from: peapodSpecifier(OUT) });
        generated.push({ path: path.join(OUT, `fuzz${generated.length}.ts`), text: result.source });
      } catch (error) {
        if (!(error instanceof ImportError)) {
          throw error;
        }
        expect(error.problems.length).toBeGreaterThan(0);
        refused++;
      }
    }),
    { numRuns: 400, seed: 19 },
  );
  // Both outcomes occur, or the test proves little.
  expect(refused).toBeGreaterThan(0);
  expect(generated.length).toBeGreaterThan(0);
  expect(typeCheckGenerated(generated.slice(0, 40))).toEqual([]);
}, 120_000);

// Inputs that crashed the import (a TypeError and its stack trace), each now a problem with its field and fix.
describe('values that crashed the import', () => {
  const place = (object: string) => `in.yaml: document 1 (${object})`;

  test('a mapping where a string is expected, as kubectl reads a !!set or a merge', () => {
    const { code, stderr } = run(['import', path.join(__dirname, 'kubectl', 'cases.yaml'), '--no-typecheck'], () => '');
    expect(code).toBe(1);
    expect(stderr).toContain('(ConfigMap "scalars"): data.set: is a mapping; expected a string. Fix: write a quoted string in its place\n');
    expect(stderr).toContain('(ConfigMap "scalars"): data.omap: is a list; expected a string. Fix: write a quoted string in its place\n');
    expect(problemsOf('apiVersion: v1\nkind: Pod\nmetadata: {name: x, labels: {a: {b: 1}}}\nspec: {containers: {a: 1}}\n')).toEqual([
      `${place('Pod "x"')}: metadata.labels.a: is a mapping; expected a string. Fix: write a quoted string in its place`,
      `${place('Pod "x"')}: spec.containers: is a mapping; expected a list. Fix: write it as \`- item\` lines`,
    ]);
  });

  test('a kind that is a name of Object.prototype', () => {
    expect(problemsOf('kind: toString\nmetadata: {name: x}\n')).toEqual(['in.yaml: document 1: apiVersion: is missing. Fix: add apiVersion: the API version of the kind']);
    expect(problemsOf('kind: __proto__\nmetadata: {name: x}\n')).toEqual(['in.yaml: document 1: apiVersion: is missing. Fix: add apiVersion: the API version of the kind']);
  });

  test('a mapping as the protocol of a port that the shared-port check reads', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: [{name: a, image: nginx, ports: [{containerPort: 80, protocol: {a: 1}}, {containerPort: 80}]}]\n';
    expect(problemsOf(pod)).toEqual([
      `${place('Pod "x"')}: spec.containers[0].ports[0].protocol: is a mapping; expected a string. Fix: write a quoted string in its place`,
    ]);
  });

  test("mappings in an autoscaler's target and metrics", () => {
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: x}\nspec:\n  scaleTargetRef: {kind: {a: 1}, name: [{b: 1}]}\n  maxReplicas: 3\n  metrics: [{type: {x: 1}}]\n';
    expect(problemsOf(hpa)).toEqual([
      `${place('HorizontalPodAutoscaler "x"')}: spec.scaleTargetRef.kind: is a mapping; expected a string. Fix: quote it`,
      `${place('HorizontalPodAutoscaler "x"')}: spec.scaleTargetRef.name: is a list; expected a string. Fix: quote it`,
      `${place('HorizontalPodAutoscaler "x"')}: spec.metrics[0].type: is a mapping; expected a string. Fix: quote it`,
    ]);
  });

  test('a selector key that is a name of Object.prototype', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  selector: {matchLabels: {toString: a}}\n  template: {spec: {containers: [{name: a, image: b}]}}\n';
    expect(problemsOf(deployment)).toEqual([
      `${place('Deployment "x"')}: spec.selector.matchLabels.toString: selects toString=a, but the Pod template has no label toString. Fix: make the selector a subset of the template labels; Kubernetes rejects it otherwise (workload-selector-matches-template)`,
    ]);
  });

  test("a mapping as a Service's targetPort, and a plain object's annotations of other types", () => {
    expect(problemsOf('apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80, targetPort: {a: 1}}]}\n')).toEqual([
      `${place('Service "web"')}: spec.ports[0].targetPort: is a mapping; expected a port number or name. Fix: write a number (8080) or the name of a container port`,
    ]);
    expect(problemsOf('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, annotations: {a: [1]}}\n')).toEqual([
      `${place('Widget "w"')}: metadata.annotations.a: is a list; expected a string. Fix: quote it`,
    ]);
  });

  test('an Ingress backend that is a Service without a selector names it, as the Service is a plain ApiObject', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec: {defaultBackend: {service: {name: web, port: {number: 80}}}}\n';
    const { source } = importManifests([{ file: 'in.yaml', text }]);
    expect(source).toContain("defaultBackend: IngressBackend.fromServiceName('web', 80)");
  });

  test("a Deployment's rolling update counts are whole numbers or percentages, as a DaemonSet's are", () => {
    const deployment = (maxSurge: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  selector: {matchLabels: {app: x}}\n  strategy: {rollingUpdate: {maxSurge: ${maxSurge}}}\n  template: {metadata: {labels: {app: x}}, spec: {containers: [{name: a, image: b}]}}\n`;
    expect(problemsOf(deployment('1.5'))).toEqual([
      `${place('Deployment "x"')}: spec.strategy.rollingUpdate.maxSurge: is 1.5; expected a count or a percentage. Fix: write a number (1) or a percentage ("25%")`,
    ]);
    expect(importManifests([{ file: 'in.yaml', text: deployment("'25%'") }]).source).toContain("strategy: DeploymentStrategy.rollingUpdate({ maxSurge: '25%' })");
  });
});
