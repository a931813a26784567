import { envReferences, isServiceLinkVariable } from '../env';
import { PROTOCOLS } from '../port';
import { PROBE_HANDLER_FIELDS, PROBE_TIMING_FIELDS } from '../probe';
import { parseQuantity } from '../quantity';
import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { checkEnum } from './_field-checks';
import { FirstIndex } from './_first-index';
import { Amounts, amountsOf, isPortNumber, lintEnvCredentials, validateAction, validateContainerFields, validateProbeGracePeriod } from './container-fields';
import { suggestName, validateLabelName } from './metadata';
import { descendingPathError, envVarNameError, portNameError } from './names';
import { RuleReport } from './problem';
import { defineRules, fixNaming, ruleIn } from './rules';

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
    ...fixNaming((image: string) => `set \`image\` to ${image}`, ['an image such as "nginx:1.27"']),
    see: 'https://kubernetes.io/docs/concepts/containers/images/',
  },
  {
    id: 'port-name',
    severity: 'error',
    category: 'api-server',
    summary: 'Port names are IANA service names: at most 15 characters of `[-a-z0-9]`, at least one letter, no `--`, no `-` at either end.',
    why: 'The API server refuses other names; Services and probes refer to ports by them.',
    ...fixNaming((name: string) => `rename it to an IANA service name such as ${name}`, ['"http-metrics"']),
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
    fix: 'Use the port the process listens on.',
  },
  {
    id: 'env-name',
    severity: 'error',
    category: 'api-server',
    summary: 'Environment variable names are letters, digits, `_`, `-` and `.`, not starting with a digit.',
    why: 'The API server refuses other names (Kubernetes 1.32 and later relax this; Peapod keeps the rule every version accepts).',
    ...fixNaming((name: string) => `rename it, such as ${name}`, ['"LOG_LEVEL"']),
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
    fix: 'Mount with `volume.mount(path)`, which adds the volume to the Pod, or fix the name.',
  },
  {
    id: 'mount-path-unique',
    severity: 'error',
    category: 'api-server',
    summary: 'A container mounts at most one volume at each path, and every mount has a path.',
    why: 'The API server refuses two mounts at one path: only one could be visible there.',
    fix: 'Give each mount a path of its own, where the volume appears in the container; use `subPath` to combine volumes under one directory.',
  },
  {
    id: 'mount-sub-path',
    severity: 'error',
    category: 'api-server',
    summary: "A mount's `subPath` is relative and has no `..` segment.",
    why: 'The API server refuses a subPath that could reach outside the volume.',
    fix: 'Write a relative path inside the volume, without `..`, such as `app/config`.',
    see: 'https://kubernetes.io/docs/concepts/storage/volumes/#using-subpath',
  },
  {
    id: 'probe-handler',
    severity: 'error',
    category: 'api-server',
    summary: 'A probe has exactly one handler (`httpGet`, `tcpSocket`, `grpc` or `exec`) and no negative timing.',
    why: 'The API server refuses a probe with none or several handlers, or a negative number of seconds.',
    fix: 'Give the probe exactly one of `httpGet`, `tcpSocket`, `grpc`, `exec`, as a `Probe` factory does, and timings of 0 or more, or leave them out for the defaults.',
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
    fix: 'Remove the probes, or make the init container a sidecar with `restartPolicy: Always`.',
    see: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/',
  },
  {
    id: 'resource-quantity',
    severity: 'error',
    category: 'api-server',
    summary: 'Resource requests and limits are Kubernetes quantities (`250m`, `512Mi`, `2`).',
    why: 'The API server refuses other text, such as `512MB`.',
    fix: 'Write CPU as cores (`0.5`, `2`) or millicores (`500m`), and bytes with a Kubernetes suffix, such as `512Mi` or `1Gi`; use 0 or more, or leave the amount out.',
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
    fix: 'Set the limit to a whole number, such as `1`; make the request equal to the limit, or leave the request out.',
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
    fix: 'Declare the port on the container, or probe its number.',
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
    ...fixNaming(
      (ref: string, variable: string) => `define ${ref} before ${variable}, fix the name, or write $$(${ref}) for the literal text`,
      ['VAR', 'the variable that refers to it'],
    ),
    see: 'https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/',
  },
  {
    id: 'command-env-reference',
    severity: 'warning',
    category: 'lint',
    summary: "A `$(VAR)` in `command` or `args` that holds a variable name refers to a variable of the container's env, or to a Service-link variable.",
    why: 'Kubernetes leaves an unresolved `$(VAR)` as the literal text; under `sh -c` that text is a command substitution (`$(date)`, `$(hostname)`), which may be what was meant. A `$(…)` whose content is not a variable name (`$(hostname -i)`) is never checked.',
    ...fixNaming(
      (ref: string) =>
        `add ${ref} to the container's env or fix the name; if the shell is meant to run it, write $$(${ref}) or suppress the rule with a reason`,
      ['VAR'],
    ),
    see: 'https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#use-environment-variables-to-define-arguments',
  },
  {
    id: 'env-name-unique',
    severity: 'error',
    category: 'peapod',
    summary: 'No two env entries of one container share a name, unless the later one builds on the earlier (`PATH=$(PATH):/opt/bin`).',
    why: 'The later entry silently hides the earlier one, and `kubectl apply` may drop one of them. The API server only warns.',
    fix: 'Remove one of the two entries or rename one.',
  },
]);

