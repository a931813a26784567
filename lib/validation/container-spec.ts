import { envReferences, isServiceLinkVariable } from '../env';
import { PROTOCOLS } from '../port';
import { PROBE_HANDLER_FIELDS, PROBE_TIMING_FIELDS } from '../probe';
import { parseQuantity } from '../quantity';
import { checkEnum } from './_field-checks';
import { FirstIndex } from './_first-index';
import { ContainerPod, isPortNumber, lintEnvCredentials, validateAction, validateContainerFields, validateProbeGracePeriod } from './container-fields';
import { list, text } from './_json';
import { suggestName, validateLabelName } from './metadata';
import { descendingPathError, envVarNameError, portNameError } from './names';
import { RuleReport } from './problem';
import { defineRules } from './rules';

/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads manifests as plain JSON */

const CONTAINER_DOCS = 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container';

/** The rules of one container that the Kubernetes API server enforces. */
export const CONTAINER_API_RULES = defineRules([
  {
    id: 'container-name',
    severity: 'error',
    category: 'api-server',
    summary: 'Container names are DNS-1123 labels: at most 63 lower-case letters, digits and `-`.',
    why: 'The API server refuses other names.',
    fix: 'Rename the container, for example `Web_Server` to `web-server`.',
    see: CONTAINER_DOCS,
  },
  {
    id: 'container-image',
    severity: 'error',
    category: 'api-server',
    summary: 'Every container names an image, without leading or trailing spaces.',
    why: 'The API server refuses a container without an image (Deployments and Pods alike).',
    fix: 'Set `image`, such as `nginx:1.27`.',
    see: 'https://kubernetes.io/docs/concepts/containers/images/',
  },
  {
    id: 'port-name',
    severity: 'error',
    category: 'api-server',
    summary: 'Port names are IANA service names: at most 15 characters of `[-a-z0-9]`, at least one letter, no `--`, no `-` at either end.',
    why: 'The API server refuses other names; Services and probes refer to ports by them.',
    fix: 'Rename the port, for example `http-metrics` rather than `HTTP_metrics_port`.',
    see: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports',
  },
  {
    id: 'port-name-unique',
    severity: 'error',
    category: 'api-server',
    summary: 'No two ports of one container share a name.',
    why: 'The API server refuses the Pod: a Service or probe naming the port would be ambiguous.',
    fix: 'Give each port of the container its own name.',
  },
  {
    id: 'port-number',
    severity: 'error',
    category: 'api-server',
    summary: '`containerPort` is a whole number from 1 to 65535, and so is `hostPort` when set.',
    why: 'The API server refuses other numbers.',
    fix: 'Use the port the process listens on, from 1 to 65535.',
  },
  {
    id: 'env-name',
    severity: 'error',
    category: 'api-server',
    summary: 'Environment variable names are letters, digits, `_`, `-` and `.`, not starting with a digit.',
    why: 'The API server refuses other names (Kubernetes 1.32 and later relax this; Peapod keeps the rule every version accepts).',
    fix: 'Rename the variable, for example `LOG_LEVEL`.',
  },
  {
    id: 'env-value-source',
    severity: 'error',
    category: 'api-server',
    summary: 'An env entry has either a non-empty `value` or `valueFrom`, and `valueFrom` has exactly one source.',
    why: 'The API server refuses an entry with both ("may not be specified when `value` is not empty"), or a `valueFrom` with none or several sources ("may not have more than one field specified at a time").',
    fix: 'Keep one of `value` and `valueFrom`; give `valueFrom` one of `configMapKeyRef`, `secretKeyRef`, `fieldRef`, `resourceFieldRef`.',
    see: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#environment-variables',
  },
  {
    id: 'mount-volume-exists',
    severity: 'error',
    category: 'api-server',
    summary: 'Each volume mount names a volume of the Pod.',
    why: 'The API server refuses a mount of a volume the Pod does not declare.',
    fix: 'Mount with `volume.mount(path)`, which adds the volume to the Pod.',
  },
  {
    id: 'mount-path-unique',
    severity: 'error',
    category: 'api-server',
    summary: 'A container mounts at most one volume at each path, and every mount has a path.',
    why: 'The API server refuses two mounts at one path: only one could be visible there.',
    fix: 'Mount the second volume at another path, or use `subPath` to combine them.',
  },
  {
    id: 'mount-sub-path',
    severity: 'error',
    category: 'api-server',
    summary: "A mount's `subPath` is relative and has no `..` segment.",
    why: 'The API server refuses a subPath that could reach outside the volume.',
    fix: 'Write a path inside the volume, such as `app/config`.',
    see: 'https://kubernetes.io/docs/concepts/storage/volumes/#using-subpath',
  },
  {
    id: 'probe-handler',
    severity: 'error',
    category: 'api-server',
    summary: 'A probe has exactly one handler (`httpGet`, `tcpSocket`, `grpc` or `exec`) and no negative timing.',
    why: 'The API server refuses a probe with none or several handlers, or a negative number of seconds.',
    fix: 'Build the probe with one `Probe` factory and non-negative timings.',
    see: 'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/',
  },
  {
    id: 'probe-success-threshold',
    severity: 'error',
    category: 'api-server',
    summary: 'Liveness and startup probes have a `successThreshold` of 1 (or 0, which the API server defaults to 1).',
    why: 'The API server refuses any other value ("must be 1"): one success is what ends a liveness or startup failure.',
    fix: 'Remove `successThreshold`, or set it to 1; only readiness probes take more.',
  },
  {
    id: 'init-container-probes',
    severity: 'error',
    category: 'api-server',
    summary: 'Init containers have no probes, unless they are sidecars (`restartPolicy: Always`).',
    why: 'The API server refuses probes on an init container that runs to completion.',
    fix: 'Remove the probes, or make the init container a sidecar.',
    see: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/',
  },
  {
    id: 'resource-quantity',
    severity: 'error',
    category: 'api-server',
    summary: 'Resource requests and limits are Kubernetes quantities (`250m`, `512Mi`, `2`).',
    why: 'The API server refuses other text, such as `512MB`.',
    fix: 'Use a number with a Kubernetes suffix: `m` for millicores, `Ki`/`Mi`/`Gi` for bytes.',
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
    fix: 'Set the limit to a whole number, such as `1`; set the request to the same number or leave it out.',
    see: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#extended-resources',
  },
  {
    id: 'security-context-conflict',
    severity: 'error',
    category: 'api-server',
    summary: '`allowPrivilegeEscalation: false` is not combined with `privileged: true` or the `CAP_SYS_ADMIN` capability.',
    why: 'The API server refuses the combination ("cannot set `allowPrivilegeEscalation` to false and `privileged` to true"): a privileged container can always escalate.',
    fix: 'Drop `privileged` and `CAP_SYS_ADMIN`, or drop `allowPrivilegeEscalation: false`.',
    see: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  },
]);

