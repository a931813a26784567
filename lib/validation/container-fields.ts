/**
 * The API server's checks of the container fields that reach the manifest
 * through escape hatches as well as props (probe and lifecycle actions, env
 * sources, resources, security context, volume devices), mirrored from
 * `validateContainerCommon` and the functions it calls in
 * pkg/apis/core/validation/validation.go; and the container rules Peapod
 * adds where the kubelet or the runtime would refuse what the API server
 * accepted.
 */
import { ENV_POD_FIELDS } from '../env-value';
import { parseQuantity } from '../quantity';
import { DOWNWARD_API_RESOURCES } from '../volume';
import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { SharedText } from './_shared-text';
import { invalidDataKey } from './data-keys';
import { checkInteger, isIntegerIn } from './_integer';
import { dns1123SubdomainError, envVarNameError, portNameError, qualifiedNameError } from './names';
import { validateSeccompProfile, validateWindowsOptions } from './pod-security-context';
import { RuleReport } from './problem';
import { defineRules, fixNaming, ruleIn } from './rules';

const PROBE_DOCS = 'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/';
const ENV_DOCS = 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#environment-variables';
const RESOURCE_DOCS = 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/';
const SECURITY_DOCS = 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/';

/** The rules of container fields that the API server enforces. */
export const CONTAINER_FIELD_API_RULES = defineRules([
  {
    id: 'probe-action',
    severity: 'error',
    category: 'api-server',
    summary:
      'The action of a probe or lifecycle hook is complete: an `exec` command that is not empty, an `httpGet` scheme of `HTTP` or `HTTPS` and header names of letters, digits and `-`, and ports that are numbers from 1 to 65535 or IANA service names (a numeric string such as `"8080"` is neither).',
    why: 'The API server refuses the Pod (validateExecAction, validateHTTPGetAction, ValidatePortNumOrName: "Required value", "must contain at least one letter", "a valid HTTP header must consist of alphanumeric characters or \'-\'").',
    fix: 'Build the probe with a `Probe` factory: give an exec action its command, an httpGet action the scheme `HTTP` or `HTTPS` (or none) and header names of letters, digits and `-`, and each port as a number from 1 to 65535 (`8080`, without quotes) or a declared port name (`"http"`).',
    see: PROBE_DOCS,
  },
  {
    id: 'probe-termination-grace-period',
    severity: 'error',
    category: 'api-server',
    summary: "A probe's `terminationGracePeriodSeconds` is greater than 0, and a readiness probe has none.",
    why: 'The API server refuses the Pod ("must be greater than 0", "must not be set for readinessProbes"): a readiness probe never kills the container.',
    fix: 'Use a whole number of seconds above 0 on a liveness or startup probe; remove it from a readiness probe.',
    see: PROBE_DOCS,
  },
  {
    id: 'lifecycle-handler',
    severity: 'error',
    category: 'api-server',
    summary: 'A `postStart` or `preStop` hook has exactly one handler: `exec`, `httpGet` or `tcpSocket`.',
    why: 'The API server refuses the Pod (validateHandler: "must specify a handler type", "may not specify more than 1 handler type").',
    fix: 'Give each hook exactly one handler: `exec`, `httpGet` or `tcpSocket`.',
    see: 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/',
  },
  {
    id: 'init-container-lifecycle',
    severity: 'error',
    category: 'api-server',
    summary: 'Init containers have no `lifecycle` hooks, unless they are sidecars (`restartPolicy: Always`).',
    why: 'The API server refuses the Pod (validateInitContainers: "may not be set for init containers without restartPolicy=Always").',
    fix: 'Remove the hooks, or make the init container a sidecar with `restartPolicy: Always`.',
    see: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/',
  },
  {
    id: 'env-field-ref',
    severity: 'error',
    category: 'api-server',
    summary:
      "An env `fieldRef` reads a field the downward API offers to env vars (`metadata.name`, `status.podIP`, `metadata.labels['key']`, …) with apiVersion `v1`; a `resourceFieldRef` reads `requests.`/`limits.` of `cpu`, `memory`, `ephemeral-storage` or `hugepages-*`, with a divisor the resource supports.",
    why: 'The API server refuses the Pod (validateObjectFieldSelector, validateContainerResourceFieldSelector, validateContainerResourceDivisor: "Unsupported value", "only divisor\'s values 1m and 1 are supported with the cpu resource").',
    fix: 'Use `EnvValue.fromField()` and `EnvValue.fromResource()`, whose types list the fields (under apiVersion `v1`, or none); a CPU divisor is `1` or `1m`, a memory divisor `1`, `1Ki`, `1Mi`, … or `1k`, `1M`, ….',
    see: 'https://kubernetes.io/docs/concepts/workloads/pods/downward-api/',
  },
  {
    id: 'env-key-ref',
    severity: 'error',
    category: 'api-server',
    summary: 'A `configMapKeyRef` or `secretKeyRef` names its object with a DNS-1123 subdomain and its key with at most 253 characters of `[-._a-zA-Z0-9]`.',
    why: "The API server refuses the Pod (validateConfigMapKeySelector, validateSecretKeySelector: \"a lowercase RFC 1123 subdomain must consist of …\", \"a valid config key must consist of alphanumeric characters, '-', '_' or '.'\").",
    fix: 'Pass the ConfigMap or Secret object to `EnvValue.fromConfigMap()`/`fromSecret()` with one of its keys.',
    see: ENV_DOCS,
  },
  {
    id: 'env-from-source',
    severity: 'error',
    category: 'api-server',
    summary: 'An `envFrom` entry has exactly one of `configMapRef` and `secretRef`, which names its object, and a `prefix` that is a valid env var name.',
    why: 'The API server refuses the Pod (ValidateEnvFrom: "must specify one of: `configMapRef` or `secretRef`", "may not have more than one field specified at a time").',
    fix: 'Build the entry with `EnvFrom.configMap()` or `EnvFrom.secret()`, one object each; write the prefix as letters, digits and `_`, such as `DB_`.',
    see: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#configure-all-key-value-pairs-in-a-configmap-as-container-environment-variables',
  },
  {
    id: 'resource-name',
    severity: 'error',
    category: 'api-server',
    summary:
      'Container resources are `cpu`, `memory`, `ephemeral-storage`, `hugepages-<size>`, or extended resources named as qualified names with a domain (`example.com/gpu`).',
    why: 'The API server refuses other names (validateContainerResourceName: "must be a standard resource for containers", "doesn\'t follow extended resource name standard").',
    fix: 'Write a standard name, such as `memory` for `mem`, or give an extended resource its vendor domain, such as `example.com/gpu`.',
    see: RESOURCE_DOCS,
  },
  {
    id: 'hugepages',
    severity: 'error',
    category: 'api-server',
    summary:
      'A `hugepages-<size>` request equals its limit, which is set, is a whole multiple of the page size, and comes with a cpu or memory request or limit.',
    why: 'Huge pages cannot be overcommitted: the API server refuses the Pod ("must be equal to hugepages-2Mi limit", "Limit must be set for non overcommitable resources", "is not positive integer multiple of", "HugePages require cpu or memory").',
    fix: 'Set the limit to a multiple of the page size (`hugepages-2Mi: 100Mi`), leave the request out or equal to it, and set a memory limit.',
    see: 'https://kubernetes.io/docs/tasks/manage-hugepages/scheduling-hugepages/',
  },
  {
    id: 'security-context-value',
    severity: 'error',
    category: 'api-server',
    summary:
      "A container's `runAsUser` and `runAsGroup` are whole numbers from 0 to 2147483647, and `procMount` is `Default` or `Unmasked` (its `seccompProfile` and `windowsOptions` are checked as the Pod's are).",
    why: 'The API server refuses the Pod (ValidateSecurityContext: "must be between 0 and 2147483647, inclusive"; ValidateProcMountType: "Unsupported value").',
    fix: 'Use the numeric user or group id, such as 1000, and leave `procMount` out unless the node allows unmasked /proc.',
    see: SECURITY_DOCS,
  },
  {
    id: 'volume-device',
    severity: 'error',
    category: 'api-server',
    summary:
      'Each `volumeDevices` entry names, once, a persistentVolumeClaim or ephemeral volume of the Pod that the container does not also mount, at a device path without `..` that is unique and no mount path.',
    why: 'The API server refuses the Pod (ValidateVolumeDevices: "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode", "must be unique", "must not already exist in volumeMounts").',
    fix: 'Attach each persistentVolumeClaim or ephemeral volume of the Pod once, as a device at a path of its own such as `/dev/xvda`, without `..`, where no volume is mounted; do not also mount it.',
    see: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#raw-block-volume-support',
  },
]);