const COMMAND_FIELDS = ['command', 'args'] as const;
/** The probes of a container, by their fields. */
export const PROBE_KINDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
/** When the kubelet pulls a container's image: the values of `imagePullPolicy`. */
export const IMAGE_PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
// fileKeyRef is of Kubernetes 1.34: a manifest may hold it, the 1.27 shape does not.
const ENV_SOURCES = ['configMapKeyRef', 'secretKeyRef', 'fieldRef', 'resourceFieldRef', 'fileKeyRef'] as const;
const IMAGE = ruleIn(CONTAINER_API_RULES, 'container-image');
const PORT_NAME = ruleIn(CONTAINER_API_RULES, 'port-name');
const ENV_NAME = ruleIn(CONTAINER_API_RULES, 'env-name');
const ENV_REFERENCE = ruleIn(CONTAINER_TUTORIAL_RULES, 'env-reference-defined');
const COMMAND_REFERENCE = ruleIn(CONTAINER_TUTORIAL_RULES, 'command-env-reference');

/**
 * A container as validation reads it: the 1.27 shape, and `restartPolicy`,
 * which makes an init container a sidecar (Kubernetes 1.28, so of no type
 * the 1.27 schema holds it to).
 */
export type ContainerManifest = Unvalidated<k8s.Container> & { readonly restartPolicy?: unknown };

export /** A container of the spec, where it is, and whether it runs beside the others. */
interface ContainerAt {
  readonly container: ContainerManifest;
  readonly path: string;
  /** Runs for the Pod's whole life beside the others: a container, or an init container that is a sidecar. */
  readonly longRunning: boolean;
  readonly init: boolean;
}

// Read by other validation modules from here, where it was first declared.
export { checkEnum };

/**
 * Checks one container of a rendered Pod spec; `volumeNames` are the Pod's
 * volumes, `pod` the spec around it (its volumes, which devices name).
 */
export function validateContainer(
  entry: ContainerAt,
  volumeNames: { has(name: unknown): boolean },
  serviceLinks: boolean,
  report: RuleReport,
  pod: Unvalidated<k8s.PodSpec> = {},
): void {
  const { container: c, path } = entry;
  validateLabelName('container name', 'container-name', c.name, path, report);
  if (c.image === undefined || c.image.trim().length === 0) {
    report.error('container-image', `${path}.image`, `container "${c.name}" has no image`);
  } else if (c.image.trim() !== c.image) {
    report.error(
      'container-image',
      `${path}.image`,
      `image ${JSON.stringify(c.image)} of container "${c.name}" has leading or trailing spaces`,
      IMAGE.fixFor(`"${c.image.trim()}"`),
    );
  }
  checkEnum(c.imagePullPolicy, IMAGE_PULL_POLICIES, `${path}.imagePullPolicy`, 'imagePullPolicy', report);
  if (entry.init) {
    checkEnum(c.restartPolicy, ['Always'], `${path}.restartPolicy`, 'init container restartPolicy', report);
  }
  const portNames = validatePorts(c, path, report);
  validateEnv(c, path, serviceLinks, report);
  validateMounts(c, path, volumeNames, report);
  validateProbes(entry, portNames, report);
  validateResources(c, path, report);
  validateSecurityContext(c, path, report);
  checkEnum(c.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES, `${path}.terminationMessagePolicy`, 'terminationMessagePolicy', report);
  validateContainerFields(c, path, entry.init && !entry.longRunning, pod, report);
  lintEnvCredentials(c, path, report);
}

