import { Chart } from 'cdk8s';
import { App, Container, Deployment, Ingress, IngressBackend, Secret, Service } from '../lib';
import { problemsOf } from './_problems';
import { newChart, synthObjects } from './_support';

const web = (chart: Chart) => {
  const deployment = new Deployment(chart, 'web', { template: { labels: { app: 'web' }, containers: [new Container({ name: 'web', image: 'nginx:1.27', ports: { http: 8080, admin: 9000 } })] } });
  return new Service(chart, 'web-svc', { name: 'web', target: deployment, ports: [{ port: 80, targetPort: 'http' }, { port: 9000, targetPort: 'admin' }] });
};

describe('Ingress', () => {
  test('defaults: path / as Prefix, backends by Service object and port', () => {
    const chart = newChart();
    const service = web(chart);
    new Ingress(chart, 'web-ingress', { rules: [{ paths: [{ backend: IngressBackend.service(service, 'http') }] }] });
    expect(synthObjects(chart)[2]).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web-ingress' },
      spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } }] } }] },
    });
  });

  test('hosts, TLS by Secret object, a default backend, a class, addRule() and addTls()', () => {
    const chart = newChart();
    const service = web(chart);
    const certificate = new Secret(chart, 'tls', { type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'x', 'tls.key': 'y' } });
    new Ingress(chart, 'shop', { ingressClassName: 'nginx', defaultBackend: IngressBackend.service(service, 80), tls: [{ hosts: ['shop.example.com'], secret: certificate }] })
      .addRule({ host: 'shop.example.com', paths: [{ path: '/api', pathType: 'Exact', backend: IngressBackend.service(service, 9000) }] })
      .addRule({ host: '*.example.com', paths: [{ path: '/', pathType: 'ImplementationSpecific', backend: IngressBackend.service(service, 'admin') }] })
      .addTls({ hosts: ['*.example.com'] });
    expect(synthObjects(chart)[3].spec).toEqual({
      ingressClassName: 'nginx',
      defaultBackend: { service: { name: 'web', port: { number: 80 } } },
      tls: [{ hosts: ['shop.example.com'], secretName: 'tls' }, { hosts: ['*.example.com'] }],
      rules: [
        { host: 'shop.example.com', http: { paths: [{ path: '/api', pathType: 'Exact', backend: { service: { name: 'web', port: { number: 9000 } } } }] } },
        { host: '*.example.com', http: { paths: [{ path: '/', pathType: 'ImplementationSpecific', backend: { service: { name: 'web', port: { name: 'admin' } } } }] } },
      ],
    });
  });
});

test('an Ingress alone in its chart, to a Service applied some other way', () => {
  const chart = newChart();
  new Ingress(chart, 'edge', { rules: [{ paths: [{ backend: IngressBackend.fromServiceName('shop', 'http') }, { path: '/api', backend: IngressBackend.fromServiceName('api', 8080) }] }] });
  expect(synthObjects(chart)[0].spec.rules[0].http.paths.map((p: { backend: unknown }) => p.backend)).toEqual([
    { service: { name: 'shop', port: { name: 'http' } } },
    { service: { name: 'api', port: { number: 8080 } } },
  ]);
});