/**
 * Container rules of Peapod's: the API server accepts these, but the
 * container does not start. (runAsNonRoot with user 0 is checked for the
 * whole Pod, with the Pod's settings, in pod-security-context.ts.)
 */
export const CONTAINER_FIELD_PEAPOD_RULES = defineRules([
  {
    id: 'working-dir-absolute',
    severity: 'error',
    category: 'peapod',
    summary: "A container's `workingDir` is an absolute path.",
    why: 'The API server accepts any text, but the container runtime refuses a relative working directory (runc: "cwd must be an absolute path"), and the container never starts.',
    ...fixNaming((directory: string) => `write the directory from the root, such as ${directory}`, ['`/app` for `app`']),
  },
]);

/** Warnings about containers Kubernetes accepts. */
export const CONTAINER_FIELD_LINT_RULES = defineRules([
  {
    id: 'env-var-secret',
    severity: 'warning',
    summary:
      'Env vars whose names say they hold a credential (`*SECRET*`, `*PASSWORD*`, `*PASSWD*`, `*TOKEN*`, `*API_KEY*`, `*PRIVATE_KEY*`, `*CREDENTIAL*`) take their value from a Secret, not a literal (kube-linter: env-var-secret); a flag such as `yes` or `true` (`MYSQL_RANDOM_ROOT_PASSWORD: yes`) holds no credential and is not flagged.',
    why: 'A literal value is written into the manifest, into `dist/`, the repository and every review of it, and anyone who can read the Pod can read it.',
    ...fixNaming((key: string) => `keep the value in a Secret and read it with valueFrom: EnvValue.fromSecret(secret, ${key})`, ["'key'"]),
    see: 'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables',
  },
  {
    id: 'env-from-key-skipped',
    severity: 'warning',
    summary: 'Every key of a ConfigMap or Secret of this app that a container takes whole (`envFrom`), with its prefix, is a valid env var name.',
    why: 'The kubelet skips a key that is not (such as `1st-run`, or any key under a prefix that starts with a digit) and starts the container without it; only an event says so.',
    fix: 'Rename the key, give a prefix that starts with a letter or "_", or take the key alone with EnvValue.fromConfigMap() or fromSecret() under a valid name.',
    see: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#configure-all-key-value-pairs-in-a-configmap-as-container-environment-variables',
  },
  {
    id: 'stdin-once-without-stdin',
    severity: 'warning',
    summary: '`stdinOnce` is set only with `stdin: true`.',
    why: 'Without `stdin` the container has no standard input, so `stdinOnce` does nothing: the setting says something that does not happen.',
    fix: 'Set `stdin: true` as well, or remove `stdinOnce`.',
    see: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container',
  },
]);

