import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { listAt, objectAt } from './_json';
import { ContainerFacts, securityFacts, SecurityFacts } from './_security-facts';
import { HOST_NAMESPACE_FIELDS } from './pod-lifecycle';
import { fixByCase } from './_fix-cases';
import { defineRules, fixNaming, fixOf, RuleDefinition } from './rules';

/*
 * The checks of the Pod Security Standards as the PodSecurity admission
 * runs them (k8s.io/pod-security-admission/policy, check_*.go), for the
 * version of the standard as of Kubernetes 1.27, with the earlier versions
 * a namespace may pin. They read the rendered manifest, so they apply to
 * every kind that carries a Pod spec. Where the admission names the
 * offending containers in one line per check, these report each field, so
 * that every problem is found at once and points at what to change.
 *
 * They read any JSON without throwing (a property test holds them to it):
 * podSecurityViolations() is public, and the app's check reads the
 * manifests of cdk8s-plus and plain ApiObjects too, which no escape-hatch
 * boundary holds to the schema. So the facts are typed as their shapes
 * say, and the lists in them are read with listAt.
 */

/** The levels of the Pod Security Standards, from the most open to the most strict. */
export const POD_SECURITY_LEVELS = ['privileged', 'baseline', 'restricted'] as const;
/** A level of the Pod Security Standards. */
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];

/** The modes of the PodSecurity admission: refuse the Pod, warn the client, or note it in the audit log. */
export const POD_SECURITY_MODES = ['enforce', 'warn', 'audit'] as const;
/** A mode of the PodSecurity admission. */
export type PodSecurityMode = (typeof POD_SECURITY_MODES)[number];

/** A version of the standard as a namespace label gives it: `latest`, or `v1.27`. */
export type PodSecurityVersion = 'latest' | `v1.${number}`;

/** The Kubernetes minor version Peapod targets; `latest` means the standard as of this version. */
export const LATEST_POD_SECURITY_MINOR = 27;

/** The ids the admission gives its checks, as in its messages and in `check_*.go`. */
export const POD_SECURITY_CHECK_IDS = [
  'hostNamespaces',
  'privileged',
  'capabilities_baseline',
  'hostPathVolumes',
  'hostPorts',
  'appArmorProfile',
  'seLinuxOptions',
  'procMount',
  'seccompProfile_baseline',
  'sysctls',
  'windowsHostProcess',
  'restrictedVolumes',
  'allowPrivilegeEscalation',
  'runAsNonRoot',
  'runAsUser',
  'seccompProfile_restricted',
  'capabilities_restricted',
] as const;
/** The id of one check of the PodSecurity admission. */
export type PodSecurityCheckId = (typeof POD_SECURITY_CHECK_IDS)[number];

/** One field of a Pod spec that breaks a check of the standard. */
export interface PodSecurityViolation {
  /** The admission's id of the check. */
  readonly check: PodSecurityCheckId;
  /** Peapod's rule id for it, as in docs/rules.md. */
  readonly rule: string;
  /** The lowest level that forbids it: `baseline` or `restricted`. */
  readonly level: 'baseline' | 'restricted';
  /** The offending field, such as `spec.containers[0].securityContext.privileged`. */
  readonly field: string;
  /** The admission's reason, such as `allowPrivilegeEscalation != false`. */
  readonly reason: string;
  /** The admission's detail for this field, such as `container "app" must set securityContext.allowPrivilegeEscalation=false`. */
  readonly detail: string;
  /** What to change. */
  readonly fix: string;
}

const STANDARD = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';

/** What a check reads, besides the shared facts. */
interface CheckInput {
  readonly facts: SecurityFacts;
  readonly spec: Unvalidated<k8s.PodSpec>;
  readonly annotations: { readonly [key: string]: unknown };
  /** Field path of the Pod's annotations, such as `metadata.annotations`. */
  readonly annotationsAt: string;
  /** Field path of the Pod spec. */
  readonly at: string;
  /** The minor version of the standard. */
  readonly minor: number;
}

