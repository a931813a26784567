/**
 * The corpus of bad Peapod programs: one or more per class of error, each
 * with the exact lines synth must report (after the `synth failed with …`
 * header). A `pending` entry is one no synth rule catches yet: it runs as
 * `test.failing` until a rule does; then delete `pending`. An entry
 * without `expected` is checked for its rule id only.
 */
import { Chart, JsonPatch } from 'cdk8s';
import { ConfigMap, Container, Deployment, DeploymentStrategy, EnvValue, EnvVar, Pod, Probe, ReplicaSet, Secret, Service, Volume } from '../../lib';

/* eslint-disable @typescript-eslint/no-explicit-any -- bad input arrives untyped, from JSON or `as any` */

/** One bad program. */
export interface BadProgram {
  /** What is wrong, for the test name. */
  readonly name: string;
  /** The rule that must refuse it. */
  readonly rule: string;
  /** Builds it in a chart with id `bad`. */
  build(chart: Chart): void;
  /** The problem lines synth reports, exactly. */
  readonly expected?: readonly string[];
  /** Why only the rule id is checked for now. */
  readonly pending?: string;
}

const app = (name = 'app', extra: object = {}) => new Container({ name, image: 'app:1.0', ...extra });
// The messages below are those of the validation branch at 3becc74, taken from a trial merge.

