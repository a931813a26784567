import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { parseAmount } from './_fields';
import { checkInteger, INT32, quoteValue } from './_integer';
import { checkEnum } from './container-spec';
import { validateLabelSelector } from './label-selector';
import { validateLongRunningTemplate } from './pod-lifecycle';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
import { defineRules, ruleIn } from './rules';

/** The rules that check Deployments and ReplicaSets, besides those of their Pod template. */
export const WORKLOAD_RULES = defineRules([
  {
    id: 'workload-selector-labels',
    category: 'api-server',
    severity: 'error',
    summary: 'the Pod template of a workload has labels to select its Pods by',
    why: 'the selector is made of the template labels; the API server rejects an empty one ("empty selector is invalid for deployment"), and it cannot be changed once applied',
    ...fixByCase(
      {
        noLabels: "give the template labels, such as `labels: { app: 'myapp' }`",
        emptySelectBy: (label: string) => `name the template labels to select by, such as [${label}], or leave selectBy out to select by all of them`,
        emptySelector: 'select by the template labels, or leave spec.selector to Peapod',
      },
      { emptySelectBy: ['"app"'] },
    ),
  },
  {
    id: 'workload-selector-matches-template',
    category: 'api-server',
    severity: 'error',
    summary: 'the rendered selector of a workload matches its rendered Pod template labels, and every label it selects by (selectBy) is one of them',
    why: 'the API server rejects a selector that does not match the template labels ("`selector` does not match template `labels`"): the workload would never see its own Pods',
    ...fixByCase(
      {
        selectBy: (label: string) => `add ${label} to the template labels, or remove it from selectBy`,
        patch: 'change the JsonPatch so that the selector and the template labels agree, or drop it and let Peapod derive the selector',
      },
      { selectBy: ['the label'] },
    ),
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
    summary:
      'minReadySeconds, revisionHistoryLimit and progressDeadlineSeconds are whole numbers, 0 or more; the deadline exceeds minReadySeconds (0 when not set)',
    why: 'the API server rejects the workload otherwise ("must be greater than minReadySeconds")',
    ...fixByCase(
      { count: (field: string) => `set ${field} to 0 or more, or leave it out`, deadline: 'make progressDeadlineSeconds greater than minReadySeconds' },
      { count: ['the field'] },
    ),
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
    ...fixByCase({ amount: 'write a whole number of Pods (1) or a percentage ("25%")', bothZero: 'let maxSurge or maxUnavailable be more than 0' }, {}),
  },
]);

const SELECTOR_LABELS = ruleIn(WORKLOAD_RULES, 'workload-selector-labels');
const SELECTOR_MATCHES_TEMPLATE = ruleIn(WORKLOAD_RULES, 'workload-selector-matches-template');
const FIELD_VALID = ruleIn(WORKLOAD_RULES, 'workload-field-valid');
const ROLLING_UPDATE_VALID = ruleIn(WORKLOAD_RULES, 'deployment-rolling-update-valid');

/** What a workload's validation needs besides the manifest. */
export interface WorkloadFacts {
  /** `Deployment` or `ReplicaSet`, for the messages. */
  readonly kind: string;
  /** The label keys declared with `selectBy`, if any. */
  readonly selectBy?: readonly string[];
}

/**
 * Checks a rendered Deployment or ReplicaSet manifest (a ReplicaSet's spec
 * has a subset of a Deployment's fields), except its Pod spec (which
 * `PodTemplate.validate` checks), and records every problem in `report`.
 */
