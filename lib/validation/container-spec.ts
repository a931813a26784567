import { envReferences, isServiceLinkVariable } from '../env';
import { PROBE_HANDLER_FIELDS, PROBE_TIMING_FIELDS } from '../probe';
import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { checkEnum } from './_field-checks';
import { FirstIndex } from './_first-index';
import { CONTAINER_FIELD_API_RULES, lintEnvCredential, validateAction, validateContainerFields, validateEnvSource, validateResources } from './container-fields';
import { validateLabelName } from './metadata';
import { descendingPathError, envVarNameError } from './names';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
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
    ...fixByCase(
      { missing: 'set `image`, such as "nginx:1.27"', spaces: (image: string) => `write it as ${image}` },
      { spaces: ['the image without the spaces'] },
    ),
    see: 'https://kubernetes.io/docs/concepts/containers/images/',
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
    ...fixByCase(
      {
        taken: 'mount this volume at another path, or use `subPath` to combine volumes under one directory',
        missing: 'give the path where the volume appears in the container',
      },
      {},
    ),
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
    ...fixByCase(
      {
        handlers: 'give it exactly one of httpGet, tcpSocket, grpc, exec, as a `Probe` factory does',
        timing: 'use 0 or more seconds, or leave the timing out for the default',
      },
      {},
    ),
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
]);