export const BAD_PROGRAMS: readonly BadProgram[] = [
  {
    name: 'a Pod with no containers',
    rule: 'pod-has-containers',
    build: (chart) => new Pod(chart, 'empty', { initContainers: [app('init')] }),
    expected: ['[bad/empty] spec.containers: the Pod has no containers. Fix: give the Pod a container with the `containers` prop or `addContainer()` (pod-has-containers)'],
  },
  {
    name: 'two containers named alike',
    rule: 'container-name-unique',
    build: (chart) => new Pod(chart, 'twins', { containers: [app('web'), app('sidecar'), app('web')] }),
    expected: [
      '[bad/twins] spec.containers[2].name: container name "web" is already used by spec.containers[0]. Fix: give each container and init container its own name (container-name-unique)',
    ],
  },
  {
    name: 'an init container named like a container, added by a mutator',
    rule: 'container-name-unique',
    build: (chart) => new Pod(chart, 'init', { containers: [app('web')] }).addInitContainer(app('web')),
    expected: [
      '[bad/init] spec.initContainers[0].name: container name "web" is already used by spec.containers[0]. Fix: give each container and init container its own name (container-name-unique)',
    ],
  },
  {
    name: 'two Volume objects with one name, both mounted',
    rule: 'volume-name-unique',
    build: (chart) =>
      new Pod(chart, 'volumes', {
        containers: [app('a', { mounts: [Volume.emptyDir('data').mount('/scratch')] }), app('b', { mounts: [Volume.persistentVolumeClaim('data', { name: 'db' }).mount('/db')] })],
      }),
    expected: [
      '[bad/volumes] spec.volumes[1].name: volume name "data" is already used by spec.volumes[0]. Fix: give each volume its own name, or mount the same Volume object in both containers (volume-name-unique)',
    ],
  },
  {
    name: 'an escape hatch that sets a modeled field',
    rule: 'extra-field-modeled',
    build: (chart) => new Pod(chart, 'hatch', { containers: [app('app', { extraFields: { image: 'other:2' } as any })] }),
    expected: [
      '[bad/hatch] spec.containers[0].image: extraFields of container "app" sets "image", which Peapod models. Fix: set it with the container\'s `image` prop instead (extra-field-modeled)',
    ],
  },
  {
    name: 'an escape hatch with a misspelt field',
    rule: 'unknown-field',
    build: (chart) => new Pod(chart, 'typo', { containers: [app('app', { extraFields: { terminationMessagepolicy: 'File' } as any })], extraSpec: { hostnam: 'web' } as any }),
    expected: [
      '[bad/typo] spec.hostnam: "hostnam" is not a field of the cdk8s-plus-27 k8s types here, so cdk8s would leave it out of the manifest. Fix: correct the spelling; escape hatches take the field names of the k8s types, which differ from the manifest in case only (`hostPid` for `hostPID`) (unknown-field)',
      '[bad/typo] spec.containers[0].terminationMessagepolicy: "terminationMessagepolicy" is not a field of the cdk8s-plus-27 k8s types here, so cdk8s would leave it out of the manifest. Fix: correct the spelling; escape hatches take the field names of the k8s types, which differ from the manifest in case only (`hostPid` for `hostPID`) (unknown-field)',
    ],
  },
  {
    name: 'a containerPort of 0',
    rule: 'port-number',
    expected: [
      '[bad/p] spec.containers[0].ports[0].containerPort: containerPort of container "app" is 0; it must be a whole number from 1 to 65535. Fix: use the port the process listens on (port-number)',
    ],
    build: (chart) => new Pod(chart, 'p', { containers: [app('app', { ports: [0] })] }),
  },
  {
    name: 'a containerPort of 65536',
    rule: 'port-number',
    expected: [
      '[bad/p] spec.containers[0].ports[0].containerPort: containerPort of container "app" is 65536; it must be a whole number from 1 to 65535. Fix: use the port the process listens on (port-number)',
    ],
    build: (chart) => new Pod(chart, 'p', { containers: [app('app', { ports: { http: 65536 } })] }),
  },
  {
    name: 'the tutorial\'s app and nginx both on port 80',
    rule: 'port-shared-localhost',
    expected: [
      '[bad/p] spec.containers[1].ports[0].containerPort: port 80/TCP of container "web-server" is already used by container "kube-example" (spec.containers[0].ports[0]); containers of a Pod share localhost, so only one can listen on it. Fix: give "web-server" or "kube-example" another port (port-shared-localhost)',
    ],
    build: (chart) => new Pod(chart, 'p', { containers: [app('kube-example', { ports: [80] }), app('web-server', { ports: { http: 80 } })] }),
  },
  {
    name: 'a $(VAR) that names no variable (added with addEnv, so no type check)',
    rule: 'env-reference-defined',
    expected: [
      '[bad/p] spec.containers[0].env[0].value: $(PROFILES) in MESSAGE refers to no variable defined before MESSAGE in this container\'s env (container "app"); Kubernetes would leave it as the literal text. Fix: define PROFILES before MESSAGE, fix the name, or write $$(PROFILES) for the literal text (env-reference-defined)',
    ],
    build: (chart) => new Pod(chart, 'p', { containers: [app().addEnv({ name: 'MESSAGE', value: 'running on $(PROFILES)' })] }),
  },
  {
    name: 'a $(VAR) that names a variable defined later',
    rule: 'env-reference-defined',
    expected: [
      '[bad/p] spec.containers[0].env[0].value: $(PROFILE) in MESSAGE refers to no variable defined before MESSAGE in this container\'s env (container "app"; PROFILE is defined after MESSAGE); Kubernetes would leave it as the literal text. Fix: define PROFILE before MESSAGE, fix the name, or write $$(PROFILE) for the literal text (env-reference-defined)',
    ],
    build: (chart) => {
      const env: EnvVar[] = [{ name: 'MESSAGE', value: 'running on $(PROFILE)' }, { name: 'PROFILE', value: 'production' }];
      new Pod(chart, 'p', { containers: [app('app', { env })] });
    },
  },
  {
    name: 'a label key with a space',
    rule: 'label-key',
    expected: [
      '[bad/p] metadata.labels[my app]: label key "my app" has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: use a key such as `app` or `example.com/tier` (label-key)',
    ],
    build: (chart) => new Pod(chart, 'p', { labels: { 'my app': 'x' }, containers: [app()] }),
  },
  {
    name: 'a label value of 64 characters',
    rule: 'label-value',
    expected: [
      '[bad/p] metadata.labels[app]: label value "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv" of "app" is 64 characters long; at most 63 are allowed. Fix: use a value such as "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv", or move free text to an annotation (label-value)',
    ],
    build: (chart) => new Pod(chart, 'p', { labels: { app: 'v'.repeat(64) }, containers: [app()] }),
  },
  {
    name: 'a nodeSelector key with two slashes',
    rule: 'label-key',
    expected: [
      '[bad/p] spec.nodeSelector[a/b/c]: label key "a/b/c" has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: use a key such as `app` or `example.com/tier` (label-key)',
    ],
    build: (chart) => new Pod(chart, 'p', { nodeSelector: { 'a/b/c': 'true' }, containers: [app()] }),
  },
  {
    name: 'a container name with an underscore',
    rule: 'container-name',
    expected: [
      '[bad/p] spec.containers[0].name: container name "web_server" must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: rename it to a DNS-1123 label such as "web-server" (container-name)',
    ],
    build: (chart) => new Pod(chart, 'p', { containers: [app('web_server')] }),
  },
  {
    name: 'a Pod name with capitals',
    rule: 'object-name',
    expected: [
      '[bad/Kube-Example] metadata.name: name "Kube-Example" must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: use a DNS-1123 subdomain such as "kube-example" (object-name)',
    ],
    build: (chart) => new Pod(chart, 'Kube-Example', { containers: [app()] }),
  },
  {
    name: 'a volume name with a dot',
    rule: 'volume-name',
    expected: [
      '[bad/p] spec.volumes[0].name: volume name "html.d" must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: rename it to a DNS-1123 label such as "html-d" (volume-name)',
    ],
    build: (chart) => new Pod(chart, 'p', { containers: [app()], volumes: [Volume.emptyDir('html.d')] }),
  },
  {
    name: 'a port name of 16 characters',
    rule: 'port-name',
    expected: [
      '[bad/p] spec.containers[0].ports[0].name: port name "metrics-exporter" of container "app" is 16 characters long; at most 15 are allowed. Fix: rename it to an IANA service name such as "metrics-exporte" (port-name)',
    ],
    build: (chart) => new Pod(chart, 'p', { containers: [app('app', { ports: { 'metrics-exporter': 9100 } })] }),
  },
  {
    name: 'two volumes mounted at one path',
    rule: 'mount-path-unique',
    expected: [
      '[bad/p] spec.containers[0].volumeMounts[1].mountPath: container "app" already mounts a volume at "/data" (spec.containers[0].volumeMounts[0]). Fix: give each mount a path of its own, where the volume appears in the container; use `subPath` to combine volumes under one directory (mount-path-unique)',
    ],
    build: (chart) => new Pod(chart, 'p', { containers: [app('app', { mounts: [Volume.emptyDir('a').mount('/data'), Volume.emptyDir('b').mount('/data')] })] }),
  },
  {
    name: 'an escape-hatch value of the wrong type',
    rule: 'kubernetes-schema',
    build: (chart) => new Pod(chart, 'p', { containers: [app()], extraSpec: { hostNetwork: 'yes' } as any }),
  },
  ...workloadPrograms(),
  ...servicePrograms(),
  ...serviceSpecPrograms(),
  ...keyPrograms(),
  ...containerFieldPrograms(),
];

