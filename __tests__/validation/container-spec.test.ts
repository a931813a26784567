/**
 * The rules of one container, as the API server checks them
 * (`validateContainerCommon`, `validateContainers`, `validateInitContainers`
 * in pkg/apis/core/validation/validation.go), and Peapod's own: each with a
 * spec it accepts near the rule's edge and the exact messages for one it refuses.
 */
import { cleanContainer, describeRuleCases, RuleCase, specProblems, specWith } from './_spec';

const CONTAINER_CASES: RuleCase[] = [
  {
    rule: 'command-env-reference',
    valid: (s) => {
      s.containers[0].env = [{ name: 'NAME', value: 'web' }];
      // Shell substitutions hold no variable name; Service links and $$ escapes resolve or are literal.
      s.containers[0].command = ['sh', '-c', 'echo $(NAME) $(date +%s) $(hostname -i) $(DB_SERVICE_HOST) $$(LATER) $(unclosed'];
      s.containers[0].args = ['--name=$(NAME)'];
    },
    invalid: (s) => {
      s.containers[0].command = ['/app', '--name=$(NAME)'];
      s.containers[0].args = ['sh', '-c', 'date; echo $(date)'];
    },
    messages: [
      'spec.containers[0].command[1]: $(NAME) in command of container "app" refers to no variable of its env; Kubernetes would pass it on as the literal text, which a shell would run as a command. Fix: add NAME to the container\'s env or fix the name; if the shell is meant to run it, write $$(NAME) or suppress the rule with a reason (command-env-reference)',
      'spec.containers[0].args[2]: $(date) in args of container "app" refers to no variable of its env; Kubernetes would pass it on as the literal text, which a shell would run as a command. Fix: add date to the container\'s env or fix the name; if the shell is meant to run it, write $$(date) or suppress the rule with a reason (command-env-reference)',
    ],
  },
  {
    rule: 'probe-action',
    valid: (s) => {
      s.containers[0].livenessProbe = { exec: { command: ['cat', '/tmp/healthy'] } };
      s.containers[0].readinessProbe = { httpGet: { port: 8080, scheme: 'HTTPS', path: '/ready', httpHeaders: [{ name: 'X-Probe-1', value: 'a b' }] } };
      s.containers[0].startupProbe = { grpc: { port: 9090 } };
      s.containers[0].lifecycle = { preStop: { tcpSocket: { port: 'http' } } };
    },
    invalid: (s) => {
      s.containers[0].livenessProbe = { exec: { command: [] } };
      s.containers[0].readinessProbe = { httpGet: { port: '8080', scheme: 'https', httpHeaders: [{ name: 'X Probe', value: 'a' }] } };
      s.containers[0].startupProbe = { grpc: { port: 70000 } };
      s.containers[0].lifecycle = { postStart: { httpGet: { port: 0 } }, preStop: { tcpSocket: { port: 'Metrics_Port' } } };
    },
    messages: [
      'spec.containers[0].livenessProbe.exec.command: the exec action of the livenessProbe of container "app" has no command. Fix: build the probe with a `Probe` factory: give an exec action its command, an httpGet action the scheme `HTTP` or `HTTPS` (or none) and header names of letters, digits and `-`, and each port as a number from 1 to 65535 (`8080`, without quotes) or a declared port name (`"http"`) (probe-action)',
      'spec.containers[0].readinessProbe.httpGet.port: port "8080" of the readinessProbe of container "app" is a string of digits, which Kubernetes reads as a port name, and a port name must hold at least one letter. Fix: build the probe with a `Probe` factory: give an exec action its command, an httpGet action the scheme `HTTP` or `HTTPS` (or none) and header names of letters, digits and `-`, and each port as a number from 1 to 65535 (`8080`, without quotes) or a declared port name (`"http"`) (probe-action)',
      'spec.containers[0].readinessProbe.httpGet.scheme: scheme "https" of the readinessProbe of container "app" is not supported; the values are "HTTP", "HTTPS". Fix: build the probe with a `Probe` factory: give an exec action its command, an httpGet action the scheme `HTTP` or `HTTPS` (or none) and header names of letters, digits and `-`, and each port as a number from 1 to 65535 (`8080`, without quotes) or a declared port name (`"http"`) (probe-action)',
      'spec.containers[0].readinessProbe.httpGet.httpHeaders[0].name: header name "X Probe" of the readinessProbe of container "app" is not an HTTP header name: it must be letters, digits and "-". Fix: build the probe with a `Probe` factory: give an exec action its command, an httpGet action the scheme `HTTP` or `HTTPS` (or none) and header names of letters, digits and `-`, and each port as a number from 1 to 65535 (`8080`, without quotes) or a declared port name (`"http"`) (probe-action)',
      'spec.containers[0].startupProbe.grpc.port: grpc port 70000 of the startupProbe of container "app" is not a whole number from 1 to 65535. Fix: build the probe with a `Probe` factory: give an exec action its command, an httpGet action the scheme `HTTP` or `HTTPS` (or none) and header names of letters, digits and `-`, and each port as a number from 1 to 65535 (`8080`, without quotes) or a declared port name (`"http"`) (probe-action)',
      'spec.containers[0].lifecycle.postStart.httpGet.port: port 0 of the postStart hook of container "app" is not a whole number from 1 to 65535. Fix: build the probe with a `Probe` factory: give an exec action its command, an httpGet action the scheme `HTTP` or `HTTPS` (or none) and header names of letters, digits and `-`, and each port as a number from 1 to 65535 (`8080`, without quotes) or a declared port name (`"http"`) (probe-action)',
      'spec.containers[0].lifecycle.preStop.tcpSocket.port: port "Metrics_Port" of the preStop hook of container "app" may only hold lower-case letters, digits and "-". Fix: build the probe with a `Probe` factory: give an exec action its command, an httpGet action the scheme `HTTP` or `HTTPS` (or none) and header names of letters, digits and `-`, and each port as a number from 1 to 65535 (`8080`, without quotes) or a declared port name (`"http"`) (probe-action)',
    ],
  },
  {
    rule: 'probe-termination-grace-period',
    valid: (s) => {
      s.containers[0].livenessProbe = { tcpSocket: { port: 'http' }, terminationGracePeriodSeconds: 1 };
    },
    invalid: (s) => {
      s.containers[0].livenessProbe = { tcpSocket: { port: 'http' }, terminationGracePeriodSeconds: 0 };
      s.containers[0].readinessProbe = { tcpSocket: { port: 'http' }, terminationGracePeriodSeconds: 30 };
    },
    messages: [
      'spec.containers[0].livenessProbe.terminationGracePeriodSeconds: terminationGracePeriodSeconds of the livenessProbe of container "app" is 0; it must be a whole number greater than 0. Fix: use a whole number of seconds above 0 on a liveness or startup probe; remove it from a readiness probe (probe-termination-grace-period)',
      'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: the readinessProbe of container "app" sets terminationGracePeriodSeconds; a readiness probe never stops the container, and the API server refuses it there. Fix: use a whole number of seconds above 0 on a liveness or startup probe; remove it from a readiness probe (probe-termination-grace-period)',
    ],
  },
  {
    rule: 'lifecycle-handler',
    valid: (s) => (s.containers[0].lifecycle = { postStart: { exec: { command: ['touch', '/ready'] } }, preStop: { httpGet: { port: 'http', path: '/drain' } } }),
    invalid: (s) => (s.containers[0].lifecycle = { postStart: {}, preStop: { exec: { command: ['drain'] }, httpGet: { port: 'http' } } }),
    messages: [
      'spec.containers[0].lifecycle.postStart: the postStart hook of container "app" has no handler. Fix: give each hook exactly one handler: `exec`, `httpGet` or `tcpSocket` (lifecycle-handler)',
      'spec.containers[0].lifecycle.preStop: the preStop hook of container "app" has 2 handlers (exec, httpGet). Fix: give each hook exactly one handler: `exec`, `httpGet` or `tcpSocket` (lifecycle-handler)',
    ],
  },
  {
    rule: 'init-container-lifecycle',
    valid: (s) => (s.initContainers = [{ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always', lifecycle: { preStop: { exec: { command: ['drain'] } } } }]),
    invalid: (s) => (s.initContainers = [{ name: 'setup', image: 'setup:1', lifecycle: { postStart: { exec: { command: ['true'] } } } }]),
    messages: [
      'spec.initContainers[0].lifecycle: init container "setup" has lifecycle hooks; it runs to completion, and the API server allows hooks only on sidecars. Fix: remove the hooks, or make the init container a sidecar with `restartPolicy: Always` (init-container-lifecycle)',
    ],
  },
  {
    rule: 'env-field-ref',
    valid: (s) =>
      (s.containers[0].env = [
        { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName', apiVersion: 'v1' } } },
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app.kubernetes.io/name']" } } },
        { name: 'NOTE', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['Example.com/Note']" } } },
        { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
        { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'requests.memory', divisor: '1Mi' } } },
        { name: 'CORES', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1000m' } } },
        { name: 'HUGE', valueFrom: { resourceFieldRef: { resource: 'limits.hugepages-2Mi', divisor: '1Ki' } } },
      ]),
    invalid: (s) =>
      (s.containers[0].env = [
        { name: 'LABELS', valueFrom: { fieldRef: { fieldPath: 'metadata.labels' } } },
        { name: 'BAD_KEY', valueFrom: { fieldRef: { fieldPath: "metadata.labels['-app']" } } },
        { name: 'OLD', valueFrom: { fieldRef: { fieldPath: 'metadata.name', apiVersion: 'v2' } } },
        { name: 'GPU', valueFrom: { resourceFieldRef: { resource: 'limits.nvidia.com/gpu' } } },
        { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1Mi' } } },
        { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '2Mi' } } },
      ]),
    messages: [
      'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: fieldRef "metadata.labels" of env "LABELS" of container "app" is not a field env vars can read; they read "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs", and metadata.labels[\'KEY\'] or metadata.annotations[\'KEY\']. Fix: use `EnvValue.fromField()` and `EnvValue.fromResource()`, whose types list the fields (under apiVersion `v1`, or none); a CPU divisor is `1` or `1m`, a memory divisor `1`, `1Ki`, `1Mi`, … or `1k`, `1M`, … (env-field-ref)',
      'spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: fieldRef "metadata.labels[\'-app\']" of env "BAD_KEY" of container "app" reads the key "-app", which has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: use `EnvValue.fromField()` and `EnvValue.fromResource()`, whose types list the fields (under apiVersion `v1`, or none); a CPU divisor is `1` or `1m`, a memory divisor `1`, `1Ki`, `1Mi`, … or `1k`, `1M`, … (env-field-ref)',
      'spec.containers[0].env[2].valueFrom.fieldRef.apiVersion: apiVersion "v2" of the fieldRef of env "OLD" of container "app" is not supported; the downward API of env vars is "v1". Fix: use `EnvValue.fromField()` and `EnvValue.fromResource()`, whose types list the fields (under apiVersion `v1`, or none); a CPU divisor is `1` or `1m`, a memory divisor `1`, `1Ki`, `1Mi`, … or `1k`, `1M`, … (env-field-ref)',
      'spec.containers[0].env[3].valueFrom.resourceFieldRef.resource: resourceFieldRef "limits.nvidia.com/gpu" of env "GPU" of container "app" is not a resource env vars can read; they read "limits.cpu", "limits.memory", "limits.ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage" and requests./limits.hugepages-<size>. Fix: use `EnvValue.fromField()` and `EnvValue.fromResource()`, whose types list the fields (under apiVersion `v1`, or none); a CPU divisor is `1` or `1m`, a memory divisor `1`, `1Ki`, `1Mi`, … or `1k`, `1M`, … (env-field-ref)',
      'spec.containers[0].env[4].valueFrom.resourceFieldRef.divisor: divisor "1Mi" of the resourceFieldRef of env "CPU" of container "app" is not supported with limits.cpu; the values are "1m", "1". Fix: use `EnvValue.fromField()` and `EnvValue.fromResource()`, whose types list the fields (under apiVersion `v1`, or none); a CPU divisor is `1` or `1m`, a memory divisor `1`, `1Ki`, `1Mi`, … or `1k`, `1M`, … (env-field-ref)',
      'spec.containers[0].env[5].valueFrom.resourceFieldRef.divisor: divisor "2Mi" of the resourceFieldRef of env "MEM" of container "app" is not supported with limits.memory; the values are "1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei". Fix: use `EnvValue.fromField()` and `EnvValue.fromResource()`, whose types list the fields (under apiVersion `v1`, or none); a CPU divisor is `1` or `1m`, a memory divisor `1`, `1Ki`, `1Mi`, … or `1k`, `1M`, … (env-field-ref)',
    ],
  },
  {
    rule: 'env-key-ref',
    valid: (s) =>
      (s.containers[0].env = [
        { name: 'A', valueFrom: { configMapKeyRef: { name: 'app.config-1', key: 'log.level_2-x' } } },
        { name: 'B', valueFrom: { secretKeyRef: { name: 'db', key: '.hidden' } } },
      ]),
    invalid: (s) =>
      (s.containers[0].env = [
        { name: 'A', valueFrom: { configMapKeyRef: { name: 'App_Config', key: 'log level' } } },
        { name: 'B', valueFrom: { secretKeyRef: { name: 'db', key: '..' } } },
      ]),
    messages: [
      'spec.containers[0].env[0].valueFrom.configMapKeyRef.name: ConfigMap name "App_Config" in the configMapKeyRef of env "A" of container "app" must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: pass the ConfigMap or Secret object to `EnvValue.fromConfigMap()`/`fromSecret()` with one of its keys (env-key-ref)',
      'spec.containers[0].env[0].valueFrom.configMapKeyRef.key: key "log level" of the configMapKeyRef of env "A" of container "app" has characters other than letters, digits, "-", "_" and ".". Fix: pass the ConfigMap or Secret object to `EnvValue.fromConfigMap()`/`fromSecret()` with one of its keys (env-key-ref)',
      'spec.containers[0].env[1].valueFrom.secretKeyRef.key: key ".." of the secretKeyRef of env "B" of container "app" is "." or starts with "..". Fix: pass the ConfigMap or Secret object to `EnvValue.fromConfigMap()`/`fromSecret()` with one of its keys (env-key-ref)',
    ],
  },
  {
    rule: 'env-from-source',
    valid: (s) => (s.containers[0].envFrom = [{ configMapRef: { name: 'settings' }, prefix: 'APP_' }, { secretRef: { name: 'db.creds' }, prefix: 'db.' }]),
    invalid: (s) =>
      (s.containers[0].envFrom = [{ prefix: 'X_' }, { configMapRef: { name: 'a' }, secretRef: { name: 'b' } }, { configMapRef: { name: 'Settings' }, prefix: '1_' }, { secretRef: {} }]),
    messages: [
      'spec.containers[0].envFrom[0]: the envFrom entry of container "app" has no source. Fix: build the entry with `EnvFrom.configMap()` or `EnvFrom.secret()`, one object each; write the prefix as letters, digits and `_`, such as `DB_` (env-from-source)',
      'spec.containers[0].envFrom[1]: the envFrom entry of container "app" has both configMapRef and secretRef. Fix: build the entry with `EnvFrom.configMap()` or `EnvFrom.secret()`, one object each; write the prefix as letters, digits and `_`, such as `DB_` (env-from-source)',
      'spec.containers[0].envFrom[2].configMapRef.name: ConfigMap name "Settings" in the configMapRef of the envFrom entry of container "app" must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: build the entry with `EnvFrom.configMap()` or `EnvFrom.secret()`, one object each; write the prefix as letters, digits and `_`, such as `DB_` (env-from-source)',
      'spec.containers[0].envFrom[2].prefix: prefix "1_" of the envFrom entry of container "app" must be letters, digits, "_", "-" and ".", and not start with a digit. Fix: build the entry with `EnvFrom.configMap()` or `EnvFrom.secret()`, one object each; write the prefix as letters, digits and `_`, such as `DB_` (env-from-source)',
      'spec.containers[0].envFrom[3].secretRef.name: the secretRef of the envFrom entry of container "app" names no Secret. Fix: build the entry with `EnvFrom.configMap()` or `EnvFrom.secret()`, one object each; write the prefix as letters, digits and `_`, such as `DB_` (env-from-source)',
    ],
  },
  {
    rule: 'resource-name',
    valid: (s) =>
      (s.containers[0].resources = {
        requests: { cpu: '100m', memory: '64Mi', 'ephemeral-storage': '1Gi', 'example.com/foo': '1' },
        limits: { memory: '128Mi', 'example.com/foo': '1', 'hugepages-2Mi': '4Mi' },
      }),
    invalid: (s) => (s.containers[0].resources = { requests: { mem: '64Mi', 'example.com/bad_name!': '1' }, limits: { memory: '128Mi', storage: '1Gi' } }),
    messages: [
      'spec.containers[0].resources.requests["mem"]: resource name "mem" in the requests of container "app" is not a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>). Fix: write a standard name, such as `memory` for `mem`, or give an extended resource its vendor domain, such as `example.com/gpu` (resource-name)',
      'spec.containers[0].resources.requests["example.com/bad_name!"]: resource name "example.com/bad_name!" in the requests of container "app" has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: write a standard name, such as `memory` for `mem`, or give an extended resource its vendor domain, such as `example.com/gpu` (resource-name)',
      'spec.containers[0].resources.limits["storage"]: resource name "storage" in the limits of container "app" is not a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>). Fix: write a standard name, such as `memory` for `mem`, or give an extended resource its vendor domain, such as `example.com/gpu` (resource-name)',
    ],
  },
  {
    rule: 'hugepages',
    valid: (s) => (s.containers[0].resources = { requests: { 'hugepages-2Mi': '100Mi' }, limits: { memory: '128Mi', 'hugepages-2Mi': '100Mi', 'hugepages-1Gi': '2Gi' } }),
    invalid: (s) => {
      s.containers[0].resources = { requests: { 'hugepages-2Mi': '100Mi', 'hugepages-1Gi': '1Gi' }, limits: { 'hugepages-2Mi': '200Mi' } };
      s.containers.push({ name: 'odd', image: 'odd:1', resources: { limits: { memory: '1Gi', 'hugepages-2Mi': '3Mi' } } });
    },
    messages: [
      'spec.containers[0].resources.requests["hugepages-2Mi"]: hugepages-2Mi request "100Mi" of container "app" differs from its limit "200Mi"; it must be equal to it. Fix: set the limit to a multiple of the page size (`hugepages-2Mi: 100Mi`), leave the request out or equal to it, and set a memory limit (hugepages)',
      'spec.containers[0].resources.requests["hugepages-1Gi"]: container "app" requests "1Gi" of hugepages-1Gi without a limit; huge pages cannot be overcommitted. Fix: set the limit to a multiple of the page size (`hugepages-2Mi: 100Mi`), leave the request out or equal to it, and set a memory limit (hugepages)',
      'spec.containers[0].resources: container "app" asks for huge pages without a cpu or memory request or limit. Fix: set the limit to a multiple of the page size (`hugepages-2Mi: 100Mi`), leave the request out or equal to it, and set a memory limit (hugepages)',
      'spec.containers[1].resources.limits["hugepages-2Mi"]: hugepages-2Mi limit "3Mi" of container "odd" is not a whole multiple of the page size 2Mi. Fix: set the limit to a multiple of the page size (`hugepages-2Mi: 100Mi`), leave the request out or equal to it, and set a memory limit (hugepages)',
    ],
  },
  {
    rule: 'security-context-value',
    valid: (s) =>
      (s.containers[0].securityContext = { ...s.containers[0].securityContext, runAsUser: 1000, runAsGroup: 2147483647, procMount: 'Default' }),
    invalid: (s) => (s.containers[0].securityContext = { ...s.containers[0].securityContext, runAsUser: -1, runAsGroup: 2147483648, procMount: 'unmasked' }),
    messages: [
      'spec.containers[0].securityContext.runAsUser: runAsUser of container "app" is -1; it must be a whole number, 0 or more (at most 2147483647). Fix: use the numeric user or group id, such as 1000, and leave `procMount` out unless the node allows unmasked /proc (security-context-value)',
      'spec.containers[0].securityContext.runAsGroup: runAsGroup of container "app" is 2147483648; it must be a whole number, 0 or more (at most 2147483647). Fix: use the numeric user or group id, such as 1000, and leave `procMount` out unless the node allows unmasked /proc (security-context-value)',
      'spec.containers[0].securityContext.procMount: procMount "unmasked" of container "app" is not supported; the values are "Default", "Unmasked". Fix: use the numeric user or group id, such as 1000, and leave `procMount` out unless the node allows unmasked /proc (security-context-value)',
    ],
  },
  {
    rule: 'volume-device',
    valid: (s) => {
      s.volumes = [{ name: 'block', persistentVolumeClaim: { claimName: 'raw' } }, { name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: {} } } }];
      s.containers[0].volumeDevices = [{ name: 'block', devicePath: '/dev/xvda' }, { name: 'scratch', devicePath: '/dev/xvdb' }];
    },
    invalid: (s) => {
      s.volumes = [{ name: 'block', persistentVolumeClaim: { claimName: 'raw' } }, { name: 'cache', emptyDir: {} }];
      s.containers[0].volumeMounts = [{ name: 'cache', mountPath: '/cache' }];
      s.containers[0].volumeDevices = [
        { name: 'block', devicePath: '/dev/xvda' },
        { name: 'block', devicePath: '/dev/xvda' },
        { name: 'cache', devicePath: '/cache' },
        { name: 'missing', devicePath: '/dev/../xvdc' },
        { name: '' },
      ];
    },
    messages: [
      'spec.containers[0].volumeDevices[1].name: container "app" attaches volume "block" as a device twice. Fix: attach each persistentVolumeClaim or ephemeral volume of the Pod once, as a device at a path of its own such as `/dev/xvda`, without `..`, where no volume is mounted; do not also mount it (volume-device)',
      'spec.containers[0].volumeDevices[1].devicePath: container "app" attaches two devices at "/dev/xvda". Fix: attach each persistentVolumeClaim or ephemeral volume of the Pod once, as a device at a path of its own such as `/dev/xvda`, without `..`, where no volume is mounted; do not also mount it (volume-device)',
      'spec.containers[0].volumeDevices[2].name: container "app" attaches volume "cache" as a device, but only persistentVolumeClaim and ephemeral volumes can be block devices. Fix: attach each persistentVolumeClaim or ephemeral volume of the Pod once, as a device at a path of its own such as `/dev/xvda`, without `..`, where no volume is mounted; do not also mount it (volume-device)',
      'spec.containers[0].volumeDevices[2].name: container "app" both mounts volume "cache" and attaches it as a device. Fix: attach each persistentVolumeClaim or ephemeral volume of the Pod once, as a device at a path of its own such as `/dev/xvda`, without `..`, where no volume is mounted; do not also mount it (volume-device)',
      'spec.containers[0].volumeDevices[2].devicePath: devicePath "/cache" of container "app" is also a mount path. Fix: attach each persistentVolumeClaim or ephemeral volume of the Pod once, as a device at a path of its own such as `/dev/xvda`, without `..`, where no volume is mounted; do not also mount it (volume-device)',
      'spec.containers[0].volumeDevices[3].name: container "app" attaches volume "missing" as a device, which the Pod does not declare. Fix: attach each persistentVolumeClaim or ephemeral volume of the Pod once, as a device at a path of its own such as `/dev/xvda`, without `..`, where no volume is mounted; do not also mount it (volume-device)',
      'spec.containers[0].volumeDevices[3].devicePath: devicePath "/dev/../xvdc" of container "app" holds a ".." segment. Fix: attach each persistentVolumeClaim or ephemeral volume of the Pod once, as a device at a path of its own such as `/dev/xvda`, without `..`, where no volume is mounted; do not also mount it (volume-device)',
      'spec.containers[0].volumeDevices[4].name: a volume device of container "app" names no volume. Fix: attach each persistentVolumeClaim or ephemeral volume of the Pod once, as a device at a path of its own such as `/dev/xvda`, without `..`, where no volume is mounted; do not also mount it (volume-device)',
      'spec.containers[0].volumeDevices[4].devicePath: the device of volume "" in container "app" has no devicePath. Fix: attach each persistentVolumeClaim or ephemeral volume of the Pod once, as a device at a path of its own such as `/dev/xvda`, without `..`, where no volume is mounted; do not also mount it (volume-device)',
    ],
  },
  {
    rule: 'working-dir-absolute',
    valid: (s) => (s.containers[0].workingDir = '/srv/app'),
    invalid: (s) => (s.containers[0].workingDir = 'srv/app'),
    messages: [
      'spec.containers[0].workingDir: workingDir "srv/app" of container "app" is relative; the container runtime refuses to start a container in a relative working directory. Fix: write the directory from the root, such as "/srv/app" (working-dir-absolute)',
    ],
  },
  {
    rule: 'env-var-secret',
    valid: (s) =>
      (s.containers[0].env = [
        { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
        { name: 'PASSWORD_COPY', value: '$(DB_PASSWORD)' },
        { name: 'API_TOKEN', value: '' },
        { name: 'LOG_LEVEL', value: 'debug' },
        { name: 'MYSQL_RANDOM_ROOT_PASSWORD', value: 'yes' },
        { name: 'MYSQL_ALLOW_EMPTY_PASSWORD', value: 'True' },
      ]),
    invalid: (s) =>
      (s.containers[0].env = [
        { name: 'DB_PASSWORD', value: 'hunter2' },
        { name: 'AWS_SECRET_ACCESS_KEY', value: 'abc' },
        { name: 'githubToken', value: 'ghp_x' },
      ]),
    messages: [
      'spec.containers[0].env[0].value: env "DB_PASSWORD" of container "app" holds a literal value, and its name says it is a credential; the value would be written into the manifest. Fix: keep the value in a Secret and read it with valueFrom: EnvValue.fromSecret(secret, \'db-password\') (env-var-secret)',
      'spec.containers[0].env[1].value: env "AWS_SECRET_ACCESS_KEY" of container "app" holds a literal value, and its name says it is a credential; the value would be written into the manifest. Fix: keep the value in a Secret and read it with valueFrom: EnvValue.fromSecret(secret, \'aws-secret-access-key\') (env-var-secret)',
      'spec.containers[0].env[2].value: env "githubToken" of container "app" holds a literal value, and its name says it is a credential; the value would be written into the manifest. Fix: keep the value in a Secret and read it with valueFrom: EnvValue.fromSecret(secret, \'githubtoken\') (env-var-secret)',
    ],
  },
  {
    rule: 'stdin-once-without-stdin',
    valid: (s) => Object.assign(s.containers[0], { stdin: true, stdinOnce: true }),
    invalid: (s) => Object.assign(s.containers[0], { stdinOnce: true }),
    messages: [
      'spec.containers[0].stdinOnce: container "app" sets stdinOnce without stdin: true, so it has no standard input to close. Fix: set `stdin: true` as well, or remove `stdinOnce` (stdin-once-without-stdin)',
    ],
  },
];

describeRuleCases(CONTAINER_CASES);

describe("a container's seccompProfile and windowsOptions", () => {
  test('are checked as the Pod\'s are', () => {
    const spec = specWith((s) => {
      s.containers[0].securityContext = { ...s.containers[0].securityContext, seccompProfile: { type: 'Localhost' } };
      s.containers.push({ name: 'win', image: 'w:1', securityContext: { windowsOptions: { runAsUserName: 'a\\b\\c' } } });
    });
    expect([...specProblems(spec, 'seccomp-profile'), ...specProblems(spec, 'pod-security-context')]).toEqual([
      'spec.containers[0].securityContext.seccompProfile.localhostProfile: seccompProfile has type "Localhost" and no localhostProfile. Fix: use { type: "RuntimeDefault" }, or { type: "Localhost", localhostProfile: "profiles/app.json" } with a path under the kubelet\'s seccomp directory (seccomp-profile)',
      'spec.containers[1].securityContext.windowsOptions.runAsUserName: runAsUserName "a\\\\b\\\\c" holds more than one backslash. Fix: use a user or group ID from 0 to 2147483647; name a GMSACredentialSpec by its metadata.name, or give its JSON, under 64 KiB; write a Windows user as "USER" or "DOMAIN\\\\USER", such as "ContainerUser" (pod-security-context)',
    ]);
  });
});

describe('refuses nothing that works', () => {
  test('a later env entry that builds on an earlier one of its name is accepted, as warnings.go leaves it; X=$(X) is not', () => {
    const spec = specWith(
      (s) =>
        (s.containers[0].env = [
          { name: 'PATH', value: '/bin' },
          { name: 'PATH', value: '$(PATH):/opt/bin' },
          { name: 'X', value: 'a' },
          { name: 'X', value: '$(X)' },
        ]),
    );
    expect(specProblems(spec)).toEqual([
      'spec.containers[0].env[3].name: env name "X" of container "app" is already defined at spec.containers[0].env[2]; the later entry hides it. Fix: remove one of the two entries or rename one (env-name-unique)',
    ]);
  });

  test('an undefined $(VAR) in command or args is a warning, not an error', () => {
    const spec = specWith((s) => (s.containers[0].args = ['$(UNDEFINED)']));
    expect(specProblems(spec).length).toBe(1);
    expect(specProblems(spec)[0]).toContain('(command-env-reference)');
  });

  test('an env value may hold $(…) that names no variable, a Service link, or an unclosed $(', () => {
    const spec = specWith(
      (s) =>
        (s.containers[0].env = [
          { name: 'STARTED', value: 'at $(date +%s) on $(hostname -i)' },
          { name: 'DB', value: '$(POSTGRES_SERVICE_HOST):$(POSTGRES_SERVICE_PORT) $(POSTGRES_PORT_5432_TCP_ADDR)' },
          { name: 'OPEN', value: 'costs $(' },
        ]),
    );
    expect(specProblems(spec)).toEqual([]);
  });

  test('with enableServiceLinks: false, a Service-link name is an undefined reference', () => {
    const spec = specWith((s) => {
      s.enableServiceLinks = false;
      s.containers[0].env = [{ name: 'DB', value: '$(POSTGRES_SERVICE_HOST)' }];
    });
    expect(specProblems(spec, 'env-reference-defined')).toHaveLength(1);
  });

  test('cleanContainer is clean', () => {
    expect(specProblems({ containers: [cleanContainer()], securityContext: { runAsNonRoot: true } })).toEqual([]);
  });
});
