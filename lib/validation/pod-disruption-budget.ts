import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { checkOneOf, parseAmount } from './_fields';
import { quoteValue } from './_integer';
import { RuleReport } from './problem';
import { defineRules } from './rules';
import { amountError } from './workload';

const SEE = 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/';

/** The rules that check PodDisruptionBudgets. */
export const PDB_RULES = defineRules([
  {
    id: 'pdb-budget-valid',
    category: 'api-server',
    severity: 'error',
    summary:
      'a PodDisruptionBudget sets minAvailable or maxUnavailable, not both, as a count (0 or more) or a percentage (at most 100%); unhealthyPodEvictionPolicy is IfHealthyBudget or AlwaysAllow',
    why: 'the API server rejects the budget otherwise',
    fix: 'set one of minAvailable and maxUnavailable, as a count of Pods (1) or a percentage of at most 100% ("25%")',
    see: `${SEE}#specifying-a-poddisruptionbudget`,
  },
  {
    id: 'pdb-selects-pods',
    severity: 'error',
    summary: 'the selector of a PodDisruptionBudget made from an object of the app selects its Pods, in the namespace of the budget',
    why: 'a budget that selects no Pod protects nothing: drains and evictions go ahead as if it were not there',
    fix: 'create the budget in the namespace of the workload it protects',
  },
  {
    id: 'pdb-allows-eviction',
    severity: 'warning',
    summary: 'a PodDisruptionBudget allows at least one eviction when all the Pods it selects are healthy',
    why: 'a budget that never allows an eviction blocks every node drain (`kubectl drain` waits forever), so cluster upgrades stall',
    fix: 'set maxUnavailable to 1, or minAvailable below the number of replicas',
    see: `${SEE}#think-about-how-your-application-reacts-to-disruptions`,
  },
]);

/** What happens to Pods that are not ready when an eviction is asked. */
export const UNHEALTHY_POD_EVICTION_POLICIES = ['IfHealthyBudget', 'AlwaysAllow'] as const;

/** Checks a rendered policy/v1 PodDisruptionBudget; `replicas` is how many Pods it selects, when known. */
export function validatePodDisruptionBudget(manifest: Unvalidated<k8s.KubePodDisruptionBudgetProps>, replicas: number | undefined, report: RuleReport): void {
  const spec = manifest.spec ?? {};
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    report.error('pdb-budget-valid', 'spec', 'minAvailable and maxUnavailable are both set');
  }
  for (const field of ['minAvailable', 'maxUnavailable'] as const) {
    const why = amountError(spec[field], true);
    if (why !== undefined) {
      report.error('pdb-budget-valid', `spec.${field}`, `${field} is ${quoteValue(spec[field])}; ${why}`);
    }
  }
  checkOneOf(spec.unhealthyPodEvictionPolicy, UNHEALTHY_POD_EVICTION_POLICIES, 'spec.unhealthyPodEvictionPolicy', 'pdb-budget-valid', report);
  const never = neverAllows(spec, replicas);
  if (never !== undefined) {
    report.warn('pdb-allows-eviction', never.at, never.message);
  }
}

function neverAllows(spec: Unvalidated<k8s.PodDisruptionBudgetSpec>, replicas: number | undefined): { at: string; message: string } | undefined {
  const max = spec.maxUnavailable === undefined ? undefined : parseAmount(spec.maxUnavailable);
  if (max !== undefined && 'count' in max && max.count === 0) {
    return { at: 'spec.maxUnavailable', message: `maxUnavailable is ${quoteValue(spec.maxUnavailable)}, so no Pod may ever be evicted` };
  }
  const min = spec.minAvailable === undefined ? undefined : parseAmount(spec.minAvailable);
  if (min !== undefined && 'count' in min) {
    if (min.percent && min.count === 100) {
      return { at: 'spec.minAvailable', message: 'minAvailable is "100%", so no Pod may ever be evicted' };
    }
    if (!min.percent && replicas !== undefined && min.count >= replicas) {
      return { at: 'spec.minAvailable', message: `minAvailable is ${min.count}, and the Pods it selects number ${replicas}, so none may ever be evicted` };
    }
  }
  return undefined;
}
