import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { ACCESS_MODES } from '../volume';
import { checkCounts, checkOneOf } from './_fields';
import { quoteValue } from './_integer';
import { dns1123LabelError } from './names';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
import { defineRules, ruleIn } from './rules';
import { amountError, isZeroAmount } from './workload';

const SEE = 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/';

/** The rules that check StatefulSets, besides those every workload has. */
export const STATEFUL_SET_RULES = defineRules([
  {
    id: 'stateful-set-pod-management-policy',
    category: 'api-server',
    severity: 'error',
    summary: 'podManagementPolicy of a StatefulSet is OrderedReady or Parallel',
    why: 'the API server rejects any other policy',
    fix: "use 'OrderedReady' (one Pod after another) or 'Parallel'",
    see: `${SEE}#pod-management-policies`,
  },
  {
    id: 'stateful-set-update-strategy',
    category: 'api-server',
    severity: 'error',
    summary:
      'the update strategy of a StatefulSet is RollingUpdate or OnDelete; rollingUpdate options only with RollingUpdate; partition 0 or more; maxUnavailable more than 0 and at most 100%',
    why: 'the API server rejects the StatefulSet otherwise',
    ...fixByCase({
      onDelete: 'remove the rollingUpdate options, or use the RollingUpdate strategy',
      maxUnavailable: 'use a whole number of Pods (1) or a percentage ("25%"), more than 0',
    }),
    see: `${SEE}#update-strategies`,
  },
  {
    id: 'stateful-set-claim-retention-policy',
    category: 'api-server',
    severity: 'error',
    summary: 'whenDeleted and whenScaled of persistentVolumeClaimRetentionPolicy are Retain or Delete',
    why: 'the API server rejects any other value',
    fix: "use 'Retain' or 'Delete'",
    see: `${SEE}#persistentvolumeclaim-retention`,
  },
  {
    id: 'stateful-set-field-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'ordinals.start of a StatefulSet is 0 or more',
    why: 'the API server rejects the StatefulSet otherwise',
    fix: 'start ordinals at 0 or more',
  },
  {
    id: 'stateful-set-name',
    severity: 'error',
    summary: 'the name of a StatefulSet is a DNS-1123 label',
    why: 'each Pod is named and host-named <name>-<ordinal>, and a host name is a DNS label: with a "." in the name the Pods are refused when they are made',
    fix: 'rename the StatefulSet with lower-case letters, digits and "-" only',
    see: `${SEE}#stable-network-id`,
  },
  {
    id: 'stateful-set-claim-template-valid',
    severity: 'error',
    summary:
      'each volume claim template has a unique DNS-1123 label as name, at least one valid access mode (ReadWriteOncePod alone), and a storage request more than 0',
    why: 'the StatefulSet is accepted, but the claim of each Pod is refused when it is made, and the Pods wait forever for their volume',
    ...fixByCase({
      name: 'name it with a DNS-1123 label, such as "data"',
      taken: 'give each claim template its own name',
      volume: 'rename the claim template or the volume: mounts refer to them by name',
      noModes: "give it accessModes, such as ['ReadWriteOnce']",
      readWriteOncePod: 'use ReadWriteOncePod alone',
      storage: "request a size such as '10Gi'",
    }),
    see: `${SEE}#volume-claim-templates`,
  },
  {
    id: 'stateful-set-service-headless',
    severity: 'error',
    summary: 'the governing Service of a StatefulSet (serviceName) is headless',
    why: 'the Pods of a StatefulSet get stable DNS names (mysql-0.mysql) only from a headless Service; through a cluster IP, clients cannot reach one Pod by name',
    fix: 'make the Service headless (`headless: true`), or leave `service` out to have one made',
    see: `${SEE}#stable-network-id`,
  },
  {
    id: 'stateful-set-service-selects-pods',
    severity: 'error',
    summary: 'the governing Service of a StatefulSet is in its namespace and selects its Pods',
    why: 'a governing Service that does not select the Pods gives them no DNS names: peers and clients cannot find them',
    ...fixByCase({ namespace: 'create the Service in the chart of the StatefulSet', selector: 'target the StatefulSet with the Service' }, {}),
    see: `${SEE}#stable-network-id`,
  },
]);

