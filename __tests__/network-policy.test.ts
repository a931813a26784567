import { Chart } from 'cdk8s';
import { App, Container, Deployment, NetworkPeer, NetworkPolicy, PodSelector, StatefulSet } from '../lib';
import { parseCidr } from '../lib/validation/network-policy';
import { problemsOf } from './_problems';
import { newChart, synthObjects } from './_support';

const db = (chart: Chart) => new StatefulSet(chart, 'mysql', { template: { labels: { app: 'mysql' }, containers: [new Container({ name: 'mysql', image: 'mysql:8.4', ports: { mysql: 3306 } })] } });
const web = (chart: Chart) => new Deployment(chart, 'web', { template: { labels: { app: 'web' }, containers: [new Container({ name: 'web', image: 'web:1', ports: { http: 8080 } })] } });

describe('NetworkPolicy', () => {
  test('only the web Pods reach the database, on its port by name', () => {
    const chart = newChart();
    const mysql = db(chart);
    new NetworkPolicy(chart, 'mysql-from-web', { selector: mysql, ingress: [{ from: [NetworkPeer.pods(web(chart))], ports: [{ port: 'mysql' }] }] });
    expect(synthObjects(chart)[3]).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'mysql-from-web' },
      spec: { podSelector: { matchLabels: { app: 'mysql' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'mysql' }] }] },
    });
  });

  test('namespaces, IP blocks, egress, policy types, port ranges and the mutators', () => {
    const chart = newChart();
    new NetworkPolicy(chart, 'edge', { selector: PodSelector.labels({ app: 'edge' }), policyTypes: ['Ingress', 'Egress'] })
      .addIngressRule({ from: [NetworkPeer.namespaces({ team: 'ops' }), NetworkPeer.pods(PodSelector.labels({ app: 'probe' }), {})], ports: [{ port: 8000, endPort: 8100, protocol: 'TCP' }] })
      .addEgressRule({ to: [NetworkPeer.ipBlock('10.0.0.0/8', ['10.1.0.0/16'])], ports: [{ port: 53, protocol: 'UDP' }] });
    expect(synthObjects(chart)[0].spec).toEqual({
      podSelector: { matchLabels: { app: 'edge' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }, { podSelector: { matchLabels: { app: 'probe' } }, namespaceSelector: {} }], ports: [{ port: 8000, endPort: 8100, protocol: 'TCP' }] }],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 53, protocol: 'UDP' }] }],
    });
  });

  test('an empty ingress list denies all ingress', () => {
    const chart = newChart();
    new NetworkPolicy(chart, 'deny', { selector: db(chart), ingress: [] });
    expect(synthObjects(chart)[2].spec).toEqual({ podSelector: { matchLabels: { app: 'mysql' } }, ingress: [] });
  });

  test('CIDRs as Go reads them', () => {
    expect(parseCidr('10.0.0.1/8')).toEqual({ family: 4, network: 10n << 24n, prefix: 8 });
    expect(parseCidr('fd00::/8')?.prefix).toBe(8);
    expect(parseCidr('::ffff:10.0.0.0/104')?.family).toBe(6);
    // The API server reads IPv4 parts with leading zeros (ParseCIDRSloppy).
    expect(parseCidr('010.0.0.0/8')?.prefix).toBe(8);
    for (const bad of ['10.0.0.0', '10.0.0.0/33', '300.0.0.0/8', 'fd00::/129', 'x/8']) {
      expect(parseCidr(bad)).toBeUndefined();
    }
  });
});

