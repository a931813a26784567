import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { parseQuantity } from '../quantity';
import { checkOneOf } from './_fields';
import { INT32, integerError } from './_integer';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
import { defineRules, fixNaming, ruleIn } from './rules';

const SEE = 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/';

/** The rules that check HorizontalPodAutoscalers. */
export const HPA_RULES = defineRules([
  {
    id: 'hpa-replicas-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'minReplicas of a HorizontalPodAutoscaler is at least 1, and maxReplicas at least 1 and at least minReplicas',
    why: 'the API server rejects the autoscaler otherwise',
    ...fixByCase({ min: 'set minReplicas to 1 or more', max: 'set maxReplicas to 1 or more', order: 'set maxReplicas to at least minReplicas' }, {}),
    see: SEE,
  },
  {
    id: 'hpa-metric-valid',
    category: 'api-server',
    severity: 'error',
    summary:
      'each metric of a HorizontalPodAutoscaler has a target of a type its source allows (Utilization or AverageValue for resources, AverageValue for Pods metrics) with a value more than 0',
    why: 'the API server rejects the autoscaler otherwise',
    ...fixByCase(
      {
        source: (field: string) => `set the ${field} source`,
        target: (types: string) => `use a target of type ${types}`,
        value: (field: string) => `set ${field} to more than 0`,
      },
      { source: ['metric'], target: ['Utilization or AverageValue'], value: ['the value'] },
    ),
    see: `${SEE}#support-for-metrics-apis`,
  },
  {
    id: 'hpa-behavior-valid',
    category: 'api-server',
    severity: 'error',
    summary:
      'a scaling behavior has stabilizationWindowSeconds from 0 to 3600, selectPolicy Max, Min or Disabled, and policies of type Pods or Percent, with value more than 0 and periodSeconds from 1 to 1800',
    why: 'the API server rejects the autoscaler otherwise',
    ...fixByCase({
      window: 'use a window from 0 to 3600 seconds',
      noPolicies: 'give at least one policy, or leave policies out',
      value: 'set value to 1 or more',
      period: 'use a period from 1 to 1800 seconds',
    }),
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
    ...fixNaming(
      (resource: string) => `give every container of the target a ${resource} request, or use an AverageValue target (Metric.resourceAverageValue())`,
      ['the resource'],
    ),
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

const REPLICAS_VALID = ruleIn(HPA_RULES, 'hpa-replicas-valid');
const METRIC_VALID = ruleIn(HPA_RULES, 'hpa-metric-valid');
const BEHAVIOR_VALID = ruleIn(HPA_RULES, 'hpa-behavior-valid');
const UTILIZATION_NEEDS_REQUESTS = ruleIn(HPA_RULES, 'hpa-utilization-needs-requests');

// The source field of each metric type, and the target types each source allows.
const SOURCE_FIELDS = { Resource: 'resource', Pods: 'pods', Object: 'object', External: 'external', ContainerResource: 'containerResource' } as const;
const METRIC_TYPES = Object.keys(SOURCE_FIELDS) as (keyof typeof SOURCE_FIELDS)[];
const TARGET_TYPES = { Resource: ['Utilization', 'AverageValue'], ContainerResource: ['Utilization', 'AverageValue'], Pods: ['AverageValue'] } as const;
const TARGET_VALUES = { Utilization: 'averageUtilization', AverageValue: 'averageValue', Value: 'value' } as const;
const SELECT_POLICIES = ['Max', 'Min', 'Disabled'];
const POLICY_TYPES = ['Pods', 'Percent'];

/** Checks a rendered autoscaling/v2 HorizontalPodAutoscaler, and its target. */
export function validateHorizontalPodAutoscaler(
  manifest: Unvalidated<k8s.KubeHorizontalPodAutoscalerV2Props>,
  target: ScaleTargetFacts,
  report: RuleReport,
): void {
  const spec = manifest.spec ?? {};
  const { minReplicas: min, maxReplicas: max } = spec;
  const replicas = { min: 1, max: INT32.max };
  const minWrong = min === undefined ? undefined : integerError(min, replicas);
  if (minWrong !== undefined) {
    report.error('hpa-replicas-valid', 'spec.minReplicas', `minReplicas ${minWrong}`, REPLICAS_VALID.fixFor('min'));
  }
  const maxWrong = integerError(max, replicas);
  if (maxWrong !== undefined) {
    report.error('hpa-replicas-valid', 'spec.maxReplicas', `maxReplicas ${maxWrong}`, REPLICAS_VALID.fixFor('max'));
  } else if (minWrong === undefined && min !== undefined && min > max!) {
    report.error('hpa-replicas-valid', 'spec.maxReplicas', `maxReplicas ${max} is less than minReplicas ${min}`, REPLICAS_VALID.fixFor('order'));
  }
  (spec.metrics ?? []).forEach((metric, i) => validateMetric(metric, `spec.metrics[${i}]`, target, report));
  for (const direction of ['scaleUp', 'scaleDown'] as const) {
    const rules = spec.behavior?.[direction];
    if (rules !== undefined) {
      validateScalingRules(rules, `spec.behavior.${direction}`, report);
    }
  }
  if (!target.sameNamespace) {
    report.error('hpa-target-in-namespace', 'spec.scaleTargetRef', `the target ${target.path} is in another namespace`);
  }
  if (target.replicas !== undefined) {
    const message = `the target ${target.path} sets replicas: ${target.replicas}, so every apply resets the count the autoscaler chose`;
    report.warn('hpa-target-replicas', 'spec.scaleTargetRef', message);
  }
}

function validateMetric(metric: Unvalidated<k8s.MetricSpecV2>, at: string, target: ScaleTargetFacts, report: RuleReport): void {
  // A metric without a type is refused as one of no known type.
  const type = metric.type ?? '';
  if (!checkOneOf(type, METRIC_TYPES, `${at}.type`, 'hpa-metric-valid', report)) {
    return;
  }
  const field = SOURCE_FIELDS[type as keyof typeof SOURCE_FIELDS];
  const source = metric[field];
  if (source === undefined) {
    report.error('hpa-metric-valid', `${at}.${field}`, `a metric of type ${type} has no ${field} source`, METRIC_VALID.fixFor('source', field));
    return;
  }
  const targetAt = `${at}.${field}.target`;
  const metricTarget = source.target ?? {};
  const allowed: readonly string[] = TARGET_TYPES[type as keyof typeof TARGET_TYPES] ?? ['Value', 'AverageValue'];
  if (metricTarget.type === undefined || !allowed.includes(metricTarget.type)) {
    const message = `a ${type} metric cannot have a target of type ${JSON.stringify(metricTarget.type)}`;
    report.error('hpa-metric-valid', `${targetAt}.type`, message, METRIC_VALID.fixFor('target', allowed.join(' or ')));
    return;
  }
  const valueField = TARGET_VALUES[metricTarget.type as keyof typeof TARGET_VALUES];
  const value = metricTarget[valueField];
  const amount = typeof value === 'number' ? value : typeof value === 'string' ? parseQuantity(value) : undefined;
  if (amount === undefined || !(amount > 0)) {
    report.error(
      'hpa-metric-valid',
      `${targetAt}.${valueField}`,
      `the ${valueField} of the target is ${JSON.stringify(value)}; it must be more than 0`,
      METRIC_VALID.fixFor('value', valueField),
    );
  }
  if (metricTarget.type === 'Utilization') {
    // Only a Resource or ContainerResource source takes a Utilization target (checked above).
    const { name: resource, container } = source as Unvalidated<k8s.ContainerResourceMetricSourceV2>;
    const containers = type === 'ContainerResource' ? target.containers.filter((c) => c.name === container) : target.containers;
    const missing = containers.filter((c) => !c.requests.includes(resource!)).map((c) => `"${c.name}"`);
    if (missing.length > 0) {
      report.error(
        'hpa-utilization-needs-requests',
        `${at}.${field}`,
        `${resource} utilization is measured against requests, but container${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${target.path} request${missing.length > 1 ? '' : 's'} no ${resource}`,
        UTILIZATION_NEEDS_REQUESTS.fixFor(`${resource}`),
      );
    }
  }
}

function validateScalingRules(rules: Unvalidated<k8s.HpaScalingRulesV2>, at: string, report: RuleReport): void {
  type Case = Parameters<typeof BEHAVIOR_VALID.fixFor>[0];
  const problem = (field: string, message: string, fix: Case) => report.error('hpa-behavior-valid', `${at}.${field}`, message, BEHAVIOR_VALID.fixFor(fix));
  const window = rules.stabilizationWindowSeconds;
  if (window !== undefined && !(Number.isInteger(window) && window >= 0 && window <= 3600)) {
    problem('stabilizationWindowSeconds', `stabilizationWindowSeconds is ${window}; it must be from 0 to 3600`, 'window');
  }
  checkOneOf(rules.selectPolicy, SELECT_POLICIES, `${at}.selectPolicy`, 'hpa-behavior-valid', report);
  const policies = rules.policies ?? [];
  if (rules.policies !== undefined && policies.length === 0) {
    problem('policies', 'the behavior has an empty list of policies', 'noPolicies');
  }
  policies.forEach((policy, i) => {
    checkOneOf(policy.type, POLICY_TYPES, `${at}.policies[${i}].type`, 'hpa-behavior-valid', report);
    if (!(Number.isInteger(policy.value) && policy.value! > 0)) {
      problem(`policies[${i}].value`, `value is ${policy.value}; it must be a whole number more than 0`, 'value');
    }
    if (!(Number.isInteger(policy.periodSeconds) && policy.periodSeconds! >= 1 && policy.periodSeconds! <= 1800)) {
      problem(`policies[${i}].periodSeconds`, `periodSeconds is ${policy.periodSeconds}; it must be from 1 to 1800`, 'period');
    }
  });
}
