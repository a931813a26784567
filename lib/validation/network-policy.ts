import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { PROTOCOLS } from '../port';
import { checkOneOf } from './_fields';
import { isCidr, parseIp } from './_ip';
import { portNameError } from './names';
import { RuleReport } from './problem';
import { defineRules } from './rules';

const SEE = 'https://kubernetes.io/docs/concepts/services-networking/network-policies/';

/** The rules that check NetworkPolicies. */
export const NETWORK_POLICY_RULES = defineRules([
  {
    id: 'network-policy-peer-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'each peer of a NetworkPolicy rule has a pod or namespace selector, or an ipBlock, not both',
    why: 'the API server rejects the policy otherwise',
    fix: 'give each peer a selector or an ipBlock, not both: NetworkPeer.pods(), NetworkPeer.namespaces() or NetworkPeer.ipBlock()',
    see: `${SEE}#behavior-of-to-and-from-selectors`,
  },
  {
    id: 'network-policy-cidr-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'the cidr of an ipBlock is a valid CIDR, and each of its except entries a CIDR strictly inside it',
    why: 'the API server rejects the policy otherwise',
    fix: "write CIDRs such as '10.0.0.0/8', with except ranges inside it and smaller than it, such as '10.1.0.0/16'",
  },
  {
    id: 'network-policy-port-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'a port of a NetworkPolicy rule is a number from 1 to 65535 or an IANA port name, with protocol TCP, UDP or SCTP; endPort needs a numeric port and is not below it',
    why: 'the API server rejects the policy otherwise',
    fix: 'name a port the containers declare, or give a number from 1 to 65535; set endPort only with a numeric port, from that port to 65535',
  },
  {
    id: 'network-policy-types-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'policyTypes of a NetworkPolicy holds Ingress, Egress or both',
    why: 'the API server rejects the policy otherwise',
    fix: "list Ingress and Egress at most once each: ['Ingress'], ['Egress'] or ['Ingress', 'Egress']",
  },
  {
    id: 'network-policy-selects-pods',
    severity: 'error',
    summary: 'a NetworkPolicy made from an object of the app selects its Pods, in the namespace of the policy',
    why: 'a policy that selects no Pod isolates nothing: the traffic it was meant to limit flows freely',
    fix: 'create the policy in the namespace of the workload it protects',
  },
  {
    id: 'network-policy-port-declared',
    severity: 'error',
    summary: 'a named port of an ingress rule is declared by a container of the Pods the policy selects',
    why: 'a named port that no container declares matches no traffic, so the rule lets nothing in',
    fix: 'name a port the containers declare, or give its number',
  },
]);

/** The kinds of traffic a NetworkPolicy limits. */
export const POLICY_TYPES = ['Ingress', 'Egress'] as const;

/** Checks a rendered NetworkPolicy; `declaredPorts` are the port names of the selected Pods, when known. */
export function validateNetworkPolicy(manifest: Unvalidated<k8s.KubeNetworkPolicyProps>, declaredPorts: readonly string[] | undefined, report: RuleReport): void {
  const spec = manifest.spec ?? {};
  const types = spec.policyTypes ?? [];
  types.forEach((type, i) => checkOneOf(type, POLICY_TYPES, `spec.policyTypes[${i}]`, 'network-policy-types-valid', report));
  if (types.length > 2) {
    report.error('network-policy-types-valid', 'spec.policyTypes', `policyTypes has ${types.length} entries`);
  }
  const rules = [
    ...(spec.ingress ?? []).map((rule, i) => ({ at: `spec.ingress[${i}]`, peersAt: 'from', peers: rule.from, ports: rule.ports, declared: declaredPorts })),
    ...(spec.egress ?? []).map((rule, i) => ({ at: `spec.egress[${i}]`, peersAt: 'to', peers: rule.to, ports: rule.ports, declared: undefined })),
  ];
  for (const { at, peersAt, peers, ports, declared } of rules) {
    (peers ?? []).forEach((peer, j) => validatePeer(peer, `${at}.${peersAt}[${j}]`, report));
    (ports ?? []).forEach((port, j) => validatePort(port, `${at}.ports[${j}]`, declared, report));
  }
}

