import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { PROTOCOLS } from '../port';
import { quoteValue } from './_integer';
import { isCidr, parseIp, ParsedIp, specialIpError } from './_ip';
import { checkEnum } from './container-spec';
import { dns1123SubdomainError, portNameError, qualifiedNameError } from './names';
import { RuleReport } from './problem';
import { defineRules, fixNaming, PortRange, ruleIn } from './rules';

/**
 * The API server's checks of a Service's spec beyond its ports' names and
 * numbers (those are in `service.ts`): `ValidateService`,
 * `validateServicePort`, `validateServiceExternalTrafficPolicy`,
 * `validateServiceInternalTrafficFieldsValue`, `validateClientIPAffinityConfig`,
 * `ValidateServiceClusterIPsRelatedFields`, `validateLoadBalancerClassField`
 * and `ValidateNonSpecialIP` of `pkg/apis/core/validation/validation.go`,
 * and the node port allocator's range. Each reads the manifest after
 * defaulting, as the API server does: a field left out takes its default.
 */

const SERVICE_DOCS = 'https://kubernetes.io/docs/concepts/services-networking/service/';

/** How a Service is reached; `ExternalName` is a DNS alias (a CNAME) with no proxying. */
export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;
/** Where a Service sends traffic that arrives on a node (external) or from a Pod (internal). */
export const TRAFFIC_POLICIES = ['Cluster', 'Local'] as const;
/** How a Service picks a Pod for a client. */
export const SESSION_AFFINITIES = ['None', 'ClientIP'] as const;
/** The IP families of a Service's cluster IPs. */
export const IP_FAMILIES = ['IPv4', 'IPv6'] as const;
/** How many IP families a Service asks for. */
export const IP_FAMILY_POLICIES = ['SingleStack', 'PreferDualStack', 'RequireDualStack'] as const;

/** The kubelet's port, which a LoadBalancer Service may not expose. */
const KUBELET_PORT = 10250;
/** The longest ClientIP session affinity, in seconds (a day). */
const MAX_AFFINITY_SECONDS = 86400;
/** The node port range of a cluster that does not set `--service-node-port-range`. */
export const DEFAULT_NODE_PORT_RANGE: PortRange = { min: 30000, max: 32767 };
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
const TOPOLOGY_HINTS = 'service.kubernetes.io/topology-aware-hints';

