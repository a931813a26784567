/**
 * The scheduling fields of a Pod spec, checked as `ValidatePodSpec` in
 * `pkg/apis/core/validation/validation.go` checks them: `affinity`
 * (validateAffinity and the node-selector and pod-affinity-term helpers),
 * `topologySpreadConstraints` (validateTopologySpreadConstraints),
 * `priorityClassName`, `nodeName`, `runtimeClassName`, `preemptionPolicy`
 * and `schedulingGates`; and the warnings of `pkg/api/pod/warnings.go`
 * about them.
 */

import { asObject, list } from './_json';
import { checkEnum, checkName } from './_field-checks';
import { checkInteger, INT32, quoteValue } from './_integer';
import { fixOperator, validateLabelSelector } from './label-selector';
import { deprecatedNodeLabelReplacement } from './pod-lints';
import { RuleReport } from './problem';
import type { RuleId } from './rule-ids';
import { defineRules } from './rules';

/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads manifests as plain JSON */

/** The operators of a node selector requirement. */
export const NODE_SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] as const;
/** One of {@link NODE_SELECTOR_OPERATORS}. */
export type NodeSelectorOperator = (typeof NODE_SELECTOR_OPERATORS)[number];
/** What the scheduler does with a Pod a spread constraint cannot place. */
export const WHEN_UNSATISFIABLE = ['DoNotSchedule', 'ScheduleAnyway'] as const;
/** Whether a spread constraint counts nodes the Pod's affinity or taints exclude. */
export const NODE_INCLUSION_POLICIES = ['Honor', 'Ignore'] as const;
/** Whether a Pod may preempt Pods of lower priority. */
export const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'] as const;

const WEIGHT = { min: 1, max: 100 } as const;
const POSITIVE_INT32 = { min: 1, max: INT32.max } as const;

/** The rules of a Pod's scheduling fields. */
export const SCHEDULING_SPEC_RULES = defineRules([
  {
    id: 'node-affinity',
    severity: 'error',
    category: 'api-server',
    summary:
      'Node affinity: a required node selector has at least one term; each requirement has a label-key `key` and an operator In, NotIn, Exists, DoesNotExist, Gt or Lt with the values it takes (some for In and NotIn, none for Exists and DoesNotExist, exactly one for Gt and Lt); `matchFields` name only `metadata.name` with In or NotIn and one node name; preferred terms weigh 1 to 100.',
    why: 'The API server refuses the Pod (ValidateNodeSelector, ValidateNodeSelectorRequirement, ValidateNodeFieldSelectorRequirement, ValidatePreferredSchedulingTerms): "must have at least one node selector term", "not a valid selector operator", "must be specified single value when `operator` is \'Lt\' or \'Gt\'", "not a valid field selector key", "must be in the range 1-100".',
    fix: 'Write the requirement as the message says; operators are case-sensitive, and a node name is matched with `matchFields: [{ key: "metadata.name", operator: "In", values: [name] }]`.',
    see: 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#node-affinity',
  },
  {
    id: 'node-affinity-integer',
    severity: 'error',
    category: 'peapod',
    summary: 'The one value of a node affinity requirement with operator Gt or Lt is a whole number.',
    why: 'The scheduler compares the node label as an integer: a value that is not one matches no node, so a required term leaves the Pod Pending. The API server accepts it.',
    fix: 'Write the number the node label is compared with, such as "4".',
    see: 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#operators',
  },
  {
    id: 'pod-affinity',
    severity: 'error',
    category: 'api-server',
    summary: 'Pod affinity and anti-affinity terms have a `topologyKey` that is a label key, `namespaces` that are namespace names (DNS-1123 labels), valid label selectors, and preferred terms weigh 1 to 100.',
    why: 'The API server refuses the Pod (validatePodAffinityTerm, validateWeightedPodAffinityTerms): "topologyKey: Required value: can not be empty", "must be in the range 1-100".',
    fix: 'Give each term a topologyKey such as "kubernetes.io/hostname" or "topology.kubernetes.io/zone", and a weight from 1 to 100 to preferred terms.',
    see: 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity',
  },
  {
    id: 'selector-matches-nothing',
    severity: 'warning',
    category: 'lint',
    summary: 'Pod affinity terms and topology spread constraints have a `labelSelector`.',
    why: 'Without one the term or constraint matches no Pod, so it does nothing. The API server warns: "a null labelSelector results in matching no pod".',
    fix: "Give it a labelSelector, such as { matchLabels: { app: 'web' } }.",
  },
  {
    id: 'topology-spread',
    severity: 'error',
    category: 'api-server',
    summary:
      'Topology spread constraints have `maxSkew` above 0, a `topologyKey`, `whenUnsatisfiable` DoNotSchedule or ScheduleAnyway, no two alike in both, `minDomains` above 0 and only with DoNotSchedule, `nodeAffinityPolicy`/`nodeTaintsPolicy` Honor or Ignore, and `matchLabelKeys` that are label keys, with a labelSelector, and not in it.',
    why: 'The API server refuses the Pod (validateTopologySpreadConstraints): "must be greater than zero", "can not be empty", "Duplicate value", "can only use minDomains if whenUnsatisfiable=DoNotSchedule", "exists in both matchLabelKeys and labelSelector".',
    fix: 'Write each constraint as the message says; give two constraints on one topology key different whenUnsatisfiable values, or merge them.',
    see: 'https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/',
  },
  {
    id: 'scheduling-fields',
    severity: 'error',
    category: 'api-server',
    summary:
      '`priorityClassName`, `nodeName` and `runtimeClassName` are DNS-1123 subdomains, `priority` is a 32-bit whole number, `preemptionPolicy` is PreemptLowerPriority or Never, and `schedulingGates` have distinct qualified names and come without `nodeName`.',
    why: 'The API server refuses the Pod (ValidatePodSpec, validateSchedulingGates, ValidatePodCreate): "Duplicate value", "cannot be set until all schedulingGates have been cleared".',
    fix: 'Name the PriorityClass, node or RuntimeClass by its metadata.name; give each scheduling gate its own name.',
    see: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-scheduling-readiness/',
  },
]);

