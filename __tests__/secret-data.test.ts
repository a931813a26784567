import { JsonPatch } from 'cdk8s';
import { ConfigMap, Container, EnvValue, formatProblem, Pod, Rules, Secret, SecretProps } from '../lib';
import { newChart, synthObjects } from './_support';

// ValidateSecret and ValidateConfigMap on the rendered object, and the
// lints of a Secret whose values synth writes into dist/.

/** Every problem of one Secret, formatted, errors and warnings. */
function secretProblems(props: SecretProps, patch?: (secret: Secret) => void): string[] {
  const secret = new Secret(newChart(), 'db', props);
  patch?.(secret);
  return secret.problems().map(formatProblem);
}

/** The errors of one Secret (what stops synth). */
const secretErrors = (props: SecretProps) => new Secret(newChart(), 'db', props).node.validate();

const pem = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n';

describe('typed Secrets hold the keys their type requires', () => {
  test('kubernetes.io/tls: tls.crt and tls.key, in data or stringData', () => {
    expect(secretErrors({ type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'cert' } })).toEqual([
      'data[tls.key]: a Secret of type kubernetes.io/tls needs key "tls.key", the PEM private key. Fix: add "tls.key" to data or stringData, or use type Opaque (secret-type-keys)',
    ]);
    expect(secretErrors({ type: 'kubernetes.io/tls' })).toEqual([
      'data[tls.crt]: a Secret of type kubernetes.io/tls needs key "tls.crt", the PEM certificate chain. Fix: add "tls.crt" to data or stringData, or use type Opaque (secret-type-keys)',
      'data[tls.key]: a Secret of type kubernetes.io/tls needs key "tls.key", the PEM private key. Fix: add "tls.key" to data or stringData, or use type Opaque (secret-type-keys)',
    ]);
    // Either may be empty: cert-manager creates them so and fills them in.
    const chart = newChart();
    new Secret(chart, 'tls', { type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } });
    expect(synthObjects(chart)[0].type).toBe('kubernetes.io/tls');
  });

  test('kubernetes.io/dockerconfigjson and dockercfg: the key, holding a JSON object', () => {
    expect(secretErrors({ type: 'kubernetes.io/dockerconfigjson', stringData: { config: '{}' } })).toEqual([
      'data[.dockerconfigjson]: a Secret of type kubernetes.io/dockerconfigjson needs key ".dockerconfigjson", the registry credentials as JSON. Fix: add ".dockerconfigjson" to data or stringData, or use type Opaque (secret-type-keys)',
    ]);
    const notJson = Buffer.from('{"auths": ').toString('base64');
    expect(secretErrors({ type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': notJson } })).toEqual([
      `data[.dockerconfigjson]: ".dockerconfigjson" of a Secret of type kubernetes.io/dockerconfigjson is not a JSON object: ${jsonError('{"auths": ')}. Fix: add the registry credentials as \`kubectl create secret docker-registry\` writes them, {"auths": {…}}, or use type Opaque (secret-type-keys)`,
    ]);
    expect(secretErrors({ type: 'kubernetes.io/dockercfg', stringData: { '.dockercfg': '["registry"]' } })).toEqual([
      'data[.dockercfg]: ".dockercfg" of a Secret of type kubernetes.io/dockercfg is not a JSON object: it is a JSON array. Fix: add the registry credentials as `kubectl create secret docker-registry` writes them, {"auths": {…}}, or use type Opaque (secret-type-keys)',
    ]);
    const chart = newChart();
    const auths = JSON.stringify({ auths: { 'registry.example.com': { auth: Buffer.from('u:p').toString('base64') } } });
    new Secret(chart, 'pull', { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': Buffer.from(auths).toString('base64') } });
    new Secret(chart, 'legacy', { type: 'kubernetes.io/dockercfg', stringData: { '.dockercfg': '{}' } });
    expect(synthObjects(chart).map((secret) => secret.type)).toEqual(['kubernetes.io/dockerconfigjson', 'kubernetes.io/dockercfg']);
  });

  test('kubernetes.io/basic-auth: username or password; ssh-auth: a non-empty ssh-privatekey', () => {
    expect(secretErrors({ type: 'kubernetes.io/basic-auth', stringData: { user: 'admin' } })).toEqual([
      'data[username]: a Secret of type kubernetes.io/basic-auth needs key "username" or "password" (either may be empty). Fix: add "username" and "password" to data or stringData, or use type Opaque (secret-type-keys)',
    ]);
    expect(secretErrors({ type: 'kubernetes.io/ssh-auth', stringData: { 'ssh-privatekey': '' } })).toEqual([
      'data[ssh-privatekey]: a Secret of type kubernetes.io/ssh-auth needs key "ssh-privatekey", the private key, not empty. Fix: add "ssh-privatekey" to data or stringData, or use type Opaque (secret-type-keys)',
    ]);
    const chart = newChart();
    new Secret(chart, 'basic', { type: 'kubernetes.io/basic-auth', stringData: { password: '' } });
    new Secret(chart, 'ssh', { type: 'kubernetes.io/ssh-auth', stringData: { 'ssh-privatekey': pem } });
    expect(synthObjects(chart)).toHaveLength(2);
  });

  test('kubernetes.io/service-account-token: the annotation naming the ServiceAccount', () => {
    expect(secretErrors({ type: 'kubernetes.io/service-account-token' })).toEqual([
      'metadata.annotations[kubernetes.io/service-account.name]: a Secret of type kubernetes.io/service-account-token needs the annotation kubernetes.io/service-account.name, naming the ServiceAccount whose token it holds. Fix: add the annotation "kubernetes.io/service-account.name": "<service account name>" (Kubernetes fills in the token), or use type Opaque (secret-type-keys)',
    ]);
    const chart = newChart();
    const token = new Secret(chart, 'token', { type: 'kubernetes.io/service-account-token', annotations: { 'kubernetes.io/service-account.name': 'build-robot' }, labels: { app: 'ci' } });
    expect(token.problems()).toEqual([]);
    expect(synthObjects(chart)[0].metadata).toEqual({ name: 'token', labels: { app: 'ci' }, annotations: { 'kubernetes.io/service-account.name': 'build-robot' } });
  });

  test('the rendered object is checked: a JsonPatch that removes a required key fails', () => {
    const problems = secretProblems({ type: 'kubernetes.io/tls', data: { 'tls.crt': 'Y2VydA==', 'tls.key': 'a2V5' } }, (secret) =>
      secret.apiObject.addJsonPatch(JsonPatch.remove('/data/tls.key')),
    );
    expect(problems.filter((line) => line.endsWith('(secret-type-keys)'))).toEqual([
      'data[tls.key]: a Secret of type kubernetes.io/tls needs key "tls.key", the PEM private key. Fix: add "tls.key" to data or stringData, or use type Opaque (secret-type-keys)',
    ]);
  });
});

describe('metadata', () => {
  test('labels and annotations of a ConfigMap or Secret are rendered and checked', () => {
    const config = new ConfigMap(newChart(), 'config', { labels: { 'app name': 'web' }, annotations: { 'example.com/owner': 'team-a' } });
    expect(config.node.validate()).toEqual(['metadata.labels[app name]: label key "app name" has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: use a key such as `app` or `example.com/tier` (label-key)']);
    const chart = newChart();
    new ConfigMap(chart, 'config', { labels: { app: 'web' }, annotations: { 'example.com/owner': 'team-a' } });
    expect(synthObjects(chart)[0].metadata).toEqual({ name: 'config', labels: { app: 'web' }, annotations: { 'example.com/owner': 'team-a' } });
  });
});

describe('values are strings', () => {
  test('a number, boolean or null given untyped fails, instead of being refused by the API server or dropped', () => {
    const config = new ConfigMap(newChart(), 'config', { data: { replicas: 3 as never, debug: null as never } });
    expect(config.node.validate()).toEqual([
      'data["replicas"]: ConfigMap data value of "replicas" is a number (3); values are strings. Fix: quote it: "3" (data-value-string)',
      'data["debug"]: ConfigMap data value of "debug" is null, which synth would drop; values are strings. Fix: give it a string value, such as "", or remove the key (data-value-string)',
    ]);
    const secret = new Secret(newChart(), 'db', { stringData: { enabled: true as never }, data: { port: 5432 as never } });
    expect(secret.node.validate()).toEqual([
      'data["port"]: Secret data value of "port" is a number (5432); values are strings. Fix: encode it: Buffer.from("5432").toString("base64") (data-value-string)',
      'stringData["enabled"]: Secret stringData value of "enabled" is a boolean (true); values are strings. Fix: quote it: "true" (data-value-string)',
    ]);
    const chart = newChart();
    new ConfigMap(chart, 'config', { data: { replicas: '3', debug: '' } });
    expect(synthObjects(chart)[0].data).toEqual({ replicas: '3', debug: '' });
  });
});

describe('finalizers', () => {
  test('are domain-qualified or standard, and not both deletion policies', () => {
    const config = new ConfigMap(newChart(), 'config');
    config.apiObject.addJsonPatch(JsonPatch.add('/metadata/finalizers', ['cleanup', 'example.com/Clean up', 'orphan', 'foregroundDeletion']));
    expect(config.node.validate()).toEqual([
      'metadata.finalizers[0]: finalizer "cleanup" is neither a standard finalizer name nor fully qualified (with a domain prefix). Fix: prefix it with the domain of the controller that removes it, such as "example.com/cleanup" (object-finalizers)',
      'metadata.finalizers[1]: finalizer "example.com/Clean up" has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: prefix it with the domain of the controller that removes it, such as "example.com/cleanup" (object-finalizers)',
      'metadata.finalizers: finalizers "orphan" and "foregroundDeletion" cannot both be set. Fix: keep one deletion policy (object-finalizers)',
    ]);
    const chart = newChart();
    new ConfigMap(chart, 'config').apiObject.addJsonPatch(JsonPatch.add('/metadata/finalizers', ['example.com/cleanup', 'kubernetes', 'foregroundDeletion']));
    expect(synthObjects(chart)[0].metadata.finalizers).toEqual(['example.com/cleanup', 'kubernetes', 'foregroundDeletion']);
  });
});

describe('Secret types', () => {
  test('a kubernetes.io type Kubernetes does not define is a warning, with the type it likely means', () => {
    expect(secretProblems({ type: 'kubernetes.io/tsl' })).toEqual([
      'type: Secret type "kubernetes.io/tsl" is not one Kubernetes defines, so Kubernetes checks none of its keys and nothing reads it as a built-in type. Fix: write "kubernetes.io/tls" (secret-type-known)',
    ]);
    expect(secretProblems({ type: 'Opaque' })).toEqual([]);
    // Types of one's own are fine.
    expect(secretProblems({ type: 'helm.sh/release.v1' })).toEqual([]);
    expect(secretProblems({ type: 'bootstrap.kubernetes.io/token' })).toEqual([]);
  });
});

describe('sizes', () => {
  test('a Secret or ConfigMap over 1 MiB fails; base64 values count decoded', () => {
    const half = 'x'.repeat(512 * 1024);
    expect(secretErrors({ stringData: { a: half, b: `${half}x` } })).toEqual([
      'data: Secret values total 1048577 bytes; at most 1048576 (1 MiB) are allowed. Fix: split the data over several objects, or put large files in a volume or the image (data-size)',
    ]);
    // 1 MiB exactly, half of it as base64 (which is a third longer than what it decodes to).
    const chart = newChart();
    new Secret(chart, 'big', { stringData: { a: half }, data: { b: Buffer.from(half).toString('base64') } });
    new ConfigMap(chart, 'config', { data: { a: half }, binaryData: { b: Buffer.from(half).toString('base64') } });
    expect(synthObjects(chart)).toHaveLength(2);
    const config = new ConfigMap(newChart(), 'config', { data: { a: half, 'b.txt': 'é'.repeat(256 * 1024) } });
    expect(config.node.validate()).toEqual([]); // "é" is two bytes: 1 MiB exactly
    config.addData('c', 'x');
    expect(config.node.validate()).toEqual([
      'data: ConfigMap values total 1048577 bytes; at most 1048576 (1 MiB) are allowed. Fix: split the data over several objects, or put large files in a volume or the image (data-size)',
    ]);
  });
});

describe('kubernetes-secret-yaml: values of a Secret go into dist/', () => {
  test('warns for each section with a value, naming the keys, with the fix', () => {
    expect(secretProblems({ stringData: { username: 'app', password: 'hunter2' }, data: { 'tls.key': Buffer.from(pem).toString('base64') } })).toEqual([
      'stringData: Secret "db" holds 2 values (password, username) that synth writes in plain text into the manifests in dist/, for everyone who reads the repository. Fix: create the Secret outside the repository (kubectl create secret, Sealed Secrets, External Secrets, a CSI secret store) and refer to it with Secret.fromName("db"); or turn this rule off for it with a reason if the values are not secret (kubernetes-secret-yaml)',
      'data: Secret "db" holds a value (tls.key) that synth writes in base64, which is not encryption, into the manifests in dist/, for everyone who reads the repository. Fix: create the Secret outside the repository (kubectl create secret, Sealed Secrets, External Secrets, a CSI secret store) and refer to it with Secret.fromName("db"); or turn this rule off for it with a reason if the values are not secret (kubernetes-secret-yaml)',
    ]);
  });

  test('is on by default in synth, as a warning, and can be turned off for a Secret with a reason', () => {
    const chart = newChart();
    const secret = new Secret(chart, 'db', { stringData: { password: 'hunter2' } });
    expect(secret.node.validate()).toEqual([]); // a warning does not stop synth
    expect(secret.problems().map((p) => `${p.severity} ${p.rule}`)).toEqual(['warning kubernetes-secret-yaml']);
    Rules.of(secret).suppress('kubernetes-secret-yaml', 'a test fixture, not a real password');
    expect(secret.problems()).toEqual([]);
  });

  test('not for a Secret referred to by name, nor one without values (a token Kubernetes fills in)', () => {
    const chart = newChart();
    new Pod(chart, 'p', {
      containers: [new Container({ name: 'app', image: 'app:1', env: [{ name: 'DB_PASSWORD', valueFrom: EnvValue.fromSecret(Secret.fromName('db'), 'password') }] })],
    });
    const empty = new Secret(chart, 'placeholder', { stringData: { password: '' } });
    expect(empty.problems()).toEqual([]);
    expect(synthObjects(chart)).toHaveLength(2);
  });
});

// The message JSON.parse gives for `text`, which the check quotes.
function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
