import { checkOneOf, parseAmount } from './_fields';
import { JsonObject, objectAt } from './_json';
import { RuleReport } from './problem';
import { defineRules } from './rules';

/** The rules that check DaemonSets, besides those every workload has. */
export const DAEMON_SET_RULES = defineRules([
  {
    id: 'daemon-set-update-strategy',
    category: 'api-server',
    severity: 'error',
    summary: 'the update strategy of a DaemonSet is RollingUpdate or OnDelete; maxUnavailable and maxSurge are counts or percentages (at most 100%), not both 0, and rollingUpdate options only with RollingUpdate',
    why: 'the API server rejects the DaemonSet: with both 0 an update could never replace a Pod',
    fix: 'use DaemonSetUpdateStrategy.rollingUpdate() with maxUnavailable or maxSurge more than 0, or .onDelete()',
    see: 'https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/',
  },
]);

const STRATEGIES = ['RollingUpdate', 'OnDelete'];

/** Checks what only a DaemonSet manifest has. */
export function validateDaemonSet(manifest: JsonObject, report: RuleReport): void {
  const strategy = objectAt(manifest.spec).updateStrategy;
  if (strategy === undefined) {
    return;
  }
  const { type, rollingUpdate } = objectAt(strategy);
  if (!checkOneOf(type, STRATEGIES, 'spec.updateStrategy.type', 'daemon-set-update-strategy', report) || rollingUpdate === undefined) {
    return;
  }
  const rolling = objectAt(rollingUpdate);
  if (type === 'OnDelete') {
    report.error('daemon-set-update-strategy', 'spec.updateStrategy.rollingUpdate', 'rollingUpdate options are set with update strategy OnDelete', 'remove the rollingUpdate options, or use the RollingUpdate strategy');
    return;
  }
  const counts: number[] = [];
  for (const field of ['maxUnavailable', 'maxSurge'] as const) {
    if (rolling[field] === undefined) {
      continue;
    }
    const amount = parseAmount(rolling[field]);
    const why = 'error' in amount ? amount.error : amount.percent && amount.count > 100 ? 'it may not be more than 100%' : undefined;
    if (why !== undefined) {
      report.error('daemon-set-update-strategy', `spec.updateStrategy.rollingUpdate.${field}`, `${field} is ${JSON.stringify(rolling[field])}; ${why}`, 'write a whole number of Pods (1) or a percentage ("25%")');
    } else if ('count' in amount) {
      counts.push(amount.count);
    }
  }
  // Kubernetes defaults maxUnavailable to 1 and maxSurge to 0: only both set to 0 is stuck.
  if (rolling.maxUnavailable !== undefined && rolling.maxSurge !== undefined && counts.length === 2 && counts.every((count) => count === 0)) {
    report.error('daemon-set-update-strategy', 'spec.updateStrategy.rollingUpdate', 'maxUnavailable and maxSurge are both 0, so an update could never replace a Pod', 'let maxUnavailable or maxSurge be more than 0');
  }
}
