/**
 * The corpus of valid unusual programs: each is at an edge of what
 * Kubernetes accepts (and what works at run time), so synth must write it
 * without an error, exactly as declared. `check` says what the manifest
 * must hold, so that a program cannot pass by losing the unusual value.
 */
import { Chart } from 'cdk8s';
import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { ConfigMap, Container, Deployment, EnvFrom, EnvValue, Pod, Probe, Secret, Service, Volume } from '../../lib';

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are read as plain JSON */

/** One valid program. */
export interface ValidProgram {
  /** What is unusual about it, for the test name. */
  readonly name: string;
  /** Builds it in a chart with id `ok`. */
  build(chart: Chart): void;
  /** Checks the manifests synth wrote. */
  check(manifests: readonly any[]): void;
}

const pod = (manifests: readonly any[]) => manifests.find((m) => m.kind === 'Pod' || m.kind === 'Deployment');
const spec = (manifests: readonly any[]) => (pod(manifests).kind === 'Pod' ? pod(manifests).spec : pod(manifests).spec.template.spec);

export const VALID_PROGRAMS: readonly ValidProgram[] = [
  {
    name: 'env names with dots, dashes and a leading underscore',
    build: (chart) =>
      new Pod(chart, 'p', {
        containers: [
          new Container({
            name: 'spring',
            image: 'spring:3.2',
            env: [
              { name: 'spring.profiles.active', value: 'prod' },
              { name: 'my-var', value: 'x' },
              { name: '_PRIVATE', value: '$(spring.profiles.active)-$(my-var)' },
            ],
          }),
        ],
      }),
    check: (m) => expect(spec(m).containers[0].env.map((e: any) => e.name)).toEqual(['spring.profiles.active', 'my-var', '_PRIVATE']),
  },
  {
    name: '$$ escapes, shell substitutions, an unclosed $( and Service links in env and args',
    build: (chart) =>
      new Pod(chart, 'p', {
        containers: [
          new Container({
            name: 'shell',
            image: 'busybox:1.36',
            command: ['sh', '-c'],
            args: ['echo started at $(date +%s) on $(hostname -i); echo $$(HOME) $(GREETING) $(DB_SERVICE_HOST)'],
            env: [
              { name: 'PRICE', value: 'costs $$(PRICE) and $$$$ dollars, or $' },
              { name: 'GREETING', value: 'hello from $(hostname -i) $(' },
              { name: 'DB_URL', value: 'postgres://$(POSTGRES_SERVICE_HOST):$(POSTGRES_SERVICE_PORT)/app' },
              { name: 'LINKED', value: '$(REDIS_PORT_6379_TCP_ADDR):$(REDIS_SERVICE_PORT_CLIENT)' },
            ],
          }),
        ],
      }),
    check: (m) => expect(spec(m).containers[0].env[0].value).toBe('costs $$(PRICE) and $$$$ dollars, or $'),
  },
  {
    name: 'port names of 15 characters, and UDP and TCP on one port number',
    build: (chart) =>
      new Pod(chart, 'p', {
        containers: [
          new Container({
            name: 'dns',
            image: 'coredns:1.11',
            ports: [
              { name: 'dns-udp', containerPort: 53, protocol: 'UDP' },
              { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
              { name: 'metrics-http-01', containerPort: 9153 },
              { name: 'a1234567890bcde', containerPort: 9154 },
            ],
            readinessProbe: Probe.http({ port: 'metrics-http-01', path: '/ready' }),
          }),
        ],
      }),
    check: (m) => expect(spec(m).containers[0].ports.map((p: any) => `${p.containerPort}/${p.protocol ?? 'TCP'}`)).toEqual(['53/UDP', '53/TCP', '9153/TCP', '9154/TCP']),
  },
  {
    name: 'label values of 63 characters and empty label values',
    build: (chart) =>
      new Pod(chart, 'p', {
        labels: { app: 'a'.repeat(63), 'example.com/empty': '', tier: 'web.front_end-1' },
        nodeSelector: { 'node-role.kubernetes.io/worker': '' },
        containers: [new Container({ name: 'app', image: 'app:1.0' })],
      }),
    check: (m) => {
      expect(pod(m).metadata.labels).toEqual({ app: 'a'.repeat(63), 'example.com/empty': '', tier: 'web.front_end-1' });
      expect(pod(m).spec.nodeSelector).toEqual({ 'node-role.kubernetes.io/worker': '' });
    },
  },
  {
    name: 'quantities 1.5, 1e3, 1Ki, .5, 500m and +1, huge pages beside memory, and an extended resource',
    build: (chart) =>
      new Pod(chart, 'p', {
        containers: [
          new Container({
            name: 'app',
            image: 'app:1.0',
            resources: {
              requests: { cpu: '1.5', memory: '1e3', 'ephemeral-storage': '1Ki', 'example.com/fpga': 1 },
              limits: { cpu: 2, memory: '1Gi', 'hugepages-2Mi': '100Mi', 'example.com/fpga': '1' },
            } as any,
          }),
          new Container({ name: 'side', image: 'side:1.0', resources: { requests: { cpu: '.5', memory: '+1' }, limits: { cpu: '500m' } } as any }),
        ],
      }),
    check: (m) => {
      expect(spec(m).containers[0].resources.requests).toEqual({ cpu: '1.5', memory: '1e3', 'ephemeral-storage': '1Ki', 'example.com/fpga': 1 });
      expect(spec(m).containers[0].resources.limits['hugepages-2Mi']).toBe('100Mi');
    },
  },
  {
    name: 'a headless Service, and numeric probe ports no container declares',
    build: (chart) => {
      const web = new Deployment(chart, 'web', {
        replicas: 2,
        template: {
          labels: { app: 'web' },
          containers: [
            new Container({
              name: 'web',
              image: 'nginx:1.27',
              ports: { http: 80 },
              livenessProbe: Probe.tcp({ port: 8081 }),
              readinessProbe: Probe.http({ port: 'http', path: '/' }),
            }),
            new Container({ name: 'metrics', image: 'exporter:1.0', startupProbe: Probe.http({ port: 9113, path: '/metrics' }) }),
          ],
        },
      });
      new Service(chart, 'web-headless', { target: web, headless: true, ports: [{ port: 80, targetPort: 'http' }] });
    },
    check: (m) => {
      expect(m.find((o) => o.kind === 'Service').spec.clusterIP).toBe('None');
      expect(spec(m).containers[1].startupProbe).toEqual({ httpGet: { path: '/metrics', port: 9113 } });
    },
  },
  {
    name: 'probes at the edges: successThreshold 0 or 1 on liveness, 3 on readiness, headers, a grace period, gRPC',
    build: (chart) =>
      new Pod(chart, 'p', {
        containers: [
          new Container({
            name: 'app',
            image: 'app:1.0',
            ports: { http: 8080, grpc: 9090 },
            livenessProbe: Probe.http({ port: 'http', path: '/healthz', successThreshold: 1, terminationGracePeriodSeconds: 1, headers: { 'X-Probe': 'liveness', Host: 'app.local' } }),
            readinessProbe: Probe.grpc({ port: 9090, successThreshold: 3, periodSeconds: 0 }),
            startupProbe: Probe.exec({ command: ['cat', '/tmp/started'], failureThreshold: 30, successThreshold: 0 }),
          }),
        ],
      }),
    check: (m) => expect(spec(m).containers[0].livenessProbe.httpGet.httpHeaders).toEqual([
      { name: 'X-Probe', value: 'liveness' },
      { name: 'Host', value: 'app.local' },
    ]),
  },
  {
    name: 'env from the downward API, resources with divisors, key refs and envFrom with a dotted prefix',
    build: (chart) => {
      const config = new ConfigMap(chart, 'config', { data: { 'log.level': 'info', '.hidden': 'x' } });
      const db = new Secret(chart, 'db', { stringData: { password: 'from-a-secret' } });
      new Pod(chart, 'p', {
        containers: [
          new Container({
            name: 'app',
            image: 'app:1.0',
            resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: 1, memory: '128Mi' } },
            env: [
              { name: 'APP_NAME', valueFrom: EnvValue.fromField("metadata.labels['app.kubernetes.io/name']") },
              { name: 'OWNER', valueFrom: EnvValue.fromField("metadata.annotations['Example.com/Owner']") },
              { name: 'HOST_IPS', valueFrom: EnvValue.fromField('status.hostIPs') },
              { name: 'CPU_MILLIS', valueFrom: EnvValue.fromResource('limits.cpu', { divisor: '1m' }) },
              { name: 'CPU_CORES', valueFrom: EnvValue.fromResource('requests.cpu', { divisor: '1000m' }) },
              { name: 'MEMORY_KI', valueFrom: EnvValue.fromResource('limits.memory', { divisor: '1Ki' }) },
              { name: 'LOG_LEVEL', valueFrom: EnvValue.fromConfigMap(config, 'log.level') },
              { name: 'HIDDEN', valueFrom: EnvValue.fromConfigMap(config, '.hidden') },
              { name: 'DB_PASSWORD', valueFrom: EnvValue.fromSecret(db, 'password') },
              { name: 'PASSWORD_AGAIN', value: '$(DB_PASSWORD)' },
            ],
            envFrom: [EnvFrom.configMap(config, { prefix: 'cfg.' }), EnvFrom.secret(db, { prefix: '_' })],
          }),
        ],
      });
    },
    check: (m) => expect(spec(m).containers[0].envFrom.map((e: any) => e.prefix)).toEqual(['cfg.', '_']),
  },
  {
    name: 'security settings the API server accepts: SYS_ADMIN without escalation, root without runAsNonRoot, user ids at the bounds',
    build: (chart) =>
      new Pod(chart, 'p', {
        securityContext: { runAsNonRoot: true, runAsUser: 1000 },
        containers: [
          new Container({ name: 'fuse', image: 'fuse:1.0', securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['SYS_ADMIN'] } } }),
          new Container({ name: 'max-ids', image: 'app:1.0', securityContext: { runAsUser: 2147483647, runAsGroup: 0, procMount: 'Default', seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' } } }),
        ],
        initContainers: [new Container({ name: 'chown', image: 'busybox:1.36', securityContext: { runAsNonRoot: false, runAsUser: 0 } })],
      }),
    check: (m) => expect(spec(m).initContainers[0].securityContext).toEqual({ runAsNonRoot: false, runAsUser: 0 }),
  },
  {
    name: 'escape-hatch fields at their edges: lifecycle hooks, stdin with stdinOnce and tty, an absolute workingDir, FallbackToLogsOnError',
    build: (chart) =>
      new Pod(chart, 'p', {
        containers: [
          new Container({
            name: 'console',
            image: 'app:1.0',
            workingDir: '/srv/app',
            extraFields: {
              stdin: true,
              stdinOnce: true,
              tty: true,
              terminationMessagePolicy: 'FallbackToLogsOnError',
              lifecycle: { postStart: { exec: { command: ['touch', '/tmp/started'] } }, preStop: { httpGet: { port: k8s.IntOrString.fromNumber(8080), path: '/drain' } } },
            },
          }),
        ],
      }),
    check: (m) => expect(spec(m).containers[0].lifecycle.preStop).toEqual({ httpGet: { port: 8080, path: '/drain' } }),
  },
  {
    name: 'a 63-character container name, an image behind a registry port with a digest, and imagePullPolicy Never',
    build: (chart) =>
      new Pod(chart, 'p', {
        containers: [
          new Container({
            name: `c${'-x'.repeat(30)}yz`,
            image: 'registry.local:5000/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
            imagePullPolicy: 'Never',
          }),
        ],
      }),
    check: (m) => expect(spec(m).containers[0].name).toHaveLength(63),
  },
  {
    name: 'a block device from a claim, and host ports shared by port number across protocols and host IPs',
    build: (chart) => {
      const block = Volume.persistentVolumeClaim('block', { name: 'raw-disk' });
      new Pod(chart, 'p', {
        volumes: [block],
        containers: [
          new Container({
            name: 'db',
            image: 'db:1.0',
            ports: [
              { name: 'tcp', containerPort: 5000, hostPort: 5000 },
              { name: 'udp', containerPort: 5000, hostPort: 5000, protocol: 'UDP' },
            ],
            extraFields: { volumeDevices: [{ name: 'block', devicePath: '/dev/xvda' }] },
          }),
          new Container({ name: 'other', image: 'other:1.0', ports: [{ containerPort: 5001, hostPort: 5000, hostIP: '127.0.0.1' }] }),
        ],
      });
    },
    check: (m) => expect(spec(m).containers[0].volumeDevices).toEqual([{ name: 'block', devicePath: '/dev/xvda' }]),
  },
];
