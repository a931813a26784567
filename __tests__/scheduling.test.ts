import { Chart } from 'cdk8s';
import { Advisor, App, ClusterProfile, Container, formatProblem, NodeProfile, Pod, podCarrier, podRequests, previewScheduling, Report, reportScheduling } from '../lib';
import { readFolder, withTempDir } from './_support';

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are written by hand as plain JSON */

const node = (name: string, more: Partial<NodeProfile> = {}): NodeProfile => ({ name, allocatable: { cpu: 4, memory: '16Gi' }, ...more });
const podManifest = (spec: any) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'app:1.0' }], ...spec } });
const requesting = (requests: any, more: any = {}) => podManifest({ containers: [{ name: 'app', image: 'app:1.0', resources: { requests } }], ...more });

/** The preview of a manifest on nodes. */
function preview(manifest: any, ...nodes: NodeProfile[]) {
  return previewScheduling(podCarrier(manifest)!, new ClusterProfile(nodes));
}

/** Why the Pod does not fit each node, node by node. */
function reasons(manifest: any, ...nodes: NodeProfile[]): Record<string, readonly string[]> {
  return Object.fromEntries(preview(manifest, ...nodes).nodes.map((fit) => [fit.node, fit.reasons]));
}

/** The scheduling problems of a manifest, formatted as synth prints them. */
function problems(manifest: any, ...nodes: NodeProfile[]): string[] {
  const report = new Report('chart/app');
  reportScheduling(preview(manifest, ...nodes), report);
  return report.problems.map((p) => `${p.severity} ${formatProblem(p)}`);
}

describe('podCarrier', () => {
  test('finds the Pod spec and the copies each kind asks for', () => {
    const template = { template: { spec: { containers: [] } } };
    expect(podCarrier(podManifest({}))).toMatchObject({ kind: 'Pod', name: 'p', at: 'spec', replicas: 1 });
    expect(podCarrier({ kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 3, ...template } })).toMatchObject({ at: 'spec.template.spec', replicas: 3 });
    // The API server defaults replicas to 1.
    expect(podCarrier({ kind: 'ReplicaSet', metadata: { name: 'r' }, spec: template })).toMatchObject({ at: 'spec.template.spec', replicas: 1 });
    expect(podCarrier({ kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: { spec: { parallelism: 2, ...template } } } })).toMatchObject({
      at: 'spec.jobTemplate.spec.template.spec',
      replicas: 2,
    });
    expect(podCarrier({ kind: 'DaemonSet', metadata: { name: 'ds' }, spec: template })!.replicas).toBeUndefined();
  });

  test('ignores manifests that run no Pods', () => {
    expect(podCarrier({ kind: 'Service', metadata: { name: 's' }, spec: { ports: [] } })).toBeUndefined();
    expect(podCarrier({ kind: 'Deployment', metadata: { name: 'd' }, spec: {} })).toBeUndefined();
    expect(podCarrier({ kind: 'constructor', spec: {} })).toBeUndefined();
    expect(podCarrier(undefined)).toBeUndefined();
  });
});

describe('podRequests', () => {
  const requests = (spec: any) => Object.fromEntries(podRequests(spec));

  test('adds up the containers, plus one Pod slot', () => {
    const spec = {
      containers: [
        { name: 'a', resources: { requests: { cpu: '250m', memory: '256Mi' } } },
        { name: 'b', resources: { requests: { cpu: 0.5, 'nvidia.com/gpu': 1 } } },
        { name: 'c' },
      ],
    };
    expect(requests(spec)).toEqual({ cpu: 750, memory: 256 * 2 ** 20 * 1000, 'nvidia.com/gpu': 1000, pods: 1000 });
  });

  test('a limit without a request is requested, as the API server defaults it', () => {
    expect(requests({ containers: [{ name: 'a', resources: { requests: { cpu: '100m' }, limits: { cpu: 1, memory: '1Gi' } } }] })).toEqual({
      cpu: 100,
      memory: 2 ** 30 * 1000,
      pods: 1000,
    });
  });

  test('init containers count by the largest; sidecars (restartPolicy Always) add to the containers; overhead adds', () => {
    const spec = {
      initContainers: [
        { name: 'sidecar', restartPolicy: 'Always', resources: { requests: { cpu: '100m' } } },
        { name: 'migrate', resources: { requests: { cpu: 2, memory: '64Mi' } } },
      ],
      containers: [{ name: 'app', resources: { requests: { cpu: 1, memory: '1Gi' } } }],
      overhead: { cpu: '10m' },
    };
    // cpu: max(app 1 + sidecar 0.1, sidecar 0.1 + migrate 2) + overhead 0.01
    expect(requests(spec)).toEqual({ cpu: 2110, memory: 2 ** 30 * 1000, pods: 1000 });
  });

  test('0.1 CPU is exactly a tenth of a core: ten copies fit on one', () => {
    expect(preview(requesting({ cpu: 0.1 }), node('small', { allocatable: { cpu: 1, memory: '1Gi' } })).nodes[0].copies).toBe(10);
  });
});

