import { App as Cdk8sApp, Chart, IResolver, JsonPatch, Lazy, ResolutionContext, Testing } from 'cdk8s';
import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { Container, Deployment, DeploymentStrategy, EnvValue, Pod, Probe, Service, Volume, VolumeProjection } from '../lib';

/*
 * Peapod builds its manifests in the manifest's spelling and renders them
 * itself (ManifestObject); the L1 classes run cdk8s's resolve, sanitize and
 * their converters. Both must give the same manifest, key order included.
 */

function peapodPod(chart: Chart): Pod {
  const html = Volume.emptyDir('html', { sizeLimit: '1Gi' });
  const app = new Container({
    name: 'app',
    image: 'app:1.0',
    ports: [{ name: 'http', containerPort: 8080, hostIP: '127.0.0.1', hostPort: 8080 }, 9090],
    env: [
      { name: 'PROFILE', value: 'production' },
      { name: 'CPU', valueFrom: EnvValue.fromResource('limits.cpu', { divisor: '1m' }) },
    ],
    resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: 1, memory: '128Mi' } },
    readinessProbe: Probe.http({ port: 'http', path: '/healthz', headers: { 'X-Probe': 'yes' } }),
    livenessProbe: Probe.tcp({ port: 8080, periodSeconds: 5 }),
    mounts: [html.mount('/var/html')],
    securityContext: { runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
    extraFields: { stdin: true, lifecycle: { preStop: { exec: { command: ['drain'] } } } },
  });
  return new Pod(chart, 'web', {
    labels: { app: 'web', tier: 'front' },
    annotations: { 'example.com/owner': 'team' },
    nodeSelector: { gpu: 'true' },
    restartPolicy: 'Always',
    securityContext: { fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } },
    tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }],
    extraSpec: { hostPid: true, setHostnameAsFqdn: true, priorityClassName: 'high' },
    volumes: [
      Volume.downwardAPI('info', [{ path: 'labels', field: 'metadata.labels' }]),
      Volume.projected('all', [VolumeProjection.downwardAPI([{ path: 'name', field: 'metadata.name' }])]),
      Volume.fromSource('legacy', { scaleIo: { gateway: 'gw', system: 'sys', secretRef: { name: 's' } } }),
    ],
    containers: [app, new Container({ name: 'web-server', image: 'nginx:1.27', ports: { web: 80 }, mounts: [html.mount('/usr/share/nginx/html', { readOnly: true })] })],
  });
}

function l1Pod(chart: Chart): k8s.KubePod {
  const container: k8s.Container = {
    name: 'app',
    image: 'app:1.0',
    ports: [{ name: 'http', containerPort: 8080, hostIp: '127.0.0.1', hostPort: 8080 }, { containerPort: 9090 }],
    env: [
      { name: 'PROFILE', value: 'production' },
      { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: k8s.Quantity.fromString('1m') } } },
    ],
    resources: {
      requests: { cpu: k8s.Quantity.fromString('250m'), memory: k8s.Quantity.fromString('64Mi') },
      limits: { cpu: k8s.Quantity.fromNumber(1), memory: k8s.Quantity.fromString('128Mi') },
    },
    readinessProbe: { httpGet: { port: k8s.IntOrString.fromString('http'), path: '/healthz', httpHeaders: [{ name: 'X-Probe', value: 'yes' }] } },
    livenessProbe: { tcpSocket: { port: k8s.IntOrString.fromNumber(8080) }, periodSeconds: 5 },
    volumeMounts: [{ name: 'html', mountPath: '/var/html' }],
    securityContext: { runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
    stdin: true,
    lifecycle: { preStop: { exec: { command: ['drain'] } } },
  };
  return new k8s.KubePod(chart, 'web', {
    metadata: { name: 'web', labels: { app: 'web', tier: 'front' }, annotations: { 'example.com/owner': 'team' } },
    spec: {
      nodeSelector: { gpu: 'true' },
      restartPolicy: 'Always',
      securityContext: { fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } },
      tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }],
      hostPid: true,
      setHostnameAsFqdn: true,
      priorityClassName: 'high',
      volumes: [
        { name: 'info', downwardApi: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
        { name: 'all', projected: { sources: [{ downwardApi: { items: [{ path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] } }] } },
        { name: 'legacy', scaleIo: { gateway: 'gw', system: 'sys', secretRef: { name: 's' } } },
        { name: 'html', emptyDir: { sizeLimit: k8s.Quantity.fromString('1Gi') } },
      ],
      containers: [
        container,
        { name: 'web-server', image: 'nginx:1.27', ports: [{ name: 'web', containerPort: 80 }], volumeMounts: [{ name: 'html', mountPath: '/usr/share/nginx/html', readOnly: true }] },
      ],
    },
  });
}

// The manifest as YAML writes it: keys in order.
const inOrder = (value: unknown) => JSON.stringify(value);

