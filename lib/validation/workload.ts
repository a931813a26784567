import { asObject, list } from './_json';
import { checkInteger, INT32, isIntegerIn, quoteValue } from './_integer';
import { checkEnum } from './container-spec';
import { validateLabelSelector } from './label-selector';
import { validateLongRunningTemplate } from './pod-lifecycle';
import { RuleReport } from './problem';
import { defineRules } from './rules';

/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads manifests as plain JSON */

/** The rules that check Deployments and ReplicaSets, besides those of their Pod template. */
export const WORKLOAD_RULES = defineRules([
  {
    id: 'workload-selector-labels',

    category: 'api-server',
    severity: 'error',
    summary: 'the Pod template of a workload has labels to select its Pods by',
    why: 'the selector is made of the template labels; the API server rejects an empty one ("empty selector is invalid for deployment"), and it cannot be changed once applied',
    fix: "give the template labels, such as { app: 'myapp' }",
  },
  {
    id: 'workload-selector-matches-template',

    category: 'api-server',
    severity: 'error',
    summary: 'the rendered selector of a workload matches its rendered Pod template labels, and every label it selects by (selectBy) is one of them',
    why: 'the API server rejects a selector that does not match the template labels ("`selector` does not match template `labels`"): the workload would never see its own Pods',
    fix: 'add the label to the template, or remove it from selectBy',
  },
  {
    id: 'workload-selector-overlap',
    severity: 'error',
    summary: 'the selector of a workload matches no Pods but its own: none of another workload or a bare Pod of the app in its namespace',
    why: 'a ReplicaSet adopts every Pod its selector matches and deletes those over its count; workloads with overlapping selectors fight over their Pods',
    fix: 'give each workload a label value of its own (a distinct `app`) and keep it in the selector',
  },
  {
    id: 'workload-replicas-valid',

    category: 'api-server',
    severity: 'error',
    summary: 'replicas is a whole number, 0 or more (an int32)',
    why: 'the API server rejects a negative or fractional count ("must be greater than or equal to 0"), and its decoder one beyond an int32',
    fix: 'set replicas to 0 or more, or leave it out to let `kubectl scale` and autoscalers own it',
  },
  {
    id: 'workload-field-valid',

    category: 'api-server',
    severity: 'error',
    summary: 'minReadySeconds, revisionHistoryLimit and progressDeadlineSeconds are whole numbers, 0 or more; the deadline exceeds minReadySeconds (0 when not set)',
    why: 'the API server rejects the workload otherwise ("must be greater than minReadySeconds")',
    fix: 'use a whole number of 0 or more, or leave the field out',
  },
  {
    id: 'workload-restart-policy-always',

    category: 'api-server',
    severity: 'error',
    summary: 'the Pod template of a workload has restartPolicy Always, or none',
    why: 'a workload keeps its Pods running; the API server accepts no other restart policy in its template ("Unsupported value: supported values: Always")',
    fix: 'remove restartPolicy from the template; for work that runs to completion use a Job',
  },
  {
    id: 'deployment-strategy',

    category: 'api-server',
    severity: 'error',
    summary: 'a Deployment strategy of type Recreate has no rollingUpdate',
    why: 'the API server rejects the Deployment ("may not be specified when strategy `type` is \'Recreate\'"): Recreate replaces every Pod at once',
    fix: 'remove rollingUpdate, or use type RollingUpdate',
  },
  {
    id: 'deployment-rolling-update-valid',

    category: 'api-server',
    severity: 'error',
    summary: 'maxSurge and maxUnavailable of a rolling update are counts or percentages (at most 100%), and not both 0',
    why: 'the API server rejects the Deployment ("may not be 0 when `maxSurge` is 0", "must not be greater than 100%", "a valid percent string must be a numeric string followed by an ending \'%\'"): with both 0 a rollout could never replace a Pod',
    fix: 'let one of them be more than 0, and write percentages as "25%"',
  },
]);

/** What a workload's validation needs besides the manifest. */
export interface WorkloadFacts {
  /** `Deployment` or `ReplicaSet`, for the messages. */
  readonly kind: string;
  /** The label keys declared with `selectBy`, if any. */
  readonly selectBy?: readonly string[];
}

/**
 * Checks a rendered Deployment or ReplicaSet manifest, except its Pod spec
 * (which `PodTemplate.validate` checks), and records every problem in `report`.
 */
