/**
 * Type tests of the Service, Deployment and Secret props added for API-server
 * parity: every `@ts-expect-error` line below must fail to compile. If a
 * compile-time check disappears, the directive is unused and both `tsc`
 * (run by `npm test`) and ts-jest fail with TS2578.
 */
import { Container, Deployment, Secret, Service } from '../lib';
import { newChart, synthObjects } from './_support';

const web = () => new Container({ name: 'web', image: 'nginx:1.27', ports: { http: 80 } });

// Never called: these lines exist to be type-checked.
function rejectedAtCompileTime(): void {
  const chart = newChart();
  const target = new Deployment(chart, 'web', { template: { labels: { app: 'web' }, containers: [web()] } });
  const ports = [{ port: 80, targetPort: 'http' as const }];

  // @ts-expect-error 'externalName' is not a ServiceType; it is ExternalName
  new Service(chart, 'a', { type: 'externalName', target, ports });
  // @ts-expect-error 'Node' is not a traffic policy (Cluster or Local)
  new Service(chart, 'b', { target, ports, internalTrafficPolicy: 'Node' });
  // @ts-expect-error 'local' is not a traffic policy: the values are case-sensitive
  new Service(chart, 'c', { type: 'NodePort', target, ports, externalTrafficPolicy: 'local' });
  // @ts-expect-error 'Sticky' is not a session affinity
  new Service(chart, 'd', { target, ports, sessionAffinity: 'Sticky' });
  // @ts-expect-error 'ipv6' is not an IP family (IPv4 or IPv6)
  new Service(chart, 'e', { target, ports, ipFamilies: ['ipv6'] });
  // @ts-expect-error 'DualStack' is not an IP family policy
  new Service(chart, 'f', { target, ports, ipFamilyPolicy: 'DualStack' });
  // @ts-expect-error a timeout is a number of seconds
  new Service(chart, 'g', { target, ports, sessionAffinity: 'ClientIP', sessionAffinityTimeoutSeconds: '3h' });
  // @ts-expect-error source ranges are a list
  new Service(chart, 'h', { type: 'LoadBalancer', target, ports, loadBalancerSourceRanges: '10.0.0.0/8' });
  // @ts-expect-error paused is a boolean
  new Deployment(chart, 'i', { paused: 'yes', template: { labels: { app: 'i' }, containers: [web()] } });
  // @ts-expect-error a Secret type is a string
  new Secret(chart, 'j', { type: 42 });
}
void rejectedAtCompileTime;

test('the props that compile render as written', () => {
  const chart = newChart();
  const target = new Deployment(chart, 'web', { template: { labels: { app: 'web' }, containers: [web()] } });
  new Service(chart, 'lb', {
    type: 'LoadBalancer',
    target,
    ports: [{ port: 80, targetPort: 'http' }],
    externalTrafficPolicy: 'Local',
    internalTrafficPolicy: 'Cluster',
    sessionAffinity: 'ClientIP',
    sessionAffinityTimeoutSeconds: 600,
    loadBalancerSourceRanges: ['10.0.0.0/8'],
    loadBalancerClass: 'example.com/vip',
    allocateLoadBalancerNodePorts: false,
    ipFamilies: ['IPv4', 'IPv6'],
    ipFamilyPolicy: 'PreferDualStack',
  });
  new Service(chart, 'db', { type: 'ExternalName', externalName: 'db.example.com', target, ports: [] });
  // A type of one's own compiles, as Kubernetes stores it.
  new Secret(chart, 'release', { type: 'helm.sh/release.v1' });
  const [, lb, db, release] = synthObjects(chart);
  expect(lb.spec).toEqual({
    type: 'LoadBalancer',
    selector: { app: 'web' },
    ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    externalTrafficPolicy: 'Local',
    internalTrafficPolicy: 'Cluster',
    sessionAffinity: 'ClientIP',
    sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } },
    loadBalancerSourceRanges: ['10.0.0.0/8'],
    loadBalancerClass: 'example.com/vip',
    allocateLoadBalancerNodePorts: false,
    ipFamilies: ['IPv4', 'IPv6'],
    ipFamilyPolicy: 'PreferDualStack',
  });
  expect(db.spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com', selector: { app: 'web' } });
  expect(release.type).toBe('helm.sh/release.v1');
});
