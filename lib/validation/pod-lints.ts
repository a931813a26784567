import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { parseQuantity } from '../quantity';
import { text } from './_json';
import { MemoByString } from './_shared-text';
import { ContainerFacts, securityFacts, SecurityFacts } from './_security-facts';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
import { defineRules, fixNaming, ruleIn } from './rules';
import { HOST_NAMESPACE_FIELDS } from './pod-lifecycle';
import type { RuleId } from './rule-ids';

const SECURITY_DOCS = 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/';
const RESOURCE_DOCS = 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/';
const PROBE_DOCS = 'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/';
const HOST_PATH_DOCS = 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath';

/**
 * Warnings about Pod specs Kubernetes accepts but that tend to hurt in
 * production. Ids follow kube-linter where it has the check, Polaris
 * otherwise (its camelCase id in kebab-case).
 */
export const POD_LINT_RULES = defineRules([
  {
    id: 'latest-tag',
    severity: 'warning',
    summary: 'Images name a tag other than `latest`, or a digest.',
    why: 'An untagged or `:latest` image changes under the same name: two nodes may run different code, and a rollback cannot go back.',
    ...fixNaming((version: string) => `pin a version, such as ${version}, or a digest`, ['`nginx:1.27`'], ['a digest is written `nginx@sha256:…`']),
    see: 'https://kubernetes.io/docs/concepts/containers/images/#image-names',
  },
  {
    id: 'unset-cpu-requirements',
    severity: 'warning',
    summary: 'Containers request CPU (a CPU limit alone counts, since the request then defaults to it).',
    why: 'Without a request the scheduler places the Pod as if it used no CPU, and it is the first to starve on a busy node.',
    fix: 'Set `resources.requests.cpu`, such as `250m`.',
    see: RESOURCE_DOCS,
  },
  {
    id: 'unset-memory-requirements',
    severity: 'warning',
    summary: 'Containers set a memory limit.',
    why: "Without a limit one leaking container can use the node's memory until the kernel kills its neighbours.",
    fix: 'Set `resources.limits.memory`, such as `512Mi`; the request defaults to it.',
    see: RESOURCE_DOCS,
  },
  {
    id: 'no-liveness-probe',
    severity: 'warning',
    summary: 'Long-running containers have a liveness probe (not checked for Pods with restartPolicy `Never` or `OnFailure`).',
    why: 'Without one the kubelet restarts a container only when its process exits, not when it hangs.',
    fix: "Add `livenessProbe: Probe.http({ port: 'http', path: '/healthz' })` or a tcp/exec probe.",
    see: PROBE_DOCS,
  },
  {
    id: 'no-readiness-probe',
    severity: 'warning',
    summary: 'Long-running containers that declare ports have a readiness probe.',
    why: 'Without one a Service sends traffic to the container as soon as it starts, before it can answer.',
    fix: "Add `readinessProbe: Probe.http({ port: 'http', path: '/ready' })` or a tcp probe.",
    see: PROBE_DOCS,
  },
  {
    id: 'host-path-set',
    severity: 'warning',
    summary: 'The Pod uses no hostPath volume (Polaris: hostPathSet).',
    why: 'A hostPath ties the Pod to the files of whichever node it lands on, and exposes the node to the container.',
    fix: 'Use a persistentVolumeClaim for data, an emptyDir for scratch space, or a configMap for files.',
    see: HOST_PATH_DOCS,
  },
  {
    id: 'writable-host-mount',
    severity: 'warning',
    summary: 'Containers mount hostPath volumes read-only.',
    why: "A writable host mount lets the container change the node's files.",
    fix: "Mount with `volume.mount(path, { readOnly: true })`, or suppress the rule with a reason when the container must write (a database's data directory).",
    see: HOST_PATH_DOCS,
  },
  {
    id: 'sensitive-host-mounts',
    severity: 'warning',
    summary: 'No hostPath volume points at a sensitive node path (`/`, `/etc`, `/proc`, `/sys`, `/var/run/docker.sock`, …).',
    why: 'Access to these paths is access to the node: its configuration, its processes or its container runtime.',
    fix: 'Mount only the directory the container needs, or use another volume type.',
    see: HOST_PATH_DOCS,
  },
  {
    id: 'privileged-container',
    severity: 'warning',
    summary: 'Containers do not run privileged.',
    why: 'A privileged container has every capability and every device of the node: a breakout is one step away.',
    fix: 'Remove `privileged: true`; add only the capabilities the process needs.',
    see: SECURITY_DOCS,
  },
  {
    id: 'privilege-escalation-container',
    severity: 'warning',
    summary: 'Containers set `allowPrivilegeEscalation: false` (Polaris: privilegeEscalationAllowed).',
    why: 'Unless it is false, a process can gain more privileges than its parent, through setuid binaries for instance.',
    fix: 'Set `securityContext: { allowPrivilegeEscalation: false }` on the container.',
    see: SECURITY_DOCS,
  },
  {
    id: 'run-as-non-root',
    severity: 'warning',
    summary: 'Containers run as a non-root user: `runAsNonRoot: true`, or a `runAsUser` other than 0, on the container or the Pod.',
    why: 'Root in a container is root on the node once a breakout succeeds, and many images run as root unless told otherwise.',
    fix: "Set `runAsNonRoot: true` (and a `runAsUser` if the image has no non-root user) in the Pod's or the container's security context.",
    see: SECURITY_DOCS,
  },
  {
    id: 'no-read-only-root-fs',
    severity: 'warning',
    summary: 'Containers set `readOnlyRootFilesystem: true`.',
    why: 'A writable root file system lets an intruder change binaries and configuration inside the container.',
    fix: 'Set `securityContext: { readOnlyRootFilesystem: true }` and mount an emptyDir where the process writes.',
    see: SECURITY_DOCS,
  },
  {
    id: 'host-network',
    severity: 'warning',
    summary: "The Pod does not use the node's network (`hostNetwork`).",
    why: "The Pod sees all of the node's traffic and its ports clash with the node's.",
    fix: 'Remove `hostNetwork` and expose the Pod through a Service.',
    see: SECURITY_DOCS,
  },
  {
    id: 'host-pid',
    severity: 'warning',
    summary: "The Pod does not share the node's process namespace (`hostPID`).",
    why: 'The containers can see, and signal, every process of the node.',
    fix: 'Remove `hostPID`.',
    see: SECURITY_DOCS,
  },
  {
    id: 'host-ipc',
    severity: 'warning',
    summary: "The Pod does not share the node's IPC namespace (`hostIPC`).",
    why: 'The containers can read the shared memory of every process of the node.',
    fix: 'Remove `hostIPC`.',
    see: SECURITY_DOCS,
  },
  {
    id: 'deprecated-node-label',
    severity: 'warning',
    summary: 'nodeSelector keys, node affinity keys and topology spread keys are not deprecated node labels (`beta.kubernetes.io/os`, `failure-domain.beta.kubernetes.io/zone`, …).',
    why: 'Newer nodes stop reporting the deprecated labels, and the Pod then fits no node. The API server warns about them.',
    ...fixNaming((label: string) => `select on ${label} instead`, ['the label that replaces it'], ['the current labels are at hand as `WellKnownNodeLabels`']),
    see: 'https://kubernetes.io/docs/reference/labels-annotations-taints/',
  },
  {
    id: 'fractional-memory',
    severity: 'warning',
    summary: 'Memory and ephemeral-storage amounts are whole bytes.',
    why: '`512m` means 0.512 bytes, not 512 MiB; Kubernetes rounds it up and the container cannot start. The API server warns about it.',
    ...fixByCase(
      { mebibytes: (mebibytes: string) => `write ${mebibytes} for mebibytes`, whole: 'use a whole number of bytes, such as "512Mi"' },
      { mebibytes: ['`512Mi`, not `512m`,'] },
    ),
    see: RESOURCE_DOCS,
  },
]);

