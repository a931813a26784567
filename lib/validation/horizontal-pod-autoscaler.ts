import { checkOneOf } from './_fields';
import { INT32, integerError } from './_integer';
import { parseQuantity } from '../quantity';
import { RuleReport } from './problem';
import { defineRules } from './rules';

/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads manifests as plain JSON */

const SEE = 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/';

/** The rules that check HorizontalPodAutoscalers. */
export const HPA_RULES = defineRules([
  {
    id: 'hpa-replicas-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'minReplicas of a HorizontalPodAutoscaler is at least 1, and maxReplicas at least 1 and at least minReplicas',
    why: 'the API server rejects the autoscaler otherwise',
    fix: 'set 1 ≤ minReplicas ≤ maxReplicas',
    see: SEE,
  },
  {
    id: 'hpa-metric-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'each metric of a HorizontalPodAutoscaler has a target of a type its source allows (Utilization or AverageValue for resources, AverageValue for Pods metrics) with a value more than 0',
    why: 'the API server rejects the autoscaler otherwise',
    fix: "use Metric.resourceUtilization('cpu', 70) or another Metric factory with a value more than 0",
    see: `${SEE}#support-for-metrics-apis`,
  },
  {
    id: 'hpa-behavior-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'a scaling behavior has stabilizationWindowSeconds from 0 to 3600, selectPolicy Max, Min or Disabled, and policies of type Pods or Percent, with value more than 0 and periodSeconds from 1 to 1800',
    why: 'the API server rejects the autoscaler otherwise',
    fix: 'keep the behavior within those bounds',
    see: `${SEE}#configurable-scaling-behavior`,
  },
  {
    id: 'hpa-target-in-namespace',
    severity: 'error',
    summary: 'the target of a HorizontalPodAutoscaler is in its namespace',
    why: 'the autoscaler looks for its target in its own namespace only, and scales nothing',
    fix: 'create the autoscaler in the chart of its target',
  },
  {
    id: 'hpa-utilization-needs-requests',
    severity: 'error',
    summary: 'every container of the target of a Utilization metric requests the resource it measures',
    why: 'utilization is usage divided by the request: without a request for every container the autoscaler cannot compute it, and never scales',
    fix: 'give every container of the target a request for the resource, or use an AverageValue target',
    see: `${SEE}#how-does-a-horizontalpodautoscaler-work`,
  },
  {
    id: 'hpa-target-replicas',
    severity: 'warning',
    summary: 'the target of a HorizontalPodAutoscaler does not set replicas',
    why: 'the autoscaler owns the count: every `kubectl apply` of a manifest with replicas resets the count the autoscaler chose, and the two fight',
    fix: 'leave replicas out of the target; minReplicas of the autoscaler is the count it starts from',
    see: `${SEE}#migrating-deployments-and-statefulsets-to-horizontal-autoscaling`,
  },
]);

/** What the checks of an autoscaler need to know of its target. */
export interface ScaleTargetFacts {
  /** The target's construct path. */
  readonly path: string;
  /** Whether it is in the autoscaler's namespace. */
  readonly sameNamespace: boolean;
  /** The replicas it sets, if any. */
  readonly replicas: number | undefined;
  /** For each container, the resources it requests. */
  readonly containers: readonly { readonly name: string; readonly requests: readonly string[] }[];
}

const METRIC_TYPES = ['Resource', 'Pods', 'Object', 'External', 'ContainerResource'];
const SOURCE_FIELDS: Readonly<Record<string, string>> = { Resource: 'resource', Pods: 'pods', Object: 'object', External: 'external', ContainerResource: 'containerResource' };
const SELECT_POLICIES = ['Max', 'Min', 'Disabled'];
const POLICY_TYPES = ['Pods', 'Percent'];

/** Checks a rendered autoscaling/v2 HorizontalPodAutoscaler, and its target. */
export function validateHorizontalPodAutoscaler(manifest: any, target: ScaleTargetFacts, report: RuleReport): void {
  const spec = manifest.spec ?? {};
  const min = spec.minReplicas;
  const max = spec.maxReplicas;
  const replicas = { min: 1, max: INT32.max };
  const minWrong = min === undefined ? undefined : integerError(min, replicas);
  if (minWrong !== undefined) {
    report.error('hpa-replicas-valid', 'spec.minReplicas', `minReplicas ${minWrong}`, 'set minReplicas to 1 or more');
  }
  const maxWrong = integerError(max, replicas);
  if (maxWrong !== undefined) {
    report.error('hpa-replicas-valid', 'spec.maxReplicas', `maxReplicas ${maxWrong}`, 'set maxReplicas to 1 or more');
  } else if (minWrong === undefined && min !== undefined && min > max) {
    report.error('hpa-replicas-valid', 'spec.maxReplicas', `maxReplicas ${max} is less than minReplicas ${min}`, 'set maxReplicas to at least minReplicas');
  }
  (spec.metrics ?? []).forEach((metric: any, i: number) => validateMetric(metric, `spec.metrics[${i}]`, target, report));
  for (const direction of ['scaleUp', 'scaleDown']) {
    const rules = spec.behavior?.[direction];
    if (rules !== undefined) {
      validateScalingRules(rules, `spec.behavior.${direction}`, report);
    }
  }
  if (!target.sameNamespace) {
    report.error('hpa-target-in-namespace', 'spec.scaleTargetRef', `the target ${target.path} is in another namespace`, 'create the autoscaler in the chart of its target');
  }
  if (target.replicas !== undefined) {
    report.warn(
      'hpa-target-replicas',
      'spec.scaleTargetRef',
      `the target ${target.path} sets replicas: ${target.replicas}, so every apply resets the count the autoscaler chose`,
      'leave replicas out of the target; minReplicas is the count the autoscaler starts from',
    );
  }
}

