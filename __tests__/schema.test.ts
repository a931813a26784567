import { ApiObject } from 'cdk8s';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { assertManifestsMatchSchema, checkManifest, checkManifestFiles, KUBERNETES_SCHEMA_VERSION, summarize } from '../lib/schema';
import { newChart, synthObjects, withTempDir } from './_support';

const pod = (spec: object, metadata: object = { name: 'p' }) => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });
const container = (extra: object = {}) => ({ name: 'app', image: 'app:1.0', ...extra });

describe('the Kubernetes schema check', () => {
  test('the committed dist/ matches the schema', () => {
    const report = checkManifestFiles([path.join(__dirname, '..', 'dist')]);
    expect(report.problems).toEqual([]);
    expect(report.manifests).toBeGreaterThanOrEqual(3);
  });

  test('is the 1.27 schema: it knows resizePolicy (new in 1.27) and not a container restartPolicy (new in 1.28)', () => {
    expect(KUBERNETES_SCHEMA_VERSION).toBe('1.27');
    expect(checkManifest(pod({ containers: [container({ resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] })] }))).toEqual([]);
    expect(checkManifest(pod({ containers: [container({ restartPolicy: 'Always' })] }))).toEqual([
      { field: 'spec.containers[0].restartPolicy', message: 'unknown field; Kubernetes 1.27 defines no such field here' },
    ]);
  });

  test('refuses unknown fields at every depth', () => {
    expect(
      checkManifest({
        ...pod({ containers: [container({ ports: [{ containerPort: 80, nmae: 'http' }] })], hostnam: 'x' }),
        metadata: { name: 'p', label: { a: 'b' } },
        extra: true,
      }),
    ).toEqual([
      { field: 'extra', message: 'unknown field; Kubernetes 1.27 defines no such field here' },
      { field: 'metadata.label', message: 'unknown field; Kubernetes 1.27 defines no such field here' },
      { field: 'spec.hostnam', message: 'unknown field; Kubernetes 1.27 defines no such field here' },
      { field: 'spec.containers[0].ports[0].nmae', message: 'unknown field; Kubernetes 1.27 defines no such field here' },
    ]);
  });

  test('keeps free-form maps free: labels, annotations, nodeSelector and resource names', () => {
    const manifest = pod(
      {
        nodeSelector: { 'kubernetes.io/os': 'linux', gpu: 'true' },
        containers: [container({ resources: { limits: { cpu: '500m', 'nvidia.com/gpu': 1 }, requests: { memory: '1.5Gi' } } })],
      },
      { name: 'p', labels: { 'app.kubernetes.io/name': 'p' }, annotations: { 'example.com/anything': 'x' } },
    );
    expect(checkManifest(manifest)).toEqual([]);
  });

  test('names the field, the value and what is allowed', () => {
    const manifest = pod(
      {
        restartPolicy: 'always',
        containers: [
          container({
            ports: [{ containerPort: '80' }],
            resources: { limits: { memory: '512MB' } },
            livenessProbe: { tcpSocket: { port: true } },
          }),
        ],
      },
      { name: 'p', labels: { gpu: true } },
    );
    expect(checkManifest(manifest)).toEqual([
      { field: 'metadata.labels.gpu', message: 'must be string, got true' },
      { field: 'spec.containers[0].livenessProbe.tcpSocket.port', message: 'must be string or integer (int32), got true' },
      { field: 'spec.containers[0].ports[0].containerPort', message: 'must be integer, got "80"' },
      { field: 'spec.containers[0].resources.limits.memory', message: 'must be number or string (quantity), got "512MB"' },
      { field: 'spec.restartPolicy', message: 'must be one of "Always", "Never", "OnFailure", got "always"' },
    ]);
  });

  test('reports a missing required field', () => {
    expect(checkManifest(pod({ containers: [{ image: 'a:1', ports: [{ name: 'http' }] }] }))).toEqual([
      { field: 'spec.containers[0].name', message: 'is required but missing' },
      { field: 'spec.containers[0].ports[0].containerPort', message: 'is required but missing' },
    ]);
  });

  test('refuses a kind Kubernetes does not define, unless told to skip it', () => {
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
    expect(checkManifest(widget)).toEqual([{ field: 'kind', message: 'Kubernetes 1.27 defines no kind "Widget" in apiVersion "example.com/v1"' }]);
    expect(checkManifest(widget, { skipUnknownKinds: true })).toEqual([]);
    expect(checkManifest({ apiVersion: 'v1', kind: 'pod' })).toEqual([{ field: 'kind', message: 'Kubernetes 1.27 defines no kind "pod" in apiVersion "v1"' }]);
    expect(checkManifest([1])).toEqual([{ field: '', message: 'a manifest must be an object with apiVersion and kind, got [1]' }]);
    expect(checkManifest({ kind: 'Pod' })).toEqual([{ field: 'apiVersion', message: 'is missing or not a string, so no schema applies' }]);
  });

  test('checks the other kinds too', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [container({ portz: [] })] } } },
    };
    expect(checkManifest(deployment)).toEqual([
      { field: 'spec.template.spec.containers[0].portz', message: 'unknown field; Kubernetes 1.27 defines no such field here' },
    ]);
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'ClusterIp', ports: [{ port: 80, targetPort: 'http' }] } };
    expect(checkManifest(service)).toEqual([
      { field: 'spec.type', message: 'must be one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort", got "ClusterIp"' },
    ]);
  });

  test('lists every problem of every manifest in one error', () => {
    expect(() => assertManifestsMatchSchema([pod({ containers: [container({ tty: 'yes' })] }), pod({ containers: [] }, { name: 'q', uid: 1 })], 'the test')).toThrow(
      'the test does not match the Kubernetes 1.27 schema:\n' +
        '  Pod/p spec.containers[0].tty: must be boolean, got "yes"\n' +
        '  Pod/q metadata.uid: must be string, got 1',
    );
  });

  test('the test helpers refuse a manifest that does not match, such as a raw cdk8s object no Peapod rule sees', () => {
    const chart = newChart();
    new ApiObject(chart, 'raw', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'a:1' }], hostname: 5 } });
    expect(() => synthObjects(chart)).toThrow('chart "test" does not match the Kubernetes 1.27 schema:\n  Pod/p spec.hostname: must be string, got 5');
  });
});

