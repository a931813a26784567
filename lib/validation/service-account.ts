import { RuleReport } from './problem';
import { defineRules } from './rules';

/** The rules that check ServiceAccounts and the Pods that run as them. */
export const SERVICE_ACCOUNT_RULES = defineRules([
  {
    id: 'service-account-namespace',
    severity: 'error',
    summary: 'a ServiceAccount of this app that a Pod runs as is in the namespace of the Pod',
    why: 'a Pod can only run as a ServiceAccount of its own namespace: the API server refuses to create it ("serviceaccount not found"), and a workload never gets its Pods',
    fix: 'create the ServiceAccount in the chart of the Pod, or use ServiceAccount.fromName() for one that exists there',
    see: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/',
  },
  {
    id: 'service-account-given-twice',
    severity: 'error',
    summary: 'a Pod takes its ServiceAccount from serviceAccount or serviceAccountName, not both with different names',
    why: 'only one name reaches the manifest; the other would be silently ignored',
    fix: 'keep the `serviceAccount` prop and remove `serviceAccountName`',
  },
]);

/** What the check of a Pod's ServiceAccount needs. */
export interface PodServiceAccount {
  /** The account's name. */
  readonly name: string;
  /** Its construct path and namespace, when it is an object of this app. */
  readonly inApp?: { readonly path: string; readonly namespace: string | undefined };
}

/**
 * Checks the ServiceAccount a Pod spec at `at` runs as, the Pod being in
 * `namespace`; `byName` is its `serviceAccountName` prop, if set.
 */
export function validatePodServiceAccount(account: PodServiceAccount | undefined, byName: string | undefined, namespace: string | undefined, at: string, report: RuleReport): void {
  if (account !== undefined && byName !== undefined && byName !== account.name) {
    report.error('service-account-given-twice', `${at}.serviceAccountName`, `serviceAccount is "${account.name}" and serviceAccountName is "${byName}"`);
  }
  if (account?.inApp === undefined || account.inApp.namespace === namespace) {
    return;
  }
  report.error(
    'service-account-namespace',
    `${at}.serviceAccountName`,
    `ServiceAccount "${account.name}" (${account.inApp.path}) is in namespace "${account.inApp.namespace ?? 'default'}", the Pod in "${namespace ?? 'default'}"`,
  );
}
