import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { App, Container, Pod, Volume, WellKnownNodeLabels } from '../lib';
import { newChart, readFolder, synthObjects, synthYaml, withTempDir } from './_support';

const app = (name = 'app') => new Container({ name, image: 'app:1.0' });

describe('Pod', () => {
  test('defaults: one container, nothing else added', () => {
    const chart = newChart();
    new Pod(chart, 'minimal', { containers: [app()] });
    expect(synthYaml(chart)).toMatchSnapshot();
  });

  test('emits apiVersion v1, kind Pod and the construct id as name', () => {
    const chart = newChart();
    new Pod(chart, 'minimal', { containers: [app()] });
    const [pod] = synthObjects(chart);
    expect(pod).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'minimal' }, spec: { containers: [{ name: 'app', image: 'app:1.0' }] } });
  });

  test('every modeled field', () => {
    const chart = newChart();
    const config = Volume.configMap('config', { name: 'app-config' }, { items: [{ key: 'app.yaml', path: 'app.yaml' }], defaultMode: 0o444 });
    const cache = Volume.emptyDir('cache', { medium: 'Memory', sizeLimit: '64Mi' });
    new Pod(chart, 'full', {
      name: 'full-pod',
      labels: { app: 'full' },
      annotations: { 'example.com/owner': 'team-a' },
      nodeSelector: { [WellKnownNodeLabels.OS]: 'linux', [WellKnownNodeLabels.ZONE]: 'eu-west-1a' },
      restartPolicy: 'OnFailure',
      serviceAccountName: 'runner',
      securityContext: { runAsNonRoot: true, fsGroup: 2000 },
      tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }],
      volumes: [config],
      initContainers: [new Container({ name: 'migrate', image: 'app:1.0', command: ['/migrate'], args: ['--up'] })],
      containers: [
        new Container({
          name: 'app',
          image: 'app:1.0',
          imagePullPolicy: 'IfNotPresent',
          workingDir: '/srv',
          ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 53, protocol: 'UDP' }, 9090],
          env: [{ name: 'MODE', value: 'full' }],
          mounts: [config.mount('/etc/app', { readOnly: true }), cache.mount('/cache', { subPath: 'app' })],
          resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: 1, memory: '512Mi' } },
          securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
          extraFields: { terminationMessagePolicy: 'FallbackToLogsOnError' },
        }),
      ],
      extraSpec: { hostname: 'full' },
    });
    expect(synthYaml(chart)).toMatchSnapshot();
  });

  test('a volume mounted by two containers is declared once', () => {
    const chart = newChart();
    const html = Volume.emptyDir('html');
    new Pod(chart, 'p', {
      containers: [
        new Container({ name: 'writer', image: 'w:1', mounts: [html.mount('/var/html')] }),
        new Container({ name: 'reader', image: 'r:1', mounts: [html.mount('/usr/share/nginx/html', { readOnly: true })] }),
      ],
    });
    expect(synthObjects(chart)[0].spec.volumes).toEqual([{ name: 'html', emptyDir: {} }]);
  });

  test('mutators add to what the props declared', () => {
    const chart = newChart();
    const logs = Volume.emptyDir('logs');
    const pod = new Pod(chart, 'p', { labels: { app: 'p' }, containers: [app()] });
    pod.addContainer(new Container({ name: 'shipper', image: 'shipper:2' }).addMount(logs.mount('/logs')).addEnv({ name: 'A', value: 'b' }).addPort({ containerPort: 9100, name: 'metrics' }));
    pod.addInitContainer(new Container({ name: 'init', image: 'init:1' }));
    pod.addVolume(Volume.hostPath('host', '/var/log', { type: 'Directory' }));
    pod.addLabel('tier', 'web');
    const [manifest] = synthObjects(chart);
    expect(manifest.metadata.labels).toEqual({ app: 'p', tier: 'web' });
    expect(manifest.spec.containers.map((c: { name: string }) => c.name)).toEqual(['app', 'shipper']);
    expect(manifest.spec.containers[1]).toEqual({
      name: 'shipper',
      image: 'shipper:2',
      env: [{ name: 'A', value: 'b' }],
      ports: [{ containerPort: 9100, name: 'metrics' }],
      volumeMounts: [{ name: 'logs', mountPath: '/logs' }],
    });
    expect(manifest.spec.initContainers).toEqual([{ name: 'init', image: 'init:1' }]);
    expect(manifest.spec.volumes.map((v: { name: string }) => v.name)).toEqual(['host', 'logs']);
  });

  test('addPort fails at once on a port name the container already declares, in the props or added', () => {
    const web = new Container({ name: 'web', image: 'web:1', ports: { http: 80 } }).addPort({ name: 'metrics', containerPort: 9100 });
    expect(() => web.addPort({ name: 'http', containerPort: 8080 })).toThrow(
      'container "web": addPort: port name "http" is already declared, for containerPort 80; give each port of the container its own name (port-name-unique)',
    );
    expect(() => web.addPort({ name: 'metrics', containerPort: 9200 })).toThrow(
      'container "web": addPort: port name "metrics" is already declared, for containerPort 9100; give each port of the container its own name (port-name-unique)',
    );
    // Unnamed ports, and names not yet taken, are added as before.
    expect(() => web.addPort({ containerPort: 9300 }).addPort({ name: 'admin', containerPort: 9400 })).not.toThrow();
  });

  test('volume sources render as Kubernetes expects', () => {
    const chart = newChart();
    new Pod(chart, 'p', {
      containers: [app()],
      volumes: [
        Volume.secret('tls', { name: 'app-tls' }, { optional: true }),
        Volume.persistentVolumeClaim('data', { name: 'data-claim' }, { readOnly: true }),
        Volume.hostPath('sock', '/var/run/docker.sock', { type: 'Socket' }),
      ],
    });
    expect(synthObjects(chart)[0].spec.volumes).toEqual([
      { name: 'tls', secret: { secretName: 'app-tls', optional: true } },
      { name: 'data', persistentVolumeClaim: { claimName: 'data-claim', readOnly: true } },
      { name: 'sock', hostPath: { path: '/var/run/docker.sock', type: 'Socket' } },
    ]);
  });
});

