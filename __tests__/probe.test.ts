import { AnyContainer, Container, Pod, Probe } from '../lib';
import { newChart, synthObjects, synthYaml } from './_support';

const probesOf = (container: AnyContainer) => {
  const chart = newChart();
  new Pod(chart, 'p', { containers: [container] });
  const rendered = synthObjects(chart)[0].spec.containers[0];
  return { liveness: rendered.livenessProbe, readiness: rendered.readinessProbe, startup: rendered.startupProbe };
};

describe('Probe', () => {
  test('all four kinds with every timing field', () => {
    const chart = newChart();
    new Pod(chart, 'p', {
      containers: [
        new Container({
          name: 'web',
          image: 'web:1',
          ports: { http: 8080, grpc: 9000 },
          livenessProbe: Probe.grpc({ port: 9000, service: 'health', periodSeconds: 20, failureThreshold: 3, terminationGracePeriodSeconds: 30 }),
          readinessProbe: Probe.http({
            port: 'http',
            path: '/ready',
            scheme: 'HTTPS',
            host: 'localhost',
            headers: { 'X-Probe': 'kubelet' },
            initialDelaySeconds: 5,
            timeoutSeconds: 2,
            successThreshold: 2,
          }),
          startupProbe: Probe.tcp({ port: 'http', host: '127.0.0.1', periodSeconds: 5, failureThreshold: 30 }),
        }),
        new Container({ name: 'worker', image: 'worker:1', livenessProbe: Probe.exec({ command: ['cat', '/tmp/healthy'], periodSeconds: 15 }) }),
      ],
    });
    expect(synthYaml(chart)).toMatchSnapshot();
  });

  test('emits only the handler when no timing is given', () => {
    const probes = probesOf(
      new Container({
        name: 'web',
        image: 'web:1',
        ports: [{ name: 'http', containerPort: 8080 }, 9000],
        livenessProbe: Probe.tcp({ port: 9000 }),
        readinessProbe: Probe.http({ port: 'http' }),
        startupProbe: Probe.exec({ command: ['true'] }),
      }),
    );
    expect(probes).toEqual({ liveness: { tcpSocket: { port: 9000 } }, readiness: { httpGet: { port: 'http' } }, startup: { exec: { command: ['true'] } } });
  });

  test('remembers the port it calls', () => {
    expect(Probe.http({ port: 'http' }).port).toBe('http');
    expect(Probe.grpc({ port: 9000 }).port).toBe(9000);
    expect(Probe.exec({ command: ['true'] }).port).toBeUndefined();
  });
});