/** The rules of a Service's spec that mirror the API server, besides those of `service.ts`. */
export const SERVICE_SPEC_RULES = defineRules([
  {
    id: 'service-target-port-valid',
    severity: 'error',
    category: 'api-server',
    summary: 'A Service port\'s `targetPort` is a port number from 1 to 65535 or a port name (an IANA service name).',
    why: 'The API server refuses any other target port ("must be between 1 and 65535, inclusive", or the rules of a port name).',
    fix: 'Target a container port by its number (1–65535), written without quotes, or by its name.',
    see: SERVICE_DOCS,
  },
  {
    id: 'service-app-protocol',
    severity: 'error',
    category: 'api-server',
    summary: '`appProtocol` is a qualified name: `http`, `kubernetes.io/h2c`, `example.com/custom`.',
    why: 'The API server checks `appProtocol` as it checks label keys and refuses anything else.',
    fix: 'Use an IANA service name such as "http" or "grpc", or a prefixed name such as "kubernetes.io/h2c".',
    see: 'https://kubernetes.io/docs/concepts/services-networking/service/#application-protocol',
  },
  {
    id: 'service-node-port-range',
    severity: 'error',
    category: 'api-server',
    summary: 'A `nodePort` or `healthCheckNodePort` is in the cluster\'s node port range: 30000–32767 unless `serviceNodePortRange` in peapod.config.json says otherwise.',
    why: 'The API server allocates node ports from its `--service-node-port-range` and refuses others ("provided port is not in the valid range").',
    ...fixNaming(
      (min: string, max: string, field: string) =>
        `pick a port from ${min} to ${max}, leave ${field} out to let Kubernetes pick one, or set "serviceNodePortRange" in peapod.config.json to your cluster's --service-node-port-range`,
      ['the first', 'the last port of the range', 'the field'],
    ),
    see: 'https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport',
  },
  {
    id: 'service-kubelet-port',
    severity: 'error',
    category: 'api-server',
    summary: 'A LoadBalancer Service does not listen on port 10250.',
    why: 'The API server refuses it ("may not expose port 10250 externally since it is used by kubelet").',
    fix: `Listen on another port, and set targetPort: ${KUBELET_PORT} if the Pods serve on it.`,
  },
  {
    id: 'service-external-name',
    severity: 'error',
    category: 'api-server',
    summary: 'An ExternalName Service has an `externalName` that is a DNS-1123 subdomain (a trailing dot is allowed), and no cluster IPs, `ipFamilies` or `ipFamilyPolicy`.',
    why: 'The API server requires the name and refuses the IP fields ("may not be set for ExternalName services"): the Service is only a DNS alias.',
    fix: 'Set externalName to a host name such as "db.example.com", and remove headless and the IP fields.',
    see: 'https://kubernetes.io/docs/concepts/services-networking/service/#externalname',
  },
  {
    id: 'service-health-check-node-port',
    severity: 'error',
    category: 'api-server',
    summary: '`healthCheckNodePort` is set only on a LoadBalancer Service with `externalTrafficPolicy: Local`, and is a port from 1 to 65535.',
    why: 'The API server refuses it elsewhere ("may only be set when `type` is \'LoadBalancer\' and `externalTrafficPolicy` is \'Local\'").',
    fix: "Leave healthCheckNodePort out to let Kubernetes pick one, or set type: 'LoadBalancer' and externalTrafficPolicy: 'Local'.",
  },
  {
    id: 'service-session-affinity-config',
    severity: 'error',
    category: 'api-server',
    summary: '`sessionAffinityConfig` is set only with `sessionAffinity: ClientIP`, and its `timeoutSeconds` is from 1 to 86400.',
    why: 'The API server refuses a configuration without ClientIP affinity ("must not be set when session affinity is None") and a timeout out of range.',
    fix: `Set sessionAffinity: 'ClientIP' with a timeout from 1 to ${MAX_AFFINITY_SECONDS} seconds (a day), or remove the timeout (sessionAffinityTimeoutSeconds).`,
    see: 'https://kubernetes.io/docs/reference/networking/virtual-ips/#session-affinity',
  },
  {
    id: 'service-load-balancer-field',
    severity: 'error',
    category: 'api-server',
    summary: '`loadBalancerSourceRanges` (and its annotation), `allocateLoadBalancerNodePorts` and `loadBalancerClass` are set only on a LoadBalancer Service.',
    why: 'The API server refuses them on other types ("may only be used when `type` is \'LoadBalancer\'").',
    fix: "Set type: 'LoadBalancer', or remove the field.",
  },
  {
    id: 'service-source-ranges',
    severity: 'error',
    category: 'api-server',
    summary: 'Each of `loadBalancerSourceRanges` (or of the comma-separated annotation) is a CIDR such as `10.0.0.0/8`.',
    why: 'The API server refuses the Service ("must be a list of IP ranges").',
    fix: 'Write each range as an address and a prefix length, such as "203.0.113.0/24" (a single address is "/32"); the annotation takes a comma-separated list.',
    see: 'https://kubernetes.io/docs/tasks/access-application-cluster/configure-cloud-provider-firewall/',
  },
  {
    id: 'service-load-balancer-class',
    severity: 'error',
    category: 'api-server',
    summary: '`loadBalancerClass` is a qualified name, such as `example.com/internal-vip`.',
    why: 'The API server checks it as it checks label keys.',
    fix: 'Use the class name your load balancer controller documents, such as "example.com/internal-vip".',
    see: 'https://kubernetes.io/docs/concepts/services-networking/service/#load-balancer-class',
  },
  {
    id: 'service-cluster-ip',
    severity: 'error',
    category: 'api-server',
    summary: '`clusterIP` and `clusterIPs` are valid IPs (or `None`, first and alone), agree with each other, hold at most one IP of each family and match `ipFamilies`.',
    why: 'The API server refuses the Service (such as "first value must match `clusterIP`", "may specify no more than one IP for each IP family").',
    fix: 'Give clusterIP and clusterIPs the same first address, and at most one IPv4 and one IPv6 address in the order of ipFamilies (or "None" alone for a headless Service); or leave them out to let Kubernetes pick.',
    see: 'https://kubernetes.io/docs/concepts/services-networking/dual-stack/',
  },
  {
    id: 'service-ip-families',
    severity: 'error',
    category: 'api-server',
    summary: '`ipFamilies` holds `IPv4` and `IPv6` at most once each, and `ipFamilyPolicy: SingleStack` comes with one family and one cluster IP.',
    why: 'The API server refuses repeated families, and a SingleStack policy with two (it asks for "RequireDualStack or PreferDualStack").',
    fix: "List each family once, and set ipFamilyPolicy to 'PreferDualStack' or 'RequireDualStack' for two families or two cluster IPs.",
    see: 'https://kubernetes.io/docs/concepts/services-networking/dual-stack/',
  },
  {
    id: 'service-topology-annotations',
    severity: 'error',
    category: 'api-server',
    summary: 'The annotations `service.kubernetes.io/topology-mode` and the older `service.kubernetes.io/topology-aware-hints` agree when both are set.',
    why: 'The API server refuses the Service when they differ ("must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified").',
    fix: `Remove ${TOPOLOGY_HINTS}, which ${TOPOLOGY_MODE} replaces, or give both the same value.`,
    see: 'https://kubernetes.io/docs/concepts/services-networking/topology-aware-routing/',
  },
  {
    id: 'service-external-ip',
    severity: 'error',
    category: 'api-server',
    summary: 'Each of `externalIPs` is a valid IP that is not unspecified, loopback or link-local.',
    why: 'The API server refuses other addresses ("must be a valid IP address", "may not be in the loopback range").',
    fix: 'Use an address that routes to a node of the cluster.',
    see: 'https://kubernetes.io/docs/concepts/services-networking/service/#external-ips',
  },
]);

