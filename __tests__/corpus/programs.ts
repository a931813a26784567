/**
 * The corpus of bad Peapod programs: one or more per class of error, each
 * with the exact lines synth must report (after the `synth failed with …`
 * header). A `pending` entry is one no synth rule catches yet: it runs as
 * `test.failing` until a rule does; then delete `pending`. An entry
 * without `expected` is checked for its rule id only.
 */
import { Chart } from 'cdk8s';
import { Container, EnvVar, Pod, Volume } from '../../lib';

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
    expected: ['[bad/empty] spec.containers: the Pod has no containers. Fix: add one with the `containers` prop or addContainer() (pod-has-containers)'],
  },
  {
    name: 'two containers named alike',
    rule: 'container-name-unique',
    build: (chart) => new Pod(chart, 'twins', { containers: [app('web'), app('sidecar'), app('web')] }),
    expected: [
      '[bad/twins] spec.containers[2].name: container name "web" is already used by spec.containers[0]. Fix: give each container and init container of the Pod its own name (container-name-unique)',
    ],
  },
  {
    name: 'an init container named like a container, added by a mutator',
    rule: 'container-name-unique',
    build: (chart) => new Pod(chart, 'init', { containers: [app('web')] }).addInitContainer(app('web')),
    expected: [
      '[bad/init] spec.initContainers[0].name: container name "web" is already used by spec.containers[0]. Fix: give each container and init container of the Pod its own name (container-name-unique)',
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
      '[bad/volumes] spec.volumes[1].name: volume name "data" is already used by spec.volumes[0]. Fix: give each volume of the Pod its own name, or mount the same Volume object in both containers (volume-name-unique)',
    ],
  },
  {
    name: 'an escape hatch that sets a modeled field',
    rule: 'extra-field-modeled',
    build: (chart) => new Pod(chart, 'hatch', { containers: [app('app', { extraFields: { image: 'other:2' } as any })] }),
    expected: [
      '[bad/hatch] spec.containers[name=app].image: extraFields of container "app" sets "image", which Peapod models. Fix: set it with the container\'s `image` prop instead (extra-field-modeled)',
    ],
  },
  {
    name: 'an escape hatch with a misspelt field',
    rule: 'unknown-field',
    build: (chart) => new Pod(chart, 'typo', { containers: [app('app', { extraFields: { terminationMessagepolicy: 'File' } as any })], extraSpec: { hostnam: 'web' } as any }),
    expected: [
      '[bad/typo] spec.hostnam: "hostnam" is not a field of the cdk8s-plus-27 k8s types here, so cdk8s would leave it out of the manifest. Fix: check its spelling; escape hatches take the field names of the cdk8s-plus-27 k8s types, which differ from the manifest in case only (hostPid for hostPID) (unknown-field)',
      '[bad/typo] spec.containers[0].terminationMessagepolicy: "terminationMessagepolicy" is not a field of the cdk8s-plus-27 k8s types here, so cdk8s would leave it out of the manifest. Fix: check its spelling; escape hatches take the field names of the cdk8s-plus-27 k8s types, which differ from the manifest in case only (hostPid for hostPID) (unknown-field)',
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
      '[bad/p] spec.containers[0].env[0].value: $(PROFILE) in MESSAGE refers to no variable defined before MESSAGE in this container\'s env (container "app"; PROFILE is defined after MESSAGE); Kubernetes would leave it as the literal text. Fix: move PROFILE above MESSAGE (env-reference-defined)',
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
      '[bad/p] spec.containers[0].volumeMounts[1].mountPath: container "app" already mounts a volume at "/data" (spec.containers[0].volumeMounts[0]). Fix: mount this volume at another path (mount-path-unique)',
    ],
    build: (chart) => new Pod(chart, 'p', { containers: [app('app', { mounts: [Volume.emptyDir('a').mount('/data'), Volume.emptyDir('b').mount('/data')] })] }),
  },
  {
    name: 'an escape-hatch value of the wrong type',
    rule: 'kubernetes-schema',
    build: (chart) => new Pod(chart, 'p', { containers: [app()], extraSpec: { hostNetwork: 'yes' } as any }),
  },
];