const WORKING_DIR = ruleIn(CONTAINER_FIELD_PEAPOD_RULES, 'working-dir-absolute');
const ENV_VAR_SECRET = ruleIn(CONTAINER_FIELD_LINT_RULES, 'env-var-secret');

/** A container's requests or limits, by resource. */
export type Amounts = Unvalidated<k8s.ResourceRequirements>['requests'];

/** The amounts of `amounts` that are set (a field left undefined is not in the manifest), by resource. */
export function amountsOf(amounts: Amounts): [string, number | string][] {
  return Object.entries(amounts ?? {}).filter((entry): entry is [string, number | string] => entry[1] !== undefined);
}

/**
 * Checks the fields of one container that the other container checks do
 * not (see validateContainer); `runsToCompletion` for an init container
 * that is no sidecar, `pod` the spec around it.
 */
export function validateContainerFields(
  c: Unvalidated<k8s.Container>,
  path: string,
  runsToCompletion: boolean,
  pod: Unvalidated<k8s.PodSpec>,
  report: RuleReport,
): void {
  if (c.lifecycle != null) {
    validateLifecycle(c, path, runsToCompletion, report);
  }
  if (c.env != null || c.envFrom != null) {
    validateEnvSources(c, path, report);
  }
  if (c.resources?.requests != null || c.resources?.limits != null) {
    validateResourceNames(c, path, report);
  }
  if (c.securityContext != null) {
    validateSecurityValues(c.securityContext, `${path}.securityContext`, `container "${c.name}"`, report);
  }
  if (c.volumeDevices != null) {
    validateVolumeDevices(c, path, pod, report);
  }
  if (c.workingDir && !c.workingDir.startsWith('/')) {
    report.error(
      'working-dir-absolute',
      `${path}.workingDir`,
      `workingDir ${JSON.stringify(c.workingDir)} of container "${c.name}" is relative; the container runtime refuses to start a container in a relative working directory`,
      WORKING_DIR.fixFor(`"/${c.workingDir.replace(/^\.\/?/, '')}"`),
    );
  }
  if (c.stdinOnce === true && c.stdin !== true) {
    report.warn(
      'stdin-once-without-stdin',
      `${path}.stdinOnce`,
      `container "${c.name}" sets stdinOnce without stdin: true, so it has no standard input to close`,
    );
  }
}