describe('scheduling filters', () => {
  test('nodeSelector: a missing label, a label with another value', () => {
    const pod = podManifest({ nodeSelector: { gpu: 'true', 'kubernetes.io/os': 'linux' } });
    expect(reasons(pod, node('node-a', { labels: { 'kubernetes.io/os': 'linux' } }), node('node-b', { labels: { gpu: 'false', 'kubernetes.io/os': 'linux' } }), node('node-c', { labels: { gpu: 'true', 'kubernetes.io/os': 'linux' } }))).toEqual({
      'node-a': ['missing label gpu=true'],
      'node-b': ['has label gpu=false instead of gpu=true'],
      'node-c': [],
    });
  });

  test('resources: CPU, memory, extended resources and Pod slots against allocatable', () => {
    const pod = requesting({ cpu: 4, memory: '8Gi', 'nvidia.com/gpu': 1 });
    expect(
      reasons(
        pod,
        node('node-a', { allocatable: { cpu: 2, memory: '4Gi', 'nvidia.com/gpu': 1 } }),
        node('node-b', { allocatable: { cpu: '3500m', memory: '8Gi' } }),
        node('node-c', { allocatable: { cpu: 8, memory: '32Gi', 'nvidia.com/gpu': 2, pods: 0 } }),
      ),
    ).toEqual({
      'node-a': ['needs 4 CPU, has 2', 'needs 8Gi memory, has 4Gi'],
      'node-b': ['needs 4 CPU, has 3.5', 'needs 1 nvidia.com/gpu, has 0'],
      'node-c': ['needs 1 Pod slot, has 0'],
    });
  });

  test('taints: NoSchedule and NoExecute keep untolerating Pods off, PreferNoSchedule does not', () => {
    const tainted = node('tainted', {
      taints: [
        { key: 'dedicated', value: 'db', effect: 'NoSchedule' },
        { key: 'maintenance', effect: 'NoExecute' },
        { key: 'spot', value: 'true', effect: 'PreferNoSchedule' },
      ],
    });
    expect(reasons(podManifest({}), tainted)).toEqual({ tainted: ['taint dedicated=db:NoSchedule not tolerated', 'taint maintenance:NoExecute not tolerated'] });
  });

  test.each([
    ['Equal with the same value', [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }], []],
    ['Equal as the default operator', [{ key: 'dedicated', value: 'db' }], []],
    ['Exists on the key, any value', [{ key: 'dedicated', operator: 'Exists' }], []],
    ['Exists without a key: every taint', [{ operator: 'Exists' }], []],
    ['another value', [{ key: 'dedicated', value: 'web', effect: 'NoSchedule' }], ['taint dedicated=db:NoSchedule not tolerated']],
    ['another effect', [{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }], ['taint dedicated=db:NoSchedule not tolerated']],
    ['another key', [{ key: 'gpu', operator: 'Exists' }], ['taint dedicated=db:NoSchedule not tolerated']],
  ])('tolerations: %s', (_case, tolerations, expected) => {
    const tainted = node('tainted', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] });
    expect(reasons(podManifest({ tolerations }), tainted).tainted).toEqual(expected);
  });

  test('a cordoned node takes no Pod, unless it tolerates the unschedulable taint; the taint is not reported twice', () => {
    const cordoned = node('cordoned', { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] });
    expect(reasons(podManifest({}), cordoned).cordoned).toEqual(['cordoned (unschedulable)']);
    expect(reasons(podManifest({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }), cordoned).cordoned).toEqual([]);
  });

  test('required node affinity: terms are ORed, expressions ANDed', () => {
    const affinity = (...nodeSelectorTerms: any[]) => podManifest({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } } });
    const nodes = [
      node('a', { labels: { zone: 'eu-1', cores: '8' } }),
      node('b', { labels: { zone: 'eu-2', cores: '2' } }),
      node('c', { labels: {} }),
    ];
    const fitting = (manifest: any) => preview(manifest, ...nodes).fittingNodes;
    expect(fitting(affinity({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['eu-1', 'eu-3'] }] }))).toEqual(['a']);
    expect(fitting(affinity({ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['eu-1'] }] }))).toEqual(['b', 'c']);
    expect(fitting(affinity({ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }))).toEqual(['a', 'b']);
    expect(fitting(affinity({ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }))).toEqual(['c']);
    expect(fitting(affinity({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }))).toEqual(['a']);
    expect(fitting(affinity({ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['4'] }] }))).toEqual(['b']);
    // Both sides are whole numbers to the scheduler, a sign allowed: "+3" is 3, "3.5" matches no node.
    expect(fitting(affinity({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['+3'] }] }))).toEqual(['a']);
    expect(fitting(affinity({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['1.5'] }] }))).toEqual([]);
    expect(fitting(affinity({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['c'] }] }))).toEqual(['c']);
    expect(fitting(affinity({ matchExpressions: [{ key: 'zone', operator: 'Exists' }, { key: 'cores', operator: 'Lt', values: ['4'] }] }))).toEqual(['b']);
    expect(fitting(affinity({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['eu-2'] }] }, { matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }))).toEqual(['b', 'c']);
    // A term without expressions matches no node.
    expect(reasons(affinity({}), nodes[0]).a).toEqual(['matches no term of the required node affinity']);
  });

  test('a Pod that names its node fits that node only', () => {
    expect(reasons(podManifest({ nodeName: 'b' }), node('a'), node('b'))).toEqual({ a: ['the Pod names node "b"'], b: [] });
  });

  test('every failed check is listed, in the order the scheduler runs them', () => {
    const pod = requesting({ cpu: 8 }, { nodeSelector: { gpu: 'true' } });
    expect(reasons(pod, node('node-a', { unschedulable: true, taints: [{ key: 'dedicated', effect: 'NoSchedule' }] }))['node-a']).toEqual([
      'cordoned (unschedulable)',
      'missing label gpu=true',
      'taint dedicated:NoSchedule not tolerated',
      'needs 8 CPU, has 4',
    ]);
  });
});

