import * as fc from 'fast-check';
import { ConfigMap, Container, EnvFrom, envReferences, EnvValue, formatProblem, isServiceLinkVariable, Pod, Secret } from '../lib';
import { importManifests } from '../lib/import';
import { collectProblems } from '../lib/validation/engine';
import { newChart, synthObjects, synthYaml } from './_support';

const containerOf = (build: (chart: ReturnType<typeof newChart>) => Container) => {
  const chart = newChart();
  new Pod(chart, 'p', { containers: [build(chart)] });
  return synthObjects(chart).find((manifest) => manifest.kind === 'Pod').spec.containers[0];
};

describe('env from elsewhere', () => {
  test('keys of a ConfigMap and a Secret of this app, whole objects, the Pod fields and resources', () => {
    const chart = newChart();
    const config = new ConfigMap(chart, 'config', { data: { LOG_LEVEL: 'info', FEATURES: 'a,b' } });
    const db = new Secret(chart, 'db', { stringData: { password: 'secret' } });
    const app = new Container({
      name: 'app',
      image: 'app:1.0',
      resources: { limits: { cpu: 1, memory: '512Mi' } },
      env: [
        { name: 'LOG_LEVEL', valueFrom: EnvValue.fromConfigMap(config, 'LOG_LEVEL') },
        { name: 'DB_PASSWORD', valueFrom: EnvValue.fromSecret(db, 'password') },
        { name: 'POD_IP', valueFrom: EnvValue.fromField('status.podIP') },
        { name: 'POD_NAME', valueFrom: EnvValue.fromField('metadata.name') },
        { name: 'NODE_NAME', valueFrom: EnvValue.fromField('spec.nodeName') },
        { name: 'MEMORY_LIMIT_MI', valueFrom: EnvValue.fromResource('limits.memory', { divisor: '1Mi' }) },
        { name: 'GREETING', value: 'hello from $(POD_NAME) at $(POD_IP)' },
      ],
      envFrom: [EnvFrom.configMap(config, { prefix: 'CFG_' })],
    });
    new Pod(chart, 'p', { containers: [app] });
    expect(synthYaml(chart)).toMatchSnapshot();
  });

  test('every Pod field Kubernetes offers to env vars', () => {
    const fields = [
      'metadata.name',
      'metadata.namespace',
      'metadata.uid',
      "metadata.labels['app']",
      "metadata.annotations['example.com/owner']",
      'spec.nodeName',
      'spec.serviceAccountName',
      'status.hostIP',
      'status.hostIPs',
      'status.podIP',
      'status.podIPs',
    ] as const;
    const container = containerOf(() => new Container({ name: 'a', image: 'a:1', env: fields.map((field, i) => ({ name: `F${i}`, valueFrom: EnvValue.fromField(field) })) }));
    expect(container.env.map((v: { valueFrom: { fieldRef: { fieldPath: string } } }) => v.valueFrom.fieldRef.fieldPath)).toEqual([...fields]);
  });

  test("another container's resources, and optional keys of existing objects", () => {
    const sidecar = new Container({ name: 'sidecar', image: 's:1', resources: { requests: { cpu: '250m' } } });
    const container = containerOf(() =>
      new Container({
        name: 'a',
        image: 'a:1',
        env: [
          { name: 'SIDECAR_CPU', valueFrom: EnvValue.fromResource('requests.cpu', { container: sidecar, divisor: '1m' }) },
          { name: 'TOKEN', valueFrom: EnvValue.fromSecret(Secret.fromName('api-token'), 'token', { optional: true }) },
          { name: 'REGION', valueFrom: EnvValue.fromConfigMap(ConfigMap.fromName('cluster-info'), 'region', { optional: false }) },
        ],
      }),
    );
    expect(container.env).toEqual([
      { name: 'SIDECAR_CPU', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', containerName: 'sidecar', divisor: '1m' } } },
      { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'api-token', key: 'token', optional: true } } },
      { name: 'REGION', valueFrom: { configMapKeyRef: { name: 'cluster-info', key: 'region', optional: false } } },
    ]);
  });

  test('envFrom: whole ConfigMaps and Secrets, from props and addEnvFrom(), in order', () => {
    const container = containerOf((chart) =>
      new Container({ name: 'a', image: 'a:1', envFrom: [EnvFrom.secret(new Secret(chart, 'db', { stringData: { USER: 'app' } }))] })
        .addEnvFrom(EnvFrom.configMap(ConfigMap.fromName('shared'), { optional: true }))
        .addEnvFrom(EnvFrom.secret(Secret.fromName('extra'), { prefix: 'X_', optional: false })),
    );
    expect(container.envFrom).toEqual([
      { secretRef: { name: 'db' } },
      { configMapRef: { name: 'shared', optional: true } },
      { secretRef: { name: 'extra', optional: false }, prefix: 'X_' },
    ]);
  });

  test('a container without envFrom emits none', () => {
    expect(containerOf(() => new Container({ name: 'a', image: 'a:1' }))).toEqual({ name: 'a', image: 'a:1' });
  });
});

