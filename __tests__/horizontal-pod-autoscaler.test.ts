import { Chart, JsonPatch } from 'cdk8s';
import { App, Container, Deployment, HorizontalPodAutoscaler, Metric, StatefulSet } from '../lib';
import { problemsOf } from './_problems';
import { newChart, synthObjects } from './_support';

const app = (requests = true) =>
  new Container({ name: 'app', image: 'app:1', ports: { http: 8080 }, resources: requests ? { requests: { cpu: '100m', memory: '128Mi' } } : undefined });
const web = (chart: Chart, replicas?: number, requests = true) => new Deployment(chart, 'web', { replicas, template: { labels: { app: 'web' }, containers: [app(requests)] } });

describe('HorizontalPodAutoscaler', () => {
  test('defaults: a target by object, autoscaling/v2', () => {
    const chart = newChart();
    new HorizontalPodAutoscaler(chart, 'web-hpa', { target: web(chart), maxReplicas: 5 });
    expect(synthObjects(chart)[1]).toEqual({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web-hpa' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5 },
    });
  });

  test('metrics of every source, a StatefulSet target, behavior, addMetric()', () => {
    const chart = newChart();
    const db = new StatefulSet(chart, 'db', { template: { labels: { app: 'db' }, containers: [app()] } });
    new HorizontalPodAutoscaler(chart, 'db-hpa', {
      target: db,
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [Metric.resourceUtilization('cpu', 70), Metric.resourceAverageValue('memory', '400Mi'), Metric.containerResourceUtilization('app', 'cpu', 60)],
      behavior: { scaleDown: { stabilizationWindowSeconds: 600, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } },
    })
      .addMetric(Metric.pods('requests-per-second', 100))
      .addMetric(Metric.external('queue-length', { averageValue: 30 }))
      .addMetric(Metric.external('lag', { value: '1k' }));
    const spec = synthObjects(chart)[2].spec;
    expect(spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db' });
    expect(spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '400Mi' } } },
      { type: 'ContainerResource', containerResource: { container: 'app', name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
      { type: 'Pods', pods: { metric: { name: 'requests-per-second' }, target: { type: 'AverageValue', averageValue: 100 } } },
      { type: 'External', external: { metric: { name: 'queue-length' }, target: { type: 'AverageValue', averageValue: 30 } } },
      { type: 'External', external: { metric: { name: 'lag' }, target: { type: 'Value', value: '1k' } } },
    ]);
    expect(spec.behavior).toEqual({ scaleDown: { stabilizationWindowSeconds: 600, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } });
  });

  test('warns when the target sets replicas', () => {
    const chart = newChart();
    const hpa = new HorizontalPodAutoscaler(chart, 'hpa', { target: web(chart, 3), maxReplicas: 5 });
    expect(hpa.problems().map((p) => `${p.severity} ${p.field}: ${p.message}. Fix: ${p.fix} (${p.rule})`)).toEqual([
      'warning spec.scaleTargetRef: the target test/web sets replicas: 3, so every apply resets the count the autoscaler chose. Fix: leave replicas out of the target; minReplicas of the autoscaler is the count it starts from (hpa-target-replicas)',
    ]);
  });
});