export function validateWorkload(manifest: Unvalidated<k8s.KubeDeploymentProps>, facts: WorkloadFacts, report: RuleReport): void {
  const { kind, selectBy } = facts;
  const spec = manifest.spec ?? {};
  const labels = spec.template?.metadata?.labels ?? {};
  const keys = Object.keys(labels);
  if (keys.length === 0) {
    const message = `the Pod template has no labels, so the ${kind} has nothing to select its Pods by`;
    report.error('workload-selector-labels', 'spec.template.metadata.labels', message, SELECTOR_LABELS.fixFor('noLabels'));
  } else if (selectBy !== undefined && selectBy.length === 0) {
    // Kubernetes refuses an empty selector: it would select every Pod of the namespace.
    const message = `selectBy is empty, so the ${kind} has nothing to select its Pods by`;
    report.error('workload-selector-labels', 'spec.selector.matchLabels', message, SELECTOR_LABELS.fixFor('emptySelectBy', `"${keys[0]}"`));
  } else {
    for (const key of selectBy ?? []) {
      if (!(key in labels)) {
        report.error(
          'workload-selector-matches-template',
          'spec.selector.matchLabels',
          `selectBy names label "${key}", which the Pod template does not have (it has ${keys.map((k) => `"${k}"`).join(', ')})`,
          SELECTOR_MATCHES_TEMPLATE.fixFor('selectBy', `"${key}"`),
        );
      }
    }
    validateRenderedSelector(spec.selector ?? {}, labels, kind, report);
  }

  checkInteger(spec.replicas, { rule: 'workload-replicas-valid', at: 'spec.replicas', what: 'replicas', range: COUNT }, report);
  const count = (field: 'minReadySeconds' | 'revisionHistoryLimit' | 'progressDeadlineSeconds') =>
    checkInteger(
      spec[field],
      { rule: 'workload-field-valid', at: `spec.${field}`, what: field, range: COUNT, fix: FIELD_VALID.fixFor('count', field) },
      report,
    );
  const minReady = count('minReadySeconds');
  count('revisionHistoryLimit');
  const deadline = count('progressDeadlineSeconds');
  // minReadySeconds defaults to 0; an invalid one is reported already.
  if (deadline && (minReady || spec.minReadySeconds === undefined) && spec.progressDeadlineSeconds! <= (spec.minReadySeconds ?? 0)) {
    report.error(
      'workload-field-valid',
      'spec.progressDeadlineSeconds',
      `progressDeadlineSeconds is ${spec.progressDeadlineSeconds}, not more than minReadySeconds (${spec.minReadySeconds ?? '0, its default'})`,
      FIELD_VALID.fixFor('deadline'),
    );
  }

  const restartPolicy = spec.template?.spec?.restartPolicy;
  if (restartPolicy !== undefined && restartPolicy !== 'Always') {
    const message = `restartPolicy is "${restartPolicy}", but a ${kind} accepts only "Always"`;
    report.error('workload-restart-policy-always', 'spec.template.spec.restartPolicy', message);
  }

  validateLongRunningTemplate(kind, spec.template?.spec, 'spec.template.spec', report);

  if (spec.strategy !== undefined) {
    validateStrategy(spec.strategy, report);
  }
}

// The whole numbers a count field takes: 0 or more, within a Go int32.
const COUNT = { min: 0, max: INT32.max };

// ValidateDeploymentStrategy: the type defaults to RollingUpdate, whose amounts default to 25%.
function validateStrategy(strategy: Unvalidated<k8s.DeploymentStrategy>, report: RuleReport): void {
  checkEnum(strategy.type, DEPLOYMENT_STRATEGY_TYPES, 'spec.strategy.type', 'strategy type', report);
  const [rolling, at] = [strategy.rollingUpdate, 'spec.strategy.rollingUpdate'];
  if (strategy.type === 'Recreate' && rolling !== undefined && rolling !== null) {
    report.error('deployment-strategy', at, 'rollingUpdate is set, but the strategy type is Recreate');
  } else if (rolling) {
    for (const field of ['maxSurge', 'maxUnavailable'] as const) {
      const why = amountError(rolling[field], field === 'maxUnavailable');
      if (why) {
        report.error(
          'deployment-rolling-update-valid',
          `${at}.${field}`,
          `${field} is ${quoteValue(rolling[field])}; ${why}`,
          ROLLING_UPDATE_VALID.fixFor('amount'),
        );
      }
    }
    // A field left out defaults to 25%, which is not 0.
    if (amountValue(rolling.maxSurge ?? '25%') === 0 && amountValue(rolling.maxUnavailable ?? '25%') === 0) {
      const message = 'maxSurge and maxUnavailable are both 0, so a rollout could never replace a Pod';
      report.error('deployment-rolling-update-valid', at, message, ROLLING_UPDATE_VALID.fixFor('bothZero'));
    }
  }
}

/** The ways a Deployment replaces its Pods. */
export const DEPLOYMENT_STRATEGY_TYPES = ['Recreate', 'RollingUpdate'] as const;

