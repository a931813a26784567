import * as os from 'os';
import * as path from 'path';
import { ApiObject, Chart, Testing } from 'cdk8s';
import { App, Container, CronJob, Deployment, formatProblem, PeapodConfig, Pod, PodProps, PodSecurity, podSecurityOf, readConfigFile, Volume } from '../lib';
import { securityFacts } from '../lib/validation/_security-facts';
import { withinOnePass } from '../lib/_synth';
import { buildApp } from '../main';
import { runPlan } from '../scripts/plan';
import { withTempDir } from './_support';
import * as fs from 'fs';

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are written by hand as plain JSON */

const OUT = path.join(os.tmpdir(), 'peapod-never-written');
// A container and a Pod security context that meet restricted.
const OK = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
const POD_OK = { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };

function container(securityContext: any = OK, more: any = {}): Container {
  return new Container({ name: 'app', image: 'app:1.0', securityContext, ...more });
}

function newApp(config: PeapodConfig = {}): { app: App; chart: Chart } {
  const app = new App({ outdir: OUT, config });
  return { app, chart: new Chart(app, 'c') };
}

/** The Pod Security problems of the app, as synth prints them. */
function pss(app: App): string[] {
  return app
    .problems()
    .filter((p) => p.rule.startsWith('pss-') || p.rule === 'pod-security-label')
    .map((p) => `${p.severity} [${p.construct}] ${formatProblem(p)}`);
}

/** The problems of one Pod under a level enforced by the project configuration. */
function enforced(level: 'baseline' | 'restricted', props: PodProps): string[] {
  const { app, chart } = newApp({ podSecurity: { enforce: level } });
  new Pod(chart, 'p', props);
  return pss(app);
}

const REFUSED = (level: string) => `violates PodSecurity "${level}:latest" (enforce: the API server refuses the Pod)`;