// ---- container fields (lib/validation/container-fields.ts) ----

function containerFieldPrograms(): BadProgram[] {
  return [
    {
      name: 'an exec probe with no command',
      rule: 'probe-action',
      expected: ['[bad/p] spec.containers[0].livenessProbe.exec.command: the exec action of the livenessProbe of container "app" has no command. Fix: build the probe with a `Probe` factory: give an exec action its command, an httpGet action the scheme `HTTP` or `HTTPS` (or none) and header names of letters, digits and `-`, and each port as a number from 1 to 65535 (`8080`, without quotes) or a declared port name (`"http"`) (probe-action)'],
      build: (chart) => new Pod(chart, 'p', { containers: [app('app', { livenessProbe: Probe.exec({ command: [] }) })] }),
    },
    {
      name: 'a relative working directory',
      rule: 'working-dir-absolute',
      expected: ['[bad/p] spec.containers[0].workingDir: workingDir "srv" of container "app" is relative; the container runtime refuses to start a container in a relative working directory. Fix: write the directory from the root, such as "/srv" (working-dir-absolute)'],
      build: (chart) => new Pod(chart, 'p', { containers: [app('app', { workingDir: 'srv' })] }),
    },
    {
      name: 'an untyped env entry with both value and valueFrom',
      rule: 'env-value-source',
      expected: ['[bad/p] spec.containers[0].env[0]: env "IP" of container "app" has both value and valueFrom. Fix: keep one of `value` and `valueFrom`; give `valueFrom` one of `configMapKeyRef`, `secretKeyRef`, `fieldRef`, `resourceFieldRef` (env-value-source)'],
      build: (chart) => new Pod(chart, 'p', { containers: [app('app', { env: [{ name: 'IP', value: 'x', valueFrom: EnvValue.fromField('status.podIP') } as any] })] }),
    },
    {
      name: 'a memory resource misspelt through an untyped value',
      rule: 'resource-name',
      expected: ['[bad/p] spec.containers[0].resources.limits["mem"]: resource name "mem" in the limits of container "app" is not a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>). Fix: write a standard name, such as `memory` for `mem`, or give an extended resource its vendor domain, such as `example.com/gpu` (resource-name)'],
      build: (chart) => new Pod(chart, 'p', { containers: [app('app', { resources: { limits: { mem: '1Gi' } } as any })] }),
    },
  ];
}

// ---- workloads ----

const web = () => app('web', { ports: { http: 8080, metrics: 9100 } });
/** A Deployment of `web` labelled app=web, with changes. */
const deployment = (chart: Chart, id: string, changes: object = {}) =>
  new Deployment(chart, id, { template: { labels: { app: 'web', tier: 'front' }, containers: [web()] }, ...changes });