/** Checks the scheduling fields of the Pod spec `spec` at field path `at`. */
export function validateSchedulingSpec(spec: any, at: string, report: RuleReport): void {
  if (spec.affinity !== undefined) {
    validateAffinity(asObject(spec.affinity), `${at}.affinity`, report);
  }
  if (spec.topologySpreadConstraints !== undefined) {
    validateTopologySpread(list(spec.topologySpreadConstraints), `${at}.topologySpreadConstraints`, report);
  }
  for (const field of ['priorityClassName', 'nodeName', 'runtimeClassName'] as const) {
    // The API server skips an empty name: it means none.
    if (spec[field] !== undefined && spec[field] !== '') {
      checkName(spec[field], 'dns-subdomain', { rule: 'scheduling-fields', at: `${at}.${field}`, what: field, fix: `name the ${FIELD_OBJECTS[field]} by its metadata.name` }, report);
    }
  }
  checkEnum(spec.preemptionPolicy, PREEMPTION_POLICIES, `${at}.preemptionPolicy`, 'preemptionPolicy', report);
  if (spec.priority !== undefined) {
    checkInteger(spec.priority, { rule: 'scheduling-fields', at: `${at}.priority`, what: 'priority', range: INT32, fix: 'leave priority out and name a PriorityClass with priorityClassName; admission fills it in' }, report);
  }
  validateSchedulingGates(spec, at, report);
}

const FIELD_OBJECTS = { priorityClassName: 'PriorityClass', nodeName: 'node', runtimeClassName: 'RuntimeClass' } as const;

function validateSchedulingGates(spec: any, at: string, report: RuleReport): void {
  const gates = list(spec.schedulingGates);
  if (gates.length === 0) {
    return; // as for most Pods: no map for them
  }
  const seen = new Map<unknown, number>();
  for (let i = 0; i < gates.length; i++) {
    const name = asObject(gates[i]).name;
    const gateAt = `${at}.schedulingGates[${i}]`;
    checkName(name ?? '', 'qualified-name', { rule: 'scheduling-fields', at: `${gateAt}.name`, what: `scheduling gate name`, fix: 'name the gate as a label key, such as "example.com/quota-check"' }, report);
    const first = seen.get(name);
    if (first !== undefined) {
      report.error('scheduling-fields', `${gateAt}.name`, `scheduling gate "${name}" is already listed at ${at}.schedulingGates[${first}]`, 'list each scheduling gate once');
    } else {
      seen.set(name, i);
    }
  }
  if (typeof spec.nodeName === 'string' && spec.nodeName !== '') {
    report.error(
      'scheduling-fields',
      `${at}.nodeName`,
      `nodeName "${spec.nodeName}" is set while the Pod has ${gates.length} scheduling gate${gates.length === 1 ? '' : 's'}; a Pod cannot be bound to a node until all its schedulingGates have been cleared`,
      'remove nodeName, or remove the schedulingGates',
    );
  }
}

