import { validateLongRunningTemplate } from './pod-lifecycle';
import { Report } from './problem';
import { defineRules } from './rules';

/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads manifests as plain JSON */

/** The rules that check Deployments and ReplicaSets, besides those of their Pod template. */
export const WORKLOAD_RULES = defineRules([
  {
    id: 'workload-selector-labels',

    category: 'api-server',
    severity: 'error',
    summary: 'the Pod template of a workload has labels to select its Pods by',
    why: 'the selector is made of the template labels; the API server rejects an empty one, and it cannot be changed once applied',
    fix: "give the template labels, such as { app: 'myapp' }",
  },
  {
    id: 'workload-selector-matches-template',

    category: 'api-server',
    severity: 'error',
    summary: 'every label a workload selects by (selectBy) is a label of its Pod template',
    why: 'the API server rejects a selector that does not match the template labels: the workload would never see its own Pods',
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
    summary: 'replicas is a whole number, 0 or more',
    why: 'the API server rejects a negative or fractional count',
    fix: 'set replicas to 0 or more, or leave it out to let `kubectl scale` and autoscalers own it',
  },
  {
    id: 'workload-field-valid',

    category: 'api-server',
    severity: 'error',
    summary: 'minReadySeconds, revisionHistoryLimit and progressDeadlineSeconds are whole numbers, 0 or more; the deadline exceeds minReadySeconds',
    why: 'the API server rejects the workload otherwise',
    fix: 'use a whole number of 0 or more, or leave the field out',
  },
  {
    id: 'workload-restart-policy-always',

    category: 'api-server',
    severity: 'error',
    summary: 'the Pod template of a workload has restartPolicy Always, or none',
    why: 'a workload keeps its Pods running; the API server accepts no other restart policy in its template',
    fix: 'remove restartPolicy from the template; for work that runs to completion use a Job',
  },
  {
    id: 'deployment-rolling-update-valid',

    category: 'api-server',
    severity: 'error',
    summary: 'maxSurge and maxUnavailable of a rolling update are counts or percentages (at most 100%), and not both 0',
    why: 'the API server rejects the Deployment: with both 0 a rollout could never replace a Pod',
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
export function validateWorkload(manifest: any, facts: WorkloadFacts, report: Report): void {
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

  if (spec.replicas !== undefined && !isCount(spec.replicas)) {
    report.error('workload-replicas-valid', 'spec.replicas', `replicas is ${spec.replicas}; it must be a whole number, 0 or more`, 'set replicas to 0 or more');
  }
  for (const field of ['minReadySeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds']) {
    if (spec[field] !== undefined && !isCount(spec[field])) {
      report.error('workload-field-valid', `spec.${field}`, `${field} is ${spec[field]}; it must be a whole number, 0 or more`, `set ${field} to 0 or more, or leave it out`);
    }
  }
  if (isCount(spec.progressDeadlineSeconds) && isCount(spec.minReadySeconds) && spec.progressDeadlineSeconds <= spec.minReadySeconds) {
    report.error(
      'workload-field-valid',
      'spec.progressDeadlineSeconds',
      `progressDeadlineSeconds is ${spec.progressDeadlineSeconds}, not more than minReadySeconds (${spec.minReadySeconds})`,
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

  const rolling = spec.strategy?.rollingUpdate;
  if (rolling) {
    validateRollingUpdate(rolling, report);
  }
}

function validateRollingUpdate(rolling: any, report: Report): void {
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
        `${field} is ${JSON.stringify(value)}; ${why}`,
        'write a whole number of Pods (1) or a percentage ("25%")',
      );
    }
  }
  if (isZero(rolling.maxSurge) && isZero(rolling.maxUnavailable)) {
    report.error(
      'deployment-rolling-update-valid',
      'spec.strategy.rollingUpdate',
      'maxSurge and maxUnavailable are both 0, so a rollout could never replace a Pod',
      'let maxSurge or maxUnavailable be more than 0',
    );
  }
}

function invalidAmount(value: unknown, capped: boolean): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value === 'number') {
    return isCount(value) ? undefined : 'a count must be a whole number, 0 or more';
  }
  const match = typeof value === 'string' ? /^([0-9]+)%$/.exec(value) : null;
  if (!match) {
    return 'a percentage is written as digits and "%"';
  }
  return capped && Number(match[1]) > 100 ? 'it may not be more than 100%' : undefined;
}

function isZero(value: unknown): boolean {
  return value === 0 || value === '0%';
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Pods of another construct that a workload's selector matches. */
export interface OverlappingPods {
  /** Construct path of the Pod or workload. */
  readonly construct: string;
  /** The labels of its Pods. */
  readonly labels: { readonly [key: string]: string };
}

/** Records a problem for each Pod or workload of the app whose Pods `selector` matches besides the workload's own. */
export function validateSelectorOverlap(selector: { readonly [key: string]: string }, others: readonly OverlappingPods[], report: Report): void {
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