const NODE_PORT_RANGE = ruleIn(SERVICE_SPEC_RULES, 'service-node-port-range');

/** What a Service spec's validation needs besides the manifest. */
export interface ServiceSpecSettings {
  /**
   * The cluster's node port range.
   * @default DEFAULT_NODE_PORT_RANGE
   */
  readonly nodePortRange?: PortRange;
}

type ServiceSpec = Unvalidated<k8s.ServiceSpec>;

/** Checks the fields of a rendered Service's spec that `validateService` does not, and records every problem in `report`. */
export function validateServiceSpec(manifest: Unvalidated<k8s.KubeServiceProps>, settings: ServiceSpecSettings, report: RuleReport): void {
  const spec = manifest.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  const range = settings.nodePortRange ?? DEFAULT_NODE_PORT_RANGE;
  const annotations = manifest.metadata?.annotations ?? {};
  checkEnum(spec.type, SERVICE_TYPES, 'spec.type', 'Service type', report);
  validatePorts(spec, type, range, report);
  if (type === 'ExternalName') {
    validateExternalName(spec, report);
  } else {
    validateClusterIps(spec, report);
  }
  validateTrafficPolicies(spec, type, range, report);
  validateSessionAffinity(spec, report);
  validateLoadBalancerFields(spec, annotations, type, report);
  const [mode, hints] = [annotations[TOPOLOGY_MODE], annotations[TOPOLOGY_HINTS]];
  if (mode !== undefined && hints !== undefined && mode !== hints) {
    report.error(
      'service-topology-annotations',
      `metadata.annotations[${TOPOLOGY_MODE}]`,
      `${TOPOLOGY_MODE} is ${JSON.stringify(mode)} but ${TOPOLOGY_HINTS} is ${JSON.stringify(hints)}`,
    );
  }
  (spec.externalIPs ?? []).forEach((value, i) => {
    const ip = parseIp(value);
    const wrong = ip === undefined ? 'is not a valid IP address' : specialIpError(ip);
    if (wrong !== undefined) {
      report.error('service-external-ip', `spec.externalIPs[${i}]`, `external IP ${JSON.stringify(value)} ${wrong}`);
    }
  });
}