function validateAffinity(affinity: any, at: string, report: RuleReport): void {
  if (affinity.nodeAffinity != null) {
    validateNodeAffinity(asObject(affinity.nodeAffinity), `${at}.nodeAffinity`, report);
  }
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    if (affinity[kind] == null) {
      continue;
    }
    const a = asObject(affinity[kind]);
    const required = list(a.requiredDuringSchedulingIgnoredDuringExecution);
    for (let i = 0; i < required.length; i++) {
      const termAt = `${at}.${kind}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`;
      validatePodAffinityTerm(asObject(required[i]), termAt, `required ${kind} term ${i}`, report);
    }
    const preferred = list(a.preferredDuringSchedulingIgnoredDuringExecution);
    for (let i = 0; i < preferred.length; i++) {
      const termAt = `${at}.${kind}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      const weighted = asObject(preferred[i]);
      checkWeight(weighted.weight, `${termAt}.weight`, `weight of preferred ${kind} term ${i}`, 'pod-affinity', report);
      validatePodAffinityTerm(asObject(weighted.podAffinityTerm), `${termAt}.podAffinityTerm`, `preferred ${kind} term ${i}`, report);
    }
  }
}

function checkWeight(weight: unknown, at: string, what: string, rule: RuleId, report: RuleReport): void {
  // A weight left out is 0 to the API server, which is outside 1-100.
  checkInteger(weight ?? 0, { rule, at, what, range: WEIGHT, fix: 'give the term a weight from 1 to 100; higher weights count more' }, report);
}

function validatePodAffinityTerm(term: any, at: string, what: string, report: RuleReport): void {
  validateLabelSelector(term.labelSelector, `${at}.labelSelector`, `labelSelector of the ${what}`, report);
  validateLabelSelector(term.namespaceSelector, `${at}.namespaceSelector`, `namespaceSelector of the ${what}`, report);
  if (term.labelSelector == null) {
    report.warn('selector-matches-nothing', `${at}.labelSelector`, `the ${what} has no labelSelector, so it matches no Pod`, "select the Pods it is about, such as labelSelector: { matchLabels: { app: 'web' } }");
  }
  const namespaces = list(term.namespaces);
  for (let i = 0; i < namespaces.length; i++) {
    checkName(namespaces[i], 'dns-label', { rule: 'pod-affinity', at: `${at}.namespaces[${i}]`, what: 'namespace', of: `the ${what}`, fix: 'name a namespace by its metadata.name, such as "default"' }, report);
  }
  if (term.topologyKey === undefined || term.topologyKey === '') {
    report.error('pod-affinity', `${at}.topologyKey`, `the ${what} has no topologyKey`, 'set topologyKey to the node label that groups nodes, such as "kubernetes.io/hostname" or "topology.kubernetes.io/zone"');
  } else {
    checkName(term.topologyKey, 'qualified-name', { rule: 'pod-affinity', at: `${at}.topologyKey`, what: 'topologyKey', of: `the ${what}`, fix: 'use a node label key, such as "kubernetes.io/hostname"' }, report);
  }
}

function validateNodeAffinity(nodeAffinity: any, at: string, report: RuleReport): void {
  if (nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution != null) {
    const requiredAt = `${at}.requiredDuringSchedulingIgnoredDuringExecution`;
    const terms = list(asObject(nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution).nodeSelectorTerms);
    if (terms.length === 0) {
      report.error('node-affinity', `${requiredAt}.nodeSelectorTerms`, 'the required node affinity has no nodeSelectorTerms', 'add a term with matchExpressions, or remove requiredDuringSchedulingIgnoredDuringExecution');
    }
    for (let i = 0; i < terms.length; i++) {
      validateNodeSelectorTerm(asObject(terms[i]), `${requiredAt}.nodeSelectorTerms[${i}]`, `required node affinity term ${i}`, true, report);
    }
  }
  const preferred = list(nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution);
  for (let i = 0; i < preferred.length; i++) {
    const termAt = `${at}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    const weighted = asObject(preferred[i]);
    checkWeight(weighted.weight, `${termAt}.weight`, `weight of preferred node affinity term ${i}`, 'node-affinity', report);
    // The API server lets preferred terms hold values no label can have: they just never match.
    validateNodeSelectorTerm(asObject(weighted.preference), `${termAt}.preference`, `preferred node affinity term ${i}`, false, report);
  }
}