const LATEST_TAG = ruleIn(POD_LINT_RULES, 'latest-tag');
const DEPRECATED_NODE_LABEL = ruleIn(POD_LINT_RULES, 'deprecated-node-label');
const FRACTIONAL_MEMORY = ruleIn(POD_LINT_RULES, 'fractional-memory');

// kube-linter's default list of node paths that give away the node.
const SENSITIVE_HOST_PATHS = new Set([
  '/',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/proc',
  '/sys',
  '/usr',
  '/var/lib/kubelet',
  '/var/lib/docker',
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
]);

// The lint that reports each host namespace field.
const HOST_NAMESPACE_RULES = { hostNetwork: 'host-network', hostPID: 'host-pid', hostIPC: 'host-ipc' } as const satisfies Record<(typeof HOST_NAMESPACE_FIELDS)[number], RuleId>;
const BYTE_RESOURCES = ['memory', 'ephemeral-storage'];

const DEPRECATED_NODE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  'beta.kubernetes.io/os': 'kubernetes.io/os',
  'beta.kubernetes.io/arch': 'kubernetes.io/arch',
  'beta.kubernetes.io/instance-type': 'node.kubernetes.io/instance-type',
  'failure-domain.beta.kubernetes.io/zone': 'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region': 'topology.kubernetes.io/region',
});