describe('checking manifest files', () => {
  const write = (dir: string, files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      fs.writeFileSync(path.join(dir, name), text);
    }
  };

  test('reads every YAML and JSON file of a folder, every document of a file', () => {
    withTempDir((dir) => {
      write(dir, {
        'a.k8s.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: a:1\n---\n',
        'b.yml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  k: v\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: c\nspec:\n  containers:\n    - name: c\n      image: c:1\n      imagePullPolicy: always\n',
        'c.json': JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { k: 'v' } }),
        'notes.txt': 'not a manifest',
      });
      const report = checkManifestFiles([dir]);
      expect(report.files.map((f) => path.basename(f))).toEqual(['a.k8s.yaml', 'b.yml', 'c.json']);
      expect(report.manifests).toBe(4);
      expect(report.problems).toEqual([
        `${path.join(dir, 'b.yml')}: document 2 (Pod/c) spec.containers[0].imagePullPolicy: must be one of "Always", "IfNotPresent", "Never", got "always"`,
      ]);
      expect(summarize(report)).toBe('4 manifests in 3 files: 1 problem against the Kubernetes 1.27 schema');
    });
  });

  test('a file that is not YAML is a problem; a missing path is an error', () => {
    withTempDir((dir) => {
      write(dir, { 'broken.yaml': 'kind: [Pod\n' });
      expect(checkManifestFiles([path.join(dir, 'broken.yaml')]).problems).toEqual([
        `${path.join(dir, 'broken.yaml')}: document 1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1`,
      ]);
      expect(() => checkManifestFiles([path.join(dir, 'missing')])).toThrow(`${path.join(dir, 'missing')}: no such file or folder`);
    });
  });

  test('`npm run validate` names each problem and exits 1', () => {
    withTempDir((dir) => {
      write(dir, { 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: a\n      image: a:1\n      port: 80\n' });
      const run = (args: string[]) => {
        try {
          return { code: 0, out: execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/validate-manifests.ts', ...args], { cwd: path.join(__dirname, '..'), stdio: 'pipe', encoding: 'utf8' }) };
        } catch (error) {
          const e = error as { status: number; stderr: string };
          return { code: e.status, out: e.stderr };
        }
      };
      expect(run([dir])).toEqual({
        code: 1,
        out:
          `${path.join(dir, 'pod.yaml')}: document 1 (Pod/x) spec.containers[0].port: unknown field; Kubernetes 1.27 defines no such field here\n` +
          '1 manifest in 1 file: 1 problem against the Kubernetes 1.27 schema\n',
      });
    });
  });
});
