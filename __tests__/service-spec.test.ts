import * as os from 'os';
import * as path from 'path';
import { Chart, JsonPatch } from 'cdk8s';
import { App, Container, Deployment, Pod, Service, ServiceProps } from '../lib';
import { problemsOf } from './_problems';
import { newChart, synthObjects } from './_support';

// The API server's checks of a Service's spec (lib/validation/service-spec.ts):
// each invalid case with its exact message, and a valid twin that synthesizes.

const web = () => new Container({ name: 'web', image: 'nginx:1.27', ports: { http: 80, metrics: 9113 } });
const target = (chart: Chart) => new Deployment(chart, 'web', { template: { labels: { app: 'web' }, containers: [web()] } });
type Extra = Omit<ServiceProps<'http' | 'metrics'>, 'target'>;

/** The problems of a Service with the given props (one http port unless given). */
function serviceProblems(props: Extra, patch?: (service: Service) => void): string[] {
  return problemsOf((chart) => {
    const service = new Service(chart, 'svc', { ports: [{ port: 80, targetPort: 'http' }], ...props, target: target(chart) });
    patch?.(service);
  });
}

/** The spec of a Service with the given props, which must synthesize. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function validSpec(props: Extra, patch?: (service: Service) => void): any {
  const chart = newChart();
  const service = new Service(chart, 'svc', { ports: [{ port: 80, targetPort: 'http' }], ...props, target: target(chart) });
  patch?.(service);
  return synthObjects(chart)[1].spec;
}

describe('Service type and ports', () => {
  test('an unknown type, protocol or target port form fails; a number or port name as target passes', () => {
    // Neither port is declared by a container either; that rule is another's (service-target-port-declared).
    const problems = serviceProblems({ type: 'Nodeport' as never, ports: [{ name: 'a', port: 80, targetPort: '8080' as never, protocol: 'tcp' as never }, { name: 'b', port: 81, targetPort: 70000 }] });
    expect(problems.filter((line) => !line.endsWith('(service-target-port-declared)'))).toEqual([
      'spec.type: Service type "Nodeport" is not supported; the values are "ClusterIP", "NodePort", "LoadBalancer", "ExternalName". Fix: write "NodePort" (supported-value)',
      'spec.ports[0].protocol: protocol "tcp" is not supported; the values are "TCP", "UDP", "SCTP". Fix: write "TCP" (supported-value)',
      'spec.ports[0].targetPort: targetPort "8080" is not a port name: it must hold at least one letter. Fix: target a container port by its number (1–65535), written without quotes, or by its name (service-target-port-valid)',
      'spec.ports[1].targetPort: targetPort 70000 is not a port number from 1 to 65535. Fix: target a container port by its number (1–65535), written without quotes, or by its name (service-target-port-valid)',
    ]);
    expect(validSpec({ type: 'NodePort', ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }, { name: 'udp', port: 81, targetPort: 80, protocol: 'UDP' }] }).type).toBe('NodePort');
  });

  test('values passed untyped are quoted as they were given', () => {
    const problems = serviceProblems({ ports: [{ name: 'a', port: '80' as never, targetPort: 'http' }, { name: 'b', port: NaN, targetPort: 'http' }] });
    expect(problems.filter((line) => line.endsWith('(service-port-valid)'))).toEqual([
      'spec.ports[0].port: port is "80"; it must be a whole number from 1 to 65535. Fix: use a port number from 1 to 65535 (service-port-valid)',
      'spec.ports[1].port: port is NaN; it must be a whole number from 1 to 65535. Fix: use a port number from 1 to 65535 (service-port-valid)',
    ]);
  });

  test('appProtocol is a qualified name', () => {
    expect(serviceProblems({ ports: [{ port: 80, targetPort: 'http', appProtocol: 'HTTP/2' }] })).toEqual([
      'spec.ports[0].appProtocol: appProtocol "HTTP/2" has a prefix "HTTP" that must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: use an IANA service name such as "http" or "grpc", or a prefixed name such as "kubernetes.io/h2c" (service-app-protocol)',
    ]);
    expect(validSpec({ ports: [{ port: 80, targetPort: 'http', appProtocol: 'kubernetes.io/h2c' }] }).ports[0].appProtocol).toBe('kubernetes.io/h2c');
  });

  test('a LoadBalancer may not listen on the kubelet port 10250; it may target it', () => {
    expect(serviceProblems({ type: 'LoadBalancer', ports: [{ port: 10250, targetPort: 'http' }] })).toEqual([
      'spec.ports[0].port: a LoadBalancer Service may not expose port 10250, which the kubelet of every node uses. Fix: listen on another port, and set targetPort: 10250 if the Pods serve on it (service-kubelet-port)',
    ]);
    expect(validSpec({ ports: [{ port: 10250, targetPort: 'http' }] }).ports[0].port).toBe(10250);
  });

  test('a nodePort of 0 is unset, on any type', () => {
    expect(validSpec({ ports: [{ port: 80, targetPort: 'http', nodePort: 0 }] }).ports[0].nodePort).toBe(0);
    expect(validSpec({ type: 'NodePort', ports: [{ name: 'a', port: 80, targetPort: 'http', nodePort: 0 }, { name: 'b', port: 81, targetPort: 'http', nodePort: 0 }] }).type).toBe('NodePort');
  });
});

describe('node port range', () => {
  test('a nodePort outside 30000-32767 fails by default', () => {
    expect(serviceProblems({ type: 'NodePort', ports: [{ port: 80, targetPort: 'http', nodePort: 8080 }] })).toEqual([
      'spec.ports[0].nodePort: nodePort 8080 is outside the cluster\'s node port range 30000-32767. Fix: pick a port from 30000 to 32767, leave nodePort out to let Kubernetes pick one, or set "serviceNodePortRange" in peapod.config.json to your cluster\'s --service-node-port-range (service-node-port-range)',
    ]);
    expect(validSpec({ type: 'NodePort', ports: [{ port: 80, targetPort: 'http', nodePort: 32767 }] }).ports[0].nodePort).toBe(32767);
  });

  test('the range is the project configuration\'s serviceNodePortRange', () => {
    const problems = (range: string, nodePort: number) => {
      const chart = new Chart(new App({ outdir: path.join(os.tmpdir(), 'peapod-never-written'), config: { serviceNodePortRange: range } }), 'c');
      new Service(chart, 'svc', { type: 'LoadBalancer', target: target(chart), ports: [{ port: 80, targetPort: 'http', nodePort }] });
      return chart.node.findAll().flatMap((c) => c.node.validate());
    };
    expect(problems('8000-9000', 8080)).toEqual([]);
    expect(problems('8000-9000', 30080)).toEqual([
      'spec.ports[0].nodePort: nodePort 30080 is outside the cluster\'s node port range 8000-9000. Fix: pick a port from 8000 to 9000, leave nodePort out to let Kubernetes pick one, or set "serviceNodePortRange" in peapod.config.json to your cluster\'s --service-node-port-range (service-node-port-range)',
    ]);
  });

  test('a configured range that is not one fails synth with the configuration error', () => {
    const app = new App({ outdir: path.join(os.tmpdir(), 'peapod-never-written'), config: { serviceNodePortRange: '9000-8000' } });
    expect(app.projectRules.serviceNodePortRange).toBeUndefined();
    expect(() => app.synth()).toThrow('[App config] serviceNodePortRange: "9000-8000" is not a port range such as "30000-32767"');
  });
});

describe('ExternalName', () => {
  test('needs an externalName that is a DNS subdomain, and no cluster IP', () => {
    expect(serviceProblems({ type: 'ExternalName', headless: true })).toEqual([
      'spec.externalName: an ExternalName Service needs externalName, the DNS name it is an alias for. Fix: set externalName to a host name such as "db.example.com", and remove headless and the IP fields (service-external-name)',
      'spec.clusterIP: clusterIP "None" is set on an ExternalName Service, which has no cluster IP. Fix: set externalName to a host name such as "db.example.com", and remove headless and the IP fields (service-external-name)',
    ]);
    expect(serviceProblems({ type: 'ExternalName', externalName: 'DB_host.example.com', ipFamilyPolicy: 'SingleStack' })).toEqual([
      'spec.externalName: externalName "DB_host.example.com" must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: set externalName to a host name such as "db.example.com", and remove headless and the IP fields (service-external-name)',
      'spec.ipFamilyPolicy: ipFamilyPolicy "SingleStack" is set on an ExternalName Service, which has no cluster IP. Fix: set externalName to a host name such as "db.example.com", and remove headless and the IP fields (service-external-name)',
    ]);
  });

  test('a fully qualified name with a trailing dot, and no ports, synthesizes', () => {
    expect(validSpec({ type: 'ExternalName', externalName: 'db.example.com.', ports: [] })).toEqual({ type: 'ExternalName', externalName: 'db.example.com.', selector: { app: 'web' } });
  });
});

describe('traffic policies and the health check port', () => {
  test('policy values', () => {
    expect(serviceProblems({ type: 'NodePort', externalTrafficPolicy: 'local' as never, internalTrafficPolicy: 'Node' as never })).toEqual([
      'spec.externalTrafficPolicy: externalTrafficPolicy "local" is not supported; the values are "Cluster", "Local". Fix: write "Local" (supported-value)',
      'spec.internalTrafficPolicy: internalTrafficPolicy "Node" is not supported; the values are "Cluster", "Local". Fix: use one of the listed values (supported-value)',
    ]);
    expect(validSpec({ internalTrafficPolicy: 'Local' }).internalTrafficPolicy).toBe('Local');
  });

  test('externalTrafficPolicy is allowed on a ClusterIP Service with externalIPs, which takes outside traffic', () => {
    expect(validSpec({ externalIPs: ['203.0.113.7'], externalTrafficPolicy: 'Local' })).toMatchObject({ externalIPs: ['203.0.113.7'], externalTrafficPolicy: 'Local' });
  });

  test('healthCheckNodePort only on a LoadBalancer with the Local policy, in the node port range', () => {
    expect(serviceProblems({ type: 'LoadBalancer', healthCheckNodePort: 31000 })).toEqual([
      "spec.healthCheckNodePort: healthCheckNodePort 31000 is set, but the Service is of type LoadBalancer with externalTrafficPolicy Cluster. Fix: leave healthCheckNodePort out to let Kubernetes pick one, or set type: 'LoadBalancer' and externalTrafficPolicy: 'Local' (service-health-check-node-port)",
    ]);
    expect(serviceProblems({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 70000 })).toEqual([
      'spec.healthCheckNodePort: healthCheckNodePort 70000 is not a port number from 1 to 65535. Fix: leave healthCheckNodePort out to let Kubernetes pick one, or set type: \'LoadBalancer\' and externalTrafficPolicy: \'Local\' (service-health-check-node-port)',
    ]);
    expect(serviceProblems({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 10256 })).toEqual([
      'spec.healthCheckNodePort: healthCheckNodePort 10256 is outside the cluster\'s node port range 30000-32767. Fix: pick a port from 30000 to 32767, leave healthCheckNodePort out to let Kubernetes pick one, or set "serviceNodePortRange" in peapod.config.json to your cluster\'s --service-node-port-range (service-node-port-range)',
    ]);
    expect(validSpec({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 31000 }).healthCheckNodePort).toBe(31000);
  });
});

describe('session affinity', () => {
  test('a timeout needs ClientIP affinity, and is from 1 to 86400', () => {
    expect(serviceProblems({ sessionAffinityTimeoutSeconds: 600 })).toEqual([
      "spec.sessionAffinityConfig: a session affinity timeout (sessionAffinityConfig) is set, but sessionAffinity is None. Fix: set sessionAffinity: 'ClientIP' with a timeout from 1 to 86400 seconds (a day), or remove the timeout (sessionAffinityTimeoutSeconds) (service-session-affinity-config)",
    ]);
    expect(serviceProblems({ sessionAffinity: 'ClientIP', sessionAffinityTimeoutSeconds: 86401 })).toEqual([
      "spec.sessionAffinityConfig.clientIP.timeoutSeconds: timeoutSeconds is 86401; it must be a whole number from 1 to 86400. Fix: set sessionAffinity: 'ClientIP' with a timeout from 1 to 86400 seconds (a day), or remove the timeout (sessionAffinityTimeoutSeconds) (service-session-affinity-config)",
    ]);
    expect(serviceProblems({ sessionAffinity: 'Sticky' as never })).toEqual([
      'spec.sessionAffinity: sessionAffinity "Sticky" is not supported; the values are "None", "ClientIP". Fix: use one of the listed values (supported-value)',
    ]);
    expect(validSpec({ sessionAffinity: 'ClientIP', sessionAffinityTimeoutSeconds: 86400 })).toMatchObject({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86400 } } });
  });
});

describe('load balancer fields', () => {
  test('are only for LoadBalancer Services', () => {
    expect(serviceProblems({ loadBalancerSourceRanges: ['10.0.0.0/8'], allocateLoadBalancerNodePorts: false, loadBalancerClass: 'example.com/vip' })).toEqual([
      `spec.loadBalancerSourceRanges: ["10.0.0.0/8"] is set on a Service of type ClusterIP; it is only for LoadBalancer Services. Fix: set type: 'LoadBalancer', or remove the field (service-load-balancer-field)`,
      `spec.allocateLoadBalancerNodePorts: false is set on a Service of type ClusterIP; it is only for LoadBalancer Services. Fix: set type: 'LoadBalancer', or remove the field (service-load-balancer-field)`,
      `spec.loadBalancerClass: "example.com/vip" is set on a Service of type ClusterIP; it is only for LoadBalancer Services. Fix: set type: 'LoadBalancer', or remove the field (service-load-balancer-field)`,
    ]);
    expect(validSpec({ type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/8', ' 203.0.113.7/32', 'fd00::/64'], allocateLoadBalancerNodePorts: false, loadBalancerClass: 'example.com/vip' })).toMatchObject({
      loadBalancerSourceRanges: ['10.0.0.0/8', ' 203.0.113.7/32', 'fd00::/64'],
      allocateLoadBalancerNodePorts: false,
      loadBalancerClass: 'example.com/vip',
    });
  });

  test('source ranges are CIDRs, in the field or the annotation; the class is a qualified name', () => {
    expect(serviceProblems({ type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.1', '10.0.0.0/33'], loadBalancerClass: 'vip_' })).toEqual([
      'spec.loadBalancerSourceRanges[0]: source range "10.0.0.1" is not a CIDR. Fix: write each range as an address and a prefix length, such as "203.0.113.0/24" (a single address is "/32"); the annotation takes a comma-separated list (service-source-ranges)',
      'spec.loadBalancerSourceRanges[1]: source range "10.0.0.0/33" is not a CIDR. Fix: write each range as an address and a prefix length, such as "203.0.113.0/24" (a single address is "/32"); the annotation takes a comma-separated list (service-source-ranges)',
      'spec.loadBalancerClass: loadBalancerClass "vip_" has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: use the class name your load balancer controller documents, such as "example.com/internal-vip" (service-load-balancer-class)',
    ]);
    const annotations = { 'service.beta.kubernetes.io/load-balancer-source-ranges': '10.0.0.0/8, office' };
    expect(serviceProblems({ annotations })).toEqual([
      `metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: "10.0.0.0/8, office" is set on a Service of type ClusterIP; it is only for LoadBalancer Services. Fix: set type: 'LoadBalancer', or remove the field (service-load-balancer-field)`,
      'metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: source ranges "10.0.0.0/8, office" hold "office", not CIDRs. Fix: write each range as an address and a prefix length, such as "203.0.113.0/24" (a single address is "/32"); the annotation takes a comma-separated list (service-source-ranges)',
    ]);
    expect(validSpec({ type: 'LoadBalancer', annotations: { 'service.beta.kubernetes.io/load-balancer-source-ranges': '10.0.0.0/8, 192.168.0.0/16' } }).type).toBe('LoadBalancer');
  });
});

describe('cluster IPs and IP families', () => {
  const clusterIPs = (ips: string[], clusterIP?: string) => (service: Service) => {
    // Patches apply to the manifest, spelt as the manifest spells it.
    if (clusterIP !== undefined) {
      service.apiObject.addJsonPatch(JsonPatch.add('/spec/clusterIP', clusterIP));
    }
    service.apiObject.addJsonPatch(JsonPatch.add('/spec/clusterIPs', ips));
  };

  test('clusterIPs must start with clusterIP, and needs it', () => {
    expect(serviceProblems({}, clusterIPs(['10.0.0.2'], '10.0.0.1'))).toEqual([
      'spec.clusterIPs: the first of clusterIPs ["10.0.0.2"] must be clusterIP "10.0.0.1". Fix: give clusterIP and clusterIPs the same first address, and at most one IPv4 and one IPv6 address in the order of ipFamilies (or "None" alone for a headless Service); or leave them out to let Kubernetes pick (service-cluster-ip)',
    ]);
    expect(serviceProblems({}, clusterIPs(['10.0.0.2']))).toEqual([
      'spec.clusterIPs: clusterIPs ["10.0.0.2"] is set but clusterIP is not. Fix: give clusterIP and clusterIPs the same first address, and at most one IPv4 and one IPv6 address in the order of ipFamilies (or "None" alone for a headless Service); or leave them out to let Kubernetes pick (service-cluster-ip)',
    ]);
  });

  test('addresses are valid, None alone, at most one of each family, in the order of ipFamilies', () => {
    expect(serviceProblems({}, clusterIPs(['None', '10.0.0.1'], 'None'))).toEqual([
      'spec.clusterIPs: "None" must be the only cluster IP, but clusterIPs is ["None","10.0.0.1"]. Fix: give clusterIP and clusterIPs the same first address, and at most one IPv4 and one IPv6 address in the order of ipFamilies (or "None" alone for a headless Service); or leave them out to let Kubernetes pick (service-cluster-ip)',
    ]);
    expect(serviceProblems({}, clusterIPs(['10.0.0.300'], '10.0.0.300'))).toEqual([
      'spec.clusterIPs[0]: cluster IP "10.0.0.300" is not a valid IP address. Fix: give clusterIP and clusterIPs the same first address, and at most one IPv4 and one IPv6 address in the order of ipFamilies (or "None" alone for a headless Service); or leave them out to let Kubernetes pick (service-cluster-ip)',
    ]);
    expect(serviceProblems({ ipFamilyPolicy: 'PreferDualStack' }, clusterIPs(['10.0.0.1', '10.0.0.2', 'fd00::1'], '10.0.0.1'))).toEqual([
      'spec.clusterIPs: clusterIPs holds 3 addresses; at most 2 are allowed, one of each family. Fix: give clusterIP and clusterIPs the same first address, and at most one IPv4 and one IPv6 address in the order of ipFamilies (or "None" alone for a headless Service); or leave them out to let Kubernetes pick (service-cluster-ip)',
    ]);
    expect(serviceProblems({ ipFamilyPolicy: 'PreferDualStack' }, clusterIPs(['10.0.0.1', '10.0.0.2'], '10.0.0.1'))).toEqual([
      'spec.clusterIPs: clusterIPs ["10.0.0.1","10.0.0.2"] are all IPv4; a Service has at most one IP of each family. Fix: give clusterIP and clusterIPs the same first address, and at most one IPv4 and one IPv6 address in the order of ipFamilies (or "None" alone for a headless Service); or leave them out to let Kubernetes pick (service-cluster-ip)',
    ]);
    expect(serviceProblems({ ipFamilies: ['IPv6', 'IPv4'], ipFamilyPolicy: 'RequireDualStack' }, clusterIPs(['10.0.0.1', 'fd00::1'], '10.0.0.1'))).toEqual([
      'spec.clusterIPs[0]: cluster IP "10.0.0.1" is IPv4, but ipFamilies[0] is IPv6. Fix: give clusterIP and clusterIPs the same first address, and at most one IPv4 and one IPv6 address in the order of ipFamilies (or "None" alone for a headless Service); or leave them out to let Kubernetes pick (service-cluster-ip)',
      'spec.clusterIPs[1]: cluster IP "fd00::1" is IPv6, but ipFamilies[1] is IPv4. Fix: give clusterIP and clusterIPs the same first address, and at most one IPv4 and one IPv6 address in the order of ipFamilies (or "None" alone for a headless Service); or leave them out to let Kubernetes pick (service-cluster-ip)',
    ]);
    const spec = validSpec({ ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'RequireDualStack' }, clusterIPs(['10.96.0.10', 'fd00:10:96::a'], '10.96.0.10'));
    expect(spec).toMatchObject({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00:10:96::a'], ipFamilies: ['IPv4', 'IPv6'] });
    expect(validSpec({ headless: true, ipFamilies: ['IPv6'] }).clusterIP).toBe('None');
  });

  test('a fixed clusterIP is rendered and checked; with headless it throws at once', () => {
    expect(serviceProblems({ clusterIP: '10.96.0.300' })).toEqual([
      'spec.clusterIP: cluster IP "10.96.0.300" is not a valid IP address. Fix: give clusterIP and clusterIPs the same first address, and at most one IPv4 and one IPv6 address in the order of ipFamilies (or "None" alone for a headless Service); or leave them out to let Kubernetes pick (service-cluster-ip)',
    ]);
    expect(validSpec({ clusterIP: '10.96.0.10' }).clusterIP).toBe('10.96.0.10');
    expect(() => new Service(newChart(), 'dns', { headless: true, clusterIP: '10.96.0.10', target: target(newChart()) })).toThrow(
      'Service test/dns: headless means no cluster IP, but clusterIP is "10.96.0.10"; keep one of the two',
    );
  });

  test('families are known and listed once; SingleStack takes one', () => {
    expect(serviceProblems({ ipFamilies: ['IPv4', 'IPv4', 'ipv6' as never], ipFamilyPolicy: 'SingleStack' })).toEqual([
      'spec.ipFamilies[1]: IP family "IPv4" is listed twice. Fix: list each family once, and set ipFamilyPolicy to \'PreferDualStack\' or \'RequireDualStack\' for two families or two cluster IPs (service-ip-families)',
      'spec.ipFamilies[2]: IP family "ipv6" is not supported; the values are "IPv4", "IPv6". Fix: write "IPv6" (supported-value)',
      "spec.ipFamilyPolicy: ipFamilyPolicy is SingleStack, but ipFamilies lists 3 families. Fix: list each family once, and set ipFamilyPolicy to 'PreferDualStack' or 'RequireDualStack' for two families or two cluster IPs (service-ip-families)",
    ]);
    expect(serviceProblems({ ipFamilyPolicy: 'SingleStack' }, clusterIPs(['10.0.0.1', 'fd00::1'], '10.0.0.1'))).toEqual([
      "spec.ipFamilyPolicy: ipFamilyPolicy is SingleStack, but clusterIPs holds 2 addresses. Fix: list each family once, and set ipFamilyPolicy to 'PreferDualStack' or 'RequireDualStack' for two families or two cluster IPs (service-ip-families)",
    ]);
    expect(validSpec({ ipFamilies: ['IPv6'], ipFamilyPolicy: 'SingleStack' }).ipFamilyPolicy).toBe('SingleStack');
  });
});

describe('external IPs', () => {
  test('are valid addresses that route: not unspecified, loopback or link-local', () => {
    expect(serviceProblems({ externalIPs: ['0.0.0.0', '127.0.0.53', '169.254.169.254', '224.0.0.251', '::1', 'fe80::1', 'ff02::fb', '10.0.0', '2001:db8::1::2'] })).toEqual([
      'spec.externalIPs[0]: external IP "0.0.0.0" is unspecified (all zeros). Fix: use an address that routes to a node of the cluster (service-external-ip)',
      'spec.externalIPs[1]: external IP "127.0.0.53" is in the loopback range (127.0.0.0/8). Fix: use an address that routes to a node of the cluster (service-external-ip)',
      'spec.externalIPs[2]: external IP "169.254.169.254" is in the link-local range (169.254.0.0/16). Fix: use an address that routes to a node of the cluster (service-external-ip)',
      'spec.externalIPs[3]: external IP "224.0.0.251" is in the link-local multicast range (224.0.0.0/24). Fix: use an address that routes to a node of the cluster (service-external-ip)',
      'spec.externalIPs[4]: external IP "::1" is the loopback address (::1). Fix: use an address that routes to a node of the cluster (service-external-ip)',
      'spec.externalIPs[5]: external IP "fe80::1" is in the link-local range (fe80::/10). Fix: use an address that routes to a node of the cluster (service-external-ip)',
      'spec.externalIPs[6]: external IP "ff02::fb" is in the link-local multicast range (ff02::/16). Fix: use an address that routes to a node of the cluster (service-external-ip)',
      'spec.externalIPs[7]: external IP "10.0.0" is not a valid IP address. Fix: use an address that routes to a node of the cluster (service-external-ip)',
      'spec.externalIPs[8]: external IP "2001:db8::1::2" is not a valid IP address. Fix: use an address that routes to a node of the cluster (service-external-ip)',
    ]);
    // Go's sloppy parser takes leading zeros; an IPv4-mapped address is IPv4.
    expect(validSpec({ externalIPs: ['203.0.113.7', '010.001.002.003', '2001:db8::7', '::ffff:198.51.100.1'] }).externalIPs).toHaveLength(4);
  });
});

describe('topology annotations', () => {
  test('topology-mode and the older topology-aware-hints agree when both are set', () => {
    const annotations = { 'service.kubernetes.io/topology-mode': 'Auto', 'service.kubernetes.io/topology-aware-hints': 'auto' };
    expect(serviceProblems({ annotations })).toEqual([
      'metadata.annotations[service.kubernetes.io/topology-mode]: service.kubernetes.io/topology-mode is "Auto" but service.kubernetes.io/topology-aware-hints is "auto". Fix: remove service.kubernetes.io/topology-aware-hints, which service.kubernetes.io/topology-mode replaces, or give both the same value (service-topology-annotations)',
    ]);
    expect(validSpec({ annotations: { 'service.kubernetes.io/topology-mode': 'Auto', 'service.kubernetes.io/topology-aware-hints': 'Auto' } }).type).toBeUndefined();
  });
});

describe('metadata of a Service', () => {
  test('a namespace that is not a DNS label fails; the Service name rule applies to generateName', () => {
    const app = new App();
    const chart = new Chart(app, 'c', { namespace: 'Team_A' });
    const service = new Service(chart, 'svc', { target: target(chart), ports: [{ port: 80, targetPort: 'http' }] });
    service.apiObject.addJsonPatch(JsonPatch.add('/metadata/generateName', '1st-'));
    expect(service.node.validate()).toEqual([
      'metadata.namespace: namespace "Team_A" must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: use a DNS-1123 label such as "team-a" as the chart\'s namespace (object-namespace)',
      'metadata.generateName: generateName "1st-" is not a DNS-1035 label. Fix: use a prefix that is a valid name of the kind followed by "-", such as "web-" (object-generate-name)',
    ]);
    // The same of a Pod, a ConfigMap, a workload: ValidateObjectMeta is every kind's.
    const pod = new Pod(chart, 'pod', { containers: [web()] });
    expect(pod.node.validate()).toEqual([
      'metadata.namespace: namespace "Team_A" must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: use a DNS-1123 label such as "team-a" as the chart\'s namespace (object-namespace)',
    ]);
    const valid = new Chart(new App(), 'c', { namespace: 'team-a' });
    const ok = new Service(valid, 'svc', { target: target(valid), ports: [{ port: 80, targetPort: 'http' }] });
    ok.apiObject.addJsonPatch(JsonPatch.add('/metadata/generateName', 'web-'));
    expect(synthObjects(valid)[1].metadata).toEqual({ name: 'svc', namespace: 'team-a', generateName: 'web-' });
  });
});