/** The tutorial's rules about one container, stricter than the API server. */
export const CONTAINER_TUTORIAL_RULES = defineRules([
  {
    id: 'env-reference-defined',
    severity: 'error',
    category: 'peapod',
    summary: 'A `$(VAR)` in an env value refers to a variable defined earlier in the same container, or to a Service-link variable of the kubelet.',
    why: 'Kubernetes leaves a reference it cannot resolve as the literal text `$(VAR)`, silently. A `$(…)` whose content is not a variable name (`$(date +%s)`) is no reference and is not checked.',
    ...fixByCase(
      {
        undefined: (ref: string, variable: string) => `define ${ref} before ${variable}, fix the name, or write $$(${ref}) for the literal text`,
        later: (ref: string, variable: string) => `move ${ref} above ${variable}`,
      },
      { undefined: ['VAR', 'the variable that refers to it'], later: ['VAR', 'the variable that refers to it, when VAR is defined after it'] },
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
const IMAGE = ruleIn(CONTAINER_API_RULES, 'container-image');
const ENV_NAME = ruleIn(CONTAINER_API_RULES, 'env-name');
const ENV_REFERENCE = ruleIn(CONTAINER_TUTORIAL_RULES, 'env-reference-defined');
const COMMAND_REFERENCE = ruleIn(CONTAINER_TUTORIAL_RULES, 'command-env-reference');
const MOUNT_PATH = ruleIn(CONTAINER_API_RULES, 'mount-path-unique');
const PROBE_HANDLER = ruleIn(CONTAINER_API_RULES, 'probe-handler');
const GRACE = ruleIn(CONTAINER_FIELD_API_RULES, 'probe-termination-grace-period');

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
 * Checks one container of a rendered Pod spec, but for its ports (see
 * container-ports.ts); `volumeNames` are the Pod's volumes, `pod` the spec
 * around it (its volumes, which devices name, and its Service links).
 */
export function validateContainer(entry: ContainerAt, volumeNames: { has(name: unknown): boolean }, pod: Unvalidated<k8s.PodSpec>, report: RuleReport): void {
  const { container: c, path } = entry;
  validateLabelName('container name', 'container-name', c.name, path, report);
  if (c.image === undefined || c.image.trim().length === 0) {
    report.error('container-image', `${path}.image`, `container "${c.name}" has no image`, IMAGE.fixFor('missing'));
  } else if (c.image.trim() !== c.image) {
    report.error(
      'container-image',
      `${path}.image`,
      `image ${JSON.stringify(c.image)} of container "${c.name}" has leading or trailing spaces`,
      IMAGE.fixFor('spaces', `"${c.image.trim()}"`),
    );
  }
  checkEnum(c.imagePullPolicy, IMAGE_PULL_POLICIES, `${path}.imagePullPolicy`, 'imagePullPolicy', report);
  if (entry.init) {
    checkEnum(c.restartPolicy, ['Always'], `${path}.restartPolicy`, 'init container restartPolicy', report);
  }
  validateEnv(c, path, pod.enableServiceLinks !== false, report);
  validateMounts(c, path, volumeNames, report);
  validateProbes(entry, report);
  validateResources(c, path, report);
  checkEnum(c.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES, `${path}.terminationMessagePolicy`, 'terminationMessagePolicy', report);
  validateContainerFields(c, path, entry.init && !entry.longRunning, pod, report);
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
      validateEnvSource(variable, `${path}.env[${i}]`, c.name, report);
    }
    lintEnvCredential(variable, `${path}.env[${i}]`, c.name, report);
    // Only text with "$(" can hold a reference.
    if (value?.includes('$(')) {
      for (const ref of envReferences(value)) {
        if (!resolvable(ref, names, i, namesUnknown, serviceLinks)) {
          const later = names.has(ref) && ref !== name ? `; ${ref} is defined after ${name}` : '';
          report.error(
            'env-reference-defined',
            `${path}.env[${i}].value`,
            `${undefinedReference(name, ref)} (container "${c.name}"${later}); Kubernetes would leave it as the literal text`,
            later ? ENV_REFERENCE.fixFor('later', ref, String(name)) : ENV_REFERENCE.fixFor('undefined', ref, String(name)),
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
      report.error('mount-path-unique', `${at}.mountPath`, `mount of volume "${name}" in container "${c.name}" has no path`, MOUNT_PATH.fixFor('missing'));
    } else if (first >= 0) {
      report.error(
        'mount-path-unique',
        `${at}.mountPath`,
        `container "${c.name}" already mounts a volume at "${mountPath}" (${path}.volumeMounts[${first}])`,
        MOUNT_PATH.fixFor('taken'),
      );
    }
    const wrong = subPath ? descendingPathError(subPath) : undefined;
    if (wrong !== undefined) {
      report.error('mount-sub-path', `${at}.subPath`, `subPath "${subPath}" of container "${c.name}" ${wrong}`);
    }
  }
}

function validateProbes(entry: ContainerAt, report: RuleReport): void {
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
        PROBE_HANDLER.fixFor('handlers'),
      );
    }
    for (const timing of PROBE_TIMING_FIELDS) {
      const seconds = probe[timing];
      if (seconds !== undefined && seconds < 0) {
        report.error(
          'probe-handler',
          `${at}.${timing}`,
          `${timing} of the ${kind} of container "${c.name}" is ${seconds}; it must not be negative`,
          PROBE_HANDLER.fixFor('timing'),
        );
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
    // validateProbe and validateReadinessProbe: a readiness probe never stops the container.
    const grace = probe.terminationGracePeriodSeconds;
    if (grace != null && kind === 'readinessProbe') {
      report.error(
        'probe-termination-grace-period',
        `${at}.terminationGracePeriodSeconds`,
        `the readinessProbe of container "${c.name}" sets terminationGracePeriodSeconds; a readiness probe never stops the container, and the API server refuses it there`,
        GRACE.fixFor('readiness'),
      );
    } else if (grace != null && (!Number.isInteger(grace) || grace <= 0)) {
      report.error(
        'probe-termination-grace-period',
        `${at}.terminationGracePeriodSeconds`,
        `terminationGracePeriodSeconds of the ${kind} of container "${c.name}" is ${JSON.stringify(grace)}; it must be a whole number greater than 0`,
        GRACE.fixFor('seconds'),
      );
    }
  }
}

// Kept out of validateProbes' loop: a closure over its `probe` would make V8
// allocate a context for every kind of probe of every container, set or not.
function handlersOf(probe: Unvalidated<k8s.Probe>): string[] {
  return PROBE_HANDLER_FIELDS.filter((handler) => probe[handler] !== undefined);
}
