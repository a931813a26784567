/**
 * The scheduling fields of a Pod spec, checked as `ValidatePodSpec` in
 * `pkg/apis/core/validation/validation.go` checks them: `affinity`
 * (validateAffinity and the node-selector and pod-affinity-term helpers),
 * `topologySpreadConstraints` (validateTopologySpreadConstraints),
 * `priorityClassName`, `nodeName`, `runtimeClassName`, `preemptionPolicy`
 * and `schedulingGates`; and the warnings of `pkg/api/pod/warnings.go`
 * about them.
 */

import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { checkEnum, checkName, sameIgnoringCase } from './_field-checks';
import { checkInteger, INT32, quoteValue } from './_integer';
import { OPERATOR_FIXES, OPERATOR_PLACEHOLDERS, validateLabelSelector } from './label-selector';
import { warnDeprecatedNodeLabel } from './pod-lints';
import { RuleReport } from './problem';
import type { RuleId } from './rule-ids';
import { fixByCase } from './_fix-cases';
import { defineRules, ruleIn } from './rules';

/** The operators of a node selector requirement. */
export const NODE_SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] as const;
/** What the scheduler does with a Pod a spread constraint cannot place. */
export const WHEN_UNSATISFIABLE = ['DoNotSchedule', 'ScheduleAnyway'] as const;
/** Whether a spread constraint counts nodes the Pod's affinity or taints exclude. */
export const NODE_INCLUSION_POLICIES = ['Honor', 'Ignore'] as const;
/** Whether a Pod may preempt Pods of lower priority. */
export const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'] as const;

const WEIGHT = { min: 1, max: 100 } as const;
const WEIGHT_FIX = 'give the term a weight from 1 to 100; higher weights count more';
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
    ...fixByCase(
      {
        noTerms: 'add a term with matchExpressions, or remove requiredDuringSchedulingIgnoredDuringExecution',
        noValues: (operator: string) => `list the node label values to match, or use operator ${operator}`,
        someValues: 'remove the values, or use operator In or NotIn',
        oneNumber: 'give one whole number to compare the node label with, such as ["4"]',
        key: 'use a node label key, such as "kubernetes.io/arch"',
        value: 'use a node label value: at most 63 letters, digits, "-", "_" and "."',
        fieldOperator: 'use operator "In" or "NotIn"',
        fieldValues: 'give one node name; add a term per node to match several',
        fieldKey: 'write key: "metadata.name", or select on a node label with matchExpressions',
        nodeName: 'name the node by its metadata.name',
        weight: WEIGHT_FIX,
        ...OPERATOR_FIXES,
      },
      { noValues: ['Exists (or DoesNotExist for NotIn)'], ...OPERATOR_PLACEHOLDERS },
    ),
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
    ...fixByCase({
      noTopologyKey: 'set topologyKey to the node label that groups nodes, such as "kubernetes.io/hostname" or "topology.kubernetes.io/zone"',
      topologyKey: 'use a node label key, such as "kubernetes.io/hostname"',
      namespace: 'name a namespace by its metadata.name, such as "default"',
      weight: WEIGHT_FIX,
    }),
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
    ...fixByCase({
      maxSkew: 'set maxSkew to 1 or more: how many more Pods one domain may hold than another',
      noTopologyKey: 'set topologyKey to the node label that forms the domains, such as "topology.kubernetes.io/zone"',
      repeated: 'merge the two constraints, or give them different whenUnsatisfiable values',
      minDomains: 'set minDomains to 1 or more, or leave it out',
      minDomainsPolicy: 'set whenUnsatisfiable: "DoNotSchedule", or remove minDomains',
      keysWithoutSelector: 'add a labelSelector, or remove matchLabelKeys',
      labelKey: 'use a label key of the Pod, such as "pod-template-hash"',
      keyInBoth: 'keep the key in one of the two',
    }),
    see: 'https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/',
  },
  {
    id: 'scheduling-fields',
    severity: 'error',
    category: 'api-server',
    summary:
      '`priorityClassName`, `nodeName` and `runtimeClassName` are DNS-1123 subdomains, `priority` is a 32-bit whole number, `preemptionPolicy` is PreemptLowerPriority or Never, and `schedulingGates` have distinct qualified names and come without `nodeName`.',
    why: 'The API server refuses the Pod (ValidatePodSpec, validateSchedulingGates, ValidatePodCreate): "Duplicate value", "cannot be set until all schedulingGates have been cleared".',
    ...fixByCase(
      {
        name: (object: string) => `name the ${object} by its metadata.name`,
        priority: 'leave priority out and name a PriorityClass with priorityClassName; admission fills it in',
        gateName: 'name the gate as a label key, such as "example.com/quota-check"',
        gateTwice: 'list each scheduling gate once',
        gatedNode: 'remove nodeName, or remove the schedulingGates',
      },
      { name: ['PriorityClass, node or RuntimeClass'] },
    ),
    see: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-scheduling-readiness/',
  },
]);