function validatePorts(c: ContainerManifest, path: string, report: RuleReport): FirstIndex {
  const ports = c.ports ?? [];
  const names = new FirstIndex(ports, 'name', false);
  for (let i = 0; i < ports.length; i++) {
    const { name, protocol } = ports[i];
    const at = `${path}.ports[${i}]`;
    if (name !== undefined) {
      const wrong = portNameError(name);
      if (wrong !== undefined) {
        report.error(
          'port-name',
          `${at}.name`,
          `port name ${JSON.stringify(name)} of container "${c.name}" ${wrong}`,
          PORT_NAME.fixFor(`"${suggestPortName(name)}"`),
        );
      }
      const first = names.firstBefore(name, i);
      if (first >= 0) {
        report.error('port-name-unique', `${at}.name`, `port name "${name}" of container "${c.name}" is already used by ${path}.ports[${first}]`);
      }
    }
    for (const field of ['containerPort', 'hostPort'] as const) {
      const port = ports[i][field];
      if ((field === 'containerPort' || port !== undefined) && !isPortNumber(port)) {
        report.error(
          'port-number',
          `${at}.${field}`,
          `${field} of container "${c.name}" is ${JSON.stringify(port)}; it must be a whole number from 1 to 65535`,
        );
      }
    }
    checkEnum(protocol, PROTOCOLS, `${at}.protocol`, 'protocol', report);
  }
  return names;
}

function validateEnv(c: ContainerManifest, path: string, serviceLinks: boolean, report: RuleReport): void {
  const env = c.env ?? [];
  // With envFrom, names come from a ConfigMap or Secret Peapod cannot read.
  const namesUnknown = (c.envFrom ?? []).length > 0;
  const names = new FirstIndex(env, 'name', true);
  for (let i = 0; i < env.length; i++) {
    const variable = env[i];
    const { name, value } = variable;
    const nameError = name === undefined ? 'is missing' : envVarNameError(name);
    if (nameError !== undefined) {
      const suggested = (name ?? 'NAME').replace(/[^-._a-zA-Z0-9]+/g, '_').replace(/^[0-9]/, '_$&');
      report.error(
        'env-name',
        `${path}.env[${i}].name`,
        `env name ${JSON.stringify(name)} of container "${c.name}" ${nameError}`,
        ENV_NAME.fixFor(`"${suggested}"`),
      );
    }
    if (variable.valueFrom != null) {
      checkEnvSource(variable, `${path}.env[${i}]`, c.name, report);
    }
    // Only text with "$(" can hold a reference.
    if (value?.includes('$(')) {
      for (const ref of envReferences(value)) {
        if (!resolvable(ref, names, i, namesUnknown, serviceLinks)) {
          const later = names.has(ref) && ref !== name ? `; ${ref} is defined after ${name}` : '';
          report.error(
            'env-reference-defined',
            `${path}.env[${i}].value`,
            `${undefinedReference(name, ref)} (container "${c.name}"${later}); Kubernetes would leave it as the literal text`,
            ENV_REFERENCE.fixFor(ref, String(name)),
          );
        }
      }
    }
    const first = names.firstBefore(name, i);
    if (first >= 0 && name !== undefined && !extendsEarlier(variable, name)) {
      report.error(
        'env-name-unique',
        `${path}.env[${i}].name`,
        `env name "${name}" of container "${c.name}" is already defined at ${path}.env[${first}]; the later entry hides it`,
      );
    }
  }
  if (c.command === undefined && c.args === undefined) {
    return; // read by name: most containers set neither, and a lookup by a variable key costs more
  }
  for (const field of COMMAND_FIELDS) {
    const args = c[field] ?? [];
    for (let i = 0; i < args.length; i++) {
      // Only text with "$(" can hold a reference.
      for (const ref of args[i].includes('$(') ? envReferences(args[i]) : []) {
        if (!resolvable(ref, names, env.length, namesUnknown, serviceLinks)) {
          report.warn(
            'command-env-reference',
            `${path}.${field}[${i}]`,
            `$(${ref}) in ${field} of container "${c.name}" refers to no variable of its env; Kubernetes would pass it on as the literal text, which a shell would run as a command`,
            COMMAND_REFERENCE.fixFor(ref),
          );
        }
      }
    }
  }
}

// A later entry that builds on the earlier one (`PATH=$(PATH):/opt/bin`)
// works and is meant: warnings.go leaves exactly this case alone.
function extendsEarlier(variable: Unvalidated<k8s.EnvVar>, name: string): boolean {
  const ref = `$(${name})`;
  return variable.valueFrom == null && variable.value !== undefined && variable.value !== ref && variable.value.includes(ref);
}