function workloadPrograms(): BadProgram[] {
  return [
    {
      name: 'a Deployment with replicas -1',
      rule: 'workload-replicas-valid',
      build: (chart) => deployment(chart, 'web', { replicas: -1 }),
      expected: ['[bad/web] spec.replicas: replicas is -1; it must be a whole number, 0 or more (at most 2147483647). Fix: set replicas to 0 or more, or leave it out to let `kubectl scale` and autoscalers own it (workload-replicas-valid)'],
    },
    {
      name: 'a ReplicaSet selecting by a label its template lacks',
      rule: 'workload-selector-matches-template',
      build: (chart) => new ReplicaSet(chart, 'web', { selectBy: ['app', 'version'], template: { labels: { app: 'web' }, containers: [web()] } }),
      expected: [
        '[bad/web] spec.selector.matchLabels: selectBy names label "version", which the Pod template does not have (it has "app"). Fix: add "version" to the template labels, or remove it from the selector (selectBy, or the JsonPatch of spec.selector) (workload-selector-matches-template)',
      ],
    },
    {
      name: 'a Deployment whose template has no labels',
      rule: 'workload-selector-labels',
      build: (chart) => new Deployment(chart, 'web', { template: { containers: [web()] } }),
      expected: [
        '[bad/web] spec.template.metadata.labels: the Pod template has no labels, so the Deployment has nothing to select its Pods by. Fix: give the template labels, such as `labels: { app: \'myapp\' }`, and let the selector be made of them: leave selectBy out, or name some of them in it (workload-selector-labels)',
      ],
    },
    {
      name: 'a Deployment with an empty selectBy',
      rule: 'workload-selector-labels',
      build: (chart) => deployment(chart, 'web', { selectBy: [] }),
      expected: [
        '[bad/web] spec.selector.matchLabels: selectBy is empty, so the Deployment has nothing to select its Pods by. Fix: give the template labels, such as `labels: { app: \'myapp\' }`, and let the selector be made of them: leave selectBy out, or name some of them in it (workload-selector-labels)',
      ],
    },
    {
      name: 'a Deployment whose template restarts OnFailure',
      rule: 'workload-restart-policy-always',
      build: (chart) => new Deployment(chart, 'web', { template: { labels: { app: 'web' }, restartPolicy: 'OnFailure', containers: [web()] } }),
      expected: [
        '[bad/web] spec.template.spec.restartPolicy: restartPolicy is "OnFailure", but a Deployment accepts only "Always". Fix: remove restartPolicy from the template; for work that runs to completion use a Job (workload-restart-policy-always)',
      ],
    },
    {
      name: 'a Deployment with a negative minReadySeconds, and a deadline not past it',
      rule: 'workload-field-valid',
      build: (chart) => {
        deployment(chart, 'web', { minReadySeconds: -5 });
        deployment(chart, 'api', { template: { labels: { app: 'api' }, containers: [web()] }, minReadySeconds: 30, progressDeadlineSeconds: 30 });
      },
      expected: [
        '[bad/web] spec.minReadySeconds: minReadySeconds is -5; it must be a whole number, 0 or more (at most 2147483647). Fix: set minReadySeconds to a whole number of 0 or more, or leave it out; progressDeadlineSeconds must exceed minReadySeconds (workload-field-valid)',
        '[bad/api] spec.progressDeadlineSeconds: progressDeadlineSeconds is 30, not more than minReadySeconds (30). Fix: set progressDeadlineSeconds to a whole number of 0 or more, or leave it out; progressDeadlineSeconds must exceed minReadySeconds (workload-field-valid)',
      ],
    },
    {
      name: 'a rolling update with maxSurge and maxUnavailable both 0',
      rule: 'deployment-rolling-update-valid',
      build: (chart) => deployment(chart, 'web', { strategy: DeploymentStrategy.rollingUpdate({ maxSurge: 0, maxUnavailable: '0%' }) }),
      expected: [
        '[bad/web] spec.strategy.rollingUpdate: maxSurge and maxUnavailable are both 0, so a rollout could never replace a Pod. Fix: write maxSurge and maxUnavailable as a count of Pods (1) or a percentage ("25%"), not both 0 (deployment-rolling-update-valid)',
      ],
    },
    {
      name: 'a rolling update with maxUnavailable over 100%',
      rule: 'deployment-rolling-update-valid',
      build: (chart) => deployment(chart, 'web', { strategy: DeploymentStrategy.rollingUpdate({ maxUnavailable: '150%' }) }),
      expected: [
        '[bad/web] spec.strategy.rollingUpdate.maxUnavailable: maxUnavailable is "150%"; it may not be more than 100%. Fix: write maxSurge and maxUnavailable as a count of Pods (1) or a percentage ("25%"), not both 0 (deployment-rolling-update-valid)',
      ],
    },
    {
      name: 'a Deployment and a bare Pod with the same labels',
      rule: 'workload-selector-overlap',
      build: (chart) => {
        deployment(chart, 'web', { selectBy: ['app'] });
        new Pod(chart, 'debug', { labels: { app: 'web' }, containers: [app('shell')] });
      },
      expected: [
        '[bad/web] spec.selector.matchLabels: selector app=web also matches the Pods of bad/debug (labels app=web). Fix: give each workload a label value of its own (a distinct `app`) and keep it in the selector (workload-selector-overlap)',
      ],
    },
    {
      name: 'a Deployment name with an underscore',
      rule: 'object-name',
      build: (chart) => deployment(chart, 'web_server'),
      expected: [
        '[bad/web_server] metadata.name: name "web_server" must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: use a DNS-1123 subdomain such as "web-server" (object-name)',
      ],
    },
  ];
}

// ---- Services ----