const NODE_AFFINITY = ruleIn(SCHEDULING_SPEC_RULES, 'node-affinity');
const POD_AFFINITY = ruleIn(SCHEDULING_SPEC_RULES, 'pod-affinity');
const TOPOLOGY_SPREAD = ruleIn(SCHEDULING_SPEC_RULES, 'topology-spread');
const SCHEDULING_FIELDS = ruleIn(SCHEDULING_SPEC_RULES, 'scheduling-fields');
const FIELD_OBJECTS = { priorityClassName: 'PriorityClass', nodeName: 'node', runtimeClassName: 'RuntimeClass' } as const;

/** Checks the scheduling fields of the Pod spec `spec` at field path `at`. */
export function validateSchedulingSpec(spec: Unvalidated<k8s.PodSpec>, at: string, report: RuleReport): void {
  if (spec.affinity !== undefined) {
    validateAffinity(spec.affinity, `${at}.affinity`, report);
  }
  const constraints = spec.topologySpreadConstraints ?? [];
  for (let i = 0; i < constraints.length; i++) {
    validateTopologySpread(constraints, i, `${at}.topologySpreadConstraints`, report);
  }
  for (const field of ['priorityClassName', 'nodeName', 'runtimeClassName'] as const) {
    // The API server skips an empty name: it means none.
    if (spec[field]) {
      checkName(spec[field], 'dns-subdomain', { rule: 'scheduling-fields', at: `${at}.${field}`, what: field, fix: SCHEDULING_FIELDS.fixFor('name', FIELD_OBJECTS[field]) }, report);
    }
  }
  checkEnum(spec.preemptionPolicy, PREEMPTION_POLICIES, `${at}.preemptionPolicy`, 'preemptionPolicy', report);
  checkInteger(spec.priority, { rule: 'scheduling-fields', at: `${at}.priority`, what: 'priority', range: INT32, fix: SCHEDULING_FIELDS.fixFor('priority') }, report);
  validateSchedulingGates(spec, at, report);
}

function validateSchedulingGates({ schedulingGates: gates = [], nodeName }: Unvalidated<k8s.PodSpec>, at: string, report: RuleReport): void {
  if (gates.length === 0) {
    return; // as for most Pods: no map for them
  }
  const seen = new Map<string | undefined, number>();
  for (let i = 0; i < gates.length; i++) {
    const name = gates[i].name;
    const gateAt = `${at}.schedulingGates[${i}]`;
    checkName(name ?? '', 'qualified-name', { rule: 'scheduling-fields', at: `${gateAt}.name`, what: `scheduling gate name`, fix: SCHEDULING_FIELDS.fixFor('gateName') }, report);
    const first = seen.get(name);
    if (first !== undefined) {
      report.error('scheduling-fields', `${gateAt}.name`, `scheduling gate "${name}" is already listed at ${at}.schedulingGates[${first}]`, SCHEDULING_FIELDS.fixFor('gateTwice'));
    } else {
      seen.set(name, i);
    }
  }
  if (nodeName) {
    report.error(
      'scheduling-fields',
      `${at}.nodeName`,
      `nodeName "${nodeName}" is set while the Pod has ${gates.length} scheduling gate${gates.length === 1 ? '' : 's'}; a Pod cannot be bound to a node until all its schedulingGates have been cleared`,
      SCHEDULING_FIELDS.fixFor('gatedNode'),
    );
  }
}

