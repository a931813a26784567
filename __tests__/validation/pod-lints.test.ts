import { cleanContainer, RuleCase, specProblems, specWith } from './_spec';

// Each lint: a spec at the edge it accepts, one it warns about, and the exact messages.
const LINT_CASES: readonly RuleCase[] = [
  {
    rule: 'latest-tag',
    valid: (s) => {
      s.containers.push({ ...cleanContainer('pinned', 9090), image: 'registry.example.com:5000/app@sha256:0123abcd' });
      // Tags that only begin or end like "latest" are pinned.
      s.containers.push({ ...cleanContainer('near', 9091), image: 'registry.example.com:5000/app:latest-2' });
      s.containers.push({ ...cleanContainer('short', 9092), image: 'app:oldlatest' });
    },
    invalid: (s) => {
      s.containers[0].image = 'nginx';
      s.containers.push({ ...cleanContainer('latest', 9090), image: 'registry.example.com:5000/team/app:latest' });
    },
    messages: [
      'spec.containers[0].image: image "nginx" of container "app" has no tag, so it means :latest, which moves. Fix: pin a version, such as "nginx:1.2.3", or a digest (latest-tag)',
      'spec.containers[1].image: image "registry.example.com:5000/team/app:latest" of container "latest" uses the tag latest, which moves. Fix: pin a version, such as "registry.example.com:5000/team/app:1.2.3", or a digest (latest-tag)',
    ],
  },
  {
    rule: 'unset-cpu-requirements',
    valid: (s) => (s.containers[0].resources = { limits: { cpu: '1', memory: '128Mi' } }),
    invalid: (s) => (s.containers[0].resources = { limits: { memory: '128Mi' } }),
    messages: [
      'spec.containers[0].resources.requests.cpu: container "app" requests no CPU. Fix: set `resources.requests.cpu`, such as `250m` (unset-cpu-requirements)',
    ],
  },
  {
    rule: 'unset-memory-requirements',
    valid: (s) => (s.containers[0].resources = { requests: { cpu: '100m' }, limits: { memory: '1Gi' } }),
    invalid: (s) => (s.containers[0].resources = { requests: { cpu: '100m', memory: '1Gi' } }),
    messages: [
      'spec.containers[0].resources.limits.memory: container "app" has no memory limit. Fix: set `resources.limits.memory`, such as `512Mi`; the request defaults to it (unset-memory-requirements)',
    ],
  },
  {
    rule: 'no-liveness-probe',
    valid: (s) => {
      s.restartPolicy = 'Never';
      delete s.containers[0].livenessProbe;
      s.initContainers = [{ ...cleanContainer('migrate', 9090), livenessProbe: undefined, readinessProbe: undefined }];
    },
    invalid: (s) => {
      delete s.containers[0].livenessProbe;
      s.initContainers = [{ ...cleanContainer('proxy', 9090), livenessProbe: undefined, restartPolicy: 'Always' }];
    },
    messages: [
      'spec.containers[0].livenessProbe: container "app" has no liveness probe. Fix: add `livenessProbe: Probe.http({ port: \'http\', path: \'/healthz\' })` or a tcp/exec probe (no-liveness-probe)',
      'spec.initContainers[0].livenessProbe: container "proxy" has no liveness probe. Fix: add `livenessProbe: Probe.http({ port: \'http\', path: \'/healthz\' })` or a tcp/exec probe (no-liveness-probe)',
    ],
  },
  {
    rule: 'no-readiness-probe',
    valid: (s) =>
      s.containers.push({
        ...cleanContainer('log-shipper', 9090),
        ports: undefined,
        readinessProbe: undefined,
        livenessProbe: { exec: { command: ['true'] } },
      }),
    invalid: (s) => delete s.containers[0].readinessProbe,
    messages: [
      'spec.containers[0].readinessProbe: container "app" declares ports but has no readiness probe. Fix: add `readinessProbe: Probe.http({ port: \'http\', path: \'/ready\' })` or a tcp probe (no-readiness-probe)',
    ],
  },
  {
    rule: 'host-path-set',
    valid: (s) => (s.volumes = [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }]),
    invalid: (s) => (s.volumes = [{ name: 'host-volume', hostPath: { path: '/data/mysql' } }]),
    messages: [
      'spec.volumes[0].hostPath: volume "host-volume" is a hostPath ("/data/mysql"); the Pod depends on the files of whichever node it lands on. Fix: use a persistentVolumeClaim for data, an emptyDir for scratch space, or a configMap for files (host-path-set)',
    ],
  },
  {
    rule: 'writable-host-mount',
    valid: (s) => {
      s.volumes = [
        { name: 'logs', hostPath: { path: '/var/log' } },
        { name: 'scratch', emptyDir: {} },
      ];
      s.containers[0].volumeMounts = [
        { name: 'logs', mountPath: '/logs', readOnly: true },
        { name: 'scratch', mountPath: '/tmp' },
      ];
    },
    invalid: (s) => {
      s.volumes = [{ name: 'logs', hostPath: { path: '/var/log' } }];
      s.containers[0].volumeMounts = [{ name: 'logs', mountPath: '/logs' }];
    },
    messages: [
      'spec.containers[0].volumeMounts[0].readOnly: container "app" mounts hostPath volume "logs" writable at "/logs". Fix: mount with `volume.mount(path, { readOnly: true })`, or suppress the rule with a reason when the container must write (a database\'s data directory) (writable-host-mount)',
    ],
  },
  {
    rule: 'sensitive-host-mounts',
    valid: (s) => (s.volumes = [{ name: 'etc-app', hostPath: { path: '/etc/app' } }]),
    invalid: (s) =>
      (s.volumes = [
        { name: 'docker', hostPath: { path: '/var/run/docker.sock' } },
        { name: 'etc', hostPath: { path: '/etc/' } },
      ]),
    messages: [
      'spec.volumes[0].hostPath.path: volume "docker" exposes the node path "/var/run/docker.sock" to the Pod. Fix: mount only the directory the container needs, or use another volume type (sensitive-host-mounts)',
      'spec.volumes[1].hostPath.path: volume "etc" exposes the node path "/etc/" to the Pod. Fix: mount only the directory the container needs, or use another volume type (sensitive-host-mounts)',
    ],
  },
  {
    rule: 'privileged-container',
    valid: (s) => (s.containers[0].securityContext.privileged = false),
    invalid: (s) => (s.containers[0].securityContext = { privileged: true, readOnlyRootFilesystem: true }),
    messages: [
      'spec.containers[0].securityContext.privileged: container "app" runs privileged. Fix: remove `privileged: true`; add only the capabilities the process needs (privileged-container)',
    ],
  },
  {
    rule: 'privilege-escalation-container',
    valid: (s) => (s.containers[0].securityContext = { privileged: true, readOnlyRootFilesystem: true }),
    invalid: (s) => {
      s.containers[0].securityContext = { readOnlyRootFilesystem: true };
      s.containers.push({ ...cleanContainer('other', 9090), securityContext: { allowPrivilegeEscalation: true, readOnlyRootFilesystem: true } });
    },
    messages: [
      'spec.containers[0].securityContext.allowPrivilegeEscalation: container "app" does not set allowPrivilegeEscalation: false. Fix: set `securityContext: { allowPrivilegeEscalation: false }` on the container (privilege-escalation-container)',
      'spec.containers[1].securityContext.allowPrivilegeEscalation: container "other" sets allowPrivilegeEscalation: true. Fix: set `securityContext: { allowPrivilegeEscalation: false }` on the container (privilege-escalation-container)',
    ],
  },
  {
    rule: 'run-as-non-root',
    valid: (s) => {
      delete s.securityContext;
      s.containers[0].securityContext.runAsUser = 1000;
      s.containers.push({ ...cleanContainer('other', 9090), securityContext: { ...cleanContainer().securityContext, runAsNonRoot: true } });
    },
    invalid: (s) => {
      s.securityContext = { runAsUser: 0 };
      s.containers.push({ ...cleanContainer('other', 9090), securityContext: { ...cleanContainer().securityContext, runAsUser: 1000 } });
      s.initContainers = [
        {
          ...cleanContainer('init', 9000),
          livenessProbe: undefined,
          readinessProbe: undefined,
          securityContext: { ...cleanContainer().securityContext, runAsNonRoot: false, runAsUser: undefined },
        },
      ];
    },
    messages: [
      'spec.containers[0].securityContext.runAsUser: container "app" runs as root (runAsUser: 0). Fix: set `runAsNonRoot: true` (and a `runAsUser` if the image has no non-root user) in the Pod\'s or the container\'s security context (run-as-non-root)',
      'spec.initContainers[0].securityContext.runAsUser: container "init" runs as root (runAsUser: 0). Fix: set `runAsNonRoot: true` (and a `runAsUser` if the image has no non-root user) in the Pod\'s or the container\'s security context (run-as-non-root)',
    ],
  },
  {
    rule: 'no-read-only-root-fs',
    valid: (s) => (s.containers[0].securityContext.readOnlyRootFilesystem = true),
    invalid: (s) => (s.containers[0].securityContext.readOnlyRootFilesystem = false),
    messages: [
      'spec.containers[0].securityContext.readOnlyRootFilesystem: container "app" can write to its root file system. Fix: set `securityContext: { readOnlyRootFilesystem: true }` and mount an emptyDir where the process writes (no-read-only-root-fs)',
    ],
  },
  {
    rule: 'host-network',
    valid: (s) => (s.hostNetwork = false),
    invalid: (s) => (s.hostNetwork = true),
    messages: ['spec.hostNetwork: the Pod sets hostNetwork: true. Fix: remove `hostNetwork` and expose the Pod through a Service (host-network)'],
  },
  {
    rule: 'host-pid',
    valid: (s) => (s.hostPID = false),
    invalid: (s) => (s.hostPID = true),
    messages: ['spec.hostPID: the Pod sets hostPID: true. Fix: remove `hostPID` (host-pid)'],
  },
  {
    rule: 'host-ipc',
    valid: (s) => (s.hostIPC = false),
    invalid: (s) => (s.hostIPC = true),
    messages: ['spec.hostIPC: the Pod sets hostIPC: true. Fix: remove `hostIPC` (host-ipc)'],
  },
  {
    rule: 'deprecated-node-label',
    valid: (s) => (s.nodeSelector = { 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': 'a' }),
    invalid: (s) => (s.nodeSelector = { 'beta.kubernetes.io/os': 'linux', 'failure-domain.beta.kubernetes.io/zone': 'a' }),
    messages: [
      'spec.nodeSelector[beta.kubernetes.io/os]: node label "beta.kubernetes.io/os" is deprecated; newer nodes do not report it. Fix: select on "kubernetes.io/os" instead (deprecated-node-label)',
      'spec.nodeSelector[failure-domain.beta.kubernetes.io/zone]: node label "failure-domain.beta.kubernetes.io/zone" is deprecated; newer nodes do not report it. Fix: select on "topology.kubernetes.io/zone" instead (deprecated-node-label)',
    ],
  },
  {
    rule: 'fractional-memory',
    valid: (s) => (s.containers[0].resources = { requests: { cpu: '500m', memory: '1000m' }, limits: { memory: '128Mi', 'ephemeral-storage': '1.5Gi' } }),
    invalid: (s) => (s.containers[0].resources = { requests: { cpu: '100m', memory: '512m' }, limits: { memory: '128Mi', 'ephemeral-storage': '0.5' } }),
    messages: [
      'spec.containers[0].resources.requests.memory: memory "512m" of container "app" is 0.512 bytes, not a whole number. Fix: write "512Mi" for mebibytes (fractional-memory)',
      'spec.containers[0].resources.limits.ephemeral-storage: ephemeral-storage "0.5" of container "app" is 0.5 bytes, not a whole number. Fix: use a whole number of bytes, such as "512Mi" (fractional-memory)',
    ],
  },
  {
    rule: 'host-ip-without-host-port',
    valid: (s) => (s.containers[0].ports[0] = { name: 'http', containerPort: 8080, hostPort: 8080, hostIP: '127.0.0.1' }),
    invalid: (s) => (s.containers[0].ports[0] = { name: 'http', containerPort: 8080, hostIP: '127.0.0.1' }),
    messages: [
      'spec.containers[0].ports[0].hostIP: port 8080 of container "app" sets hostIP "127.0.0.1" but no hostPort. Fix: add the `hostPort`, or remove `hostIP` (host-ip-without-host-port)',
    ],
  },
];

describe.each(LINT_CASES.map((c) => [c.rule, c] as const))('lint %s', (rule, c) => {
  test('accepts the valid case', () => {
    expect(specProblems(specWith(c.valid), rule)).toEqual([]);
  });
  test('warns about the invalid case with the exact message', () => {
    expect(specProblems(specWith(c.invalid), rule)).toEqual(c.messages);
  });
});