function validatePorts(spec: ServiceSpec, type: string, range: PortRange, report: RuleReport): void {
  (spec.ports ?? []).forEach((port, i) => {
    const at = `spec.ports[${i}]`;
    checkEnum(port.protocol, PROTOCOLS, `${at}.protocol`, 'protocol', report);
    validateTargetPortForm(port.targetPort, `${at}.targetPort`, report);
    const appProtocolError = port.appProtocol === undefined ? undefined : qualifiedNameError(port.appProtocol);
    if (appProtocolError !== undefined) {
      report.error('service-app-protocol', `${at}.appProtocol`, `appProtocol ${JSON.stringify(port.appProtocol)} ${appProtocolError}`);
    }
    if (type === 'LoadBalancer' && port.port === KUBELET_PORT) {
      report.error('service-kubelet-port', `${at}.port`, `a LoadBalancer Service may not expose port ${KUBELET_PORT}, which the kubelet of every node uses`);
    }
    if (type === 'NodePort' || type === 'LoadBalancer') {
      validateNodePortInRange(port.nodePort, `${at}.nodePort`, 'nodePort', range, report);
    }
  });
}

// A nodePort of 0 is Go's zero value: the field is unset and Kubernetes picks one.
function validateNodePortInRange(value: unknown, at: string, field: string, range: PortRange, report: RuleReport): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    return; // absent, 0, or not a port at all (service-port-valid reports that)
  }
  if (value < range.min || value > range.max) {
    report.error(
      'service-node-port-range',
      at,
      `${field} ${value} is outside the cluster's node port range ${range.min}-${range.max}`,
      NODE_PORT_RANGE.fixFor(`${range.min}`, `${range.max}`, field),
    );
  }
}

// ValidatePortNumOrName: a number is a port number, a string a port name; a string of digits is neither.
function validateTargetPortForm(target: unknown, at: string, report: RuleReport): void {
  if (target === undefined) {
    return;
  }
  let wrong: string | undefined;
  if (typeof target === 'number') {
    wrong = Number.isInteger(target) && target >= 1 && target <= 65535 ? undefined : 'is not a port number from 1 to 65535';
  } else if (typeof target === 'string') {
    const nameError = portNameError(target);
    wrong = nameError === undefined ? undefined : `is not a port name: it ${nameError}`;
  } else {
    wrong = 'is neither a port number nor a port name';
  }
  if (wrong !== undefined) {
    report.error('service-target-port-valid', at, `targetPort ${quoteValue(target)} ${wrong}`);
  }
}

function validateExternalName(spec: ServiceSpec, report: RuleReport): void {
  const name = spec.externalName?.replace(/\.$/, '') ?? '';
  const wrong =
    name.length === 0
      ? spec.externalName === undefined
        ? 'an ExternalName Service needs externalName, the DNS name it is an alias for'
        : `externalName is ${JSON.stringify(spec.externalName)}; an ExternalName Service needs the DNS name it is an alias for`
      : dns1123SubdomainError(name);
  if (wrong !== undefined) {
    report.error('service-external-name', 'spec.externalName', name.length === 0 ? wrong : `externalName ${JSON.stringify(spec.externalName)} ${wrong}`);
  }
  for (const field of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy'] as const) {
    const value = spec[field];
    if (value !== undefined && value !== '' && value.length !== 0) {
      report.error('service-external-name', `spec.${field}`, `${field} ${JSON.stringify(value)} is set on an ExternalName Service, which has no cluster IP`);
    }
  }
}

