/**
 * Mutations that turn a valid Pod into one synth must refuse, each with the
 * id of the rule that must refuse it.
 *
 * `pending` marks a mutation that no synth rule catches yet: its "refuses"
 * property runs as `test.failing`, so it fails the suite the day a rule
 * starts catching it, and `pending` must then be deleted.
 */
import fc from 'fast-check';
import { ContainerDesc, PodDesc, ProgramDesc, ResourceDesc } from './program';

/** A way to break a valid Pod. */
export interface Mutation {
  /** What it does, for test names. */
  readonly name: string;
  /** The id of the rule that must refuse the result. */
  readonly rule: string;
  /** Why the rule is not enforced yet; absent when it is. */
  readonly pending?: string;
  /**
   * Only for these resource kinds (a Pod's `metadata.name` is not a
   * template's); the program generated for the mutation has one of them.
   * @default every kind with a Pod
   */
  readonly kinds?: readonly string[];
  /** The broken Pod (or workload template). One of the three `mutate…` is given. */
  mutate?(pod: PodDesc): fc.Arbitrary<PodDesc>;
  /** The broken resource, one of `kinds`, given the resources of its chart (a Service's target is among them). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  mutateResource?(desc: any, chart: readonly ResourceDesc[]): fc.Arbitrary<unknown>;
  /** The broken program, for mistakes between resources. */
  mutateProgram?(program: ProgramDesc): fc.Arbitrary<ProgramDesc>;
}


const all = (pod: PodDesc): ContainerDesc[] => [...pod.containers, ...pod.initContainers];
const withAll = (pod: PodDesc, list: ContainerDesc[]): PodDesc => ({
  ...pod,
  containers: list.slice(0, pod.containers.length),
  initContainers: list.slice(pod.containers.length),
});
/** Replaces container `i` (of containers then init containers). */
const updateContainer = (pod: PodDesc, i: number, update: (c: ContainerDesc) => ContainerDesc): PodDesc =>
  withAll(pod, all(pod).map((c, j) => (j === i ? update(c) : c)));
/** Picks a container index of the Pod (containers only). */
const someContainer = (pod: PodDesc) => fc.integer({ min: 0, max: pod.containers.length - 1 });

const badLabelKeys = ['bad key', '-leading', 'trailing-', 'a/b/c', 'Example.com/x', `${'k'.repeat(64)}`, 'example.com/', '/name'];
const badLabelValues = ['has space', '-leading', 'trailing.', 'v'.repeat(64), 'a/b'];
const badDnsLabels = ['Web', 'web_server', '-web', 'web-', 'w'.repeat(64), 'a.b', ''];