/** Peapod's own rules about one container. */
export const CONTAINER_PEAPOD_RULES = defineRules([
  {
    id: 'probe-port',
    severity: 'error',
    category: 'peapod',
    summary: "A probe that names its port (`port: 'http'`) names a port its container declares; a port number need not be declared.",
    why: 'The API server accepts any name, but the kubelet cannot resolve an undeclared one and the probe fails forever. A number reaches the port whether or not `containerPort` lists it, which is informational.',
    fix: 'Declare the port on the container, or probe the number.',
  },
]);

/** The tutorial's rules about one container, stricter than the API server. */
export const CONTAINER_TUTORIAL_RULES = defineRules([
  {
    id: 'env-reference-defined',
    severity: 'error',
    category: 'peapod',
    summary: 'A `$(VAR)` in an env value refers to a variable defined earlier in the same container, or to a Service-link variable of the kubelet.',
    why: 'Kubernetes leaves a reference it cannot resolve as the literal text `$(VAR)`, silently. A `$(…)` whose content is not a variable name (`$(date +%s)`) is no reference and is not checked.',
    fix: 'Define the variable before the one that refers to it, fix the name, or write `$$(VAR)` for the literal text.',
    see: 'https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/',
  },
  {
    id: 'command-env-reference',
    severity: 'warning',
    category: 'lint',
    summary: 'A `$(VAR)` in `command` or `args` that holds a variable name refers to a variable of the container\'s env, or to a Service-link variable.',
    why: 'Kubernetes leaves an unresolved `$(VAR)` as the literal text; under `sh -c` that text is a command substitution (`$(date)`, `$(hostname)`), which may be what was meant. A `$(…)` whose content is not a variable name (`$(hostname -i)`) is never checked.',
    fix: 'Add the variable to the env or fix its name; write `$$(…)` to make the text literal for Kubernetes, or suppress the rule when the shell is meant to run it.',
    see: 'https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#use-environment-variables-to-define-arguments',
  },
  {
    id: 'env-name-unique',
    severity: 'error',
    category: 'peapod',
    summary: 'No two env entries of one container share a name, unless the later one builds on the earlier (`PATH=$(PATH):/opt/bin`).',
    why: 'The later entry silently hides the earlier one, and `kubectl apply` may drop one of them. The API server only warns.',
    fix: 'Remove one of the entries or rename it.',
  },
]);

