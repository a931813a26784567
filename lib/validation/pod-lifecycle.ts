/**
 * The lifecycle, timing and host-namespace fields of a Pod spec, checked
 * as `ValidatePodSpec` checks them: `activeDeadlineSeconds`,
 * `terminationGracePeriodSeconds` (and its warning in
 * `pkg/api/pod/warnings.go`), `readinessGates` (validateReadinessGates),
 * `shareProcessNamespace` with `hostPID` (validatePodSpecSecurityContext)
 * and `hostUsers: false` (validateHostUsers); and the fields the apps
 * validation forbids in the template of a long-running workload. The
 * host ports under `hostNetwork` are checked with the other port checks,
 * in container-ports.ts.
 */

import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { checkName } from './_field-checks';
import { checkInteger, INT32, INT64, quoteValue } from './_integer';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
import { defineRules, ruleIn } from './rules';

/** The kinds whose Pods run until replaced: their templates take no activeDeadlineSeconds. */
export const LONG_RUNNING_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController'] as const;

const ACTIVE_DEADLINE = { min: 1, max: INT32.max } as const;
/** The fields of a Pod spec that share one of the node's namespaces with the Pod. */
export const HOST_NAMESPACE_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

/** The rules of a Pod's lifecycle, timing and host namespaces. */
export const POD_LIFECYCLE_RULES = defineRules([
  {
    id: 'pod-timing',
    severity: 'error',
    category: 'api-server',
    summary:
      '`activeDeadlineSeconds` is a whole number from 1 to 2147483647 and is not set in the template of a Deployment, ReplicaSet, StatefulSet or DaemonSet; `terminationGracePeriodSeconds` is a whole number.',
    why: 'The API server refuses the Pod (ValidatePodSpec: "must be between 1 and 2147483647, inclusive") and the workload (ValidatePodTemplateSpecForReplicaSet and friends: "activeDeadlineSeconds in ReplicaSet is not Supported"): a deadline would kill Pods the workload must keep running.',
    ...fixByCase(
      {
        deadline: 'set the seconds the Pod may run before it is stopped, 1 or more',
        grace: 'set the seconds the containers get to shut down, such as 30',
        template: 'remove activeDeadlineSeconds; for work that must finish in time use a Job with activeDeadlineSeconds',
      },
      {},
    ),
    see: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/',
  },
  {
    id: 'termination-grace-period-negative',
    severity: 'warning',
    category: 'lint',
    summary: '`terminationGracePeriodSeconds` is 0 or more.',
    why: 'The API server accepts a negative value but warns "must be >= 0; negative values are invalid and will be treated as 1".',
    fix: 'Use 0 to stop the containers at once, or the seconds they need to shut down.',
    see: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
  },
  {
    id: 'readiness-gate',
    severity: 'error',
    category: 'api-server',
    summary: 'The `conditionType` of every readiness gate is a qualified name, such as `example.com/feature-1`.',
    why: "The API server refuses the Pod (validateReadinessGates), in the words of ValidateQualifiedName: \"name part must consist of alphanumeric characters, '-', '_' or '.'\".",
    fix: 'Name the Pod condition to wait for, such as "example.com/load-balancer-ready".',
    see: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-readiness-gate',
  },
  {
    id: 'no-ephemeral-containers',
    severity: 'error',
    category: 'api-server',
    summary: 'A Pod or Pod template declares no `ephemeralContainers`.',
    why: 'The API server refuses a Pod created with them (ValidatePodCreate: "cannot be set on create"), and so every Pod a workload would create from such a template: ephemeral containers are added to a running Pod through its ephemeralcontainers subresource.',
    fix: 'Remove ephemeralContainers, and attach a debug container to the running Pod with `kubectl debug`.',
    see: 'https://kubernetes.io/docs/concepts/workloads/pods/ephemeral-containers/',
  },
  {
    id: 'host-namespaces',
    severity: 'error',
    category: 'api-server',
    summary:
      '`shareProcessNamespace` is not set together with `hostPID`; under `hostNetwork` every `hostPort` a container sets equals its `containerPort`; `hostUsers: false` comes without hostNetwork, hostPID and hostIPC.',
    why: 'The API server refuses the Pod: "ShareProcessNamespace and HostPID cannot both be enabled", "must match `containerPort` when `hostNetwork` is true", "Forbidden: when `pod.Spec.HostUsers` is false".',
    ...fixByCase(
      {
        share: "keep one: hostPID shares the node's process namespace, shareProcessNamespace one of the Pod's own",
        hostPort: (port: string) => `set hostPort to ${port} or remove it`,
        hostUsers: (field: string) => `remove ${field}, or hostUsers: false`,
      },
      { hostPort: ['the containerPort'], hostUsers: ['hostNetwork, hostPID or hostIPC'] },
    ),
    see: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
  },
]);