export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'two containers share a name',
    rule: 'container-name-unique',
    mutate: (pod) => {
      if (all(pod).length === 1) {
        // One container: add an init container of the same name.
        return fc.constant({ ...pod, initContainers: [{ ...pod.containers[0], ports: [], readinessProbe: undefined, livenessProbe: undefined }] });
      }
      return fc.uniqueArray(fc.integer({ min: 0, max: all(pod).length - 1 }), { minLength: 2, maxLength: 2 }).map(([from, to]) =>
        updateContainer(pod, to, (c) => ({ ...c, name: all(pod)[from].name })),
      );
    },
  },
  {
    name: 'two volumes share a name',
    rule: 'volume-name-unique',
    mutate: (pod) => {
      const name = pod.volumes[0]?.name ?? 'data';
      const volumes = [...(pod.volumes.length > 0 ? pod.volumes : [{ kind: 'emptyDir' as const, name }]), { kind: 'emptyDir' as const, name }];
      return fc.constant({ ...pod, volumes, declaredVolumes: [...new Set([...pod.declaredVolumes, 0, volumes.length - 1])] });
    },
  },
  {
    name: 'the Pod has no containers',
    rule: 'pod-has-containers',
    mutate: (pod) => fc.constant({ ...pod, containers: [] }),
  },
  {
    name: 'a containerPort out of 1–65535',
    rule: 'port-number',
    mutate: (pod) =>
      fc.tuple(someContainer(pod), fc.constantFrom(0, -1, 65536, 100000)).map(([i, port]) => updateContainer(pod, i, (c) => ({ ...c, ports: [...c.ports, { containerPort: port }] }))),
  },
  {
    name: 'two containers use the same port',
    rule: 'port-shared-localhost',
    mutate: (pod) => {
      const taken = new Set(pod.containers.flatMap((c) => c.ports.map((p) => p.containerPort)));
      const port = [...Array(100).keys()].map((n) => 8000 + n).find((n) => !taken.has(n))!;
      const second: ContainerDesc = { name: 'second-of-port', image: 'app:1.0', ports: [], env: [], mounts: [] };
      const containers = pod.containers.length > 1 ? pod.containers : [...pod.containers, second];
      const base = { ...pod, containers, initContainers: pod.initContainers.filter((c) => c.name !== second.name) };
      return fc.uniqueArray(fc.integer({ min: 0, max: containers.length - 1 }), { minLength: 2, maxLength: 2 }).map(([a, b]) =>
        [a, b].reduce<PodDesc>((p, i) => updateContainer(p, i, (c) => ({ ...c, ports: [...c.ports, { containerPort: port }] })), base),
      );
    },
  },
  {
    name: 'a $(VAR) refers to no variable of the container',
    rule: 'env-reference-defined',
    mutate: (pod) =>
      someContainer(pod).map((i) =>
        updateContainer(pod, i, (c) => ({ ...c, env: [...c.env, { name: 'DANGLING_REF', value: 'uses $(NOT_DEFINED_ANYWHERE)' }] })),
      ),
  },
  {
    name: 'a $(VAR) refers to a variable defined later',
    rule: 'env-reference-defined',
    mutate: (pod) =>
      someContainer(pod).map((i) =>
        updateContainer(pod, i, (c) => ({
          ...c,
          env: [{ name: 'FORWARD_REF', value: '$(DEFINED_LATER)/x' }, ...c.env.filter((e) => e.name !== 'DEFINED_LATER' && e.name !== 'FORWARD_REF'), { name: 'DEFINED_LATER', value: 'y' }],
        })),
      ),
  },
  {
    name: 'two env variables of a container share a name',
    rule: 'env-name-unique',
    mutate: (pod) =>
      someContainer(pod).map((i) => updateContainer(pod, i, (c) => ({ ...c, env: [...c.env, { name: 'TWICE', value: 'a' }, { name: 'TWICE', value: 'b' }] }))),
  },
  {
    name: 'a label key is not a valid label key',
    rule: 'label-key',
    mutate: (pod) => fc.constantFrom(...badLabelKeys).map((key) => ({ ...pod, labels: { ...pod.labels, [key]: 'v' } })),
  },
  {
    name: 'a label value is not a valid label value',
    rule: 'label-value',
    mutate: (pod) => fc.constantFrom(...badLabelValues).map((value) => ({ ...pod, labels: { ...pod.labels, app: value } })),
  },
  {
    name: 'a nodeSelector key is not a valid label key',
    rule: 'label-key',
    mutate: (pod) => fc.constantFrom(...badLabelKeys).map((key) => ({ ...pod, nodeSelector: { ...pod.nodeSelector, [key]: 'true' } })),
  },
  {
    name: 'a container name is not a DNS-1123 label',
    rule: 'container-name',
    mutate: (pod) => fc.tuple(someContainer(pod), fc.constantFrom(...badDnsLabels)).map(([i, name]) => updateContainer(pod, i, (c) => ({ ...c, name }))),
  },
  {
    name: 'a volume name is not a DNS-1123 label',
    rule: 'volume-name',
    mutate: (pod) =>
      fc.constantFrom(...badDnsLabels).map((name) => ({ ...pod, volumes: [...pod.volumes, { kind: 'emptyDir' as const, name }], declaredVolumes: [...pod.declaredVolumes, pod.volumes.length] })),
  },
  {
    name: 'a port name is not an IANA service name',
    rule: 'port-name',
    mutate: (pod) =>
      fc.tuple(someContainer(pod), fc.constantFrom('HTTP', 'a--b', 'p'.repeat(16), '1234', '-web')).map(([i, name]) =>
        updateContainer(pod, i, (c) => ({ ...c, ports: [...c.ports.filter((p) => p.containerPort !== 9999), { containerPort: 9999, name }] })),
      ),
  },
  {
    name: 'a container mounts two volumes at one path',
    rule: 'mount-path-unique',
    mutate: (pod) => {
      const volumes = [...pod.volumes, { kind: 'emptyDir' as const, name: 'extra-a' }, { kind: 'emptyDir' as const, name: 'extra-b' }];
      const base = { ...pod, volumes };
      return someContainer(pod).map((i) =>
        updateContainer(base, i, (c) => ({ ...c, mounts: [...c.mounts, { volume: volumes.length - 2, path: '/same' }, { volume: volumes.length - 1, path: '/same' }] })),
      );
    },
  },
  {
    name: 'an escape hatch carries a field Kubernetes does not define',
    rule: 'unknown-field',
    mutate: (pod) =>
      fc.oneof(
        fc.constantFrom({ hostnam: 'x' }, { affinity: { nodeAffinity: { requiredDuringScheduling: { nodeSelectorTerms: [] } } } }, { dnsConfig: { nameserver: ['1.1.1.1'] } }).map((extraSpec) => ({ ...pod, extraSpec })),
        fc
          .tuple(someContainer(pod), fc.constantFrom({ stdinn: true }, { lifecycle: { preStop: { exec: { commands: ['x'] } } } }, { terminationMessagepolicy: 'File', tty: true }))
          .map(([i, extraFields]) => updateContainer(pod, i, (c) => ({ ...c, extraFields }))),
      ),
  },
  {
    name: 'an escape hatch carries a value of the wrong type',
    rule: 'kubernetes-schema',
    pending: 'TODO(lead): no Peapod rule checks the types of escape-hatch values; run the schema check of lib/schema at synth (rule id kubernetes-schema) to enforce it',
    mutate: (pod) =>
      fc.oneof(
        fc.constantFrom({ hostname: 5 }, { hostNetwork: 'yes' }, { activeDeadlineSeconds: '30' }).map((extraSpec) => ({ ...pod, extraSpec })),
        fc.tuple(someContainer(pod), fc.constantFrom({ tty: 'true' }, { stdin: 1 })).map(([i, extraFields]) => updateContainer(pod, i, (c) => ({ ...c, extraFields }))),
      ),
  },
  {
    name: 'the Pod name is not a DNS-1123 subdomain',
    rule: 'object-name',
    kinds: ['Pod'],
    mutate: (pod) => fc.constantFrom('Bad_Name', 'UPPER', `${'n'.repeat(254)}`, 'a..b', '-x').map((name) => ({ ...pod, name })),
  },
];