function validateMetric(metric: any, at: string, target: ScaleTargetFacts, report: RuleReport): void {
  if (!checkOneOf(metric.type, METRIC_TYPES, `${at}.type`, 'hpa-metric-valid', report)) {
    return;
  }
  const field = SOURCE_FIELDS[metric.type];
  const source = metric[field];
  if (source === undefined) {
    report.error('hpa-metric-valid', `${at}.${field}`, `a metric of type ${metric.type} has no ${field} source`, `set the ${field} source`);
    return;
  }
  const targetAt = `${at}.${field}.target`;
  const metricTarget = source.target ?? {};
  const allowed = metric.type === 'Resource' || metric.type === 'ContainerResource' ? ['Utilization', 'AverageValue'] : metric.type === 'Pods' ? ['AverageValue'] : ['Value', 'AverageValue'];
  if (!allowed.includes(metricTarget.type)) {
    report.error('hpa-metric-valid', `${targetAt}.type`, `a ${metric.type} metric cannot have a target of type ${JSON.stringify(metricTarget.type)}`, `use a target of type ${allowed.join(' or ')}`);
    return;
  }
  const value = metricTarget.type === 'Utilization' ? metricTarget.averageUtilization : metricTarget.type === 'Value' ? metricTarget.value : metricTarget.averageValue;
  const amount = typeof value === 'number' ? value : typeof value === 'string' ? parseQuantity(value) : undefined;
  const valueField = metricTarget.type === 'Utilization' ? 'averageUtilization' : metricTarget.type === 'Value' ? 'value' : 'averageValue';
  if (amount === undefined || !(amount > 0)) {
    report.error('hpa-metric-valid', `${targetAt}.${valueField}`, `the ${valueField} of the target is ${JSON.stringify(value)}; it must be more than 0`, `set ${valueField} to more than 0`);
  }
  if (metricTarget.type === 'Utilization') {
    const resource = source.name;
    const containers = metric.type === 'ContainerResource' ? target.containers.filter((c) => c.name === source.container) : target.containers;
    const missing = containers.filter((c) => !c.requests.includes(resource)).map((c) => `"${c.name}"`);
    if (missing.length > 0) {
      report.error(
        'hpa-utilization-needs-requests',
        `${at}.${field}`,
        `${resource} utilization is measured against requests, but container${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${target.path} request${missing.length > 1 ? '' : 's'} no ${resource}`,
        `give ${missing.length > 1 ? 'them' : 'it'} a ${resource} request, or use Metric.resourceAverageValue()`,
      );
    }
  }
}

function validateScalingRules(rules: any, at: string, report: RuleReport): void {
  const window = rules.stabilizationWindowSeconds;
  if (window !== undefined && !(Number.isInteger(window) && window >= 0 && window <= 3600)) {
    report.error('hpa-behavior-valid', `${at}.stabilizationWindowSeconds`, `stabilizationWindowSeconds is ${window}; it must be from 0 to 3600`, 'use a window from 0 to 3600 seconds');
  }
  checkOneOf(rules.selectPolicy, SELECT_POLICIES, `${at}.selectPolicy`, 'hpa-behavior-valid', report);
  const policies: any[] = rules.policies ?? [];
  if (rules.policies !== undefined && policies.length === 0) {
    report.error('hpa-behavior-valid', `${at}.policies`, 'the behavior has an empty list of policies', 'give at least one policy, or leave policies out');
  }
  policies.forEach((policy, i) => {
    const policyAt = `${at}.policies[${i}]`;
    checkOneOf(policy.type, POLICY_TYPES, `${policyAt}.type`, 'hpa-behavior-valid', report);
    if (!(Number.isInteger(policy.value) && policy.value > 0)) {
      report.error('hpa-behavior-valid', `${policyAt}.value`, `value is ${policy.value}; it must be a whole number more than 0`, 'set value to 1 or more');
    }
    if (!(Number.isInteger(policy.periodSeconds) && policy.periodSeconds >= 1 && policy.periodSeconds <= 1800)) {
      report.error('hpa-behavior-valid', `${policyAt}.periodSeconds`, `periodSeconds is ${policy.periodSeconds}; it must be from 1 to 1800`, 'use a period from 1 to 1800 seconds');
    }
  });
}