// Whether $(ref) resolves: defined before env entry `end`, or by the kubelet.
function resolvable(ref: string, names: FirstIndex, end: number, namesUnknown: boolean, serviceLinks: boolean): boolean {
  return names.firstBefore(ref, end) >= 0 || namesUnknown || (serviceLinks && isServiceLinkVariable(ref));
}

// The text of the compile-time check (UndefinedEnvReference in env.ts), so
// that both say the same whether the env list was a literal or not.
function undefinedReference(variable: string | undefined, ref: string): string {
  return `$(${ref}) in ${variable} refers to no variable defined before ${variable} in this container's env`;
}

function checkEnvSource(variable: Unvalidated<k8s.EnvVar>, at: string, container: string | undefined, report: RuleReport): void {
  const { name } = variable;
  // In manifest JSON a null field is an absent one.
  const valueFrom: Readonly<Record<string, unknown>> & Unvalidated<k8s.EnvVarSource> = variable.valueFrom ?? {};
  // An empty value is the unset one to the API server: only text beside valueFrom conflicts.
  if (variable.value) {
    report.error('env-value-source', at, `env "${name}" of container "${container}" has both value and valueFrom`);
    return;
  }
  for (const ref of ['configMapKeyRef', 'secretKeyRef'] as const) {
    const selector = valueFrom[ref];
    if (selector != null && (!selector.name || !selector.key)) {
      const missing = !selector.name ? (ref === 'secretKeyRef' ? 'Secret' : 'ConfigMap') : 'key';
      // reference-name is a rule of pod-spec.ts, whose fix names the object alone.
      report.error(
        'reference-name',
        `${at}.valueFrom.${ref}`,
        `${ref} of env "${name}" of container "${container}" names no ${missing}`,
        "give both the object's name and the key",
      );
    }
  }
  const sources = ENV_SOURCES.filter((source) => valueFrom[source] != null);
  if (sources.length !== 1) {
    const found = sources.length === 0 ? 'no source' : `${sources.length} sources (${sources.join(', ')})`;
    report.error('env-value-source', `${at}.valueFrom`, `valueFrom of env "${name}" of container "${container}" has ${found}`);
  }
}

function validateMounts(c: ContainerManifest, path: string, volumeNames: { has(name: unknown): boolean }, report: RuleReport): void {
  const mounts = c.volumeMounts ?? [];
  const paths = new FirstIndex(mounts, 'mountPath', true);
  for (let i = 0; i < mounts.length; i++) {
    const { name, mountPath, subPath } = mounts[i];
    const at = `${path}.volumeMounts[${i}]`;
    if (!volumeNames.has(name)) {
      report.error('mount-volume-exists', `${at}.name`, `container "${c.name}" mounts volume "${name}", which the Pod does not declare`);
    }
    const first = paths.firstBefore(mountPath, i);
    if (!mountPath) {
      report.error('mount-path-unique', `${at}.mountPath`, `mount of volume "${name}" in container "${c.name}" has no path`);
    } else if (first >= 0) {
      report.error('mount-path-unique', `${at}.mountPath`, `container "${c.name}" already mounts a volume at "${mountPath}" (${path}.volumeMounts[${first}])`);
    }
    const wrong = subPath ? descendingPathError(subPath) : undefined;
    if (wrong !== undefined) {
      report.error('mount-sub-path', `${at}.subPath`, `subPath "${subPath}" of container "${c.name}" ${wrong}`);
    }
  }
}

function validateProbes(entry: ContainerAt, portNames: FirstIndex, report: RuleReport): void {
  const { container: c, path } = entry;
  if (c.livenessProbe == null && c.readinessProbe == null && c.startupProbe == null) {
    return; // read by name: most containers have no probe, and a lookup by a variable key costs more
  }
  for (const kind of PROBE_KINDS) {
    const probe = c[kind];
    if (probe == null) {
      continue;
    }
    const at = `${path}.${kind}`;
    if (entry.init && !entry.longRunning) {
      report.error('init-container-probes', at, `init container "${c.name}" has a ${kind}; it runs to completion, so nothing would act on it`);
      continue;
    }
    const handlers = handlersOf(probe);
    if (handlers.length !== 1) {
      report.error(
        'probe-handler',
        at,
        `${kind} of container "${c.name}" has ${handlers.length === 0 ? 'no handler' : `${handlers.length} handlers (${handlers.join(', ')})`}`,
      );
    }
    for (const timing of PROBE_TIMING_FIELDS) {
      const seconds = probe[timing];
      if (seconds !== undefined && seconds < 0) {
        report.error('probe-handler', `${at}.${timing}`, `${timing} of the ${kind} of container "${c.name}" is ${seconds}; it must not be negative`);
      }
    }
    // 0 is the unset value, which the API server defaults to 1 before it validates.
    const threshold = probe.successThreshold;
    if (kind !== 'readinessProbe' && threshold !== undefined && threshold !== 1 && threshold !== 0) {
      report.error(
        'probe-success-threshold',
        `${at}.successThreshold`,
        `successThreshold of the ${kind} of container "${c.name}" is ${threshold}; it must be 1`,
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
      );
    }
  }
}