function servicePrograms(): BadProgram[] {
  const service = (chart: Chart, props: object, target = deployment(chart, 'web')) => new Service(chart, 'svc', { target, ...props } as any);
  return [
    {
      name: 'a Service port targeting a port name no container declares (untyped)',
      rule: 'service-target-port-declared',
      build: (chart) => service(chart, { ports: [{ port: 80, targetPort: 'htpp' as any }] }),
      expected: [
        '[bad/svc] spec.ports[0].targetPort: target port "htpp" is not declared by any container of bad/web (they declare http (8080), metrics (9100)). Fix: declare the port on the container, or target one of the declared ports (service-target-port-declared)',
      ],
    },
    {
      name: 'two Service ports with one name',
      rule: 'service-port-name-unique',
      build: (chart) => service(chart, { ports: [{ port: 80, targetPort: 'http', name: 'web' }, { port: 9100, targetPort: 'metrics', name: 'web' }] }),
      expected: ['[bad/svc] spec.ports[1].name: port name "web" is already used by spec.ports[0]. Fix: give each port its own name (service-port-name-unique)'],
    },
    {
      name: 'two Service ports with one number',
      rule: 'service-port-unique',
      build: (chart) => service(chart, { ports: [{ port: 80, targetPort: 'http' }, { port: 80, targetPort: 'metrics' }] }),
      expected: [
        '[bad/svc] spec.ports[1].port: port 80/TCP is already used by spec.ports[0]. Fix: give each port its own number (or another protocol) and its own nodePort, or leave nodePort out to let Kubernetes pick one (service-port-unique)',
      ],
    },
    {
      name: 'a Service with no ports',
      rule: 'service-has-ports',
      build: (chart) => service(chart, {}),
      expected: ['[bad/svc] spec.ports: the Service has no ports. Fix: add a port with the `ports` prop or addPort(), or make the Service headless (service-has-ports)'],
    },
    {
      name: 'a Service port of 0',
      rule: 'service-port-valid',
      build: (chart) => service(chart, { ports: [{ port: 0, targetPort: 'http' }] }),
      expected: ['[bad/svc] spec.ports[0].port: port is 0; it must be a whole number from 1 to 65535. Fix: use a port number from 1 to 65535 (service-port-valid)'],
    },
    {
      name: 'a nodePort on a ClusterIP Service',
      rule: 'service-node-port-type',
      build: (chart) => service(chart, { ports: [{ port: 80, targetPort: 'http', nodePort: 30080 }] }),
      expected: [
        '[bad/svc] spec.ports[0].nodePort: nodePort 30080 is set on a Service of type ClusterIP. Fix: set type to \'NodePort\' or \'LoadBalancer\', or remove the nodePort (service-node-port-type)',
      ],
    },
    {
      name: 'an externalTrafficPolicy on a ClusterIP Service',
      rule: 'service-external-traffic-policy-type',
      build: (chart) => service(chart, { externalTrafficPolicy: 'Local', ports: [{ port: 80, targetPort: 'http' }] }),
      expected: [
        '[bad/svc] spec.externalTrafficPolicy: externalTrafficPolicy "Local" is set on a Service of type ClusterIP, which takes no traffic from outside the cluster. Fix: set type to \'NodePort\' or \'LoadBalancer\', or remove externalTrafficPolicy (service-external-traffic-policy-type)',
      ],
    },
    {
      name: 'a headless LoadBalancer',
      rule: 'service-headless-type',
      build: (chart) => service(chart, { headless: true, type: 'LoadBalancer', ports: [{ port: 80, targetPort: 'http' }] }),
      expected: ['[bad/svc] spec.clusterIP: a headless Service cannot be of type LoadBalancer. Fix: remove headless, or leave type out (service-headless-type)'],
    },
    {
      name: 'a Service name with a dot',
      rule: 'service-name-valid',
      build: (chart) => service(chart, { name: 'web.api', ports: [{ port: 80, targetPort: 'http' }] }),
      expected: [
        '[bad/svc] metadata.name: Service name "web.api" is not a DNS-1035 label. Fix: rename the Service with the `name` prop: at most 63 lowercase letters, digits and "-", starting with a letter and ending with a letter or digit (service-name-valid)',
      ],
    },
    {
      name: 'a Service port name in capitals',
      rule: 'service-port-name-valid',
      build: (chart) => service(chart, { ports: [{ port: 80, targetPort: 'http', name: 'HTTP' }] }),
      expected: [
        '[bad/svc] spec.ports[0].name: port name "HTTP" is not a DNS-1123 label. Fix: rename the port: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit (service-port-name-valid)',
      ],
    },
    {
      name: 'a Service with two ports, one without a name',
      rule: 'service-port-name-required',
      build: (chart) => service(chart, { ports: [{ port: 80, targetPort: 'http' }, { port: 9100, targetPort: 9100 }] }),
      expected: [
        '[bad/svc] spec.ports[1].name: port 9100 has no name, and the Service has 2 ports. Fix: name each port with `name`, or target a container port by name, which names the Service port too (service-port-name-required)',
      ],
    },
    {
      name: 'a UDP Service port targeting a TCP container port by name',
      rule: 'service-target-port-protocol',
      build: (chart) => service(chart, { ports: [{ port: 53, targetPort: 'http', protocol: 'UDP' }] }),
      expected: [
        '[bad/svc] spec.ports[0].targetPort: target port "http" is declared by bad/web for TCP, but this Service port is UDP. Fix: set the Service port\'s protocol to TCP, or declare the container port with protocol UDP (service-target-port-protocol)',
      ],
    },
    {
      name: 'a Service with a label key with a space and an annotation key with two slashes',
      rule: 'label-key',
      build: (chart) => service(chart, { labels: { 'my app': 'web' }, annotations: { 'a/b/c': 'x' }, ports: [{ port: 80, targetPort: 'http' }] }),
      expected: [
        '[bad/svc] metadata.labels[my app]: label key "my app" has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: use a key such as `app` or `example.com/tier` (label-key)',
        '[bad/svc] metadata.annotations[a/b/c]: annotation key "a/b/c" has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: use a key such as `example.com/owner` (annotation-key)',
      ],
    },
    {
      name: 'a Service of a Pod without labels',
      rule: 'service-selects-pods',
      build: (chart) => service(chart, { ports: [{ port: 80, targetPort: 'http' }] }, new Pod(chart, 'web', { containers: [web()] }) as any),
      expected: [
        '[bad/svc] spec.selector: the target bad/web has no labels, so the Service would select no Pods. Fix: give the target labels (such as `labels: { app: \'myapp\' }`) and the namespace of the Service; target a workload of the app by its object, not by a reference with another selector (service-selects-pods)',
      ],
    },
  ];
}