describe('each check, through a Pod under enforce', () => {
  test.each<[string, 'baseline' | 'restricted', PodProps, string]>([
    [
      'hostNamespaces',
      'baseline',
      { containers: [container()], extraSpec: { hostPid: true } },
      `error [c/p] spec.hostPID: ${REFUSED('baseline')}: host namespaces (hostPID); the lint host-pid reports the same field. Fix: remove hostPID: true from the Pod spec; reach the Pod through a Service (pss-host-namespaces)`,
    ],
    [
      'privileged',
      'baseline',
      { containers: [container({ privileged: true })] },
      `error [c/p] spec.containers[0].securityContext.privileged: ${REFUSED('baseline')}: privileged (container "app" must not set securityContext.privileged=true); the lint privileged-container reports the same field. Fix: remove \`privileged: true\`; add only the capabilities the process needs (pss-privileged)`,
    ],
    [
      'capabilities_baseline',
      'baseline',
      { containers: [container({ capabilities: { add: ['NET_ADMIN'] } })] },
      `error [c/p] spec.containers[0].securityContext.capabilities.add: ${REFUSED('baseline')}: non-default capabilities (container "app" must not include "NET_ADMIN" in securityContext.capabilities.add). Fix: remove "NET_ADMIN" from \`securityContext.capabilities.add\` (pss-capabilities-baseline)`,
    ],
    [
      'hostPathVolumes',
      'baseline',
      { containers: [container(OK, { mounts: [Volume.hostPath('data', '/srv/data').mount('/data', { readOnly: true })] })] },
      `error [c/p] spec.volumes[0].hostPath: ${REFUSED('baseline')}: hostPath volumes (volume "data"); the lint host-path-set reports the same field. Fix: use a persistentVolumeClaim for data, an emptyDir for scratch space, or a configMap or secret for files (pss-host-path-volumes)`,
    ],
    [
      'hostPorts',
      'baseline',
      { containers: [container(OK, { ports: { http: { containerPort: 8080, hostPort: 80 } } })] },
      `error [c/p] spec.containers[0].ports[0].hostPort: ${REFUSED('baseline')}: hostPort (container "app" uses hostPort 80). Fix: remove \`hostPort\` and expose the port through a Service (pss-host-ports)`,
    ],
    [
      'appArmorProfile',
      'baseline',
      { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' }, containers: [container()] },
      `error [c/p] metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: ${REFUSED('baseline')}: forbidden AppArmor profile (container.apparmor.security.beta.kubernetes.io/app="unconfined"). Fix: remove the annotation, or set it to \`runtime/default\` or a \`localhost/<profile>\` loaded on the nodes (pss-app-armor-profile)`,
    ],
    [
      'seLinuxOptions',
      'baseline',
      { securityContext: { seLinuxOptions: { type: 'spc_t' } }, containers: [container()] },
      `error [c/p] spec.securityContext.seLinuxOptions.type: ${REFUSED('baseline')}: seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "spc_t"). Fix: remove \`seLinuxOptions.user\` and \`role\`, and set \`type\` to "container_t", "container_init_t", "container_kvm_t" or leave it out (pss-se-linux-options)`,
    ],
    [
      'procMount',
      'baseline',
      { containers: [container({ procMount: 'Unmasked' })] },
      `error [c/p] spec.containers[0].securityContext.procMount: ${REFUSED('baseline')}: procMount (container "app" must not set securityContext.procMount to "Unmasked"). Fix: remove \`procMount\`, or set it to \`Default\` (pss-proc-mount)`,
    ],
    [
      'seccompProfile_baseline',
      'baseline',
      { securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [container()] },
      `error [c/p] spec.securityContext.seccompProfile.type: ${REFUSED('baseline')}: seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined"). Fix: set \`seccompProfile: { type: "RuntimeDefault" }\` (before v1.19: the annotation to \`runtime/default\`), or leave it out (pss-seccomp-profile-baseline)`,
    ],
    [
      'sysctls',
      'baseline',
      { securityContext: { sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] }, containers: [container()] },
      `error [c/p] spec.securityContext.sysctls[0].name: ${REFUSED('baseline')}: forbidden sysctls (net.core.somaxconn). Fix: remove the sysctl, or set it on the nodes instead (pss-sysctls)`,
    ],
    [
      'windowsHostProcess',
      'baseline',
      { containers: [container({ windowsOptions: { hostProcess: true } })] },
      `error [c/p] spec.containers[0].securityContext.windowsOptions.hostProcess: ${REFUSED('baseline')}: hostProcess (container "app" must not set securityContext.windowsOptions.hostProcess=true). Fix: remove \`windowsOptions.hostProcess\` (pss-windows-host-process)`,
    ],
    [
      'restrictedVolumes',
      'restricted',
      { securityContext: POD_OK, containers: [container(OK, { mounts: [Volume.hostPath('data', '/srv/data').mount('/data', { readOnly: true })] })] },
      `error [c/p] spec.volumes[0].hostPath: ${REFUSED('restricted')}: restricted volume types (volume "data" has a restricted type (hostPath)); the lint host-path-set reports the same field. Fix: put the storage behind a PersistentVolume and mount it with a persistentVolumeClaim, or use an emptyDir (pss-restricted-volumes)`,
    ],
    [
      'allowPrivilegeEscalation',
      'restricted',
      { securityContext: POD_OK, containers: [container({ capabilities: { drop: ['ALL'] } })] },
      `error [c/p] spec.containers[0].securityContext.allowPrivilegeEscalation: ${REFUSED('restricted')}: allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false); the lint privilege-escalation-container reports the same field. Fix: set \`securityContext: { allowPrivilegeEscalation: false }\` on the container (pss-allow-privilege-escalation)`,
    ],
    [
      'runAsNonRoot',
      'restricted',
      { securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [container()] },
      `error [c/p] spec.containers[0].securityContext.runAsNonRoot: ${REFUSED('restricted')}: runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true); the lint run-as-non-root reports the same field. Fix: set \`runAsNonRoot: true\` in the Pod's securityContext (with a \`runAsUser\` if the image has no non-root user), and set it to false nowhere (pss-run-as-non-root)`,
    ],
    [
      'runAsUser',
      'restricted',
      { securityContext: { ...POD_OK, runAsUser: 0 }, containers: [container()] },
      `error [c/p] spec.securityContext.runAsUser: ${REFUSED('restricted')}: runAsUser=0 (pod must not set runAsUser=0). Fix: set \`runAsUser\` to a non-zero user id, or leave it out and let the image choose its non-root user (pss-run-as-user)`,
    ],
    [
      'seccompProfile_restricted',
      'restricted',
      { securityContext: { runAsNonRoot: true }, containers: [container()] },
      `error [c/p] spec.containers[0].securityContext.seccompProfile: ${REFUSED('restricted')}: seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"). Fix: set \`seccompProfile: { type: 'RuntimeDefault' }\` in the Pod's securityContext, and no type but \`RuntimeDefault\` or \`Localhost\` in a container's (pss-seccomp-profile-restricted)`,
    ],
    [
      'capabilities_restricted',
      'restricted',
      { securityContext: POD_OK, containers: [container({ ...OK, capabilities: { drop: ['ALL'], add: ['SYS_TIME'] } })] },
      `error [c/p] spec.containers[0].securityContext.capabilities.add: ${REFUSED('restricted')}: unrestricted capabilities (container "app" must not include "SYS_TIME" in securityContext.capabilities.add). Fix: set \`securityContext: { capabilities: { drop: ['ALL'] } }\` on the container, adding back only \`NET_BIND_SERVICE\` if it binds a port below 1024 (pss-capabilities-restricted)`,
    ],
  ])('%s', (_check, level, props, message) => {
    expect(enforced(level, props)).toEqual([message]);
  });

  test('a Pod that meets restricted has no problem under enforce restricted, and synthesizes', () => {
    const { app, chart } = newApp({ podSecurity: { enforce: 'restricted' } });
    new Pod(chart, 'p', { securityContext: POD_OK, containers: [container()] });
    expect(pss(app)).toEqual([]);
    expect(() => Testing.synth(chart)).not.toThrow();
  });
});

