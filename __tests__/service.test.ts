import { Chart } from 'cdk8s';
import { App, Container, Deployment, formatProblem, Pod, ReplicaSet, Service } from '../lib';
import { problemsOf } from './_problems';
import { newChart, synthObjects, synthYaml } from './_support';

const web = () =>
  new Container({ name: 'web', image: 'nginx:1.27', ports: { http: 80, https: { containerPort: 443 }, metrics: 9113 } });

const webDeployment = (chart: Chart, labels: Record<string, string> = { app: 'web', tier: 'front' }) =>
  new Deployment(chart, 'web', { selectBy: ['app'], template: { labels, containers: [web()] } });

describe('Service', () => {
  test('defaults: a ClusterIP Service selecting the workload, port named after its target', () => {
    const chart = newChart();
    new Service(chart, 'web-svc', { name: 'web', target: webDeployment(chart), ports: [{ port: 80, targetPort: 'http' }] });
    expect(synthYaml(chart)).toMatchSnapshot();
    const service = synthObjects(chart)[1];
    expect(service).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    });
  });

  test('the selector of a workload is its own selector; that of a Pod is all its labels', () => {
    const chart = newChart();
    const deployment = webDeployment(chart);
    const replicaSet = new ReplicaSet(chart, 'rs', { template: { labels: { app: 'rs', track: 'canary' }, containers: [web()] } });
    const pod = new Pod(chart, 'pod', { labels: { app: 'pod', role: 'debug' }, containers: [web()] });
    expect(new Service(chart, 'a', { target: deployment, ports: [{ port: 80, targetPort: 'http' }] }).selector).toEqual({ app: 'web' });
    expect(new Service(chart, 'b', { target: replicaSet, ports: [{ port: 80, targetPort: 'http' }] }).selector).toEqual({ app: 'rs', track: 'canary' });
    expect(new Service(chart, 'c', { target: pod, ports: [{ port: 80, targetPort: 'http' }] }).selector).toEqual({ app: 'pod', role: 'debug' });
  });

  test('labels added to the target later are selected too', () => {
    const chart = newChart();
    const pod = new Pod(chart, 'pod', { labels: { app: 'pod' }, containers: [web()] });
    new Service(chart, 'svc', { target: pod, ports: [{ port: 80, targetPort: 'http' }] });
    pod.addLabel('role', 'debug');
    expect(synthObjects(chart)[1].spec.selector).toEqual({ app: 'pod', role: 'debug' });
  });

  test('NodePort, LoadBalancer and headless Services, several ports, addPort()', () => {
    const chart = newChart();
    const target = webDeployment(chart);
    new Service(chart, 'node-port', {
      type: 'NodePort',
      target,
      ports: [{ port: 80, targetPort: 'http', nodePort: 30080 }],
      externalTrafficPolicy: 'Local',
    });
    new Service(chart, 'lb', {
      type: 'LoadBalancer',
      target,
      sessionAffinity: 'ClientIP',
      labels: { app: 'web' },
      annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' },
    })
      .addPort({ port: 80, targetPort: 'http', appProtocol: 'http' })
      .addPort({ name: 'tls', port: 443, targetPort: 443 });
    new Service(chart, 'peers', { headless: true, target, publishNotReadyAddresses: true });
    new Service(chart, 'metrics', { target, ports: [{ port: 9100, targetPort: 'metrics', protocol: 'TCP', name: 'prometheus' }] });
    expect(synthYaml(chart)).toMatchSnapshot();
    const specs = synthObjects(chart).slice(1).map((manifest) => manifest.spec);
    expect(specs[0]).toEqual({
      type: 'NodePort',
      externalTrafficPolicy: 'Local',
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }],
    });
    expect(specs[1].ports).toEqual([
      { name: 'http', port: 80, targetPort: 'http', appProtocol: 'http' },
      { name: 'tls', port: 443, targetPort: 443 },
    ]);
    expect(specs[2]).toEqual({ clusterIP: 'None', selector: { app: 'web' }, publishNotReadyAddresses: true });
  });
});