const COMMAND_FIELDS = ['command', 'args'] as const;
/** The probes of a container, by their fields. */
export const PROBE_KINDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
/** When the kubelet pulls a container's image: the values of `imagePullPolicy`. */
export const IMAGE_PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const ENV_SOURCES = ['configMapKeyRef', 'secretKeyRef', 'fieldRef', 'resourceFieldRef', 'fileKeyRef'];

export /** A container of the spec, where it is, and whether it runs beside the others. */
interface ContainerAt {
  readonly container: any;
  readonly path: string;
  /** Runs for the Pod's whole life beside the others: a container, or an init container that is a sidecar. */
  readonly longRunning: boolean;
  readonly init: boolean;
}

// Read by other validation modules from here, where it was first declared.
export { checkEnum };

const NO_POD: ContainerPod = Object.freeze({});

/**
 * Checks one container of a rendered Pod spec; `volumeNames` are the Pod's
 * volumes, `pod` the spec around it (its security context and volumes).
 */
export function validateContainer(
  entry: ContainerAt,
  volumeNames: { has(name: unknown): boolean },
  serviceLinks: boolean,
  report: RuleReport,
  pod: ContainerPod = NO_POD,
): void {
  const { container: c, path } = entry;
  const name = c?.name;
  validateLabelName('container name', 'container-name', name, path, report);
  const image = c?.image;
  if (typeof image !== 'string' || image.trim().length === 0) {
    report.error('container-image', `${path}.image`, `container "${name}" has no image`, 'set `image`, such as "nginx:1.27"');
  } else if (image.trim() !== image) {
    report.error(
      'container-image',
      `${path}.image`,
      `image ${JSON.stringify(image)} of container "${name}" has leading or trailing spaces`,
      `write it as "${image.trim()}"`,
    );
  }
  if (c?.imagePullPolicy !== undefined) {
    checkEnum(c.imagePullPolicy, IMAGE_PULL_POLICIES, `${path}.imagePullPolicy`, 'imagePullPolicy', report);
  }
  if (entry.init) {
    checkEnum(c?.restartPolicy, ['Always'], `${path}.restartPolicy`, 'init container restartPolicy', report);
  }
  const portNames = validatePorts(c, path, report);
  validateEnv(c, path, serviceLinks, report);
  validateMounts(c, path, volumeNames, report);
  validateProbes(entry, portNames, report);
  validateResources(c, path, report);
  validateSecurityContext(c, path, report);
  if (c?.terminationMessagePolicy !== undefined) {
    checkEnum(c.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES, `${path}.terminationMessagePolicy`, 'terminationMessagePolicy', report);
  }
  validateContainerFields(c, path, entry.init, entry.longRunning, pod, report);
  lintEnvCredentials(c, path, report);
}

