import * as path from 'path';
import { Chart } from 'cdk8s';
import { App, ConfigMap, Container, Deployment, DeploymentStrategy, Problem, Rules, Secret, Service } from '../../lib';
import { DATA_KEY_RULES } from '../../lib/validation/data-keys';
import { METADATA_RULES } from '../../lib/validation/metadata';
import { SECRET_DATA_RULES } from '../../lib/validation/secret-data';
import { SERVICE_RULES } from '../../lib/validation/service';
import { SERVICE_SPEC_RULES } from '../../lib/validation/service-spec';
import { WORKLOAD_RULES } from '../../lib/validation/workload';
import { readFolder, synthObjects, withTempDir } from '../_support';

// The rules these programs are about; the containers' own lints (probes, resources) are not.
const RULES: ReadonlySet<string> = new Set([...DATA_KEY_RULES, ...METADATA_RULES, ...SECRET_DATA_RULES, ...SERVICE_RULES, ...SERVICE_SPEC_RULES, ...WORKLOAD_RULES].map((rule) => rule.id));

/**
 * Valid, unusual programs around Services, ConfigMaps, Secrets and workload
 * fields: each is accepted by a real API server (these mirror its
 * validation), so each must synthesize, with no error and no warning of
 * these rules.
 */
const web = () => new Container({ name: 'web', image: 'nginx:1.27', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53 }, { name: 'http', containerPort: 80 }] });
const target = (chart: Chart, id = 'web') => new Deployment(chart, id, { template: { labels: { app: id }, containers: [web()] } });

const PROGRAMS: readonly (readonly [string, (chart: Chart) => void])[] = [
  ['a headless Service with no ports', (chart) => new Service(chart, 'peers', { headless: true, target: target(chart) })],
  ['an ExternalName Service with a trailing dot and no ports', (chart) => new Service(chart, 'db', { type: 'ExternalName', externalName: 'db.example.com.', target: target(chart) })],
  ['a NodePort Service with nodePort 0, which is unset', (chart) => new Service(chart, 'np', { type: 'NodePort', target: target(chart), ports: [{ port: 80, targetPort: 'http', nodePort: 0 }] })],
  [
    'UDP and TCP on one port number, in a LoadBalancer',
    (chart) =>
      new Service(chart, 'dns', {
        type: 'LoadBalancer',
        target: target(chart),
        ports: [
          { port: 53, targetPort: 'dns', protocol: 'UDP' },
          { port: 53, targetPort: 'dns-tcp', protocol: 'TCP' },
        ],
      }),
  ],
  ['a Service port name of 63 characters (a DNS label, not an IANA name)', (chart) => new Service(chart, 'long', { target: target(chart), ports: [{ name: 'a'.repeat(63), port: 80, targetPort: 'http' }] })],
  ['a dual-stack Service, IPv6 first', (chart) => new Service(chart, 'dual', { target: target(chart), ports: [{ port: 80, targetPort: 'http' }], ipFamilies: ['IPv6', 'IPv4'], ipFamilyPolicy: 'PreferDualStack' })],
  [
    'a ClusterIP Service with externalIPs and externalTrafficPolicy Local',
    (chart) => new Service(chart, 'ext', { target: target(chart), ports: [{ port: 80, targetPort: 'http' }], externalIPs: ['203.0.113.10', '2001:db8::10'], externalTrafficPolicy: 'Local' }),
  ],
  [
    'ClientIP affinity for one second, h2c appProtocol, internal traffic Local',
    (chart) =>
      new Service(chart, 'sticky', {
        target: target(chart),
        ports: [{ port: 80, targetPort: 'http', appProtocol: 'kubernetes.io/h2c' }],
        sessionAffinity: 'ClientIP',
        sessionAffinityTimeoutSeconds: 1,
        internalTrafficPolicy: 'Local',
      }),
  ],
  [
    'a LoadBalancer with a health check port, source ranges, a class and no node ports',
    (chart) =>
      new Service(chart, 'lb', {
        type: 'LoadBalancer',
        target: target(chart),
        ports: [{ port: 443, targetPort: 'http' }],
        externalTrafficPolicy: 'Local',
        healthCheckNodePort: 32000,
        loadBalancerSourceRanges: ['0.0.0.0/0', '::/0'],
        loadBalancerClass: 'service.k8s.aws/nlb',
        allocateLoadBalancerNodePorts: false,
      }),
  ],
  ['a Secret key starting with one dot, and one of 253 characters', (chart) => Rules.of(new Secret(chart, 's', { stringData: { '.env': 'x', ['k'.repeat(253)]: 'y' } })).suppress('kubernetes-secret-yaml', 'test values')],
  ['a TLS Secret with empty values, to be filled in by cert-manager', (chart) => new Secret(chart, 'tls', { type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } })],
  ['a Secret type of its own', (chart) => new Secret(chart, 'release', { type: 'helm.sh/release.v1' })],
  ['a ConfigMap of exactly 1 MiB', (chart) => new ConfigMap(chart, 'big', { data: { a: 'x'.repeat(1024 * 1024 - 1), b: 'y' } })],
  [
    'a paused Deployment of 0 replicas, surge 200%, none unavailable, no history, a deadline of 1 second',
    (chart) =>
      new Deployment(chart, 'odd', {
        replicas: 0,
        paused: true,
        revisionHistoryLimit: 0,
        progressDeadlineSeconds: 1,
        strategy: DeploymentStrategy.rollingUpdate({ maxSurge: '200%', maxUnavailable: 0 }),
        template: { labels: { app: 'odd' }, containers: [web()] },
      }),
  ],
  ['a Recreate Deployment', (chart) => new Deployment(chart, 'once', { strategy: DeploymentStrategy.recreate(), template: { labels: { app: 'once' }, containers: [web()] } })],
];

describe.each(PROGRAMS)('valid: %s', (_name, build) => {
  test('synthesizes, with no error or warning of these rules, and matches the schema', () => {
    withTempDir((dir) => {
      const warnings: Problem[] = [];
      const app = new App({ outdir: path.join(dir, 'dist'), config: {}, onWarnings: (found) => warnings.push(...found) });
      const chart = new Chart(app, 'valid');
      build(chart);
      expect(synthObjects(chart).length).toBeGreaterThan(0);
      app.synth();
      expect(warnings.filter((w) => RULES.has(w.rule)).map((w) => `${w.rule}: ${w.message}`)).toEqual([]);
      expect(Object.keys(readFolder(path.join(dir, 'dist')))).toEqual(['valid.k8s.yaml']);
    });
  });
});

test('a nodePort in a cluster range of its own synthesizes', () => {
  withTempDir((dir) => {
    const warnings: Problem[] = [];
    const app = new App({ outdir: path.join(dir, 'dist'), config: { serviceNodePortRange: '8000-8999' }, onWarnings: (found) => warnings.push(...found) });
    const chart = new Chart(app, 'valid');
    new Service(chart, 'np', { type: 'NodePort', target: target(chart), ports: [{ port: 80, targetPort: 'http', nodePort: 8080 }] });
    app.synth();
    // The target's container is a bare one, so only its lints warn; the node port draws none.
    expect(warnings.filter((w) => w.rule.startsWith('service-'))).toEqual([]);
    expect(readFolder(path.join(dir, 'dist'))['valid.k8s.yaml']).toContain('nodePort: 8080');
  });
});
