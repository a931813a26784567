/**
 * The Pod-level `securityContext` and `os`, checked as the API server
 * checks them: validatePodSpecSecurityContext (user and group IDs,
 * `fsGroupChangePolicy`, `sysctls` by validateSysctls and
 * ValidateHostSysctl, `seccompProfile` by validateSeccompProfileField,
 * `windowsOptions` by validateWindowsSecurityContextOptions), validateOS
 * with validateLinux and validateWindows; and the kubelet's refusal to
 * start a container that must run as non-root with user 0.
 */

// A Pod's `os.name` takes the values nodes report in kubernetes.io/os.
import { NODE_OPERATING_SYSTEMS } from '../node-selector';
import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { securityFacts, SecurityFacts } from './_security-facts';
import { checkInteger, quoteValue } from './_integer';
import { checkEnum, checkName } from './_field-checks';
import { FirstIndex } from './_first-index';
import { descendingPathError } from './names';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
import { defineRules, ruleIn } from './rules';

/** When the kubelet changes the owner of a volume's files to the fsGroup. */
export const FS_GROUP_CHANGE_POLICIES = ['OnRootMismatch', 'Always'] as const;
/** The kinds of seccomp profile. */
export const SECCOMP_PROFILE_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'] as const;

/** The user and group IDs of IsValidUserID and IsValidGroupID: 0 to the largest int32. */
export const ID_RANGE = { min: 0, max: 2147483647 } as const;
const SYSCTL_NAME = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;
const SYSCTL_MAX_LENGTH = 253;
const SYSCTL_FORM = 'is not a sysctl name: lower-case letters, digits, "-" and "_" in parts joined by "." or "/"';
// The namespaced sysctls the node's namespace would be changed by (utilsysctl.GetNamespace).
const IPC_SYSCTL_PREFIXES = ['kernel.shm', 'kernel.msg', 'fs.mqueue.'];
const IPC_SYSCTLS = ['kernel.sem'];

