/**
 * The corpus of bad Peapod programs: one or more per class of error, each
 * with the exact lines synth must report (after the `synth failed with …`
 * header). `pending` entries name a rule the validation branch adds; their
 * exact message is not known here, so only the rule id is expected until
 * the lead fills `expected` in and removes `pending`.
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
const PENDING = 'TODO(validation): write the exact message here once the validation branch is merged';

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
      '[bad/typo] spec.hostnam: "hostnam" is not a field Kubernetes knows here, so it would be missing from the manifest. Fix: check its spelling and case against the Kubernetes API reference (unknown-field)',
      '[bad/typo] spec.containers[0].terminationMessagepolicy: "terminationMessagepolicy" is not a field Kubernetes knows here, so it would be missing from the manifest. Fix: check its spelling and case against the Kubernetes API reference (unknown-field)',
    ],
  },
  { name: 'a containerPort of 0', rule: 'port-number', pending: PENDING, build: (chart) => new Pod(chart, 'p', { containers: [app('app', { ports: [0] })] }) },
  { name: 'a containerPort of 65536', rule: 'port-number', pending: PENDING, build: (chart) => new Pod(chart, 'p', { containers: [app('app', { ports: { http: 65536 } })] }) },
  {
    name: 'the tutorial\'s app and nginx both on port 80',
    rule: 'port-shared-localhost',
    pending: PENDING,
    build: (chart) => new Pod(chart, 'p', { containers: [app('kube-example', { ports: [80] }), app('web-server', { ports: { http: 80 } })] }),
  },
  {
    name: 'a $(VAR) that names no variable (added with addEnv, so no type check)',
    rule: 'env-reference-defined',
    pending: PENDING,
    build: (chart) => new Pod(chart, 'p', { containers: [app().addEnv({ name: 'MESSAGE', value: 'running on $(PROFILES)' })] }),
  },
  {
    name: 'a $(VAR) that names a variable defined later',
    rule: 'env-reference-defined',
    pending: PENDING,
    build: (chart) => {
      const env: EnvVar[] = [{ name: 'MESSAGE', value: 'running on $(PROFILE)' }, { name: 'PROFILE', value: 'production' }];
      new Pod(chart, 'p', { containers: [app('app', { env })] });
    },
  },
  { name: 'a label key with a space', rule: 'label-key', pending: PENDING, build: (chart) => new Pod(chart, 'p', { labels: { 'my app': 'x' }, containers: [app()] }) },
  { name: 'a label value of 64 characters', rule: 'label-value', pending: PENDING, build: (chart) => new Pod(chart, 'p', { labels: { app: 'v'.repeat(64) }, containers: [app()] }) },
  { name: 'a nodeSelector key with two slashes', rule: 'label-key', pending: PENDING, build: (chart) => new Pod(chart, 'p', { nodeSelector: { 'a/b/c': 'true' }, containers: [app()] }) },
  { name: 'a container name with an underscore', rule: 'container-name', pending: PENDING, build: (chart) => new Pod(chart, 'p', { containers: [app('web_server')] }) },
  { name: 'a Pod name with capitals', rule: 'object-name', pending: PENDING, build: (chart) => new Pod(chart, 'Kube-Example', { containers: [app()] }) },
  { name: 'a volume name with a dot', rule: 'volume-name', pending: PENDING, build: (chart) => new Pod(chart, 'p', { containers: [app()], volumes: [Volume.emptyDir('html.d')] }) },
  { name: 'a port name of 16 characters', rule: 'port-name', pending: PENDING, build: (chart) => new Pod(chart, 'p', { containers: [app('app', { ports: { 'metrics-exporter': 9100 } })] }) },
  {
    name: 'two volumes mounted at one path',
    rule: 'mount-path-unique',
    pending: PENDING,
    build: (chart) => new Pod(chart, 'p', { containers: [app('app', { mounts: [Volume.emptyDir('a').mount('/data'), Volume.emptyDir('b').mount('/data')] })] }),
  },
  {
    name: 'an escape-hatch value of the wrong type',
    rule: 'kubernetes-schema',
    pending: 'TODO(lead): no rule checks escape-hatch value types; running lib/schema at synth would',
    build: (chart) => new Pod(chart, 'p', { containers: [app()], extraSpec: { hostNetwork: 'yes' } as any }),
  },
];