/** One field a check finds wrong. */
interface Finding {
  readonly field: string;
  readonly detail: string;
  /** What the check's `fixFor` takes for this finding (its case, its specifics), if it has one. */
  readonly fix?: readonly string[];
}

/** A check of the admission, with the rule that reports it (one entry of docs/rules.md). */
interface CheckDefinition {
  readonly id: PodSecurityCheckId;
  readonly rule: `pss-${string}`;
  readonly level: 'baseline' | 'restricted';
  /** The admission's ForbiddenReason. */
  readonly reason: string;
  /** What the check asks, as docs/rules.md words it after the check's id and reason. */
  readonly asks: string;
  readonly why: string;
  readonly fix: string;
  /**
   * The fix of a finding from its `fix` (the `fixFor` of fixNaming or
   * fixByCase, whose parameters differ by check); without it, every finding
   * takes `fix`.
   */
  readonly fixFor?: (...specifics: never) => string;
  /**
   * The first minor version that has the check.
   * @default 0
   */
  readonly since?: number;
  /** A baseline check this one replaces at the restricted level, as the admission's overlapping checks do. */
  readonly overrides?: PodSecurityCheckId;
  /** Since which minor version Pods with `os.name: windows` are exempt. */
  readonly windowsExemptSince?: number;
  readonly find: (input: CheckInput) => Finding[];
}

const BASELINE_CAPABILITIES: ReadonlySet<unknown> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);
const SAFE_SYSCTLS_1_0 = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
];
// Added to the safe set in these versions.
const SAFE_SYSCTLS_SINCE: readonly (readonly [number, readonly string[]])[] = [
  [27, ['net.ipv4.ip_local_reserved_ports']],
  [29, ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
];
const SELINUX_TYPES_1_0 = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
const SELINUX_TYPES_SINCE: readonly (readonly [number, readonly string[]])[] = [[31, ['container_engine_t']]];
const RESTRICTED_VOLUME_SOURCES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);
const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const SECCOMP_TYPES: readonly unknown[] = ['RuntimeDefault', 'Localhost'];

function allowedSince(base: readonly string[], added: readonly (readonly [number, readonly string[]])[], minor: number): ReadonlySet<unknown> {
  return new Set([...base, ...added.filter(([since]) => minor >= since).flatMap(([, values]) => values)]);
}

const who = (c: ContainerFacts) => `container "${c.name}"`;

type SecurityContext = Unvalidated<k8s.SecurityContext>;
type Found = Finding | Finding[] | undefined;

// Findings for a field the Pod's and every container's security context may set.
function podAndContainers(input: CheckInput, find: (sc: SecurityContext, at: string, setter: string) => Found): Finding[] {
  const pod = find(input.facts.pod, `${input.at}.securityContext`, 'pod') ?? [];
  return [pod, ...input.facts.containers.map((c) => find(c.securityContext, `${c.path}.securityContext`, who(c)) ?? [])].flat();
}

function eachContainer(input: CheckInput, find: (c: ContainerFacts, sc: SecurityContext, at: string) => Found): Finding[] {
  return input.facts.containers.flatMap((c) => find(c, c.securityContext, `${c.path}.securityContext`) ?? []);
}

/** A field the Pod's security context sets for every container that leaves it out. */
interface PodOrContainerField {
  readonly key: 'runAsNonRoot' | 'seccompProfile';
  /** Whether the value is reported at its `type` field. */
  readonly typeField?: boolean;
  readonly bad: (value: unknown) => boolean;
  readonly explicit: (setter: string, value: unknown) => string;
  readonly missing: (setter: string) => string;
  /** The fix cases of a value set in the Pod, set in a container, and missing. */
  readonly cases: readonly [string, string, string];
}