describe('value and valueFrom together', () => {
  test('reach the manifest as declared when untyped, and fail synth instead of losing the value', () => {
    const chart = newChart();
    const both = { name: 'IP', value: '10.0.0.1', valueFrom: EnvValue.fromField('status.podIP') } as unknown as { name: string; value: string };
    new Pod(chart, 'p', { containers: [new Container({ name: 'app', image: 'app:1.0', env: [both] })] });
    expect(() => synthObjects(chart)).toThrow(
      'spec.containers[0].env[0]: env "IP" of container "app" has both value and valueFrom. Fix: keep one of `value` and `valueFrom`; give `valueFrom` one of `configMapKeyRef`, `secretKeyRef`, `fieldRef`, `resourceFieldRef` (env-value-source)',
    );
  });

  test('an entry with valueFrom alone renders no value', () => {
    const container = containerOf(() => new Container({ name: 'app', image: 'app:1.0', env: [{ name: 'IP', valueFrom: EnvValue.fromField('status.podIP') }] }));
    expect(container.env).toEqual([{ name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }]);
  });
});

describe('$(VAR) references, read as the kubelet expands them', () => {
  // A second reading, shaped like expansion.Expand in Kubernetes'
  // third_party/forked/golang/expansion: the names it would look up, in order.
  function lookedUp(input: string): string[] {
    const names: string[] = [];
    for (let cursor = 0; cursor < input.length; cursor++) {
      if (input[cursor] !== '$' || cursor + 1 >= input.length) {
        continue;
      }
      const rest = input.slice(cursor + 1);
      if (rest[0] === '$') {
        cursor += 1;
      } else if (rest[0] === '(') {
        const close = rest.indexOf(')', 1);
        if (close >= 0) {
          names.push(rest.slice(1, close));
          cursor += close + 1;
        } else {
          cursor += 1;
        }
      } else {
        cursor += 1;
      }
    }
    return names;
  }
  const VALID_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

  test('envReferences finds the names the kubelet looks up that could name a variable', () => {
    const piece = fc.constantFrom('$', '$$', '$(', ')', '(', 'A', 'b_1', '.', '-', ' ', '9', 'x y', '$(A)', '$$(B)');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const value = pieces.join('');
        expect(envReferences(value)).toEqual(lookedUp(value).filter((name) => VALID_NAME.test(name)));
      }),
      { numRuns: 500 },
    );
  });

  test('Service-link variables are the shapes the kubelet writes, in upper case', () => {
    for (const name of ['WEB_SERVICE_HOST', 'WEB_SERVICE_PORT', 'WEB_SERVICE_PORT_HTTP_METRICS', 'WEB_PORT', 'WEB_PORT_80_TCP', 'DNS_PORT_53_UDP_PROTO', 'A_PORT_1_SCTP_ADDR']) {
      expect([name, isServiceLinkVariable(name)]).toEqual([name, true]);
    }
    for (const name of ['web_SERVICE_HOST', '_SERVICE_HOST', 'WEB_SERVICE_PORT_', 'WEB_PORT_HTTP_TCP', 'WEB_PORT_80_ICMP', 'WEB_HOST', 'WEB-APP_SERVICE_HOST', 'WEB_PORT_80_TCP_HOST']) {
      expect([name, isServiceLinkVariable(name)]).toEqual([name, false]);
    }
  });
});

describe('envFrom keys the kubelet would skip', () => {
  const warningsOf = (prefix: string | undefined) => {
    const chart = newChart();
    const config = new ConfigMap(chart, 'config', { data: { LOG_LEVEL: 'info', '1st-run': 'yes', 'log.format': 'json' } });
    new Pod(chart, 'p', { containers: [new Container({ name: 'app', image: 'app:1.0', envFrom: [EnvFrom.configMap(config, { prefix })] })] });
    return collectProblems(chart.node.root)
      .problems.filter((p) => p.rule === 'env-from-key-skipped')
      .map(formatProblem);
  };

  test('a key that is no env var name is a warning, with the fix', () => {
    expect(warningsOf(undefined)).toEqual([
      'spec.containers[0].envFrom[0]: key "1st-run" of ConfigMap "config" is not a valid env var name, so the kubelet skips it. Fix: rename the key, give a prefix that starts with a letter or "_", or take the key alone with EnvValue.fromConfigMap() or fromSecret() under a valid name (env-from-key-skipped)',
    ]);
  });

  test('a prefix that makes every key a valid name draws none', () => {
    expect(warningsOf('APP_')).toEqual([]);
  });
});

describe('the importer reads $(VAR) as synth does', () => {
  test('Service-link variables and $(…) that hold no variable name import without a problem', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: app
    image: app:1.0
    env:
    - {name: DB, value: "$(POSTGRES_SERVICE_HOST):$(POSTGRES_SERVICE_PORT)"}
    - {name: STARTED, value: "at $(date +%s)"}
`;
    const result = importManifests([{ file: 'in.yaml', text }]);
    expect(JSON.stringify(result)).toContain('$(POSTGRES_SERVICE_HOST):$(POSTGRES_SERVICE_PORT)');
  });
});
