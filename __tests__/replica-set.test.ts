import { Chart } from 'cdk8s';
import { App, Container, ReplicaSet } from '../lib';
import { problemsOf } from './_problems';
import { newChart, synthObjects, synthYaml } from './_support';

const web = () => new Container({ name: 'web', image: 'nginx:1.27', ports: { http: 80 } });

describe('ReplicaSet', () => {
  test('defaults: the selector and template, nothing else', () => {
    const chart = newChart();
    new ReplicaSet(chart, 'web', { template: { labels: { app: 'web' }, containers: [web()] } });
    expect(synthYaml(chart)).toMatchSnapshot();
    const [manifest] = synthObjects(chart);
    expect(manifest.apiVersion).toBe('apps/v1');
    expect(manifest.kind).toBe('ReplicaSet');
    expect(Object.keys(manifest.spec).sort()).toEqual(['selector', 'template']);
  });

  test('replicas, minReadySeconds and a selector narrowed with selectBy', () => {
    const chart = newChart();
    new ReplicaSet(chart, 'web', { name: 'web-rs', replicas: 3, minReadySeconds: 10, selectBy: ['app'], template: { labels: { app: 'web', track: 'stable' }, containers: [web()] } });
    const [manifest] = synthObjects(chart);
    expect(manifest.metadata).toEqual({ name: 'web-rs' });
    expect(manifest.spec.replicas).toBe(3);
    expect(manifest.spec.minReadySeconds).toBe(10);
    expect(manifest.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(manifest.spec.template.metadata.labels).toEqual({ app: 'web', track: 'stable' });
  });

  test('its selector does not change when the construct or the chart is renamed', () => {
    const selectorOf = (chartId: string, constructId: string) => {
      const chart = new Chart(new App(), chartId);
      new ReplicaSet(chart, constructId, { template: { labels: { app: 'web' }, containers: [web()] } });
      return synthObjects(chart)[0].spec.selector;
    };
    expect(selectorOf('renamed-chart', 'renamed')).toEqual(selectorOf('chart', 'web'));
  });
});

describe('ReplicaSet fails synth', () => {
  test('when the template has no labels, and the template rules apply', () => {
    expect(problemsOf((chart) => new ReplicaSet(chart, 'web', { replicas: -3, template: {} }))).toEqual([
      "spec.template.metadata.labels: the Pod template has no labels, so the ReplicaSet has nothing to select its Pods by. Fix: give the template labels, such as `labels: { app: 'myapp' }`, and let the selector be made of them: leave selectBy out, or name some of them in it (workload-selector-labels)",
      'spec.replicas: replicas is -3; it must be a whole number, 0 or more (at most 2147483647). Fix: set replicas to 0 or more, or leave it out to let `kubectl scale` and autoscalers own it (workload-replicas-valid)',
      'spec.template.spec.containers: the Pod has no containers. Fix: give the Pod a container with the `containers` prop or `addContainer()` (pod-has-containers)',
    ]);
  });

  test('when the template restarts containers other than Always', () => {
    expect(problemsOf((chart) => new ReplicaSet(chart, 'web', { template: { labels: { app: 'web' }, containers: [web()], restartPolicy: 'Never' } }))).toEqual([
      'spec.template.spec.restartPolicy: restartPolicy is "Never", but a ReplicaSet accepts only "Always". Fix: remove restartPolicy from the template; for work that runs to completion use a Job (workload-restart-policy-always)',
    ]);
  });
});
