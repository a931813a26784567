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
import { MemoByString } from './_shared-text';
import { invalidDataKey } from './data-keys';
import { checkInteger, isPortNumber } from './_integer';
import { dns1123SubdomainError, envVarNameError, portNameError, qualifiedNameError } from './names';
import { ID_RANGE, validateSeccompProfile, validateWindowsOptions } from './pod-security-context';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
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
    ...fixByCase(
      {
        command: 'give the command to run, such as ["cat", "/tmp/healthy"]',
        scheme: (scheme: string) => `write ${scheme}`,
        schemes: 'use "HTTP" or "HTTPS", or leave it out for HTTP',
        header: (name: string) => `name the header such as ${name}`,
        grpc: 'give the port number of the gRPC server',
        range: 'use the port the process listens on',
        digits: (port: string) => `write the number without quotes: ${port}`,
        port: 'give the number of the port, or the name of a port the container declares',
      },
      { scheme: ['"HTTPS" for "https"'], header: ['"X-Probe"'], digits: ['8080'] },
    ),
    see: PROBE_DOCS,
  },
  {
    id: 'probe-termination-grace-period',
    severity: 'error',
    category: 'api-server',
    summary: "A probe's `terminationGracePeriodSeconds` is greater than 0, and a readiness probe has none.",
    why: 'The API server refuses the Pod ("must be greater than 0", "must not be set for readinessProbes"): a readiness probe never kills the container.',
    ...fixByCase(
      {
        readiness: 'remove terminationGracePeriodSeconds from the readiness probe',
        seconds: "use 1 or more seconds, or leave it out for the Pod's grace period",
      },
      {},
    ),
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
    ...fixByCase(
      {
        apiVersion: 'remove apiVersion, or write "v1"',
        key: "name a label or annotation key, such as metadata.labels['app']",
        field: 'use EnvValue.fromField(), whose type lists the fields (a whole label or annotation map is offered only to downwardAPI volumes)',
        resource: 'use EnvValue.fromResource(), whose type lists them',
        cpu: 'divide CPU by "1" (cores) or "1m" (millicores)',
        bytes: 'divide by "1" (bytes) or a unit such as "1Mi"',
      },
      {},
    ),
    see: 'https://kubernetes.io/docs/concepts/workloads/pods/downward-api/',
  },
  {
    id: 'reference-name',
    severity: 'error',
    category: 'api-server',
    summary: '`serviceAccountName` is a DNS-1123 subdomain, and every ConfigMap, Secret and claim reference (volumes, env) names its object.',
    why: 'The API server refuses the Pod: "spec.volumes[0].configMap.name: Required value", or for a name in the wrong form "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\'".',
    ...fixByCase(
      {
        object: (object: string) => `pass the ${object} object, or { name } of one that exists`,
        serviceAccount: (example: string) => `name the ServiceAccount by its metadata.name, such as ${example}`,
        keyRef: "give both the object's name and the key",
      },
      { object: ['ConfigMap, Secret or claim'], serviceAccount: ['"my-app"'] },
    ),
  },
  {
    id: 'env-key-ref',
    severity: 'error',
    category: 'api-server',
    summary: 'A `configMapKeyRef` or `secretKeyRef` names its object with a DNS-1123 subdomain and its key with at most 253 characters of `[-._a-zA-Z0-9]`.',
    why: "The API server refuses the Pod (validateConfigMapKeySelector, validateSecretKeySelector: \"a lowercase RFC 1123 subdomain must consist of …\", \"a valid config key must consist of alphanumeric characters, '-', '_' or '.'\").",
    ...fixByCase(
      { name: (kind: string) => `name the ${kind} by its metadata.name, or pass the ${kind} object`, key: (kind: string) => `name a key the ${kind} has` },
      { name: ['ConfigMap or Secret'], key: ['ConfigMap or Secret'] },
    ),
    see: ENV_DOCS,
  },
  {
    id: 'env-from-source',
    severity: 'error',
    category: 'api-server',
    summary: 'An `envFrom` entry has exactly one of `configMapRef` and `secretRef`, which names its object, and a `prefix` that is a valid env var name.',
    why: 'The API server refuses the Pod (ValidateEnvFrom: "must specify one of: `configMapRef` or `secretRef`", "may not have more than one field specified at a time").',
    ...fixByCase(
      {
        sources: 'build it with EnvFrom.configMap() or EnvFrom.secret(), one object each',
        unnamed: (kind: string, factory: string) => `name the ${kind}, or pass the object to ${factory}`,
        name: (kind: string) => `name the ${kind} by its metadata.name, or pass the ${kind} object`,
        prefix: 'write letters, digits, "_", "-" and ".", not starting with a digit',
      },
      { unnamed: ['ConfigMap or Secret', 'EnvFrom.configMap() or EnvFrom.secret()'], name: ['ConfigMap or Secret'] },
    ),
    see: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#configure-all-key-value-pairs-in-a-configmap-as-container-environment-variables',
  },
  {
    id: 'resource-name',
    severity: 'error',
    category: 'api-server',
    summary:
      'Container resources are `cpu`, `memory`, `ephemeral-storage`, `hugepages-<size>`, or extended resources named as qualified names with a domain (`example.com/gpu`).',
    why: 'The API server refuses other names (validateContainerResourceName: "must be a standard resource for containers", "doesn\'t follow extended resource name standard").',
    ...fixByCase(
      {
        near: (name: string) => `write ${name}`,
        other: 'use cpu, memory, ephemeral-storage, hugepages-<size>, or an extended resource with its domain, such as "example.com/gpu"',
      },
      { near: ['"memory" for "mem"'] },
    ),
    see: RESOURCE_DOCS,
  },
  {
    id: 'hugepages',
    severity: 'error',
    category: 'api-server',
    summary:
      'A `hugepages-<size>` request equals its limit, which is set, is a whole multiple of the page size, and comes with a cpu or memory request or limit.',
    why: 'Huge pages cannot be overcommitted: the API server refuses the Pod ("must be equal to hugepages-2Mi limit", "Limit must be set for non overcommitable resources", "is not positive integer multiple of", "HugePages require cpu or memory").',
    ...fixByCase(
      {
        noLimit: (limit: string, request: string) => `set ${limit} to ${request} as well`,
        differs: 'make the request equal to the limit, or leave the request out',
        cpuOrMemory: 'set a memory limit (and request) beside the huge pages',
        multiple: (size: string) => `use a whole multiple of ${size}`,
      },
      { noLimit: ['the limit', 'the request'], multiple: ['the page size'] },
    ),
    see: 'https://kubernetes.io/docs/tasks/manage-hugepages/scheduling-hugepages/',
  },
  {
    id: 'security-context-value',
    severity: 'error',
    category: 'api-server',
    summary:
      "A container's `runAsUser` and `runAsGroup` are whole numbers from 0 to 2147483647, and `procMount` is `Default` or `Unmasked` (its `seccompProfile` and `windowsOptions` are checked as the Pod's are).",
    why: 'The API server refuses the Pod (ValidateSecurityContext: "must be between 0 and 2147483647, inclusive"; ValidateProcMountType: "Unsupported value").',
    ...fixByCase(
      { user: 'use the numeric user id, such as 1000', group: 'use the numeric group id, such as 1000', procMount: 'use "Default", or leave it out' },
      {},
    ),
    see: SECURITY_DOCS,
  },
  {
    id: 'volume-device',
    severity: 'error',
    category: 'api-server',
    summary:
      'Each `volumeDevices` entry names, once, a persistentVolumeClaim or ephemeral volume of the Pod that the container does not also mount, at a device path without `..` that is unique and no mount path.',
    why: 'The API server refuses the Pod (ValidateVolumeDevices: "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode", "must be unique", "must not already exist in volumeMounts").',
    ...fixByCase(
      {
        unnamed: 'name a persistentVolumeClaim volume of the Pod',
        twice: 'attach each volume once',
        undeclared: 'add the volume to the Pod, or fix the name',
        notClaim: 'attach a claim of a block-mode volume, or mount this volume instead',
        mounted: 'either mount the volume or attach it as a device',
        noPath: 'give the path of the device in the container, such as "/dev/xvda"',
        dots: 'write the path without ".."',
        samePath: 'give each device its own path',
        mountPath: 'attach the device at a path no volume is mounted at',
      },
      {},
    ),
    see: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#raw-block-volume-support',
  },
  {
    id: 'resource-quantity',
    severity: 'error',
    category: 'api-server',
    summary: 'Resource requests and limits are Kubernetes quantities (`250m`, `512Mi`, `2`).',
    why: 'The API server refuses other text, such as `512MB`.',
    ...fixByCase(
      {
        cpu: 'write cores ("0.5", 2) or millicores ("500m")',
        bytes: 'write bytes with a Kubernetes suffix, such as "512Mi" or "1Gi"',
        negative: 'use 0 or more, or leave it out',
      },
      {},
    ),
    see: 'https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/',
  },
  {
    id: 'requests-within-limits',
    severity: 'error',
    category: 'api-server',
    summary: 'A container requests no more of a resource than its limit.',
    why: 'The API server refuses a request above the limit: the container could never get what it reserved.',
    fix: 'Lower the request or raise the limit.',
    see: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  },
  {
    id: 'extended-resource',
    severity: 'error',
    category: 'api-server',
    summary: 'Extended resources (`nvidia.com/gpu`) are whole numbers, have a limit, and a request equal to it.',
    why: 'Extended resources cannot be shared or overcommitted: the API server refuses fractions, a request without a limit, and a request other than the limit.',
    ...fixByCase(
      {
        fraction: 'use a whole number, such as 1',
        noLimit: (limit: string, request: string) => `set ${limit} to ${request} as well`,
        differs: 'make the request equal to the limit, or leave the request out',
      },
      { noLimit: ['the limit', 'the request'] },
    ),
    see: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#extended-resources',
  },
  {
    id: 'security-context-conflict',
    severity: 'error',
    category: 'api-server',
    summary: '`allowPrivilegeEscalation: false` is not combined with `privileged: true` or the `CAP_SYS_ADMIN` capability.',
    why: 'The API server refuses the combination ("cannot set `allowPrivilegeEscalation` to false and `privileged` to true"): a privileged container can always escalate.',
    ...fixByCase(
      { privileged: 'drop privileged, or drop allowPrivilegeEscalation: false', sysAdmin: 'drop CAP_SYS_ADMIN, or drop allowPrivilegeEscalation: false' },
      {},
    ),
    see: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  },
  {
    id: 'env-value-source',
    severity: 'error',
    category: 'api-server',
    summary: 'An env entry has either a non-empty `value` or `valueFrom`, and `valueFrom` has exactly one source.',
    why: 'The API server refuses an entry with both ("may not be specified when `value` is not empty"), or a `valueFrom` with none or several sources ("may not have more than one field specified at a time").',
    ...fixByCase(
      { both: 'keep one of value and valueFrom', sources: 'give valueFrom exactly one of configMapKeyRef, secretKeyRef, fieldRef, resourceFieldRef' },
      {},
    ),
    see: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#environment-variables',
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
const PROBE_ACTION = ruleIn(CONTAINER_FIELD_API_RULES, 'probe-action');
const ENV_VALUE = ruleIn(CONTAINER_FIELD_API_RULES, 'env-value-source');
const REFERENCE_NAME = ruleIn(CONTAINER_FIELD_API_RULES, 'reference-name');
const KEY_REF = ruleIn(CONTAINER_FIELD_API_RULES, 'env-key-ref');
const FIELD_REF = ruleIn(CONTAINER_FIELD_API_RULES, 'env-field-ref');
const ENV_FROM = ruleIn(CONTAINER_FIELD_API_RULES, 'env-from-source');
const RESOURCE_NAME = ruleIn(CONTAINER_FIELD_API_RULES, 'resource-name');
const QUANTITY = ruleIn(CONTAINER_FIELD_API_RULES, 'resource-quantity');
const EXTENDED = ruleIn(CONTAINER_FIELD_API_RULES, 'extended-resource');
const HUGEPAGES = ruleIn(CONTAINER_FIELD_API_RULES, 'hugepages');
const SC_VALUE = ruleIn(CONTAINER_FIELD_API_RULES, 'security-context-value');
const SC_CONFLICT = ruleIn(CONTAINER_FIELD_API_RULES, 'security-context-conflict');
const DEVICE = ruleIn(CONTAINER_FIELD_API_RULES, 'volume-device');

// The amounts of a container's requests or limits that are set (a field left undefined is not in the manifest), by resource.
function amountsOf(amounts: Unvalidated<k8s.ResourceRequirements>['requests']): [string, number | string][] {
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
  const envFrom = c.envFrom ?? [];
  for (let i = 0; i < envFrom.length; i++) {
    validateEnvFromEntry(envFrom[i], `${path}.envFrom[${i}]`, `envFrom entry of container "${c.name}"`, report);
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
    report.error('probe-action', `${at}.exec.command`, `the exec action of the ${what} has no command`, PROBE_ACTION.fixFor('command'));
  }
  const http = handler.httpGet;
  if (http != null) {
    checkPort(http.port, `${at}.httpGet.port`, what, report);
    if (http.scheme !== undefined && !(HTTP_SCHEMES as readonly string[]).includes(http.scheme)) {
      const near = HTTP_SCHEMES.find((scheme) => scheme === http.scheme?.toUpperCase());
      report.error(
        'probe-action',
        `${at}.httpGet.scheme`,
        `scheme ${JSON.stringify(http.scheme)} of the ${what} is not supported; the values are "HTTP", "HTTPS"`,
        near === undefined ? PROBE_ACTION.fixFor('schemes') : PROBE_ACTION.fixFor('scheme', `"${near}"`),
      );
    }
    const headers = http.httpHeaders ?? [];
    for (let i = 0; i < headers.length; i++) {
      const { name } = headers[i];
      if (name === undefined || !HTTP_HEADER_NAME.test(name)) {
        const wrong = `header name ${JSON.stringify(name)} of the ${what} is not an HTTP header name: it must be letters, digits and "-"`;
        report.error(
          'probe-action',
          `${at}.httpGet.httpHeaders[${i}].name`,
          wrong,
          PROBE_ACTION.fixFor('header', `"${(name ?? 'X-Header').replace(/[^-A-Za-z0-9]+/g, '-') || 'X-Header'}"`),
        );
      }
    }
  }
  if (handler.tcpSocket != null) {
    checkPort(handler.tcpSocket.port, `${at}.tcpSocket.port`, what, report);
  }
  if (handler.grpc != null && !isPortNumber(handler.grpc.port)) {
    report.error(
      'probe-action',
      `${at}.grpc.port`,
      `grpc port ${JSON.stringify(handler.grpc.port)} of the ${what} is not a whole number from 1 to 65535`,
      PROBE_ACTION.fixFor('grpc'),
    );
  }
}

// ValidatePortNumOrName: a number is a port number, a string a port name (so "8080" is neither).
function checkPort(port: number | string | undefined, at: string, what: string, report: RuleReport): void {
  if (typeof port === 'number') {
    if (!isPortNumber(port)) {
      report.error('probe-action', at, `port ${port} of the ${what} is not a whole number from 1 to 65535`, PROBE_ACTION.fixFor('range'));
    }
    return;
  }
  const wrong = port === undefined ? 'is missing' : portNameError(port);
  if (wrong !== undefined) {
    const digits = /^[0-9]+$/.test(port ?? '') ? 'is a string of digits, which Kubernetes reads as a port name, and a port name ' : '';
    report.error(
      'probe-action',
      at,
      `port ${JSON.stringify(port)} of the ${what} ${digits}${wrong}`,
      digits ? PROBE_ACTION.fixFor('digits', `${port}`) : PROBE_ACTION.fixFor('port'),
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

// fileKeyRef is of Kubernetes 1.34: a manifest may hold it, the 1.27 shape does not.
const ENV_SOURCES = ['configMapKeyRef', 'secretKeyRef', 'fieldRef', 'resourceFieldRef', 'fileKeyRef'] as const;
const KEY_REFS = [
  ['configMapKeyRef', 'ConfigMap'],
  ['secretKeyRef', 'Secret'],
] as const;
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

/** Checks the `valueFrom` of env var `variable` of container `container`, at field path `at` (the env entry's). */
export function validateEnvSource(variable: Unvalidated<k8s.EnvVar>, at: string, container: string | undefined, report: RuleReport): void {
  const source: Readonly<Record<string, unknown>> & Unvalidated<k8s.EnvVarSource> = variable.valueFrom ?? {};
  const owner = `env "${variable.name}" of container "${container}"`;
  const sources = ENV_SOURCES.filter((field) => source[field] != null);
  // An empty value is the unset one to the API server: only text beside valueFrom conflicts.
  if (variable.value) {
    report.error('env-value-source', at, `${owner} has both value and valueFrom`, ENV_VALUE.fixFor('both'));
  }
  for (const [ref, kind] of KEY_REFS) {
    const { name, key } = source[ref] ?? {};
    if (source[ref] != null && !variable.value && (!name || !key)) {
      report.error('reference-name', `${at}.valueFrom.${ref}`, `${ref} of ${owner} names no ${!name ? kind : 'key'}`, REFERENCE_NAME.fixFor('keyRef'));
    }
    if (name) {
      reportObjectName(name, `${at}.valueFrom.${ref}.name`, `${ref} of ${owner}`, kind, 'env-key-ref', report);
    }
    const wrong = key ? invalidDataKey(key) : undefined;
    if (wrong !== undefined) {
      report.error('env-key-ref', `${at}.valueFrom.${ref}.key`, `key ${JSON.stringify(key)} of the ${ref} of ${owner} ${wrong}`, KEY_REF.fixFor('key', kind));
    }
  }
  if (!variable.value && sources.length !== 1) {
    report.error(
      'env-value-source',
      `${at}.valueFrom`,
      `valueFrom of ${owner} has ${sources.length === 0 ? 'no source' : `${sources.length} sources (${sources.join(', ')})`}`,
      ENV_VALUE.fixFor('sources'),
    );
  }
  if (source.fieldRef != null) {
    validateFieldRef(source.fieldRef, `${at}.valueFrom.fieldRef`, owner, report);
  }
  if (source.resourceFieldRef != null) {
    validateResourceFieldRef(source.resourceFieldRef, `${at}.valueFrom.resourceFieldRef`, owner, report);
  }
}

function validateFieldRef(ref: Unvalidated<k8s.ObjectFieldSelector>, at: string, owner: string, report: RuleReport): void {
  if (ref.apiVersion !== undefined && ref.apiVersion !== 'v1') {
    report.error(
      'env-field-ref',
      `${at}.apiVersion`,
      `apiVersion ${JSON.stringify(ref.apiVersion)} of the fieldRef of ${owner} is not supported; the downward API of env vars is "v1"`,
      FIELD_REF.fixFor('apiVersion'),
    );
  }
  const fieldPath = ref.fieldPath;
  const subscripted = SUBSCRIPTED_FIELD_PATH.exec(fieldPath ?? '');
  if (subscripted) {
    const [, field, key] = subscripted;
    const wrong = qualifiedNameError(field === 'metadata.annotations' ? key.toLowerCase() : key);
    if (wrong !== undefined) {
      report.error(
        'env-field-ref',
        `${at}.fieldPath`,
        `fieldRef ${JSON.stringify(fieldPath)} of ${owner} reads the key "${key}", which ${wrong}`,
        FIELD_REF.fixFor('key'),
      );
    }
  } else if (!(ENV_POD_FIELDS as readonly unknown[]).includes(fieldPath)) {
    report.error(
      'env-field-ref',
      `${at}.fieldPath`,
      `fieldRef ${JSON.stringify(fieldPath)} of ${owner} is not a field env vars can read; they read ${ENV_POD_FIELDS.map((p) => `"${p}"`).join(', ')}, and metadata.labels['KEY'] or metadata.annotations['KEY']`,
      FIELD_REF.fixFor('field'),
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
      FIELD_REF.fixFor('resource'),
    );
    return;
  }
  const allowed = resource.endsWith('.cpu') ? CPU_DIVISORS : BYTE_DIVISORS;
  if (divisor != null && !allowed.includes(canonicalDivisor(divisor))) {
    report.error(
      'env-field-ref',
      `${at}.divisor`,
      `divisor ${JSON.stringify(divisor)} of the resourceFieldRef of ${owner} is not supported with ${resource}; the values are ${allowed.map((d) => `"${d}"`).join(', ')}`,
      allowed === CPU_DIVISORS ? FIELD_REF.fixFor('cpu') : FIELD_REF.fixFor('bytes'),
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
    report.error(
      'env-from-source',
      at,
      `the ${owner} has ${sources.length === 0 ? 'no source' : 'both configMapRef and secretRef'}`,
      ENV_FROM.fixFor('sources'),
    );
  }
  for (const source of sources) {
    const kind = source === 'secretRef' ? 'Secret' : 'ConfigMap';
    const name = entry[source]?.name;
    if (!name) {
      report.error(
        'env-from-source',
        `${at}.${source}.name`,
        `the ${source} of the ${owner} names no ${kind}`,
        ENV_FROM.fixFor('unnamed', kind, `EnvFrom.${source === 'secretRef' ? 'secret' : 'configMap'}()`),
      );
    } else {
      reportObjectName(name, `${at}.${source}.name`, `${source} of the ${owner}`, kind, 'env-from-source', report);
    }
  }
  const wrong = entry.prefix ? envVarNameError(entry.prefix) : undefined;
  if (wrong !== undefined) {
    report.error('env-from-source', `${at}.prefix`, `prefix ${JSON.stringify(entry.prefix)} of the ${owner} ${wrong}`, ENV_FROM.fixFor('prefix'));
  }
}

function reportObjectName(name: string, at: string, what: string, kind: string, rule: 'env-key-ref' | 'env-from-source', report: RuleReport): void {
  const wrong = dns1123SubdomainError(name);
  if (wrong !== undefined) {
    report.error(
      rule,
      at,
      `${kind} name ${JSON.stringify(name)} in the ${what} ${wrong}`,
      rule === 'env-key-ref' ? KEY_REF.fixFor('name', kind) : ENV_FROM.fixFor('name', kind),
    );
  }
}

// ---- resources -----------------------------------------------------------------

/** The resources every node has, by the names a container's requests and limits give them. */
export const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'] as const;
const CPU_OR_MEMORY = ['cpu', 'memory'];

function suggestResource(resource: string): string {
  const lower = resource.toLowerCase();
  const near = STANDARD_CONTAINER_RESOURCES.find((name) => lower === name || lower.startsWith(name.slice(0, 3)));
  return near ? RESOURCE_NAME.fixFor('near', `"${near}"`) : RESOURCE_NAME.fixFor('other');
}

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

// Names with a domain, outside kubernetes.io (and requests.* quota names), are extended resources.
function isExtendedResource(resource: string): boolean {
  return resource.includes('/') && !resource.startsWith('kubernetes.io/') && !resource.includes('.kubernetes.io/');
}

/** Checks the requests and limits of container `c`: their names and amounts, and each request against its limit. */
export function validateResources(c: Unvalidated<k8s.Container>, path: string, report: RuleReport): void {
  const { requests, limits } = c.resources ?? {};
  if (requests == null && limits == null) {
    return; // nothing to check, as in most containers
  }
  const parsed = { requests: new Map<string, number>(), limits: new Map<string, number>() };
  let hugePages = false;
  let cpuOrMemory = false;
  for (const kind of ['requests', 'limits'] as const) {
    for (const [resource, amount] of amountsOf(c.resources?.[kind])) {
      const at = `${path}.resources.${kind}["${resource}"]`;
      const what = `${resource} ${kind === 'requests' ? 'request' : 'limit'} ${JSON.stringify(amount)} of container "${c.name}"`;
      const wrong = resourceNameError(resource);
      if (wrong !== undefined) {
        report.error('resource-name', at, `resource name "${resource}" in the ${kind} of container "${c.name}" ${wrong}`, suggestResource(resource));
      }
      cpuOrMemory ||= CPU_OR_MEMORY.includes(resource);
      hugePages ||= resource.startsWith('hugepages-');
      const value = parseQuantity(amount);
      if (value === undefined) {
        report.error(
          'resource-quantity',
          `${path}.resources.${kind}.${resource}`,
          `${what} is not a Kubernetes quantity`,
          QUANTITY.fixFor(resource === 'cpu' ? 'cpu' : 'bytes'),
        );
        continue;
      }
      parsed[kind].set(resource, value);
      if (value < 0) {
        report.error('resource-quantity', at, `${what} is negative; it must be greater than or equal to 0`, QUANTITY.fixFor('negative'));
      }
      if (isExtendedResource(resource) && !Number.isInteger(value)) {
        report.error(
          'extended-resource',
          at,
          `${resource} ${kind === 'requests' ? 'request' : 'limit'} ${value} of container "${c.name}" is not a whole number`,
          EXTENDED.fixFor('fraction'),
        );
      }
      // A page size that is no quantity is the resource name's problem.
      const pageSize = resource.startsWith('hugepages-') ? resource.slice('hugepages-'.length) : '';
      const size = parseQuantity(pageSize);
      if (size !== undefined && size > 0 && (value < 0 || Math.ceil(value) % size !== 0)) {
        report.error('hugepages', at, `${what} is not a whole multiple of the page size ${pageSize}`, HUGEPAGES.fixFor('multiple', pageSize));
      }
    }
  }
  for (const [resource, amount] of amountsOf(requests)) {
    const [request, limit] = [parsed.requests.get(resource), parsed.limits.get(resource)];
    const at = `${path}.resources.requests["${resource}"]`;
    if (request !== undefined && limit !== undefined && request > limit) {
      report.error(
        'requests-within-limits',
        `${path}.resources.requests.${resource}`,
        `${resource} request ${JSON.stringify(amount)} of container "${c.name}" is above its limit ${JSON.stringify(limits?.[resource])}`,
      );
    }
    if (request !== undefined && isExtendedResource(resource) && limit === undefined) {
      report.error(
        'extended-resource',
        at,
        `container "${c.name}" requests ${request} ${resource} without a limit`,
        EXTENDED.fixFor('noLimit', `limits["${resource}"]`, `${request}`),
      );
    } else if (request !== undefined && isExtendedResource(resource) && limit !== request) {
      report.error(
        'extended-resource',
        at,
        `${resource} request ${request} of container "${c.name}" differs from its limit ${limit}`,
        EXTENDED.fixFor('differs'),
      );
    }
    if (resource.startsWith('hugepages-') && limits?.[resource] === undefined) {
      report.error(
        'hugepages',
        at,
        `container "${c.name}" requests ${JSON.stringify(amount)} of ${resource} without a limit; huge pages cannot be overcommitted`,
        HUGEPAGES.fixFor('noLimit', `limits["${resource}"]`, JSON.stringify(amount)),
      );
    } else if (resource.startsWith('hugepages-') && request !== undefined && limit !== undefined && request !== limit) {
      report.error(
        'hugepages',
        at,
        `${resource} request ${JSON.stringify(amount)} of container "${c.name}" differs from its limit ${JSON.stringify(limits?.[resource])}; it must be equal to it`,
        HUGEPAGES.fixFor('differs'),
      );
    }
  }
  if (hugePages && !cpuOrMemory) {
    report.error(
      'hugepages',
      `${path}.resources`,
      `container "${c.name}" asks for huge pages without a cpu or memory request or limit`,
      HUGEPAGES.fixFor('cpuOrMemory'),
    );
  }
}

// ---- security context ----------------------------------------------------------

const PROC_MOUNTS = ['Default', 'Unmasked'];

function validateSecurityValues(sc: Unvalidated<k8s.SecurityContext>, at: string, owner: string, report: RuleReport): void {
  for (const field of ['runAsUser', 'runAsGroup'] as const) {
    const fix = SC_VALUE.fixFor(field === 'runAsUser' ? 'user' : 'group');
    checkInteger(sc[field], { rule: 'security-context-value', at: `${at}.${field}`, what: `${field} of ${owner}`, range: ID_RANGE, fix }, report);
  }
  if (sc.allowPrivilegeEscalation === false && sc.privileged === true) {
    report.error(
      'security-context-conflict',
      `${at}.allowPrivilegeEscalation`,
      `${owner} sets allowPrivilegeEscalation: false and privileged: true`,
      SC_CONFLICT.fixFor('privileged'),
    );
  }
  // The API server compares the text: it refuses "CAP_SYS_ADMIN" only, and the runtime grants "SYS_ADMIN" all the same.
  if (sc.allowPrivilegeEscalation === false && sc.capabilities?.add?.includes('CAP_SYS_ADMIN')) {
    report.error(
      'security-context-conflict',
      `${at}.allowPrivilegeEscalation`,
      `${owner} sets allowPrivilegeEscalation: false and adds the CAP_SYS_ADMIN capability`,
      SC_CONFLICT.fixFor('sysAdmin'),
    );
  }
  if (sc.procMount != null && !PROC_MOUNTS.includes(sc.procMount)) {
    report.error(
      'security-context-value',
      `${at}.procMount`,
      `procMount ${JSON.stringify(sc.procMount)} of ${owner} is not supported; the values are "Default", "Unmasked"`,
      SC_VALUE.fixFor('procMount'),
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
      report.error('volume-device', `${at}.name`, `a volume device of ${owner} names no volume`, DEVICE.fixFor('unnamed'));
    } else if (names.has(name)) {
      report.error('volume-device', `${at}.name`, `${owner} attaches volume "${name}" as a device twice`, DEVICE.fixFor('twice'));
    } else if (volume === undefined) {
      report.error(
        'volume-device',
        `${at}.name`,
        `${owner} attaches volume "${name}" as a device, which the Pod does not declare`,
        DEVICE.fixFor('undeclared'),
      );
    } else if (volume.persistentVolumeClaim == null && volume.ephemeral == null) {
      report.error(
        'volume-device',
        `${at}.name`,
        `${owner} attaches volume "${name}" as a device, but only persistentVolumeClaim and ephemeral volumes can be block devices`,
        DEVICE.fixFor('notClaim'),
      );
    }
    if (mounts.some((mount) => mount.name === name)) {
      report.error('volume-device', `${at}.name`, `${owner} both mounts volume "${name}" and attaches it as a device`, DEVICE.fixFor('mounted'));
    }
    if (!devicePath) {
      report.error('volume-device', `${at}.devicePath`, `the device of volume "${name}" in ${owner} has no devicePath`, DEVICE.fixFor('noPath'));
    } else if (devicePath.split('/').includes('..')) {
      report.error('volume-device', `${at}.devicePath`, `devicePath "${devicePath}" of ${owner} holds a ".." segment`, DEVICE.fixFor('dots'));
    } else if (paths.has(devicePath)) {
      report.error('volume-device', `${at}.devicePath`, `${owner} attaches two devices at "${devicePath}"`, DEVICE.fixFor('samePath'));
    } else if (mounts.some((mount) => mount.mountPath === devicePath)) {
      report.error('volume-device', `${at}.devicePath`, `devicePath "${devicePath}" of ${owner} is also a mount path`, DEVICE.fixFor('mountPath'));
    }
    names.add(name);
    paths.add(devicePath);
  }
}

// ---- credentials in literal env values --------------------------------------------

const CREDENTIAL_NAME = /secret|passw(or)?d|token|api_?key|private_?key|credential/i;
// Apps repeat their env names in every Pod: the answer is remembered, as for the name checks.
const credentialName = new MemoByString<boolean>((name) => CREDENTIAL_NAME.test(name));
// A value made only of $(VAR) references copies another variable, and holds no credential itself.
const ONLY_REFERENCES = /^(\$\([^)]*\))+$/;
// A switch such as MYSQL_RANDOM_ROOT_PASSWORD=yes or MYSQL_ALLOW_EMPTY_PASSWORD=true names a credential and holds none.
const FLAG_VALUE = /^(yes|no|true|false|on|off|y|n|0|1)$/i;

/** Warns when env var `variable` of container `container`, at field path `at`, holds a literal value and its name says it is a credential. */
export function lintEnvCredential(variable: Unvalidated<k8s.EnvVar>, at: string, container: string | undefined, report: RuleReport): void {
  const { name, value } = variable;
  if (name !== undefined && value && credentialName.of(name) && !ONLY_REFERENCES.test(value) && !FLAG_VALUE.test(value)) {
    report.warn(
      'env-var-secret',
      `${at}.value`,
      `env "${name}" of container "${container}" holds a literal value, and its name says it is a credential; the value would be written into the manifest`,
      ENV_VAR_SECRET.fixFor(`'${name.toLowerCase().replace(/_/g, '-')}'`),
    );
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