describe('Service fails synth', () => {
  test('when its name is not a DNS-1035 label', () => {
    expect(problemsOf((chart) => new Service(chart, '2048-game', { target: webDeployment(chart), ports: [{ port: 80, targetPort: 'http' }] }))).toEqual([
      'metadata.name: Service name "2048-game" is not a DNS-1035 label. Fix: rename the Service with the `name` prop: at most 63 lowercase letters, digits and "-", starting with a letter and ending with a letter or digit (service-name-valid)',
    ]);
    expect(problemsOf((chart) => new Service(chart, 'svc', { name: 'web.api', target: webDeployment(chart), ports: [{ port: 80, targetPort: 'http' }] }))).toEqual([
      'metadata.name: Service name "web.api" is not a DNS-1035 label. Fix: rename the Service with the `name` prop: at most 63 lowercase letters, digits and "-", starting with a letter and ending with a letter or digit (service-name-valid)',
    ]);
  });

  test('when its target has no labels', () => {
    const problems = problemsOf((chart) => {
      const pod = new Pod(chart, 'bare', { containers: [web()] });
      new Service(chart, 'svc', { target: pod, ports: [{ port: 80, targetPort: 'http' }] });
    });
    expect(problems).toEqual([
      "spec.selector: the target test/bare has no labels, so the Service would select no Pods. Fix: give the target labels (such as `labels: { app: 'myapp' }`) and the namespace of the Service; target a workload of the app by its object, not by a reference with another selector (service-selects-pods)",
    ]);
  });

  test('when its selector matches no Pod of the app in its namespace', () => {
    const app = new App();
    const target = webDeployment(new Chart(app, 'backend', { namespace: 'backend' }));
    const service = new Service(new Chart(app, 'frontend', { namespace: 'frontend' }), 'web', { target, ports: [{ port: 80, targetPort: 'http' }] });
    expect(service.node.validate()).toEqual([
      'spec.selector: selector app=web matches no Pod of this app in namespace "frontend". Fix: give the target labels (such as `labels: { app: \'myapp\' }`) and the namespace of the Service; target a workload of the app by its object, not by a reference with another selector (service-selects-pods)',
    ]);
  });

  test('when a target port name is not declared by any container (names that are not literals); a number is a warning', () => {
    const chart = newChart();
    // A target whose container types are not known to the compiler takes any name; synth checks it.
    const loose: Deployment = webDeployment(chart);
    const service = new Service(chart, 'svc', { target: loose, ports: [{ port: 80, targetPort: 'htp' }, { name: 'alt', port: 8080, targetPort: 8080 }, { name: 'same', port: 9000 } as never] });
    expect(service.node.validate()).toEqual([
      'spec.ports[0].targetPort: target port "htp" is not declared by any container of test/web (they declare http (80), https (443), metrics (9113)). Fix: declare the port on the container, or target one of the declared ports (service-target-port-declared)',
    ]);
    // kube-proxy forwards to a number whether a container declares it or not.
    expect(service.problems().filter((p) => p.severity === 'warning').map(formatProblem)).toEqual([
      'spec.ports[1].targetPort: target port 8080 is not declared by any container of test/web (they declare http (80), https (443), metrics (9113)). Fix: declare the port on the container so that readers and tools see it, or check the number (service-target-port-number-declared)',
      'spec.ports[2].port: target port 9000 (targetPort is not set, so it is the port itself) is not declared by any container of test/web (they declare http (80), https (443), metrics (9113)). Fix: declare the port on the container so that readers and tools see it, or check the number (service-target-port-number-declared)',
    ]);
  });

  test('when port names are missing, invalid or repeated', () => {
    const problems = problemsOf((chart) => {
      new Service(chart, 'svc', {
        target: webDeployment(chart),
        ports: [
          { port: 80, targetPort: 80 },
          { name: 'Web_Port', port: 81, targetPort: 'http' },
          { name: 'http', port: 82, targetPort: 'http' },
          { port: 83, targetPort: 'http' },
        ],
      });
    });
    expect(problems).toEqual([
      'spec.ports[0].name: port 80 has no name, and the Service has 4 ports. Fix: name each port with `name`, or target a container port by name, which names the Service port too (service-port-name-required)',
      'spec.ports[1].name: port name "Web_Port" is not a DNS-1123 label. Fix: rename the port: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit (service-port-name-valid)',
      'spec.ports[3].name: port name "http" is already used by spec.ports[2]. Fix: give each port its own name (service-port-name-unique)',
    ]);
  });

  test('when port numbers are out of range or repeated, or a nodePort is on a ClusterIP Service', () => {
    const problems = problemsOf((chart) => {
      new Service(chart, 'svc', {
        target: webDeployment(chart),
        ports: [
          { port: 0, targetPort: 'http' },
          { port: 443, targetPort: 'https', nodePort: 70000 },
          { name: 'again', port: 443, targetPort: 'https' },
          { name: 'quic', port: 443, targetPort: 443, protocol: 'UDP' },
        ],
      });
    });
    expect(problems).toEqual([
      'spec.ports[0].port: port is 0; it must be a whole number from 1 to 65535. Fix: use a port number from 1 to 65535 (service-port-valid)',
      'spec.ports[1].nodePort: nodePort is 70000; it must be a whole number from 1 to 65535. Fix: use a port number from 1 to 65535 (service-port-valid)',
      "spec.ports[1].nodePort: nodePort 70000 is set on a Service of type ClusterIP. Fix: set type to 'NodePort' or 'LoadBalancer', or remove the nodePort (service-node-port-type)",
      'spec.ports[2].port: port 443/TCP is already used by spec.ports[1]. Fix: give each port its own number (or another protocol) and its own nodePort, or leave nodePort out to let Kubernetes pick one (service-port-unique)',
    ]);
  });

  test('when a named target port is declared for another protocol', () => {
    const problems = problemsOf((chart) => {
      const dns = new Deployment(chart, 'dns', {
        template: { labels: { app: 'dns' }, containers: [new Container({ name: 'dns', image: 'dns:1', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] })] },
      });
      new Service(chart, 'svc', { target: dns, ports: [{ port: 53, targetPort: 'dns' }] });
    });
    expect(problems).toEqual([
      'spec.ports[0].targetPort: target port "dns" is declared by test/dns for UDP, but this Service port is TCP. Fix: set the Service port\'s protocol to UDP, or declare the container port with protocol TCP (service-target-port-protocol)',
    ]);
  });

  test('when two ports of a NodePort Service share a nodePort', () => {
    const problems = problemsOf((chart) => {
      new Service(chart, 'svc', {
        type: 'NodePort',
        target: webDeployment(chart),
        ports: [
          { port: 80, targetPort: 'http', nodePort: 30080 },
          { port: 443, targetPort: 'https', nodePort: 30080 },
        ],
      });
    });
    expect(problems).toEqual([
      'spec.ports[1].nodePort: nodePort 30080/TCP is already used by spec.ports[0]. Fix: give each port its own number (or another protocol) and its own nodePort, or leave nodePort out to let Kubernetes pick one (service-port-unique)',
    ]);
  });

  test('when it has no ports and is not headless, or is headless and not ClusterIP', () => {
    expect(problemsOf((chart) => new Service(chart, 'svc', { target: webDeployment(chart) }))).toEqual([
      'spec.ports: the Service has no ports. Fix: add a port with the `ports` prop or addPort(), or make the Service headless (service-has-ports)',
    ]);
    expect(problemsOf((chart) => new Service(chart, 'svc', { type: 'LoadBalancer', headless: true, target: webDeployment(chart) }))).toEqual([
      'spec.clusterIP: a headless Service cannot be of type LoadBalancer. Fix: remove headless, or leave type out (service-headless-type)',
    ]);
  });
});