/**
 * Checks the rendered selector (`spec.selector`) against the rendered
 * template labels, as `ValidatePodTemplateSpecForReplicaSet` does; a
 * JsonPatch to either is checked as it will be applied. Runs only when the
 * template has labels and selectBy is not empty (else the cause is reported).
 */
function validateRenderedSelector(selector: Unvalidated<k8s.LabelSelector>, labels: Labels, kind: string, report: RuleReport): void {
  const matchLabels = selector.matchLabels ?? {};
  const expressions = selector.matchExpressions ?? [];
  // The selector's syntax, as ValidateLabelSelector checks it; labels that are
  // the template's are checked there already, so only others are checked here.
  const ownLabels = Object.fromEntries(Object.entries(matchLabels).filter(([key, value]) => labels[key] !== value));
  validateLabelSelector({ matchLabels: ownLabels, matchExpressions: expressions }, 'spec.selector', `selector of the ${kind}`, report);
  if (Object.keys(matchLabels).length + expressions.length === 0) {
    report.error(
      'workload-selector-labels',
      'spec.selector',
      `the ${kind}'s selector is empty, which the API server refuses`,
      SELECTOR_LABELS.fixFor('emptySelector'),
    );
    return;
  }
  const unmatched = [...labelPairs(ownLabels), ...expressions.filter((expression) => !requirementMatches(expression, labels)).map(requirementText)];
  if (unmatched.length > 0) {
    report.error(
      'workload-selector-matches-template',
      'spec.template.metadata.labels',
      `the selector's ${unmatched.join(', ')} does not match the template labels (${labelPairs(labels).join(', ')}), so the ${kind} would never see its own Pods`,
      SELECTOR_MATCHES_TEMPLATE.fixFor('patch'),
    );
  }
}

type Labels = { readonly [key: string]: string | undefined };

// Labels as the messages write them: `key=value`.
const labelPairs = (labels: Labels) => Object.entries(labels).map(([key, value]) => `${key}=${value}`);

// Whether a label selector requirement holds for `labels` (an unknown operator holds for nothing).
function requirementMatches({ key, operator, values = [] }: Unvalidated<k8s.LabelSelectorRequirement>, labels: Labels): boolean {
  const present = key !== undefined && Object.hasOwn(labels, key);
  switch (operator) {
    case 'In':
      return present && values.includes(labels[key]!);
    case 'NotIn':
      return !present || !values.includes(labels[key]!);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      return false;
  }
}

function requirementText({ key, operator, values = [] }: Unvalidated<k8s.LabelSelectorRequirement>): string {
  return `${key} ${operator}${values.length > 0 ? ` (${values.join(', ')})` : ''}`;
}

/**
 * Why a count or percentage of a rollout (`maxSurge`, `maxUnavailable`) is
 * refused, as ValidatePositiveIntOrPercent and, when `capped`,
 * IsNotMoreThan100Percent word it; `undefined` when it is valid or left out.
 * A count is an IntOrString's int32.
 */
export function amountError(value: unknown, capped: boolean): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const amount = parseAmount(typeof value === 'number' && value > INT32.max ? NaN : value);
  return 'error' in amount ? amount.error : capped && amount.percent && amount.count > 100 ? 'it may not be more than 100%' : undefined;
}

/** Whether `value` is a valid count or percentage of 0 (`0`, `"0%"`). */
export function isZeroAmount(value: unknown): boolean {
  return amountError(value, false) === undefined && /^0+%?$/.test(String(value));
}

// getIntOrPercentValue: a percentage's number, a count, or a string's leading integer as Go's Atoi reads it (0 when none).
function amountValue(value: number | string): number {
  if (typeof value === 'number') {
    return value;
  }
  const match = /^([0-9]+)%$/.exec(value);
  return match ? Number(match[1]) : /^[+-]?[0-9]+$/.test(value) ? Number(value) : 0;
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
  for (const other of others) {
    const message = `selector ${labelPairs(selector).join(',')} also matches the Pods of ${other.construct} (labels ${labelPairs(other.labels).join(',')})`;
    report.error('workload-selector-overlap', 'spec.selector.matchLabels', message);
  }
}