export function validateWorkload(manifest: any, facts: WorkloadFacts, report: RuleReport): void {
  const spec = manifest.spec ?? {};
  const labels: Record<string, string> = spec.template?.metadata?.labels ?? {};
  const keys = Object.keys(labels);
  if (keys.length === 0) {
    report.error(
      'workload-selector-labels',
      'spec.template.metadata.labels',
      `the Pod template has no labels, so the ${facts.kind} has nothing to select its Pods by`,
      "give the template labels, such as `labels: { app: 'myapp' }`",
    );
  } else if (facts.selectBy !== undefined && facts.selectBy.length === 0) {
    // Kubernetes refuses an empty selector: it would select every Pod of the namespace.
    report.error(
      'workload-selector-labels',
      'spec.selector.matchLabels',
      `selectBy is empty, so the ${facts.kind} has nothing to select its Pods by`,
      `name the template labels to select by, such as ["${keys[0]}"], or leave selectBy out to select by all of them`,
    );
  } else {
    for (const key of facts.selectBy ?? []) {
      if (!(key in labels)) {
        report.error(
          'workload-selector-matches-template',
          'spec.selector.matchLabels',
          `selectBy names label "${key}", which the Pod template does not have (it has ${keys.map((k) => `"${k}"`).join(', ')})`,
          `add "${key}" to the template labels, or remove it from selectBy`,
        );
      }
    }
  }

  validateRenderedSelector(spec, labels, facts, report);

  checkInteger(spec.replicas, { rule: 'workload-replicas-valid', at: 'spec.replicas', what: 'replicas', range: COUNT, fix: 'set replicas to 0 or more' }, report);
  const count = (field: string) =>
    checkInteger(spec[field], { rule: 'workload-field-valid', at: `spec.${field}`, what: field, range: COUNT, fix: `set ${field} to 0 or more, or leave it out` }, report);
  const minReady = count('minReadySeconds');
  count('revisionHistoryLimit');
  const deadline = count('progressDeadlineSeconds');
  // minReadySeconds defaults to 0; an invalid one is reported already.
  if (deadline && (minReady || spec.minReadySeconds === undefined) && spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
    report.error(
      'workload-field-valid',
      'spec.progressDeadlineSeconds',
      `progressDeadlineSeconds is ${spec.progressDeadlineSeconds}, not more than minReadySeconds (${spec.minReadySeconds ?? '0, its default'})`,
      'make progressDeadlineSeconds greater than minReadySeconds',
    );
  }

  const restartPolicy = spec.template?.spec?.restartPolicy;
  if (restartPolicy !== undefined && restartPolicy !== 'Always') {
    report.error(
      'workload-restart-policy-always',
      'spec.template.spec.restartPolicy',
      `restartPolicy is "${restartPolicy}", but a ${facts.kind} accepts only "Always"`,
      'remove restartPolicy from the template; for work that runs to completion use a Job',
    );
  }

  validateLongRunningTemplate(facts.kind, spec.template?.spec, 'spec.template.spec', report);

  if (spec.strategy !== undefined) {
    validateStrategy(asObject(spec.strategy), report);
  }
}

// The whole numbers a count field takes: 0 or more, within a Go int32.
const COUNT = { min: 0, max: INT32.max };

// ValidateDeploymentStrategy: the type defaults to RollingUpdate, whose amounts default to 25%.
function validateStrategy(strategy: any, report: RuleReport): void {
  checkEnum(strategy.type, DEPLOYMENT_STRATEGY_TYPES, 'spec.strategy.type', 'strategy type', report);
  if (strategy.type === 'Recreate' && strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
    report.error('deployment-strategy', 'spec.strategy.rollingUpdate', 'rollingUpdate is set, but the strategy type is Recreate', 'remove rollingUpdate, or use type RollingUpdate');
  } else if (strategy.rollingUpdate) {
    validateRollingUpdate(strategy.rollingUpdate, report);
  }
}

/** The ways a Deployment replaces its Pods. */
export const DEPLOYMENT_STRATEGY_TYPES = ['Recreate', 'RollingUpdate'] as const;

/**
 * Checks the rendered selector (`spec.selector`) against the rendered
 * template labels, as `ValidatePodTemplateSpecForReplicaSet` does; a
 * JsonPatch to either is checked as it will be applied.
 */