function validatePorts(c: any, path: string, report: RuleReport): FirstIndex {
  const ports = list(c?.ports);
  const names = new FirstIndex(ports, 'name', false);
  for (let i = 0; i < ports.length; i++) {
    const port = ports[i];
    if (port?.name !== undefined) {
      const wrong = typeof port.name === 'string' ? portNameError(port.name) : 'is not a string';
      if (wrong !== undefined) {
        report.error(
          'port-name',
          `${path}.ports[${i}].name`,
          `port name ${JSON.stringify(port.name)} of container "${c.name}" ${wrong}`,
          `rename it to an IANA service name such as "${suggestPortName(text(port.name))}"`,
        );
      }
      const first = names.firstBefore(port.name, i);
      if (first >= 0) {
        report.error(
          'port-name-unique',
          `${path}.ports[${i}].name`,
          `port name "${port.name}" of container "${c.name}" is already used by ${path}.ports[${first}]`,
          'give each port of the container its own name',
        );
      }
    }
    if (!isPortNumber(port?.containerPort)) {
      reportPortNumber(port?.containerPort, `${path}.ports[${i}].containerPort`, `containerPort of container "${c.name}"`, report);
    }
    if (port?.hostPort !== undefined && !isPortNumber(port.hostPort)) {
      reportPortNumber(port.hostPort, `${path}.ports[${i}].hostPort`, `hostPort of container "${c.name}"`, report);
    }
    if (port?.protocol !== undefined) {
      checkEnum(port.protocol, PROTOCOLS, `${path}.ports[${i}].protocol`, 'protocol', report);
    }
  }
  return names;
}


function reportPortNumber(value: unknown, at: string, what: string, report: RuleReport): void {
  report.error('port-number', at, `${what} is ${JSON.stringify(value)}; it must be a whole number from 1 to 65535`, 'use the port the process listens on');
}

function validateEnv(c: any, path: string, serviceLinks: boolean, report: RuleReport): void {
  const env = list(c?.env);
  // With envFrom, names come from a ConfigMap or Secret Peapod cannot read.
  const namesUnknown = list(c?.envFrom).length > 0;
  const names = new FirstIndex(env, 'name', true);
  for (let i = 0; i < env.length; i++) {
    const variable = env[i];
    const name = variable?.name;
    const nameError = typeof name === 'string' ? envVarNameError(name) : 'is missing';
    if (nameError !== undefined) {
      report.error(
        'env-name',
        `${path}.env[${i}].name`,
        `env name ${JSON.stringify(name)} of container "${c.name}" ${nameError}`,
        `rename it, such as "${text(name ?? 'NAME')
          .replace(/[^-._a-zA-Z0-9]+/g, '_')
          .replace(/^[0-9]/, '_$&')}"`,
      );
    }
    if (variable?.valueFrom != null) {
      checkEnvSource(variable, `${path}.env[${i}]`, c.name, report);
    }
    // Only text with "$(" can hold a reference.
    if (typeof variable?.value === 'string' && variable.value.includes('$(')) {
      for (const ref of envReferences(variable.value)) {
        if (!resolvable(ref, names, i, namesUnknown, serviceLinks)) {
          const later = names.has(ref) && ref !== name;
          report.error(
            'env-reference-defined',
            `${path}.env[${i}].value`,
            `${undefinedReference(name, ref)} (container "${c.name}"${later ? `; ${ref} is defined after ${name}` : ''}); Kubernetes would leave it as the literal text`,
            later ? `move ${ref} above ${name}` : `define ${ref} before ${name}, fix the name, or write $$(${ref}) for the literal text`,
          );
        }
      }
    }
    const first = names.firstBefore(name, i);
    if (first >= 0 && !extendsEarlier(variable, name)) {
      report.error(
        'env-name-unique',
        `${path}.env[${i}].name`,
        `env name "${name}" of container "${c.name}" is already defined at ${path}.env[${first}]; the later entry hides it`,
        'remove one of the two entries or rename one',
      );
    }
  }
  if (c?.command == null && c?.args == null) {
    return; // read by name: most containers set neither, and a lookup by a variable key costs more
  }
  for (const field of COMMAND_FIELDS) {
    const args = list(c[field]);
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (typeof arg !== 'string' || !arg.includes('$(')) {
        continue;
      }
      for (const ref of envReferences(arg)) {
        if (!resolvable(ref, names, env.length, namesUnknown, serviceLinks)) {
          report.warn(
            'command-env-reference',
            `${path}.${field}[${i}]`,
            `$(${ref}) in ${field} of container "${c.name}" refers to no variable of its env; Kubernetes would pass it on as the literal text, which a shell would run as a command`,
            `add ${ref} to the container's env or fix the name; if the shell is meant to run it, write $$(${ref}) or suppress the rule with a reason`,
          );
        }
      }
    }
  }
}

