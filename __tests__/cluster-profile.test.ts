import * as path from 'path';
import { ClusterProfile, NodeProfile } from '../lib';
import { exampleCluster } from '../main';
import { withTempDir } from './_support';

const fixture = (file: string) => path.join(__dirname, 'fixtures', file);
const allocatable = (profile: ClusterProfile, node: string) => Object.fromEntries(profile.node(node)!.allocatable);

describe('ClusterProfile', () => {
  test('a typed profile: quantities in thousandths of their unit, 110 Pods by default', () => {
    const profile = new ClusterProfile([
      { name: 'node-a', labels: { gpu: 'true' }, allocatable: { cpu: '3920m', memory: '16Gi', 'nvidia.com/gpu': 1 }, taints: [{ key: 'gpu', effect: 'NoSchedule' }] },
      { name: 'node-b', allocatable: { cpu: 0.1, memory: 1024, pods: 8 }, unschedulable: true },
    ]);
    expect(profile.nodes.map((n) => n.name)).toEqual(['node-a', 'node-b']);
    expect(profile.node('node-a')).toEqual({
      name: 'node-a',
      labels: { gpu: 'true' },
      allocatable: new Map([['pods', 110_000], ['cpu', 3920], ['memory', 16 * 2 ** 30 * 1000], ['nvidia.com/gpu', 1000]]),
      taints: [{ key: 'gpu', effect: 'NoSchedule' }],
      unschedulable: false,
    });
    expect(allocatable(profile, 'node-b')).toEqual({ pods: 8000, cpu: 100, memory: 1_024_000 });
    expect(profile.node('node-b')!.unschedulable).toBe(true);
    expect(profile.node('node-c')).toBeUndefined();
  });

  test('fails on a node name used twice', () => {
    const node: NodeProfile = { name: 'node-a', allocatable: { cpu: 1, memory: '1Gi' } };
    expect(() => new ClusterProfile([node, node])).toThrow(
      'cluster profile: nodes[1].name "node-a" is already used by another node. Fix: give each node its own name',
    );
  });

  test('fails on a profile without nodes', () => {
    expect(() => new ClusterProfile([])).toThrow(
      'cluster profile: no nodes. Fix: describe at least one node, or dump a cluster that has some with `kubectl get nodes -o yaml`',
    );
  });

  test('fails on an amount that is not a quantity', () => {
    expect(() => new ClusterProfile([{ name: 'node-a', allocatable: { cpu: '2cores' as '2', memory: '1Gi' } }])).toThrow(
      `cluster profile: nodes[0] ("node-a"): allocatable.cpu is "2cores", not a quantity. Fix: write it as Kubernetes does, such as 4, '3920m' or '16Gi'`,
    );
  });

  test('fails on a taint effect Kubernetes does not know', () => {
    expect(() => new ClusterProfile([{ name: 'node-a', allocatable: { cpu: 1, memory: '1Gi' }, taints: [{ key: 'gpu', effect: 'NoScheduling' as 'NoSchedule' }] }])).toThrow(
      'cluster profile: nodes[0] ("node-a"): taint "gpu" has effect "NoScheduling". Fix: use NoSchedule, PreferNoSchedule or NoExecute',
    );
  });
});