describe('levels in force', () => {
  const tutorialPod = (chart: Chart, id = 'p') => new Pod(chart, id, { containers: [new Container({ name: 'app', image: 'app:1.0' })] });

  test('without a level, nothing is checked', () => {
    const { app, chart } = newApp();
    new Pod(chart, 'p', { extraSpec: { hostNetwork: true }, containers: [container({ privileged: true })] });
    expect(pss(app)).toEqual([]);
  });

  test('warn and audit give warnings; enforce wins where modes overlap', () => {
    const { app, chart } = newApp({ podSecurity: { enforce: 'baseline', warn: 'restricted', audit: 'restricted', 'audit-version': 'v1.27' } });
    new Pod(chart, 'p', { securityContext: POD_OK, containers: [container({ ...OK, privileged: true, allowPrivilegeEscalation: undefined })] });
    expect(pss(app)).toEqual([
      `error [c/p] spec.containers[0].securityContext.privileged: ${REFUSED('baseline')}: privileged (container "app" must not set securityContext.privileged=true); the lint privileged-container reports the same field. Fix: remove \`privileged: true\`; add only the capabilities the process needs (pss-privileged)`,
      'warning [c/p] spec.containers[0].securityContext.allowPrivilegeEscalation: violates PodSecurity "restricted:latest" (warn: kubectl warns): allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false). Fix: set `securityContext: { allowPrivilegeEscalation: false }` on the container (pss-allow-privilege-escalation)',
    ]);
    const audit = newApp({ podSecurity: { audit: 'restricted', 'audit-version': 'v1.27' } });
    new Pod(audit.chart, 'p', { securityContext: { runAsNonRoot: true }, containers: [container()] });
    expect(pss(audit.app)).toEqual([
      'warning [c/p] spec.containers[0].securityContext.seccompProfile: violates PodSecurity "restricted:v1.27" (audit: the audit log records it): seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"). Fix: set `seccompProfile: { type: \'RuntimeDefault\' }` in the Pod\'s securityContext, and no type but `RuntimeDefault` or `Localhost` in a container\'s (pss-seccomp-profile-restricted)',
    ]);
  });

  test('levels by namespace in the configuration, over the project level', () => {
    const app = new App({ outdir: OUT, config: { podSecurity: { enforce: 'baseline', namespaces: { payments: { enforce: 'restricted' } } } } });
    tutorialPod(new Chart(app, 'pay', { namespace: 'payments' }));
    tutorialPod(new Chart(app, 'web', { namespace: 'web' }));
    expect(new Set(pss(app).map((line) => line.slice(0, line.indexOf(']') + 1)))).toEqual(new Set(['error [pay/p]']));
  });

  test("a Namespace of the app: its labels win over the configuration, a Deployment's Pods are named as refused", () => {
    const app = new App({ outdir: OUT, config: { podSecurity: { namespaces: { payments: { enforce: 'privileged' } } } } });
    new ApiObject(new Chart(app, 'ns'), 'payments', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'payments', labels: { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.22' } },
    });
    const chart = new Chart(app, 'pay', { namespace: 'payments' });
    new Deployment(chart, 'd', {
      template: { labels: { app: 'd' }, securityContext: { ...POD_OK, runAsUser: 0 }, containers: [container({ ...OK, capabilities: undefined })] },
    });
    // v1.22 has no runAsUser check yet.
    expect(pss(app)).toEqual([
      'error [pay/d] spec.template.spec.containers[0].securityContext.capabilities.drop: violates PodSecurity "restricted:v1.22" (enforce: the API server refuses its Pods): unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]). Fix: set `securityContext: { capabilities: { drop: [\'ALL\'] } }` on the container, adding back only `NET_BIND_SERVICE` if it binds a port below 1024 (pss-capabilities-restricted)',
    ]);
  });

  test('a Namespace label that is no level is an error, and checked as restricted, as the admission does', () => {
    const app = new App({ outdir: OUT });
    new ApiObject(new Chart(app, 'ns'), 'web', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'web', labels: { 'pod-security.kubernetes.io/enforce': 'strict' } } });
    new Pod(new Chart(app, 'web', { namespace: 'web' }), 'p', { securityContext: POD_OK, containers: [container()] });
    expect(pss(app)).toEqual([
      'error [web/p] metadata.namespace: Namespace "web" has label pod-security.kubernetes.io/enforce: "strict", not a level; the admission reads it as "restricted". Fix: correct the label on the Namespace (pod-security-label)',
    ]);
  });

  test('exemptions by namespace and runtime class, with their reasons', () => {
    const app = new App({
      outdir: OUT,
      config: { podSecurity: { enforce: 'restricted', exemptions: { namespaces: { monitoring: 'node-exporter reads /proc' }, runtimeClasses: { gvisor: 'sandboxed' } } } },
    });
    tutorialPod(new Chart(app, 'mon', { namespace: 'monitoring' }));
    new Pod(new Chart(app, 'sandbox'), 'p', { containers: [new Container({ name: 'app', image: 'app:1.0' })], extraSpec: { runtimeClassName: 'gvisor' } });
    expect(pss(app)).toEqual([]);
    expect(podSecurityOf(app).map((status) => [status.construct, status.level, status.exempt])).toEqual([
      ['mon/p', 'baseline', 'namespace "monitoring" is exempt: node-exporter reads /proc'],
      ['sandbox/p', 'baseline', 'runtime class "gvisor" is exempt: sandboxed'],
    ]);
  });

  test('PodSecurity.of(): per chart or construct, the nearest wins; exempt() with a reason', () => {
    const { app, chart } = newApp({ podSecurity: { enforce: 'baseline' } });
    PodSecurity.of(chart).set({ enforce: 'restricted' });
    tutorialPod(chart, 'strict');
    const relaxed = tutorialPod(chart, 'relaxed');
    PodSecurity.of(relaxed).set({ enforce: 'baseline' });
    const exempt = new Pod(chart, 'node-agent', { extraSpec: { hostNetwork: true }, containers: [container()] });
    PodSecurity.of(exempt).exempt('reads the node network');
    expect(new Set(pss(app).map((line) => line.slice(0, line.indexOf(']') + 1)))).toEqual(new Set(['error [c/strict]']));
    expect(podSecurityOf(chart).map((status) => [status.construct, status.modes.enforce?.from, status.refused])).toEqual([
      ['c/strict', 'PodSecurity.of(c)', true],
      ['c/relaxed', 'PodSecurity.of(c/relaxed)', false],
      ['c/node-agent', 'PodSecurity.of(c)', false],
    ]);
  });

  test("a container's own rules prop sets the level of a check's problems in it, with its reason", () => {
    const { app, chart } = newApp({ podSecurity: { enforce: 'restricted' } });
    const rules = { 'pss-run-as-user': { level: 'warning' as const, reason: 'the image starts as root and drops to a user itself' } };
    new Pod(chart, 'p', {
      securityContext: POD_OK,
      containers: [container({ ...OK, runAsUser: 0 }, { rules }), new Container({ name: 'other', image: 'app:1.0', securityContext: { ...OK, runAsUser: 0 } })],
    });
    expect(app.problems().filter((p) => p.rule === 'pss-run-as-user').map((p) => [p.field, p.severity, p.reason])).toEqual([
      ['spec.containers[0].securityContext.runAsUser', 'warning', 'the image starts as root and drops to a user itself'],
      ['spec.containers[1].securityContext.runAsUser', 'error', undefined],
    ]);
  });

  test('PodSecurity.of() refuses what is no level, and an exemption without a reason', () => {
    const { chart } = newApp();
    expect(() => PodSecurity.of(chart).set({ enforce: 'strict' as any })).toThrow('"PodSecurity.of(c).set.enforce" is "strict"; it must be one of "privileged", "baseline", "restricted"');
    expect(() => PodSecurity.of(chart).set({ 'warn-version': '1.27' as any })).toThrow('"PodSecurity.of(c).set.warn-version" is "1.27"; it must be "latest" or a version such as "v1.27"');
    expect(() => PodSecurity.of(chart).exempt(' ')).toThrow('PodSecurity.of(c).exempt: give a reason; say why these Pods need not meet the level');
  });

  test('every kind that carries a Pod template is checked where its manifest keeps it (a CronJob)', () => {
    const { app, chart } = newApp({ podSecurity: { enforce: 'baseline' } });
    new CronJob(chart, 'nightly', {
      schedule: '0 3 * * *',
      jobTemplate: { template: { labels: { app: 'nightly' }, restartPolicy: 'Never', containers: [container({ privileged: true })] } },
    });
    expect(pss(app)).toEqual([
      'error [c/nightly] spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged: violates PodSecurity "baseline:latest" (enforce: the API server refuses its Pods): privileged (container "app" must not set securityContext.privileged=true); the lint privileged-container reports the same field. Fix: remove `privileged: true`; add only the capabilities the process needs (pss-privileged)',
    ]);
  });

  test('a manifest that is no problem source (a plain ApiObject) is checked too', () => {
    const { app, chart } = newApp({ podSecurity: { enforce: 'baseline' } });
    new ApiObject(chart, 'job', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'job' },
      spec: { template: { spec: { restartPolicy: 'Never', hostIPC: true, containers: [{ name: 'job', image: 'job:1' }] } } },
    });
    expect(pss(app)).toEqual([
      'error [c/job] spec.template.spec.hostIPC: violates PodSecurity "baseline:latest" (enforce: the API server refuses its Pods): host namespaces (hostIPC). Fix: remove hostIPC: true from the Pod spec; reach the Pod through a Service (pss-host-namespaces)',
    ]);
  });
});