const UPDATE_STRATEGY = ruleIn(STATEFUL_SET_RULES, 'stateful-set-update-strategy');
const CLAIM_TEMPLATE_VALID = ruleIn(STATEFUL_SET_RULES, 'stateful-set-claim-template-valid');
const SERVICE_SELECTS_PODS = ruleIn(STATEFUL_SET_RULES, 'stateful-set-service-selects-pods');

/** The policies of a StatefulSet, as the API server knows them. */
export const POD_MANAGEMENT_POLICIES = ['OrderedReady', 'Parallel'] as const;
/** What happens to the claims of a StatefulSet's Pods when it is deleted or scaled down. */
export const CLAIM_RETENTION_POLICIES = ['Retain', 'Delete'] as const;
/** How a StatefulSet or DaemonSet replaces its Pods: the values Kubernetes declares alike for both kinds' `updateStrategy.type`. */
export const UPDATE_STRATEGY_TYPES = ['RollingUpdate', 'OnDelete'] as const;

/** Checks what only a StatefulSet manifest has, and records every problem in `report`. */
export function validateStatefulSet(manifest: Unvalidated<k8s.KubeStatefulSetProps>, report: RuleReport): void {
  const spec = manifest.spec ?? {};
  const name = manifest.metadata?.name ?? '';
  const nameError = dns1123LabelError(`${name}-0`);
  if (nameError !== undefined) {
    report.error('stateful-set-name', 'metadata.name', `the first Pod would be named "${name}-0", which ${nameError}`);
  }
  checkOneOf(spec.podManagementPolicy, POD_MANAGEMENT_POLICIES, 'spec.podManagementPolicy', 'stateful-set-pod-management-policy', report);
  if (spec.updateStrategy !== undefined) {
    validateUpdateStrategy(spec.updateStrategy, report);
  }
  const retention = spec.persistentVolumeClaimRetentionPolicy ?? {};
  for (const field of ['whenDeleted', 'whenScaled'] as const) {
    checkOneOf(retention[field], CLAIM_RETENTION_POLICIES, `spec.persistentVolumeClaimRetentionPolicy.${field}`, 'stateful-set-claim-retention-policy', report);
  }
  checkCounts(spec.ordinals, ['start'], 'spec.ordinals', 'stateful-set-field-valid', report);
  // A deadline in the template is pod-timing's, as for every workload that keeps its Pods running.
  validateClaimTemplates(spec, report);
}

function validateUpdateStrategy(strategy: Unvalidated<k8s.StatefulSetUpdateStrategy>, report: RuleReport): void {
  const at = 'spec.updateStrategy';
  const rolling = strategy.rollingUpdate;
  if (!checkOneOf(strategy.type, UPDATE_STRATEGY_TYPES, `${at}.type`, 'stateful-set-update-strategy', report) || rolling === undefined) {
    return;
  }
  if (strategy.type === 'OnDelete') {
    report.error(
      'stateful-set-update-strategy',
      `${at}.rollingUpdate`,
      'rollingUpdate options are set with update strategy OnDelete',
      UPDATE_STRATEGY.fixFor('onDelete'),
    );
    return;
  }
  checkCounts(rolling, ['partition'], `${at}.rollingUpdate`, 'stateful-set-update-strategy', report);
  // Unlike a Deployment's, 0 is refused: the update could never replace a Pod.
  const why = amountError(rolling.maxUnavailable, true) ?? (isZeroAmount(rolling.maxUnavailable) ? 'it must be more than 0' : undefined);
  if (why !== undefined) {
    report.error(
      'stateful-set-update-strategy',
      `${at}.rollingUpdate.maxUnavailable`,
      `maxUnavailable is ${quoteValue(rolling.maxUnavailable)}; ${why}`,
      UPDATE_STRATEGY.fixFor('maxUnavailable'),
    );
  }
}