// The admission's reading of such a field: a bad value set anywhere
// fails, and so does a container that leaves it out while the Pod does not
// set a good one.
function podOrEveryContainer(input: CheckInput, field: PodOrContainerField): Finding[] {
  const found: Finding[] = [];
  const at = (securityContext: string) => `${securityContext}.${field.key}${field.typeField ? '.type' : ''}`;
  const pod = input.facts.pod[field.key];
  if (pod != null && field.bad(pod)) {
    found.push({ field: at(`${input.at}.securityContext`), detail: field.explicit('pod', pod), fix: [field.cases[0]] });
  }
  const podSetsIt = pod != null && !field.bad(pod);
  for (const c of input.facts.containers) {
    const own = c.securityContext[field.key];
    if (own != null && field.bad(own)) {
      found.push({ field: at(`${c.path}.securityContext`), detail: field.explicit(who(c), own), fix: [field.cases[1]] });
    } else if (own == null && !podSetsIt) {
      found.push({ field: `${c.path}.securityContext.${field.key}`, detail: field.missing(who(c)), fix: [field.cases[2]] });
    }
  }
  return found;
}

// An AppArmor or seccomp annotation's value that the admission allows (`docker/default` only for seccomp).
function allowedProfileAnnotation(value: unknown, also: string): boolean {
  return value === 'runtime/default' || value === also || (typeof value === 'string' && value.startsWith('localhost/'));
}

function annotationFinding(input: CheckInput, key: string): Finding {
  return { field: `${input.annotationsAt}[${key}]`, detail: `${key}=${JSON.stringify(input.annotations[key])}` };
}