// ---- ConfigMaps and Secrets ----

function keyPrograms(): BadProgram[] {
  return [
    {
      name: 'an env var taking a key the ConfigMap does not have (added at run time)',
      rule: 'config-map-key-exists',
      build: (chart) => {
        const config = new ConfigMap(chart, 'settings', { data: { 'log.level': 'info' } });
        new Pod(chart, 'p', { containers: [app().addEnv({ name: 'LEVEL', valueFrom: EnvValue.fromConfigMap(config, 'loglevel' as any) })] });
      },
      expected: [
        '[bad/p] spec.containers[0].env[0].valueFrom.configMapKeyRef.key: key "loglevel" is not in ConfigMap "settings" of this app (it has "log.level"). Fix: add "loglevel" to the ConfigMap, use one of its keys, or mark the reference optional (config-map-key-exists)',
      ],
    },
    {
      name: 'an env var taking a key the Secret does not have, in a Deployment',
      rule: 'secret-key-exists',
      build: (chart) => {
        const secret = new Secret(chart, 'db', { stringData: { password: 'x' } });
        deployment(chart, 'web', { template: { labels: { app: 'web' }, containers: [app().addEnv({ name: 'DB_PASSWORD', valueFrom: EnvValue.fromSecret(secret, 'pasword' as any) })] } });
      },
      expected: [
        '[bad/web] spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.key: key "pasword" is not in Secret "db" of this app (it has "password"). Fix: add "pasword" to the Secret, use one of its keys, or mark the reference optional (secret-key-exists)',
      ],
    },
    {
      name: 'a ConfigMap key with a slash',
      rule: 'data-key-valid',
      build: (chart) => new ConfigMap(chart, 'settings', { data: { 'conf/app.yaml': 'x' } }),
      expected: [
        '[bad/settings] data["conf/app.yaml"]: ConfigMap key "conf/app.yaml" has characters other than letters, digits, "-", "_" and ".". Fix: use at most 253 letters, digits, "-", "_" and "." (data-key-valid)',
      ],
    },
    {
      name: 'a Secret key starting with ..',
      rule: 'data-key-valid',
      build: (chart) => new Secret(chart, 'db', { stringData: { '..password': 'x' } }),
      expected: [
        '[bad/db] stringData["..password"]: Secret key "..password" is "." or starts with "..". Fix: use at most 253 letters, digits, "-", "_" and "." (data-key-valid)',
      ],
    },
    {
      name: 'a Secret data value written as plain text',
      rule: 'data-value-encoded',
      build: (chart) => new Secret(chart, 'db', { data: { password: 'hunter2' } }),
      expected: [
        '[bad/db] data["password"]: Secret data value of "password" is not base64: "hunter2". Fix: encode it, such as Buffer.from(text).toString(\'base64\'), or move it to stringData, which takes plain text (data-value-encoded)',
      ],
    },
    {
      name: 'a ConfigMap binaryData value without its padding',
      rule: 'data-value-encoded',
      build: (chart) => new ConfigMap(chart, 'settings', { binaryData: { logo: 'eA' } }),
      expected: [
        '[bad/settings] binaryData["logo"]: ConfigMap binaryData value of "logo" is not base64: "eA". Fix: encode it, such as Buffer.from(text).toString(\'base64\'), or move it to data, which takes plain text (data-value-encoded)',
      ],
    },
    {
      name: 'a ConfigMap key in data and binaryData',
      rule: 'data-key-unique',
      build: (chart) => new ConfigMap(chart, 'settings', { data: { logo: 'x' }, binaryData: { logo: 'eA==' } }),
      expected: ['[bad/settings] binaryData["logo"]: ConfigMap key "logo" is also in data. Fix: keep the key in one of data and binaryData (data-key-unique)'],
    },
  ];
}

