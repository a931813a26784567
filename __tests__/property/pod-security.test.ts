/**
 * Property tests of the Pod Security checks: any Pod built to meet
 * restricted passes every check, and each single mutation of it fails
 * exactly the check named for it, at the level named for it.
 */
import fc from 'fast-check';
import { PodSecurityCheckId, podSecurityLevelOf, podSecurityViolations } from '../../lib';

/* eslint-disable @typescript-eslint/no-explicit-any -- Pod specs are plain JSON */

const NAME = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);

const containerSecurity = fc.record(
  {
    allowPrivilegeEscalation: fc.constant(false),
    capabilities: fc.record({ drop: fc.constantFrom(['ALL'], ['ALL', 'NET_RAW']), add: fc.constantFrom(undefined, [], ['NET_BIND_SERVICE']) }, { requiredKeys: ['drop'] }),
    runAsNonRoot: fc.constantFrom(undefined, true),
    runAsUser: fc.constantFrom(undefined, 1000, 65532),
    privileged: fc.constantFrom(undefined, false),
    procMount: fc.constantFrom(undefined, 'Default'),
    seLinuxOptions: fc.constantFrom(undefined, { type: 'container_t' }, { level: 's0:c1,c2' }),
    readOnlyRootFilesystem: fc.boolean(),
  },
  { requiredKeys: ['allowPrivilegeEscalation', 'capabilities'] },
);

const volume = (name: string) =>
  fc.constantFrom<any>(
    { name, emptyDir: {} },
    { name, configMap: { name: 'config' } },
    { name, secret: { secretName: 'secret' } },
    { name, persistentVolumeClaim: { claimName: 'data' } },
    { name, projected: { sources: [] } },
    { name, downwardAPI: { items: [] } },
    { name, csi: { driver: 'example.com/csi' } },
    { name, ephemeral: { volumeClaimTemplate: { spec: {} } } },
  );

/** A Pod spec that meets restricted, with its annotations. */
const restrictedPod = fc
  .record({
    names: fc.uniqueArray(NAME, { minLength: 1, maxLength: 4 }),
    initCount: fc.nat(1),
    securities: fc.array(containerSecurity, { minLength: 4, maxLength: 4 }),
    seccompOnPod: fc.boolean(),
    seccomp: fc.constantFrom({ type: 'RuntimeDefault' }, { type: 'Localhost', localhostProfile: 'profiles/app.json' }),
    nonRootOnPod: fc.boolean(),
    podUser: fc.constantFrom(undefined, 1000),
    sysctls: fc.subarray(['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_local_reserved_ports']),
    volumes: fc.array(fc.constant(null), { maxLength: 3 }).chain((list) => fc.tuple(...list.map((_, i) => volume(`v${i}`)))),
    port: fc.constantFrom(undefined, { containerPort: 8080 }, { containerPort: 8080, hostPort: 0 }),
    appArmor: fc.constantFrom(undefined, 'runtime/default', 'localhost/app'),
  })
  .map((p) => {
    const containers = p.names.map((name, i) => {
      const securityContext: any = { ...p.securities[i] };
      if (!p.seccompOnPod) {
        securityContext.seccompProfile = p.seccomp;
      }
      if (!p.nonRootOnPod) {
        securityContext.runAsNonRoot = true;
      }
      return { name, image: `${name}:1.0`, securityContext, ...(p.port && i === 0 ? { ports: [p.port] } : {}) };
    });
    const initCount = Math.min(p.initCount, containers.length - 1);
    const spec: any = {
      containers: containers.slice(initCount),
      ...(initCount > 0 ? { initContainers: containers.slice(0, initCount) } : {}),
      securityContext: {
        ...(p.seccompOnPod ? { seccompProfile: p.seccomp } : {}),
        ...(p.nonRootOnPod ? { runAsNonRoot: true } : {}),
        ...(p.podUser !== undefined ? { runAsUser: p.podUser } : {}),
        ...(p.sysctls.length > 0 ? { sysctls: p.sysctls.map((name) => ({ name, value: '1' })) } : {}),
      },
      ...(p.volumes.length > 0 ? { volumes: p.volumes } : {}),
    };
    const annotations = p.appArmor ? { [`container.apparmor.security.beta.kubernetes.io/${p.names[0]}`]: p.appArmor } : undefined;
    return { spec, annotations };
  });

interface Mutation {
  readonly name: string;
  /** The check restricted fails on. */
  readonly restricted: PodSecurityCheckId;
  /** The check baseline fails on, for a change baseline forbids too. */
  readonly baseline?: PodSecurityCheckId;
  readonly apply: (pod: { spec: any; annotations?: any }, container: any) => void;
}