function validateAffinity(affinity: Unvalidated<k8s.Affinity>, at: string, report: RuleReport): void {
  if (affinity.nodeAffinity) {
    validateNodeAffinity(affinity.nodeAffinity, `${at}.nodeAffinity`, report);
  }
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const required = affinity[kind]?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
    for (let i = 0; i < required.length; i++) {
      validatePodAffinityTerm(required[i], `${at}.${kind}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`, `required ${kind} term ${i}`, report);
    }
    const preferred = affinity[kind]?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    for (let i = 0; i < preferred.length; i++) {
      const termAt = `${at}.${kind}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      checkWeight(preferred[i].weight, `${termAt}.weight`, `weight of preferred ${kind} term ${i}`, POD_AFFINITY, report);
      validatePodAffinityTerm(preferred[i].podAffinityTerm ?? {}, `${termAt}.podAffinityTerm`, `preferred ${kind} term ${i}`, report);
    }
  }
}

function checkWeight(weight: number | undefined, at: string, what: string, rule: { readonly id: RuleId; fixFor(key: 'weight'): string }, report: RuleReport): void {
  // A weight left out is 0 to the API server, which is outside 1-100.
  checkInteger(weight ?? 0, { rule: rule.id, at, what, range: WEIGHT, fix: rule.fixFor('weight') }, report);
}

function validatePodAffinityTerm(term: Unvalidated<k8s.PodAffinityTerm>, at: string, what: string, report: RuleReport): void {
  validateLabelSelector(term.labelSelector, `${at}.labelSelector`, `labelSelector of the ${what}`, report);
  validateLabelSelector(term.namespaceSelector, `${at}.namespaceSelector`, `namespaceSelector of the ${what}`, report);
  if (term.labelSelector == null) {
    report.warn('selector-matches-nothing', `${at}.labelSelector`, `the ${what} has no labelSelector, so it matches no Pod`);
  }
  const namespaces = term.namespaces ?? [];
  for (let i = 0; i < namespaces.length; i++) {
    checkName(namespaces[i], 'dns-label', { rule: 'pod-affinity', at: `${at}.namespaces[${i}]`, what: 'namespace', of: `the ${what}`, fix: POD_AFFINITY.fixFor('namespace') }, report);
  }
  if (!term.topologyKey) {
    report.error('pod-affinity', `${at}.topologyKey`, `the ${what} has no topologyKey`, POD_AFFINITY.fixFor('noTopologyKey'));
  } else {
    checkName(term.topologyKey, 'qualified-name', { rule: 'pod-affinity', at: `${at}.topologyKey`, what: 'topologyKey', of: `the ${what}`, fix: POD_AFFINITY.fixFor('topologyKey') }, report);
  }
}

function validateNodeAffinity({ requiredDuringSchedulingIgnoredDuringExecution: required, preferredDuringSchedulingIgnoredDuringExecution: preferred = [] }: Unvalidated<k8s.NodeAffinity>, at: string, report: RuleReport): void {
  if (required) {
    const requiredAt = `${at}.requiredDuringSchedulingIgnoredDuringExecution`;
    const terms = required.nodeSelectorTerms ?? [];
    if (terms.length === 0) {
      report.error('node-affinity', `${requiredAt}.nodeSelectorTerms`, 'the required node affinity has no nodeSelectorTerms', NODE_AFFINITY.fixFor('noTerms'));
    }
    for (let i = 0; i < terms.length; i++) {
      validateNodeSelectorTerm(terms[i], `${requiredAt}.nodeSelectorTerms[${i}]`, `required node affinity term ${i}`, true, report);
    }
  }
  for (let i = 0; i < preferred.length; i++) {
    const termAt = `${at}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    checkWeight(preferred[i].weight, `${termAt}.weight`, `weight of preferred node affinity term ${i}`, NODE_AFFINITY, report);
    // The API server lets preferred terms hold values no label can have: they just never match.
    validateNodeSelectorTerm(preferred[i].preference ?? {}, `${termAt}.preference`, `preferred node affinity term ${i}`, false, report);
  }
}