// ---- probes and lifecycle hooks -------------------------------------------------

/** The schemes of an httpGet handler. */
export const HTTP_SCHEMES = ['HTTP', 'HTTPS'] as const;
const HTTP_HEADER_NAME = /^[-A-Za-z0-9]+$/;
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket'] as const;
const LIFECYCLE_HOOKS = ['postStart', 'preStop'] as const;

/**
 * Checks the action of a probe or hook (`exec`, `httpGet`, `tcpSocket`,
 * `grpc`), as validateHandler's helpers do; `what` names the probe or hook
 * in messages (`livenessProbe of container "web"`).
 */
export function validateAction(handler: Unvalidated<k8s.Probe>, at: string, what: string, report: RuleReport): void {
  if (handler.exec != null && (handler.exec.command ?? []).length === 0) {
    report.error('probe-action', `${at}.exec.command`, `the exec action of the ${what} has no command`);
  }
  const http = handler.httpGet;
  if (http != null) {
    checkPort(http.port, `${at}.httpGet.port`, what, report);
    if (http.scheme !== undefined && !(HTTP_SCHEMES as readonly string[]).includes(http.scheme)) {
      report.error(
        'probe-action',
        `${at}.httpGet.scheme`,
        `scheme ${JSON.stringify(http.scheme)} of the ${what} is not supported; the values are "HTTP", "HTTPS"`,
      );
    }
    const headers = http.httpHeaders ?? [];
    for (let i = 0; i < headers.length; i++) {
      const { name } = headers[i];
      if (name === undefined || !HTTP_HEADER_NAME.test(name)) {
        const wrong = `header name ${JSON.stringify(name)} of the ${what} is not an HTTP header name: it must be letters, digits and "-"`;
        report.error('probe-action', `${at}.httpGet.httpHeaders[${i}].name`, wrong);
      }
    }
  }
  if (handler.tcpSocket != null) {
    checkPort(handler.tcpSocket.port, `${at}.tcpSocket.port`, what, report);
  }
  if (handler.grpc != null && !isPortNumber(handler.grpc.port)) {
    report.error('probe-action', `${at}.grpc.port`, `grpc port ${JSON.stringify(handler.grpc.port)} of the ${what} is not a whole number from 1 to 65535`);
  }
}

// ValidatePortNumOrName: a number is a port number, a string a port name (so "8080" is neither).
function checkPort(port: number | string | undefined, at: string, what: string, report: RuleReport): void {
  if (typeof port === 'number') {
    if (!isPortNumber(port)) {
      report.error('probe-action', at, `port ${port} of the ${what} is not a whole number from 1 to 65535`);
    }
    return;
  }
  const wrong = port === undefined ? 'is missing' : portNameError(port);
  if (wrong !== undefined) {
    const digits = /^[0-9]+$/.test(port ?? '') ? 'is a string of digits, which Kubernetes reads as a port name, and a port name ' : '';
    report.error('probe-action', at, `port ${JSON.stringify(port)} of the ${what} ${digits}${wrong}`);
  }
}

/** The port numbers of IsValidPortNum. */
export const PORT_RANGE = { min: 1, max: 65535 } as const;

/** Whether `value` is a port number, 1 to 65535. */
export function isPortNumber(value: unknown): value is number {
  return isIntegerIn(value, PORT_RANGE);
}

/** Checks a probe's terminationGracePeriodSeconds (validateProbe, validateReadinessProbe). */
export function validateProbeGracePeriod(probe: Unvalidated<k8s.Probe>, kind: string, at: string, container: string | undefined, report: RuleReport): void {
  const seconds = probe.terminationGracePeriodSeconds;
  if (seconds == null) {
    return;
  }
  if (kind === 'readinessProbe') {
    report.error(
      'probe-termination-grace-period',
      `${at}.terminationGracePeriodSeconds`,
      `the readinessProbe of container "${container}" sets terminationGracePeriodSeconds; a readiness probe never stops the container, and the API server refuses it there`,
    );
  } else if (!Number.isInteger(seconds) || seconds <= 0) {
    report.error(
      'probe-termination-grace-period',
      `${at}.terminationGracePeriodSeconds`,
      `terminationGracePeriodSeconds of the ${kind} of container "${container}" is ${JSON.stringify(seconds)}; it must be a whole number greater than 0`,
    );
  }
}