function validateRenderedSelector(spec: any, labels: Record<string, string>, facts: WorkloadFacts, report: RuleReport): void {
  const selector = asObject(spec.selector);
  const matchLabels = asObject(selector.matchLabels);
  const expressions = list(selector.matchExpressions);
  if (Object.keys(labels).length === 0 || (facts.selectBy !== undefined && facts.selectBy.length === 0)) {
    return; // reported above, with the cause
  }
  // The selector's syntax, as ValidateLabelSelector checks it; labels that are
  // the template's are checked there already, so only others are checked here.
  const ownLabels = Object.fromEntries(Object.entries(matchLabels).filter(([key, value]) => labels[key] !== value));
  validateLabelSelector({ matchLabels: ownLabels, matchExpressions: expressions }, 'spec.selector', `selector of the ${facts.kind}`, report);
  if (Object.keys(matchLabels).length + expressions.length === 0) {
    report.error('workload-selector-labels', 'spec.selector', `the ${facts.kind}'s selector is empty, which the API server refuses`, 'select by the template labels, or leave spec.selector to Peapod');
    return;
  }
  const unmatched = [
    ...Object.entries(matchLabels)
      .filter(([key, value]) => labels[key] !== value)
      .map(([key, value]) => `${key}=${String(value)}`),
    ...expressions.filter((expression) => !requirementMatches(asObject(expression), labels)).map((expression) => requirementText(asObject(expression))),
  ];
  if (unmatched.length > 0) {
    report.error(
      'workload-selector-matches-template',
      'spec.template.metadata.labels',
      `the selector's ${unmatched.join(', ')} does not match the template labels (${Object.entries(labels).map(([key, value]) => `${key}=${value}`).join(', ')}), so the ${facts.kind} would never see its own Pods`,
      'change the JsonPatch so that the selector and the template labels agree, or drop it and let Peapod derive the selector',
    );
  }
}

// Whether a label selector requirement holds for `labels` (an unknown operator holds for nothing).
function requirementMatches(requirement: any, labels: Record<string, string>): boolean {
  const present = typeof requirement.key === 'string' && Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const values = list(requirement.values);
  switch (requirement.operator) {
    case 'In':
      return present && values.includes(labels[requirement.key]);
    case 'NotIn':
      return !present || !values.includes(labels[requirement.key]);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      return false;
  }
}

function requirementText(requirement: any): string {
  const values = list(requirement.values);
  return `${String(requirement.key)} ${String(requirement.operator)}${values.length > 0 ? ` (${values.map(String).join(', ')})` : ''}`;
}

function validateRollingUpdate(rolling: any, report: RuleReport): void {
  const amounts: [string, unknown][] = [
    ['maxSurge', rolling.maxSurge],
    ['maxUnavailable', rolling.maxUnavailable],
  ];
  for (const [field, value] of amounts) {
    const why = invalidAmount(value, field === 'maxUnavailable');
    if (why) {
      report.error(
        'deployment-rolling-update-valid',
        `spec.strategy.rollingUpdate.${field}`,
        `${field} is ${quoteValue(value)}; ${why}`,
        'write a whole number of Pods (1) or a percentage ("25%")',
      );
    }
  }
  // A field left out defaults to 25%, which is not 0.
  if (amountValue(rolling.maxSurge ?? '25%') === 0 && amountValue(rolling.maxUnavailable ?? '25%') === 0) {
    report.error(
      'deployment-rolling-update-valid',
      'spec.strategy.rollingUpdate',
      'maxSurge and maxUnavailable are both 0, so a rollout could never replace a Pod',
      'let maxSurge or maxUnavailable be more than 0',
    );
  }
}

// ValidatePositiveIntOrPercent, and IsNotMoreThan100Percent for maxUnavailable.
function invalidAmount(value: unknown, capped: boolean): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value === 'number') {
    return isIntegerIn(value, COUNT) ? undefined : 'a count must be a whole number, 0 or more';
  }
  const match = typeof value === 'string' ? PERCENT.exec(value) : null;
  if (!match) {
    return 'a percentage is written as digits and "%"';
  }
  return capped && Number(match[1]) > 100 ? 'it may not be more than 100%' : undefined;
}

const PERCENT = /^([0-9]+)%$/;

// getIntOrPercentValue: a percentage's number, a count, or a string's leading integer as Go's Atoi reads it (0 when none).
function amountValue(value: unknown): number {
  if (typeof value === 'number') {
    return value;
  }
  const text = typeof value === 'string' ? value : '';
  const match = PERCENT.exec(text);
  return match ? Number(match[1]) : /^[+-]?[0-9]+$/.test(text) ? Number(text) : 0;
}


/** Pods of another construct that a workload's selector matches. */
export interface OverlappingPods {
  /** Construct path of the Pod or workload. */
  readonly construct: string;
  /** The labels of its Pods. */
  readonly labels: { readonly [key: string]: string };
}

/** Records a problem for each Pod or workload of the app whose Pods `selector` matches besides the workload's own. */
export function validateSelectorOverlap(selector: { readonly [key: string]: string }, others: readonly OverlappingPods[], report: RuleReport): void {
  const text = (labels: { readonly [key: string]: string }) => Object.entries(labels).map(([key, value]) => `${key}=${value}`).join(',');
  for (const other of others) {
    report.error(
      'workload-selector-overlap',
      'spec.selector.matchLabels',
      `selector ${text(selector)} also matches the Pods of ${other.construct} (labels ${text(other.labels)})`,
      'give each workload a label value of its own (a distinct `app`) and keep it in the selector',
    );
  }
}