function validateNodeSelectorTerm(term: Unvalidated<k8s.NodeSelectorTerm>, at: string, what: string, labelValues: boolean, report: RuleReport): void {
  const expressions = term.matchExpressions ?? [];
  for (let j = 0; j < expressions.length; j++) {
    validateNodeSelectorRequirement(expressions[j], `${at}.matchExpressions[${j}]`, `matchExpressions[${j}] of the ${what}`, labelValues, report);
  }
  const fields = term.matchFields ?? [];
  for (let j = 0; j < fields.length; j++) {
    validateNodeFieldRequirement(fields[j], `${at}.matchFields[${j}]`, `matchFields[${j}] of the ${what}`, report);
  }
}

function validateNodeSelectorRequirement({ key, operator, values = [] }: Unvalidated<k8s.NodeSelectorRequirement>, at: string, what: string, labelValues: boolean, report: RuleReport): void {
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        report.error('node-affinity', `${at}.values`, `${what} has operator ${operator} and no values`, NODE_AFFINITY.fixFor('noValues', operator === 'In' ? 'Exists' : 'DoesNotExist'));
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        report.error('node-affinity', `${at}.values`, `${what} has operator ${operator} and ${values.length} value${values.length === 1 ? '' : 's'}`, NODE_AFFINITY.fixFor('someValues'));
      }
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) {
        report.error('node-affinity', `${at}.values`, `${what} has operator ${operator} and ${values.length} values; it takes exactly one`, NODE_AFFINITY.fixFor('oneNumber'));
      } else if (!/^[-+]?[0-9]+$/.test(values[0])) {
        report.error('node-affinity-integer', `${at}.values[0]`, `the value ${quoteValue(values[0])} of ${what} (operator ${operator}) is not a whole number, so no node label compares with it`);
      }
      break;
    default: {
      const near = sameIgnoringCase(NODE_SELECTOR_OPERATORS, operator);
      report.error(
        'node-affinity',
        `${at}.operator`,
        `operator ${quoteValue(operator)} of ${what} is not a node selector operator; the operators are ${NODE_SELECTOR_OPERATORS.map((o) => `"${o}"`).join(', ')}`,
        near === undefined ? NODE_AFFINITY.fixFor('operator') : NODE_AFFINITY.fixFor('operatorCase', near),
      );
    }
  }
  if (checkName(key ?? '', 'qualified-name', { rule: 'node-affinity', at: `${at}.key`, what: 'key', of: `${what}`, fix: NODE_AFFINITY.fixFor('key') }, report) && key !== undefined) {
    warnDeprecatedNodeLabel(key, `${at}.key`, report);
  }
  if (labelValues && operator !== 'Gt' && operator !== 'Lt') {
    for (let v = 0; v < values.length; v++) {
      checkName(values[v], 'label-value', { rule: 'node-affinity', at: `${at}.values[${v}]`, what: 'value', of: `${what}`, fix: NODE_AFFINITY.fixFor('value') }, report);
    }
  }
}

function validateNodeFieldRequirement({ key, operator, values = [] }: Unvalidated<k8s.NodeSelectorRequirement>, at: string, what: string, report: RuleReport): void {
  if (operator !== 'In' && operator !== 'NotIn') {
    report.error('node-affinity', `${at}.operator`, `operator ${quoteValue(operator)} of ${what} is not supported; a node field selector takes "In" or "NotIn"`, NODE_AFFINITY.fixFor('fieldOperator'));
  } else if (values.length !== 1) {
    report.error('node-affinity', `${at}.values`, `${what} has operator ${operator} and ${values.length} values; a node field selector takes exactly one`, NODE_AFFINITY.fixFor('fieldValues'));
  }
  if (key !== 'metadata.name') {
    report.error('node-affinity', `${at}.key`, `key ${quoteValue(key)} of ${what} is not a node field selector key; the only one is "metadata.name"`, NODE_AFFINITY.fixFor('fieldKey'));
    return;
  }
  for (let v = 0; v < values.length; v++) {
    checkName(values[v], 'dns-subdomain', { rule: 'node-affinity', at: `${at}.values[${v}]`, what: 'node name', of: `${what}`, fix: NODE_AFFINITY.fixFor('nodeName') }, report);
  }
}