describe('HorizontalPodAutoscaler fails synth', () => {
  test('when min and max replicas are out of order or range', () => {
    expect(
      problemsOf((chart) => {
        const target = web(chart);
        new HorizontalPodAutoscaler(chart, 'a', { target, minReplicas: 0, maxReplicas: 0 });
        new HorizontalPodAutoscaler(chart, 'b', { target, minReplicas: 5, maxReplicas: 2 });
      }),
    ).toEqual([
      'spec.minReplicas: minReplicas is 0; it must be a whole number, 1 or more (at most 2147483647). Fix: set 1 ≤ minReplicas ≤ maxReplicas (hpa-replicas-valid)',
      'spec.maxReplicas: maxReplicas is 0; it must be a whole number, 1 or more (at most 2147483647). Fix: set 1 ≤ minReplicas ≤ maxReplicas (hpa-replicas-valid)',
      'spec.maxReplicas: maxReplicas 2 is less than minReplicas 5. Fix: set 1 ≤ minReplicas ≤ maxReplicas (hpa-replicas-valid)',
    ]);
  });

  test('when a metric target is zero, or a Utilization metric has no requests to measure against', () => {
    expect(
      problemsOf((chart) => {
        new HorizontalPodAutoscaler(chart, 'hpa', { target: web(chart, undefined, false), maxReplicas: 3, metrics: [Metric.resourceUtilization('cpu', 0), Metric.pods('rps', 0)] });
      }),
    ).toEqual([
      'spec.metrics[0].resource.target.averageUtilization: the averageUtilization of the target is 0; it must be more than 0. Fix: use Metric.resourceUtilization(\'cpu\', 70) or another Metric factory with a value more than 0 (hpa-metric-valid)',
      'spec.metrics[0].resource: cpu utilization is measured against requests, but container "app" of test/web requests no cpu. Fix: give every container of the target a cpu request, or use an AverageValue target (Metric.resourceAverageValue()) (hpa-utilization-needs-requests)',
      'spec.metrics[1].pods.target.averageValue: the averageValue of the target is 0; it must be more than 0. Fix: use Metric.resourceUtilization(\'cpu\', 70) or another Metric factory with a value more than 0 (hpa-metric-valid)',
    ]);
  });

  test('when a metric target has a type its source does not take (a JsonPatch), or a metric no type', () => {
    expect(
      problemsOf((chart) => {
        const hpa = new HorizontalPodAutoscaler(chart, 'hpa', { target: web(chart), maxReplicas: 3, metrics: [Metric.pods('rps', 10), Metric.pods('rpm', 600)] });
        hpa.apiObject.addJsonPatch(JsonPatch.replace('/spec/metrics/0/pods/target/type', 'Utilization'), JsonPatch.remove('/spec/metrics/1/type'));
      }),
    ).toEqual([
      'spec.metrics[0].pods.target.type: a Pods metric cannot have a target of type "Utilization"; it takes AverageValue. Fix: use Metric.resourceUtilization(\'cpu\', 70) or another Metric factory with a value more than 0 (hpa-metric-valid)',
      'spec.metrics[1].type: "" is not supported; the values are "Resource", "Pods", "Object", "External", "ContainerResource". Fix: use one of Resource, Pods, Object, External, ContainerResource (hpa-metric-valid)',
    ]);
  });

  test('when the behavior is out of bounds, or the target in another namespace', () => {
    const root = new App();
    const target = web(new Chart(root, 'apps', { namespace: 'apps' }));
    const hpa = new HorizontalPodAutoscaler(new Chart(root, 'scaling', { namespace: 'scaling' }), 'hpa', {
      target,
      maxReplicas: 3,
      behavior: { scaleUp: { stabilizationWindowSeconds: 4000, selectPolicy: 'Fast', policies: [{ type: 'Nodes', value: 0, periodSeconds: 3600 }] } },
    });
    expect(hpa.node.validate()).toEqual([
      'spec.behavior.scaleUp.stabilizationWindowSeconds: stabilizationWindowSeconds is 4000; it must be from 0 to 3600. Fix: keep stabilizationWindowSeconds from 0 to 3600, and give each policy a value of 1 or more and periodSeconds from 1 to 1800 (or leave policies out) (hpa-behavior-valid)',
      'spec.behavior.scaleUp.selectPolicy: "Fast" is not supported; the values are "Max", "Min", "Disabled". Fix: use one of Max, Min, Disabled (hpa-behavior-valid)',
      'spec.behavior.scaleUp.policies[0].type: "Nodes" is not supported; the values are "Pods", "Percent". Fix: use one of Pods, Percent (hpa-behavior-valid)',
      'spec.behavior.scaleUp.policies[0].value: value is 0; it must be a whole number more than 0. Fix: keep stabilizationWindowSeconds from 0 to 3600, and give each policy a value of 1 or more and periodSeconds from 1 to 1800 (or leave policies out) (hpa-behavior-valid)',
      'spec.behavior.scaleUp.policies[0].periodSeconds: periodSeconds is 3600; it must be from 1 to 1800. Fix: keep stabilizationWindowSeconds from 0 to 3600, and give each policy a value of 1 or more and periodSeconds from 1 to 1800 (or leave policies out) (hpa-behavior-valid)',
      'spec.scaleTargetRef: the target apps/web is in another namespace. Fix: create the autoscaler in the chart of its target (hpa-target-in-namespace)',
    ]);
  });
});

// Type tests: compiled by `npm test` (tsc), never run.
export function typeTests(chart: Chart): void {
  // @ts-expect-error the target is an object, not a name
  new HorizontalPodAutoscaler(chart, 'a', { target: 'web', maxReplicas: 3 });
  // @ts-expect-error maxReplicas is required
  new HorizontalPodAutoscaler(chart, 'b', { target: web(chart) });
}