function validateLifecycle(c: Unvalidated<k8s.Container>, path: string, runsToCompletion: boolean, report: RuleReport): void {
  const at = `${path}.lifecycle`;
  if (runsToCompletion) {
    report.error(
      'init-container-lifecycle',
      at,
      `init container "${c.name}" has lifecycle hooks; it runs to completion, and the API server allows hooks only on sidecars`,
    );
    return;
  }
  for (const hook of LIFECYCLE_HOOKS) {
    const handler = c.lifecycle?.[hook];
    if (handler == null) {
      continue;
    }
    const handlers = LIFECYCLE_HANDLERS.filter((name) => handler[name] != null);
    if (handlers.length !== 1) {
      const found = handlers.length === 0 ? 'no handler' : `${handlers.length} handlers (${handlers.join(', ')})`;
      report.error('lifecycle-handler', `${at}.${hook}`, `the ${hook} hook of container "${c.name}" has ${found}`);
    }
    validateAction(handler, `${at}.${hook}`, `${hook} hook of container "${c.name}"`, report);
  }
}

// ---- env sources ---------------------------------------------------------------

const SUBSCRIPTED_FIELD_PATH = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/;
const CPU_DIVISORS = ['1m', '1'];
// A byte divisor is 1, or one of a unit: 1k (1000) to 1E, 1Ki (1024) to 1Ei.
const UNITS = ['k', 'M', 'G', 'T', 'P', 'E'];
const BYTE_DIVISORS = ['1', ...UNITS.map((unit) => `1${unit}`), ...UNITS.map((unit) => `1${unit.toUpperCase()}i`)];
const DIVISOR_SIZES: readonly (readonly [string, number])[] = [
  ['1m', 1e-3],
  ['1', 1],
  ...UNITS.flatMap((unit, i) => [[`1${unit}`, 1000 ** (i + 1)] as const, [`1${unit.toUpperCase()}i`, 1024 ** (i + 1)] as const]),
];

function validateEnvSources(c: Unvalidated<k8s.Container>, path: string, report: RuleReport): void {
  const env = c.env ?? [];
  for (let i = 0; i < env.length; i++) {
    const source = env[i].valueFrom;
    if (source == null) {
      continue;
    }
    const at = `${path}.env[${i}].valueFrom`;
    const owner = `env "${env[i].name}" of container "${c.name}"`;
    if (source.fieldRef != null) {
      validateFieldRef(source.fieldRef, `${at}.fieldRef`, owner, report);
    }
    if (source.resourceFieldRef != null) {
      validateResourceFieldRef(source.resourceFieldRef, `${at}.resourceFieldRef`, owner, report);
    }
    for (const [ref, kind] of [
      ['configMapKeyRef', 'ConfigMap'],
      ['secretKeyRef', 'Secret'],
    ] as const) {
      // A missing name or key is reported as reference-name.
      const { name, key } = source[ref] ?? {};
      if (name) {
        reportObjectName(name, `${at}.${ref}.name`, `${ref} of ${owner}`, kind, 'env-key-ref', report);
      }
      const wrong = key ? invalidDataKey(key) : undefined;
      if (wrong !== undefined) {
        report.error('env-key-ref', `${at}.${ref}.key`, `key ${JSON.stringify(key)} of the ${ref} of ${owner} ${wrong}`);
      }
    }
  }
  const envFrom = c.envFrom ?? [];
  for (let i = 0; i < envFrom.length; i++) {
    validateEnvFromEntry(envFrom[i], `${path}.envFrom[${i}]`, `envFrom entry of container "${c.name}"`, report);
  }
}

function validateFieldRef(ref: Unvalidated<k8s.ObjectFieldSelector>, at: string, owner: string, report: RuleReport): void {
  if (ref.apiVersion !== undefined && ref.apiVersion !== 'v1') {
    report.error(
      'env-field-ref',
      `${at}.apiVersion`,
      `apiVersion ${JSON.stringify(ref.apiVersion)} of the fieldRef of ${owner} is not supported; the downward API of env vars is "v1"`,
    );
  }
  const fieldPath = ref.fieldPath;
  const subscripted = SUBSCRIPTED_FIELD_PATH.exec(fieldPath ?? '');
  if (subscripted) {
    const [, field, key] = subscripted;
    const wrong = qualifiedNameError(field === 'metadata.annotations' ? key.toLowerCase() : key);
    if (wrong !== undefined) {
      report.error('env-field-ref', `${at}.fieldPath`, `fieldRef ${JSON.stringify(fieldPath)} of ${owner} reads the key "${key}", which ${wrong}`);
    }
  } else if (!(ENV_POD_FIELDS as readonly unknown[]).includes(fieldPath)) {
    report.error(
      'env-field-ref',
      `${at}.fieldPath`,
      `fieldRef ${JSON.stringify(fieldPath)} of ${owner} is not a field env vars can read; they read ${ENV_POD_FIELDS.map((p) => `"${p}"`).join(', ')}, and metadata.labels['KEY'] or metadata.annotations['KEY']`,
    );
  }
}

