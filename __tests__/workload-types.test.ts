/**
 * Type tests of workloads, Services and env sources: every `@ts-expect-error`
 * line below must fail to compile. If a compile-time check disappears, the
 * directive is unused and both `tsc` (run by `npm test`) and ts-jest fail with TS2578.
 */
import { ConfigMap, Container, Deployment, DeploymentStrategy, EnvValue, Pod, ReplicaSet, Secret, Service } from '../lib';
import { newChart, synthObjects } from './_support';

const web = () => new Container({ name: 'web', image: 'nginx:1.27', ports: { http: 80, metrics: { containerPort: 9113 } } });

// Never called: these lines exist to be type-checked.
function rejectedAtCompileTime(): void {
  const chart = newChart();
  const deployment = new Deployment(chart, 'web', { template: { labels: { app: 'web' }, containers: [web()] } });
  const replicaSet = new ReplicaSet(chart, 'rs', { template: { labels: { app: 'rs' }, containers: [web()] } });
  const pod = new Pod(chart, 'pod', { labels: { app: 'pod' }, containers: [new Container({ name: 'dns', image: 'dns:1', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] })] });
  const sidecars = new Deployment(chart, 'two', {
    template: { labels: { app: 'two' }, containers: [web(), new Container({ name: 'admin', image: 'admin:1', ports: { admin: 8081 } })] },
  });

  // A Service's target ports are names the target's containers declare.
  // @ts-expect-error 'htp' is not a port of the Deployment's containers
  new Service(chart, 'a', { target: deployment, ports: [{ port: 80, targetPort: 'htp' }] });
  // @ts-expect-error 'https' is not a port of the ReplicaSet's containers (they declare http and metrics)
  new Service(chart, 'b', { target: replicaSet, ports: [{ port: 443, targetPort: 'https' }] });
  // @ts-expect-error 'http' is not a port of the Pod's container
  new Service(chart, 'c', { target: pod, ports: [{ port: 80, targetPort: 'http' }] });
  // @ts-expect-error addPort() checks the name too
  new Service(chart, 'd', { target: sidecars, ports: [{ port: 80, targetPort: 'admin' }] }).addPort({ port: 81, targetPort: 'admn' });
  // @ts-expect-error a Service needs a target
  new Service(chart, 'e', { ports: [{ port: 80, targetPort: 80 }] });
  // @ts-expect-error a ConfigMap is not something a Service can route to
  new Service(chart, 'f', { target: new ConfigMap(chart, 'cm'), ports: [{ port: 80, targetPort: 80 }] });
  // @ts-expect-error 'Nodeport' is not a ServiceType
  new Service(chart, 'g', { type: 'Nodeport', target: deployment, ports: [{ port: 80, targetPort: 'http' }] });
  // @ts-expect-error 'udp' is not a Protocol
  new Service(chart, 'h', { target: pod, ports: [{ port: 53, targetPort: 'dns', protocol: 'udp' }] });

  // Workloads take the Pod's own props, with their literal types.
  // @ts-expect-error a Deployment needs a template
  new Deployment(chart, 'no-template', { replicas: 3 });
  // @ts-expect-error a boolean is not a label value
  new Deployment(chart, 'bool', { template: { labels: { canary: true }, containers: [web()] } });
  // @ts-expect-error 'always' is not a RestartPolicy
  new ReplicaSet(chart, 'restart', { template: { labels: { app: 'x' }, restartPolicy: 'always', containers: [web()] } });
  // @ts-expect-error a percentage needs its '%'
  DeploymentStrategy.rollingUpdate({ maxSurge: '25' });
  // @ts-expect-error replicas is a number
  new Deployment(chart, 'replicas', { replicas: '3', template: { labels: { app: 'x' }, containers: [web()] } });

  // Keys of a ConfigMap or Secret of this app are the keys it declares.
  const config = new ConfigMap(chart, 'config', { data: { LOG_LEVEL: 'info' } });
  const db = new Secret(chart, 'db', { data: { password: 'c2VjcmV0' }, stringData: { username: 'app' } });
  // @ts-expect-error 'LOG_LVL' is not a key of the ConfigMap
  EnvValue.fromConfigMap(config, 'LOG_LVL');
  // @ts-expect-error 'user' is not a key of the Secret
  EnvValue.fromSecret(db, 'user');
  // @ts-expect-error a Secret is not a ConfigMap
  EnvValue.fromConfigMap(db, 'password');
  // @ts-expect-error a ConfigMap is not a Secret
  EnvValue.fromSecret(ConfigMap.fromName('shared'), 'token');
  // @ts-expect-error the key added by addData() is known only through the reference it returns
  EnvValue.fromConfigMap(config.addData('MODE', 'fast') && config, 'MODE');

  // Pod fields and container resources are the ones Kubernetes offers.
  // @ts-expect-error 'status.podIp' is not a Pod field (status.podIP is)
  EnvValue.fromField('status.podIp');
  // @ts-expect-error metadata.labels needs a key
  EnvValue.fromField('metadata.labels');
  // @ts-expect-error 'limits.gpu' is not a container resource
  EnvValue.fromResource('limits.gpu');
  // @ts-expect-error a divisor is a quantity
  EnvValue.fromResource('limits.memory', { divisor: '1MB' });
}

describe('what compiles renders', () => {
  test('Service ports by declared name, from any container of the target, or by number', () => {
    const chart = newChart();
    const two = new Deployment(chart, 'two', {
      template: { labels: { app: 'two' }, containers: [web(), new Container({ name: 'admin', image: 'admin:1', ports: { admin: 8081 } })] },
    });
    new Service(chart, 'svc', { target: two, ports: [{ port: 80, targetPort: 'http' }, { port: 8081, targetPort: 'admin' }, { name: 'metrics', port: 9113, targetPort: 9113 }] });
    expect(synthObjects(chart)[1].spec.ports).toEqual([
      { name: 'http', port: 80, targetPort: 'http' },
      { name: 'admin', port: 8081, targetPort: 'admin' },
      { name: 'metrics', port: 9113, targetPort: 9113 },
    ]);
  });

  test('keys added with addData() and addStringData() are known through the returned reference', () => {
    const chart = newChart();
    const config = new ConfigMap(chart, 'config').addData('MODE', 'fast');
    const db = new Secret(chart, 'db', { data: { password: 'c2VjcmV0' }, stringData: { username: 'app' } }).addStringData('host', 'db.local');
    new Pod(chart, 'p', {
      containers: [
        new Container({
          name: 'a',
          image: 'a:1',
          env: [
            { name: 'MODE', valueFrom: EnvValue.fromConfigMap(config, 'MODE') },
            { name: 'USER', valueFrom: EnvValue.fromSecret(db, 'username') },
            { name: 'PASSWORD', valueFrom: EnvValue.fromSecret(db, 'password') },
            { name: 'HOST', valueFrom: EnvValue.fromSecret(db, 'host') },
            { name: 'ANY', valueFrom: EnvValue.fromConfigMap(ConfigMap.fromName('existing'), 'whatever') },
          ],
        }),
      ],
    });
    expect(chart.node.findAll().flatMap((c) => c.node.validate())).toEqual([]);
    expect(synthObjects(chart)[2].spec.containers[0].env.map((v: { name: string }) => v.name)).toEqual(['MODE', 'USER', 'PASSWORD', 'HOST', 'ANY']);
  });
});

export { rejectedAtCompileTime };
