import { cleanContainer, cleanSpec, RuleCase, specProblems, specWith } from './_spec';

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are written as manifest JSON */

// Each rule: a spec at the edge it accepts, one it rejects, and the exact messages.
// (extra-field-modeled is tested in pod.test.ts: PodTemplate reports it.)
const POD_SPEC_CASES: readonly RuleCase[] = [
  {
    rule: 'pod-has-containers',
    valid: () => undefined,
    invalid: (s) => (s.containers = []),
    messages: ['spec.containers: the Pod has no containers. Fix: give the Pod a container with the `containers` prop or `addContainer()` (pod-has-containers)'],
  },
  {
    rule: 'container-name',
    valid: (s) => (s.containers[0].name = 'a'.repeat(63)),
    invalid: (s) => {
      s.containers[0].name = 'Web_Server';
      s.containers.push({ ...cleanContainer('x'.repeat(64), 9090) });
    },
    messages: [
      'spec.containers[0].name: container name "Web_Server" must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: rename it to a DNS-1123 label such as "web-server" (container-name)',
      'spec.containers[1].name: container name "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" is 64 characters long; at most 63 are allowed. Fix: rename it to a DNS-1123 label such as "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" (container-name)',
    ],
  },
  {
    rule: 'container-name-unique',
    valid: (s) => (s.initContainers = [{ ...cleanContainer('setup', 9000), livenessProbe: undefined, readinessProbe: undefined }]),
    invalid: (s) => {
      s.containers.push(cleanContainer('app', 9090));
      s.initContainers = [{ name: 'app', image: 'app:1.0' }];
    },
    messages: [
      'spec.containers[1].name: container name "app" is already used by spec.containers[0]. Fix: give each container and init container its own name (container-name-unique)',
      'spec.initContainers[0].name: container name "app" is already used by spec.containers[0]. Fix: give each container and init container its own name (container-name-unique)',
    ],
  },
  {
    rule: 'container-image',
    valid: (s) => (s.containers[0].image = 'registry.example.com:5000/team/app:1.0'),
    invalid: (s) => {
      s.containers[0].image = ' app:1.0';
      s.containers.push({ ...cleanContainer('sidecar', 9090), image: '' });
    },
    messages: [
      'spec.containers[0].image: image " app:1.0" of container "app" has leading or trailing spaces. Fix: set `image` to "app:1.0" (container-image)',
      'spec.containers[1].image: container "sidecar" has no image. Fix: set `image` to an image such as "nginx:1.27" (container-image)',
    ],
  },
  {
    rule: 'port-name',
    valid: (s) => (s.containers[0].ports[0].name = 'web-8080-metric'),
    invalid: (s) => {
      s.containers[0].ports = [
        { name: 'HTTP_metrics_port', containerPort: 8080 },
        { name: '8081', containerPort: 8081 },
        { name: 'a--b', containerPort: 8082 },
        { name: '-admin', containerPort: 8083 },
      ];
    },
    messages: [
      'spec.containers[0].ports[0].name: port name "HTTP_metrics_port" of container "app" is 17 characters long; at most 15 are allowed. Fix: rename it to an IANA service name such as "http-metrics-po" (port-name)',
      'spec.containers[0].ports[1].name: port name "8081" of container "app" must hold at least one letter. Fix: rename it to an IANA service name such as "port-8081" (port-name)',
      'spec.containers[0].ports[2].name: port name "a--b" of container "app" must not hold "--". Fix: rename it to an IANA service name such as "a-b" (port-name)',
      'spec.containers[0].ports[3].name: port name "-admin" of container "app" must not start or end with "-". Fix: rename it to an IANA service name such as "admin" (port-name)',
    ],
  },
  {
    rule: 'port-name-unique',
    valid: (s) => s.containers.push(cleanContainer('other', 9090)),
    invalid: (s) => s.containers[0].ports.push({ name: 'http', containerPort: 8443 }),
    messages: [
      'spec.containers[0].ports[1].name: port name "http" of container "app" is already used by spec.containers[0].ports[0]. Fix: give each port of the container its own name (port-name-unique)',
    ],
  },
  {
    rule: 'port-number',
    valid: (s) => s.containers[0].ports.push({ containerPort: 65535, hostPort: 1 }),
    invalid: (s) => s.containers[0].ports.push({ containerPort: 0 }, { containerPort: 65536 }, { containerPort: 80, hostPort: 70000 }, { containerPort: '80' }),
    messages: [
      'spec.containers[0].ports[1].containerPort: containerPort of container "app" is 0; it must be a whole number from 1 to 65535. Fix: use the port the process listens on (port-number)',
      'spec.containers[0].ports[2].containerPort: containerPort of container "app" is 65536; it must be a whole number from 1 to 65535. Fix: use the port the process listens on (port-number)',
      'spec.containers[0].ports[3].hostPort: hostPort of container "app" is 70000; it must be a whole number from 1 to 65535. Fix: use the port the process listens on (port-number)',
      'spec.containers[0].ports[4].containerPort: containerPort of container "app" is "80"; it must be a whole number from 1 to 65535. Fix: use the port the process listens on (port-number)',
    ],
  },
  {
    rule: 'host-port-conflict',
    valid: (s) => {
      s.containers[0].ports[0].hostPort = 8080;
      s.containers.push({ ...cleanContainer('dns', 53), ports: [{ name: 'dns', containerPort: 53, hostPort: 8080, protocol: 'UDP' }] });
    },
    invalid: (s) => {
      s.containers[0].ports[0].hostPort = 8080;
      s.containers.push({ ...cleanContainer('proxy', 9090), ports: [{ name: 'http', containerPort: 9090, hostPort: 8080 }] });
    },
    messages: [
      'spec.containers[1].ports[0].hostPort: hostPort 8080/TCP of container "proxy" is already claimed by spec.containers[0].ports[0].hostPort. Fix: give one of them another `hostPort`, or drop `hostPort` and reach the Pod through a Service (host-port-conflict)',
    ],
  },
  {
    rule: 'env-name',
    valid: (s) => (s.containers[0].env = [{ name: '_my.var-1', value: 'x' }]),
    invalid: (s) =>
      (s.containers[0].env = [
        { name: '1ST', value: 'x' },
        { name: 'MY VAR', value: 'y' },
      ]),
    messages: [
      'spec.containers[0].env[0].name: env name "1ST" of container "app" must be letters, digits, "_", "-" and ".", and not start with a digit. Fix: rename it, such as "_1ST" (env-name)',
      'spec.containers[0].env[1].name: env name "MY VAR" of container "app" must be letters, digits, "_", "-" and ".", and not start with a digit. Fix: rename it, such as "MY_VAR" (env-name)',
    ],
  },
  {
    rule: 'env-value-source',
    valid: (s) =>
      (s.containers[0].env = [
        { name: 'A', value: '' },
        { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        // An empty value is the unset one: the API server accepts it beside valueFrom.
        { name: 'EMPTY', value: '', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      ]),
    invalid: (s) =>
      (s.containers[0].env = [
        { name: 'BOTH', value: 'x', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'NONE', valueFrom: {} },
        { name: 'TWO', valueFrom: { fieldRef: { fieldPath: 'status.podIP' }, secretKeyRef: { name: 's', key: 'k' } } },
      ]),
    messages: [
      'spec.containers[0].env[0]: env "BOTH" of container "app" has both value and valueFrom. Fix: keep one of `value` and `valueFrom`; give `valueFrom` one of `configMapKeyRef`, `secretKeyRef`, `fieldRef`, `resourceFieldRef` (env-value-source)',
      'spec.containers[0].env[1].valueFrom: valueFrom of env "NONE" of container "app" has no source. Fix: keep one of `value` and `valueFrom`; give `valueFrom` one of `configMapKeyRef`, `secretKeyRef`, `fieldRef`, `resourceFieldRef` (env-value-source)',
      'spec.containers[0].env[2].valueFrom: valueFrom of env "TWO" of container "app" has 2 sources (secretKeyRef, fieldRef). Fix: keep one of `value` and `valueFrom`; give `valueFrom` one of `configMapKeyRef`, `secretKeyRef`, `fieldRef`, `resourceFieldRef` (env-value-source)',
    ],
  },
  {
    rule: 'volume-name',
    valid: (s) => (s.volumes = [{ name: 'html-data', emptyDir: {} }]),
    // A dot is fine in a subdomain but not in a label: the suggestion drops it.
    invalid: (s) => (s.volumes = [{ name: 'HTML_Data', emptyDir: {} }, { name: 'html.d', emptyDir: {} }]),
    messages: [
      'spec.volumes[0].name: volume name "HTML_Data" must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: rename it to a DNS-1123 label such as "html-data" (volume-name)',
      'spec.volumes[1].name: volume name "html.d" must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: rename it to a DNS-1123 label such as "html-d" (volume-name)',
    ],
  },
  {
    rule: 'volume-name-unique',
    valid: (s) =>
      (s.volumes = [
        { name: 'a', emptyDir: {} },
        { name: 'b', emptyDir: {} },
      ]),
    invalid: (s) =>
      (s.volumes = [
        { name: 'data', emptyDir: {} },
        { name: 'data', configMap: { name: 'c' } },
      ]),
    messages: [
      'spec.volumes[1].name: volume name "data" is already used by spec.volumes[0]. Fix: give each volume its own name, or mount the same Volume object in both containers (volume-name-unique)',
    ],
  },
  {
    rule: 'volume-source',
    valid: (s) => (s.volumes = [{ name: 'token', projected: { sources: [] } }]),
    invalid: (s) => (s.volumes = [{ name: 'nothing' }, { name: 'both', emptyDir: {}, secret: { secretName: 's' } }]),
    messages: [
      'spec.volumes[0]: volume "nothing" has no source. Fix: build the volume with one `Volume` factory, or keep one source in the escape hatch (volume-source)',
      'spec.volumes[1]: volume "both" has 2 sources (emptyDir, secret). Fix: build the volume with one `Volume` factory, or keep one source in the escape hatch (volume-source)',
    ],
  },
  {
    rule: 'host-path',
    valid: (s) => (s.volumes = [{ name: 'data', hostPath: { path: '/data/..mysql' } }]),
    invalid: (s) =>
      (s.volumes = [
        { name: 'data', hostPath: { path: '/data/../etc' } },
        { name: 'empty', hostPath: { path: '' } },
      ]),
    messages: [
      'spec.volumes[0].hostPath.path: hostPath "/data/../etc" of volume "data" holds a ".." segment. Fix: give the path on the node, such as `/data/mysql`, without `..` segments (host-path)',
      'spec.volumes[1].hostPath.path: hostPath volume "empty" has no path. Fix: give the path on the node, such as `/data/mysql`, without `..` segments (host-path)',
    ],
  },
  {
    rule: 'mount-volume-exists',
    valid: (s) => {
      s.volumes = [{ name: 'html', emptyDir: {} }];
      s.containers[0].volumeMounts = [{ name: 'html', mountPath: '/var/html' }];
    },
    invalid: (s) => {
      s.volumes = [{ name: 'html', emptyDir: {} }];
      s.containers[0].volumeMounts = [{ name: 'htm', mountPath: '/var/html' }];
    },
    messages: [
      'spec.containers[0].volumeMounts[0].name: container "app" mounts volume "htm", which the Pod does not declare. Fix: mount with `volume.mount(path)`, which adds the volume to the Pod, or fix the name (mount-volume-exists)',
    ],
  },
  {
    rule: 'mount-path-unique',
    valid: (s) => {
      s.volumes = [
        { name: 'a', emptyDir: {} },
        { name: 'b', emptyDir: {} },
      ];
      s.containers[0].volumeMounts = [
        { name: 'a', mountPath: '/data' },
        { name: 'b', mountPath: '/data/b' },
      ];
      s.containers.push({ ...cleanContainer('other', 9090), volumeMounts: [{ name: 'a', mountPath: '/data' }] });
    },
    invalid: (s) => {
      s.volumes = [
        { name: 'a', emptyDir: {} },
        { name: 'b', emptyDir: {} },
      ];
      s.containers[0].volumeMounts = [
        { name: 'a', mountPath: '/data' },
        { name: 'b', mountPath: '/data' },
        { name: 'b', mountPath: '' },
      ];
    },
    messages: [
      'spec.containers[0].volumeMounts[1].mountPath: container "app" already mounts a volume at "/data" (spec.containers[0].volumeMounts[0]). Fix: give each mount a path of its own, where the volume appears in the container; use `subPath` to combine volumes under one directory (mount-path-unique)',
      'spec.containers[0].volumeMounts[2].mountPath: mount of volume "b" in container "app" has no path. Fix: give each mount a path of its own, where the volume appears in the container; use `subPath` to combine volumes under one directory (mount-path-unique)',
    ],
  },
  {
    rule: 'mount-sub-path',
    valid: (s) => {
      s.volumes = [{ name: 'a', emptyDir: {} }];
      s.containers[0].volumeMounts = [{ name: 'a', mountPath: '/data', subPath: 'app/..config' }];
    },
    invalid: (s) => {
      s.volumes = [{ name: 'a', emptyDir: {} }];
      s.containers[0].volumeMounts = [
        { name: 'a', mountPath: '/x', subPath: '/etc' },
        { name: 'a', mountPath: '/y', subPath: 'app/../../etc' },
      ];
    },
    messages: [
      'spec.containers[0].volumeMounts[0].subPath: subPath "/etc" of container "app" is absolute; it must be relative. Fix: write a relative path inside the volume, without `..`, such as `app/config` (mount-sub-path)',
      'spec.containers[0].volumeMounts[1].subPath: subPath "app/../../etc" of container "app" holds a ".." segment. Fix: write a relative path inside the volume, without `..`, such as `app/config` (mount-sub-path)',
    ],
  },
  {
    rule: 'probe-handler',
    valid: (s) => (s.containers[0].startupProbe = { exec: { command: ['true'] }, initialDelaySeconds: 0 }),
    invalid: (s) => {
      s.containers[0].startupProbe = { periodSeconds: 5 };
      s.containers[0].livenessProbe = { tcpSocket: { port: 'http' }, exec: { command: ['true'] }, timeoutSeconds: -1 };
    },
    messages: [
      'spec.containers[0].livenessProbe: livenessProbe of container "app" has 2 handlers (tcpSocket, exec). Fix: give the probe exactly one of `httpGet`, `tcpSocket`, `grpc`, `exec`, as a `Probe` factory does, and timings of 0 or more, or leave them out for the defaults (probe-handler)',
      'spec.containers[0].livenessProbe.timeoutSeconds: timeoutSeconds of the livenessProbe of container "app" is -1; it must not be negative. Fix: give the probe exactly one of `httpGet`, `tcpSocket`, `grpc`, `exec`, as a `Probe` factory does, and timings of 0 or more, or leave them out for the defaults (probe-handler)',
      'spec.containers[0].startupProbe: startupProbe of container "app" has no handler. Fix: give the probe exactly one of `httpGet`, `tcpSocket`, `grpc`, `exec`, as a `Probe` factory does, and timings of 0 or more, or leave them out for the defaults (probe-handler)',
    ],
  },
  {
    rule: 'probe-success-threshold',
    valid: (s) => {
      s.containers[0].livenessProbe.successThreshold = 1;
      s.containers[0].readinessProbe.successThreshold = 3;
    },
    invalid: (s) => {
      s.containers[0].livenessProbe.successThreshold = 2;
      s.containers[0].startupProbe = { tcpSocket: { port: 8080 }, successThreshold: 3 };
    },
    messages: [
      'spec.containers[0].livenessProbe.successThreshold: successThreshold of the livenessProbe of container "app" is 2; it must be 1. Fix: remove `successThreshold`, or set it to 1; only readiness probes take more (probe-success-threshold)',
      'spec.containers[0].startupProbe.successThreshold: successThreshold of the startupProbe of container "app" is 3; it must be 1. Fix: remove `successThreshold`, or set it to 1; only readiness probes take more (probe-success-threshold)',
    ],
  },
  {
    rule: 'init-container-probes',
    valid: (s) => (s.initContainers = [{ ...cleanContainer('proxy', 9090), restartPolicy: 'Always' }]),
    invalid: (s) => (s.initContainers = [{ ...cleanContainer('migrate', 9090), readinessProbe: undefined }]),
    messages: [
      'spec.initContainers[0].livenessProbe: init container "migrate" has a livenessProbe; it runs to completion, so nothing would act on it. Fix: remove the probes, or make the init container a sidecar with `restartPolicy: Always` (init-container-probes)',
    ],
  },
  {
    rule: 'resource-quantity',
    valid: (s) => (s.containers[0].resources = { requests: { cpu: '0.1', memory: '1e3' }, limits: { memory: '128Mi', cpu: 2 } }),
    invalid: (s) => (s.containers[0].resources = { requests: { cpu: '2cores' }, limits: { memory: '512MB' } }),
    messages: [
      'spec.containers[0].resources.requests.cpu: cpu request "2cores" of container "app" is not a Kubernetes quantity. Fix: write CPU as cores (`0.5`, `2`) or millicores (`500m`), and bytes with a Kubernetes suffix, such as `512Mi` or `1Gi`; use 0 or more, or leave the amount out (resource-quantity)',
      'spec.containers[0].resources.limits.memory: memory limit "512MB" of container "app" is not a Kubernetes quantity. Fix: write CPU as cores (`0.5`, `2`) or millicores (`500m`), and bytes with a Kubernetes suffix, such as `512Mi` or `1Gi`; use 0 or more, or leave the amount out (resource-quantity)',
    ],
  },
  {
    rule: 'requests-within-limits',
    valid: (s) => (s.containers[0].resources = { requests: { cpu: '1', memory: '128Mi' }, limits: { cpu: '1000m', memory: '128Mi' } }),
    invalid: (s) => (s.containers[0].resources = { requests: { cpu: '1500m', memory: '1Gi' }, limits: { cpu: 1, memory: '512Mi' } }),
    messages: [
      'spec.containers[0].resources.requests.cpu: cpu request "1500m" of container "app" is above its limit 1. Fix: lower the request or raise the limit (requests-within-limits)',
      'spec.containers[0].resources.requests.memory: memory request "1Gi" of container "app" is above its limit "512Mi". Fix: lower the request or raise the limit (requests-within-limits)',
    ],
  },
  {
    rule: 'extended-resource',
    valid: (s) => (s.containers[0].resources = { requests: { cpu: '1', memory: '128Mi', 'nvidia.com/gpu': 2 }, limits: { memory: '128Mi', 'nvidia.com/gpu': '2' } }),
    invalid: (s) => {
      s.containers[0].resources = { requests: { cpu: '1', memory: '128Mi', 'nvidia.com/gpu': 1, 'example.com/fpga': 1 }, limits: { memory: '128Mi', 'nvidia.com/gpu': 2, 'example.com/dongle': '500m' } };
    },
    messages: [
      'spec.containers[0].resources.limits["example.com/dongle"]: example.com/dongle limit 0.5 of container "app" is not a whole number. Fix: set the limit to a whole number, such as `1`; make the request equal to the limit, or leave the request out (extended-resource)',
      'spec.containers[0].resources.requests["nvidia.com/gpu"]: nvidia.com/gpu request 1 of container "app" differs from its limit 2. Fix: set the limit to a whole number, such as `1`; make the request equal to the limit, or leave the request out (extended-resource)',
      'spec.containers[0].resources.requests["example.com/fpga"]: container "app" requests 1 example.com/fpga without a limit. Fix: set the limit to a whole number, such as `1`; make the request equal to the limit, or leave the request out (extended-resource)',
    ],
  },
  {
    rule: 'security-context-conflict',
    valid: (s) =>
      // The API server refuses the text "CAP_SYS_ADMIN" only; "SYS_ADMIN" is accepted and works.
      (s.containers[0].securityContext = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { add: ['NET_BIND_SERVICE', 'SYS_ADMIN'] } }),
    invalid: (s) => (s.containers[0].securityContext = { allowPrivilegeEscalation: false, privileged: true, capabilities: { add: ['CAP_SYS_ADMIN'] } }),
    messages: [
      'spec.containers[0].securityContext.allowPrivilegeEscalation: container "app" sets allowPrivilegeEscalation: false and privileged: true. Fix: drop `privileged` and `CAP_SYS_ADMIN`, or drop `allowPrivilegeEscalation: false` (security-context-conflict)',
      'spec.containers[0].securityContext.allowPrivilegeEscalation: container "app" sets allowPrivilegeEscalation: false and adds the CAP_SYS_ADMIN capability. Fix: drop `privileged` and `CAP_SYS_ADMIN`, or drop `allowPrivilegeEscalation: false` (security-context-conflict)',
    ],
  },
  {
    rule: 'reference-name',
    valid: (s) => {
      s.serviceAccountName = 'ci.runner-1';
      s.volumes = [
        { name: 'c', configMap: { name: 'app-config' } },
        { name: 's', secret: { secretName: 'tls' } },
        { name: 'd', persistentVolumeClaim: { claimName: 'data' } },
      ];
      s.containers[0].env = [{ name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }];
    },
    invalid: (s) => {
      s.serviceAccountName = 'CI Runner';
      s.volumes = [
        { name: 'c', configMap: {} },
        { name: 's', secret: { secretName: '' } },
        { name: 'd', persistentVolumeClaim: {} },
      ];
      s.containers[0].env = [
        { name: 'MODE', valueFrom: { configMapKeyRef: { key: 'mode' } } },
        { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db' } } },
      ];
    },
    messages: [
      'spec.serviceAccountName: serviceAccountName "CI Runner" must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit, such as "ci-runner". Fix: pass the ConfigMap, Secret, claim or ServiceAccount object, or name one that exists by its metadata.name (reference-name)',
      'spec.volumes[0].configMap.name: configMap volume "c" names no object. Fix: pass the ConfigMap, Secret, claim or ServiceAccount object, or name one that exists by its metadata.name (reference-name)',
      'spec.volumes[1].secret.secretName: secret volume "s" names no object. Fix: pass the ConfigMap, Secret, claim or ServiceAccount object, or name one that exists by its metadata.name (reference-name)',
      'spec.volumes[2].persistentVolumeClaim.claimName: persistentVolumeClaim volume "d" names no object. Fix: pass the ConfigMap, Secret, claim or ServiceAccount object, or name one that exists by its metadata.name (reference-name)',
      'spec.containers[0].env[0].valueFrom.configMapKeyRef: configMapKeyRef of env "MODE" of container "app" names no ConfigMap. Fix: give both the object\'s name and the key (reference-name)',
      'spec.containers[0].env[1].valueFrom.secretKeyRef: secretKeyRef of env "PASSWORD" of container "app" names no key. Fix: give both the object\'s name and the key (reference-name)',
    ],
  },
  {
    rule: 'toleration',
    valid: (s) =>
      (s.tolerations = [
        { key: 'gpu', operator: 'Equal', value: 'true', effect: 'NoSchedule' },
        { operator: 'Exists' },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 },
      ]),
    invalid: (s) =>
      (s.tolerations = [
        { value: 'x' },
        { key: 'gpu', operator: 'Exists', value: 'true' },
        { key: 'bad key', value: 'not a label value!' },
        { key: 'gpu', effect: 'NoSchedule', tolerationSeconds: 30 },
      ]),
    messages: [
      'spec.tolerations[0].key: a toleration without a key must use operator "Exists". Fix: give `Equal` a key and a value, `Exists` a key or nothing, and `tolerationSeconds` only to `NoExecute`; an empty operator means `Equal` (toleration)',
      'spec.tolerations[1].value: a toleration with operator "Exists" has value "true". Fix: give `Equal` a key and a value, `Exists` a key or nothing, and `tolerationSeconds` only to `NoExecute`; an empty operator means `Equal` (toleration)',
      'spec.tolerations[2].key: toleration key "bad key" has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: give `Equal` a key and a value, `Exists` a key or nothing, and `tolerationSeconds` only to `NoExecute`; an empty operator means `Equal` (toleration)',
      'spec.tolerations[2].value: toleration value "not a label value!" must be empty or letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: give `Equal` a key and a value, `Exists` a key or nothing, and `tolerationSeconds` only to `NoExecute`; an empty operator means `Equal` (toleration)',
      'spec.tolerations[3].tolerationSeconds: tolerationSeconds is set with effect "NoSchedule". Fix: give `Equal` a key and a value, `Exists` a key or nothing, and `tolerationSeconds` only to `NoExecute`; an empty operator means `Equal` (toleration)',
    ],
  },
  {
    rule: 'supported-value',
    valid: (s) => {
      s.restartPolicy = 'OnFailure';
      s.containers[0].imagePullPolicy = 'IfNotPresent';
      s.containers[0].ports[0].protocol = 'SCTP';
      s.volumes = [{ name: 'sock', hostPath: { path: '/run/x.sock', type: 'Socket' } }];
    },
    invalid: (s) => {
      s.restartPolicy = 'always';
      s.tolerations = [{ key: 'gpu', operator: 'In', effect: 'NoScheduling' }];
      s.containers[0].imagePullPolicy = 'Sometimes';
      s.containers[0].ports[0].protocol = 'tcp';
      s.volumes = [
        { name: 'data', hostPath: { path: '/data', type: 'directory' } },
        { name: 'mem', emptyDir: { medium: 'RAM' } },
      ];
      s.initContainers = [{ name: 'init', image: 'init:1', restartPolicy: 'OnFailure' }];
    },
    messages: [
      'spec.restartPolicy: restartPolicy "always" is not supported; the values are "Always", "OnFailure", "Never". Fix: write "Always" (supported-value)',
      'spec.tolerations[0].operator: toleration operator "In" is not supported; the values are "Equal", "Exists". Fix: use one of the listed values (supported-value)',
      'spec.tolerations[0].effect: toleration effect "NoScheduling" is not supported; the values are "", "NoSchedule", "PreferNoSchedule", "NoExecute". Fix: use one of the listed values (supported-value)',
      'spec.volumes[0].hostPath.type: hostPath type "directory" is not supported; the values are "", "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice". Fix: write "Directory" (supported-value)',
      'spec.volumes[1].emptyDir.medium: emptyDir medium "RAM" is not supported; the values are "", "Memory", "HugePages". Fix: use one of the listed values (supported-value)',
      'spec.containers[0].imagePullPolicy: imagePullPolicy "Sometimes" is not supported; the values are "Always", "IfNotPresent", "Never". Fix: use one of the listed values (supported-value)',
      'spec.containers[0].ports[0].protocol: protocol "tcp" is not supported; the values are "TCP", "UDP", "SCTP". Fix: write "TCP" (supported-value)',
      'spec.initContainers[0].restartPolicy: init container restartPolicy "OnFailure" is not supported; the values are "Always". Fix: use one of the listed values (supported-value)',
    ],
  },
  {
    rule: 'probe-port',
    valid: (s) => (s.containers[0].livenessProbe = { httpGet: { port: '8080' } }),
    invalid: (s) => {
      s.containers[0].livenessProbe = { httpGet: { port: 'htp' } };
      s.containers.push({ ...cleanContainer('bare', 9090), ports: undefined, readinessProbe: undefined, livenessProbe: { tcpSocket: { port: 'admin' } } });
    },
    messages: [
      'spec.containers[0].livenessProbe.httpGet.port: livenessProbe of container "app" calls port "htp", which the container does not declare (it declares "http"). Fix: declare the port on the container, or probe its number (probe-port)',
      'spec.containers[1].livenessProbe.tcpSocket.port: livenessProbe of container "bare" calls port "admin", which the container does not declare (it names no ports). Fix: declare the port on the container, or probe its number (probe-port)',
    ],
  },
  {
    rule: 'port-shared-localhost',
    valid: (s) => {
      s.containers.push({ ...cleanContainer('dns', 53), ports: [{ name: 'dns', containerPort: 8080, protocol: 'UDP' }] });
      s.initContainers = [{ name: 'init', image: 'init:1', ports: [{ containerPort: 8080 }] }];
    },
    invalid: (s) => {
      s.containers.push(cleanContainer('web-server', 8080));
      s.initContainers = [{ ...cleanContainer('proxy', 8080), restartPolicy: 'Always' }];
      s.containers[0].ports.push({ name: 'again', containerPort: 8080, protocol: 'TCP' });
    },
    messages: [
      'spec.containers[0].ports[1].containerPort: port 8080/TCP is declared twice by container "app", first at spec.containers[0].ports[0]. Fix: remove one of the two declarations (port-shared-localhost)',
      'spec.containers[1].ports[0].containerPort: port 8080/TCP of container "web-server" is already used by container "app" (spec.containers[0].ports[0]); containers of a Pod share localhost, so only one can listen on it. Fix: give "web-server" or "app" another port (port-shared-localhost)',
      'spec.initContainers[0].ports[0].containerPort: port 8080/TCP of container "proxy" is already used by container "app" (spec.containers[0].ports[0]); containers of a Pod share localhost, so only one can listen on it. Fix: give "proxy" or "app" another port (port-shared-localhost)',
    ],
  },
  {
    rule: 'env-reference-defined',
    valid: (s) => {
      s.containers[0].env = [
        { name: 'PROFILE', value: 'production' },
        { name: 'MESSAGE', value: 'running on $(PROFILE), literally $$(PROFILE), linked $(DB_SERVICE_HOST)' },
      ];
      s.containers[0].args = ['--profile=$(MESSAGE)'];
      // With envFrom, names come from a ConfigMap Peapod cannot read: not reported.
      s.containers.push({
        ...cleanContainer('from-config', 9090),
        envFrom: [{ configMapRef: { name: 'settings' } }],
        env: [{ name: 'URL', value: '$(HOST)/x' }],
      });
    },
    invalid: (s) => {
      s.containers[0].env = [
        { name: 'MESSAGE', value: 'running on $(PROFILE)' },
        { name: 'PROFILE', value: 'production' },
        { name: 'GREETING', value: 'hello $(PROFILES)' },
      ];
    },
    messages: [
      'spec.containers[0].env[0].value: $(PROFILE) in MESSAGE refers to no variable defined before MESSAGE in this container\'s env (container "app"; PROFILE is defined after MESSAGE); Kubernetes would leave it as the literal text. Fix: define PROFILE before MESSAGE, fix the name, or write $$(PROFILE) for the literal text (env-reference-defined)',
      'spec.containers[0].env[2].value: $(PROFILES) in GREETING refers to no variable defined before GREETING in this container\'s env (container "app"); Kubernetes would leave it as the literal text. Fix: define PROFILES before GREETING, fix the name, or write $$(PROFILES) for the literal text (env-reference-defined)',
    ],
  },
  {
    rule: 'env-name-unique',
    valid: (s) =>
      s.containers.push({ ...cleanContainer('other', 9090), env: [{ name: 'A', value: '2' }] }, (s.containers[0].env = [{ name: 'A', value: '1' }])),
    invalid: (s) =>
      (s.containers[0].env = [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
        { name: 'A', value: '3' },
      ]),
    messages: [
      'spec.containers[0].env[2].name: env name "A" of container "app" is already defined at spec.containers[0].env[0]; the later entry hides it. Fix: remove one of the two entries or rename one (env-name-unique)',
    ],
  },
];

describe('a clean Pod spec', () => {
  test('has no problems at all', () => {
    expect(specProblems(cleanSpec())).toEqual([]);
  });
});

describe.each(POD_SPEC_CASES.map((c) => [c.rule, c] as const))('rule %s', (rule, c) => {
  test('accepts the valid case', () => {
    expect(specProblems(specWith(c.valid), rule)).toEqual([]);
  });
  test('reports the invalid case with the exact message', () => {
    expect(specProblems(specWith(c.invalid), rule)).toEqual(c.messages);
  });
});

describe('field paths', () => {
  test('follow the `at` prefix of a workload template', () => {
    const spec = specWith((s: any) => (s.containers[0].ports[0].containerPort = 0));
    expect(specProblems(spec, 'port-number', 'spec.template.spec')).toEqual([
      'spec.template.spec.containers[0].ports[0].containerPort: containerPort of container "app" is 0; it must be a whole number from 1 to 65535. Fix: use the port the process listens on (port-number)',
    ]);
  });
});
