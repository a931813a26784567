import * as peapod from '../../lib';
import { importManifests } from '../../lib/import';
import { manifestDifferences, synthGenerated } from '../../lib/import/verify';
import { problemsOf } from './_problems';

// Real folders hold objects of several namespaces (a demo's workloads in one,
// its monitoring in another, a ConfigMap in none). They come into one chart:
// each namespace's objects in a Chart of their own inside it.
const configMap = (name: string, namespace?: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}\ndata: {k: v}\n`;
const deployment = (namespace: string, port: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: ${namespace}}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: "nginx:1.27", ports: [{containerPort: ${port}}]}]}\n`;
const service = (namespace: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: ${namespace}}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n`;

function roundTrip(text: string) {
  const result = importManifests([{ file: 'in.yaml', text }], { from: '..' });
  const synth = synthGenerated(result.source, result.className, { '..': peapod });
  expect(synth.errors).toEqual([]);
  expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
  return result.source;
}

describe('objects of several namespaces', () => {
  test('come into one chart, each namespace in a Chart inside it, objects without one in the chart itself', () => {
    const source = roundTrip([configMap('a', 'one'), configMap('b', 'two'), configMap('c')].join('---\n'));
    expect(source).toContain('    super(scope, id, props);\n');
    expect(source).toContain(
      [
        "    const oneNamespace = new Chart(this, 'one', { namespace: 'one' });",
        "    const twoNamespace = new Chart(this, 'two', { namespace: 'two' });",
        "    new ConfigMap(oneNamespace, 'a', { data: { k: 'v' } });",
        "    new ConfigMap(twoNamespace, 'b', { data: { k: 'v' } });",
        "    new ConfigMap(this, 'c', { data: { k: 'v' } });",
      ].join('\n'),
    );
  });

  test('one namespace for all stays the namespace of the chart', () => {
    const source = roundTrip([configMap('a', 'one'), configMap('b', 'one')].join('---\n'));
    expect(source).toContain("    super(scope, id, { namespace: 'one', ...props });\n");
    expect(source).not.toContain('new Chart(');
  });

  test('may hold one kind and name once in each namespace, and each Service selects the workload of its own', () => {
    const source = roundTrip([deployment('one', 80), deployment('two', 8080), service('two'), configMap('web')].join('---\n'));
    expect(source).toContain("new ConfigMap(this, 'web', { data: { k: 'v' } });");
    expect(source).toContain("new Deployment(oneNamespace, 'web', {");
    expect(source).toMatch(/const (\w+) = new Deployment\(twoNamespace, 'web', \{[^]*new Service\(twoNamespace, 'web-service', \{\n {6}name: 'web',\n {6}target: \1,/);
  });

  test('a Service finds no workload of another namespace: it keeps its label selector', () => {
    const source = roundTrip([deployment('one', 80), service('two')].join('---\n'));
    expect(source).toContain("new Service(twoNamespace, 'web', {\n      target: PodSelector.labels({ app: 'web' }),");
  });

  test('one kind and name twice in one namespace is still two objects Kubernetes would apply over each other', () => {
    expect(problemsOf([configMap('a', 'one'), configMap('a', 'one')].join('---\n'))).toEqual([
      'in.yaml: document 2 (ConfigMap "a"): metadata.name: ConfigMap "a" is also in in.yaml document 1. Fix: keep one of them; Kubernetes would apply one over the other',
    ]);
  });
});

describe('references across namespaces', () => {
  const pod = (namespace: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ${namespace}}\nspec:\n  containers: [{name: a, image: x, env: [{name: K, valueFrom: {configMapKeyRef: {name: settings, key: other}}}]}]\n`;
  const settings = (namespace: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: ${namespace}}\ndata: {k: v}\n`;

  test("a Pod refers to the ConfigMap of its own namespace, not to another namespace's of that name", () => {
    // The ConfigMap in "two" lacks the key, which is no fault of the Pod in "one": it refers to one made elsewhere.
    const source = roundTrip([settings('two'), pod('one')].join('---\n'));
    expect(source).toContain("ConfigMap.fromName('settings')");
  });

  test('within its namespace, a missing key of the ConfigMap is still found', () => {
    expect(problemsOf([settings('one'), pod('one'), settings('two')].join('---\n'))).toEqual([
      'in.yaml: document 2 (Pod "p"): spec.containers[0].env[0].valueFrom.configMapKeyRef.key: key "other" is not in ConfigMap "settings" of the input. ' +
        'Fix: add "other" to the ConfigMap, or mark the reference optional (config-map-key-exists)',
    ]);
  });
});