function validateResourceFieldRef(ref: Unvalidated<k8s.ResourceFieldSelector>, at: string, owner: string, report: RuleReport): void {
  const { resource, divisor } = ref;
  const known = resource !== undefined && ((DOWNWARD_API_RESOURCES as readonly string[]).includes(resource) || /^(requests|limits)\.hugepages-/.test(resource));
  if (!known) {
    report.error(
      'env-field-ref',
      `${at}.resource`,
      `resourceFieldRef ${JSON.stringify(resource)} of ${owner} is not a resource env vars can read; they read ${DOWNWARD_API_RESOURCES.map((r) => `"${r}"`).join(', ')} and requests./limits.hugepages-<size>`,
    );
    return;
  }
  const allowed = resource.endsWith('.cpu') ? CPU_DIVISORS : BYTE_DIVISORS;
  if (divisor != null && !allowed.includes(canonicalDivisor(divisor))) {
    report.error(
      'env-field-ref',
      `${at}.divisor`,
      `divisor ${JSON.stringify(divisor)} of the resourceFieldRef of ${owner} is not supported with ${resource}; the values are ${allowed.map((d) => `"${d}"`).join(', ')}`,
    );
  }
}

// The API server compares a divisor in its canonical form: 1000m is "1", 0.001 is "1m".
function canonicalDivisor(divisor: number | string): string {
  const value = parseQuantity(divisor);
  const unit = value === undefined ? undefined : DIVISOR_SIZES.find(([, size]) => Math.abs(value - size) <= size * 1e-12);
  return unit?.[0] ?? String(divisor);
}

function validateEnvFromEntry(entry: Unvalidated<k8s.EnvFromSource>, at: string, owner: string, report: RuleReport): void {
  const sources = (['configMapRef', 'secretRef'] as const).filter((source) => entry[source] != null);
  if (sources.length !== 1) {
    report.error('env-from-source', at, `the ${owner} has ${sources.length === 0 ? 'no source' : 'both configMapRef and secretRef'}`);
  }
  for (const source of sources) {
    const kind = source === 'secretRef' ? 'Secret' : 'ConfigMap';
    const name = entry[source]?.name;
    if (!name) {
      report.error('env-from-source', `${at}.${source}.name`, `the ${source} of the ${owner} names no ${kind}`);
    } else {
      reportObjectName(name, `${at}.${source}.name`, `${source} of the ${owner}`, kind, 'env-from-source', report);
    }
  }
  const wrong = entry.prefix ? envVarNameError(entry.prefix) : undefined;
  if (wrong !== undefined) {
    report.error('env-from-source', `${at}.prefix`, `prefix ${JSON.stringify(entry.prefix)} of the ${owner} ${wrong}`);
  }
}

function reportObjectName(name: string, at: string, what: string, kind: string, rule: 'env-key-ref' | 'env-from-source', report: RuleReport): void {
  const wrong = dns1123SubdomainError(name);
  if (wrong !== undefined) {
    report.error(rule, at, `${kind} name ${JSON.stringify(name)} in the ${what} ${wrong}`);
  }
}

// ---- resources -----------------------------------------------------------------

/** The resources every node has, by the names a container's requests and limits give them. */
export const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'] as const;
const CPU_OR_MEMORY = ['cpu', 'memory'];

function resourceNameError(name: string): string | undefined {
  const qualified = qualifiedNameError(name);
  if (qualified !== undefined) {
    return qualified;
  }
  if (!name.includes('/')) {
    return (STANDARD_CONTAINER_RESOURCES as readonly string[]).includes(name) || name.startsWith('hugepages-')
      ? undefined
      : 'is not a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>)';
  }
  // A native resource (a domain under kubernetes.io, as IsNativeResource says) needs no more;
  // IsExtendedResourceName asks that the quota name "requests.<name>" be a qualified name too.
  if (name.includes('kubernetes.io/')) {
    return undefined;
  }
  return name.startsWith('requests.') || qualifiedNameError(`requests.${name}`) !== undefined
    ? "doesn't follow the extended resource name standard"
    : undefined;
}