const CHECKS = [
  {
    id: 'hostNamespaces',
    rule: 'pss-host-namespaces',
    level: 'baseline',
    reason: 'host namespaces',
    asks: '`hostNetwork`, `hostPID` and `hostIPC` are unset or false.',
    why: "Sharing the node's network, process or IPC namespace exposes the node and every Pod on it; the PodSecurity admission refuses it from baseline up.",
    ...fixNaming((field: string) => `remove ${field} from the Pod spec; reach the Pod through a Service`, ['`hostNetwork`, `hostPID` and `hostIPC`']),
    find: ({ spec, at }) =>
      HOST_NAMESPACE_FIELDS.filter((field) => spec[field] === true).map((field) => ({ field: `${at}.${field}`, detail: field, fix: [`${field}: true`] })),
  },
  {
    id: 'privileged',
    rule: 'pss-privileged',
    level: 'baseline',
    reason: 'privileged',
    asks: 'no container sets `securityContext.privileged=true`.',
    why: 'A privileged container has every capability and device of the node; the PodSecurity admission refuses it from baseline up.',
    fix: 'Remove `privileged: true`; add only the capabilities the process needs.',
    find: (input) =>
      eachContainer(input, (c, sc, at) =>
        sc.privileged === true ? { field: `${at}.privileged`, detail: `${who(c)} must not set securityContext.privileged=true` } : undefined,
      ),
  },
  {
    id: 'capabilities_baseline',
    rule: 'pss-capabilities-baseline',
    level: 'baseline',
    reason: 'non-default capabilities',
    asks: '`capabilities.add` holds only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT.',
    why: "Capabilities beyond the container runtime's default set (NET_RAW, SYS_ADMIN, …) open ways to the node; the PodSecurity admission refuses them from baseline up.",
    ...fixNaming((capabilities: string) => `remove ${capabilities} from \`securityContext.capabilities.add\``, ['the capability']),
    find: (input) =>
      eachContainer(input, (c, sc, at) => {
        const added = listAt(sc.capabilities?.add).filter((cap) => !BASELINE_CAPABILITIES.has(cap));
        return added.length === 0
          ? undefined
          : {
              field: `${at}.capabilities.add`,
              detail: `${who(c)} must not include ${quoted(added)} in securityContext.capabilities.add`,
              fix: [quoted(added)],
            };
      }),
  },
  {
    id: 'hostPathVolumes',
    rule: 'pss-host-path-volumes',
    level: 'baseline',
    reason: 'hostPath volumes',
    asks: 'no volume is a hostPath.',
    why: "A hostPath volume gives the Pod the node's files; the PodSecurity admission refuses it from baseline up.",
    fix: 'Use a persistentVolumeClaim for data, an emptyDir for scratch space, or a configMap or secret for files.',
    find: ({ facts, at }) => [...facts.hostPaths].map(([name, { index }]) => ({ field: `${at}.volumes[${index}].hostPath`, detail: `volume "${name}"` })),
  },
  {
    id: 'hostPorts',
    rule: 'pss-host-ports',
    level: 'baseline',
    reason: 'hostPort',
    asks: 'no container port sets a `hostPort` other than 0.',
    why: "A hostPort binds the node's own port; the PodSecurity admission refuses it from baseline up.",
    fix: 'Remove `hostPort` and expose the port through a Service.',
    find: (input) =>
      eachContainer(input, (c) =>
        listAt(c.container.ports).flatMap((port, i) => {
          const hostPort = objectAt(port).hostPort;
          return hostPort === undefined || hostPort === null || hostPort === 0
            ? []
            : [{ field: `${c.path}.ports[${i}].hostPort`, detail: `${who(c)} uses hostPort ${hostPort}` }];
        }),
      ),
  },
  {
    id: 'appArmorProfile',
    rule: 'pss-app-armor-profile',
    level: 'baseline',
    reason: 'forbidden AppArmor profile',
    asks: 'annotations `container.apparmor.security.beta.kubernetes.io/*` are empty, `runtime/default` or `localhost/*`.',
    why: 'Any other value (`unconfined`) turns off the AppArmor profile the runtime applies; the PodSecurity admission refuses it from baseline up.',
    fix: 'Remove the annotation, or set it to `runtime/default` or a `localhost/<profile>` loaded on the nodes.',
    find: (input) =>
      Object.keys(input.annotations)
        .filter((key) => key.startsWith(APPARMOR_PREFIX) && !allowedProfileAnnotation(input.annotations[key], ''))
        .sort()
        .map((key) => annotationFinding(input, key)),
  },
  {
    id: 'seLinuxOptions',
    rule: 'pss-se-linux-options',
    level: 'baseline',
    reason: 'seLinuxOptions',
    asks: '`seLinuxOptions.type` is empty, `container_t`, `container_init_t` or `container_kvm_t`, and `user` and `role` are unset.',
    why: 'Another SELinux type or a custom user or role can lift the confinement of the container; the PodSecurity admission refuses it from baseline up.',
    ...fixByCase(
      { type: (types: string) => `leave seLinuxOptions.type out, or set it to ${types}`, option: (key: string) => `remove seLinuxOptions.${key}` },
      { type: ['an allowed one'], option: ['user and role'] },
    ),
    find: (input) => {
      const types = allowedSince(SELINUX_TYPES_1_0, SELINUX_TYPES_SINCE, input.minor);
      const allowed = quoted([...types].filter((t) => t !== ''));
      return podAndContainers(input, (sc, at, setter) => {
        const options = sc.seLinuxOptions;
        if (options === null || typeof options !== 'object') {
          return [];
        }
        const forbidden = `${setter} set forbidden securityContext.seLinuxOptions`;
        const found: Finding[] = types.has(options.type ?? '')
          ? []
          : [{ field: `${at}.seLinuxOptions.type`, detail: `${forbidden}: type ${JSON.stringify(options.type)}`, fix: ['type', allowed] }];
        for (const key of ['user', 'role'] as const) {
          const value: unknown = options[key];
          if (typeof value === 'string' ? value.length > 0 : value != null) {
            found.push({ field: `${at}.seLinuxOptions.${key}`, detail: `${forbidden}: ${key} may not be set`, fix: ['option', key] });
          }
        }
        return found;
      });
    },
  },
  {
    id: 'procMount',
    rule: 'pss-proc-mount',
    level: 'baseline',
    reason: 'procMount',
    asks: '`securityContext.procMount` is unset or `Default`.',
    why: 'An `Unmasked` /proc shows the container the kernel files the runtime hides; the PodSecurity admission refuses it from baseline up.',
    fix: 'Remove `procMount`, or set it to `Default`.',
    find: (input) =>
      eachContainer(input, (c, sc, at) =>
        sc.procMount != null && sc.procMount !== 'Default'
          ? { field: `${at}.procMount`, detail: `${who(c)} must not set securityContext.procMount to ${JSON.stringify(sc.procMount)}` }
          : undefined,
      ),
  },
  {
    id: 'seccompProfile_baseline',
    rule: 'pss-seccomp-profile-baseline',
    level: 'baseline',
    reason: 'seccompProfile',
    asks: 'a `seccompProfile.type` that is set is `RuntimeDefault` or `Localhost` (before v1.19: the seccomp annotations).',
    why: '`Unconfined` lets the container make every system call; the PodSecurity admission refuses it from baseline up.',
    ...fixByCase({
      annotation: 'set the annotation to "runtime/default" or "localhost/<profile>", or remove it',
      field: 'set seccompProfile.type to "RuntimeDefault" or "Localhost", or leave seccompProfile out',
    }),
    find: (input) => {
      if (input.minor < 19) {
        return [SECCOMP_POD_ANNOTATION, ...input.facts.containers.map((c) => SECCOMP_CONTAINER_PREFIX + c.name)]
          .filter((key) => Object.hasOwn(input.annotations, key) && !allowedProfileAnnotation(input.annotations[key], 'docker/default'))
          .map((key) => ({ ...annotationFinding(input, key), fix: ['annotation'] }));
      }
      return podAndContainers(input, (sc, at, setter) =>
        sc.seccompProfile != null && !SECCOMP_TYPES.includes(sc.seccompProfile.type)
          ? {
              field: `${at}.seccompProfile.type`,
              detail: `${setter} must not set securityContext.seccompProfile.type to ${JSON.stringify(sc.seccompProfile.type ?? '')}`,
              fix: ['field'],
            }
          : undefined,
      );
    },
  },
  {
    id: 'sysctls',
    rule: 'pss-sysctls',
    level: 'baseline',
    reason: 'forbidden sysctls',
    asks: '`securityContext.sysctls` names only the safe set (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_unprivileged_port_start; net.ipv4.ip_local_reserved_ports since v1.27).',
    why: 'Other sysctls can turn off security mechanisms or change the whole node; the PodSecurity admission refuses them from baseline up.',
    fix: 'Remove the sysctl, or set it on the nodes instead.',
    find: ({ facts, at, minor }) => {
      const safe = allowedSince(SAFE_SYSCTLS_1_0, SAFE_SYSCTLS_SINCE, minor);
      return listAt(facts.pod.sysctls).flatMap((sysctl, i) => {
        const name = objectAt(sysctl).name;
        return safe.has(name) ? [] : [{ field: `${at}.securityContext.sysctls[${i}].name`, detail: String(name) }];
      });
    },
  },
  {
    id: 'windowsHostProcess',
    rule: 'pss-windows-host-process',
    level: 'baseline',
    reason: 'hostProcess',
    asks: 'no Pod or container sets `windowsOptions.hostProcess=true`.',
    why: 'A HostProcess container runs on the Windows node itself, with its privileges; the PodSecurity admission refuses it from baseline up.',
    fix: 'Remove `windowsOptions.hostProcess`.',
    find: (input) =>
      podAndContainers(input, (sc, at, setter) =>
        sc.windowsOptions?.hostProcess === true
          ? { field: `${at}.windowsOptions.hostProcess`, detail: `${setter} must not set securityContext.windowsOptions.hostProcess=true` }
          : undefined,
      ),
  },
  {
    id: 'restrictedVolumes',
    rule: 'pss-restricted-volumes',
    level: 'restricted',
    reason: 'restricted volume types',
    asks: 'every volume is a configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected or secret.',
    why: "Other volume types (hostPath, nfs, iscsi, …) reach storage outside the cluster's control; restricted allows them only through a PersistentVolume.",
    fix: 'Put the storage behind a PersistentVolume and mount it with a persistentVolumeClaim, or use an emptyDir.',
    overrides: 'hostPathVolumes',
    find: ({ spec, at }) =>
      listAt(spec.volumes).flatMap((given, i) => {
        const volume = objectAt(given);
        const sources = Object.keys(volume).filter((key) => key !== 'name' && volume[key] != null);
        const source = sources[0];
        return sources.some((key) => RESTRICTED_VOLUME_SOURCES.has(key))
          ? []
          : [
              {
                field: source === undefined ? `${at}.volumes[${i}]` : `${at}.volumes[${i}].${source}`,
                detail: `volume "${volume.name}" has a restricted type${source === undefined ? '' : ` (${source})`}`,
              },
            ];
      }),
  },
  {
    id: 'allowPrivilegeEscalation',
    rule: 'pss-allow-privilege-escalation',
    level: 'restricted',
    reason: 'allowPrivilegeEscalation != false',
    asks: 'every container sets `allowPrivilegeEscalation: false` (Pods with `os.name: windows` are exempt since v1.25).',
    why: 'Unless it is false, a process can gain more privileges than its parent, through set-user-ID binaries for instance.',
    fix: 'Set `securityContext: { allowPrivilegeEscalation: false }` on the container.',
    since: 8,
    windowsExemptSince: 25,
    find: (input) =>
      eachContainer(input, (c, sc, at) =>
        sc.allowPrivilegeEscalation !== false
          ? { field: `${at}.allowPrivilegeEscalation`, detail: `${who(c)} must set securityContext.allowPrivilegeEscalation=false` }
          : undefined,
      ),
  },
  {
    id: 'runAsNonRoot',
    rule: 'pss-run-as-non-root',
    level: 'restricted',
    reason: 'runAsNonRoot != true',
    asks: 'the Pod or every container sets `runAsNonRoot: true`, and none sets it to false. A non-zero `runAsUser` alone does not count.',
    why: 'Root in a container is root on the node once a breakout succeeds; with runAsNonRoot the kubelet refuses to start a container as root.',
    ...fixByCase({
      pod: "set runAsNonRoot to true in the Pod's securityContext",
      container: "set the container's runAsNonRoot to true, or leave it out",
      missing: "set runAsNonRoot: true in the Pod's or the container's securityContext (with a runAsUser if the image has no non-root user)",
    }),
    find: (input) =>
      podOrEveryContainer(input, {
        key: 'runAsNonRoot',
        bad: (value) => value !== true,
        explicit: (setter) => `${setter} must not set securityContext.runAsNonRoot=false`,
        missing: (setter) => `pod or ${setter} must set securityContext.runAsNonRoot=true`,
        cases: ['pod', 'container', 'missing'],
      }),
  },
  {
    id: 'runAsUser',
    rule: 'pss-run-as-user',
    level: 'restricted',
    reason: 'runAsUser=0',
    asks: 'neither the Pod nor a container sets `runAsUser: 0` (since v1.23).',
    why: 'User id 0 is root.',
    fix: 'Set `runAsUser` to a non-zero user id, or leave it out and let the image choose its non-root user.',
    since: 23,
    find: (input) =>
      podAndContainers(input, (sc, at, setter) =>
        sc.runAsUser === 0 ? { field: `${at}.runAsUser`, detail: `${setter} must not set runAsUser=0` } : undefined,
      ),
  },
  {
    id: 'seccompProfile_restricted',
    rule: 'pss-seccomp-profile-restricted',
    level: 'restricted',
    reason: 'seccompProfile',
    asks: 'the Pod or every container sets `seccompProfile.type` to `RuntimeDefault` or `Localhost` (since v1.19; Pods with `os.name: windows` are exempt since v1.25).',
    why: 'Without a profile the container may make every system call; restricted requires one to be chosen.',
    ...fixByCase({
      explicit: 'set seccompProfile.type to "RuntimeDefault" or "Localhost"',
      missing: "set seccompProfile: { type: 'RuntimeDefault' } in the Pod's securityContext",
    }),
    since: 19,
    overrides: 'seccompProfile_baseline',
    windowsExemptSince: 25,
    find: (input) =>
      podOrEveryContainer(input, {
        key: 'seccompProfile',
        typeField: true,
        bad: (profile) => !SECCOMP_TYPES.includes(objectAt(profile).type),
        explicit: (setter, profile) => `${setter} must not set securityContext.seccompProfile.type to ${JSON.stringify(objectAt(profile).type ?? '')}`,
        missing: (setter) => `pod or ${setter} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
        cases: ['explicit', 'explicit', 'missing'],
      }),
  },
  {
    id: 'capabilities_restricted',
    rule: 'pss-capabilities-restricted',
    level: 'restricted',
    reason: 'unrestricted capabilities',
    asks: 'every container drops `ALL` and adds back at most `NET_BIND_SERVICE` (since v1.22; Pods with `os.name: windows` are exempt since v1.25).',
    why: 'Every capability a container keeps is a privilege an intruder keeps too.',
    ...fixByCase({
      drop: "set securityContext.capabilities.drop to ['ALL']",
      add: 'add back no capability but NET_BIND_SERVICE (if the process binds a port below 1024)',
    }),
    since: 22,
    overrides: 'capabilities_baseline',
    windowsExemptSince: 25,
    find: (input) =>
      eachContainer(input, (c, sc, at) => {
        const found: Finding[] = [];
        if (!listAt(sc.capabilities?.drop).includes('ALL')) {
          found.push({ field: `${at}.capabilities.drop`, detail: `${who(c)} must set securityContext.capabilities.drop=["ALL"]`, fix: ['drop'] });
        }
        const added = listAt(sc.capabilities?.add).filter((cap) => cap !== 'NET_BIND_SERVICE');
        if (added.length > 0) {
          found.push({
            field: `${at}.capabilities.add`,
            detail: `${who(c)} must not include ${quoted(added)} in securityContext.capabilities.add`,
            fix: ['add'],
          });
        }
        return found;
      }),
  },
] as const satisfies readonly CheckDefinition[];

/** The ids of the Pod Security rules, one per check. */
export type PodSecurityRule = (typeof CHECKS)[number]['rule'];

// One rule per check. Their level comes from the podSecurity settings
// (enforce: error, warn and audit: warning), not from `severity`; without
// a level set for a Pod, none of them reports anything.
export const POD_SECURITY_RULES: readonly (RuleDefinition & { readonly id: PodSecurityRule })[] = defineRules(
  CHECKS.map((check) => ({
    id: check.rule,
    severity: 'error',
    category: 'pod-security',
    summary: `Pod Security ${check.level}, check \`${check.id}\` ("${check.reason}"): ${check.asks}`,
    why: check.why,
    fix: check.fix,
    see: `${STANDARD}#${check.level}`,
  })),
);

