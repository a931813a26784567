import { Chart } from 'cdk8s';
import { ClusterProfile, Container, DaemonSet, DaemonSetUpdateStrategy, podCarrier, previewScheduling, Service } from '../lib';
import { problemsOf } from './_problems';
import { newChart, synthObjects } from './_support';

const agent = () => new Container({ name: 'agent', image: 'fluent-bit:3.1', ports: { metrics: 2020 } });
const daemons = (chart: Chart, extra: Partial<ConstructorParameters<typeof DaemonSet>[2]> = {}) =>
  new DaemonSet(chart, 'logs', { template: { labels: { app: 'logs' }, containers: [agent()] }, ...extra });

describe('DaemonSet', () => {
  test('defaults: a selector from the labels and no replicas', () => {
    const chart = newChart();
    daemons(chart);
    expect(synthObjects(chart)).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'logs' },
        spec: {
          selector: { matchLabels: { app: 'logs' } },
          template: { metadata: { labels: { app: 'logs' } }, spec: { containers: [{ name: 'agent', image: 'fluent-bit:3.1', ports: [{ name: 'metrics', containerPort: 2020 }] }] } },
        },
      },
    ]);
  });

  test('update strategies, and a Service in front of it', () => {
    const chart = newChart();
    const ds = daemons(chart, { updateStrategy: DaemonSetUpdateStrategy.rollingUpdate({ maxUnavailable: 0, maxSurge: 1 }), revisionHistoryLimit: 3, minReadySeconds: 5 });
    new Service(chart, 'metrics', { target: ds, ports: [{ port: 2020, targetPort: 'metrics' }] });
    const [manifest] = synthObjects(chart);
    expect(manifest.spec).toMatchObject({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } }, revisionHistoryLimit: 3, minReadySeconds: 5 });
    expect(DaemonSetUpdateStrategy.onDelete()._toKube()).toEqual({ type: 'OnDelete' });
  });

  test('the scheduling preview places it on every node it can land on', () => {
    const chart = newChart();
    const ds = daemons(chart, { template: { labels: { app: 'logs' }, nodeSelector: { gpu: 'true' }, containers: [agent()] } });
    const profile = new ClusterProfile([
      { name: 'gpu-1', labels: { gpu: 'true' }, allocatable: { cpu: 4, memory: '8Gi' } },
      { name: 'gpu-2', labels: { gpu: 'true' }, allocatable: { cpu: 4, memory: '8Gi' } },
      { name: 'cpu-1', labels: { gpu: 'false' }, allocatable: { cpu: 4, memory: '8Gi' } },
    ]);
    const preview = previewScheduling(podCarrier(ds.apiObject.toJson())!, profile);
    expect(preview.placed).toBe(2);
    expect(preview.nodes.filter((n) => n.reasons.length === 0).map((n) => n.node)).toEqual(['gpu-1', 'gpu-2']);
  });
});

describe('DaemonSet fails synth', () => {
  test('when its rolling update could never replace a Pod, or amounts are wrong', () => {
    expect(
      problemsOf((chart) => {
        daemons(chart, { updateStrategy: DaemonSetUpdateStrategy.rollingUpdate({ maxUnavailable: 0, maxSurge: '0%' }) });
        new DaemonSet(chart, 'other', { template: { labels: { app: 'other' }, containers: [agent()] }, updateStrategy: DaemonSetUpdateStrategy.rollingUpdate({ maxSurge: '200%' }) });
      }),
    ).toEqual([
      'spec.updateStrategy.rollingUpdate: maxUnavailable and maxSurge are both 0, so an update could never replace a Pod. Fix: use DaemonSetUpdateStrategy.rollingUpdate() with maxUnavailable and maxSurge as counts of Pods (1) or percentages ("25%"), not both 0, or .onDelete(), which takes no rollingUpdate options (daemon-set-update-strategy)',
      'spec.updateStrategy.rollingUpdate.maxSurge: maxSurge is "200%"; it may not be more than 100%. Fix: use DaemonSetUpdateStrategy.rollingUpdate() with maxUnavailable and maxSurge as counts of Pods (1) or percentages ("25%"), not both 0, or .onDelete(), which takes no rollingUpdate options (daemon-set-update-strategy)',
    ]);
  });
});

// Type tests: compiled by `npm test` (tsc), never run.
export function typeTests(chart: Chart): void {
  // @ts-expect-error a DaemonSet runs one Pod per node: it has no replicas
  new DaemonSet(chart, 'a', { replicas: 3, template: { labels: { app: 'a' }, containers: [agent()] } });
  const typed = new DaemonSet(chart, 'typed', { template: { labels: { app: 'typed' }, containers: [agent()] } });
  // @ts-expect-error a Service's target port is one the DaemonSet's containers declare
  new Service(chart, 's', { target: typed, ports: [{ port: 80, targetPort: 'http' }] });
}