function validateNodeSelectorTerm(term: any, at: string, what: string, labelValues: boolean, report: RuleReport): void {
  const expressions = list(term.matchExpressions);
  for (let j = 0; j < expressions.length; j++) {
    validateNodeSelectorRequirement(asObject(expressions[j]), `${at}.matchExpressions[${j}]`, `matchExpressions[${j}] of the ${what}`, labelValues, report);
  }
  const fields = list(term.matchFields);
  for (let j = 0; j < fields.length; j++) {
    validateNodeFieldRequirement(asObject(fields[j]), `${at}.matchFields[${j}]`, `matchFields[${j}] of the ${what}`, report);
  }
}

function validateNodeSelectorRequirement(requirement: any, at: string, what: string, labelValues: boolean, report: RuleReport): void {
  const { key, operator } = requirement;
  const values = list(requirement.values);
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        report.error('node-affinity', `${at}.values`, `${what} has operator ${operator} and no values`, `list the node label values to match, or use operator ${operator === 'In' ? 'Exists' : 'DoesNotExist'}`);
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        report.error('node-affinity', `${at}.values`, `${what} has operator ${operator} and ${values.length} value${values.length === 1 ? '' : 's'}`, 'remove the values, or use operator In or NotIn');
      }
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) {
        report.error('node-affinity', `${at}.values`, `${what} has operator ${operator} and ${values.length} values; it takes exactly one`, `give one whole number to compare the node label with, such as ["4"]`);
      } else if (typeof values[0] !== 'string' || !/^[-+]?[0-9]+$/.test(values[0])) {
        report.error('node-affinity-integer', `${at}.values[0]`, `the value ${quoteValue(values[0])} of ${what} (operator ${operator}) is not a whole number, so no node label compares with it`, 'write a whole number as a string, such as "4"');
      }
      break;
    default:
      report.error(
        'node-affinity',
        `${at}.operator`,
        `operator ${quoteValue(operator)} of ${what} is not a node selector operator; the operators are ${NODE_SELECTOR_OPERATORS.map((o) => `"${o}"`).join(', ')}`,
        fixOperator(NODE_SELECTOR_OPERATORS, operator),
      );
  }
  if (checkName(key ?? '', 'qualified-name', { rule: 'node-affinity', at: `${at}.key`, what: 'key', of: `${what}`, fix: 'use a node label key, such as "kubernetes.io/arch"' }, report)) {
    warnDeprecatedNodeLabel(key, `${at}.key`, report);
  }
  if (labelValues && operator !== 'Gt' && operator !== 'Lt') {
    for (let v = 0; v < values.length; v++) {
      checkName(values[v], 'label-value', { rule: 'node-affinity', at: `${at}.values[${v}]`, what: 'value', of: `${what}`, fix: 'use a node label value: at most 63 letters, digits, "-", "_" and "."' }, report);
    }
  }
}

function validateNodeFieldRequirement(requirement: any, at: string, what: string, report: RuleReport): void {
  const { key, operator } = requirement;
  const values = list(requirement.values);
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length !== 1) {
      report.error('node-affinity', `${at}.values`, `${what} has operator ${operator} and ${values.length} values; a node field selector takes exactly one`, 'give one node name; add a term per node to match several');
    }
  } else {
    report.error('node-affinity', `${at}.operator`, `operator ${quoteValue(operator)} of ${what} is not supported; a node field selector takes "In" or "NotIn"`, 'use operator "In" or "NotIn"');
  }
  if (key !== 'metadata.name') {
    report.error('node-affinity', `${at}.key`, `key ${quoteValue(key)} of ${what} is not a node field selector key; the only one is "metadata.name"`, 'write key: "metadata.name", or select on a node label with matchExpressions');
    return;
  }
  for (let v = 0; v < values.length; v++) {
    checkName(values[v], 'dns-subdomain', { rule: 'node-affinity', at: `${at}.values[${v}]`, what: 'node name', of: `${what}`, fix: 'name the node by its metadata.name' }, report);
  }
}