// ValidateServiceClusterIPsRelatedFields, after the registry copies clusterIP into an empty clusterIPs.
function validateClusterIps(spec: ServiceSpec, report: RuleReport): void {
  const clusterIP = spec.clusterIP;
  const given = spec.clusterIPs ?? [];
  const hasClusterIP = clusterIP !== undefined && clusterIP.length > 0;
  const ips = given.length === 0 && hasClusterIP ? [clusterIP] : given;
  if (hasClusterIP && given.length > 0 && given[0] !== clusterIP) {
    report.error('service-cluster-ip', 'spec.clusterIPs', `the first of clusterIPs ${JSON.stringify(given)} must be clusterIP ${JSON.stringify(clusterIP)}`);
  } else if (!hasClusterIP && given.length > 0) {
    report.error('service-cluster-ip', 'spec.clusterIPs', `clusterIPs ${JSON.stringify(given)} is set but clusterIP is not`);
  }

  const families = spec.ipFamilies ?? [];
  const seenFamilies = new Set<string>();
  families.forEach((family, i) => {
    checkEnum(family, IP_FAMILIES, `spec.ipFamilies[${i}]`, 'IP family', report);
    if (seenFamilies.has(family)) {
      report.error('service-ip-families', `spec.ipFamilies[${i}]`, `IP family ${JSON.stringify(family)} is listed twice`);
    }
    seenFamilies.add(family);
  });
  checkEnum(spec.ipFamilyPolicy, IP_FAMILY_POLICIES, 'spec.ipFamilyPolicy', 'ipFamilyPolicy', report);

  const parsed: ParsedIp[] = [];
  let invalid = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        invalid = true;
        report.error('service-cluster-ip', 'spec.clusterIPs', `"None" must be the only cluster IP, but clusterIPs is ${JSON.stringify(ips)}`);
      }
      return;
    }
    const address = parseIp(ip);
    if (address === undefined) {
      invalid = true;
      const at = given.length === 0 ? 'spec.clusterIP' : `spec.clusterIPs[${i}]`;
      report.error('service-cluster-ip', at, `cluster IP ${JSON.stringify(ip)} is not a valid IP address${ip === 'none' ? ' (headless is "None")' : ''}`);
    } else {
      parsed.push(address);
    }
  });
  if (ips.length > 2) {
    report.error('service-cluster-ip', 'spec.clusterIPs', `clusterIPs holds ${ips.length} addresses; at most 2 are allowed, one of each family`);
  }
  if (invalid) {
    return; // as the API server, stop before the checks that valid addresses would mislead
  }
  // netutils.IsDualStackIPStrings: several addresses must include both families.
  if (parsed.length > 1 && parsed.every((address) => address.family === parsed[0].family)) {
    report.error(
      'service-cluster-ip',
      'spec.clusterIPs',
      `clusterIPs ${JSON.stringify(ips)} are all ${parsed[0].family}; a Service has at most one IP of each family`,
    );
  }
  if (ips[0] !== 'None') {
    parsed.forEach((address, i) => {
      const family = families[i];
      if ((family === 'IPv4' || family === 'IPv6') && family !== address.family) {
        report.error(
          'service-cluster-ip',
          `spec.clusterIPs[${i}]`,
          `cluster IP ${JSON.stringify(ips[i])} is ${address.family}, but ipFamilies[${i}] is ${family}`,
        );
      }
    });
  }
  // The registry allocates one address per family: SingleStack cannot take two.
  if (spec.ipFamilyPolicy === 'SingleStack') {
    const two: [string, number, string][] = [
      ['ipFamilies lists', families.length, 'families'],
      ['clusterIPs holds', parsed.length, 'addresses'],
    ];
    for (const [what, count, things] of two.filter(([, count]) => count > 1)) {
      report.error('service-ip-families', 'spec.ipFamilyPolicy', `ipFamilyPolicy is SingleStack, but ${what} ${count} ${things}`);
    }
  }
}