/**
 * Warns when `key`, a node label key at field path `at`, is a deprecated
 * node label (`beta.kubernetes.io/os`, replaced by `kubernetes.io/os`);
 * keys such as `constructor` that name an Object method are not.
 */
export function warnDeprecatedNodeLabel(key: string, at: string, report: RuleReport): void {
  if (Object.hasOwn(DEPRECATED_NODE_LABELS, key)) {
    report.warn('deprecated-node-label', at, `node label "${key}" is deprecated; newer nodes do not report it`, DEPRECATED_NODE_LABEL.fixFor(`"${DEPRECATED_NODE_LABELS[key]}"`));
  }
}

// The lints most Pods draw (no resources, probes or security context yet):
// their texts are the same for every Pod with alike containers, so they are
// written once (see _shared-text.ts): the field paths for each container
// path, the messages for each container name, all of them at a time.
const FIELDS = new MemoByString((path) => {
  const securityContext = `${path}.securityContext`;
  return {
    cpu: `${path}.resources.requests.cpu`,
    memory: `${path}.resources.limits.memory`,
    liveness: `${path}.livenessProbe`,
    readiness: `${path}.readinessProbe`,
    securityContext,
    escalation: `${securityContext}.allowPrivilegeEscalation`,
    nonRoot: `${securityContext}.runAsNonRoot`,
    readOnlyRoot: `${securityContext}.readOnlyRootFilesystem`,
  };
});
const MESSAGES = new MemoByString((name) => ({
  noCpu: `container "${name}" requests no CPU`,
  noMemoryLimit: `container "${name}" has no memory limit`,
  noLiveness: `container "${name}" has no liveness probe`,
  noReadiness: `container "${name}" declares ports but has no readiness probe`,
  allowsEscalation: `container "${name}" sets allowPrivilegeEscalation: true`,
  mayEscalate: `container "${name}" does not set allowPrivilegeEscalation: false`,
  mayRunAsRoot: `container "${name}" may run as root: neither it nor the Pod sets runAsNonRoot: true or a non-zero runAsUser`,
  writableRoot: `container "${name}" can write to its root file system`,
}));

/** The shared texts of one container's lints. */
interface ContainerTexts {
  readonly fields: ReturnType<typeof FIELDS.of>;
  readonly messages: ReturnType<typeof MESSAGES.of>;
}