// A later entry that builds on the earlier one (`PATH=$(PATH):/opt/bin`)
// works and is meant: warnings.go leaves exactly this case alone.
function extendsEarlier(variable: any, name: string): boolean {
  const ref = `$(${name})`;
  return variable?.valueFrom == null && typeof variable?.value === 'string' && variable.value !== ref && variable.value.includes(ref);
}

// Whether $(ref) resolves: defined before env entry `end`, or by the kubelet.
function resolvable(ref: string, names: FirstIndex, end: number, namesUnknown: boolean, serviceLinks: boolean): boolean {
  return names.firstBefore(ref, end) >= 0 || namesUnknown || (serviceLinks && isServiceLinkVariable(ref));
}

// The text of the compile-time check (UndefinedEnvReference in env.ts), so
// that both say the same whether the env list was a literal or not.
function undefinedReference(variable: string, ref: string): string {
  return `$(${ref}) in ${variable} refers to no variable defined before ${variable} in this container's env`;
}

function checkEnvSource(variable: any, at: string, container: string, report: RuleReport): void {
  const name = variable?.name;
  // In manifest JSON a null field is an absent one.
  const valueFrom = variable?.valueFrom ?? undefined;
  // An empty value is the unset one to the API server: only text beside valueFrom conflicts.
  if (typeof variable?.value === 'string' && variable.value.length > 0 && valueFrom !== undefined) {
    report.error('env-value-source', at, `env "${name}" of container "${container}" has both value and valueFrom`, 'keep one of them');
  } else if (valueFrom !== undefined) {
    const sources = ENV_SOURCES.filter((source) => valueFrom[source] != null);
    for (const ref of ['configMapKeyRef', 'secretKeyRef'] as const) {
      const selector = valueFrom[ref];
      if (selector != null && (!selector.name || !selector.key)) {
        report.error(
          'reference-name',
          `${at}.valueFrom.${ref}`,
          `${ref} of env "${name}" of container "${container}" names no ${!selector.name ? (ref === 'secretKeyRef' ? 'Secret' : 'ConfigMap') : 'key'}`,
          "give both the object's name and the key",
        );
      }
    }
    if (sources.length !== 1) {
      report.error(
        'env-value-source',
        `${at}.valueFrom`,
        `valueFrom of env "${name}" of container "${container}" has ${sources.length === 0 ? 'no source' : `${sources.length} sources (${sources.join(', ')})`}`,
        'give it exactly one of configMapKeyRef, secretKeyRef, fieldRef, resourceFieldRef',
      );
    }
  }
}

function validateMounts(c: any, path: string, volumeNames: { has(name: unknown): boolean }, report: RuleReport): void {
  const mounts = list(c?.volumeMounts);
  const paths = new FirstIndex(mounts, 'mountPath', true);
  for (let i = 0; i < mounts.length; i++) {
    const mount = mounts[i];
    if (!volumeNames.has(mount?.name)) {
      report.error(
        'mount-volume-exists',
        `${path}.volumeMounts[${i}].name`,
        `container "${c.name}" mounts volume "${mount?.name}", which the Pod does not declare`,
        'mount with volume.mount(path), which adds the volume to the Pod, or fix the name',
      );
    }
    const mountPath = mount?.mountPath;
    if (typeof mountPath !== 'string' || mountPath.length === 0) {
      report.error(
        'mount-path-unique',
        `${path}.volumeMounts[${i}].mountPath`,
        `mount of volume "${mount?.name}" in container "${c.name}" has no path`,
        'give the path where the volume appears in the container',
      );
    } else {
      const first = paths.firstBefore(mountPath, i);
      if (first >= 0) {
        report.error(
          'mount-path-unique',
          `${path}.volumeMounts[${i}].mountPath`,
          `container "${c.name}" already mounts a volume at "${mountPath}" (${path}.volumeMounts[${first}])`,
          'mount this volume at another path',
        );
      }
    }
    if (typeof mount?.subPath === 'string' && mount.subPath.length > 0) {
      const wrong = descendingPathError(mount.subPath);
      if (wrong !== undefined) {
        report.error(
          'mount-sub-path',
          `${path}.volumeMounts[${i}].subPath`,
          `subPath "${mount.subPath}" of container "${c.name}" ${wrong}`,
          'write a relative path inside the volume, without ".."',
        );
      }
    }
  }
}

