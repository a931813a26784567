import { Chart } from 'cdk8s';
import { App, ConfigMap, Container, Deployment, DeploymentStrategy, EnvValue, Pod, ReplicaSet, Volume } from '../lib';
import { problemsOf } from './_problems';
import { newChart, synthObjects, synthYaml } from './_support';

const web = () => new Container({ name: 'web', image: 'nginx:1.27', ports: { http: 80 } });

describe('Deployment', () => {
  test('defaults: replicas, strategy and the rest are left to Kubernetes', () => {
    const chart = newChart();
    new Deployment(chart, 'web', { template: { labels: { app: 'web' }, containers: [web()] } });
    expect(synthYaml(chart)).toMatchSnapshot();
    expect(synthObjects(chart)).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: {
          selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }] } },
        },
      },
    ]);
  });

  test('every modeled field', () => {
    const chart = newChart();
    const cache = Volume.emptyDir('cache');
    new Deployment(chart, 'web', {
      name: 'web-frontend',
      labels: { app: 'web', team: 'a' },
      annotations: { 'example.com/runbook': 'https://runbooks.example.com/web' },
      replicas: 3,
      selectBy: ['app'],
      minReadySeconds: 5,
      revisionHistoryLimit: 3,
      progressDeadlineSeconds: 120,
      strategy: DeploymentStrategy.rollingUpdate({ maxSurge: 1, maxUnavailable: '0%' }),
      template: {
        labels: { app: 'web', version: '1.27' },
        annotations: { 'example.com/owner': 'team-a' },
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        serviceAccountName: 'web',
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 80 },
            mounts: [cache.mount('/var/cache/nginx')],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
          }),
        ],
      },
    });
    expect(synthYaml(chart)).toMatchSnapshot();
  });

  test('the Recreate strategy and a rolling update without numbers', () => {
    const strategyOf = (strategy: DeploymentStrategy) => {
      const chart = newChart();
      new Deployment(chart, 'web', { strategy, template: { labels: { app: 'web' }, containers: [web()] } });
      return synthObjects(chart)[0].spec.strategy;
    };
    expect(strategyOf(DeploymentStrategy.recreate())).toEqual({ type: 'Recreate' });
    expect(strategyOf(DeploymentStrategy.rollingUpdate())).toEqual({ type: 'RollingUpdate' });
    expect(strategyOf(DeploymentStrategy.rollingUpdate({ maxUnavailable: 1 }))).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } });
  });

  test('replicas: 0 is emitted, not dropped', () => {
    const chart = newChart();
    new Deployment(chart, 'web', { replicas: 0, template: { labels: { app: 'web' }, containers: [web()] } });
    expect(synthObjects(chart)[0].spec.replicas).toBe(0);
  });

  test('mutators add to the template; the selector follows the template labels unless selectBy is set', () => {
    const chart = newChart();
    const all = new Deployment(chart, 'all', { template: { labels: { app: 'all' }, containers: [web()] } });
    const some = new Deployment(chart, 'some', { selectBy: ['app'], template: { labels: { app: 'some' }, containers: [web()] } });
    for (const workload of [all, some]) {
      workload
        .addLabel('tier', 'front')
        .addContainer(new Container({ name: 'shipper', image: 'shipper:2', mounts: [Volume.emptyDir('logs').mount('/logs')] }))
        .addInitContainer(new Container({ name: 'init', image: 'init:1' }))
        .addVolume(Volume.emptyDir('scratch'));
    }
    const [allJson, someJson] = synthObjects(chart);
    expect(allJson.spec.selector).toEqual({ matchLabels: { app: 'all', tier: 'front' } });
    expect(someJson.spec.selector).toEqual({ matchLabels: { app: 'some' } });
    expect(someJson.spec.template.metadata.labels).toEqual({ app: 'some', tier: 'front' });
    expect(someJson.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(['web', 'shipper']);
    expect(someJson.spec.template.spec.initContainers).toEqual([{ name: 'init', image: 'init:1' }]);
    expect(someJson.spec.template.spec.volumes.map((v: { name: string }) => v.name)).toEqual(['scratch', 'logs']);
    expect(some.selector).toEqual({ app: 'some' });
  });
});

