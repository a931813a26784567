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
import { list, text } from './_json';
import { SharedText } from './_shared-text';
import { invalidDataKey } from './data-keys';
import { checkInteger, isIntegerIn } from './_integer';
import { dns1123SubdomainError, envVarNameError, portNameError, qualifiedNameError } from './names';
import { validateSeccompProfile, validateWindowsOptions } from './pod-security-context';
import { RuleReport } from './problem';
import type { RuleId } from './rule-ids';
import { defineRules } from './rules';

/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads manifests as plain JSON */

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
    fix: 'Build the probe with a `Probe` factory; give a port as a number (`8080`) or a declared port name (`"http"`).',
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
    fix: 'Keep one handler in each hook.',
    see: 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/',
  },
  {
    id: 'init-container-lifecycle',
    severity: 'error',
    category: 'api-server',
    summary: 'Init containers have no `lifecycle` hooks, unless they are sidecars (`restartPolicy: Always`).',
    why: 'The API server refuses the Pod (validateInitContainers: "may not be set for init containers without restartPolicy=Always").',
    fix: 'Remove the hooks, or make the init container a sidecar.',
    see: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/',
  },
  {
    id: 'env-field-ref',
    severity: 'error',
    category: 'api-server',
    summary:
      "An env `fieldRef` reads a field the downward API offers to env vars (`metadata.name`, `status.podIP`, `metadata.labels['key']`, …) with apiVersion `v1`; a `resourceFieldRef` reads `requests.`/`limits.` of `cpu`, `memory`, `ephemeral-storage` or `hugepages-*`, with a divisor the resource supports.",
    why: 'The API server refuses the Pod (validateObjectFieldSelector, validateContainerResourceFieldSelector, validateContainerResourceDivisor: "Unsupported value", "only divisor\'s values 1m and 1 are supported with the cpu resource").',
    fix: 'Use `EnvValue.fromField()` and `EnvValue.fromResource()`, whose types list the fields; a CPU divisor is `1` or `1m`, a memory divisor `1`, `1Ki`, `1Mi`, … or `1k`, `1M`, ….',
    see: 'https://kubernetes.io/docs/concepts/workloads/pods/downward-api/',
  },
  {
    id: 'env-key-ref',
    severity: 'error',
    category: 'api-server',
    summary: 'A `configMapKeyRef` or `secretKeyRef` names its object with a DNS-1123 subdomain and its key with at most 253 characters of `[-._a-zA-Z0-9]`.',
    why: 'The API server refuses the Pod (validateConfigMapKeySelector, validateSecretKeySelector: "a lowercase RFC 1123 subdomain must consist of …", "a valid config key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'").',
    fix: 'Pass the ConfigMap or Secret object to `EnvValue.fromConfigMap()`/`fromSecret()` with one of its keys.',
    see: ENV_DOCS,
  },
  {
    id: 'env-from-source',
    severity: 'error',
    category: 'api-server',
    summary: 'An `envFrom` entry has exactly one of `configMapRef` and `secretRef`, which names its object, and a `prefix` that is a valid env var name.',
    why: 'The API server refuses the Pod (ValidateEnvFrom: "must specify one of: `configMapRef` or `secretRef`", "may not have more than one field specified at a time").',
    fix: 'Build the entry with `EnvFrom.configMap()` or `EnvFrom.secret()`; write the prefix as letters, digits and `_`, such as `DB_`.',
    see: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#configure-all-key-value-pairs-in-a-configmap-as-container-environment-variables',
  },
  {
    id: 'resource-name',
    severity: 'error',
    category: 'api-server',
    summary:
      'Container resources are `cpu`, `memory`, `ephemeral-storage`, `hugepages-<size>`, or extended resources named as qualified names with a domain (`example.com/gpu`).',
    why: 'The API server refuses other names (validateContainerResourceName: "must be a standard resource for containers", "doesn\'t follow extended resource name standard").',
    fix: 'Fix the name, such as `memory` for `mem`, or give an extended resource its vendor domain.',
    see: RESOURCE_DOCS,
  },
  {
    id: 'hugepages',
    severity: 'error',
    category: 'api-server',
    summary: 'A `hugepages-<size>` request equals its limit, which is set, is a whole multiple of the page size, and comes with a cpu or memory request or limit.',
    why: 'Huge pages cannot be overcommitted: the API server refuses the Pod ("must be equal to hugepages-2Mi limit", "Limit must be set for non overcommitable resources", "is not positive integer multiple of", "HugePages require cpu or memory").',
    fix: 'Set the limit to a multiple of the page size (`hugepages-2Mi: 100Mi`), leave the request out or equal to it, and set a memory limit.',
    see: 'https://kubernetes.io/docs/tasks/manage-hugepages/scheduling-hugepages/',
  },
  {
    id: 'security-context-value',
    severity: 'error',
    category: 'api-server',
    summary: "A container's `runAsUser` and `runAsGroup` are whole numbers from 0 to 2147483647, and `procMount` is `Default` or `Unmasked` (its `seccompProfile` and `windowsOptions` are checked as the Pod's are).",
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
    fix: 'Attach a block-mode claim as a device at a path such as `/dev/xvda`, and do not also mount it.',
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
    fix: 'Write the directory from the root, such as `/app` for `app`.',
  },
]);