describe('ClusterProfile.fromFile', () => {
  test('reads `kubectl get nodes -o yaml`: names, labels, allocatable, taints', () => {
    const profile = ClusterProfile.fromFile(fixture('nodes-kubectl.yaml'));
    expect(profile.nodes.map((n) => n.name)).toEqual(['cp-1', 'gpu-1', 'worker-1']);
    const gpu = profile.node('gpu-1')!;
    expect(gpu.labels).toMatchObject({ gpu: 'true', 'node.kubernetes.io/instance-type': 'g4dn.xlarge' });
    expect(gpu.taints).toEqual([{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }]);
    expect(allocatable(profile, 'gpu-1')).toEqual({
      pods: 58_000,
      cpu: 3920,
      'ephemeral-storage': 119_703_055_367_000,
      'hugepages-1Gi': 0,
      'hugepages-2Mi': 0,
      memory: 15_991_724 * 1024 * 1000,
      'nvidia.com/gpu': 1000,
    });
    expect(profile.node('cp-1')!.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', value: undefined, effect: 'NoSchedule' }]);
    expect(profile.node('worker-1')!.labels['kubernetes.io/arch']).toBe('arm64');
    expect(profile.node('worker-1')!.unschedulable).toBe(false);
  });

  test('reads `kubectl get node NAME -o json`: a single cordoned Node', () => {
    const profile = ClusterProfile.fromFile(fixture('node-cordoned.json'));
    expect(profile.nodes).toHaveLength(1);
    expect(profile.node('worker-2')).toMatchObject({ unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] });
    expect(allocatable(profile, 'worker-2')).toMatchObject({ cpu: 4000, memory: 16 * 2 ** 30 * 1000, pods: 110_000 });
  });

  test('reads several YAML documents', () => {
    const node = (name: string) => `kind: Node\nmetadata: {name: ${name}}\nstatus: {allocatable: {cpu: "1", memory: 1Gi}}\n`;
    const profile = ClusterProfile.fromKubectl(`${node('a')}---\n${node('b')}`);
    expect(profile.nodes.map((n) => n.name)).toEqual(['a', 'b']);
  });

  test('the example dump in examples/ describes the example cluster of main.ts', () => {
    expect(ClusterProfile.fromFile(path.join(__dirname, '..', 'examples', 'nodes.yaml')).nodes).toEqual(exampleCluster.nodes);
  });

  test('fails on a file that does not exist, naming the command that writes it', () => {
    withTempDir((dir) => {
      const file = path.join(dir, 'nodes.yaml');
      expect(() => ClusterProfile.fromFile(file)).toThrow(
        `cannot read the cluster profile ${file}: ENOENT: no such file or directory, open '${file}'. Fix: write it with \`kubectl get nodes -o yaml > ${file}\``,
      );
    });
  });

  test('fails on text that is neither YAML nor JSON', () => {
    expect(() => ClusterProfile.fromKubectl('items: [', 'nodes.yaml')).toThrow(
      'nodes.yaml is not valid YAML or JSON: Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 9. Fix: save the output of `kubectl get nodes -o yaml` unchanged',
    );
  });

  test('fails on a dump of something other than nodes', () => {
    expect(() => ClusterProfile.fromKubectl('kind: Pod\nmetadata: {name: p}', 'pods.yaml')).toThrow(
      'pods.yaml: kind is "Pod"; expected a List or NodeList of nodes, or a Node. Fix: save the output of `kubectl get nodes -o yaml`',
    );
    expect(() => ClusterProfile.fromKubectl('kind: List\nitems:\n- kind: Pod\n  metadata: {name: p}', 'all.yaml')).toThrow(
      'all.yaml: items[0].kind is "Pod", not "Node". Fix: dump nodes only, with `kubectl get nodes -o yaml`',
    );
  });

  test('fails on a node without name or allocatable resources', () => {
    expect(() => ClusterProfile.fromKubectl('kind: NodeList\nitems:\n- kind: Node\n  metadata: {}', 'nodes.yaml')).toThrow(
      'nodes.yaml: items[0].metadata.name is missing. Fix: save the output of `kubectl get nodes -o yaml` unchanged',
    );
    expect(() => ClusterProfile.fromKubectl('kind: Node\nmetadata: {name: a}\nstatus: {allocatable: {cpu: "1"}}', 'nodes.yaml')).toThrow(
      'nodes.yaml: status.allocatable of node "a" has no cpu or memory. Fix: dump the nodes with `kubectl get nodes -o yaml`, which includes their status',
    );
  });

  test('fails on an allocatable amount that is not a quantity', () => {
    expect(() => ClusterProfile.fromKubectl('kind: Node\nmetadata: {name: a}\nstatus: {allocatable: {cpu: "1", memory: lots}}', 'nodes.yaml')).toThrow(
      'nodes.yaml: status.allocatable.memory of node "a" is "lots", not a quantity. Fix: save the output of `kubectl get nodes -o yaml` unchanged',
    );
  });

  test('reports every problem of a dump at once, with node names quoted so that control codes stay text', () => {
    const dump = [
      'kind: List',
      'items:',
      '- kind: Node',
      '  metadata: {name: "evil\\u001b[31mred"}',
      '  status: {allocatable: {cpu: abc, memory: 1Gi}}',
      '- kind: Pod',
      '  metadata: {name: p}',
      '- kind: Node',
      '  metadata: {name: n2}',
      '  status: {allocatable: {cpu: "1", memory: xyz}}',
      '- kind: Node',
      '  metadata: {name: ok}',
      '  status: {allocatable: {cpu: "1", memory: 1Gi}}',
    ].join('\n');
    let message = '';
    try {
      ClusterProfile.fromKubectl(dump, 'nodes.yaml');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'nodes.yaml: items[0].status.allocatable.cpu of node "evil\\u001b[31mred" is "abc", not a quantity. Fix: save the output of `kubectl get nodes -o yaml` unchanged',
      'nodes.yaml: items[1].kind is "Pod", not "Node". Fix: dump nodes only, with `kubectl get nodes -o yaml`',
      'nodes.yaml: items[2].status.allocatable.memory of node "n2" is "xyz", not a quantity. Fix: save the output of `kubectl get nodes -o yaml` unchanged',
    ]);
    expect(message).not.toContain('\u001b');
    // The valid twin: the same dump without its three mistakes.
    expect(ClusterProfile.fromKubectl(dump.replace('cpu: abc', 'cpu: "2"').replace('memory: xyz', 'memory: 2Gi').replace('- kind: Pod\n  metadata: {name: p}\n', ''), 'nodes.yaml').nodes.map((n) => n.name)).toEqual([
      'evil\u001b[31mred',
      'n2',
      'ok',
    ]);
  });

  test('fails on a dump without nodes', () => {
    expect(() => ClusterProfile.fromKubectl('apiVersion: v1\nkind: List\nitems: []\n', 'nodes.yaml')).toThrow(
      'nodes.yaml lists no nodes. Fix: dump a cluster that has some, with `kubectl get nodes -o yaml`',
    );
  });
});