describe('types', () => {
  test('levels, versions and modes are checked by the compiler', () => {
    const { chart } = newApp();
    // @ts-expect-error 'strict' is not a PodSecurityLevel
    expect(() => PodSecurity.of(chart).set({ enforce: 'strict' })).toThrow('is "strict"');
    // @ts-expect-error a version is 'latest' or 'v1.N'
    expect(() => PodSecurity.of(chart).set({ 'enforce-version': '1.27' })).toThrow('is "1.27"');
    // @ts-expect-error 'deny' is not a mode
    expect(() => PodSecurity.of(chart).set({ deny: 'restricted' })).toThrow('has an unknown key "deny"');
    // @ts-expect-error namespaces belong in the configuration, not on a construct
    expect(() => PodSecurity.of(chart).set({ namespaces: {} })).toThrow('"namespaces" and "exemptions" belong in peapod.config.json\'s podSecurity, not on a construct');
    // @ts-expect-error an exemption's reason is a string
    const config: PeapodConfig = { podSecurity: { exemptions: { namespaces: { ci: true } } } };
    expect(config.podSecurity).toBeDefined();
  });
});

describe('peapod.config.json podSecurity', () => {
  test('is read from the file; a wrong level, version, key or a missing reason fails at once', () => {
    withTempDir((dir) => {
      const file = path.join(dir, 'peapod.config.json');
      fs.writeFileSync(file, JSON.stringify({ podSecurity: { enforce: 'restricted', namespaces: { ci: { warn: 'baseline' } } } }));
      expect(readConfigFile(file)?.podSecurity?.namespaces?.ci.warn).toBe('baseline');
      fs.writeFileSync(
        file,
        JSON.stringify({ podSecurity: { enforce: 'strict', 'warn-version': 'latest', level: 'x', namespaces: { ci: { audit: 'baseline', 'audit-version': 'v2' } }, exemptions: { namespaces: { kube: '' }, usernames: {} } } }),
      );
      expect(() => readConfigFile(file)).toThrow(
        `${file}: "podSecurity.enforce" is "strict"; it must be one of "privileged", "baseline", "restricted"; ` +
          '"podSecurity" has an unknown key "level"; the keys are "enforce", "enforce-version", "warn", "warn-version", "audit", "audit-version", "namespaces", "exemptions"; ' +
          '"podSecurity.namespaces.ci.audit-version" is "v2"; it must be "latest" or a version such as "v1.27"; ' +
          '"podSecurity.exemptions.namespaces.kube" needs a reason: say why these Pods need not meet the level; ' +
          '"podSecurity.exemptions" has an unknown key "usernames"; the keys are "namespaces" and "runtimeClasses" (usernames are not known at synth)',
      );
    });
  });

  test('given as the App config, its errors fail synth', () => {
    const { app } = newApp({ podSecurity: { enforce: 'restricted', audit: 'none' as any } });
    expect(() => app.synth()).toThrow('[App config] "podSecurity.audit" is "none"; it must be one of "privileged", "baseline", "restricted"');
  });
});

