import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { checkInteger, INT64 } from './_integer';
import { validateDnsSpec } from './dns-spec';
import { validatePodLifecycle } from './pod-lifecycle';
import { validatePodSecurityContext } from './pod-security-context';
import { validateSchedulingSpec } from './scheduling-spec';
import { validateVolumeSource } from './volume-sources';
import { FirstIndex } from './_first-index';
import { containerPath } from './_shared-text';
import { checkEnum, ContainerAt, ContainerManifest, validateContainer } from './container-spec';
import { CONTAINER_FIELD_API_RULES } from './container-fields';
import { checkPortClashes, validateContainerPorts } from './container-ports';
import { suggestName, validateLabelName, validateLabels } from './metadata';
import { dns1123SubdomainError, labelValueError, qualifiedNameError } from './names';
import { lintPodSpec } from './pod-lints';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
import { defineRules, ruleIn } from './rules';

/** The rules of a Pod spec that the Kubernetes API server enforces. */
export const POD_SPEC_API_RULES = defineRules([
  {
    id: 'pod-has-containers',
    severity: 'error',
    category: 'api-server',
    summary: 'A Pod has at least one container.',
    why: 'The API server refuses a Pod without containers: "spec.containers: Required value".',
    fix: 'Give the Pod a container with the `containers` prop or `addContainer()`.',
  },
  {
    id: 'container-name-unique',
    severity: 'error',
    category: 'api-server',
    summary: 'No two containers or init containers of a Pod share a name.',
    why: 'The API server refuses the Pod ("Duplicate value"); logs, exec and status address containers by name.',
    fix: 'Give each container and init container its own name.',
  },
  {
    id: 'volume-name',
    severity: 'error',
    category: 'api-server',
    summary: 'Volume names are DNS-1123 labels.',
    why: 'The API server refuses other names: "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character".',
    fix: 'Rename the volume, for example `html-data`.',
  },
  {
    id: 'volume-name-unique',
    severity: 'error',
    category: 'api-server',
    summary: 'No two volumes of a Pod share a name.',
    why: 'The API server refuses the Pod ("Duplicate value"); mounts find their volume by name.',
    fix: 'Give each volume its own name, or mount the same Volume object in both containers.',
  },
  {
    id: 'toleration',
    severity: 'error',
    category: 'api-server',
    summary:
      'A toleration has a label-key `key` (or none, with operator `Exists`), a label-value `value` (none with `Exists`), and a whole-number `tolerationSeconds` only with effect `NoExecute`.',
    why: 'The API server refuses the Pod (ValidateTolerations says: operator must be Exists when `key` is empty, which means "match all values and all keys"; value must be empty when `operator` is \'Exists\'; effect must be \'NoExecute\' when `tolerationSeconds` is set).',
    ...fixByCase(
      {
        key: 'use the taint\'s key, such as "gpu" or "example.com/dedicated"',
        noKey: 'name the taint\'s key, or set operator: "Exists" to tolerate every taint',
        value: "use the taint's value",
        existsValue: 'remove the value, or use operator "Equal"',
        seconds: 'set the seconds the Pod stays on a node after the taint appears, such as 300',
        secondsEffect: 'set effect: "NoExecute", or remove tolerationSeconds',
      },
      {},
    ),
    see: 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/',
  },
]);

/** Peapod's own rules about the DSL. */
export const POD_SPEC_PEAPOD_RULES = defineRules([
  {
    id: 'extra-field-modeled',
    severity: 'error',
    category: 'peapod',
    summary: 'The escape hatches (`extraSpec`, `extraFields`) do not set a field Peapod models with a prop.',
    why: 'The prop and the escape hatch would both claim the field, and one would silently win.',
    fix: 'Set the field with its prop; the message names it.',
  },
  {
    id: 'unknown-field',
    severity: 'error',
    category: 'peapod',
    summary: 'Every field given through an escape hatch or an untyped value is a field of the cdk8s-plus-27 k8s types at its place.',
    why: 'The cdk8s L1 classes leave out fields they do not know, without a word: a misspelt setting would silently vanish from the manifest.',
    fix: 'Correct the spelling; escape hatches take the field names of the k8s types, which differ from the manifest in case only (`hostPid` for `hostPID`).',
  },
]);

// Declared in container-fields.ts, which reports it too.
const REFERENCE_NAME = ruleIn(CONTAINER_FIELD_API_RULES, 'reference-name');
const TOLERATION = ruleIn(POD_SPEC_API_RULES, 'toleration');