describe('Ingress fails synth', () => {
  test('when it routes nothing', () => {
    expect(problemsOf((chart) => new Ingress(chart, 'empty'))).toEqual([
      'spec: the Ingress has neither rules nor a default backend. Fix: add a rule with addRule(), or give a defaultBackend; give every HTTP rule at least one path (ingress-has-backend)',
    ]);
  });

  test('when hosts are IP addresses or wildcards elsewhere than the first label', () => {
    expect(
      problemsOf((chart) => {
        const backend = IngressBackend.service(web(chart), 'http');
        new Ingress(chart, 'hosts', {
          rules: [
            { host: '10.0.0.1', paths: [{ backend }] },
            { host: 'shop.*.example.com', paths: [{ backend }] },
            { host: 'Shop.example.com', paths: [{ backend }] },
          ],
          tls: [{ hosts: ['*'] }],
        });
      }),
    ).toEqual([
      "spec.rules[0].host: host \"10.0.0.1\" is an IP address, not a DNS name. Fix: use a host name such as 'shop.example.com' or '*.example.com' (ingress-host-valid)",
      "spec.rules[1].host: host \"shop.*.example.com\" is not a wildcard DNS-1123 subdomain: \"*\" may only be the whole first label, as in \"*.example.com\". Fix: use a host name such as 'shop.example.com' or '*.example.com' (ingress-host-valid)",
      expect.stringMatching(/^spec\.rules\[2\]\.host: host "Shop\.example\.com" .*\(ingress-host-valid\)$/),
      "spec.tls[0].hosts[0]: host \"*\" is not a wildcard DNS-1123 subdomain: \"*\" may only be the whole first label, as in \"*.example.com\". Fix: use a host name such as 'shop.example.com' or '*.example.com' (ingress-host-valid)",
    ]);
  });

  test('when paths are not absolute or hold invalid sequences', () => {
    expect(
      problemsOf((chart) => {
        const backend = IngressBackend.service(web(chart), 'http');
        new Ingress(chart, 'paths', {
          rules: [{ paths: [{ path: 'api', backend }, { path: '/a//b', pathType: 'Exact', backend }, { path: '/a/..', backend }, { path: 'x', pathType: 'ImplementationSpecific', backend }, { path: '/', pathType: 'Regex' as never, backend }] }],
        });
      }),
    ).toEqual([
      "spec.rules[0].http.paths[0].path: path \"api\" of pathType Prefix is not an absolute path. Fix: give each path a pathType of Prefix, Exact or ImplementationSpecific, and write it from \"/\", such as \"/api\", without empty, \".\" or \"..\" segments or \"%2f\" (ingress-path-valid)",
      'spec.rules[0].http.paths[1].path: path "/a//b" of pathType Exact contains "//". Fix: give each path a pathType of Prefix, Exact or ImplementationSpecific, and write it from "/", such as "/api", without empty, "." or ".." segments or "%2f" (ingress-path-valid)',
      'spec.rules[0].http.paths[2].path: path "/a/.." of pathType Prefix contains "/..". Fix: give each path a pathType of Prefix, Exact or ImplementationSpecific, and write it from "/", such as "/api", without empty, "." or ".." segments or "%2f" (ingress-path-valid)',
      "spec.rules[0].http.paths[3].path: path \"x\" does not start with \"/\". Fix: give each path a pathType of Prefix, Exact or ImplementationSpecific, and write it from \"/\", such as \"/api\", without empty, \".\" or \"..\" segments or \"%2f\" (ingress-path-valid)",
      'spec.rules[0].http.paths[4].pathType: "Regex" is not supported; the values are "Exact", "Prefix", "ImplementationSpecific". Fix: use one of Exact, Prefix, ImplementationSpecific (ingress-path-valid)',
    ]);
  });

  test('when a backend port is not a port of its Service (ports added later, loosely typed)', () => {
    expect(
      problemsOf((chart) => {
        const service: Service = web(chart);
        new Ingress(chart, 'ports', { rules: [{ paths: [{ backend: IngressBackend.service(service, 'https') }, { path: '/x', backend: IngressBackend.service(service, 8443) }, { path: '/y', backend: IngressBackend.service(service, 70000) }] }] });
      }),
    ).toEqual([
      'spec.rules[0].http.paths[0].backend.service.port: Service "web" (test/web-svc) has no port named "https" (it has http (80), admin (9000)). Fix: name one of the ports of the Service, and create the Service in the namespace of the Ingress (ingress-backend-port-exists)',
      'spec.rules[0].http.paths[1].backend.service.port: Service "web" (test/web-svc) has no port 8443 (it has http (80), admin (9000)). Fix: name one of the ports of the Service, and create the Service in the namespace of the Ingress (ingress-backend-port-exists)',
      'spec.rules[0].http.paths[2].backend.service.port.number: port number 70000 is not from 1 to 65535. Fix: name a port of the Service by its name or its number (ingress-backend-port)',
    ]);
  });

  test('when the Service is in another namespace, or the class is given twice', () => {
    const app = new App();
    const service = web(new Chart(app, 'backend', { namespace: 'backend' }));
    const ingress = new Ingress(new Chart(app, 'edge', { namespace: 'edge' }), 'edge', {
      ingressClassName: 'nginx',
      annotations: { 'kubernetes.io/ingress.class': 'nginx' },
      rules: [{ paths: [{ backend: IngressBackend.service(service, 'http') }] }],
    });
    expect(ingress.node.validate()).toEqual([
      'metadata.annotations: the kubernetes.io/ingress.class annotation is set together with ingressClassName. Fix: set ingressClassName to the name of an IngressClass of the cluster, and remove the kubernetes.io/ingress.class annotation (ingress-class-valid)',
      'spec.rules[0].http.paths[0].backend.service.name: Service "web" (backend/web-svc) is in another namespace than the Ingress. Fix: name one of the ports of the Service, and create the Service in the namespace of the Ingress (ingress-backend-port-exists)',
    ]);
  });
});

// Type tests: compiled by `npm test` (tsc), never run.
export function typeTests(chart: Chart): void {
  const service = web(chart);
  IngressBackend.service(service, 'http');
  IngressBackend.service(service, 80);
  // @ts-expect-error a port name the Service does not declare
  IngressBackend.service(service, 'htp');
  // @ts-expect-error a port number the Service does not declare
  IngressBackend.service(service, 81);
  // @ts-expect-error path types are a closed set
  new Ingress(chart, 'x', { rules: [{ paths: [{ pathType: 'Regex', backend: IngressBackend.service(service, 80) }] }] });
  const headless = new Service(chart, 'peers', { headless: true, target: peersOf(chart) });
  // Without declared ports, any port compiles and synth checks it.
  IngressBackend.service(headless, 'whatever');
}

function peersOf(chart: Chart): Deployment {
  return new Deployment(chart, 'peers', { template: { labels: { app: 'peers' }, containers: [new Container({ name: 'p', image: 'p:1' })] } });
}