function validateProbes(entry: ContainerAt, portNames: FirstIndex, report: RuleReport): void {
  const { container: c, path } = entry;
  if (c?.livenessProbe == null && c?.readinessProbe == null && c?.startupProbe == null) {
    return; // read by name: most containers have no probe, and a lookup by a variable key costs more
  }
  for (const kind of PROBE_KINDS) {
    const probe = c?.[kind];
    if (probe === undefined || probe === null) {
      continue;
    }
    const at = `${path}.${kind}`;
    if (entry.init && !entry.longRunning) {
      report.error(
        'init-container-probes',
        at,
        `init container "${c.name}" has a ${kind}; it runs to completion, so nothing would act on it`,
        'remove the probe, or make the init container a sidecar with restartPolicy: Always',
      );
      continue;
    }
    const handlers = handlersOf(probe);
    if (handlers.length !== 1) {
      report.error(
        'probe-handler',
        at,
        `${kind} of container "${c.name}" has ${handlers.length === 0 ? 'no handler' : `${handlers.length} handlers (${handlers.join(', ')})`}`,
        'give it exactly one of httpGet, tcpSocket, grpc, exec',
      );
    }
    for (const timing of PROBE_TIMING_FIELDS) {
      if (typeof probe[timing] === 'number' && probe[timing] < 0) {
        report.error(
          'probe-handler',
          `${at}.${timing}`,
          `${timing} of the ${kind} of container "${c.name}" is ${probe[timing]}; it must not be negative`,
          'use 0 or more, or leave it out for the default',
        );
      }
    }
    // 0 is the unset value, which the API server defaults to 1 before it validates.
    if ((kind === 'livenessProbe' || kind === 'startupProbe') && probe.successThreshold !== undefined && probe.successThreshold !== 1 && probe.successThreshold !== 0) {
      report.error(
        'probe-success-threshold',
        `${at}.successThreshold`,
        `successThreshold of the ${kind} of container "${c.name}" is ${probe.successThreshold}; it must be 1`,
        'remove successThreshold or set it to 1',
      );
    }
    validateAction(probe, at, `${kind} of container "${c.name}"`, report);
    validateProbeGracePeriod(probe, kind, at, c.name, report);
    const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
    // A port name that is no IANA service name (such as "8080") is probe-action's.
    if (typeof port === 'string' && portNameError(port) === undefined && !portNames.has(port)) {
      const declared = portNames
        .values()
        .map((n) => `"${n}"`)
        .join(', ');
      report.error(
        'probe-port',
        `${at}.${probe.httpGet ? 'httpGet' : 'tcpSocket'}.port`,
        `${kind} of container "${c.name}" calls port "${port}", which the container does not declare (${declared.length > 0 ? `it declares ${declared}` : 'it names no ports'})`,
        'declare the port on the container, or probe its number',
      );
    }
  }
}

// Kept out of validateProbes' loop: a closure over its `probe` would make V8
// allocate a context for every kind of probe of every container, set or not.
function handlersOf(probe: any): string[] {
  return PROBE_HANDLER_FIELDS.filter((handler) => probe[handler] !== undefined);
}