describe('Pod fails synth', () => {
  const problemsOf = (build: (chart: Chart) => void): string[] => {
    const chart = newChart();
    build(chart);
    return chart.node.findAll().flatMap((c) => c.node.validate());
  };

  test('when it has no containers', () => {
    expect(problemsOf((chart) => new Pod(chart, 'empty'))).toEqual([
      'spec.containers: the Pod has no containers. Fix: give the Pod a container with the `containers` prop or `addContainer()` (pod-has-containers)',
    ]);
  });

  test('when two containers share a name', () => {
    expect(problemsOf((chart) => new Pod(chart, 'twins', { containers: [app('web'), app('web')] }))).toEqual([
      'spec.containers[1].name: container name "web" is already used by spec.containers[0]. Fix: give each container and init container its own name (container-name-unique)',
    ]);
  });

  test('when an init container shares a name with a container', () => {
    expect(problemsOf((chart) => new Pod(chart, 'p', { containers: [app('web')], initContainers: [app('web')] }))).toEqual([
      'spec.initContainers[0].name: container name "web" is already used by spec.containers[0]. Fix: give each container and init container its own name (container-name-unique)',
    ]);
  });

  test('when two volumes share a name', () => {
    const problems = problemsOf((chart) =>
      new Pod(chart, 'p', {
        containers: [new Container({ name: 'a', image: 'a:1', mounts: [Volume.emptyDir('data').mount('/a'), Volume.hostPath('data', '/srv').mount('/b')] })],
      }),
    );
    expect(problems).toEqual([
      'spec.volumes[1].name: volume name "data" is already used by spec.volumes[0]. Fix: give each volume its own name, or mount the same Volume object in both containers (volume-name-unique)',
    ]);
  });

  test('when the escape hatch sets a modeled field (as any)', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const sneaky = { containers: [] } as any;
    expect(problemsOf((chart) => new Pod(chart, 'p', { containers: [app()], extraSpec: sneaky }))).toEqual([
      'spec.containers: extraSpec sets "containers", which Peapod models. Fix: set it with the `containers` prop instead (extra-field-modeled)',
    ]);
  });

  test("when a container's extraFields sets a modeled field (as any), named by its place in its list", () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const sneaky = (image: string) => ({ image }) as any;
    const init = new Container({ name: 'init', image: 'init:1', extraFields: sneaky('other:1') });
    const sidecar = new Container({ name: 'b', image: 'b:1', extraFields: sneaky('other:2') });
    expect(problemsOf((chart) => new Pod(chart, 'p', { containers: [app(), sidecar], initContainers: [init] }))).toEqual([
      'spec.containers[1].image: extraFields of container "b" sets "image", which Peapod models. Fix: set it with the container\'s `image` prop instead (extra-field-modeled)',
      'spec.initContainers[0].image: extraFields of container "init" sets "image", which Peapod models. Fix: set it with the container\'s `image` prop instead (extra-field-modeled)',
    ]);
  });

  test('with every problem of the app in one error, and no manifest written', () => {
    withTempDir((dir) => {
      const outdir = path.join(dir, 'dist');
      fs.mkdirSync(outdir);
      fs.writeFileSync(path.join(outdir, 'old.k8s.yaml'), 'stale');
      const broken = new App({ outdir, onWarnings: () => undefined });
      new Pod(new Chart(broken, 'one'), 'empty');
      new Pod(new Chart(broken, 'two'), 'twins', { containers: [app('web'), app('web')] });
      new Pod(new Chart(broken, 'three'), 'fine', { containers: [app()] });
      expect(() => broken.synth()).toThrow(
        'synth failed with 2 errors; no manifest was written:\n' +
          '  [one/empty] spec.containers: the Pod has no containers. Fix: give the Pod a container with the `containers` prop or `addContainer()` (pod-has-containers)\n' +
          '  [two/twins] spec.containers[1].name: container name "web" is already used by spec.containers[0]. Fix: give each container and init container its own name (container-name-unique)',
      );
      expect(readFolder(outdir)).toEqual({});
      expect(fs.readdirSync(dir)).toEqual(['dist']);
    });
  });

  test('a successful synth replaces the manifests of the previous one', () => {
    withTempDir((dir) => {
      const outdir = path.join(dir, 'dist');
      fs.mkdirSync(outdir);
      fs.writeFileSync(path.join(outdir, 'removed-chart.k8s.yaml'), 'old');
      const fine = new App({ outdir, onWarnings: () => undefined });
      new Pod(new Chart(fine, 'web'), 'web', { containers: [app()] });
      fine.synth();
      expect(Object.keys(readFolder(outdir))).toEqual(['web.k8s.yaml']);
      expect(fs.readdirSync(dir)).toEqual(['dist']);
    });
  });
});
