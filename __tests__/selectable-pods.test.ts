import { Chart } from 'cdk8s';
import * as plus from 'cdk8s-plus-27';
import { App, Container, CronJob, DaemonSet, Deployment, ISelectablePods, Job, Pod, PodSelector, ReplicaSet, Service, StatefulSet } from '../lib';
import { problemsOf } from './_problems';
import { newChart, synthObjects } from './_support';

const web = () => new Container({ name: 'web', image: 'nginx:1.27', ports: { http: 80 } });
const webDeployment = (chart: Chart) => new Deployment(chart, 'web', { selectBy: ['app'], template: { labels: { app: 'web', tier: 'front' }, containers: [web()] } });

describe('a Service target that is any selectable thing', () => {
  test('a plain label selector: a Service alone in its chart synthesizes, its Pods trusted', () => {
    const chart = newChart();
    new Service(chart, 'web', { target: PodSelector.labels({ app: 'web' }), ports: [{ port: 80, targetPort: 'http' }, { name: 'alt', port: 81, targetPort: 8081 }] });
    expect(synthObjects(chart)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'alt', port: 81, targetPort: 8081 }] },
      },
    ]);
  });

  test('a plain label selector that picks Pods of the app checks its target ports against them', () => {
    const problems = problemsOf((chart) => {
      webDeployment(chart);
      new Service(chart, 'svc', { target: PodSelector.labels({ tier: 'front' }), ports: [{ port: 80, targetPort: 'htp' }] });
    });
    expect(problems).toEqual([
      'spec.ports[0].targetPort: target port "htp" is not declared by any container of Pods with labels tier=front (they declare http (80)). Fix: declare the port on the container, or target one of the declared ports (service-target-port-declared)',
    ]);
  });

  test('a plain label selector with declared ports checks target ports against those', () => {
    const problems = problemsOf((chart) => {
      new Service(chart, 'svc', { target: PodSelector.labels({ app: 'x' }, { ports: { http: 8080 } }), ports: [{ port: 80, targetPort: 'metrics' as never }] });
    });
    expect(problems).toEqual([
      'spec.ports[0].targetPort: target port "metrics" is not declared by any container of Pods with labels app=x (they declare http (8080)). Fix: declare the port on the container, or target one of the declared ports (service-target-port-declared)',
    ]);
  });

  test('an empty label selector selects nothing, and says so', () => {
    expect(problemsOf((chart) => new Service(chart, 'svc', { target: PodSelector.labels({}), ports: [{ port: 80, targetPort: 80 }] }))).toEqual([
      "spec.selector: the target PodSelector.labels({}) has no labels, so the Service would select no Pods. Fix: give the target labels (such as `labels: { app: 'myapp' }`) and the namespace of the Service; target a workload of the app by its object, not by a reference with another selector (service-selects-pods)",
    ]);
  });

  test('Deployment.fromName: trusted when the app does not hold it', () => {
    const chart = newChart();
    new Service(chart, 'web', { target: Deployment.fromName('web', { selector: { app: 'web' } }), ports: [{ port: 80, targetPort: 'anything' }] });
    expect(synthObjects(chart)[0].spec).toEqual({ selector: { app: 'web' }, ports: [{ name: 'anything', port: 80, targetPort: 'anything' }] });
  });

  test('Deployment.fromName: checked against the Deployment of that name when the app holds it', () => {
    const problems = problemsOf((chart) => {
      webDeployment(chart);
      new Service(chart, 'right', { target: Deployment.fromName('web', { selector: { app: 'web' } }), ports: [{ port: 80, targetPort: 'http' }] });
      new Service(chart, 'wrong-port', { target: Deployment.fromName('web', { selector: { app: 'web' } }), ports: [{ port: 80, targetPort: 'https' }] });
      new Service(chart, 'wrong-selector', { target: Deployment.fromName('web', { selector: { app: 'api' } }), ports: [{ port: 80, targetPort: 'http' }] });
      // A ReplicaSet of that name is not the Deployment: trusted.
      new Service(chart, 'other-kind', { target: ReplicaSet.fromName('web', { selector: { app: 'api' } }), ports: [{ port: 80, targetPort: 'http' }] });
    });
    expect(problems).toEqual([
      'spec.ports[0].targetPort: target port "https" is not declared by any container of test/web (they declare http (80)). Fix: declare the port on the container, or target one of the declared ports (service-target-port-declared)',
      'spec.selector: selector app=api of Deployment "web" (by name) does not select the Pods of Deployment "web" of this app (labels app=web,tier=front). Fix: give the target labels (such as `labels: { app: \'myapp\' }`) and the namespace of the Service; target a workload of the app by its object, not by a reference with another selector (service-selects-pods)',
    ]);
  });

  test('Deployment.fromName in another namespace is not the one of the app: trusted', () => {
    const app = new App();
    webDeployment(new Chart(app, 'backend', { namespace: 'backend' }));
    const service = new Service(new Chart(app, 'frontend', { namespace: 'frontend' }), 'web', {
      target: Deployment.fromName('web', { selector: { app: 'other' } }),
      ports: [{ port: 80, targetPort: 'http' }],
    });
    expect(service.node.validate()).toEqual([]);
  });

  test('a cdk8s-plus-27 Deployment: selected by its own selector, its ports checked at synth', () => {
    const chart = newChart();
    const deployment = new plus.Deployment(chart, 'plus', { containers: [{ image: 'nginx:1.27', portNumber: 80, ports: [{ number: 9113, name: 'metrics' }] }] });
    const service = new Service(chart, 'svc', { target: deployment, ports: [{ name: 'web', port: 80, targetPort: 80 }, { name: 'metrics', port: 9113, targetPort: 'metrics' }] });
    expect(service.selector).toEqual(deployment.matchLabels);
    expect(service.node.validate()).toEqual([]);
    const broken = new Service(chart, 'broken', { target: deployment, ports: [{ port: 80, targetPort: 'web' }] });
    expect(broken.node.validate()).toEqual([
      'spec.ports[0].targetPort: target port "web" is not declared by any container of test/plus (they declare 80, metrics (9113)). Fix: declare the port on the container, or target one of the declared ports (service-target-port-declared)',
    ]);
  });

  test('a plain label selector finds cdk8s-plus-27 Pods of the app', () => {
    const chart = newChart();
    const pod = new plus.Pod(chart, 'plus-pod', { metadata: { labels: { app: 'plus' } }, containers: [{ image: 'nginx:1.27', portNumber: 80 }] });
    expect(pod.metadata.getLabel('app')).toBe('plus');
    const service = new Service(chart, 'svc', { target: PodSelector.labels({ app: 'plus' }), ports: [{ port: 80, targetPort: 'web' as never }] });
    expect(service.node.validate()).toEqual([
      'spec.ports[0].targetPort: target port "web" is not declared by any container of Pods with labels app=plus (they declare 80). Fix: declare the port on the container, or target one of the declared ports (service-target-port-declared)',
    ]);
  });

  test('a Service in front of each new Pod-template kind checks its ports against their containers', () => {
    const problems = problemsOf((chart) => {
      const job = new Job(chart, 'job', { template: { labels: { app: 'job' }, restartPolicy: 'Never', containers: [web()] } });
      const cron = new CronJob(chart, 'cron', { schedule: '@daily', jobTemplate: { template: { labels: { app: 'cron' }, restartPolicy: 'Never', containers: [web()] } } });
      const daemons = new DaemonSet(chart, 'daemons', { template: { labels: { app: 'daemons' }, containers: [web()] } });
      const sts = new StatefulSet(chart, 'sts', { template: { labels: { app: 'sts' }, containers: [web()] } });
      for (const target of [job, cron, daemons, sts] as ISelectablePods[]) {
        new Service(chart, `${(target as unknown as { name: string }).name}-svc`, { target, ports: [{ port: 80, targetPort: 'http' }, { name: 'x', port: 81, targetPort: 'nope' }] });
      }
    });
    expect(problems).toEqual(
      ['job', 'cron', 'daemons', 'sts'].map(
        (name) => `spec.ports[1].targetPort: target port "nope" is not declared by any container of test/${name} (they declare http (80)). Fix: declare the port on the container, or target one of the declared ports (service-target-port-declared)`,
      ),
    );
  });

  test('Pods and workloads are selectable things', () => {
    const chart = newChart();
    const targets: ISelectablePods[] = [webDeployment(chart), new Pod(chart, 'pod', { labels: { app: 'pod' }, containers: [web()] })];
    expect(targets.map((t) => t.selectPods().selector)).toEqual([{ app: 'web' }, { app: 'pod' }]);
  });
});

// Type tests: compiled by `npm test` (tsc), never run.
export function typeTests(chart: Chart): void {
  const selector = PodSelector.labels({ app: 'web' }, { ports: { http: 8080 } });
  new Service(chart, 'a', { target: selector, ports: [{ port: 80, targetPort: 'http' }] });
  // @ts-expect-error a port name the selection does not declare
  new Service(chart, 'b', { target: selector, ports: [{ port: 80, targetPort: 'htp' }] });
  const byName = Deployment.fromName('web', { selector: { app: 'web' }, ports: { http: 8080, metrics: 9113 } });
  new Service(chart, 'c', { target: byName, ports: [{ port: 80, targetPort: 'metrics' }] });
  // @ts-expect-error a port name the reference does not declare
  new Service(chart, 'd', { target: byName, ports: [{ port: 80, targetPort: 'https' }] });
  // @ts-expect-error a reference by name needs the selector of its Pods
  Deployment.fromName('web', {});
  // Without declared ports, any name compiles and is checked at synth.
  new Service(chart, 'e', { target: PodSelector.labels({ app: 'web' }), ports: [{ port: 80, targetPort: 'whatever' }] });
}
