import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { checkOneOf } from './_fields';
import { quoteValue } from './_integer';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
import { defineRules, ruleIn } from './rules';
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
    ...fixByCase({
      onDelete: 'remove the rollingUpdate options, or use the RollingUpdate strategy',
      amount: 'write a whole number of Pods (1) or a percentage ("25%")',
      bothZero: 'let maxUnavailable or maxSurge be more than 0',
    }),
    see: 'https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/',
  },
]);

const UPDATE_STRATEGY = ruleIn(DAEMON_SET_RULES, 'daemon-set-update-strategy');

/** Checks what only a DaemonSet manifest has. */
export function validateDaemonSet(manifest: Unvalidated<k8s.KubeDaemonSetProps>, report: RuleReport): void {
  const at = 'spec.updateStrategy.rollingUpdate';
  const problem = (field: string, message: string, fix: Parameters<typeof UPDATE_STRATEGY.fixFor>[0]) =>
    report.error('daemon-set-update-strategy', field, message, UPDATE_STRATEGY.fixFor(fix));
  const strategy = manifest.spec?.updateStrategy;
  const rolling = strategy?.rollingUpdate;
  if (!checkOneOf(strategy?.type, UPDATE_STRATEGY_TYPES, 'spec.updateStrategy.type', 'daemon-set-update-strategy', report) || rolling === undefined) {
    return;
  }
  if (strategy?.type === 'OnDelete') {
    problem(at, 'rollingUpdate options are set with update strategy OnDelete', 'onDelete');
    return;
  }
  const fields = ['maxUnavailable', 'maxSurge'] as const;
  for (const field of fields) {
    const why = amountError(rolling[field], true);
    if (why !== undefined) {
      problem(`${at}.${field}`, `${field} is ${quoteValue(rolling[field])}; ${why}`, 'amount');
    }
  }
  // Kubernetes defaults maxUnavailable to 1 and maxSurge to 0: only both set to 0 is stuck.
  if (fields.every((field) => isZeroAmount(rolling[field]))) {
    problem(at, 'maxUnavailable and maxSurge are both 0, so an update could never replace a Pod', 'bothZero');
  }
}