describe('NetworkPolicy fails synth', () => {
  test('when CIDRs, peers or ports are invalid', () => {
    expect(
      problemsOf((chart) => {
        new NetworkPolicy(chart, 'bad', {
          selector: PodSelector.labels({ app: 'x' }),
          ingress: [{ from: [NetworkPeer.ipBlock('10.0.0.0/33'), NetworkPeer.ipBlock('10.0.0.0/16', ['10.1.0.0/24', '10.0.0.0/16', 'nope'])], ports: [{ port: 0 }, { port: 'Web_Port' }, { port: 'http', endPort: 90 }, { port: 100, endPort: 90, protocol: 'ICMP' as never }] }],
          policyTypes: ['Ingress', 'Egress', 'Both' as never],
        });
      }),
    ).toEqual([
      'spec.policyTypes[2]: "Both" is not supported; the values are "Ingress", "Egress". Fix: use one of Ingress, Egress (network-policy-types-valid)',
      "spec.policyTypes: policyTypes has 3 entries. Fix: list Ingress and Egress at most once each: ['Ingress'], ['Egress'] or ['Ingress', 'Egress'] (network-policy-types-valid)",
      "spec.ingress[0].from[0].ipBlock.cidr: cidr \"10.0.0.0/33\" is not a valid CIDR. Fix: write CIDRs such as '10.0.0.0/8', with except ranges inside it and smaller than it, such as '10.1.0.0/16' (network-policy-cidr-valid)",
      'spec.ingress[0].from[1].ipBlock.except[0]: except 10.1.0.0/24 is not strictly inside cidr 10.0.0.0/16. Fix: write CIDRs such as \'10.0.0.0/8\', with except ranges inside it and smaller than it, such as \'10.1.0.0/16\' (network-policy-cidr-valid)',
      'spec.ingress[0].from[1].ipBlock.except[1]: except 10.0.0.0/16 is not strictly inside cidr 10.0.0.0/16. Fix: write CIDRs such as \'10.0.0.0/8\', with except ranges inside it and smaller than it, such as \'10.1.0.0/16\' (network-policy-cidr-valid)',
      "spec.ingress[0].from[1].ipBlock.except[2]: except \"nope\" is not a valid CIDR. Fix: write CIDRs such as '10.0.0.0/8', with except ranges inside it and smaller than it, such as '10.1.0.0/16' (network-policy-cidr-valid)",
      'spec.ingress[0].ports[0].port: port 0 is not from 1 to 65535. Fix: name a port the containers declare, or give a number from 1 to 65535; set endPort only with a numeric port, from that port to 65535 (network-policy-port-valid)',
      expect.stringMatching(/^spec\.ingress\[0\]\.ports\[1\]\.port: port name "Web_Port" .*\(network-policy-port-valid\)$/),
      'spec.ingress[0].ports[2].endPort: endPort 90 is set with port name "http". Fix: name a port the containers declare, or give a number from 1 to 65535; set endPort only with a numeric port, from that port to 65535 (network-policy-port-valid)',
      'spec.ingress[0].ports[3].protocol: "ICMP" is not supported; the values are "TCP", "UDP", "SCTP". Fix: use one of TCP, UDP, SCTP (network-policy-port-valid)',
      'spec.ingress[0].ports[3].endPort: endPort 90 is not from port 100 to 65535. Fix: name a port the containers declare, or give a number from 1 to 65535; set endPort only with a numeric port, from that port to 65535 (network-policy-port-valid)',
    ]);
  });

  test('when a named port is not declared by the selected Pods, or a peer is empty', () => {
    expect(
      problemsOf((chart) => {
        const loose: StatefulSet = db(chart);
        new NetworkPolicy(chart, 'ports', { selector: loose, ingress: [{ ports: [{ port: 'postgres' }] }] });
        new NetworkPolicy(chart, 'peers', { selector: PodSelector.labels({ app: 'x' }), egress: [{ to: [NetworkPeer.ipBlock('10.0.0.0/8')] }] });
      }),
    ).toEqual([
      'spec.ingress[0].ports[0].port: port "postgres" is not declared by any container of the Pods the policy selects (they declare mysql). Fix: name a port the containers declare, or give its number (network-policy-port-declared)',
    ]);
  });

  test('when the workload it selects is in another namespace', () => {
    const root = new App();
    const target = db(new Chart(root, 'data', { namespace: 'data' }));
    const policy = new NetworkPolicy(new Chart(root, 'net', { namespace: 'net' }), 'p', { selector: target, ingress: [] });
    expect(policy.node.validate()).toEqual([
      'spec.podSelector: selector app=mysql of data/mysql matches no Pod of this app in namespace "net". Fix: create the policy in the namespace of the workload it protects (network-policy-selects-pods)',
    ]);
  });

  test('a peer with no selector and no ipBlock (from untyped input)', () => {
    const chart = newChart();
    const policy = new NetworkPolicy(chart, 'p', { selector: PodSelector.labels({ app: 'x' }), ingress: [{ from: [{ _toKube: () => ({}) } as unknown as NetworkPeer, { _toKube: () => ({ podSelector: {}, ipBlock: { cidr: '10.0.0.0/8' } }) } as unknown as NetworkPeer] }] });
    expect(policy.node.validate()).toEqual([
      'spec.ingress[0].from[0]: the peer has no podSelector, namespaceSelector or ipBlock. Fix: give each peer a selector or an ipBlock, not both: NetworkPeer.pods(), NetworkPeer.namespaces() or NetworkPeer.ipBlock() (network-policy-peer-valid)',
      'spec.ingress[0].from[1]: the peer has both a selector and an ipBlock. Fix: give each peer a selector or an ipBlock, not both: NetworkPeer.pods(), NetworkPeer.namespaces() or NetworkPeer.ipBlock() (network-policy-peer-valid)',
    ]);
  });
});

// Type tests: compiled by `npm test` (tsc), never run.
export function typeTests(chart: Chart): void {
  const mysql = db(chart);
  new NetworkPolicy(chart, 'a', { selector: mysql, ingress: [{ ports: [{ port: 'mysql' }, { port: 3306 }] }] });
  // @ts-expect-error a port name the selected Pods do not declare
  new NetworkPolicy(chart, 'b', { selector: mysql, ingress: [{ ports: [{ port: 'postgres' }] }] });
  // @ts-expect-error policy types are a closed set
  new NetworkPolicy(chart, 'c', { selector: mysql, policyTypes: ['Both'] });
}
