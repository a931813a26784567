import { formatProblem, Report } from '../../lib';
import { validateSharedPorts } from '../../lib/validation/container-ports';
import { cleanContainer, cleanSpec, specProblems } from './_spec';

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are written as manifest JSON */

// The edges of the port checks that sit between two containers lists or two rules.
describe('container ports', () => {
  test('under hostNetwork, the hostPort of an init container is not held to its containerPort, as in Kubernetes', () => {
    const spec = cleanSpec();
    spec.hostNetwork = true;
    spec.initContainers = [{ name: 'init', image: 'busybox:1.36', ports: [{ containerPort: 8080, hostPort: 80 }] }];
    expect(specProblems(spec, 'host-namespaces')).toEqual([]);
    spec.containers[0].ports[0].hostPort = 80;
    expect(specProblems(spec, 'host-namespaces')).toEqual([
      'spec.containers[0].ports[0].hostPort: hostPort 80 of container "app" differs from its containerPort 8080; under hostNetwork the container listens on the node itself. Fix: set hostPort to 8080 or remove it (host-namespaces)',
    ]);
  });

  test('under hostNetwork, a port without a containerPort is port-number\'s alone', () => {
    const spec = cleanSpec();
    spec.hostNetwork = true;
    spec.containers[0].ports = [{ name: 'http', hostPort: 80 }];
    expect(specProblems(spec).filter((problem) => /ports\[0\]/.test(problem))).toEqual([
      'spec.containers[0].ports[0].containerPort: containerPort of container "app" is undefined; it must be a whole number from 1 to 65535. Fix: use the port the process listens on (port-number)',
    ]);
  });

  test('a hostIP without a hostPort is reported for init containers too', () => {
    const spec = cleanSpec();
    spec.initContainers = [{ name: 'init', image: 'busybox:1.36', ports: [{ containerPort: 9000, hostIP: '127.0.0.1' }] }];
    expect(specProblems(spec, 'host-ip-without-host-port')).toEqual([
      'spec.initContainers[0].ports[0].hostIP: port 9000 of container "init" sets hostIP "127.0.0.1" but no hostPort. Fix: add the `hostPort`, or remove `hostIP` (host-ip-without-host-port)',
    ]);
    spec.initContainers[0].ports[0].hostPort = 9000;
    expect(specProblems(spec, 'host-ip-without-host-port')).toEqual([]);
  });

  test("the probes of an init container that runs to completion are init-container-probes', not probe-port's; a sidecar's are checked", () => {
    const spec = cleanSpec();
    spec.initContainers = [{ name: 'init', image: 'busybox:1.36', readinessProbe: { tcpSocket: { port: 'admin' } } }];
    expect(specProblems(spec, 'probe-port')).toEqual([]);
    expect(specProblems(spec, 'init-container-probes')).toHaveLength(1);
    spec.initContainers[0].restartPolicy = 'Always';
    expect(specProblems(spec, 'probe-port')).toEqual([
      'spec.initContainers[0].readinessProbe.tcpSocket.port: readinessProbe of container "init" calls port "admin", which the container does not declare (it names no ports). Fix: declare the port on the container, or probe its number (probe-port)',
    ]);
  });

  test('a port declared in one container and a sidecar clashes; the host ports of init containers are not compared', () => {
    const spec = cleanSpec();
    spec.initContainers = [{ ...cleanContainer('proxy', 8080), restartPolicy: 'Always' }];
    spec.initContainers[0].ports[0].hostPort = 80;
    spec.containers[0].ports[0].hostPort = 80;
    expect(specProblems(spec, 'port-shared-localhost')).toEqual([
      'spec.initContainers[0].ports[0].containerPort: port 8080/TCP of container "proxy" is already used by container "app" (spec.containers[0].ports[0]); containers of a Pod share localhost, so only one can listen on it. Fix: give "proxy" or "app" another port (port-shared-localhost)',
    ]);
    expect(specProblems(spec, 'host-port-conflict')).toEqual([]);
  });

  test("the importer's check reads any JSON without throwing", () => {
    const report = new Report('import');
    for (const spec of [undefined, null, 'text', { containers: 'text' }, { containers: [null, 7, { ports: 'x' }] }, { initContainers: { a: 1 } }]) {
      expect(() => validateSharedPorts(spec as any, 'spec', report)).not.toThrow();
    }
    validateSharedPorts({ containers: [{ name: 'a', ports: [{ containerPort: 80 }] }], initContainers: [{ name: 'b', restartPolicy: 'Always', ports: [{ containerPort: 80 }] }] }, 'spec', report);
    expect(report.problems.map(formatProblem)).toEqual([
      'spec.initContainers[0].ports[0].containerPort: port 80/TCP of container "b" is already used by container "a" (spec.containers[0].ports[0]); containers of a Pod share localhost, so only one can listen on it. Fix: give "b" or "a" another port (port-shared-localhost)',
    ]);
  });
});