function validateResourceNames(c: Unvalidated<k8s.Container>, path: string, report: RuleReport): void {
  const { requests, limits } = c.resources ?? {};
  let hugePages = false;
  let cpuOrMemory = false;
  for (const [kind, amounts] of [
    ['requests', requests],
    ['limits', limits],
  ] as const) {
    for (const [resource, amount] of amountsOf(amounts)) {
      const at = `${path}.resources.${kind}["${resource}"]`;
      const what = `${resource} ${kind === 'requests' ? 'request' : 'limit'} ${JSON.stringify(amount)} of container "${c.name}"`;
      const wrong = resourceNameError(resource);
      if (wrong !== undefined) {
        report.error('resource-name', at, `resource name "${resource}" in the ${kind} of container "${c.name}" ${wrong}`);
      }
      const value = parseQuantity(amount);
      if (value !== undefined && value < 0) {
        report.error('resource-quantity', at, `${what} is negative; it must be greater than or equal to 0`);
      }
      cpuOrMemory ||= CPU_OR_MEMORY.includes(resource);
      const pageSize = resource.startsWith('hugepages-') ? resource.slice('hugepages-'.length) : undefined;
      hugePages ||= pageSize !== undefined;
      // A page size that is no quantity is the resource name's problem; an amount that is none, resource-quantity's.
      const size = pageSize === undefined ? undefined : parseQuantity(pageSize);
      if (size !== undefined && size > 0 && value !== undefined && (value < 0 || Math.ceil(value) % size !== 0)) {
        report.error('hugepages', at, `${what} is not a whole multiple of the page size ${pageSize}`);
      }
    }
  }
  for (const [resource, request] of amountsOf(requests)) {
    const limit = limits?.[resource];
    const at = `${path}.resources.requests["${resource}"]`;
    if (!resource.startsWith('hugepages-')) {
      continue;
    }
    if (limit === undefined) {
      report.error(
        'hugepages',
        at,
        `container "${c.name}" requests ${JSON.stringify(request)} of ${resource} without a limit; huge pages cannot be overcommitted`,
      );
      continue;
    }
    const [requested, limited] = [parseQuantity(request), parseQuantity(limit)];
    if (requested !== undefined && limited !== undefined && requested !== limited) {
      report.error(
        'hugepages',
        at,
        `${resource} request ${JSON.stringify(request)} of container "${c.name}" differs from its limit ${JSON.stringify(limit)}; it must be equal to it`,
      );
    }
  }
  if (hugePages && !cpuOrMemory) {
    report.error('hugepages', `${path}.resources`, `container "${c.name}" asks for huge pages without a cpu or memory request or limit`);
  }
}

// ---- security context ----------------------------------------------------------

// IsValidUserID and IsValidGroupID.
const ID_RANGE = { min: 0, max: 2147483647 } as const;
const PROC_MOUNTS = ['Default', 'Unmasked'];

function validateSecurityValues(sc: Unvalidated<k8s.SecurityContext>, at: string, owner: string, report: RuleReport): void {
  for (const field of ['runAsUser', 'runAsGroup'] as const) {
    checkInteger(sc[field], { rule: 'security-context-value', at: `${at}.${field}`, what: `${field} of ${owner}`, range: ID_RANGE }, report);
  }
  if (sc.procMount != null && !PROC_MOUNTS.includes(sc.procMount)) {
    report.error(
      'security-context-value',
      `${at}.procMount`,
      `procMount ${JSON.stringify(sc.procMount)} of ${owner} is not supported; the values are "Default", "Unmasked"`,
    );
  }
  validateSeccompProfile(sc.seccompProfile, `${at}.seccompProfile`, report);
  validateWindowsOptions(sc.windowsOptions, `${at}.windowsOptions`, report);
}

// ---- volume devices ------------------------------------------------------------