/** Warnings about containers Kubernetes accepts. */
export const CONTAINER_FIELD_LINT_RULES = defineRules([
  {
    id: 'env-var-secret',
    severity: 'warning',
    summary: 'Env vars whose names say they hold a credential (`*SECRET*`, `*PASSWORD*`, `*PASSWD*`, `*TOKEN*`, `*API_KEY*`, `*PRIVATE_KEY*`, `*CREDENTIAL*`) take their value from a Secret, not a literal (kube-linter: env-var-secret); a flag such as `yes` or `true` (`MYSQL_RANDOM_ROOT_PASSWORD: yes`) holds no credential and is not flagged.',
    why: 'A literal value is written into the manifest, into `dist/`, the repository and every review of it, and anyone who can read the Pod can read it.',
    fix: "Keep the value in a Secret and read it with `valueFrom: EnvValue.fromSecret(secret, 'key')`.",
    see: 'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables',
  },
  {
    id: 'env-from-key-skipped',
    severity: 'warning',
    summary: 'Every key of a ConfigMap or Secret of this app that a container takes whole (`envFrom`), with its prefix, is a valid env var name.',
    why: 'The kubelet skips a key that is not (such as `1st-run`, or any key under a prefix that starts with a digit) and starts the container without it; only an event says so.',
    fix: 'Rename the key, change the prefix, or take the key alone with `EnvValue.fromConfigMap(config, key)` under a valid name.',
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

/** The Pod around a container, as far as its fields are checked against it. */
export interface ContainerPod {
  /** The Pod's volumes, which volume devices name. */
  readonly volumes?: any;
}

/** Checks the fields of one container that the other container checks do not (see validateContainer). */
export function validateContainerFields(c: any, path: string, init: boolean, longRunning: boolean, pod: ContainerPod, report: RuleReport): void {
  if (c?.lifecycle != null) {
    validateLifecycle(c, path, init && !longRunning, report);
  }
  if (c?.env != null || c?.envFrom != null) {
    validateEnvSources(c, path, report);
  }
  if (c?.resources?.requests != null || c?.resources?.limits != null) {
    validateResourceNames(c, path, report);
  }
  validateSecurityValues(c, path, report);
  if (c?.volumeDevices != null) {
    validateVolumeDevices(c, path, pod, report);
  }
  if (typeof c?.workingDir === 'string' && c.workingDir.length > 0 && !c.workingDir.startsWith('/')) {
    report.error(
      'working-dir-absolute',
      `${path}.workingDir`,
      `workingDir ${JSON.stringify(c.workingDir)} of container "${c.name}" is relative; the container runtime refuses to start a container in a relative working directory`,
      `write it from the root, such as "/${c.workingDir.replace(/^\.\/?/, '')}"`,
    );
  }
  if (c?.stdinOnce === true && c?.stdin !== true) {
    report.warn('stdin-once-without-stdin', `${path}.stdinOnce`, `container "${c.name}" sets stdinOnce without stdin: true, so it has no standard input to close`, 'set stdin: true as well, or remove stdinOnce');
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
export function validateAction(handler: any, at: string, what: string, report: RuleReport): void {
  if (handler?.exec != null && list(handler.exec.command).length === 0) {
    report.error('probe-action', `${at}.exec.command`, `the exec action of the ${what} has no command`, 'give the command to run, such as ["cat", "/tmp/healthy"]');
  }
  const http = handler?.httpGet;
  if (http != null) {
    checkPort(http.port, `${at}.httpGet.port`, what, report);
    if (http.scheme !== undefined && !HTTP_SCHEMES.includes(http.scheme)) {
      const near = HTTP_SCHEMES.find((scheme) => scheme === text(http.scheme).toUpperCase());
      report.error(
        'probe-action',
        `${at}.httpGet.scheme`,
        `scheme ${JSON.stringify(http.scheme)} of the ${what} is not supported; the values are "HTTP", "HTTPS"`,
        near ? `write "${near}"` : 'use "HTTP" or "HTTPS", or leave it out for HTTP',
      );
    }
    const headers = list(http.httpHeaders);
    for (let i = 0; i < headers.length; i++) {
      const name = headers[i]?.name;
      if (typeof name !== 'string' || !HTTP_HEADER_NAME.test(name)) {
        report.error(
          'probe-action',
          `${at}.httpGet.httpHeaders[${i}].name`,
          `header name ${JSON.stringify(name)} of the ${what} is not an HTTP header name: it must be letters, digits and "-"`,
          `name the header such as "${text(name ?? 'X-Header').replace(/[^-A-Za-z0-9]+/g, '-') || 'X-Header'}"`,
        );
      }
    }
  }
  if (handler?.tcpSocket != null) {
    checkPort(handler.tcpSocket.port, `${at}.tcpSocket.port`, what, report);
  }
  if (handler?.grpc != null && !isPortNumber(handler.grpc.port)) {
    report.error('probe-action', `${at}.grpc.port`, `grpc port ${JSON.stringify(handler.grpc.port)} of the ${what} is not a whole number from 1 to 65535`, 'give the port number of the gRPC server');
  }
}

// ValidatePortNumOrName: a number is a port number, a string a port name (so "8080" is neither).
function checkPort(port: unknown, at: string, what: string, report: RuleReport): void {
  if (typeof port === 'number') {
    if (!isPortNumber(port)) {
      report.error('probe-action', at, `port ${port} of the ${what} is not a whole number from 1 to 65535`, 'use the port the process listens on');
    }
    return;
  }
  const wrong = typeof port === 'string' ? portNameError(port) : 'is missing';
  if (wrong !== undefined) {
    const digits = typeof port === 'string' && /^[0-9]+$/.test(port);
    report.error(
      'probe-action',
      at,
      `port ${JSON.stringify(port)} of the ${what} ${digits ? 'is a string of digits, which Kubernetes reads as a port name, and a port name' : ''} ${wrong}`.replace(/ {2,}/g, ' '),
      digits ? `write the number without quotes: ${port}` : 'give the number of the port, or the name of a port the container declares',
    );
  }
}

/** The port numbers of IsValidPortNum. */
export const PORT_RANGE = { min: 1, max: 65535 } as const;

/** Whether `value` is a port number, 1 to 65535. */
export function isPortNumber(value: unknown): value is number {
  return isIntegerIn(value, PORT_RANGE);
}

/** Checks a probe's terminationGracePeriodSeconds (validateProbe, validateReadinessProbe). */
export function validateProbeGracePeriod(probe: any, kind: string, at: string, container: string, report: RuleReport): void {
  const seconds = probe?.terminationGracePeriodSeconds;
  if (seconds === undefined || seconds === null) {
    return;
  }
  if (kind === 'readinessProbe') {
    report.error(
      'probe-termination-grace-period',
      `${at}.terminationGracePeriodSeconds`,
      `the readinessProbe of container "${container}" sets terminationGracePeriodSeconds; a readiness probe never stops the container, and the API server refuses it there`,
      'remove terminationGracePeriodSeconds from the readiness probe',
    );
  } else if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds <= 0) {
    report.error(
      'probe-termination-grace-period',
      `${at}.terminationGracePeriodSeconds`,
      `terminationGracePeriodSeconds of the ${kind} of container "${container}" is ${JSON.stringify(seconds)}; it must be a whole number greater than 0`,
      'use 1 or more seconds, or leave it out for the Pod\'s grace period',
    );
  }
}

function validateLifecycle(c: any, path: string, runsToCompletion: boolean, report: RuleReport): void {
  const at = `${path}.lifecycle`;
  if (runsToCompletion) {
    report.error(
      'init-container-lifecycle',
      at,
      `init container "${c.name}" has lifecycle hooks; it runs to completion, and the API server allows hooks only on sidecars`,
      'remove the hooks, or make the init container a sidecar with restartPolicy: Always',
    );
    return;
  }
  for (const hook of LIFECYCLE_HOOKS) {
    const handler = c.lifecycle[hook];
    if (handler === undefined || handler === null) {
      continue;
    }
    const handlers = LIFECYCLE_HANDLERS.filter((name) => handler[name] != null);
    if (handlers.length !== 1) {
      report.error(
        'lifecycle-handler',
        `${at}.${hook}`,
        `the ${hook} hook of container "${c.name}" has ${handlers.length === 0 ? 'no handler' : `${handlers.length} handlers (${handlers.join(', ')})`}`,
        'give it exactly one of exec, httpGet, tcpSocket',
      );
    }
    validateAction(handler, `${at}.${hook}`, `${hook} hook of container "${c.name}"`, report);
  }
}

// ---- env sources ---------------------------------------------------------------

const SUBSCRIPTED_FIELD_PATH = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/;
const CPU_DIVISORS = ['1m', '1'] as const;
const BYTE_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'] as const;
const ENV_NAME_FIX = 'write letters, digits, "_", "-" and ".", not starting with a digit';

function validateEnvSources(c: any, path: string, report: RuleReport): void {
  const env = list(c.env);
  for (let i = 0; i < env.length; i++) {
    const source = env[i]?.valueFrom;
    if (source === undefined || source === null) {
      continue;
    }
    const at = `${path}.env[${i}].valueFrom`;
    const owner = `env "${env[i]?.name}" of container "${c.name}"`;
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
      const selector = source[ref];
      if (selector?.name) {
        reportObjectName(selector.name, `${at}.${ref}.name`, `${ref} of ${owner}`, kind, 'env-key-ref', report);
      }
      if (selector?.key) {
        const wrong = typeof selector.key === 'string' ? invalidDataKey(selector.key) : 'is not a string';
        if (wrong !== undefined) {
          report.error('env-key-ref', `${at}.${ref}.key`, `key ${JSON.stringify(selector.key)} of the ${ref} of ${owner} ${wrong}`, `name a key the ${kind} has`);
        }
      }
    }
  }
  const envFrom = list(c.envFrom);
  for (let i = 0; i < envFrom.length; i++) {
    validateEnvFromEntry(envFrom[i], `${path}.envFrom[${i}]`, c.name, report);
  }
}

function validateFieldRef(ref: any, at: string, owner: string, report: RuleReport): void {
  if (ref.apiVersion !== undefined && ref.apiVersion !== 'v1') {
    report.error('env-field-ref', `${at}.apiVersion`, `apiVersion ${JSON.stringify(ref.apiVersion)} of the fieldRef of ${owner} is not supported; the downward API of env vars is "v1"`, 'remove apiVersion, or write "v1"');
  }
  const fieldPath = ref.fieldPath;
  const subscripted = typeof fieldPath === 'string' ? SUBSCRIPTED_FIELD_PATH.exec(fieldPath) : null;
  if (subscripted) {
    const [, field, key] = subscripted;
    const wrong = qualifiedNameError(field === 'metadata.annotations' ? key.toLowerCase() : key);
    if (wrong !== undefined) {
      report.error('env-field-ref', `${at}.fieldPath`, `fieldRef ${JSON.stringify(fieldPath)} of ${owner} reads the key "${key}", which ${wrong}`, 'name a label or annotation key, such as metadata.labels[\'app\']');
    }
  } else if (!(ENV_POD_FIELDS as readonly unknown[]).includes(fieldPath)) {
    report.error(
      'env-field-ref',
      `${at}.fieldPath`,
      `fieldRef ${JSON.stringify(fieldPath)} of ${owner} is not a field env vars can read; they read ${ENV_POD_FIELDS.map((p) => `"${p}"`).join(', ')}, and metadata.labels['KEY'] or metadata.annotations['KEY']`,
      'use EnvValue.fromField(), whose type lists the fields (a whole label or annotation map is offered only to downwardAPI volumes)',
    );
  }
}

function validateResourceFieldRef(ref: any, at: string, owner: string, report: RuleReport): void {
  const resource = ref.resource;
  const known = (DOWNWARD_API_RESOURCES as readonly unknown[]).includes(resource) || (typeof resource === 'string' && /^(requests|limits)\.hugepages-/.test(resource));
  if (!known) {
    report.error(
      'env-field-ref',
      `${at}.resource`,
      `resourceFieldRef ${JSON.stringify(resource)} of ${owner} is not a resource env vars can read; they read ${DOWNWARD_API_RESOURCES.map((r) => `"${r}"`).join(', ')} and requests./limits.hugepages-<size>`,
      'use EnvValue.fromResource(), whose type lists them',
    );
    return;
  }
  if (ref.divisor === undefined || ref.divisor === null) {
    return;
  }
  const divisor = canonicalDivisor(ref.divisor);
  const cpu = resource.endsWith('.cpu');
  const allowed: readonly string[] = cpu ? CPU_DIVISORS : BYTE_DIVISORS;
  if (divisor === undefined || !allowed.includes(divisor)) {
    report.error(
      'env-field-ref',
      `${at}.divisor`,
      `divisor ${JSON.stringify(ref.divisor)} of the resourceFieldRef of ${owner} is not supported with ${resource}; the values are ${allowed.map((d) => `"${d}"`).join(', ')}`,
      cpu ? 'divide CPU by "1" (cores) or "1m" (millicores)' : 'divide by "1" (bytes) or a unit such as "1Mi"',
    );
  }
}

// The API server compares a divisor in its canonical form: 1000m is "1", 0.001 is "1m".
function canonicalDivisor(divisor: unknown): string | undefined {
  const value = parseQuantity(typeof divisor === 'number' ? divisor : text(divisor));
  if (value === undefined) {
    return undefined;
  }
  const units: readonly (readonly [string, number])[] = [
    ['1m', 1e-3],
    ['1', 1],
    ['1k', 1e3],
    ['1Ki', 2 ** 10],
    ['1M', 1e6],
    ['1Mi', 2 ** 20],
    ['1G', 1e9],
    ['1Gi', 2 ** 30],
    ['1T', 1e12],
    ['1Ti', 2 ** 40],
    ['1P', 1e15],
    ['1Pi', 2 ** 50],
    ['1E', 1e18],
    ['1Ei', 2 ** 60],
  ];
  return units.find(([, size]) => Math.abs(value - size) <= size * 1e-12)?.[0] ?? text(divisor);
}

function validateEnvFromEntry(entry: any, at: string, container: string, report: RuleReport): void {
  const sources = (['configMapRef', 'secretRef'] as const).filter((source) => entry?.[source] != null);
  const owner = `envFrom entry of container "${container}"`;
  if (sources.length !== 1) {
    report.error(
      'env-from-source',
      at,
      `the ${owner} has ${sources.length === 0 ? 'no source' : 'both configMapRef and secretRef'}`,
      'build it with EnvFrom.configMap() or EnvFrom.secret(), one object each',
    );
  }
  for (const source of sources) {
    const kind = source === 'secretRef' ? 'Secret' : 'ConfigMap';
    const name = entry[source].name;
    if (name === undefined || name === null || name === '') {
      report.error('env-from-source', `${at}.${source}.name`, `the ${source} of the ${owner} names no ${kind}`, `name the ${kind}, or pass the object to EnvFrom.${source === 'secretRef' ? 'secret' : 'configMap'}()`);
    } else {
      reportObjectName(name, `${at}.${source}.name`, `${source} of the ${owner}`, kind, 'env-from-source', report);
    }
  }
  const prefix = entry?.prefix;
  if (prefix !== undefined && prefix !== null && prefix !== '') {
    const wrong = typeof prefix === 'string' ? envVarNameError(prefix) : 'is not a string';
    if (wrong !== undefined) {
      report.error('env-from-source', `${at}.prefix`, `prefix ${JSON.stringify(prefix)} of the ${owner} ${wrong}`, ENV_NAME_FIX);
    }
  }
}

function reportObjectName(name: unknown, at: string, what: string, kind: string, rule: RuleId, report: RuleReport): void {
  const wrong = typeof name === 'string' ? dns1123SubdomainError(name) : 'is not a string';
  if (wrong !== undefined) {
    report.error(rule, at, `${kind} name ${JSON.stringify(name)} in the ${what} ${wrong}`, `name the ${kind} by its metadata.name, or pass the ${kind} object`);
  }
}

// ---- resources -----------------------------------------------------------------

/** The resources every node has, by the names a container's requests and limits give them. */
export const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'] as const;
const CPU_OR_MEMORY = ['cpu', 'memory'] as const;

/** Whether a resource name is native to Kubernetes (no domain, or one under kubernetes.io), as IsNativeResource says. */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

function resourceNameError(name: string): string | undefined {
  const qualified = qualifiedNameError(name);
  if (qualified !== undefined) {
    return qualified;
  }
  if (!name.includes('/')) {
    return (STANDARD_CONTAINER_RESOURCES as readonly string[]).includes(name) || name.startsWith('hugepages-') ? undefined : 'is not a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>)';
  }
  if (isNativeResource(name)) {
    return undefined;
  }
  // IsExtendedResourceName: the quota name "requests.<name>" must be a qualified name too.
  return name.startsWith('requests.') || qualifiedNameError(`requests.${name}`) !== undefined ? "doesn't follow the extended resource name standard" : undefined;
}

function validateResourceNames(c: any, path: string, report: RuleReport): void {
  const requests = c.resources.requests ?? {};
  const limits = c.resources.limits ?? {};
  let hugePages = false;
  let cpuOrMemory = false;
  for (const [kind, amounts] of [
    ['requests', requests],
    ['limits', limits],
  ] as const) {
    for (const [resource, amount] of Object.entries(amounts as Record<string, unknown>)) {
      const at = `${path}.resources.${kind}["${resource}"]`;
      const wrong = resourceNameError(resource);
      if (wrong !== undefined) {
        report.error('resource-name', at, `resource name "${resource}" in the ${kind} of container "${c.name}" ${wrong}`, suggestResource(resource));
      }
      const value = parseQuantity(amount as string);
      if (value !== undefined && value < 0) {
        report.error(
          'resource-quantity',
          at,
          `${resource} ${kind === 'requests' ? 'request' : 'limit'} ${JSON.stringify(amount)} of container "${c.name}" is negative; it must be greater than or equal to 0`,
          'use 0 or more, or leave it out',
        );
      }
      cpuOrMemory ||= (CPU_OR_MEMORY as readonly string[]).includes(resource);
      if (resource.startsWith('hugepages-')) {
        hugePages = true;
        validateHugePageAmount(c, resource, amount, kind, at, report);
      }
    }
  }
  for (const resource of Object.keys(requests)) {
    if (!resource.startsWith('hugepages-')) {
      continue;
    }
    const request = parseQuantity(requests[resource]);
    const limit = limits[resource] === undefined ? undefined : parseQuantity(limits[resource]);
    const at = `${path}.resources.requests["${resource}"]`;
    if (limits[resource] === undefined) {
      report.error('hugepages', at, `container "${c.name}" requests ${JSON.stringify(requests[resource])} of ${resource} without a limit; huge pages cannot be overcommitted`, `set limits["${resource}"] to ${JSON.stringify(requests[resource])} as well`);
    } else if (request !== undefined && limit !== undefined && request !== limit) {
      report.error(
        'hugepages',
        at,
        `${resource} request ${JSON.stringify(requests[resource])} of container "${c.name}" differs from its limit ${JSON.stringify(limits[resource])}; it must be equal to it`,
        'make the request equal to the limit, or leave the request out',
      );
    }
  }
  if (hugePages && !cpuOrMemory) {
    report.error('hugepages', `${path}.resources`, `container "${c.name}" asks for huge pages without a cpu or memory request or limit`, 'set a memory limit (and request) beside the huge pages');
  }
}

function validateHugePageAmount(c: any, resource: string, amount: unknown, kind: string, at: string, report: RuleReport): void {
  const pageSize = parseQuantity(resource.slice('hugepages-'.length));
  const value = parseQuantity(amount as string);
  if (pageSize === undefined || pageSize <= 0 || value === undefined) {
    return; // a page size that is no quantity is the resource name's problem; the amount's is resource-quantity's
  }
  if (value < 0 || Math.ceil(value) % pageSize !== 0) {
    report.error(
      'hugepages',
      at,
      `${resource} ${kind === 'requests' ? 'request' : 'limit'} ${JSON.stringify(amount)} of container "${c.name}" is not a whole multiple of the page size ${resource.slice('hugepages-'.length)}`,
      `use a whole multiple of ${resource.slice('hugepages-'.length)}`,
    );
  }
}

function suggestResource(resource: string): string {
  const lower = resource.toLowerCase();
  const near = STANDARD_CONTAINER_RESOURCES.find((name) => lower === name || lower.startsWith(name.slice(0, 3)));
  return near ? `write "${near}"` : 'use cpu, memory, ephemeral-storage, hugepages-<size>, or an extended resource with its domain, such as "example.com/gpu"';
}

// ---- security context ----------------------------------------------------------

// IsValidUserID and IsValidGroupID.
const ID_RANGE = { min: 0, max: 2147483647 } as const;
const PROC_MOUNTS = ['Default', 'Unmasked'];

function validateSecurityValues(c: any, path: string, report: RuleReport): void {
  const sc = c?.securityContext;
  if (sc === undefined || sc === null) {
    return;
  }
  const at = `${path}.securityContext`;
  for (const field of ['runAsUser', 'runAsGroup'] as const) {
    const fix = `use the numeric ${field === 'runAsUser' ? 'user' : 'group'} id, such as 1000`;
    checkInteger(sc[field] ?? undefined, { rule: 'security-context-value', at: `${at}.${field}`, what: `${field} of container "${c.name}"`, range: ID_RANGE, fix }, report);
  }
  if (sc.procMount !== undefined && sc.procMount !== null && !PROC_MOUNTS.includes(sc.procMount)) {
    report.error('security-context-value', `${at}.procMount`, `procMount ${JSON.stringify(sc.procMount)} of container "${c.name}" is not supported; the values are "Default", "Unmasked"`, 'use "Default", or leave it out');
  }
  validateSeccompProfile(sc.seccompProfile, `${at}.seccompProfile`, report);
  validateWindowsOptions(sc.windowsOptions, `${at}.windowsOptions`, report);
}

// ---- volume devices ------------------------------------------------------------

function validateVolumeDevices(c: any, path: string, pod: ContainerPod, report: RuleReport): void {
  const devices = list(c.volumeDevices);
  const volumes = new Map<unknown, any>(list(pod.volumes).map((volume) => [volume?.name, volume]));
  const mounts = list(c.volumeMounts);
  const names = new Set<unknown>();
  const paths = new Set<unknown>();
  for (let i = 0; i < devices.length; i++) {
    const { name, devicePath } = devices[i] ?? {};
    const at = `${path}.volumeDevices[${i}]`;
    const owner = `container "${c.name}"`;
    const volume = volumes.get(name);
    if (typeof name !== 'string' || name.length === 0) {
      report.error('volume-device', `${at}.name`, `a volume device of ${owner} names no volume`, 'name a persistentVolumeClaim volume of the Pod');
    } else if (names.has(name)) {
      report.error('volume-device', `${at}.name`, `${owner} attaches volume "${name}" as a device twice`, 'attach each volume once');
    } else if (volume === undefined) {
      report.error('volume-device', `${at}.name`, `${owner} attaches volume "${name}" as a device, which the Pod does not declare`, 'add the volume to the Pod, or fix the name');
    } else if (volume.persistentVolumeClaim == null && volume.ephemeral == null) {
      report.error('volume-device', `${at}.name`, `${owner} attaches volume "${name}" as a device, but only persistentVolumeClaim and ephemeral volumes can be block devices`, 'attach a claim of a block-mode volume, or mount this volume instead');
    }
    if (mounts.some((mount) => mount?.name === name)) {
      report.error('volume-device', `${at}.name`, `${owner} both mounts volume "${name}" and attaches it as a device`, 'either mount the volume or attach it as a device');
    }
    if (typeof devicePath !== 'string' || devicePath.length === 0) {
      report.error('volume-device', `${at}.devicePath`, `the device of volume "${name}" in ${owner} has no devicePath`, 'give the path of the device in the container, such as "/dev/xvda"');
    } else if (devicePath.split('/').includes('..')) {
      report.error('volume-device', `${at}.devicePath`, `devicePath "${devicePath}" of ${owner} holds a ".." segment`, 'write the path without ".."');
    } else if (paths.has(devicePath)) {
      report.error('volume-device', `${at}.devicePath`, `${owner} attaches two devices at "${devicePath}"`, 'give each device its own path');
    } else if (mounts.some((mount) => mount?.mountPath === devicePath)) {
      report.error('volume-device', `${at}.devicePath`, `devicePath "${devicePath}" of ${owner} is also a mount path`, 'attach the device at a path no volume is mounted at');
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
export function lintEnvCredentials(c: any, path: string, report: RuleReport): void {
  const env = list(c?.env);
  for (let i = 0; i < env.length; i++) {
    const { name, value } = env[i] ?? {};
    if (typeof name === 'string' && typeof value === 'string' && value.length > 0 && credentialName.of(name) && !ONLY_REFERENCES.test(value) && !FLAG_VALUE.test(value)) {
      report.warn(
        'env-var-secret',
        `${path}.env[${i}].value`,
        `env "${name}" of container "${c.name}" holds a literal value, and its name says it is a credential; the value would be written into the manifest`,
        `keep it in a Secret and read it with valueFrom: EnvValue.fromSecret(secret, '${name.toLowerCase().replace(/_/g, '-')}')`,
      );
    }
  }
}

/**
 * Warns about the keys of an object of this app taken whole by an envFrom
 * entry at `at` that, with the entry's prefix, are no env var name: the
 * kubelet skips them. `target` is the object, when the app has it.
 */
export function lintEnvFromKeys(prefix: unknown, target: { readonly kind: string; readonly name: string; readonly keys: readonly string[] } | undefined, at: string, report: RuleReport): void {
  if (target === undefined || (prefix !== undefined && prefix !== null && typeof prefix !== 'string')) {
    return;
  }
  // An invalid prefix is env-from-source's error; every key would be skipped, which that says.
  if (typeof prefix === 'string' && prefix.length > 0 && envVarNameError(prefix) !== undefined) {
    return;
  }
  const skipped = target.keys.filter((key) => envVarNameError(`${prefix ?? ''}${key}`) !== undefined);
  if (skipped.length > 0) {
    report.warn(
      'env-from-key-skipped',
      at,
      `${skipped.length === 1 ? 'key' : 'keys'} ${skipped.map((key) => `"${key}"`).join(', ')} of ${target.kind} "${target.name}"${prefix ? ` with prefix "${prefix}"` : ''} ${skipped.length === 1 ? 'is' : 'are'} not a valid env var name, so the kubelet skips ${skipped.length === 1 ? 'it' : 'them'}`,
      'rename the key, give a prefix that starts with a letter or "_", or take the key alone with EnvValue.fromConfigMap() or fromSecret() under a valid name',
    );
  }
}