// validateServiceExternalTrafficPolicy (values and the health check port) and validateServiceInternalTrafficFieldsValue.
function validateTrafficPolicies(spec: ServiceSpec, type: string, range: PortRange, report: RuleReport): void {
  checkEnum(spec.externalTrafficPolicy, TRAFFIC_POLICIES, 'spec.externalTrafficPolicy', 'externalTrafficPolicy', report);
  checkEnum(spec.internalTrafficPolicy, TRAFFIC_POLICIES, 'spec.internalTrafficPolicy', 'internalTrafficPolicy', report);
  const port = spec.healthCheckNodePort;
  if (port === undefined || port === 0) {
    return; // 0 is Go's zero value: unset
  }
  if (type !== 'LoadBalancer' || spec.externalTrafficPolicy !== 'Local') {
    report.error(
      'service-health-check-node-port',
      'spec.healthCheckNodePort',
      `healthCheckNodePort ${quoteValue(port)} is set, but the Service is of type ${type} with externalTrafficPolicy ${spec.externalTrafficPolicy ?? 'Cluster'}`,
    );
  } else if (!Number.isInteger(port) || port < 1 || port > 65535) {
    report.error('service-health-check-node-port', 'spec.healthCheckNodePort', `healthCheckNodePort ${quoteValue(port)} is not a port number from 1 to 65535`);
  } else {
    validateNodePortInRange(port, 'spec.healthCheckNodePort', 'healthCheckNodePort', range, report);
  }
}

function validateSessionAffinity(spec: ServiceSpec, report: RuleReport): void {
  checkEnum(spec.sessionAffinity, SESSION_AFFINITIES, 'spec.sessionAffinity', 'sessionAffinity', report);
  const config = spec.sessionAffinityConfig;
  if (config === undefined) {
    return;
  }
  if (spec.sessionAffinity !== 'ClientIP') {
    report.error(
      'service-session-affinity-config',
      'spec.sessionAffinityConfig',
      `a session affinity timeout (sessionAffinityConfig) is set, but sessionAffinity is ${spec.sessionAffinity ?? 'None'}`,
    );
    return;
  }
  const timeout = config.clientIP?.timeoutSeconds;
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout >= 1 && timeout <= MAX_AFFINITY_SECONDS)) {
    report.error(
      'service-session-affinity-config',
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
      `timeoutSeconds is ${quoteValue(timeout)}; it must be a whole number from 1 to ${MAX_AFFINITY_SECONDS}`,
    );
  }
}

function validateLoadBalancerFields(spec: ServiceSpec, annotations: { readonly [key: string]: string | undefined }, type: string, report: RuleReport): void {
  const ranges = spec.loadBalancerSourceRanges ?? [];
  const annotated = annotations[SOURCE_RANGES_ANNOTATION];
  const onlyForLoadBalancer = (field: string, value: unknown) => {
    if (type !== 'LoadBalancer') {
      report.error('service-load-balancer-field', field, `${JSON.stringify(value)} is set on a Service of type ${type}; it is only for LoadBalancer Services`);
    }
  };
  if (ranges.length > 0) {
    onlyForLoadBalancer('spec.loadBalancerSourceRanges', ranges);
    ranges.forEach((range, i) => {
      if (!isCidr(range.trim())) {
        report.error('service-source-ranges', `spec.loadBalancerSourceRanges[${i}]`, `source range ${JSON.stringify(range)} is not a CIDR`);
      }
    });
  } else if (annotated !== undefined) {
    const at = `metadata.annotations[${SOURCE_RANGES_ANNOTATION}]`;
    onlyForLoadBalancer(at, annotated);
    const wrong = annotated
      .split(',')
      .map((range) => range.trim())
      .filter((range) => !isCidr(range));
    if (wrong.length > 0) {
      report.error(
        'service-source-ranges',
        at,
        `source ranges ${JSON.stringify(annotated)} hold ${wrong.map((range) => JSON.stringify(range)).join(', ')}, not CIDRs`,
      );
    }
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined) {
    onlyForLoadBalancer('spec.allocateLoadBalancerNodePorts', spec.allocateLoadBalancerNodePorts);
  }
  if (spec.loadBalancerClass !== undefined) {
    onlyForLoadBalancer('spec.loadBalancerClass', spec.loadBalancerClass);
    const wrong = type === 'LoadBalancer' ? qualifiedNameError(spec.loadBalancerClass) : undefined;
    if (wrong !== undefined) {
      report.error('service-load-balancer-class', 'spec.loadBalancerClass', `loadBalancerClass ${JSON.stringify(spec.loadBalancerClass)} ${wrong}`);
    }
  }
}