describe('shared facts with the lints', () => {
  test('within a pass the lints and the checks read one set of facts per spec; outside one, anew', () => {
    const spec = { containers: [{ name: 'app' }] };
    expect(securityFacts(spec, 'spec')).not.toBe(securityFacts(spec, 'spec'));
    withinOnePass(() => expect(securityFacts(spec, 'spec')).toBe(securityFacts(spec, 'spec')));
  });

  test('a lint the project turned off leaves the check alone; without a level the lint reports as before', () => {
    const { app, chart } = newApp({ rules: { 'run-as-non-root': 'off' }, podSecurity: { enforce: 'restricted' } });
    new Pod(chart, 'p', { securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [container()] });
    expect(pss(app)).toEqual([
      `error [c/p] spec.containers[0].securityContext.runAsNonRoot: ${REFUSED('restricted')}: runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true). Fix: set \`runAsNonRoot: true\` in the Pod's securityContext (with a \`runAsUser\` if the image has no non-root user), and set it to false nowhere (pss-run-as-non-root)`,
    ]);
    const plain = newApp();
    new Pod(plain.chart, 'p', { containers: [container()] });
    expect(plain.app.problems().filter((p) => p.rule === 'run-as-non-root').map((p) => p.field)).toEqual(['spec.containers[0].securityContext.runAsNonRoot']);
  });

  test('one message for one field: the lint is folded into the check and not reported again', () => {
    const { app, chart } = newApp({ podSecurity: { enforce: 'restricted' } });
    new Pod(chart, 'p', { securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [container({ capabilities: { drop: ['ALL'] } })] });
    const fields = app.problems().map((p) => `${p.field} ${p.rule}`);
    expect(fields.filter((f) => f.includes('runAsNonRoot') || f.includes('allowPrivilegeEscalation'))).toEqual([
      'spec.containers[0].securityContext.allowPrivilegeEscalation pss-allow-privilege-escalation',
      'spec.containers[0].securityContext.runAsNonRoot pss-run-as-non-root',
    ]);
  });
});