// validateWindowsSecurityContextOptions.
const MAX_GMSA_SPEC_LENGTH = 64 * 1024;
const MAX_DOMAIN_LENGTH = 256;
const MAX_USER_LENGTH = 104;
const NETBIOS_DOMAIN = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
const DNS_DOMAIN = /^(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])$/;
const USER_FORBIDDEN_CHARS = /["/\\:;|=,+*?<>@[\]]/;
// eslint-disable-next-line no-control-regex -- the API server refuses control characters
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

// The Pod securityContext fields os: windows forbids (validateWindows).
const WINDOWS_FORBIDDEN_POD_FIELDS = [
  'appArmorProfile',
  'seLinuxOptions',
  'seccompProfile',
  'fsGroup',
  'fsGroupChangePolicy',
  'sysctls',
  'runAsUser',
  'runAsGroup',
  'supplementalGroups',
  'supplementalGroupsPolicy',
  'seLinuxChangePolicy',
] as const;
const WINDOWS_FORBIDDEN_SPEC_FIELDS = ['hostUsers', 'hostPID', 'hostIPC', 'shareProcessNamespace'] as const;
const WINDOWS_FORBIDDEN_CONTAINER_FIELDS = [
  'appArmorProfile',
  'seLinuxOptions',
  'seccompProfile',
  'capabilities',
  'readOnlyRootFilesystem',
  'privileged',
  'allowPrivilegeEscalation',
  'procMount',
  'runAsUser',
  'runAsGroup',
] as const;
const ID_FIELDS = ['runAsUser', 'runAsGroup', 'fsGroup'] as const;

/** The rules of the Pod securityContext and os. */
export const POD_SECURITY_CONTEXT_RULES = defineRules([
  {
    id: 'pod-security-context',
    severity: 'error',
    category: 'api-server',
    summary:
      '`runAsUser`, `runAsGroup`, `fsGroup` and each of `supplementalGroups` is a whole number from 0 to 2147483647; `windowsOptions` has a DNS-subdomain `gmsaCredentialSpecName`, a `gmsaCredentialSpec` of 1 byte to 64 KiB and a `runAsUserName` of the form `[DOMAIN\\]USER`.',
    why: 'The API server refuses the Pod (validatePodSpecSecurityContext: "must be between 0 and 2147483647, inclusive"; validateWindowsSecurityContextOptions: "runAsUserName cannot contain more than one backslash", …).',
    ...fixByCase(
      {
        id: 'use a user or group ID from 0 to 2147483647',
        gmsaName: 'name the GMSACredentialSpec object by its metadata.name',
        gmsaSpec: 'give the credential spec JSON, or name it with gmsaCredentialSpecName',
        user: 'write a Windows user as "USER" or "DOMAIN\\\\USER", such as "ContainerUser"',
      },
      {},
    ),
    see: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  },
  {
    id: 'seccomp-profile',
    severity: 'error',
    category: 'api-server',
    summary:
      'A `seccompProfile` has a `type` Localhost, RuntimeDefault or Unconfined, and a relative `localhostProfile` without `..` exactly when the type is Localhost.',
    why: 'The API server refuses the Pod (validateSeccompProfileField): "type is required when seccompProfile is set", "must be set when seccomp type is Localhost", "can only be set when seccomp type is Localhost".',
    ...fixByCase(
      {
        type: 'set type: "RuntimeDefault" for the runtime\'s profile, or "Localhost" with a localhostProfile',
        missing: 'give the path of the profile under the kubelet\'s seccomp directory, such as "profiles/app.json"',
        path: 'write a path relative to the kubelet\'s seccomp directory, without ".."',
        notLocalhost: 'remove localhostProfile, or set type: "Localhost"',
      },
      {},
    ),
    see: 'https://kubernetes.io/docs/tutorials/security/seccomp/',
  },
  {
    id: 'sysctl',
    severity: 'error',
    category: 'api-server',
    summary:
      'Each of `sysctls` has a name of at most 253 characters in the sysctl form (`net.core.somaxconn`), no name twice, no `net.*` under hostNetwork and no IPC sysctl under hostIPC.',
    why: 'The API server refuses the Pod (validateSysctls, ValidateHostSysctl): "must have at most 253 characters and match regex …", "Duplicate value", "may not be specified when \'hostNetwork\' is true".',
    ...fixByCase(
      {
        unnamed: 'name the kernel parameter, such as "net.core.somaxconn"',
        form: 'write it as sysctl -a lists it, such as "net.ipv4.ip_local_port_range"',
        twice: 'set each sysctl once',
        hostNetwork: 'remove the sysctl, or hostNetwork',
        hostIPC: 'remove the sysctl, or hostIPC',
      },
      {},
    ),
    see: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
  },
  {
    id: 'run-as-non-root-user-zero',
    severity: 'error',
    category: 'peapod',
    summary: 'No container must run as non-root (`runAsNonRoot: true`) while its user is 0 (`runAsUser: 0`), at Pod or container level.',
    why: 'The API server accepts it, but the kubelet refuses to start the container: "container\'s runAsUser breaks non-root policy". The Pod never runs.',
    fix: 'Set runAsUser to a non-zero user ID, such as 1000, or drop runAsNonRoot.',
    see: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  },
  {
    id: 'pod-os',
    severity: 'error',
    category: 'api-server',
    summary:
      '`os.name` is linux or windows; a windows Pod sets none of the Linux-only fields (seLinuxOptions, seccompProfile, fsGroup, sysctls, runAsUser, hostPID, capabilities, privileged, …), a linux Pod no `windowsOptions`.',
    why: 'The API server refuses the Pod (validateOS, validateWindows, validateLinux): "cannot be set for a windows pod", "windows options cannot be set for a linux pod".',
    ...fixByCase(
      {
        unnamed: 'set os: { name: "linux" } or { name: "windows" }, or remove os',
        forbidden: (field: string, os: string) => `remove ${field}, or declare os: { name: "${os}" }`,
      },
      { forbidden: ['the field', 'linux'] },
    ),
    see: 'https://kubernetes.io/docs/concepts/workloads/pods/#pod-os',
  },
]);

const CONTEXT = ruleIn(POD_SECURITY_CONTEXT_RULES, 'pod-security-context');
const SECCOMP = ruleIn(POD_SECURITY_CONTEXT_RULES, 'seccomp-profile');
const SYSCTL = ruleIn(POD_SECURITY_CONTEXT_RULES, 'sysctl');
const OS = ruleIn(POD_SECURITY_CONTEXT_RULES, 'pod-os');

/** Checks the Pod securityContext and os of the Pod spec `spec` at field path `at`. */
export function validatePodSecurityContext(spec: Unvalidated<k8s.PodSpec>, at: string, report: RuleReport): void {
  const sc = spec.securityContext;
  const scAt = `${at}.securityContext`;
  if (sc != null) {
    // Each field is looked at before its path is written out: most Pods set few of them.
    for (const field of ID_FIELDS) {
      if (sc[field] !== undefined) {
        checkInteger(sc[field], { rule: 'pod-security-context', at: `${scAt}.${field}`, what: field, range: ID_RANGE, fix: CONTEXT.fixFor('id') }, report);
      }
    }
    const groups = sc.supplementalGroups ?? [];
    for (let i = 0; i < groups.length; i++) {
      checkInteger(
        groups[i],
        { rule: 'pod-security-context', at: `${scAt}.supplementalGroups[${i}]`, what: 'supplemental group', range: ID_RANGE, fix: CONTEXT.fixFor('id') },
        report,
      );
    }
    checkEnum(sc.fsGroupChangePolicy, FS_GROUP_CHANGE_POLICIES, `${scAt}.fsGroupChangePolicy`, 'fsGroupChangePolicy', report);
    validateSysctls(spec, sc.sysctls ?? [], `${scAt}.sysctls`, report);
    validateSeccompProfile(sc.seccompProfile, `${scAt}.seccompProfile`, report);
    validateWindowsOptions(sc.windowsOptions, `${scAt}.windowsOptions`, report);
  }
  // The containers are read once for these checks and the lints (pod-lints.ts).
  const facts = securityFacts(spec, at);
  checkRunAsNonRoot(facts, at, report);
  validateOs(spec, facts, at, report);
}

function validateSysctls(spec: Unvalidated<k8s.PodSpec>, sysctls: readonly Unvalidated<k8s.Sysctl>[], at: string, report: RuleReport): void {
  const names = new FirstIndex(sysctls, 'name', true);
  for (let i = 0; i < sysctls.length; i++) {
    const { name } = sysctls[i];
    const nameAt = `${at}[${i}].name`;
    if (!name) {
      report.error('sysctl', nameAt, `sysctl ${i} has no name`, SYSCTL.fixFor('unnamed'));
      continue;
    }
    if (name.length > SYSCTL_MAX_LENGTH || !SYSCTL_NAME.test(name)) {
      const wrong = name.length > SYSCTL_MAX_LENGTH ? `is ${name.length} characters long; at most ${SYSCTL_MAX_LENGTH} are allowed` : SYSCTL_FORM;
      report.error('sysctl', nameAt, `sysctl name "${name}" ${wrong}`, SYSCTL.fixFor('form'));
      continue;
    }
    const first = names.firstBefore(name, i);
    if (first >= 0) {
      report.error('sysctl', nameAt, `sysctl "${name}" is already set at ${at}[${first}]`, SYSCTL.fixFor('twice'));
    }
    const dotted = name.replace(/\//g, '.');
    if (spec.hostNetwork === true && dotted.startsWith('net.')) {
      report.error(
        'sysctl',
        nameAt,
        `sysctl "${name}" is set while the Pod uses hostNetwork, so it would change the node's network`,
        SYSCTL.fixFor('hostNetwork'),
      );
    }
    if (spec.hostIPC === true && (IPC_SYSCTLS.includes(dotted) || IPC_SYSCTL_PREFIXES.some((prefix) => dotted.startsWith(prefix)))) {
      report.error(
        'sysctl',
        nameAt,
        `sysctl "${name}" is set while the Pod uses hostIPC, so it would change the node's IPC namespace`,
        SYSCTL.fixFor('hostIPC'),
      );
    }
  }
}

/**
 * Checks a `seccompProfile` (of a Pod or a container) at field path `at`,
 * as validateSeccompProfileField does. A profile left out is fine.
 */
export function validateSeccompProfile(profile: Unvalidated<k8s.SeccompProfile> | undefined, at: string, report: RuleReport): void {
  if (profile == null) {
    return;
  }
  const { type, localhostProfile } = profile;
  if (!type) {
    report.error('seccomp-profile', `${at}.type`, 'seccompProfile has no type', SECCOMP.fixFor('type'));
  } else {
    checkEnum(type, SECCOMP_PROFILE_TYPES, `${at}.type`, 'seccompProfile type', report);
  }
  const wrong = localhostProfile == null ? undefined : descendingPathError(localhostProfile);
  if (type === 'Localhost' && localhostProfile == null) {
    report.error('seccomp-profile', `${at}.localhostProfile`, 'seccompProfile has type "Localhost" and no localhostProfile', SECCOMP.fixFor('missing'));
  } else if (type === 'Localhost' && wrong !== undefined) {
    report.error('seccomp-profile', `${at}.localhostProfile`, `localhostProfile ${quoteValue(localhostProfile)} ${wrong}`, SECCOMP.fixFor('path'));
  } else if (type !== 'Localhost' && localhostProfile != null) {
    report.error(
      'seccomp-profile',
      `${at}.localhostProfile`,
      `seccompProfile has type ${quoteValue(type)} and a localhostProfile; it is read only with type "Localhost"`,
      SECCOMP.fixFor('notLocalhost'),
    );
  }
}

/**
 * Checks `windowsOptions` (of a Pod or a container) at field path `at`, as
 * validateWindowsSecurityContextOptions does.
 */
export function validateWindowsOptions(options: Unvalidated<k8s.WindowsSecurityContextOptions> | undefined, at: string, report: RuleReport): void {
  if (options == null) {
    return;
  }
  const { gmsaCredentialSpecName, gmsaCredentialSpec: spec, runAsUserName } = options;
  checkName(
    gmsaCredentialSpecName,
    'dns-subdomain',
    { rule: 'pod-security-context', at: `${at}.gmsaCredentialSpecName`, what: 'gmsaCredentialSpecName', fix: CONTEXT.fixFor('gmsaName') },
    report,
  );
  if (spec !== undefined && (spec.length === 0 || Buffer.byteLength(spec) > MAX_GMSA_SPEC_LENGTH)) {
    const size = spec.length === 0 ? 'empty' : `${Buffer.byteLength(spec)} bytes long; it must be under 64 KiB`;
    report.error('pod-security-context', `${at}.gmsaCredentialSpec`, `gmsaCredentialSpec is ${size}`, CONTEXT.fixFor('gmsaSpec'));
  }
  const wrong = runAsUserName === undefined ? undefined : windowsUserNameError(runAsUserName);
  if (wrong !== undefined) {
    report.error('pod-security-context', `${at}.runAsUserName`, `runAsUserName ${quoteValue(runAsUserName)} ${wrong}`, CONTEXT.fixFor('user'));
  }
}

function windowsUserNameError(name: string): string | undefined {
  if (name.length === 0) {
    return 'is empty';
  }
  if (CONTROL_CHARS.test(name)) {
    return 'holds control characters';
  }
  const parts = name.split('\\');
  if (parts.length > 2) {
    return 'holds more than one backslash';
  }
  const [domain, user] = parts.length === 1 ? [undefined, parts[0]] : parts;
  if (domain !== undefined && domain.length >= MAX_DOMAIN_LENGTH) {
    return `has a domain of ${domain.length} characters; it must be under ${MAX_DOMAIN_LENGTH}`;
  }
  if (domain !== undefined && !NETBIOS_DOMAIN.test(domain) && !DNS_DOMAIN.test(domain)) {
    return `has a domain "${domain}" that is neither a NetBIOS nor a DNS name`;
  }
  if (user.length === 0) {
    return 'has an empty user part';
  }
  if (user.length > MAX_USER_LENGTH) {
    return `has a user part of ${user.length} characters; at most ${MAX_USER_LENGTH} are allowed`;
  }
  if (/^[. ]+$/.test(user)) {
    return 'has a user part of only periods and spaces';
  }
  return USER_FORBIDDEN_CHARS.test(user) ? 'has a user part holding one of "/\\:;|=,+*?<>@[]' : undefined;
}

// The kubelet checks each container with the settings in effect for it:
// its own, or the Pod's. Containers that take both from the Pod are
// reported once, at the Pod's runAsUser.
function checkRunAsNonRoot({ pod, containers }: SecurityFacts, at: string, report: RuleReport): void {
  // Without both at Pod level, only containers with a securityContext can break the policy.
  const podBreaks = pod.runAsNonRoot === true && pod.runAsUser === 0;
  let inheriting: string[] | undefined;
  for (const { container, name, path, securityContext: own } of containers) {
    if ((!podBreaks && container.securityContext == null) || (own.runAsNonRoot ?? pod.runAsNonRoot) !== true || (own.runAsUser ?? pod.runAsUser) !== 0) {
      continue;
    }
    if (own.runAsNonRoot === undefined && own.runAsUser === undefined) {
      (inheriting ??= []).push(`"${name}"`);
      continue;
    }
    report.error(
      'run-as-non-root-user-zero',
      own.runAsUser !== undefined ? `${path}.securityContext.runAsUser` : `${at}.securityContext.runAsUser`,
      `container "${name}" must run as non-root (runAsNonRoot: true${own.runAsNonRoot === undefined ? ' from the Pod' : ''}) with runAsUser: 0${own.runAsUser === undefined ? ' from the Pod' : ''}, so the kubelet refuses to start it`,
    );
  }
  if (inheriting !== undefined) {
    report.error(
      'run-as-non-root-user-zero',
      `${at}.securityContext.runAsUser`,
      `the Pod sets runAsNonRoot: true and runAsUser: 0, so the kubelet refuses to start container${inheriting.length === 1 ? '' : 's'} ${inheriting.join(', ')}`,
    );
  }
}

function validateOs(spec: Unvalidated<k8s.PodSpec>, { containers }: SecurityFacts, at: string, report: RuleReport): void {
  if (spec.os == null) {
    return;
  }
  const { name } = spec.os;
  if (!name) {
    report.error('pod-os', `${at}.os.name`, 'os is set without a name', OS.fixFor('unnamed'));
    return;
  }
  if (!(NODE_OPERATING_SYSTEMS as readonly string[]).includes(name)) {
    checkEnum(name, NODE_OPERATING_SYSTEMS, `${at}.os.name`, 'os name', report);
    return;
  }
  // The fields of other Kubernetes versions (appArmorProfile …) are read by name, as the manifest may hold them.
  const sc: Readonly<Record<string, unknown>> = spec.securityContext ?? {};
  if (name === 'linux') {
    if (sc.windowsOptions != null) {
      forbidForOs('linux', `${at}.securityContext.windowsOptions`, report);
    }
    for (const c of containers) {
      if (c.securityContext.windowsOptions != null) {
        forbidForOs('linux', `${c.path}.securityContext.windowsOptions`, report);
      }
    }
    return;
  }
  for (const field of WINDOWS_FORBIDDEN_POD_FIELDS) {
    if (sc[field] != null) {
      forbidForOs('windows', `${at}.securityContext.${field}`, report);
    }
  }
  for (const field of WINDOWS_FORBIDDEN_SPEC_FIELDS) {
    // hostPID and hostIPC count when true; hostUsers and shareProcessNamespace when set at all.
    if (field === 'hostPID' || field === 'hostIPC' ? spec[field] === true : spec[field] != null) {
      forbidForOs('windows', `${at}.${field}`, report);
    }
  }
  for (const c of containers) {
    const csc: Readonly<Record<string, unknown>> = c.securityContext;
    for (const field of WINDOWS_FORBIDDEN_CONTAINER_FIELDS) {
      if (csc[field] != null) {
        forbidForOs('windows', `${c.path}.securityContext.${field}`, report);
      }
    }
  }
}

// The field at the end of `at` cannot be set under the Pod's os.
function forbidForOs(os: 'linux' | 'windows', at: string, report: RuleReport): void {
  const field = at.slice(at.lastIndexOf('.') + 1);
  report.error('pod-os', at, `${field} cannot be set for a Pod with os: ${os}`, OS.fixFor('forbidden', field, os === 'windows' ? 'linux' : 'windows'));
}