// Fields of Services, ConfigMaps, Secrets and workloads the API server refuses (service-spec.ts, secret-data.ts, data-keys.ts, workload.ts, metadata.ts).
function serviceSpecPrograms(): BadProgram[] {
  const service = (chart: Chart, props: object) => new Service(chart, 'svc', { target: deployment(chart, 'web'), ports: [{ port: 80, targetPort: 'http' }], ...props } as any);
  const half = 'x'.repeat(512 * 1024);
  return [
    { name: 'a Service type in lower case', rule: 'supported-value', build: (chart) => service(chart, { type: 'nodePort' }), expected: ["[bad/svc] spec.type: Service type \"nodePort\" is not supported; the values are \"ClusterIP\", \"NodePort\", \"LoadBalancer\", \"ExternalName\". Fix: write \"NodePort\" (supported-value)"] },
    { name: 'a nodePort outside 30000-32767', rule: 'service-node-port-range', build: (chart) => service(chart, { type: 'NodePort', ports: [{ port: 80, targetPort: 'http', nodePort: 8080 }] }), expected: ["[bad/svc] spec.ports[0].nodePort: nodePort 8080 is outside the cluster's node port range 30000-32767. Fix: pick a port from 30000 to 32767, leave nodePort out to let Kubernetes pick one, or set \"serviceNodePortRange\" in peapod.config.json to your cluster's --service-node-port-range (service-node-port-range)"] },
    { name: 'an ExternalName Service without externalName', rule: 'service-external-name', build: (chart) => service(chart, { type: 'ExternalName' }), expected: ["[bad/svc] spec.externalName: an ExternalName Service needs externalName, the DNS name it is an alias for. Fix: set externalName to a host name such as \"db.example.com\", and remove headless and the IP fields (service-external-name)"] },
    { name: 'a LoadBalancer on the kubelet port', rule: 'service-kubelet-port', build: (chart) => service(chart, { type: 'LoadBalancer', ports: [{ port: 10250, targetPort: 'http' }] }), expected: ["[bad/svc] spec.ports[0].port: a LoadBalancer Service may not expose port 10250, which the kubelet of every node uses. Fix: listen on another port, and set targetPort: 10250 if the Pods serve on it (service-kubelet-port)"] },
    { name: 'a healthCheckNodePort on a Cluster-policy LoadBalancer', rule: 'service-health-check-node-port', build: (chart) => service(chart, { type: 'LoadBalancer', healthCheckNodePort: 31000 }), expected: ["[bad/svc] spec.healthCheckNodePort: healthCheckNodePort 31000 is set, but the Service is of type LoadBalancer with externalTrafficPolicy Cluster. Fix: leave healthCheckNodePort out to let Kubernetes pick one, or set type: 'LoadBalancer' and externalTrafficPolicy: 'Local' (service-health-check-node-port)"] },
    { name: 'a session affinity timeout without ClientIP', rule: 'service-session-affinity-config', build: (chart) => service(chart, { sessionAffinityTimeoutSeconds: 60 }), expected: ["[bad/svc] spec.sessionAffinityConfig: a session affinity timeout (sessionAffinityConfig) is set, but sessionAffinity is None. Fix: set sessionAffinity: 'ClientIP' with a timeout from 1 to 86400 seconds (a day), or remove the timeout (sessionAffinityTimeoutSeconds) (service-session-affinity-config)"] },
    { name: 'source ranges on a ClusterIP Service', rule: 'service-load-balancer-field', build: (chart) => service(chart, { loadBalancerSourceRanges: ['10.0.0.0/8'] }), expected: ["[bad/svc] spec.loadBalancerSourceRanges: [\"10.0.0.0/8\"] is set on a Service of type ClusterIP; it is only for LoadBalancer Services. Fix: set type: 'LoadBalancer', or remove the field (service-load-balancer-field)"] },
    { name: 'a source range without a prefix length', rule: 'service-source-ranges', build: (chart) => service(chart, { type: 'LoadBalancer', loadBalancerSourceRanges: ['203.0.113.7'] }), expected: ["[bad/svc] spec.loadBalancerSourceRanges[0]: source range \"203.0.113.7\" is not a CIDR. Fix: write each range as an address and a prefix length, such as \"203.0.113.0/24\" (a single address is \"/32\"); the annotation takes a comma-separated list (service-source-ranges)"] },
    { name: 'a targetPort of digits in quotes', rule: 'service-target-port-valid', build: (chart) => service(chart, { ports: [{ port: 80, targetPort: '8080' }] }), expected: ["[bad/svc] spec.ports[0].targetPort: targetPort \"8080\" is not a port name: it must hold at least one letter. Fix: target a container port by its number (1–65535), written without quotes, or by its name (service-target-port-valid)", "[bad/svc] spec.ports[0].targetPort: target port \"8080\" is not declared by any container of bad/web (they declare http (8080), metrics (9100)). Fix: declare the port on the container, or target one of the declared ports (service-target-port-declared)"] },
    { name: 'an appProtocol with a space', rule: 'service-app-protocol', build: (chart) => service(chart, { ports: [{ port: 80, targetPort: 'http', appProtocol: 'http 2' }] }), expected: ["[bad/svc] spec.ports[0].appProtocol: appProtocol \"http 2\" has a name part that is not letters, digits, \"-\", \"_\" and \".\", starting and ending with a letter or digit. Fix: use an IANA service name such as \"http\" or \"grpc\", or a prefixed name such as \"kubernetes.io/h2c\" (service-app-protocol)"] },
    { name: 'a loopback external IP', rule: 'service-external-ip', build: (chart) => service(chart, { externalIPs: ['127.0.0.1'] }), expected: ["[bad/svc] spec.externalIPs[0]: external IP \"127.0.0.1\" is in the loopback range (127.0.0.0/8). Fix: use an address that routes to a node of the cluster (service-external-ip)"] },
    { name: 'SingleStack with two IP families', rule: 'service-ip-families', build: (chart) => service(chart, { ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'SingleStack' }), expected: ["[bad/svc] spec.ipFamilyPolicy: ipFamilyPolicy is SingleStack, but ipFamilies lists 2 families. Fix: list each family once, and set ipFamilyPolicy to 'PreferDualStack' or 'RequireDualStack' for two families or two cluster IPs (service-ip-families)"] },
    {
      name: 'clusterIPs that do not start with clusterIP',
      rule: 'service-cluster-ip',
      build: (chart) => service(chart, {}).apiObject.addJsonPatch(JsonPatch.add('/spec/clusterIP', '10.0.0.1'), JsonPatch.add('/spec/clusterIPs', ['10.0.0.2'])),
      expected: [
        "[bad/svc] spec.clusterIPs: the first of clusterIPs [\"10.0.0.2\"] must be clusterIP \"10.0.0.1\". Fix: give clusterIP and clusterIPs the same first address, and at most one IPv4 and one IPv6 address in the order of ipFamilies (or \"None\" alone for a headless Service); or leave them out to let Kubernetes pick (service-cluster-ip)",
      ],
    },
    { name: 'a TLS Secret without its key', rule: 'secret-type-keys', build: (chart) => new Secret(chart, 'tls', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'Y2VydA==' } }), expected: ["[bad/tls] data[tls.key]: a Secret of type kubernetes.io/tls needs key \"tls.key\", the PEM private key. Fix: add \"tls.key\" to data or stringData, or use type Opaque (secret-type-keys)"] },
    { name: 'a pull Secret whose config is not JSON', rule: 'secret-type-keys', build: (chart) => new Secret(chart, 'pull', { type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': 'auths: {}' } }) },
    { name: 'a ConfigMap over 1 MiB', rule: 'data-size', build: (chart) => new ConfigMap(chart, 'big', { data: { a: half, b: half, c: 'x' } }), expected: ["[bad/big] data: ConfigMap values total 1048577 bytes; at most 1048576 (1 MiB) are allowed. Fix: split the data over several objects, or put large files in a volume or the image (data-size)"] },
    { name: 'a Deployment whose template label is patched away from its selector', rule: 'workload-selector-matches-template', build: (chart) => deployment(chart, 'web').apiObject.addJsonPatch(JsonPatch.replace('/spec/template/metadata/labels/app', 'web2')), expected: ["[bad/web] spec.template.metadata.labels: the selector's app=web does not match the template labels (app=web2, tier=front), so the Deployment would never see its own Pods. Fix: add the label to the template labels, or remove it from the selector (selectBy, or the JsonPatch of spec.selector) (workload-selector-matches-template)"] },
    { name: 'a Recreate Deployment with rollingUpdate', rule: 'deployment-strategy', build: (chart) => deployment(chart, 'web', { strategy: DeploymentStrategy.recreate() }).apiObject.addJsonPatch(JsonPatch.add('/spec/strategy/rollingUpdate', { maxSurge: 1 })), expected: ["[bad/web] spec.strategy.rollingUpdate: rollingUpdate is set, but the strategy type is Recreate. Fix: remove rollingUpdate, or use type RollingUpdate (deployment-strategy)"] },
    { name: 'a progress deadline of 0 seconds', rule: 'workload-field-valid', build: (chart) => deployment(chart, 'web', { progressDeadlineSeconds: 0 }), expected: ["[bad/web] spec.progressDeadlineSeconds: progressDeadlineSeconds is 0, not more than minReadySeconds (0, its default). Fix: set progressDeadlineSeconds to a whole number of 0 or more, or leave it out; progressDeadlineSeconds must exceed minReadySeconds (workload-field-valid)"] },
    { name: 'a finalizer without a domain', rule: 'object-finalizers', build: (chart) => new ConfigMap(chart, 'config').apiObject.addJsonPatch(JsonPatch.add('/metadata/finalizers', ['cleanup'])), expected: ["[bad/config] metadata.finalizers[0]: finalizer \"cleanup\" is neither a standard finalizer name nor fully qualified (with a domain prefix). Fix: prefix it with the domain of the controller that removes it, such as \"example.com/cleanup\" (object-finalizers)"] },
  ];
}