/** What restarts a Pod's containers when they exit: the values of `restartPolicy`. */
export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
const TOLERATION_OPERATORS = ['Equal', 'Exists'];
const TAINT_EFFECTS = ['', 'NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/**
 * Checks a rendered Pod spec, as it will be written, and records every
 * problem in `report`: the API server's rules, the tutorial's stricter
 * rules and the lints (a container's ports are container-ports.ts's).
 * `at` is the field path of the spec in its manifest
 * (`spec` for a Pod, `spec.template.spec` for a workload). Costs time in
 * proportion to the size of the spec: duplicates are found with maps.
 */
export function validatePodSpec(spec: Unvalidated<k8s.PodSpec>, at: string, report: RuleReport): void {
  const containers = entriesOf(spec.containers, at, false);
  const initContainers = entriesOf(spec.initContainers, at, true);
  const all = initContainers.length > 0 ? [...containers, ...initContainers] : containers;
  if (containers.length === 0) {
    report.error('pod-has-containers', `${at}.containers`, 'the Pod has no containers');
  }
  // An empty restartPolicy is defaulted to Always before validation.
  if (spec.restartPolicy !== '') {
    checkEnum(spec.restartPolicy, RESTART_POLICIES, `${at}.restartPolicy`, 'restartPolicy', report);
  }
  const wrongAccount = spec.serviceAccountName === undefined ? undefined : dns1123SubdomainError(spec.serviceAccountName);
  if (spec.serviceAccountName !== undefined && wrongAccount !== undefined) {
    const name = JSON.stringify(spec.serviceAccountName);
    const fix = REFERENCE_NAME.fixFor('serviceAccount', `"${suggestName(spec.serviceAccountName, 253)}"`);
    report.error('reference-name', `${at}.serviceAccountName`, `serviceAccountName ${name} ${wrongAccount}`, fix);
  }
  validateLabels(spec.nodeSelector, `${at}.nodeSelector`, report);
  const tolerations = spec.tolerations ?? [];
  for (let i = 0; i < tolerations.length; i++) {
    validateToleration(tolerations[i], `${at}.tolerations[${i}]`, report);
  }
  validateSchedulingSpec(spec, at, report);
  validateDnsSpec(spec, at, report);
  validatePodLifecycle(spec, at, report);
  validatePodSecurityContext(spec, at, report);

  const volumeNames = validateVolumes(spec.volumes ?? [], at, report);
  // A missing name is reported by container-name, once per container.
  const containerNames = new FirstIndex(all === containers ? (spec.containers ?? []) : all.map((entry) => entry.container), 'name', true);
  for (let i = 0; i < all.length; i++) {
    const entry = all[i];
    const name = entry.container.name;
    const first = containerNames.firstBefore(name, i);
    if (first >= 0) {
      report.error('container-name-unique', `${entry.path}.name`, `container name "${name}" is already used by ${all[first].path}`);
    }
    validateContainer(entry, volumeNames, spec, report);
    validateContainerPorts(entry, spec.hostNetwork === true, report);
  }
  checkPortClashes(initContainers.length > 0 ? all.filter((entry) => entry.longRunning) : containers, containers, report);
  lintPodSpec(spec, at, report);
}

function entriesOf(containers: readonly ContainerManifest[] = [], at: string, init: boolean): ContainerAt[] {
  const entries: ContainerAt[] = new Array(containers.length);
  for (let i = 0; i < containers.length; i++) {
    const container = containers[i];
    entries[i] = init
      ? { container, path: containerPath(at, 'initContainers', i), longRunning: container.restartPolicy === 'Always', init: true }
      : { container, path: containerPath(at, 'containers', i), longRunning: true, init: false };
  }
  return entries;
}

function validateToleration({ key, operator, value, effect, tolerationSeconds }: Unvalidated<k8s.Toleration>, at: string, report: RuleReport): void {
  // An empty operator means Equal.
  if (operator !== '') {
    checkEnum(operator, TOLERATION_OPERATORS, `${at}.operator`, 'toleration operator', report);
  }
  checkInteger(tolerationSeconds, { rule: 'toleration', at: `${at}.tolerationSeconds`, what: 'tolerationSeconds', range: INT64, fix: TOLERATION.fixFor('seconds') }, report);
  checkEnum(effect, TAINT_EFFECTS, `${at}.effect`, 'toleration effect', report);
  const wrongKey = key ? qualifiedNameError(key) : undefined;
  if (wrongKey !== undefined) {
    report.error('toleration', `${at}.key`, `toleration key ${JSON.stringify(key)} ${wrongKey}`, TOLERATION.fixFor('key'));
  } else if (!key && operator !== 'Exists') {
    report.error('toleration', `${at}.key`, 'a toleration without a key must use operator "Exists"', TOLERATION.fixFor('noKey'));
  }
  const wrongValue = value === undefined ? undefined : labelValueError(value);
  if (operator === 'Exists' && value) {
    report.error('toleration', `${at}.value`, `a toleration with operator "Exists" has value ${JSON.stringify(value)}`, TOLERATION.fixFor('existsValue'));
  } else if (wrongValue !== undefined) {
    report.error('toleration', `${at}.value`, `toleration value ${JSON.stringify(value)} ${wrongValue}`, TOLERATION.fixFor('value'));
  }
  if (tolerationSeconds !== undefined && effect !== 'NoExecute') {
    report.error('toleration', `${at}.tolerationSeconds`, `tolerationSeconds is set with effect ${JSON.stringify(effect ?? '')}`, TOLERATION.fixFor('secondsEffect'));
  }
}

function validateVolumes(volumes: readonly Unvalidated<k8s.Volume>[], at: string, report: RuleReport): FirstIndex {
  const names = new FirstIndex(volumes, 'name', true);
  for (let i = 0; i < volumes.length; i++) {
    const volume = volumes[i];
    const path = `${at}.volumes[${i}]`;
    validateLabelName('volume name', 'volume-name', volume.name, path, report);
    const first = names.firstBefore(volume.name, i);
    if (first >= 0) {
      report.error('volume-name-unique', `${path}.name`, `volume name "${volume.name}" is already used by ${at}.volumes[${first}]`);
    }
    validateVolumeSource(volume, path, report);
  }
  return names;
}

// The importer reads the check of port-shared-localhost from here, where it was first declared.
export { validateSharedPorts } from './container-ports';
