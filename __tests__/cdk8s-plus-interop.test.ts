import * as kplus from 'cdk8s-plus-27';
import { ConfigMap, Container, Deployment, EnvFrom, EnvValue, Pod, Secret } from '../lib';
import { newChart, synthObjects } from './_support';

/*
 * Peapod objects beside cdk8s-plus-27 ones in one chart: Peapod takes
 * cdk8s-plus and L1 ConfigMaps and Secrets by name, and cdk8s-plus selects
 * Peapod's Pods and workloads by their labels.
 */

const web = (env: ConstructorParameters<typeof Container>[0]['env'], envFrom?: readonly EnvFrom[]) =>
  new Container({ name: 'web', image: 'web:1', env, ...(envFrom ? { envFrom } : {}) });

describe('ConfigMaps and Secrets of cdk8s-plus-27 and L1 objects', () => {
  test('EnvValue.fromConfigMap/fromSecret and EnvFrom take them by name, with any key', () => {
    const chart = newChart();
    const plusConfig = new kplus.ConfigMap(chart, 'plus-config', { data: { COLOR: 'blue' } });
    const plusSecret = new kplus.Secret(chart, 'plus-secret', { stringData: { TOKEN: 't' } });
    const l1Config = new kplus.k8s.KubeConfigMap(chart, 'l1-config', { metadata: { name: 'l1-config' }, data: { SIZE: '3' } });
    const l1Secret = new kplus.k8s.KubeSecret(chart, 'l1-secret', { metadata: { name: 'l1-secret' }, stringData: { KEY: 'k' } });
    new Pod(chart, 'app', {
      containers: [
        web(
          [
            { name: 'COLOR', valueFrom: EnvValue.fromConfigMap(plusConfig, 'COLOR') },
            { name: 'TOKEN', valueFrom: EnvValue.fromSecret(plusSecret, 'TOKEN', { optional: true }) },
            { name: 'SIZE', valueFrom: EnvValue.fromConfigMap(l1Config, 'SIZE') },
            { name: 'KEY', valueFrom: EnvValue.fromSecret(l1Secret, 'KEY') },
          ],
          [EnvFrom.configMap(plusConfig, { prefix: 'PLUS_' }), EnvFrom.secret(l1Secret)],
        ),
      ],
    });
    const pod = synthObjects(chart).find((manifest) => manifest.kind === 'Pod');
    expect(pod.spec.containers[0].env).toEqual([
      { name: 'COLOR', valueFrom: { configMapKeyRef: { name: plusConfig.name, key: 'COLOR' } } },
      { name: 'TOKEN', valueFrom: { secretKeyRef: { name: plusSecret.name, key: 'TOKEN', optional: true } } },
      { name: 'SIZE', valueFrom: { configMapKeyRef: { name: 'l1-config', key: 'SIZE' } } },
      { name: 'KEY', valueFrom: { secretKeyRef: { name: 'l1-secret', key: 'KEY' } } },
    ]);
    expect(pod.spec.containers[0].envFrom).toEqual([{ configMapRef: { name: plusConfig.name }, prefix: 'PLUS_' }, { secretRef: { name: 'l1-secret' } }]);
  });

  test('a Secret given as a ConfigMap, or the other way round, fails at once with the fix', () => {
    const chart = newChart();
    const secret = new kplus.k8s.KubeSecret(chart, 'token', { metadata: { name: 'token' } });
    const config = new kplus.k8s.KubeConfigMap(chart, 'settings', { metadata: { name: 'settings' } });
    expect(() => EnvValue.fromConfigMap(secret, 'TOKEN')).toThrow(
      'EnvValue.fromConfigMap: "token" is a Secret, not a ConfigMap. Fix: use EnvValue.fromSecret for a Secret, or pass a ConfigMap',
    );
    expect(() => EnvValue.fromSecret(config, 'MODE')).toThrow(
      'EnvValue.fromSecret: "settings" is a ConfigMap, not a Secret. Fix: use EnvValue.fromConfigMap for a ConfigMap, or pass a Secret',
    );
    expect(() => EnvFrom.configMap(secret)).toThrow('EnvFrom.configMap: "token" is a Secret, not a ConfigMap. Fix: use EnvFrom.secret for a Secret, or pass a ConfigMap');
    expect(() => EnvFrom.secret(config)).toThrow('EnvFrom.secret: "settings" is a ConfigMap, not a Secret. Fix: use EnvFrom.configMap for a ConfigMap, or pass a Secret');
  });

  test("Peapod's own ConfigMaps and Secrets keep their key checks", () => {
    const chart = newChart();
    const config = new ConfigMap(chart, 'config', { data: { MODE: 'fast' } });
    const secret = new Secret(chart, 'secret', { stringData: { TOKEN: 't' } });
    expect(EnvValue.fromConfigMap(config, 'MODE')).toBeInstanceOf(EnvValue);
    expect(EnvValue.fromSecret(secret, 'TOKEN')).toBeInstanceOf(EnvValue);
    // @ts-expect-error -- MODES is not a key of the ConfigMap
    EnvValue.fromConfigMap(config, 'MODES');
    // @ts-expect-error -- TOKENS is not a key of the Secret
    EnvValue.fromSecret(secret, 'TOKENS');
  });
});

describe('cdk8s-plus-27 selects Peapod Pods and workloads', () => {
  test('a NetworkPolicy selects a Deployment by its selector and lets a Pod in by its labels', () => {
    const chart = newChart();
    const api = new Deployment(chart, 'api', {
      selectBy: ['app'],
      template: { labels: { app: 'api', tier: 'backend' }, containers: [new Container({ name: 'api', image: 'api:1' })] },
    });
    const client = new Pod(chart, 'client', { labels: { app: 'client' }, containers: [new Container({ name: 'client', image: 'client:1' })] });
    const policy = new kplus.NetworkPolicy(chart, 'api-policy', { selector: api });
    policy.addIngressRule(client);
    const manifest = synthObjects(chart).find((m) => m.kind === 'NetworkPolicy');
    expect(manifest.spec.podSelector).toEqual({ matchLabels: { app: 'api' } });
    expect(manifest.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'client' } } }], ports: [] }]);
  });

  test('a cdk8s-plus Service selects a Peapod Pod', () => {
    const chart = newChart();
    const pod = new Pod(chart, 'db', { labels: { app: 'db' }, containers: [new Container({ name: 'db', image: 'db:1', ports: { sql: 5432 } })] });
    const service = new kplus.Service(chart, 'db-service', { ports: [{ port: 5432 }] });
    service.select(pod);
    expect(synthObjects(chart).find((m) => m.kind === 'Service').spec.selector).toEqual({ app: 'db' });
  });

  test('a Pod without labels cannot be selected: the selector would match every Pod', () => {
    const chart = newChart();
    const pod = new Pod(chart, 'bare', { containers: [new Container({ name: 'bare', image: 'bare:1' })] });
    expect(() => pod.toPodSelectorConfig()).toThrow(
      "test/bare: it has no labels, and a selector without labels would select every Pod. Fix: give its Pods a label, such as labels: { app: 'bare' }",
    );
  });
});