// Kept out of validateProbes' loop: a closure over its `probe` would make V8
// allocate a context for every kind of probe of every container, set or not.
function handlersOf(probe: Unvalidated<k8s.Probe>): string[] {
  return PROBE_HANDLER_FIELDS.filter((handler) => probe[handler] !== undefined);
}

function validateResources(c: ContainerManifest, path: string, report: RuleReport): void {
  const { requests, limits } = c.resources ?? {};
  if (requests == null && limits == null) {
    return; // nothing to check, as in most containers
  }
  const requested = parseAmounts(c, path, requests, 'requests', report);
  const limited = parseAmounts(c, path, limits, 'limits', report);
  validateExtendedResources(c, path, requested, limited, report);
  for (const [resource, request] of requested) {
    const limit = limited.get(resource);
    if (limit !== undefined && request > limit) {
      report.error(
        'requests-within-limits',
        `${path}.resources.requests.${resource}`,
        `${resource} request ${JSON.stringify(requests?.[resource])} of container "${c.name}" is above its limit ${JSON.stringify(limits?.[resource])}`,
      );
    }
  }
}

// The amounts of `requests` or `limits` by resource, as numbers; what is not a quantity is reported.
function parseAmounts(c: ContainerManifest, path: string, amounts: Amounts, kind: 'requests' | 'limits', report: RuleReport): Map<string, number> {
  const values = new Map<string, number>();
  for (const [resource, amount] of amountsOf(amounts)) {
    const value = parseQuantity(amount);
    if (value === undefined) {
      report.error(
        'resource-quantity',
        `${path}.resources.${kind}.${resource}`,
        `${resource} ${kind === 'requests' ? 'request' : 'limit'} ${JSON.stringify(amount)} of container "${c.name}" is not a Kubernetes quantity`,
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

function validateExtendedResources(c: ContainerManifest, path: string, requested: Map<string, number>, limited: Map<string, number>, report: RuleReport): void {
  const at = (kind: string, resource: string) => `${path}.resources.${kind}["${resource}"]`;
  for (const [kind, values] of [
    ['requests', requested],
    ['limits', limited],
  ] as const) {
    for (const [resource, value] of values) {
      if (isExtendedResource(resource) && !Number.isInteger(value)) {
        report.error(
          'extended-resource',
          at(kind, resource),
          `${resource} ${kind === 'requests' ? 'request' : 'limit'} ${value} of container "${c.name}" is not a whole number`,
        );
      }
    }
  }
  for (const [resource, request] of requested) {
    const limit = limited.get(resource);
    if (!isExtendedResource(resource) || limit === request) {
      continue;
    }
    report.error(
      'extended-resource',
      at('requests', resource),
      limit === undefined
        ? `container "${c.name}" requests ${request} ${resource} without a limit`
        : `${resource} request ${request} of container "${c.name}" differs from its limit ${limit}`,
    );
  }
}

function validateSecurityContext(c: ContainerManifest, path: string, report: RuleReport): void {
  const sc = c.securityContext;
  if (sc?.allowPrivilegeEscalation !== false) {
    return;
  }
  const at = `${path}.securityContext.allowPrivilegeEscalation`;
  if (sc.privileged === true) {
    report.error('security-context-conflict', at, `container "${c.name}" sets allowPrivilegeEscalation: false and privileged: true`);
  }
  // The API server compares the text: it refuses "CAP_SYS_ADMIN" only, and the runtime grants "SYS_ADMIN" all the same.
  if (sc.capabilities?.add?.includes('CAP_SYS_ADMIN')) {
    report.error('security-context-conflict', at, `container "${c.name}" sets allowPrivilegeEscalation: false and adds the CAP_SYS_ADMIN capability`);
  }
}

function suggestPortName(value: string): string {
  const cleaned = suggestName(value, 15)
    .replace(/\./g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return /[a-z]/.test(cleaned) ? cleaned : `port-${cleaned}`.slice(0, 15).replace(/-+$/, '');
}