function validatePeer(peer: Unvalidated<k8s.NetworkPolicyPeer>, at: string, report: RuleReport): void {
  const selects = peer.podSelector !== undefined || peer.namespaceSelector !== undefined;
  if (selects === (peer.ipBlock !== undefined)) {
    report.error('network-policy-peer-valid', at, selects ? 'the peer has both a selector and an ipBlock' : 'the peer has no podSelector, namespaceSelector or ipBlock');
  } else if (peer.ipBlock !== undefined) {
    validateIpBlock(peer.ipBlock, `${at}.ipBlock`, report);
  }
}

function validateIpBlock(block: Unvalidated<k8s.IpBlock>, at: string, report: RuleReport): void {
  const cidr = parseCidr(block.cidr);
  if (cidr === undefined) {
    report.error('network-policy-cidr-valid', `${at}.cidr`, `cidr ${JSON.stringify(block.cidr)} is not a valid CIDR`);
    return;
  }
  (block.except ?? []).forEach((entry, i) => {
    const except = parseCidr(entry);
    if (except === undefined) {
      report.error('network-policy-cidr-valid', `${at}.except[${i}]`, `except ${JSON.stringify(entry)} is not a valid CIDR`);
    } else if (!strictlyInside(except, cidr)) {
      report.error('network-policy-cidr-valid', `${at}.except[${i}]`, `except ${entry} is not strictly inside cidr ${block.cidr}`);
    }
  });
}

interface Cidr {
  readonly family: 4 | 6;
  readonly network: bigint;
  readonly prefix: number;
}

/** A CIDR as the API server reads it (ParseCIDRSloppy: host bits may be set, IPv4 parts may have leading zeros), or `undefined`. */
export function parseCidr(value: unknown): Cidr | undefined {
  if (!isCidr(value)) {
    return undefined;
  }
  const text = value as string;
  const slash = text.indexOf('/');
  const address = text.slice(0, slash);
  const ip = parseIp(address)!;
  const family = address.includes(':') ? 6 : 4;
  // An IPv4-mapped address written as IPv6 keeps its 16 bytes.
  const bytes = family === 6 && ip.bytes.length === 4 ? [...new Array<number>(10).fill(0), 0xff, 0xff, ...ip.bytes] : ip.bytes;
  const bits = bytes.length * 8;
  const prefix = Number(text.slice(slash + 1));
  const mask = ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
  const addressValue = bytes.reduce((sum, byte) => (sum << 8n) | BigInt(byte), 0n);
  return { family, network: addressValue & mask, prefix };
}

function strictlyInside(inner: Cidr, outer: Cidr): boolean {
  if (inner.family !== outer.family || inner.prefix <= outer.prefix) {
    return false;
  }
  const bits = inner.family === 4 ? 32 : 128;
  const mask = ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - outer.prefix)) - 1n);
  return (inner.network & mask) === outer.network;
}

function validatePort(port: Unvalidated<k8s.NetworkPolicyPort>, at: string, declared: readonly string[] | undefined, report: RuleReport): void {
  checkOneOf(port.protocol, PROTOCOLS, `${at}.protocol`, 'network-policy-port-valid', report);
  const value = port.port;
  if (typeof value === 'number') {
    if (!(Number.isInteger(value) && value >= 1 && value <= 65535)) {
      report.error('network-policy-port-valid', `${at}.port`, `port ${value} is not from 1 to 65535`);
    }
  } else if (value !== undefined) {
    const error = portNameError(value);
    if (error !== undefined) {
      report.error('network-policy-port-valid', `${at}.port`, `port name "${value}" ${error}`);
    } else if (declared !== undefined && !declared.includes(value)) {
      report.error(
        'network-policy-port-declared',
        `${at}.port`,
        `port "${value}" is not declared by any container of the Pods the policy selects (${declared.length > 0 ? `they declare ${declared.join(', ')}` : 'they declare no named ports'})`,
      );
    }
  }
  const endPort = port.endPort;
  if (endPort !== undefined) {
    if (typeof value !== 'number') {
      report.error('network-policy-port-valid', `${at}.endPort`, `endPort ${endPort} is set with ${value === undefined ? 'no port' : `port name "${value}"`}`);
    } else if (!(Number.isInteger(endPort) && endPort >= value && endPort <= 65535)) {
      report.error('network-policy-port-valid', `${at}.endPort`, `endPort ${endPort} is not from port ${value} to 65535`);
    }
  }
}