function validateClaimTemplates(spec: Unvalidated<k8s.StatefulSetSpec>, report: RuleReport): void {
  const volumes = spec.template?.spec?.volumes ?? [];
  const seen = new Map<string, number>();
  (spec.volumeClaimTemplates ?? []).forEach((claim, i) => {
    const at = `spec.volumeClaimTemplates[${i}]`;
    const name = claim.metadata?.name ?? '';
    const nameError = dns1123LabelError(name);
    type Case = Parameters<typeof CLAIM_TEMPLATE_VALID.fixFor>[0];
    const problem = (field: string, message: string, fix: Case) =>
      report.error('stateful-set-claim-template-valid', `${at}.${field}`, message, CLAIM_TEMPLATE_VALID.fixFor(fix));
    if (nameError !== undefined) {
      problem('metadata.name', `claim template name "${name}" ${nameError}`, 'name');
    } else if (seen.has(name)) {
      problem('metadata.name', `claim template name "${name}" is already used by spec.volumeClaimTemplates[${seen.get(name)}]`, 'taken');
    } else if (volumes.some((volume) => volume.name === name)) {
      problem('metadata.name', `claim template name "${name}" is also the name of a volume of the Pod template`, 'volume');
    }
    seen.set(name, seen.get(name) ?? i);
    const modes = claim.spec?.accessModes ?? [];
    if (modes.length === 0) {
      problem('spec.accessModes', `claim template "${name}" has no access mode`, 'noModes');
    }
    modes.forEach((mode, j) => checkOneOf(mode, ACCESS_MODES, `${at}.spec.accessModes[${j}]`, 'stateful-set-claim-template-valid', report));
    if (modes.includes('ReadWriteOncePod') && modes.length > 1) {
      problem('spec.accessModes', `claim template "${name}" combines ReadWriteOncePod with other access modes`, 'readWriteOncePod');
    }
    // A quantity's number, as far as it goes: more than 0 is all that is asked.
    const storage = claim.spec?.resources?.requests?.storage;
    if (!((typeof storage === 'string' ? Number(/^[0-9.]+/.exec(storage)?.[0]) : (storage ?? 0)) > 0)) {
      problem('spec.resources.requests.storage', `claim template "${name}" requests storage ${JSON.stringify(storage)}; it must be more than 0`, 'storage');
    }
  });
}

/** What the check of a StatefulSet's governing Service needs to know of it. */
export interface GoverningServiceFacts {
  /** The Service's construct path. */
  readonly path: string;
  /** Its name. */
  readonly name: string;
  /** Whether it is headless. */
  readonly headless: boolean;
  /** Whether it is in the StatefulSet's namespace. */
  readonly sameNamespace: boolean;
  /** Whether its selector selects the StatefulSet's Pods. */
  readonly selectsPods: boolean;
  /** Its selector, for the message. */
  readonly selector: string;
}

/** Checks the governing Service of a StatefulSet. */
export function validateGoverningService(service: GoverningServiceFacts, report: RuleReport): void {
  const it = `Service "${service.name}" (${service.path})`;
  if (!service.headless) {
    report.error('stateful-set-service-headless', 'spec.serviceName', `${it} has a cluster IP, so the StatefulSet's Pods get no DNS names of their own`);
  }
  if (!service.sameNamespace) {
    report.error(
      'stateful-set-service-selects-pods',
      'spec.serviceName',
      `${it} is in another namespace than the StatefulSet`,
      SERVICE_SELECTS_PODS.fixFor('namespace'),
    );
  } else if (!service.selectsPods) {
    const message = `${it} selects ${service.selector || 'nothing'}, which does not match the StatefulSet's Pods`;
    report.error('stateful-set-service-selects-pods', 'spec.serviceName', message, SERVICE_SELECTS_PODS.fixFor('selector'));
  }
}