/** Records the lint warnings of a rendered Pod spec at field path `at`. */
export function lintPodSpec(spec: Unvalidated<k8s.PodSpec>, at: string, report: RuleReport): void {
  // Read by name first: a field looked up by a variable key costs more, and most Pods set none.
  if (spec.hostNetwork === true || spec.hostPID === true || spec.hostIPC === true) {
    for (const field of HOST_NAMESPACE_FIELDS) {
      if (spec[field] === true) {
        report.warn(HOST_NAMESPACE_RULES[field], `${at}.${field}`, `the Pod sets ${field}: true`);
      }
    }
  }
  for (const key in spec.nodeSelector) {
    warnDeprecatedNodeLabel(key, `${at}.nodeSelector[${key}]`, report);
  }
  // The security facts are read once for these lints and the Pod Security checks (pod-security.ts).
  const facts = securityFacts(spec, at);
  for (const [name, { index, volume }] of facts.hostPaths) {
    const hostPath: Unvalidated<k8s.HostPathVolumeSource> = volume.hostPath;
    if (hostPath.path === undefined) {
      continue;
    }
    const path = `${at}.volumes[${index}].hostPath`;
    report.warn('host-path-set', path, `volume "${name}" is a hostPath ("${hostPath.path}"); the Pod depends on the files of whichever node it lands on`);
    if (SENSITIVE_HOST_PATHS.has(hostPath.path.length > 1 ? hostPath.path.replace(/\/+$/, '') : hostPath.path)) {
      report.warn('sensitive-host-mounts', `${path}.path`, `volume "${name}" exposes the node path "${hostPath.path}" to the Pod`);
    }
  }

  const runsToCompletion = spec.restartPolicy === 'Never' || spec.restartPolicy === 'OnFailure';
  for (const c of facts.containers) {
    // Ephemeral containers are added to running Pods for debugging; the lints leave them alone.
    if (c.list !== 'ephemeralContainers') {
      const longRunning = c.list === 'containers' || c.container.restartPolicy === 'Always';
      lintContainer(c, longRunning, runsToCompletion, facts, report);
    }
  }
}

function lintContainer(facts: ContainerFacts, longRunning: boolean, runsToCompletion: boolean, pod: SecurityFacts, report: RuleReport): void {
  const c: Unvalidated<k8s.Container> = facts.container;
  const path = facts.path;
  const texts: ContainerTexts = { fields: FIELDS.of(path), messages: MESSAGES.of(facts.name) };
  lintImage(c, path, report);
  lintResources(c, path, texts, report);
  if (longRunning && !runsToCompletion) {
    lintProbes(c, texts, report);
  }
  lintSecurity(facts, pod, texts, report);
  if (pod.hostPaths.size > 0) {
    lintHostMounts(c, path, pod.hostPaths, report);
  }
}

// The map's keys are volume names: a mount without a name is none of them.
function lintHostMounts(c: Unvalidated<k8s.Container>, path: string, hostPaths: ReadonlyMap<string | undefined, unknown>, report: RuleReport): void {
  const mounts = c.volumeMounts ?? [];
  for (let i = 0; i < mounts.length; i++) {
    const mount = mounts[i];
    if (hostPaths.has(mount.name) && mount.readOnly !== true) {
      report.warn('writable-host-mount', `${path}.volumeMounts[${i}].readOnly`, `container "${c.name}" mounts hostPath volume "${mount.name}" writable at "${mount.mountPath}"`);
    }
  }
}

function lintImage({ image, name }: Unvalidated<k8s.Container>, path: string, report: RuleReport): void {
  if (!image?.trim() || image.includes('@')) {
    return;
  }
  // The tag follows the first ':' of the last segment (a registry's port comes before a '/'):
  // found without cutting the image into pieces, as this runs for every container.
  const colon = image.indexOf(':', image.lastIndexOf('/') + 1);
  const untagged = colon < 0;
  if (untagged || (image.length === colon + ':latest'.length && image.endsWith(':latest'))) {
    report.warn(
      'latest-tag',
      `${path}.image`,
      `image "${image}" of container "${name}" ${untagged ? 'has no tag, so it means :latest' : 'uses the tag latest'}, which moves`,
      LATEST_TAG.fixFor(`"${image.replace(/:latest$/, '')}:1.2.3"`),
    );
  }
}