function validateTopologySpread(constraints: readonly Unvalidated<k8s.TopologySpreadConstraint>[], i: number, at: string, report: RuleReport): void {
  const c = constraints[i];
  const cAt = `${at}[${i}]`;
  const what = `topology spread constraint ${i}`;
  checkInteger(c.maxSkew ?? 0, { rule: 'topology-spread', at: `${cAt}.maxSkew`, what: `maxSkew of ${what}`, range: POSITIVE_INT32, fix: TOPOLOGY_SPREAD.fixFor('maxSkew') }, report);
  if (!c.topologyKey) {
    report.error('topology-spread', `${cAt}.topologyKey`, `${what} has no topologyKey`, TOPOLOGY_SPREAD.fixFor('noTopologyKey'));
  } else {
    warnDeprecatedNodeLabel(c.topologyKey, `${cAt}.topologyKey`, report);
  }
  checkEnum(c.whenUnsatisfiable ?? '', WHEN_UNSATISFIABLE, `${cAt}.whenUnsatisfiable`, `whenUnsatisfiable of ${what}`, report);
  // The first constraint of each {topologyKey, whenUnsatisfiable}.
  const first = constraints.findIndex((other) => other.topologyKey === c.topologyKey && other.whenUnsatisfiable === c.whenUnsatisfiable);
  if (first < i) {
    report.error('topology-spread', cAt, `${what} repeats topologyKey ${quoteValue(c.topologyKey)} with whenUnsatisfiable ${quoteValue(c.whenUnsatisfiable)} of ${at}[${first}]`, TOPOLOGY_SPREAD.fixFor('repeated'));
  }
  if (c.minDomains != null) {
    checkInteger(c.minDomains, { rule: 'topology-spread', at: `${cAt}.minDomains`, what: `minDomains of ${what}`, range: POSITIVE_INT32, fix: TOPOLOGY_SPREAD.fixFor('minDomains') }, report);
    if (c.whenUnsatisfiable !== 'DoNotSchedule') {
      report.error('topology-spread', `${cAt}.minDomains`, `${what} sets minDomains with whenUnsatisfiable ${quoteValue(c.whenUnsatisfiable)}; minDomains works only with DoNotSchedule`, TOPOLOGY_SPREAD.fixFor('minDomainsPolicy'));
    }
  }
  checkEnum(c.nodeAffinityPolicy, NODE_INCLUSION_POLICIES, `${cAt}.nodeAffinityPolicy`, `nodeAffinityPolicy of ${what}`, report);
  checkEnum(c.nodeTaintsPolicy, NODE_INCLUSION_POLICIES, `${cAt}.nodeTaintsPolicy`, `nodeTaintsPolicy of ${what}`, report);
  validateMatchLabelKeys(c, cAt, what, report);
  validateLabelSelector(c.labelSelector, `${cAt}.labelSelector`, `labelSelector of ${what}`, report);
  if (c.labelSelector == null) {
    report.warn('selector-matches-nothing', `${cAt}.labelSelector`, `${what} has no labelSelector, so it counts no Pods`);
  }
}

function validateMatchLabelKeys({ matchLabelKeys: keys = [], labelSelector: selector }: Unvalidated<k8s.TopologySpreadConstraint>, at: string, what: string, report: RuleReport): void {
  if (keys.length > 0 && selector == null) {
    report.error('topology-spread', `${at}.matchLabelKeys`, `${what} has matchLabelKeys but no labelSelector`, TOPOLOGY_SPREAD.fixFor('keysWithoutSelector'));
  }
  for (let i = 0; i < keys.length; i++) {
    const keyAt = `${at}.matchLabelKeys[${i}]`;
    const selected = Object.hasOwn(selector?.matchLabels ?? {}, keys[i]) || (selector?.matchExpressions ?? []).some((e) => e.key === keys[i]);
    if (checkName(keys[i], 'qualified-name', { rule: 'topology-spread', at: keyAt, what: 'matchLabelKeys entry', of: `${what}`, fix: TOPOLOGY_SPREAD.fixFor('labelKey') }, report) && selected) {
      report.error('topology-spread', keyAt, `label key "${keys[i]}" is in both matchLabelKeys and the labelSelector of ${what}`, TOPOLOGY_SPREAD.fixFor('keyInBoth'));
    }
  }
}
