import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { checkOneOf } from './_fields';
import { quoteValue } from './_integer';
import { RuleReport } from './problem';
import { defineRules } from './rules';
import { UPDATE_STRATEGY_TYPES } from './stateful-set';
import { amountError, isZeroAmount } from './workload';

/** The rules that check DaemonSets, besides those every workload has. */
export const DAEMON_SET_RULES = defineRules([
  {
    id: 'daemon-set-update-strategy',
    category: 'api-server',
    severity: 'error',
    summary:
      'the update strategy of a DaemonSet is RollingUpdate or OnDelete; maxUnavailable and maxSurge are counts or percentages (at most 100%), not both 0, and rollingUpdate options only with RollingUpdate',
    why: 'the API server rejects the DaemonSet: with both 0 an update could never replace a Pod',
    fix: 'use DaemonSetUpdateStrategy.rollingUpdate() with maxUnavailable and maxSurge as counts of Pods (1) or percentages ("25%"), not both 0, or .onDelete(), which takes no rollingUpdate options',
    see: 'https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/',
  },
]);

/** Checks what only a DaemonSet manifest has. */
export function validateDaemonSet(manifest: Unvalidated<k8s.KubeDaemonSetProps>, report: RuleReport): void {
  const strategy = manifest.spec?.updateStrategy;
  const rolling = strategy?.rollingUpdate;
  if (!checkOneOf(strategy?.type, UPDATE_STRATEGY_TYPES, 'spec.updateStrategy.type', 'daemon-set-update-strategy', report) || rolling === undefined) {
    return;
  }
  if (strategy?.type === 'OnDelete') {
    report.error('daemon-set-update-strategy', 'spec.updateStrategy.rollingUpdate', 'rollingUpdate options are set with update strategy OnDelete');
    return;
  }
  const fields = ['maxUnavailable', 'maxSurge'] as const;
  for (const field of fields) {
    const why = amountError(rolling[field], true);
    if (why !== undefined) {
      report.error('daemon-set-update-strategy', `spec.updateStrategy.rollingUpdate.${field}`, `${field} is ${quoteValue(rolling[field])}; ${why}`);
    }
  }
  // Kubernetes defaults maxUnavailable to 1 and maxSurge to 0: only both set to 0 is stuck.
  if (fields.every((field) => isZeroAmount(rolling[field]))) {
    report.error(
      'daemon-set-update-strategy',
      'spec.updateStrategy.rollingUpdate',
      'maxUnavailable and maxSurge are both 0, so an update could never replace a Pod',
    );
  }
}