describe('scheduling preview', () => {
  test('copies per node: the scarcest resource, or the Pod slots', () => {
    const result = preview(
      requesting({ cpu: 1, memory: '6Gi' }),
      node('big', { allocatable: { cpu: 8, memory: '64Gi', pods: 5 } }),
      node('small', { allocatable: { cpu: 4, memory: '16Gi' } }),
    );
    expect(result.nodes.map((fit) => [fit.node, fit.copies])).toEqual([['big', 5], ['small', 2]]);
    expect(result.nodes[1].largestShare).toEqual({ resource: 'memory', fraction: 6 / 16, amounts: '6Gi memory of 16Gi' });
    expect(result.requests).toEqual({ cpu: '1', memory: '6Gi' });
    expect(result.capacity).toBe(7);
    expect(result.placed).toBe(1);
  });

  test('a Pod that binds a host port: one copy per node', () => {
    const pod = podManifest({ containers: [{ name: 'app', image: 'app:1.0', ports: [{ containerPort: 80, hostPort: 8080 }] }] });
    expect(preview(pod, node('a'), node('b'))).toMatchObject({ capacity: 2, nodes: [{ copies: 1 }, { copies: 1 }] });
  });

  test('a Pod that fits no node is an error that says why for each node', () => {
    const pod = requesting({ cpu: 4 }, { nodeSelector: { gpu: 'true' } });
    expect(problems(pod, node('node-a', { allocatable: { cpu: 8, memory: '8Gi' } }), node('node-b', { labels: { gpu: 'true' }, allocatable: { cpu: 2, memory: '8Gi' } }))).toEqual([
      'error spec: the Pod fits no node of the cluster profile, so the scheduler would leave it Pending: node-a: missing label gpu=true; node-b: needs 4 CPU, has 2. ' +
        "Fix: change the nodeSelector or the node's labels so that node node-a, the closest (fewest failed checks), takes it, or add a node that takes it to the cluster profile (pod-fits-no-node)",
    ]);
  });

  test('a Pod that fits one node is no problem', () => {
    expect(problems(podManifest({ nodeSelector: { gpu: 'true' } }), node('node-a'), node('node-b', { labels: { gpu: 'true' } }))).toEqual([]);
  });

  const deployment = (replicas: number | undefined, requests: any) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests } }] },
      },
    },
  });

  test('a Deployment whose replicas fit only partly: how many fit where, and a warning', () => {
    const nodes = [node('node-a', { allocatable: { cpu: 4, memory: '8Gi' } }), node('node-b', { allocatable: { cpu: 2, memory: '8Gi' } }), node('node-c', { labels: {}, allocatable: { cpu: 1, memory: '8Gi' } })];
    const result = preview(deployment(5, { cpu: '1500m', memory: '1Gi' }), ...nodes);
    expect(result.nodes.map((fit) => [fit.node, fit.copies, fit.reasons])).toEqual([
      ['node-a', 2, []],
      ['node-b', 1, []],
      ['node-c', 0, ['needs 1.5 CPU, has 1']],
    ]);
    expect(result).toMatchObject({ kind: 'Deployment', name: 'web', replicas: 5, capacity: 3, placed: 3, fittingNodes: ['node-a', 'node-b'] });
    expect(problems(deployment(5, { cpu: '1500m', memory: '1Gi' }), ...nodes)).toEqual([
      'warning spec.replicas: only 3 of 5 replicas fit on the empty nodes of the cluster profile (node-a: 2, node-b: 1); 2 would stay Pending. ' +
        'Fix: lower the replicas to 3, lower the resource requests, or add nodes to the cluster profile (replicas-fit-partly)',
    ]);
  });

  test('a Deployment whose replicas all fit, and one that fits no node', () => {
    const nodes = [node('node-a', { allocatable: { cpu: 4, memory: '8Gi' } })];
    expect(problems(deployment(undefined, { cpu: 1 }), ...nodes)).toEqual([]);
    expect(problems(deployment(4, { cpu: 1 }), ...nodes)).toEqual([]);
    expect(problems(deployment(2, { cpu: 5 }), ...nodes)).toEqual([
      'error spec.template.spec: the Pod of Deployment "web" fits no node of the cluster profile, so the scheduler would leave it Pending: node-a: needs 5 CPU, has 4. ' +
        'Fix: lower the resource requests so that node node-a takes it, or add a node that takes it to the cluster profile (pod-fits-no-node)',
    ]);
  });

  test('a DaemonSet runs one copy on each node it fits', () => {
    const daemonSet = { kind: 'DaemonSet', metadata: { name: 'logs' }, spec: { template: { spec: { nodeSelector: { gpu: 'true' }, containers: [{ name: 'fluent-bit' }] } } } };
    const nodes = [node('a', { labels: { gpu: 'true' } }), node('b'), node('c', { labels: { gpu: 'true' } })];
    expect(preview(daemonSet, ...nodes)).toMatchObject({ replicas: undefined, placed: 2, fittingNodes: ['a', 'c'] });
    expect(problems(daemonSet, ...nodes)).toEqual([]);
  });
});