const TIMING = ruleIn(POD_LIFECYCLE_RULES, 'pod-timing');
const HOST_NAMESPACES = ruleIn(POD_LIFECYCLE_RULES, 'host-namespaces');

/** Checks the lifecycle, timing and host-namespace fields of the Pod spec `spec` at field path `at`. */
export function validatePodLifecycle(spec: Unvalidated<k8s.PodSpec>, at: string, report: RuleReport): void {
  // Each field is looked at before its path is written out: most Pods set none of them.
  if (spec.activeDeadlineSeconds !== undefined) {
    checkInteger(
      spec.activeDeadlineSeconds,
      { rule: 'pod-timing', at: `${at}.activeDeadlineSeconds`, what: 'activeDeadlineSeconds', range: ACTIVE_DEADLINE, fix: TIMING.fixFor('deadline') },
      report,
    );
  }
  const grace = spec.terminationGracePeriodSeconds;
  if (
    grace !== undefined &&
    checkInteger(
      grace,
      { rule: 'pod-timing', at: `${at}.terminationGracePeriodSeconds`, what: 'terminationGracePeriodSeconds', range: INT64, fix: TIMING.fixFor('grace') },
      report,
    ) &&
    grace < 0
  ) {
    report.warn(
      'termination-grace-period-negative',
      `${at}.terminationGracePeriodSeconds`,
      `terminationGracePeriodSeconds is ${grace}; Kubernetes treats a negative value as 1`,
    );
  }
  const gates = spec.readinessGates ?? [];
  for (let i = 0; i < gates.length; i++) {
    checkName(
      gates[i].conditionType ?? '',
      'qualified-name',
      { rule: 'readiness-gate', at: `${at}.readinessGates[${i}].conditionType`, what: 'readiness gate conditionType' },
      report,
    );
  }
  const ephemeral = spec.ephemeralContainers ?? [];
  if (ephemeral.length > 0) {
    const count = `${ephemeral.length} ephemeral container${ephemeral.length === 1 ? '' : 's'}`;
    report.error('no-ephemeral-containers', `${at}.ephemeralContainers`, `the Pod declares ${count}; they cannot be set when a Pod is created`);
  }
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    report.error('host-namespaces', `${at}.shareProcessNamespace`, 'the Pod sets both shareProcessNamespace and hostPID', HOST_NAMESPACES.fixFor('share'));
  }
  for (const field of spec.hostUsers === false ? HOST_NAMESPACE_FIELDS : []) {
    if (spec[field] === true) {
      report.error('host-namespaces', `${at}.${field}`, `the Pod sets hostUsers: false and ${field}: true`, HOST_NAMESPACES.fixFor('hostUsers', field));
    }
  }
}

/**
 * Checks what the apps validation forbids in the Pod template of a
 * long-running workload of kind `kind` (Deployment, ReplicaSet,
 * StatefulSet, DaemonSet): `spec` is the template's spec at field path `at`.
 * Other kinds (Job, CronJob) are not checked.
 */
export function validateLongRunningTemplate(kind: string, spec: Unvalidated<k8s.PodSpec> | undefined, at: string, report: RuleReport): void {
  const deadline = spec?.activeDeadlineSeconds;
  if (deadline != null && (LONG_RUNNING_KINDS as readonly string[]).includes(kind)) {
    report.error(
      'pod-timing',
      `${at}.activeDeadlineSeconds`,
      `the Pod template of a ${kind} sets activeDeadlineSeconds ${quoteValue(deadline)}; a ${kind} keeps its Pods running, so the API server refuses a deadline`,
      TIMING.fixFor('template'),
    );
  }
}
