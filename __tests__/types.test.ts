/**
 * Type tests: every `@ts-expect-error` line below must fail to compile. If
 * a compile-time check disappears, the directive is unused and both `tsc`
 * (run by `npm test`) and ts-jest fail with TS2578.
 */
import { Container, EnvReferences, EnvValue, isServiceLinkVariable, IsServiceLinkVariable, Pod, Probe, Volume } from '../lib';
import { newChart, synthObjects } from './_support';

// Never called: these lines exist to be type-checked.
function rejectedAtCompileTime(): void {
  const chart = newChart();

  // imagePullPolicy, restartPolicy, protocol and hostPath type are literal unions.
  // @ts-expect-error 'always' is not an ImagePullPolicy
  new Container({ name: 'a', image: 'a:1', imagePullPolicy: 'always' });
  // @ts-expect-error 'always' is not a RestartPolicy
  new Pod(chart, 'restart', { restartPolicy: 'always' });
  // @ts-expect-error 'tcp' is not a Protocol
  new Container({ name: 'a', image: 'a:1', ports: { dns: { containerPort: 53, protocol: 'tcp' } } });
  // @ts-expect-error 'directory' is not a HostPathType
  Volume.hostPath('data', '/data', { type: 'directory' });

  // nodeSelector and label values are strings.
  // @ts-expect-error a boolean is not a label value
  new Pod(chart, 'gpu', { nodeSelector: { gpu: true } });
  // @ts-expect-error a boolean is not a label value
  new Pod(chart, 'labels', { labels: { canary: true } });
  // @ts-expect-error the well-known OS label takes only the values nodes report
  new Pod(chart, 'os', { nodeSelector: { 'kubernetes.io/os': 'Linux' } });

  // Resource quantities are typed.
  // @ts-expect-error '512MB' is not a Kubernetes quantity: write '512Mi' or '512M'
  new Container({ name: 'a', image: 'a:1', resources: { requests: { memory: '512MB' } } });
  // @ts-expect-error an extended resource is counted in whole units, not with a suffix
  new Container({ name: 'a', image: 'a:1', resources: { limits: { 'nvidia.com/gpu': '1Gi' } } });
  // @ts-expect-error '2cores' is not a CPU quantity
  new Container({ name: 'a', image: 'a:1', resources: { limits: { cpu: '2cores' } } });

  // $(VAR) references must name a variable defined earlier in the same container.
  new Container({
    name: 'a',
    image: 'a:1',
    env: [
      { name: 'PROFILE', value: 'production' },
      // @ts-expect-error $(PROFILES) is not defined
      { name: 'MESSAGE', value: 'This application is running on $(PROFILES)' },
    ],
  });
  new Container({
    name: 'a',
    image: 'a:1',
    env: [
      // @ts-expect-error $(PROFILE) is defined only below
      { name: 'MESSAGE', value: 'This application is running on $(PROFILE)' },
      { name: 'PROFILE', value: 'production' },
    ],
  });

  // A probe's port name is one the container declares (a number need not be declared).
  // @ts-expect-error 'htp' is not a declared port name
  new Container({ name: 'a', image: 'a:1', ports: { http: 80 }, readinessProbe: Probe.http({ port: 'htp', path: '/healthz' }) });
  // @ts-expect-error a container without ports has no port name to probe
  new Container({ name: 'a', image: 'a:1', startupProbe: Probe.tcp({ port: 'http' }) });
  // @ts-expect-error a list port without a name gives no name
  new Container({ name: 'a', image: 'a:1', ports: [8080], startupProbe: Probe.tcp({ port: 'http' }) });

  // The compile-time $(VAR) check reads the text as the kubelet does.
  new Container({
    name: 'a',
    image: 'a:1',
    env: [
      // @ts-expect-error a Service-link name must be upper case, as the kubelet writes it
      { name: 'HOST', value: '$(myapp_SERVICE_HOST)' },
      // @ts-expect-error MYAPP_PORT_HTTP_TCP: the port of a docker-link variable is a number
      { name: 'ADDR', value: '$(MYAPP_PORT_HTTP_TCP)' },
      // @ts-expect-error $$$(X) is an escaped $ followed by a reference
      { name: 'COST', value: '$$$(PRICE)' },
    ],
  });

  // An env entry has a literal value or a source, not both (the API server refuses both).
  new Container({
    name: 'a',
    image: 'a:1',
    env: [
      // @ts-expect-error value and valueFrom exclude each other
      { name: 'IP', value: '10.0.0.1', valueFrom: EnvValue.fromField('status.podIP') },
    ],
  });

  // Misspelt props and wrongly typed values.
  // @ts-expect-error 'imge' is not a prop
  new Container({ name: 'a', imge: 'a:1' });
  // @ts-expect-error readOnly is a boolean
  Volume.emptyDir('html').mount('/var/html', { readOnly: 'true' });
  // @ts-expect-error 'containers' is modeled: the escape hatch cannot set it
  new Pod(chart, 'hatch', { extraSpec: { containers: [] } });
}