/** The rule of the `pod-security.kubernetes.io/*` labels of the app's Namespaces. */
export const POD_SECURITY_LABEL_RULES = defineRules([
  {
    id: 'pod-security-label',
    severity: 'error',
    summary:
      'The `pod-security.kubernetes.io/*` labels of a Namespace in the app name a level (`privileged`, `baseline`, `restricted`) and a version (`latest`, `v1.27`).',
    why: 'The admission reads a level it cannot parse as `restricted` (enforce and warn) or `privileged` (audit), and a version as `latest`: rarely what was meant.',
    fix: 'Correct the label value on the Namespace.',
    see: 'https://kubernetes.io/docs/concepts/security/pod-security-admission/#pod-security-admission-labels-for-namespaces',
  },
] as const);

/** The id of the rule of the Namespace labels. */
export type PodSecurityLabelRule = (typeof POD_SECURITY_LABEL_RULES)[number]['id'];

function quoted(values: readonly unknown[]): string {
  return [...new Set(values.map((value) => JSON.stringify(String(value))))].join(', ');
}

/**
 * The minor version of a `pod-security.kubernetes.io/*-version` value
 * (`latest` is {@link LATEST_POD_SECURITY_MINOR}), or `undefined` when it
 * is not one.
 */
export function podSecurityMinor(version: string): number | undefined {
  const match = /^v1\.(0|[1-9][0-9]*)$/.exec(version);
  return version === 'latest' ? LATEST_POD_SECURITY_MINOR : match ? Number(match[1]) : undefined;
}