function lintResources(c: Unvalidated<k8s.Container>, path: string, { fields, messages }: ContainerTexts, report: RuleReport): void {
  const requests = c.resources?.requests;
  const limits = c.resources?.limits;
  if (requests?.cpu === undefined && limits?.cpu === undefined) {
    report.warn('unset-cpu-requirements', fields.cpu, messages.noCpu);
  }
  if (limits?.memory === undefined) {
    report.warn('unset-memory-requirements', fields.memory, messages.noMemoryLimit);
  }
  lintByteAmounts(c.name, path, 'requests', requests, report);
  lintByteAmounts(c.name, path, 'limits', limits, report);
}

function lintByteAmounts(name: string | undefined, path: string, kind: 'requests' | 'limits', amounts: Unvalidated<k8s.ResourceRequirements>['requests'], report: RuleReport): void {
  if (amounts === undefined) {
    return; // no requests (or limits) at all, as in most containers
  }
  for (const resource of BYTE_RESOURCES) {
    const amount = amounts[resource];
    if (amount == null) {
      continue; // most containers set neither
    }
    const value = parseQuantity(amount);
    if (value !== undefined && !Number.isInteger(value)) {
      report.warn(
        'fractional-memory',
        `${path}.resources.${kind}.${resource}`,
        `${resource} ${JSON.stringify(amount)} of container "${name}" is ${value} bytes, not a whole number`,
        text(amount).endsWith('m') ? FRACTIONAL_MEMORY.fixFor('mebibytes', `"${text(amount).replace(/m$/, 'Mi')}"`) : FRACTIONAL_MEMORY.fixFor('whole'),
      );
    }
  }
}

function lintProbes(c: Unvalidated<k8s.Container>, { fields, messages }: ContainerTexts, report: RuleReport): void {
  if (c.livenessProbe === undefined) {
    report.warn('no-liveness-probe', fields.liveness, messages.noLiveness);
  }
  // Readiness gates traffic to the container's ports; without ports there is none.
  if (c.readinessProbe === undefined && (c.ports?.length ?? 0) > 0) {
    report.warn('no-readiness-probe', fields.readiness, messages.noReadiness);
  }
}

// A windows Pod may not set allowPrivilegeEscalation or readOnlyRootFilesystem
// (validateWindows): the lints that ask for them stay quiet there.
function lintSecurity({ name, securityContext: sc }: ContainerFacts, { pod, windows }: SecurityFacts, { fields, messages }: ContainerTexts, report: RuleReport): void {
  const at = fields.securityContext;
  if (sc.privileged === true) {
    report.warn('privileged-container', `${at}.privileged`, `container "${name}" runs privileged`);
  } else if (sc.allowPrivilegeEscalation !== false && !windows) {
    report.warn('privilege-escalation-container', fields.escalation, sc.allowPrivilegeEscalation === true ? messages.allowsEscalation : messages.mayEscalate);
  }
  const runAsUser = sc.runAsUser ?? pod.runAsUser;
  if (runAsUser === 0) {
    report.warn('run-as-non-root', `${at}.runAsUser`, `container "${name}" runs as root (runAsUser: 0)`);
  } else if ((sc.runAsNonRoot ?? pod.runAsNonRoot) !== true && !((runAsUser ?? 0) > 0)) {
    report.warn('run-as-non-root', fields.nonRoot, messages.mayRunAsRoot);
  }
  if (sc.readOnlyRootFilesystem !== true && !windows) {
    report.warn('no-read-only-root-fs', fields.readOnlyRoot, messages.writableRoot);
  }
}