function validateTopologySpread(constraints: readonly any[], at: string, report: RuleReport): void {
  // The first constraint of each {topologyKey, whenUnsatisfiable}.
  const seen = new Map<string, number>();
  for (let i = 0; i < constraints.length; i++) {
    const c = asObject(constraints[i]);
    const cAt = `${at}[${i}]`;
    const what = `topology spread constraint ${i}`;
    checkInteger(c.maxSkew ?? 0, { rule: 'topology-spread', at: `${cAt}.maxSkew`, what: `maxSkew of ${what}`, range: POSITIVE_INT32, fix: 'set maxSkew to 1 or more: how many more Pods one domain may hold than another' }, report);
    if (c.topologyKey === undefined || c.topologyKey === '') {
      report.error('topology-spread', `${cAt}.topologyKey`, `${what} has no topologyKey`, 'set topologyKey to the node label that forms the domains, such as "topology.kubernetes.io/zone"');
    } else if (typeof c.topologyKey === 'string') {
      warnDeprecatedNodeLabel(c.topologyKey, `${cAt}.topologyKey`, report);
    }
    checkEnum(c.whenUnsatisfiable ?? '', WHEN_UNSATISFIABLE, `${cAt}.whenUnsatisfiable`, `whenUnsatisfiable of ${what}`, report);
    const key = JSON.stringify([c.topologyKey, c.whenUnsatisfiable]);
    const first = seen.get(key);
    if (first !== undefined) {
      report.error(
        'topology-spread',
        `${cAt}`,
        `${what} repeats topologyKey ${quoteValue(c.topologyKey)} with whenUnsatisfiable ${quoteValue(c.whenUnsatisfiable)} of ${at}[${first}]`,
        'merge the two constraints, or give them different whenUnsatisfiable values',
      );
    } else {
      seen.set(key, i);
    }
    if (c.minDomains !== undefined && c.minDomains !== null) {
      checkInteger(c.minDomains, { rule: 'topology-spread', at: `${cAt}.minDomains`, what: `minDomains of ${what}`, range: POSITIVE_INT32, fix: 'set minDomains to 1 or more, or leave it out' }, report);
      if (c.whenUnsatisfiable !== 'DoNotSchedule') {
        report.error('topology-spread', `${cAt}.minDomains`, `${what} sets minDomains with whenUnsatisfiable ${quoteValue(c.whenUnsatisfiable)}; minDomains works only with DoNotSchedule`, 'set whenUnsatisfiable: "DoNotSchedule", or remove minDomains');
      }
    }
    checkEnum(c.nodeAffinityPolicy, NODE_INCLUSION_POLICIES, `${cAt}.nodeAffinityPolicy`, `nodeAffinityPolicy of ${what}`, report);
    checkEnum(c.nodeTaintsPolicy, NODE_INCLUSION_POLICIES, `${cAt}.nodeTaintsPolicy`, `nodeTaintsPolicy of ${what}`, report);
    validateMatchLabelKeys(c, cAt, what, report);
    validateLabelSelector(c.labelSelector, `${cAt}.labelSelector`, `labelSelector of ${what}`, report);
    if (c.labelSelector == null) {
      report.warn('selector-matches-nothing', `${cAt}.labelSelector`, `${what} has no labelSelector, so it counts no Pods`, "select the Pods to spread, such as labelSelector: { matchLabels: { app: 'web' } }");
    }
  }
}

function validateMatchLabelKeys(c: any, at: string, what: string, report: RuleReport): void {
  const keys = list(c.matchLabelKeys);
  if (keys.length === 0) {
    return;
  }
  if (c.labelSelector == null) {
    report.error('topology-spread', `${at}.matchLabelKeys`, `${what} has matchLabelKeys but no labelSelector`, 'add a labelSelector, or remove matchLabelKeys');
  }
  const selector = asObject(c.labelSelector);
  const selected = new Set<unknown>([...Object.keys(asObject(selector.matchLabels)), ...list(selector.matchExpressions).map((e) => e?.key)]);
  for (let i = 0; i < keys.length; i++) {
    const keyAt = `${at}.matchLabelKeys[${i}]`;
    if (checkName(keys[i], 'qualified-name', { rule: 'topology-spread', at: keyAt, what: 'matchLabelKeys entry', of: `${what}`, fix: 'use a label key of the Pod, such as "pod-template-hash"' }, report) && selected.has(keys[i])) {
      report.error('topology-spread', keyAt, `label key "${keys[i]}" is in both matchLabelKeys and the labelSelector of ${what}`, 'keep the key in one of the two');
    }
  }
}

function warnDeprecatedNodeLabel(key: string, at: string, report: RuleReport): void {
  const replacement = deprecatedNodeLabelReplacement(key);
  if (replacement !== undefined) {
    report.warn('deprecated-node-label', at, `node label "${key}" is deprecated; newer nodes do not report it`, `use "${replacement}" instead`);
  }
}
