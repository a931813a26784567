import * as fs from 'fs';
import * as path from 'path';
import * as peapod from '../../lib';
import { problemsOf } from './_problems';
import { importManifests } from '../../lib/import';
import { run } from '../../lib/import/cli';
import { manifestDifferences, synthGenerated, typeCheckGenerated } from '../../lib/import/verify';
import { withTempDir } from '../_support';

const FIXTURES = path.join(__dirname, 'fixtures');
// Where the compiler check pretends the code is: a folder under lib/ of this repository, which imports Peapod from `..`.
const inRepo = (file: string) => path.join(__dirname, '..', '..', 'lib', 'imported', file);
const fixtures = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).sort();

function importFixture(file: string) {
  // `..` is where Peapod is, seen from the file the compiler check pretends the code is in.
  return importManifests([{ file, text: fs.readFileSync(path.join(FIXTURES, file), 'utf8') }], { from: '..' });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const byKindAndName = (objects: readonly any[]) => [...objects].sort((a, b) => `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`));


const pod = (spec: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p${extra}
spec:
${spec}`;

describe('round trip: import, then synth, gives the input back', () => {
  test.each(fixtures)('%s', (file) => {
    const result = importFixture(file);
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    expect(synth.errors).toEqual([]);
    expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
    expect(byKindAndName(synth.objects)).toEqual(byKindAndName(result.objects));
  });

  test('several files make one chart, where a Pod refers to the ConfigMap of another file', () => {
    const inputs = ['multi-a.yaml', 'multi-b.yaml'].map((file) => ({ file, text: fs.readFileSync(path.join(FIXTURES, file), 'utf8') }));
    const result = importManifests(inputs, { from: '..' });
    expect(result.className).toBe('MultiAChart');
    expect(result.source).toContain('envFrom: [EnvFrom.configMap(greeting)],');
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    expect(byKindAndName(synth.objects)).toEqual(byKindAndName(result.objects));
  });

  test('the code of every fixture compiles under the project tsconfig', () => {
    expect(typeCheckGenerated(fixtures.map((file, i) => ({ path: inRepo(`chart${i}.ts`), text: importFixture(file).source })))).toEqual([]);
  });

  test('the objects compared are the input, less only what the notes name', () => {
    const result = importFixture('exported.yaml');
    expect(result.notes).toEqual([
      'exported.yaml: document 1 (Pod "echo"): status: left out: the API server writes it',
      'exported.yaml: document 1 (Pod "echo"): metadata.uid: left out: the API server writes it',
      'exported.yaml: document 1 (Pod "echo"): metadata.resourceVersion: left out: the API server writes it',
      'exported.yaml: document 1 (Pod "echo"): metadata.creationTimestamp: left out: the API server writes it',
      'exported.yaml: document 1 (Pod "echo"): metadata.annotations.kubectl.kubernetes.io/last-applied-configuration: left out: kubectl or a controller writes it',
    ]);
    expect(result.objects[0].metadata).toEqual({ name: 'echo', namespace: 'demo', labels: { app: 'echo', run: 'echo' } });
  });

  test('the comparison finds a difference', () => {
    const input = [{ kind: 'Pod', metadata: { name: 'a' }, spec: { containers: [{ name: 'c', image: 'x' }] } }];
    const output = [{ kind: 'Pod', metadata: { name: 'a' }, spec: { containers: [{ name: 'c', image: 'y' }] } }];
    expect(manifestDifferences(input, output)).toEqual(['Pod "a".spec.containers[0].image: "x" in the input, "y" in the output']);
  });

  test('the compiler check reports code that does not compile', () => {
    const source = importFixture('tutorial.yaml').source.replace("imagePullPolicy: 'Always'", "imagePullPolicy: 'always'");
    expect(typeCheckGenerated([{ path: inRepo('chart0.ts'), text: source }])).toEqual([expect.stringMatching(/^chart0\.ts:\d+:\d+: Type '"always"' is not assignable to type 'ImagePullPolicy/)]);
  });

  test('the compiler check reports each broken source by its own name, with the whole message', () => {
    const fine = "import { Pod } from '..';\nexport const pod: typeof Pod = Pod;\n";
    const broken = "const given = { a: { b: 'x' } };\nexport const wanted: { a: { b: number } } = given;\nexport const n: number = 'three';\n";
    expect(typeCheckGenerated([{ path: inRepo('chart0.ts'), text: fine }, { path: inRepo('chart1.ts'), text: broken }])).toEqual([
      [
        "chart1.ts:2:14: Type '{ a: { b: string; }; }' is not assignable to type '{ a: { b: number; }; }'.",
        "The types of 'a.b' are incompatible between these types.",
        "Type 'string' is not assignable to type 'number'.",
      ].join('\n'),
      "chart1.ts:3:14: Type 'string' is not assignable to type 'number'.",
    ]);
  });
});

describe('the generated code', () => {
  // Reviewed: it reads like main.ts, the hand-written version of the same objects.
  test('tutorial and production manifests', () => {
    expect(importFixture('tutorial.yaml').source).toMatchSnapshot();
    expect(importFixture('myapp.yaml').source).toMatchSnapshot();
  });

  test('a Pod template with a name: the name is patched into the manifest', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {name: tmpl, labels: {app: d}}\n    spec: {containers: [{name: a, image: x}]}\n';
    const result = importManifests([{ file: 'in.yaml', text }], { from: '..' });
    expect(result.source).toContain("d.apiObject.addJsonPatch(JsonPatch.add('/spec/template/metadata/name', 'tmpl'));");
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    expect(synth.objects[0].spec.template.metadata).toEqual({ name: 'tmpl', labels: { app: 'd' } });
    expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
  });

  test('fields patched into the manifest are spelt as the manifest spells them', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: LoadBalancer\n  selector: {app: web}\n  ports: [{port: 80}]\n  loadBalancerIP: 10.0.0.5\n  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 30}}\n';
    const result = importManifests([{ file: 'in.yaml', text }], { from: '..' });
    expect(result.source).toContain("web.apiObject.addJsonPatch(JsonPatch.add('/spec/loadBalancerIP', '10.0.0.5'));");
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    expect(synth.objects[0].spec).toMatchObject({ loadBalancerIP: '10.0.0.5', sessionAffinityConfig: { clientIP: { timeoutSeconds: 30 } } });
    expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
  });

  test('escape hatches carry a comment naming the fields', () => {
    const source = importFixture('sidecar-logging.yaml').source;
    expect(source).toContain('// Not modeled by Peapod; emitted as given: lifecycle.\n');
    expect(source).toContain('// Not modeled by Peapod; emitted as given: terminationGracePeriodSeconds, affinity.\n');
    expect(source).toContain("shopService.apiObject.addJsonPatch(JsonPatch.add('/spec/loadBalancerSourceRanges', ['10.0.0.0/8']));");
  });

  test('a Service alone in its file is made from its label selector, and synthesizes to the input', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web, tier: front}\n  ports: [{name: http, port: 80, targetPort: http}, {name: metrics, port: 9090, targetPort: 9090}]\n';
    const result = importManifests([{ file: 'in.yaml', text }], { from: '..' });
    expect(result.source).toContain("new Service(this, 'web', {\n      target: PodSelector.labels({ app: 'web', tier: 'front' }),");
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    expect(synth.errors).toEqual([]);
    expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
  });

  test('a Service is made from the workload its selector matches, and refers to ports by name', () => {
    const source = importFixture('database.yaml').source;
    expect(source).toContain("target: postgres,\n      ports: [{ port: 5432, targetPort: 'postgres', appProtocol: 'postgresql' }],\n      headless: true,");
  });

  test('values from ConfigMaps and Secrets of the input refer to their constructs; others by name', () => {
    const source = importFixture('database.yaml').source;
    expect(source).toContain("EnvValue.fromSecret(postgresCredentials, 'username')");
    // One constant for each object made elsewhere, however many places name it.
    expect(source).toContain("const postgresTlsSecret = Secret.fromName('postgres-tls');");
    expect(source).toContain("Volume.secret('tls', postgresTlsSecret, { defaultMode: 0o400 })");
  });

  test('a workload keeps the plain name when a Service before it in the input shares it', () => {
    const result = importFixture('edge-cases.yaml');
    expect(result.source).toContain("const worker = new Deployment(this, 'worker', {");
    expect(result.source).toContain("new Service(this, 'worker-service', { name: 'worker', target: worker, ports: [{ port: 8080, targetPort: 8080 }] });");
    expect(result.notes).toContain(
      'edge-cases.yaml: document 1 (Service "worker"): items[0].spec.ports[0].targetPort: written as 8080, the port, which is what Kubernetes uses when it is left out',
    );
  });

  test('empty lists and mappings are left out, with a note each', () => {
    const text = pod('  volumes: []\n  containers:\n    - {name: a, image: nginx, env: [], resources: {}}\n  initContainers: []');
    const result = importManifests([{ file: 'in.yaml', text }], { from: '..' });
    expect(result.source).toContain("new Pod(this, 'p', { containers: [new Container({ name: 'a', image: 'nginx' })] });");
    expect(result.notes).toEqual([
      'in.yaml: document 1 (Pod "p"): spec.volumes: left out: it is empty, which Kubernetes reads as absent',
      'in.yaml: document 1 (Pod "p"): spec.containers[0].env: left out: it is empty, which Kubernetes reads as absent',
      'in.yaml: document 1 (Pod "p"): spec.containers[0].resources: left out: it is empty, which Kubernetes reads as absent',
      'in.yaml: document 1 (Pod "p"): spec.initContainers: left out: it is empty, which Kubernetes reads as absent',
    ]);
    expect(manifestDifferences(result.objects, synthGenerated(result.source, result.className, { '..': peapod }).objects)).toEqual([]);
  });

  test('fields the L1 types spell differently, quantities and ports in escape hatches', () => {
    const result = importManifests([
      {
        file: 'in.yaml',
        text: pod(`  hostIPC: true
  overhead:
    cpu: 250m
  containers:
    - name: c
      image: x
      ports: [{ name: http, containerPort: 80 }]
      lifecycle:
        postStart:
          httpGet:
            port: 80`),
      },
    ], { from: '..' });
    expect(result.source).toContain("extraSpec: { hostIpc: true, overhead: { cpu: k8s.Quantity.fromString('250m') } },");
    expect(result.source).toContain('extraFields: { lifecycle: { postStart: { httpGet: { port: k8s.IntOrString.fromNumber(80) } } } },');
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
  });
});

describe('input the import refuses, with file, document and field path', () => {
  test('a YAML syntax error', () => {
    expect(problemsOf('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\nmetadata: {name: [x\n')).toEqual([
      'in.yaml:6:1: document 2: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]. Fix: correct the YAML',
      'in.yaml:6:1: document 2: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }. Fix: correct the YAML',
    ]);
  });

  test('an unknown kind, a wrong apiVersion, a missing name', () => {
    const text = 'apiVersion: batch/v1\nkind: Jobs\nmetadata: {name: j}\n---\napiVersion: v1\nkind: Deployment\nmetadata: {name: d}\nspec: {template: {metadata: {labels: {app: d}}, spec: {containers: [{name: c, image: i}]}}, selector: {matchLabels: {app: d}}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {}\n';
    expect(problemsOf(text)).toEqual([
      'in.yaml: document 1: kind: kind "Jobs" is not one peapod import reads: Kubernetes 1.27 serves no such kind in apiVersion "batch/v1". Fix: correct the kind or the apiVersion (`kubectl api-resources` lists what a cluster serves); keep a kind of a later Kubernetes in YAML',
      'in.yaml: document 2: apiVersion: Deployment has apiVersion "v1". Fix: use apiVersion: apps/v1',
      'in.yaml: document 3: metadata.name: is missing. Fix: add name',
    ]);
  });

  test('missing fields and values of the wrong type, all at once', () => {
    expect(problemsOf(pod('  nodeSelector:\n    gpu: true\n  containers:\n    - name: c\n      ports: [{containerPort: "80"}]'))).toEqual([
      'in.yaml: document 1 (Pod "p"): spec.nodeSelector.gpu: is a boolean (true); expected a string. Fix: quote it: "true"',
      'in.yaml: document 1 (Pod "p"): spec.containers[0].image: is missing. Fix: add image',
      'in.yaml: document 1 (Pod "p"): spec.containers[0].ports[0].containerPort: is a string ("80"); expected a whole number. Fix: write a number without quotes',
    ]);
  });

  test('a well-known node label with a value no node reports', () => {
    expect(problemsOf(pod('  nodeSelector: {kubernetes.io/os: Linux}\n  containers: [{name: c, image: x}]'))).toEqual([
      'in.yaml: document 1 (Pod "p"): spec.nodeSelector.kubernetes.io/os: is "Linux", which no node reports. Fix: use one of "linux", "windows"',
    ]);
  });

  test('a field the Kubernetes API does not have', () => {
    expect(problemsOf(pod('  hostNetwrk: true\n  containers: [{name: c, image: x}]'))).toEqual([
      'in.yaml: document 1 (Pod "p"): spec.hostNetwrk: is not a field of PodSpec. Fix: check the spelling against the Kubernetes API reference, or remove it',
    ]);
  });

  test('the same object twice', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n';
    expect(problemsOf(text)).toEqual([
      'in.yaml: document 2 (ConfigMap "c"): metadata.name: ConfigMap "c" is also in in.yaml document 1. Fix: keep one of them; Kubernetes would apply one over the other',
    ]);
  });

  test('a key of a ConfigMap of the input that is not there', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: x}\n---\n' +
      pod('  containers:\n    - {name: a, image: x, env: [{name: B, valueFrom: {configMapKeyRef: {name: c, key: b}}}]}');
    expect(problemsOf(text)).toEqual([
      'in.yaml: document 2 (Pod "p"): spec.containers[0].env[0].valueFrom.configMapKeyRef.key: key "b" is not in ConfigMap "c" of the input. ' +
        'Fix: add "b" to the ConfigMap, or mark the reference optional (config-map-key-exists)',
    ]);
  });

  test('a port reused across the containers of a Pod: refused, as Peapod refuses it', () => {
    const spec = '  containers:\n    - {name: a, image: x, ports: [{containerPort: 80}]}\n    - {name: b, image: nginx, ports: [{containerPort: 80}]}';
    expect(problemsOf(pod(spec))).toEqual([
      'in.yaml: document 1 (Pod "p"): spec.containers[1].ports[0].containerPort: port 80/TCP of container "b" is already used by container "a" (spec.containers[0].ports[0]); ' +
        'containers of a Pod share localhost, so only one can listen on it. Fix: give "b" or "a" another port (port-shared-localhost)',
    ]);
  });

  test('a port one container declares twice: refused in the words synth uses', () => {
    const spec = '  containers:\n    - {name: a, image: x, ports: [{containerPort: 90}, {containerPort: 90}]}';
    expect(problemsOf(pod(spec))).toEqual([
      'in.yaml: document 1 (Pod "p"): spec.containers[0].ports[1].containerPort: port 90/TCP is declared twice by container "a", first at spec.containers[0].ports[0]. ' +
        'Fix: remove one of the two declarations (port-shared-localhost)',
    ]);
  });

  test('a probe on a port name the container does not declare', () => {
    expect(problemsOf(pod('  containers:\n    - {name: a, image: x, livenessProbe: {httpGet: {port: web}}}'))).toEqual([
      'in.yaml: document 1 (Pod "p"): spec.containers[0].livenessProbe.httpGet.port: the probe calls port "web", which the container does not declare. ' +
        "Fix: declare the port in the container's ports, and call it by name (probe-port)",
    ]);
  });

  test('a probe on a port number the container does not declare comes over as it is: it works when the process listens', () => {
    const result = importManifests([{ file: 'in.yaml', text: pod('  containers:\n    - {name: a, image: x, livenessProbe: {httpGet: {port: 8080}}}') }], { from: '..' });
    expect(result.source).toContain('livenessProbe: Probe.http({ port: 8080 })');
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    expect(synth.errors).toEqual([]);
    expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
  });

  test('an env reference to a variable not defined before', () => {
    expect(problemsOf(pod('  containers:\n    - {name: a, image: x, env: [{name: A, value: "$(B)"}, {name: B, value: b}]}'))).toEqual([
      'in.yaml: document 1 (Pod "p"): spec.containers[0].env[0].value: $(B) in A refers to no variable defined before A; Kubernetes would leave it as literal text. ' +
        'Fix: define B earlier in env, or write $$(B) for the literal text (env-reference-defined)',
    ]);
  });

  test('a misspelt volume type', () => {
    expect(problemsOf(pod('  containers: [{name: a, image: x}]\n  volumes:\n    - name: v\n      nfss: {server: s, path: /}'))).toEqual([
      'in.yaml: document 1 (Pod "p"): spec.volumes[0].nfss: "nfss" is not a volume type. Fix: check the spelling against the Kubernetes API reference',
    ]);
  });

  test.each([
    ['nfs', '{server: nfs.example.com, path: /exports, readOnly: true}', "Volume.nfs('v', 'nfs.example.com', '/exports', { readOnly: true })"],
    ['downwardAPI', '{items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}', "Volume.downwardAPI('v', [{ path: 'labels', field: 'metadata.labels' }])"],
    ['csi', '{driver: secrets-store.csi.k8s.io, readOnly: true, volumeAttributes: {secretProviderClass: vault}}', "Volume.csi('v', 'secrets-store.csi.k8s.io', {"],
    ['projected', '{sources: [{serviceAccountToken: {path: token, expirationSeconds: 3600}}]}', "Volume.projected('v', [VolumeProjection.serviceAccountToken({ path: 'token', expirationSeconds: 3600 })])"],
    ['iscsi', '{targetPortal: "10.0.0.1:3260", iqn: "iqn.2001-04.com.example:storage", lun: 0, fsType: ext4}', "Volume.fromSource('v', {"],
  ])('a %s volume comes over through its factory (or Volume.fromSource), exactly', (kind, source, code) => {
    const text = pod(`  containers: [{name: a, image: x, volumeMounts: [{name: v, mountPath: /data}]}]\n  volumes:\n    - name: v\n      ${kind}: ${source}`);
    const result = importManifests([{ file: 'in.yaml', text }], { from: '..' });
    expect(result.source).toContain(code);
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    expect(synth.errors).toEqual([]);
    expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
  });
});

describe('peapod import on the command line', () => {
  const tutorial = path.join(FIXTURES, 'tutorial.yaml');
  // The tutorial's Pods have no resources, probes or security context: the import says so once, by rule and object.
  const tutorialWarnings =
    "peapod import: 29 lint warnings of 9 rules, for what the input lacks; synth of the chart prints each (fix the code, or set the rule's level in peapod.config.json with a reason; docs/rules.md says why each matters):\n" +
    '  kube-example, shared-html, mysql: unset-cpu-requirements (4), unset-memory-requirements (4), no-liveness-probe (4), no-readiness-probe (3), privilege-escalation-container (4), run-as-non-root (4), no-read-only-root-fs (4)\n' +
    '  mysql: host-path-set, writable-host-mount\n';

  test('writes the chart to standard output, and sums up the lint warnings the input raises', () => {
    const outcome = run(['import', tutorial, '--from', '..', '--no-typecheck']);
    expect(outcome).toEqual({ code: 0, stdout: importFixture('tutorial.yaml').source, stderr: tutorialWarnings });
  });

  test('an input that raises no warning gets no summary', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n' +
      '      resources: {requests: {cpu: 100m}, limits: {memory: 64Mi}}\n      livenessProbe: {exec: {command: ["true"]}}\n' +
      '      securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true, readOnlyRootFilesystem: true}\n';
    expect(run(['import', '-', '--no-typecheck'], () => pod)).toMatchObject({ code: 0, stderr: '' });
  });

  test('more than four objects with the same warnings are counted, not listed', () => {
    const pods = [1, 2, 3, 4, 5, 6].map((i) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec: {containers: [{name: app, image: "app:1.0"}]}\n`).join('---\n');
    expect(run(['import', '-', '--no-typecheck'], () => pods).stderr).toBe(
      "peapod import: 36 lint warnings of 6 rules, for what the input lacks; synth of the chart prints each (fix the code, or set the rule's level in peapod.config.json with a reason; docs/rules.md says why each matters):\n" +
        '  p1, p2, p3, p4, and 2 more: unset-cpu-requirements (6), unset-memory-requirements (6), no-liveness-probe (6), privilege-escalation-container (6), run-as-non-root (6), no-read-only-root-fs (6)\n',
    );
  });

  test('a change made in more than three places is noted once, with the count and the first three', () => {
    const services = [1, 2, 3, 4].map((i) => `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec: {selector: {app: s${i}}, ports: [{port: 80}]}\n`).join('---\n');
    const outcome = run(['import', '-', '--no-typecheck'], () => services);
    expect(outcome.stderr).toBe(
      'note: 4 places: written as 80, the port, which is what Kubernetes uses when it is left out: ' +
        '-: document 1 (Service "s1"): spec.ports[0].targetPort; -: document 2 (Service "s2"): spec.ports[0].targetPort; -: document 3 (Service "s3"): spec.ports[0].targetPort; …\n',
    );
  });

  test('reads standard input for -', () => {
    const outcome = run(['import', '-', '--class', 'Legacy', '--no-typecheck'], () => fs.readFileSync(tutorial, 'utf8'));
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('export class Legacy extends Chart {');
    // Standard output is taken to be the current folder, here the repository's root.
    expect(outcome.stdout).toContain("from './lib';");
  });

  test('with -o, writes the file and nothing else', () => {
    withTempDir((dir) => {
      const out = path.join(dir, 'legacy.ts');
      const outcome = run(['import', tutorial, '-o', out, '--no-typecheck']);
      expect(outcome).toEqual({ code: 0, stdout: '', stderr: `${tutorialWarnings}peapod import: wrote TutorialChart to ${out}\n` });
      expect(fs.readdirSync(dir)).toEqual(['legacy.ts']);
      expect(fs.readFileSync(out, 'utf8')).toContain('export class TutorialChart extends Chart {');
    });
  });

  test('invalid input: exit 1, the problems on standard error, the output file left as it was', () => {
    withTempDir((dir) => {
      const input = path.join(dir, 'bad.yaml');
      const out = path.join(dir, 'legacy.ts');
      fs.writeFileSync(input, pod('  containers: [{name: a}]'));
      fs.writeFileSync(out, 'previous');
      const outcome = run(['import', input, '-o', out]);
      expect(outcome).toEqual({
        code: 1,
        stdout: '',
        stderr: `peapod import found 1 problem; nothing was written:\n  ${input}: document 1 (Pod "p"): spec.containers[0].image: is missing. Fix: add image\n`,
      });
      expect(fs.readFileSync(out, 'utf8')).toBe('previous');
      expect(fs.readdirSync(dir).sort()).toEqual(['bad.yaml', 'legacy.ts']);
    });
  });

  test('input that breaks a rule only synth checks: refused with synth\'s message', () => {
    const outcome = run(['import', '-', '--no-typecheck'], () => 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {"bad key": x}\n');
    expect(outcome).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "peapod import: the input breaks a Peapod rule, which synth would report; nothing was written:\n  [imported/c] data[\"bad key\"]: ConfigMap key \"bad key\" has characters other than letters, digits, \"-\", \"_\" and \".\". Fix: rename the key: at most 253 letters, digits, \"-\", \"_\" and \".\" (data-key-valid)\n",
    });
  });

  test('extended resources such as a GPU come over as whole units', () => {
    const yaml = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: trainer}',
      'spec:',
      '  containers:',
      '  - name: train',
      '    image: trainer:2.1',
      '    resources: {limits: {nvidia.com/gpu: 1}}',
      '',
    ].join('\n');
    const outcome = run(['import', '-', '--no-typecheck'], () => yaml);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain("resources: { limits: { 'nvidia.com/gpu': 1 } }");
  });

  test('an output file that cannot be written: exit 73, nothing left behind', () => {
    withTempDir((dir) => {
      const out = path.join(dir, 'missing', 'legacy.ts');
      expect(run(['import', tutorial, '-o', out, '--no-typecheck'])).toEqual({
        code: 73,
        stdout: '',
        stderr: `peapod import: cannot write ${out}: the folder ${path.dirname(out)} does not exist; nothing was written\n`,
      });
      expect(fs.readdirSync(dir)).toEqual([]);
    });
  });

  test('usage errors exit 64', () => {
    expect(run(['import']).code).toBe(64);
    expect(run(['import', tutorial, '--class', 'lower']).stderr).toBe("peapod import: --class 'lower' is not a class name; use PascalCase letters and digits\n");
    expect(run(['export']).code).toBe(64);
  });
});
