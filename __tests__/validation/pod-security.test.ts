import { PodSecurityLevel, podSecurityLevelOf, podSecurityViolations } from '../../lib';

/* eslint-disable @typescript-eslint/no-explicit-any -- Pod specs are written by hand as plain JSON */

/** A Pod spec that meets restricted: each test changes one thing of it. */
function restricted(): any {
  return {
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [{ name: 'app', image: 'app:1.0', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
  };
}

/** The violations of a spec at a level, as `field: reason (detail)`. */
function violations(spec: any, level: PodSecurityLevel = 'restricted', options: { annotations?: any; minor?: number; at?: string } = {}): string[] {
  return podSecurityViolations({ spec, at: options.at ?? 'spec', annotations: options.annotations }, level, options.minor).map(
    (v) => `${v.field}: ${v.reason} (${v.detail}) [${v.check}, ${v.rule}]`,
  );
}

function withContainer(change: (sc: any, container: any) => void): any {
  const spec = restricted();
  change(spec.containers[0].securityContext, spec.containers[0]);
  return spec;
}

function withPod(change: (sc: any, spec: any) => void): any {
  const spec = restricted();
  change(spec.securityContext, spec);
  return spec;
}

test('the restricted Pod passes every level', () => {
  expect(violations(restricted())).toEqual([]);
  expect(violations(restricted(), 'baseline')).toEqual([]);
  expect(podSecurityLevelOf({ spec: restricted(), at: 'spec' })).toBe('restricted');
});

test('privileged forbids nothing', () => {
  expect(violations({ hostNetwork: true, containers: [{ name: 'a', securityContext: { privileged: true } }] }, 'privileged')).toEqual([]);
});

describe('baseline checks', () => {
  test('hostNamespaces: each host namespace set to true, not false', () => {
    expect(violations(withPod((_, spec) => Object.assign(spec, { hostNetwork: true, hostPID: true, hostIPC: true })))).toEqual([
      'spec.hostNetwork: host namespaces (hostNetwork) [hostNamespaces, pss-host-namespaces]',
      'spec.hostPID: host namespaces (hostPID) [hostNamespaces, pss-host-namespaces]',
      'spec.hostIPC: host namespaces (hostIPC) [hostNamespaces, pss-host-namespaces]',
    ]);
    expect(violations(withPod((_, spec) => Object.assign(spec, { hostNetwork: false, hostPID: false, hostIPC: false })))).toEqual([]);
  });

  test('privileged: true fails, false passes; init and ephemeral containers are checked too', () => {
    const spec = withContainer((sc) => (sc.privileged = false));
    expect(violations(spec)).toEqual([]);
    spec.initContainers = [{ name: 'setup', securityContext: { ...spec.containers[0].securityContext, privileged: true } }];
    spec.ephemeralContainers = [{ name: 'debug', securityContext: { ...spec.containers[0].securityContext, privileged: true } }];
    expect(violations(spec, 'baseline')).toEqual([
      'spec.initContainers[0].securityContext.privileged: privileged (container "setup" must not set securityContext.privileged=true) [privileged, pss-privileged]',
      'spec.ephemeralContainers[0].securityContext.privileged: privileged (container "debug" must not set securityContext.privileged=true) [privileged, pss-privileged]',
    ]);
  });

  test('capabilities_baseline: the default set may be added, anything else not', () => {
    const defaults = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];
    expect(violations(withContainer((sc) => (sc.capabilities.add = defaults)), 'baseline')).toEqual([]);
    expect(violations(withContainer((sc) => (sc.capabilities.add = ['NET_RAW', 'CHOWN', 'SYS_ADMIN'])), 'baseline')).toEqual([
      'spec.containers[0].securityContext.capabilities.add: non-default capabilities (container "app" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add) [capabilities_baseline, pss-capabilities-baseline]',
    ]);
  });

  test('hostPathVolumes: a hostPath volume fails baseline; restricted reports it once, as a restricted volume type', () => {
    const spec = withPod((_, s) => (s.volumes = [{ name: 'data', hostPath: { path: '/data/mysql' } }, { name: 'tmp', emptyDir: {} }]));
    expect(violations(spec, 'baseline')).toEqual(['spec.volumes[0].hostPath: hostPath volumes (volume "data") [hostPathVolumes, pss-host-path-volumes]']);
    expect(violations(spec)).toEqual([
      'spec.volumes[0].hostPath: restricted volume types (volume "data" has a restricted type (hostPath)) [restrictedVolumes, pss-restricted-volumes]',
    ]);
    expect(violations(withPod((_, s) => (s.volumes = [{ name: 'tmp', emptyDir: {} }])), 'baseline')).toEqual([]);
  });

  test('hostPorts: any hostPort but 0', () => {
    expect(violations(withContainer((_, c) => (c.ports = [{ containerPort: 80, hostPort: 0 }])))).toEqual([]);
    expect(violations(withContainer((_, c) => (c.ports = [{ containerPort: 80 }, { containerPort: 81, hostPort: 8081 }])))).toEqual([
      'spec.containers[0].ports[1].hostPort: hostPort (container "app" uses hostPort 8081) [hostPorts, pss-host-ports]',
    ]);
  });

  test('appArmorProfile: runtime/default, localhost/* and empty pass; anything else fails', () => {
    const key = 'container.apparmor.security.beta.kubernetes.io/app';
    for (const value of ['runtime/default', 'localhost/my-profile', '']) {
      expect(violations(restricted(), 'baseline', { annotations: { [key]: value } })).toEqual([]);
    }
    expect(violations(restricted(), 'baseline', { annotations: { [key]: 'unconfined' }, at: 'spec.template.spec' })).toEqual([
      `spec.template.metadata.annotations[${key}]: forbidden AppArmor profile (${key}="unconfined") [appArmorProfile, pss-app-armor-profile]`,
    ]);
  });

  test('seLinuxOptions: the allowed types and a level pass; another type, a user or a role fails', () => {
    for (const type of ['container_t', 'container_init_t', 'container_kvm_t', '']) {
      expect(violations(withPod((sc) => (sc.seLinuxOptions = { type, level: 's0:c123,c456' })))).toEqual([]);
    }
    expect(violations(withPod((sc) => (sc.seLinuxOptions = { type: 'spc_t' })))).toEqual([
      'spec.securityContext.seLinuxOptions.type: seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "spc_t") [seLinuxOptions, pss-se-linux-options]',
    ]);
    expect(violations(withContainer((sc) => (sc.seLinuxOptions = { user: 'system_u', role: 'system_r' })))).toEqual([
      'spec.containers[0].securityContext.seLinuxOptions.user: seLinuxOptions (container "app" set forbidden securityContext.seLinuxOptions: user may not be set) [seLinuxOptions, pss-se-linux-options]',
      'spec.containers[0].securityContext.seLinuxOptions.role: seLinuxOptions (container "app" set forbidden securityContext.seLinuxOptions: role may not be set) [seLinuxOptions, pss-se-linux-options]',
    ]);
    // container_engine_t joined the allowed types in v1.31.
    expect(violations(withPod((sc) => (sc.seLinuxOptions = { type: 'container_engine_t' })))).toHaveLength(1);
    expect(violations(withPod((sc) => (sc.seLinuxOptions = { type: 'container_engine_t' })), 'restricted', { minor: 31 })).toEqual([]);
  });

  test('procMount: Default passes, Unmasked fails', () => {
    expect(violations(withContainer((sc) => (sc.procMount = 'Default')))).toEqual([]);
    expect(violations(withContainer((sc) => (sc.procMount = 'Unmasked')))).toEqual([
      'spec.containers[0].securityContext.procMount: procMount (container "app" must not set securityContext.procMount to "Unmasked") [procMount, pss-proc-mount]',
    ]);
  });

  test('seccompProfile_baseline: unset, RuntimeDefault and Localhost pass; Unconfined fails', () => {
    const spec = (type: string | undefined) => ({ containers: [{ name: 'app', securityContext: type === undefined ? {} : { seccompProfile: { type } } }] });
    expect(violations(spec(undefined), 'baseline')).toEqual([]);
    expect(violations(spec('RuntimeDefault'), 'baseline')).toEqual([]);
    expect(violations(spec('Localhost'), 'baseline')).toEqual([]);
    expect(violations(spec('Unconfined'), 'baseline')).toEqual([
      'spec.containers[0].securityContext.seccompProfile.type: seccompProfile (container "app" must not set securityContext.seccompProfile.type to "Unconfined") [seccompProfile_baseline, pss-seccomp-profile-baseline]',
    ]);
  });

  test('seccompProfile_baseline before v1.19 reads the seccomp annotations', () => {
    const annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined', 'container.seccomp.security.alpha.kubernetes.io/app': 'docker/default' };
    expect(violations({ containers: [{ name: 'app' }] }, 'baseline', { annotations, minor: 18 })).toEqual([
      'metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: seccompProfile (seccomp.security.alpha.kubernetes.io/pod="unconfined") [seccompProfile_baseline, pss-seccomp-profile-baseline]',
    ]);
  });

  test('sysctls: the safe set passes (ip_local_reserved_ports since v1.27); others fail', () => {
    const safe = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.ip_local_reserved_ports'];
    const spec = withPod((sc) => (sc.sysctls = safe.map((name) => ({ name, value: '1' }))));
    expect(violations(spec)).toEqual([]);
    expect(violations(spec, 'baseline', { minor: 26 })).toEqual([
      'spec.securityContext.sysctls[5].name: forbidden sysctls (net.ipv4.ip_local_reserved_ports) [sysctls, pss-sysctls]',
    ]);
    expect(violations(withPod((sc) => (sc.sysctls = [{ name: 'kernel.msgmax', value: '65536' }])))).toEqual([
      'spec.securityContext.sysctls[0].name: forbidden sysctls (kernel.msgmax) [sysctls, pss-sysctls]',
    ]);
  });

  test('windowsHostProcess: hostProcess true fails on the Pod or a container, false passes', () => {
    expect(violations(withPod((sc) => (sc.windowsOptions = { hostProcess: false })))).toEqual([]);
    expect(violations(withPod((sc) => (sc.windowsOptions = { hostProcess: true })))).toEqual([
      'spec.securityContext.windowsOptions.hostProcess: hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true) [windowsHostProcess, pss-windows-host-process]',
    ]);
    expect(violations(withContainer((sc) => (sc.windowsOptions = { hostProcess: true })))).toEqual([
      'spec.containers[0].securityContext.windowsOptions.hostProcess: hostProcess (container "app" must not set securityContext.windowsOptions.hostProcess=true) [windowsHostProcess, pss-windows-host-process]',
    ]);
  });
});

describe('restricted checks', () => {
  test('restrictedVolumes: the eight allowed types pass, any other fails', () => {
    const allowed = [
      { name: 'a', configMap: { name: 'c' } },
      { name: 'b', csi: { driver: 'd' } },
      { name: 'c', downwardAPI: {} },
      { name: 'd', emptyDir: {} },
      { name: 'e', ephemeral: { volumeClaimTemplate: { spec: {} } } },
      { name: 'f', persistentVolumeClaim: { claimName: 'c' } },
      { name: 'g', projected: { sources: [] } },
      { name: 'h', secret: { secretName: 's' } },
    ];
    expect(violations(withPod((_, s) => (s.volumes = allowed)))).toEqual([]);
    expect(violations(withPod((_, s) => (s.volumes = [{ name: 'share', nfs: { server: 'nfs', path: '/' } }])))).toEqual([
      'spec.volumes[0].nfs: restricted volume types (volume "share" has a restricted type (nfs)) [restrictedVolumes, pss-restricted-volumes]',
    ]);
    expect(violations(withPod((_, s) => (s.volumes = [{ name: 'share', nfs: { server: 'nfs', path: '/' } }])), 'baseline')).toEqual([]);
  });

  test('allowPrivilegeEscalation: only false passes; a Windows Pod is exempt', () => {
    expect(violations(withContainer((sc) => delete sc.allowPrivilegeEscalation))).toEqual([
      'spec.containers[0].securityContext.allowPrivilegeEscalation: allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false) [allowPrivilegeEscalation, pss-allow-privilege-escalation]',
    ]);
    expect(violations(withContainer((sc) => (sc.allowPrivilegeEscalation = true)))).toHaveLength(1);
    expect(violations(withContainer((sc, c) => (delete sc.allowPrivilegeEscalation, (c.name = 'win'))), 'restricted', {})).toHaveLength(1);
    const windows = withContainer((sc) => delete sc.allowPrivilegeEscalation);
    windows.os = { name: 'windows' };
    expect(violations(windows)).toEqual([]);
    // The exemption came with v1.25.
    expect(violations(windows, 'restricted', { minor: 24 })).toHaveLength(1);
  });

  test('runAsNonRoot: true on the Pod or on every container; false anywhere fails; a non-zero runAsUser alone does not count', () => {
    const onContainers = withPod((sc) => delete sc.runAsNonRoot);
    onContainers.containers[0].securityContext.runAsNonRoot = true;
    expect(violations(onContainers)).toEqual([]);
    expect(violations(withPod((sc) => ((sc.runAsNonRoot = undefined), (sc.runAsUser = 1000))))).toEqual([
      'spec.containers[0].securityContext.runAsNonRoot: runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true) [runAsNonRoot, pss-run-as-non-root]',
    ]);
    expect(violations(withContainer((sc) => (sc.runAsNonRoot = false)))).toEqual([
      'spec.containers[0].securityContext.runAsNonRoot: runAsNonRoot != true (container "app" must not set securityContext.runAsNonRoot=false) [runAsNonRoot, pss-run-as-non-root]',
    ]);
    expect(violations(withPod((sc) => (sc.runAsNonRoot = false)))).toEqual([
      'spec.securityContext.runAsNonRoot: runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false) [runAsNonRoot, pss-run-as-non-root]',
      'spec.containers[0].securityContext.runAsNonRoot: runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true) [runAsNonRoot, pss-run-as-non-root]',
    ]);
  });

  test('runAsUser: 0 fails on the Pod or a container (since v1.23), any other id passes', () => {
    expect(violations(withPod((sc) => (sc.runAsUser = 1)))).toEqual([]);
    expect(violations(withPod((sc) => (sc.runAsUser = 0)))).toEqual(['spec.securityContext.runAsUser: runAsUser=0 (pod must not set runAsUser=0) [runAsUser, pss-run-as-user]']);
    expect(violations(withContainer((sc) => (sc.runAsUser = 0)))).toEqual([
      'spec.containers[0].securityContext.runAsUser: runAsUser=0 (container "app" must not set runAsUser=0) [runAsUser, pss-run-as-user]',
    ]);
    expect(violations(withPod((sc) => (sc.runAsUser = 0)), 'restricted', { minor: 22 })).toEqual([]);
  });

  test('seccompProfile_restricted: RuntimeDefault or Localhost on the Pod or every container; unset or Unconfined fails', () => {
    const onContainers = withPod((sc) => delete sc.seccompProfile);
    onContainers.containers[0].securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'profiles/app.json' };
    expect(violations(onContainers)).toEqual([]);
    expect(violations(withPod((sc) => delete sc.seccompProfile))).toEqual([
      'spec.containers[0].securityContext.seccompProfile: seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost") [seccompProfile_restricted, pss-seccomp-profile-restricted]',
    ]);
    // One message for Unconfined, not a second from the baseline check that restricted replaces.
    expect(violations(withContainer((sc) => (sc.seccompProfile = { type: 'Unconfined' })))).toEqual([
      'spec.containers[0].securityContext.seccompProfile.type: seccompProfile (container "app" must not set securityContext.seccompProfile.type to "Unconfined") [seccompProfile_restricted, pss-seccomp-profile-restricted]',
    ]);
    const windows = withPod((sc, s) => (delete sc.seccompProfile, (s.os = { name: 'windows' })));
    expect(violations(windows)).toEqual([]);
  });

  test('capabilities_restricted: drop ALL (exactly that string), add at most NET_BIND_SERVICE', () => {
    expect(violations(withContainer((sc) => (sc.capabilities = { drop: ['ALL'], add: ['NET_BIND_SERVICE'] })))).toEqual([]);
    expect(violations(withContainer((sc) => (sc.capabilities = { drop: ['all'], add: ['CHOWN'] })))).toEqual([
      'spec.containers[0].securityContext.capabilities.drop: unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]) [capabilities_restricted, pss-capabilities-restricted]',
      'spec.containers[0].securityContext.capabilities.add: unrestricted capabilities (container "app" must not include "CHOWN" in securityContext.capabilities.add) [capabilities_restricted, pss-capabilities-restricted]',
    ]);
    expect(violations(withContainer((sc) => delete sc.capabilities))).toHaveLength(1);
    // Before v1.22 restricted had no capability check of its own: the baseline one applies.
    expect(violations(withContainer((sc) => (sc.capabilities = { add: ['CHOWN'] })), 'restricted', { minor: 21 })).toEqual([]);
  });
});

test('the level of a Pod is the highest whose checks it passes', () => {
  expect(podSecurityLevelOf({ spec: { containers: [{ name: 'app' }] }, at: 'spec' })).toBe('baseline');
  expect(podSecurityLevelOf({ spec: { hostPID: true, containers: [{ name: 'app' }] }, at: 'spec' })).toBe('privileged');
});