const MUTATIONS: readonly Mutation[] = [
  { name: 'hostNetwork', restricted: 'hostNamespaces', baseline: 'hostNamespaces', apply: ({ spec }) => (spec.hostNetwork = true) },
  { name: 'hostPID', restricted: 'hostNamespaces', baseline: 'hostNamespaces', apply: ({ spec }) => (spec.hostPID = true) },
  { name: 'privileged', restricted: 'privileged', baseline: 'privileged', apply: (_, c) => (c.securityContext.privileged = true) },
  { name: 'add SYS_ADMIN', restricted: 'capabilities_restricted', baseline: 'capabilities_baseline', apply: (_, c) => (c.securityContext.capabilities.add = ['SYS_ADMIN']) },
  { name: 'hostPath volume', restricted: 'restrictedVolumes', baseline: 'hostPathVolumes', apply: ({ spec }) => (spec.volumes = [...(spec.volumes ?? []), { name: 'host', hostPath: { path: '/var/log' } }]) },
  { name: 'hostPort', restricted: 'hostPorts', baseline: 'hostPorts', apply: (_, c) => (c.ports = [{ containerPort: 9090, hostPort: 9090 }]) },
  {
    name: 'AppArmor unconfined',
    restricted: 'appArmorProfile',
    baseline: 'appArmorProfile',
    apply: (pod, c) => (pod.annotations = { ...pod.annotations, [`container.apparmor.security.beta.kubernetes.io/${c.name}`]: 'unconfined' }),
  },
  { name: 'SELinux type', restricted: 'seLinuxOptions', baseline: 'seLinuxOptions', apply: (_, c) => (c.securityContext.seLinuxOptions = { type: 'spc_t' }) },
  { name: 'procMount Unmasked', restricted: 'procMount', baseline: 'procMount', apply: (_, c) => (c.securityContext.procMount = 'Unmasked') },
  {
    name: 'seccomp Unconfined',
    restricted: 'seccompProfile_restricted',
    baseline: 'seccompProfile_baseline',
    apply: (_, c) => (c.securityContext.seccompProfile = { type: 'Unconfined' }),
  },
  { name: 'unsafe sysctl', restricted: 'sysctls', baseline: 'sysctls', apply: ({ spec }) => (spec.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '1' }]) },
  { name: 'hostProcess', restricted: 'windowsHostProcess', baseline: 'windowsHostProcess', apply: (_, c) => (c.securityContext.windowsOptions = { hostProcess: true }) },
  { name: 'nfs volume', restricted: 'restrictedVolumes', apply: ({ spec }) => (spec.volumes = [{ name: 'nfs', nfs: { server: 'nfs', path: '/' } }]) },
  { name: 'no allowPrivilegeEscalation', restricted: 'allowPrivilegeEscalation', apply: (_, c) => delete c.securityContext.allowPrivilegeEscalation },
  { name: 'runAsNonRoot false', restricted: 'runAsNonRoot', apply: (_, c) => (c.securityContext.runAsNonRoot = false) },
  { name: 'runAsUser 0', restricted: 'runAsUser', apply: (_, c) => (c.securityContext.runAsUser = 0) },
  { name: 'no drop ALL', restricted: 'capabilities_restricted', apply: (_, c) => (c.securityContext.capabilities.drop = ['NET_RAW']) },
];

function checks(pod: { spec: any; annotations?: any }, level: 'baseline' | 'restricted'): string[] {
  return [...new Set(podSecurityViolations({ spec: pod.spec, at: 'spec', annotations: pod.annotations }, level).map((v) => v.check))];
}

test('a Pod built to meet restricted passes every check', () => {
  fc.assert(
    fc.property(restrictedPod, (pod) => {
      expect(checks(pod, 'restricted')).toEqual([]);
      expect(podSecurityLevelOf({ spec: pod.spec, at: 'spec', annotations: pod.annotations })).toBe('restricted');
    }),
  );
});

test('each single mutation fails exactly the check named for it, in any container', () => {
  fc.assert(
    fc.property(restrictedPod, fc.constantFrom(...MUTATIONS), fc.nat(), (pod, mutation, which) => {
      const all = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
      mutation.apply(pod, all[which % all.length]);
      expect(checks(pod, 'restricted')).toEqual([mutation.restricted]);
      expect(checks(pod, 'baseline')).toEqual(mutation.baseline ? [mutation.baseline] : []);
      expect(podSecurityLevelOf({ spec: pod.spec, at: 'spec', annotations: pod.annotations })).toBe(mutation.baseline ? 'privileged' : 'baseline');
    }),
    { numRuns: 300 },
  );
});

test('any JSON as a Pod spec or annotations is read without throwing', () => {
  const json = fc.jsonValue();
  const shaped = fc.record({
    securityContext: fc.oneof(json, fc.record({ sysctls: json, seccompProfile: json, seLinuxOptions: json, windowsOptions: json, runAsNonRoot: json })),
    containers: fc.oneof(json, fc.array(fc.oneof(json, fc.record({ name: json, ports: json, securityContext: fc.oneof(json, fc.record({ capabilities: json, seccompProfile: json, seLinuxOptions: json })) })))),
    volumes: fc.oneof(json, fc.array(json)),
  });
  fc.assert(
    fc.property(fc.oneof(json, shaped), json, (spec, annotations) => {
      for (const level of ['baseline', 'restricted'] as const) {
        expect(Array.isArray(podSecurityViolations({ spec, at: 'spec', annotations: annotations as any }, level))).toBe(true);
      }
    }),
    // A JSON name with a key `toString` that is not a function: String(name) throws on it.
    { numRuns: 500, examples: [[{ containers: [{ name: { toString: [] } }] }, {}]] },
  );
});