describe('with an Advisor and a profile in the app', () => {
  const profile = new ClusterProfile([
    { name: 'node-a', allocatable: { cpu: 8, memory: '16Gi' } },
    { name: 'node-b', labels: { gpu: 'true' }, allocatable: { cpu: 2, memory: '16Gi' } },
  ]);

  // The trainer Pod is not production-ready: these lints warn, and synth goes on.
  const LINTS = ['unset-memory-requirements', 'no-liveness-probe', 'privilege-escalation-container', 'run-as-non-root', 'no-read-only-root-fs'];

  test('a Pod that fits no node fails synth, and no manifest is written', () => {
    withTempDir((outdir) => {
      const warned: string[] = [];
      const app = new App({ outdir, onWarnings: (warnings) => warned.push(...warnings.map((w) => w.rule)) });
      new Advisor(app, 'advisor', { profile });
      const chart = new Chart(app, 'ml');
      new Pod(chart, 'trainer', {
        nodeSelector: { gpu: 'true' },
        containers: [new Container({ name: 'train', image: 'trainer:2.1', resources: { requests: { cpu: 4 } } })],
      });
      expect(() => app.synth()).toThrow(
        'synth failed with 1 error; no manifest was written:\n' +
          '  [ml/trainer] spec: the Pod fits no node of the cluster profile, so the scheduler would leave it Pending: node-a: missing label gpu=true; node-b: needs 4 CPU, has 2. ' +
          "Fix: change the nodeSelector or the node's labels so that node node-a, the closest (fewest failed checks), takes it, or add a node that takes it to the cluster profile (pod-fits-no-node)",
      );
      expect(readFolder(outdir)).toEqual({});
      expect(warned).toEqual(LINTS);
    });
  });

  test('a Pod that fits synthesizes as usual', () => {
    withTempDir((outdir) => {
      const warned: string[] = [];
      const app = new App({ outdir, onWarnings: (warnings) => warned.push(...warnings.map((w) => w.rule)) });
      new Advisor(app, 'advisor', { profile });
      new Pod(new Chart(app, 'ml'), 'trainer', { nodeSelector: { gpu: 'true' }, containers: [new Container({ name: 'train', image: 'trainer:2.1', resources: { requests: { cpu: 1 } } })] });
      app.synth();
      expect(Object.keys(readFolder(outdir))).toEqual(['ml.k8s.yaml']);
      expect(warned).toEqual(LINTS);
    });
  });
});
