import { Container, Deployment, EnvValue, formatProblem, Pod, Secret, Volume } from '../lib';
import { problemsOf } from './_problems';
import { newChart, synthObjects, synthYaml } from './_support';

describe('Secret', () => {
  test('defaults: the entries declared, as given; no type emitted', () => {
    const chart = newChart();
    new Secret(chart, 'db', { stringData: { username: 'app' }, data: { password: 'c2VjcmV0' } });
    expect(synthYaml(chart)).toMatchSnapshot();
  });

  test('name, type, immutable and addStringData()', () => {
    const chart = newChart();
    const tls = new Secret(chart, 'tls', { name: 'web-tls', type: 'kubernetes.io/tls', immutable: true, data: { 'tls.crt': 'Y2VydA==' } });
    tls.addStringData('tls.key', 'key');
    expect(synthObjects(chart)[0]).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'web-tls' },
      type: 'kubernetes.io/tls',
      immutable: true,
      data: { 'tls.crt': 'Y2VydA==' },
      stringData: { 'tls.key': 'key' },
    });
    expect(tls.entryKeys).toEqual(['tls.crt', 'tls.key']);
  });

  test('is mounted as a volume by object, and an existing one by name', () => {
    const chart = newChart();
    const tls = new Secret(chart, 'tls', { data: { 'tls.crt': 'Y2VydA==' } });
    new Pod(chart, 'p', {
      containers: [new Container({ name: 'a', image: 'a:1' })],
      volumes: [Volume.secret('tls', tls, { defaultMode: 0o400 }), Volume.secret('registry', Secret.fromName('registry-creds'))],
    });
    expect(synthObjects(chart)[1].spec.volumes).toEqual([
      { name: 'tls', secret: { secretName: 'tls', defaultMode: 0o400 } },
      { name: 'registry', secret: { secretName: 'registry-creds' } },
    ]);
    expect(Secret.fromName('registry-creds')).toEqual({ kind: 'Secret', name: 'registry-creds' });
  });
});

describe('Secret fails synth', () => {
  test('when a key is invalid; a key in both data and stringData is a warning, as stringData wins', () => {
    const chart = newChart();
    const secret = new Secret(chart, 'db', { data: { password: 'c2VjcmV0', 'db/url': 'eA==' }, stringData: { password: 'secret' } });
    expect(secret.node.validate()).toEqual([
      'data["db/url"]: Secret key "db/url" has characters other than letters, digits, "-", "_" and ".". Fix: rename the key: at most 253 letters, digits, "-", "_" and "." (data-key-valid)',
    ]);
    expect(secret.problems().filter((p) => p.rule === 'secret-key-overwritten').map(formatProblem)).toEqual([
      'stringData["password"]: Secret key "password" is also in data; the API server keeps the stringData value and drops the other. Fix: keep the key in one of data and stringData (secret-key-overwritten)',
    ]);
  });

  test('when a workload takes a key the Secret of this app lacks, by env or volume item', () => {
    const problems = problemsOf((chart) => {
      const db = new Secret(chart, 'db', { stringData: { username: 'app', password: 'secret' } });
      const loose = db as Secret; // a reference whose keys the compiler does not know
      const files = Volume.secret('creds', db, { items: [{ key: 'pasword', path: 'password' }] });
      new Deployment(chart, 'web', {
        template: {
          labels: { app: 'web' },
          containers: [
            new Container({
              name: 'web',
              image: 'web:1',
              env: [{ name: 'DB_USER', valueFrom: EnvValue.fromSecret(loose, 'user') }],
              mounts: [files.mount('/etc/creds', { readOnly: true })],
            }),
          ],
        },
      });
    });
    expect(problems).toEqual([
      'spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.key: key "user" is not in Secret "db" of this app (it has "username", "password"). Fix: add "user" to the Secret, use one of its keys, or mark the reference optional (secret-key-exists)',
      'spec.template.spec.volumes[0].secret.items[0].key: key "pasword" is not in Secret "db" of this app (it has "username", "password"). Fix: add "pasword" to the Secret, use one of its keys, or mark the reference optional (secret-key-exists)',
    ]);
  });
});