function validateVolumeDevices(c: Unvalidated<k8s.Container>, path: string, pod: Unvalidated<k8s.PodSpec>, report: RuleReport): void {
  const devices = c.volumeDevices ?? [];
  const volumes = new Map((pod.volumes ?? []).map((volume) => [volume.name, volume] as const));
  const mounts = c.volumeMounts ?? [];
  const names = new Set<string | undefined>();
  const paths = new Set<string | undefined>();
  const owner = `container "${c.name}"`;
  for (let i = 0; i < devices.length; i++) {
    const { name, devicePath } = devices[i];
    const at = `${path}.volumeDevices[${i}]`;
    const volume = volumes.get(name);
    if (!name) {
      report.error('volume-device', `${at}.name`, `a volume device of ${owner} names no volume`);
    } else if (names.has(name)) {
      report.error('volume-device', `${at}.name`, `${owner} attaches volume "${name}" as a device twice`);
    } else if (volume === undefined) {
      report.error('volume-device', `${at}.name`, `${owner} attaches volume "${name}" as a device, which the Pod does not declare`);
    } else if (volume.persistentVolumeClaim == null && volume.ephemeral == null) {
      report.error(
        'volume-device',
        `${at}.name`,
        `${owner} attaches volume "${name}" as a device, but only persistentVolumeClaim and ephemeral volumes can be block devices`,
      );
    }
    if (mounts.some((mount) => mount.name === name)) {
      report.error('volume-device', `${at}.name`, `${owner} both mounts volume "${name}" and attaches it as a device`);
    }
    if (!devicePath) {
      report.error('volume-device', `${at}.devicePath`, `the device of volume "${name}" in ${owner} has no devicePath`);
    } else if (devicePath.split('/').includes('..')) {
      report.error('volume-device', `${at}.devicePath`, `devicePath "${devicePath}" of ${owner} holds a ".." segment`);
    } else if (paths.has(devicePath)) {
      report.error('volume-device', `${at}.devicePath`, `${owner} attaches two devices at "${devicePath}"`);
    } else if (mounts.some((mount) => mount.mountPath === devicePath)) {
      report.error('volume-device', `${at}.devicePath`, `devicePath "${devicePath}" of ${owner} is also a mount path`);
    }
    names.add(name);
    paths.add(devicePath);
  }
}

// ---- credentials in literal env values --------------------------------------------

const CREDENTIAL_NAME = /secret|passw(or)?d|token|api_?key|private_?key|credential/i;
// Apps repeat their env names in every Pod: the answer is remembered, as for the name checks.
const credentialName = new SharedText<boolean>((name) => CREDENTIAL_NAME.test(name));
// A value made only of $(VAR) references copies another variable, and holds no credential itself.
const ONLY_REFERENCES = /^(\$\([^)]*\))+$/;
// A switch such as MYSQL_RANDOM_ROOT_PASSWORD=yes or MYSQL_ALLOW_EMPTY_PASSWORD=true names a credential and holds none.
const FLAG_VALUE = /^(yes|no|true|false|on|off|y|n|0|1)$/i;

/** Warns about literal values of env vars whose names say they hold a credential. */
export function lintEnvCredentials(c: Unvalidated<k8s.Container>, path: string, report: RuleReport): void {
  const env = c.env ?? [];
  for (let i = 0; i < env.length; i++) {
    const { name, value } = env[i];
    if (name !== undefined && value && credentialName.of(name) && !ONLY_REFERENCES.test(value) && !FLAG_VALUE.test(value)) {
      report.warn(
        'env-var-secret',
        `${path}.env[${i}].value`,
        `env "${name}" of container "${c.name}" holds a literal value, and its name says it is a credential; the value would be written into the manifest`,
        ENV_VAR_SECRET.fixFor(`'${name.toLowerCase().replace(/_/g, '-')}'`),
      );
    }
  }
}

/**
 * Warns about the keys of an object of this app taken whole by an envFrom
 * entry at `at` that, with the entry's prefix, are no env var name: the
 * kubelet skips them. `target` is the object, when the app has it.
 */
export function lintEnvFromKeys(
  prefix: unknown,
  target: { readonly kind: string; readonly name: string; readonly keys: readonly string[] } | undefined,
  at: string,
  report: RuleReport,
): void {
  // The caller reads any JSON: a prefix that is no string is the schema's to report. An invalid
  // prefix is env-from-source's error; every key would be skipped, which that says.
  if (target === undefined || (prefix != null && typeof prefix !== 'string') || (prefix && envVarNameError(prefix) !== undefined)) {
    return;
  }
  const skipped = target.keys.filter((key) => envVarNameError(`${prefix ?? ''}${key}`) !== undefined);
  if (skipped.length > 0) {
    const one = skipped.length === 1;
    report.warn(
      'env-from-key-skipped',
      at,
      `${one ? 'key' : 'keys'} ${skipped.map((key) => `"${key}"`).join(', ')} of ${target.kind} "${target.name}"${prefix ? ` with prefix "${prefix}"` : ''} ${one ? 'is' : 'are'} not a valid env var name, so the kubelet skips ${one ? 'it' : 'them'}`,
    );
  }
}