describe('the selector of a Deployment', () => {
  // A Deployment's selector is immutable: if renaming code changed it, the next `kubectl apply` would be refused.
  const render = (chartId: string, constructId: string, name?: string) => {
    const chart = new Chart(new App(), chartId);
    new Deployment(chart, constructId, { name, replicas: 2, template: { labels: { app: 'web', tier: 'front' }, containers: [web()] } });
    return synthObjects(chart)[0];
  };

  test('is the template labels, with no hash of construct ids', () => {
    expect(render('prod', 'web').spec.selector).toEqual({ matchLabels: { app: 'web', tier: 'front' } });
  });

  test('does not change when the construct or the chart is renamed', () => {
    const before = render('prod', 'web', 'web');
    const after = render('production-eu', 'frontend', 'web');
    expect(after).toEqual(before);
    expect(render('other', 'other').spec).toEqual(before.spec);
  });
});

describe('Deployment fails synth', () => {
  const fine = { labels: { app: 'web' }, containers: [web()] };

  test('when the template has no labels to select by', () => {
    expect(problemsOf((chart) => new Deployment(chart, 'web', { template: { containers: [web()] } }))).toEqual([
      "spec.template.metadata.labels: the Pod template has no labels, so the Deployment has nothing to select its Pods by. Fix: give the template labels, such as `labels: { app: 'myapp' }`, and let the selector be made of them: leave selectBy out, or name some of them in it (workload-selector-labels)",
    ]);
  });

  test('when selectBy names a label the template does not have', () => {
    expect(problemsOf((chart) => new Deployment(chart, 'web', { selectBy: ['app', 'tier'], template: fine }))).toEqual([
      'spec.selector.matchLabels: selectBy names label "tier", which the Pod template does not have (it has "app"). Fix: add "tier" to the template labels, or remove it from the selector (selectBy, or the JsonPatch of spec.selector) (workload-selector-matches-template)',
    ]);
  });

  test('when replicas is negative or fractional', () => {
    expect(problemsOf((chart) => new Deployment(chart, 'web', { replicas: -1, template: fine }))).toEqual([
      'spec.replicas: replicas is -1; it must be a whole number, 0 or more (at most 2147483647). Fix: set replicas to 0 or more, or leave it out to let `kubectl scale` and autoscalers own it (workload-replicas-valid)',
    ]);
    expect(problemsOf((chart) => new Deployment(chart, 'web', { replicas: 1.5, template: fine }))).toEqual([
      'spec.replicas: replicas is 1.5; it must be a whole number, 0 or more (at most 2147483647). Fix: set replicas to 0 or more, or leave it out to let `kubectl scale` and autoscalers own it (workload-replicas-valid)',
    ]);
  });

  test('when counts and deadlines are invalid', () => {
    expect(problemsOf((chart) => new Deployment(chart, 'web', { revisionHistoryLimit: -2, minReadySeconds: 30, progressDeadlineSeconds: 30, template: fine }))).toEqual([
      'spec.revisionHistoryLimit: revisionHistoryLimit is -2; it must be a whole number, 0 or more (at most 2147483647). Fix: set revisionHistoryLimit to a whole number of 0 or more, or leave it out; progressDeadlineSeconds must exceed minReadySeconds (workload-field-valid)',
      'spec.progressDeadlineSeconds: progressDeadlineSeconds is 30, not more than minReadySeconds (30). Fix: set progressDeadlineSeconds to a whole number of 0 or more, or leave it out; progressDeadlineSeconds must exceed minReadySeconds (workload-field-valid)',
    ]);
  });

  test('when the template restarts containers other than Always', () => {
    expect(problemsOf((chart) => new Deployment(chart, 'web', { template: { ...fine, restartPolicy: 'OnFailure' } }))).toEqual([
      'spec.template.spec.restartPolicy: restartPolicy is "OnFailure", but a Deployment accepts only "Always". Fix: remove restartPolicy from the template; for work that runs to completion use a Job (workload-restart-policy-always)',
    ]);
  });

  test('when a rolling update could never replace a Pod, or a percentage is wrong', () => {
    expect(problemsOf((chart) => new Deployment(chart, 'web', { strategy: DeploymentStrategy.rollingUpdate({ maxSurge: 0, maxUnavailable: '0%' }), template: fine }))).toEqual([
      'spec.strategy.rollingUpdate: maxSurge and maxUnavailable are both 0, so a rollout could never replace a Pod. Fix: write maxSurge and maxUnavailable as a count of Pods (1) or a percentage ("25%"), not both 0 (deployment-rolling-update-valid)',
    ]);
    expect(problemsOf((chart) => new Deployment(chart, 'web', { strategy: DeploymentStrategy.rollingUpdate({ maxSurge: '1.5%', maxUnavailable: '150%' }), template: fine }))).toEqual([
      'spec.strategy.rollingUpdate.maxSurge: maxSurge is "1.5%"; a percentage is written as digits and "%". Fix: write maxSurge and maxUnavailable as a count of Pods (1) or a percentage ("25%"), not both 0 (deployment-rolling-update-valid)',
      'spec.strategy.rollingUpdate.maxUnavailable: maxUnavailable is "150%"; it may not be more than 100%. Fix: write maxSurge and maxUnavailable as a count of Pods (1) or a percentage ("25%"), not both 0 (deployment-rolling-update-valid)',
    ]);
  });

  test('with the Pod rules applied inside the template, at its field path', () => {
    expect(problemsOf((chart) => new Deployment(chart, 'web', { template: { labels: { app: 'web' }, containers: [web(), web()] } }))).toEqual([
      'spec.template.spec.containers[1].name: container name "web" is already used by spec.template.spec.containers[0]. Fix: give each container and init container its own name (container-name-unique)',
      'spec.template.spec.containers[1].ports[0].containerPort: port 80/TCP of container "web" is already used by container "web" (spec.template.spec.containers[0].ports[0]); containers of a Pod share localhost, so only one can listen on it. Fix: give "web" or "web" another port (port-shared-localhost)',
    ]);
    expect(problemsOf((chart) => new Deployment(chart, 'web', { template: { labels: { app: 'web' } } }))).toEqual([
      'spec.template.spec.containers: the Pod has no containers. Fix: give the Pod a container with the `containers` prop or `addContainer()` (pod-has-containers)',
    ]);
  });

  test('when a container takes a key that a ConfigMap of this app lacks', () => {
    const problems = problemsOf((chart) => {
      const config = new ConfigMap(chart, 'config', { data: { LOG_LEVEL: 'info' } });
      const loose = config as ConfigMap; // a reference whose keys the compiler does not know
      new Deployment(chart, 'web', {
        template: {
          labels: { app: 'web' },
          containers: [new Container({ name: 'web', image: 'web:1', env: [{ name: 'LEVEL', valueFrom: EnvValue.fromConfigMap(loose, 'LOG_LEVL') }] })],
        },
      });
    });
    expect(problems).toEqual([
      'spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef.key: key "LOG_LEVL" is not in ConfigMap "config" of this app (it has "LOG_LEVEL"). Fix: add "LOG_LEVL" to the ConfigMap, use one of its keys, or mark the reference optional (config-map-key-exists)',
    ]);
  });

  test("when its selector matches the Pods of another workload or a bare Pod in its namespace", () => {
    const app = new App();
    const chart = new Chart(app, 'shop');
    new Deployment(chart, 'web', { template: fine });
    new ReplicaSet(chart, 'canary', { template: { labels: { app: 'web', track: 'canary' }, containers: [web()] } });
    new Pod(chart, 'debug', { labels: { app: 'web' }, containers: [web()] });
    new Pod(new Chart(app, 'elsewhere', { namespace: 'other' }), 'web', { labels: { app: 'web' }, containers: [web()] });
    expect(app.node.findAll().flatMap((c) => c.node.validate())).toEqual([
      'spec.selector.matchLabels: selector app=web also matches the Pods of shop/canary (labels app=web,track=canary). Fix: give each workload a label value of its own (a distinct `app`) and keep it in the selector (workload-selector-overlap)',
      'spec.selector.matchLabels: selector app=web also matches the Pods of shop/debug (labels app=web). Fix: give each workload a label value of its own (a distinct `app`) and keep it in the selector (workload-selector-overlap)',
    ]);
  });

  test('with every problem at once', () => {
    const rules = problemsOf((chart) => new Deployment(chart, 'web', { replicas: -1, template: { restartPolicy: 'Never' } })).map((line) => line.replace(/^.*\((\S+)\)$/, '$1'));
    expect(rules).toEqual(['workload-selector-labels', 'workload-replicas-valid', 'workload-restart-policy-always', 'pod-has-containers']);
  });
});