// A container with ports, env and probes is still a plain `Container`, so
// helpers can return one and lists can hold several kinds.
function webContainer(): Container {
  return new Container({ name: 'web', image: 'web:1', ports: { http: 80 }, env: [{ name: 'A', value: 'a' }], readinessProbe: Probe.http({ port: 'http' }) });
}

describe('what compiles renders', () => {
  test('containers of different declarations share the Container type', () => {
    const containers: Container[] = [webContainer(), new Container({ name: 'metrics', image: 'm:1', ports: [{ containerPort: 9090, name: 'metrics' }] })];
    const chart = newChart();
    new Pod(chart, 'p', { containers });
    expect(synthObjects(chart)[0].spec.containers.map((c: { name: string }) => c.name)).toEqual(['web', 'metrics']);
  });

  test('the compile-time Service-link shapes are those of isServiceLinkVariable()', () => {
    // Each line compiles only while the type gives the same answer as the function.
    const linked: [IsServiceLinkVariable<'WEB_SERVICE_PORT_HTTP_METRICS'>, IsServiceLinkVariable<'DNS_PORT_53_UDP_PROTO'>, IsServiceLinkVariable<'WEB_PORT'>] = [true, true, true];
    const unlinked: [IsServiceLinkVariable<'web_SERVICE_HOST'>, IsServiceLinkVariable<'WEB_SERVICE_PORT_'>, IsServiceLinkVariable<'WEB_PORT_80_ICMP'>, IsServiceLinkVariable<'WEB-APP_SERVICE_HOST'>] = [false, false, false, false];
    expect(['WEB_SERVICE_PORT_HTTP_METRICS', 'DNS_PORT_53_UDP_PROTO', 'WEB_PORT'].map(isServiceLinkVariable)).toEqual(linked);
    expect(['web_SERVICE_HOST', 'WEB_SERVICE_PORT_', 'WEB_PORT_80_ICMP', 'WEB-APP_SERVICE_HOST'].map(isServiceLinkVariable)).toEqual(unlinked);
  });

  test('a $$-escaped reference is literal text and needs no variable', () => {
    const escaped: EnvReferences<'costs $$(PRICE)'> = undefined as never;
    expect(escaped).toBeUndefined();
    const chart = newChart();
    new Pod(chart, 'p', {
      containers: [new Container({ name: 'a', image: 'a:1', env: [{ name: 'TEXT', value: 'costs $$(PRICE)' }] })],
    });
    expect(synthObjects(chart)[0].spec.containers[0].env).toEqual([{ name: 'TEXT', value: 'costs $$(PRICE)' }]);
  });

  test('a probe may call any port number, declared or not, and a container without ports too', () => {
    const chart = newChart();
    new Pod(chart, 'p', {
      containers: [
        new Container({ name: 'a', image: 'a:1', ports: { http: 80 }, livenessProbe: Probe.tcp({ port: 8080 }) }),
        new Container({ name: 'b', image: 'b:1', readinessProbe: Probe.http({ port: 9090, path: '/ready' }) }),
      ],
    });
    const [a, b] = synthObjects(chart)[0].spec.containers;
    expect(a.livenessProbe).toEqual({ tcpSocket: { port: 8080 } });
    expect(b.readinessProbe).toEqual({ httpGet: { path: '/ready', port: 9090 } });
  });

  test('Service-link variables, $$ escapes and $(…) that hold no variable name compile and synthesize', () => {
    const env = [
      { name: 'HOST', value: '$(MYAPP_SERVICE_HOST):$(MYAPP_SERVICE_PORT)' },
      { name: 'NAMED', value: '$(MYAPP_SERVICE_PORT_HTTP_METRICS) $(MYAPP_PORT) $(MYAPP_PORT_80_TCP_ADDR) $(DNS_PORT_53_UDP_PROTO)' },
      { name: 'ESCAPED', value: '$$(NOT_A_REFERENCE) and $$$$(STILL_NOT)' },
      { name: 'SHELL', value: 'started at $(date +%s) on $(hostname -i)' },
      { name: 'OPEN', value: 'an unclosed $(REFERENCE' },
    ] as const;
    const chart = newChart();
    new Pod(chart, 'p', { containers: [new Container({ name: 'a', image: 'a:1', env })] });
    expect(synthObjects(chart)[0].spec.containers[0].env).toEqual(env);
  });

  test('probes accept declared port names and numbers', () => {
    const chart = newChart();
    new Pod(chart, 'p', {
      containers: [
        new Container({
          name: 'a',
          image: 'a:1',
          ports: { http: 80, metrics: { containerPort: 9090 } },
          readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          livenessProbe: Probe.tcp({ port: 9090 }),
          startupProbe: Probe.exec({ command: ['true'] }),
        }),
      ],
    });
    const container = synthObjects(chart)[0].spec.containers[0];
    expect(container.readinessProbe).toEqual({ httpGet: { path: '/healthz', port: 'http' } });
    expect(container.livenessProbe).toEqual({ tcpSocket: { port: 9090 } });
    expect(container.startupProbe).toEqual({ exec: { command: ['true'] } });
  });
});

export { rejectedAtCompileTime };