function validateResources(c: any, path: string, report: RuleReport): void {
  if (c?.resources?.requests == null && c?.resources?.limits == null) {
    return; // nothing to check, as in most containers
  }
  const requests = c?.resources?.requests ?? {};
  const limits = c?.resources?.limits ?? {};
  const requested = parseAmounts(c, path, requests, 'requests', report);
  const limited = parseAmounts(c, path, limits, 'limits', report);
  validateExtendedResources(c, path, requested, limited, report);
  for (const [resource, request] of requested) {
    const limit = limited.get(resource);
    if (limit !== undefined && request > limit) {
      report.error(
        'requests-within-limits',
        `${path}.resources.requests.${resource}`,
        `${resource} request ${JSON.stringify(requests[resource])} of container "${c.name}" is above its limit ${JSON.stringify(limits[resource])}`,
        'lower the request or raise the limit',
      );
    }
  }
}

// The amounts of `requests` or `limits` by resource, as numbers; what is not a quantity is reported.
function parseAmounts(c: any, path: string, amounts: any, kind: 'requests' | 'limits', report: RuleReport): Map<string, number> {
  const values = new Map<string, number>();
  for (const [resource, amount] of Object.entries(amounts)) {
    const value = parseQuantity(amount as string);
    if (value === undefined) {
      report.error(
        'resource-quantity',
        `${path}.resources.${kind}.${resource}`,
        `${resource} ${kind === 'requests' ? 'request' : 'limit'} ${JSON.stringify(amount)} of container "${c.name}" is not a Kubernetes quantity`,
        resource === 'cpu' ? 'write cores ("0.5", 2) or millicores ("500m")' : 'write bytes with a Kubernetes suffix, such as "512Mi" or "1Gi"',
      );
    } else {
      values.set(resource, value);
    }
  }
  return values;
}

// Names with a domain, outside kubernetes.io (and requests.* quota names), are extended resources.
function isExtendedResource(resource: string): boolean {
  return resource.includes('/') && !resource.startsWith('kubernetes.io/') && !resource.includes('.kubernetes.io/');
}

function validateExtendedResources(c: any, path: string, requested: Map<string, number>, limited: Map<string, number>, report: RuleReport): void {
  const at = (kind: string, resource: string) => `${path}.resources.${kind}["${resource}"]`;
  for (const [kind, values] of [['requests', requested], ['limits', limited]] as const) {
    for (const [resource, value] of values) {
      if (isExtendedResource(resource) && !Number.isInteger(value)) {
        report.error('extended-resource', at(kind, resource), `${resource} ${kind === 'requests' ? 'request' : 'limit'} ${value} of container "${c.name}" is not a whole number`, 'use a whole number, such as 1');
      }
    }
  }
  for (const [resource, request] of requested) {
    if (!isExtendedResource(resource)) {
      continue;
    }
    const limit = limited.get(resource);
    if (limit === undefined) {
      report.error('extended-resource', at('requests', resource), `container "${c.name}" requests ${request} ${resource} without a limit`, `set limits["${resource}"] to ${request} as well`);
    } else if (limit !== request) {
      report.error('extended-resource', at('requests', resource), `${resource} request ${request} of container "${c.name}" differs from its limit ${limit}`, `make the request equal to the limit, or leave the request out`);
    }
  }
}

function validateSecurityContext(c: any, path: string, report: RuleReport): void {
  const sc = c?.securityContext;
  if (sc?.allowPrivilegeEscalation !== false) {
    return;
  }
  const at = `${path}.securityContext.allowPrivilegeEscalation`;
  if (sc.privileged === true) {
    report.error(
      'security-context-conflict',
      at,
      `container "${c.name}" sets allowPrivilegeEscalation: false and privileged: true`,
      'drop privileged, or drop allowPrivilegeEscalation: false',
    );
  }
  // The API server compares the text: it refuses "CAP_SYS_ADMIN" only, and the runtime grants "SYS_ADMIN" all the same.
  if (list(sc.capabilities?.add).includes('CAP_SYS_ADMIN')) {
    report.error(
      'security-context-conflict',
      at,
      `container "${c.name}" sets allowPrivilegeEscalation: false and adds the CAP_SYS_ADMIN capability`,
      'drop CAP_SYS_ADMIN, or drop allowPrivilegeEscalation: false',
    );
  }
}

function suggestPortName(value: string): string {
  const cleaned = suggestName(value, 15)
    .replace(/\./g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return /[a-z]/.test(cleaned) ? cleaned : `port-${cleaned}`.slice(0, 15).replace(/-+$/, '');
}
