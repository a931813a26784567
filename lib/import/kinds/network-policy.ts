import { PROTOCOLS } from '../../port';
import { POLICY_TYPES } from '../../validation/network-policy';
import { fieldOf, listAt, objectAt } from '../../validation/_json';
import { CallCode, Code, jsonLiteral, literal, objectOf, stringLiteral } from '../code';
import { FieldReader } from '../fields';
import { constructStatement, KindConverter, KindInput, matchLabelsOf, selectionOf, specOf, unmodeledKeys, unmodeledSelector } from './_kind';

const PEER_FIELDS = ['podSelector', 'namespaceSelector', 'ipBlock'];

/**
 * NetworkPolicies, as Peapod's `NetworkPolicy`: the Pods it isolates and
 * the Pods its rules allow are the workloads of the input that have those
 * selectors (by variable), else label selectors; namespaces and IP blocks
 * are `NetworkPeer` factories.
 */
export const networkPolicyConverter: KindConverter = {
  apiVersion: 'networking.k8s.io/v1',
  unmodeled: (value) => {
    const spec = objectAt(value.spec);
    const other = [...unmodeledKeys(spec, ['podSelector', 'policyTypes', 'ingress', 'egress'], 'spec'), ...unmodeledSelector(spec.podSelector, 'spec.podSelector')];
    for (const [field, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
      listAt(spec[field]).forEach((rule, i) => {
        const at = `spec.${field}[${i}]`;
        other.push(...unmodeledKeys(rule, [peers, 'ports'], at));
        listAt(fieldOf(rule, peers)).forEach((item, j) => {
          const pat = `${at}.${peers}[${j}]`;
          const peer = objectAt(item);
          other.push(...unmodeledKeys(item, PEER_FIELDS, pat), ...unmodeledSelector(peer.podSelector, `${pat}.podSelector`));
          other.push(...unmodeledSelector(peer.namespaceSelector, `${pat}.namespaceSelector`), ...unmodeledKeys(peer.ipBlock, ['cidr', 'except'], `${pat}.ipBlock`));
          if (peer.ipBlock !== undefined && (peer.podSelector !== undefined || peer.namespaceSelector !== undefined)) {
            other.push(`${pat}: an ipBlock beside a selector`);
          }
        });
        listAt(fieldOf(rule, 'ports')).forEach((port, j) => other.push(...unmodeledKeys(port, ['port', 'protocol', 'endPort'], `${at}.ports[${j}]`)));
      });
    }
    return other;
  },
  convert: (input) => {
    const { reader } = input;
    const spec = specOf(input);
    const podSelector = reader.map(reader.required(spec, 'podSelector', 'spec', 'add podSelector: {} to select every Pod of the namespace'), 'spec.podSelector') ?? {};
    const selection = selectionOf(input, matchLabelsOf(reader, podSelector, 'spec.podSelector'));
    const policyTypes = reader.list(spec.policyTypes, 'spec.policyTypes')?.map((type, i) => reader.oneOf(type, `spec.policyTypes[${i}]`, POLICY_TYPES, 'network-policy-types-valid'));
    const rules = (field: 'ingress' | 'egress', peers: 'from' | 'to'): Code | undefined => {
      const list = reader.list(spec[field], `spec.${field}`);
      return (
        list && {
          array: list.map((item, i) => {
            const at = `spec.${field}[${i}]`;
            const rule = reader.map(item, at) ?? {};
            const peerList = reader.list(rule[peers], `${at}.${peers}`);
            const ports = reader.list(rule.ports, `${at}.ports`);
            return objectOf([
              [peers, peerList && { array: peerList.map((peer, j) => peerCode(input, peer, `${at}.${peers}[${j}]`)) }],
              ['ports', ports && { array: ports.map((port, j) => portCode(reader, port, `${at}.ports[${j}]`)) }],
            ]);
          }),
        }
      );
    };
    const props = objectOf([
      input.nameEntry,
      ...input.metaEntries(),
      ['selector', selection.code],
      ['ingress', rules('ingress', 'from')],
      ['egress', rules('egress', 'to')],
      ['policyTypes', policyTypes && { array: policyTypes.map((type) => stringLiteral(type ?? '')) }],
    ]);
    input.add({ group: 1, after: selection.after, render: constructStatement(input, 'NetworkPolicy', props) });
  },
};

// `NetworkPeer.pods(…)`, `.namespaces(…)` or `.ipBlock(…)`.
function peerCode(input: KindInput, value: unknown, at: string): CallCode {
  const { reader, scope } = input;
  scope.imports.add('NetworkPeer');
  const peer = reader.map(value, at) ?? {};
  if (peer.ipBlock !== undefined) {
    const block = reader.map(peer.ipBlock, `${at}.ipBlock`) ?? {};
    const cidr = reader.string(reader.required(block, 'cidr', `${at}.ipBlock`), `${at}.ipBlock.cidr`) ?? '';
    const except = reader.list(block.except, `${at}.ipBlock.except`)?.map((range, i) => reader.string(range, `${at}.ipBlock.except[${i}]`) ?? '');
    return { call: 'NetworkPeer.ipBlock', args: [stringLiteral(cidr), ...(except ? [jsonLiteral(except)] : [])] };
  }
  const namespaceLabels = peer.namespaceSelector === undefined ? undefined : reader.stringMap(reader.map(peer.namespaceSelector, `${at}.namespaceSelector`)?.matchLabels ?? {}, `${at}.namespaceSelector.matchLabels`);
  if (peer.podSelector === undefined) {
    if (namespaceLabels === undefined) {
      reader.problem(at, 'names no peer', 'give the peer a podSelector, a namespaceSelector or an ipBlock', 'network-policy-peer-valid');
    }
    return { call: 'NetworkPeer.namespaces', args: [jsonLiteral(namespaceLabels ?? {})] };
  }
  const labels = reader.stringMap(reader.map(peer.podSelector, `${at}.podSelector`)?.matchLabels ?? {}, `${at}.podSelector.matchLabels`) ?? {};
  const pods = selectionOf(input, labels);
  return { call: 'NetworkPeer.pods', args: [pods.code, ...(namespaceLabels ? [jsonLiteral(namespaceLabels)] : [])] };
}

function portCode(reader: FieldReader, value: unknown, at: string): Code {
  const port = reader.map(value, at) ?? {};
  if (port.port !== undefined && typeof port.port !== 'string' && !Number.isInteger(port.port)) {
    reader.problem(`${at}.port`, `is ${JSON.stringify(port.port)}; expected a port number or name`, 'write a number (8080) or the name of a container port', 'network-policy-port-valid');
  }
  return objectOf([
    ['port', port.port === undefined ? undefined : jsonLiteral(port.port)],
    ['protocol', literal(reader.oneOf(port.protocol, `${at}.protocol`, PROTOCOLS, 'network-policy-port-valid'))],
    ['endPort', literal(reader.integer(port.endPort, `${at}.endPort`))],
  ]);
}