/** A rendered Pod: its spec, where it is, and its annotations. */
export interface RenderedPod {
  /** The Pod spec as rendered: any JSON is read without throwing. */
  readonly spec: unknown;
  /** Its field path in the manifest: `spec`, `spec.template.spec`, … */
  readonly at: string;
  /** The Pod's annotations (a template's for a workload). */
  readonly annotations?: { readonly [key: string]: unknown };
}

/** The field path of the metadata that goes with the Pod spec at `at`. */
export function podMetadataPath(at: string): string {
  return at === 'spec' ? 'metadata' : at.replace(/\.spec$/, '.metadata');
}

/**
 * Every violation of the standard at `level` (of version `minor`) in a
 * rendered Pod, in the order of the admission's checks. `privileged`
 * forbids nothing; `restricted` runs the baseline checks too, except those
 * a restricted check replaces.
 */
export function podSecurityViolations(pod: RenderedPod, level: PodSecurityLevel, minor = LATEST_POD_SECURITY_MINOR): PodSecurityViolation[] {
  if (level === 'privileged') {
    return [];
  }
  const all: readonly CheckDefinition[] = CHECKS;
  const checks = all.filter((check) => minor >= (check.since ?? 0) && (check.level === 'baseline' || level === 'restricted'));
  const replaced = new Set(checks.map((check) => (level === 'restricted' ? check.overrides : undefined)));
  const facts = securityFacts(pod.spec, pod.at);
  const input: CheckInput = {
    facts,
    spec: objectAt(pod.spec),
    annotations: objectAt(pod.annotations),
    annotationsAt: `${podMetadataPath(pod.at)}.annotations`,
    at: pod.at,
    minor,
  };
  const violations: PodSecurityViolation[] = [];
  for (const check of checks) {
    if (replaced.has(check.id) || (facts.windows && check.windowsExemptSince !== undefined && minor >= check.windowsExemptSince)) {
      continue;
    }
    for (const finding of check.find(input)) {
      // A finding names the arguments of its check's own fixFor.
      const fixFor = check.fixFor as ((...args: readonly string[]) => string) | undefined;
      const fix = finding.fix !== undefined && fixFor !== undefined ? fixFor(...finding.fix) : fixOf(check.rule);
      violations.push({
        check: check.id,
        rule: check.rule,
        level: check.level,
        field: finding.field,
        reason: check.reason,
        detail: finding.detail,
        fix,
      });
    }
  }
  return violations;
}
/** The highest level of the standard (of version `minor`) that a rendered Pod meets. */
export function podSecurityLevelOf(pod: RenderedPod, minor = LATEST_POD_SECURITY_MINOR): PodSecurityLevel {
  if (podSecurityViolations(pod, 'restricted', minor).length === 0) {
    return 'restricted';
  }
  return podSecurityViolations(pod, 'baseline', minor).length === 0 ? 'baseline' : 'privileged';
}

/** Whether level `a` allows less than, or as much as, level `b`. */
export function atLeast(a: PodSecurityLevel, b: PodSecurityLevel): boolean {
  return POD_SECURITY_LEVELS.indexOf(a) >= POD_SECURITY_LEVELS.indexOf(b);
}