describe('the example app', () => {
  test('each Pod shows its level, and what to change for the next one', () => {
    const statuses = podSecurityOf(buildApp({ outdir: OUT }));
    expect(statuses.map((s) => [s.construct, s.kind, s.level, s.next?.level, s.next?.changes.map((c) => c.check)])).toEqual([
      ['kube-example/kube-example', 'Pod', 'baseline', 'restricted', ['allowPrivilegeEscalation', 'runAsNonRoot', 'seccompProfile_restricted', 'capabilities_restricted']],
      [
        'shared-html/shared-html',
        'Pod',
        'baseline',
        'restricted',
        [
          'allowPrivilegeEscalation',
          'allowPrivilegeEscalation',
          'runAsNonRoot',
          'runAsNonRoot',
          'seccompProfile_restricted',
          'seccompProfile_restricted',
          'capabilities_restricted',
          'capabilities_restricted',
        ],
      ],
      ['mysql/mysql', 'Pod', 'privileged', 'baseline', ['hostPathVolumes']],
      ['myapp/myapp', 'Deployment', 'restricted', undefined, undefined],
      ['database/mysql', 'StatefulSet', 'restricted', undefined, undefined],
      ['database/mysql-backup', 'CronJob', 'restricted', undefined, undefined],
    ]);
  });

  test('enforce restricted: myapp and the production objects pass; synth fails on the tutorial Pods with the checks the API server names', () => {
    const app = buildApp({ outdir: OUT, config: { podSecurity: { enforce: 'restricted' } } });
    const errors = app.problems().filter((p) => p.severity === 'error');
    const byConstruct = new Map<string, Set<string>>();
    errors.forEach((p) => byConstruct.set(p.construct, (byConstruct.get(p.construct) ?? new Set()).add(p.rule)));
    const restrictedFour = new Set(['pss-allow-privilege-escalation', 'pss-run-as-non-root', 'pss-seccomp-profile-restricted', 'pss-capabilities-restricted']);
    expect(byConstruct).toEqual(
      new Map([
        ['kube-example/kube-example', restrictedFour],
        ['shared-html/shared-html', restrictedFour],
        ['mysql/mysql', new Set(['pss-restricted-volumes', ...restrictedFour])],
      ]),
    );
    expect(() => app.synth()).toThrow('synth failed with 17 errors; no manifest was written:\n  [kube-example/kube-example] spec.containers[0].securityContext.allowPrivilegeEscalation: violates PodSecurity "restricted:latest"');
  });

  test('npm run plan -- --json gives each Pod its level and the changes for the next one', () => {
    let out = '';
    expect(runPlan(['--json'], (text) => (out += text))).toBe(0);
    const statuses = JSON.parse(out).podSecurity;
    expect(statuses.map((s: any) => [s.construct, s.level, s.refused, s.next?.level])).toEqual([
      ['kube-example/kube-example', 'baseline', false, 'restricted'],
      ['shared-html/shared-html', 'baseline', false, 'restricted'],
      ['mysql/mysql', 'privileged', false, 'baseline'],
      ['myapp/myapp', 'restricted', false, undefined],
      ['database/mysql', 'restricted', false, undefined],
      ['database/mysql-backup', 'restricted', false, undefined],
    ]);
    expect(statuses[2].next.changes).toEqual([
      {
        check: 'hostPathVolumes',
        rule: 'pss-host-path-volumes',
        level: 'baseline',
        field: 'spec.volumes[0].hostPath',
        reason: 'hostPath volumes',
        detail: 'volume "host-volume"',
        fix: 'use a persistentVolumeClaim for data, an emptyDir for scratch space, or a configMap or secret for files',
      },
    ]);
  });
});