describe('ManifestObject', () => {
  test('renders a Pod as the L1 class renders the same Pod, field names, values and key order', () => {
    const pod = peapodPod(Testing.chart());
    const l1 = l1Pod(Testing.chart());
    expect(inOrder(pod.apiObject.toJson())).toBe(inOrder(l1.toJson()));
    expect(pod.apiObject.toJson().spec.hostPID).toBe(true);
    expect(pod.apiObject.toJson().spec.containers[0].ports[0].hostIP).toBe('127.0.0.1');
  });

  test('renders a Deployment and a Service as the L1 classes do', () => {
    const chart = Testing.chart();
    const deployment = new Deployment(chart, 'web', {
      replicas: 2,
      strategy: DeploymentStrategy.rollingUpdate({ maxSurge: 1, maxUnavailable: '25%' }),
      template: { labels: { app: 'web' }, containers: [new Container({ name: 'app', image: 'app:1.0', ports: { http: 8080 } })] },
    });
    const service = new Service(chart, 'web-svc', { target: deployment, clusterIP: '10.0.0.10', sessionAffinity: 'ClientIP', sessionAffinityTimeoutSeconds: 60, ports: [{ port: 80, targetPort: 'http' }] });
    const other = Testing.chart();
    const l1Deployment = new k8s.KubeDeployment(other, 'web', {
      metadata: { name: 'web' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: k8s.IntOrString.fromNumber(1), maxUnavailable: k8s.IntOrString.fromString('25%') } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'app:1.0', ports: [{ name: 'http', containerPort: 8080 }] }] } },
      },
    });
    const l1Service = new k8s.KubeService(other, 'web-svc', {
      metadata: { name: 'web-svc' },
      spec: {
        clusterIp: '10.0.0.10',
        selector: { app: 'web' },
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIp: { timeoutSeconds: 60 } },
        ports: [{ name: 'http', port: 80, targetPort: k8s.IntOrString.fromString('http') }],
      },
    });
    expect(inOrder(deployment.apiObject.toJson())).toBe(inOrder(l1Deployment.toJson()));
    expect(inOrder(service.apiObject.toJson())).toBe(inOrder(l1Service.toJson()));
  });

  test("lets cdk8s render it when the app has resolvers of its own, which then see Peapod's values", () => {
    const seen: unknown[] = [];
    const upper: IResolver = {
      resolve(context: ResolutionContext) {
        if (context.value === 'app:1.0') {
          seen.push(context.key.join('.'));
          context.replaceValue('registry.example.com/app:1.0');
        }
      },
    };
    const chart = new Chart(new Cdk8sApp({ resolvers: [upper] }), 'c');
    const pod = peapodPod(chart);
    const plain = peapodPod(Testing.chart()).apiObject.toJson();
    expect(pod.apiObject.toJson()).toEqual({ ...plain, spec: { ...plain.spec, containers: [{ ...plain.spec.containers[0], image: 'registry.example.com/app:1.0' }, plain.spec.containers[1]] } });
    expect(seen).toEqual(['spec.containers.0.image']);
  });

  test('resolves Lazy values in escape hatches, as cdk8s does', () => {
    const pod = new Pod(Testing.chart(), 'p', {
      containers: [new Container({ name: 'a', image: 'a:1' })],
      extraSpec: { priorityClassName: Lazy.any({ produce: () => 'high' }) as unknown as string },
    });
    expect(pod.apiObject.toJson().spec.priorityClassName).toBe('high');
  });

  test('applies JSON patches to the manifest, as it spells its fields, and puts the fields in their sorted place', () => {
    const pod = new Pod(Testing.chart(), 'p', { containers: [new Container({ name: 'a', image: 'a:1' })] });
    pod.apiObject.addJsonPatch(JsonPatch.add('/spec/hostPID', true), JsonPatch.add('/spec/activeDeadlineSeconds', 30), JsonPatch.add('/spec/resources', { limits: { cpu: '1' } }));
    const manifest = pod.apiObject.toJson();
    expect(Object.keys(manifest)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(Object.keys(manifest.spec)).toEqual(['activeDeadlineSeconds', 'containers', 'hostPID', 'resources']);
    expect(manifest.spec.resources).toEqual({ limits: { cpu: '1' } });
  });

  test('names the construct when a value cannot be rendered', () => {
    class Opaque {}
    const pod = new Pod(Testing.chart(), 'p', { containers: [new Container({ name: 'a', image: 'a:1' })], extraSpec: { priorityClassName: new Opaque() as unknown as string } });
    expect(() => pod.apiObject.toJson()).toThrow("Failed serializing construct at path 'test/p/Resource' with name 'p': Error: can't render non-simple object of type 'Opaque'");
  });

  test("loads cdk8s-plus-27's k8s module and the yaml package only when something needs them", () => {
    const loaded: string[] = [];
    jest.isolateModules(() => {
      for (const name of ['cdk8s-plus-27/lib/imports/k8s', 'yaml']) {
        jest.doMock(name, () => {
          loaded.push(name);
          return jest.requireActual(name);
        });
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the library, with the mocks above
      const lib = require('../lib') as typeof import('../lib');
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the cdk8s of that copy
      const cdk8s = require('cdk8s') as typeof import('cdk8s');
      const chart = cdk8s.Testing.chart();
      new lib.Pod(chart, 'plain', { labels: { app: 'web' }, containers: [new lib.Container({ name: 'a', image: 'a:1', ports: { http: 80 } })] });
      cdk8s.Testing.synth(chart);
      expect(loaded).toEqual([]);
      new lib.Pod(chart, 'hatch', { containers: [new lib.Container({ name: 'a', image: 'a:1' })], extraSpec: { hostPid: true } });
      expect(cdk8s.Testing.synth(chart)[1].spec.hostPID).toBe(true);
      expect(loaded).toEqual(['cdk8s-plus-27/lib/imports/k8s']);
    });
  });
});
