import { Chart } from 'cdk8s';
import { App, Container, DaemonSet, Deployment, HorizontalPodAutoscaler, PodDisruptionBudget, PodSelector } from '../lib';
import { problemsOf } from './_problems';
import { newChart, synthObjects } from './_support';

const app = () => new Container({ name: 'app', image: 'app:1' });
const web = (chart: Chart, replicas?: number) => new Deployment(chart, 'web', { replicas, selectBy: ['app'], template: { labels: { app: 'web', tier: 'front' }, containers: [app()] } });
const warnings = (pdb: PodDisruptionBudget) => pdb.problems().map((p) => `${p.severity} ${p.field}: ${p.message}. Fix: ${p.fix} (${p.rule})`);

describe('PodDisruptionBudget', () => {
  test('defaults: the selector of the workload, minAvailable or maxUnavailable', () => {
    const chart = newChart();
    const target = web(chart, 3);
    new PodDisruptionBudget(chart, 'web-pdb', { selector: target, minAvailable: 2 });
    new PodDisruptionBudget(chart, 'by-labels', { selector: PodSelector.labels({ app: 'web' }), maxUnavailable: '25%', unhealthyPodEvictionPolicy: 'AlwaysAllow' });
    const [, budget, byLabels] = synthObjects(chart);
    expect(budget).toEqual({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb' }, spec: { selector: { matchLabels: { app: 'web' } }, minAvailable: 2 } });
    expect(byLabels.spec).toEqual({ selector: { matchLabels: { app: 'web' } }, maxUnavailable: '25%', unhealthyPodEvictionPolicy: 'AlwaysAllow' });
  });

  test('warns when it can never allow an eviction, counting an autoscaler\'s minimum', () => {
    const chart = newChart();
    const target = web(chart, 2);
    expect(warnings(new PodDisruptionBudget(chart, 'a', { selector: target, minAvailable: 2 }))).toEqual([
      'warning spec.minAvailable: minAvailable is 2, and the Pods it selects number 2, so none may ever be evicted. Fix: set maxUnavailable to 1, or minAvailable below the number of replicas (pdb-allows-eviction)',
    ]);
    expect(warnings(new PodDisruptionBudget(chart, 'b', { selector: target, maxUnavailable: 0 }))).toEqual([
      'warning spec.maxUnavailable: maxUnavailable is 0, so no Pod may ever be evicted. Fix: set maxUnavailable to 1, or minAvailable below the number of replicas (pdb-allows-eviction)',
    ]);
    expect(warnings(new PodDisruptionBudget(chart, 'c', { selector: target, minAvailable: '100%' }))).toEqual([
      'warning spec.minAvailable: minAvailable is "100%", so no Pod may ever be evicted. Fix: set maxUnavailable to 1, or minAvailable below the number of replicas (pdb-allows-eviction)',
    ]);
    const scaled = newChart('scaled');
    const autoscaled = web(scaled);
    new HorizontalPodAutoscaler(scaled, 'hpa', { target: autoscaled, minReplicas: 2, maxReplicas: 5 });
    expect(warnings(new PodDisruptionBudget(scaled, 'd', { selector: autoscaled, minAvailable: 1 }))).toEqual([]);
    const daemons = new DaemonSet(scaled, 'agent', { template: { labels: { app: 'agent' }, containers: [app()] } });
    expect(warnings(new PodDisruptionBudget(scaled, 'e', { selector: daemons, minAvailable: 1 }))).toEqual([]);
  });
});

describe('PodDisruptionBudget fails synth', () => {
  test('when both or bad amounts are set', () => {
    expect(
      problemsOf((chart) => {
        new PodDisruptionBudget(chart, 'pdb', { selector: web(chart, 3), ...({ minAvailable: 1, maxUnavailable: '150%' } as unknown as { minAvailable: 1 }), unhealthyPodEvictionPolicy: 'Never' as never });
      }),
    ).toEqual([
      'spec: minAvailable and maxUnavailable are both set. Fix: set one of minAvailable and maxUnavailable, as a count of Pods (1) or a percentage of at most 100% ("25%") (pdb-budget-valid)',
      'spec.maxUnavailable: maxUnavailable is "150%"; it may not be more than 100%. Fix: set one of minAvailable and maxUnavailable, as a count of Pods (1) or a percentage of at most 100% ("25%") (pdb-budget-valid)',
      'spec.unhealthyPodEvictionPolicy: "Never" is not supported; the values are "IfHealthyBudget", "AlwaysAllow". Fix: use one of IfHealthyBudget, AlwaysAllow (pdb-budget-valid)',
    ]);
  });

  test('when its workload is in another namespace', () => {
    const root = new App();
    const target = web(new Chart(root, 'apps', { namespace: 'apps' }), 3);
    const pdb = new PodDisruptionBudget(new Chart(root, 'ops', { namespace: 'ops' }), 'pdb', { selector: target, maxUnavailable: 1 });
    expect(pdb.node.validate()).toEqual([
      'spec.selector: selector app=web of apps/web matches no Pod of this app in namespace "ops". Fix: create the budget in the namespace of the workload it protects (pdb-selects-pods)',
    ]);
  });
});

// Type tests: compiled by `npm test` (tsc), never run.
export function typeTests(chart: Chart): void {
  // @ts-expect-error minAvailable and maxUnavailable exclude each other
  new PodDisruptionBudget(chart, 'a', { selector: web(chart), minAvailable: 1, maxUnavailable: 1 });
  // @ts-expect-error one of them is required
  new PodDisruptionBudget(chart, 'b', { selector: web(chart) });
  // @ts-expect-error percentages are written with "%"
  new PodDisruptionBudget(chart, 'c', { selector: web(chart), minAvailable: '50' });
}
