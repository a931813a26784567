/**
 * Mutations that turn a valid program into one synth must refuse, each with
 * the id of the rule that must refuse it: of a Pod or workload template
 * (`mutate`), of one resource such as a Service (`mutateResource`), or
 * between resources (`mutateProgram`).
 *
 * `pending` marks a mutation that no synth rule catches yet: its "refuses"
 * property runs as `test.failing`, so it fails the suite the day a rule
 * starts catching it, and `pending` must then be deleted.
 */
import fc from 'fast-check';
import { podKindOf, WORKLOAD_LABEL } from './arbitraries';
import { ConfigMapDesc, ContainerDesc, DisruptionBudgetDesc, EnvDesc, JobDesc, NetworkPolicyDesc, PodDesc, ProgramDesc, ResourceDesc, SecretDesc, ServiceDesc, ServicePortDesc, WorkloadDesc } from './program';

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

const POD_MUTATIONS: readonly Mutation[] = [
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
    mutate: (pod) =>
      fc.oneof(
        // Fields no rule of their own checks (hostname and activeDeadlineSeconds have theirs: see below), or values of
        // a JSON type the field cannot hold, which are withheld from the rule of the field.
        fc
          .constantFrom<Record<string, unknown>>({ enableServiceLinks: 'no' }, { hostNetwork: 'yes' }, { automountServiceAccountToken: 1 }, { activeDeadlineSeconds: '30' })
          .map((extraSpec) => ({ ...pod, extraSpec })),
        fc.tuple(someContainer(pod), fc.constantFrom({ tty: 'true' }, { stdin: 1 })).map(([i, extraFields]) => updateContainer(pod, i, (c) => ({ ...c, extraFields }))),
      ),
  },
  {
    name: 'activeDeadlineSeconds is not a whole number from 1 to 2147483647',
    rule: 'pod-timing',
    kinds: ['Pod'],
    mutate: (pod) =>
      fc
        .constantFrom<unknown>(0, -1, 0.5, 2 ** 31, 1e21, Number.NaN)
        .map((activeDeadlineSeconds) => ({ ...pod, extraSpec: { activeDeadlineSeconds } })),
  },
  {
    name: 'the Pod name is not a DNS-1123 subdomain',
    rule: 'object-name',
    kinds: ['Pod'],
    mutate: (pod) => fc.constantFrom('Bad_Name', 'UPPER', `${'n'.repeat(254)}`, 'a..b', '-x').map((name) => ({ ...pod, name })),
  },
  {
    name: 'a workload, ConfigMap or Secret name is not a DNS-1123 subdomain',
    rule: 'object-name',
    kinds: ['Deployment', 'ReplicaSet', 'ConfigMap', 'Secret'],
    mutateResource: (d: { name: string }) => fc.constantFrom('Bad_Name', 'UPPER', 'a..b', '-x', `${'n'.repeat(254)}`).map((name) => ({ ...d, name })),
  },
];

// ---- workloads ----

const WORKLOADS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'];
// A DaemonSet has no replicas.
const REPLICATED = ['Deployment', 'ReplicaSet', 'StatefulSet'];

function workloadMutations(): Mutation[] {
  return [
    {
      name: 'replicas is negative or fractional',
      rule: 'workload-replicas-valid',
      kinds: REPLICATED,
      mutateResource: (d: WorkloadDesc) => fc.constantFrom(-1, -10, 1.5).map((replicas) => ({ ...d, replicas })),
    },
    {
      name: 'selectBy names a label the template does not have',
      rule: 'workload-selector-matches-template',
      kinds: WORKLOADS,
      // The generated labels never use the fuzz.test prefix.
      mutateResource: (d: WorkloadDesc) => fc.constant({ ...d, selectBy: [...(d.selectBy ?? [WORKLOAD_LABEL]), 'fuzz.test/absent'] }),
    },
    {
      name: 'the template has no labels',
      rule: 'workload-selector-labels',
      kinds: WORKLOADS,
      mutateResource: (d: WorkloadDesc) => fc.constant({ ...d, selectBy: undefined, pod: { ...d.pod, labels: {} } }),
    },
    {
      name: 'selectBy is empty',
      rule: 'workload-selector-labels',
      kinds: WORKLOADS,
      mutateResource: (d: WorkloadDesc) => fc.constant({ ...d, selectBy: [] }),
    },
    {
      name: 'the template restarts other than Always',
      rule: 'workload-restart-policy-always',
      kinds: WORKLOADS,
      mutateResource: (d: WorkloadDesc) => fc.constantFrom('OnFailure' as const, 'Never' as const).map((restartPolicy) => ({ ...d, pod: { ...d.pod, restartPolicy } })),
    },
    {
      name: 'a Job template restarts Always, or has no restartPolicy',
      rule: 'job-restart-policy',
      kinds: ['Job'],
      mutateResource: (d: JobDesc) => fc.constantFrom('Always' as const, undefined).map((restartPolicy) => ({ ...d, pod: { ...d.pod, restartPolicy } })),
    },
    {
      name: 'a Job count is negative or fractional',
      rule: 'job-field-valid',
      kinds: ['Job'],
      mutateResource: (d: JobDesc) =>
        fc.record({ field: fc.constantFrom('backoffLimit', 'completions', 'parallelism', 'ttlSecondsAfterFinished'), value: fc.constantFrom(-1, 0.5) }).map(({ field, value }) => ({ ...d, [field]: value })),
    },
    {
      name: 'minReadySeconds is negative',
      rule: 'workload-field-valid',
      kinds: WORKLOADS,
      mutateResource: (d: WorkloadDesc) => fc.constantFrom(-1, -30, 2.5).map((minReadySeconds) => ({ ...d, minReadySeconds, progressDeadlineSeconds: undefined })),
    },
    {
      name: 'revisionHistoryLimit is negative, or the progress deadline is not past minReadySeconds',
      rule: 'workload-field-valid',
      kinds: ['Deployment'],
      mutateResource: (d: WorkloadDesc) =>
        fc.oneof(
          fc.constantFrom(-1, -5).map((revisionHistoryLimit) => ({ ...d, revisionHistoryLimit })),
          fc.integer({ min: 0, max: 60 }).map((seconds) => ({ ...d, minReadySeconds: seconds, progressDeadlineSeconds: seconds })),
        ),
    },
    {
      name: 'a rolling update has both counts 0, or a count that is not one',
      rule: 'deployment-rolling-update-valid',
      kinds: ['Deployment'],
      mutateResource: (d: WorkloadDesc) =>
        fc
          .constantFrom<[unknown, unknown]>([0, 0], [0, '0%'], ['0%', 0], [1, '150%'], ['ten', 1], [-1, 1], [1, '25'])
          .map(([maxSurge, maxUnavailable]) => ({ ...d, strategy: { kind: 'rollingUpdate', maxSurge, maxUnavailable } })),
    },
    {
      name: 'a bare Pod carries the labels a workload selects by',
      rule: 'workload-selector-overlap',
      kinds: WORKLOADS,
      mutateProgram: (program) => {
        const workloads = program.charts.flatMap((chart, c) => chart.resources.filter((r) => WORKLOADS.includes(r.kind)).map((r) => ({ c, r })));
        return fc.constantFrom(...workloads).chain(({ c, r }) => {
          // Into a chart of the workload's namespace: Pods of other namespaces are not its to select.
          const charts = program.charts.map((chart, i) => ({ chart, i })).filter(({ chart }) => chart.namespace === program.charts[c].namespace);
          return fc.constantFrom(...charts).map(({ i: into }) => {
          // A name longer than generated ones, so it is unique.
          const pod: PodDesc = { ...(r.desc as WorkloadDesc).pod, name: 'fuzz-overlap-pod', restartPolicy: undefined };
          return addResource(program, into, { kind: 'Pod', id: 'overlap', desc: pod });
          });
        });
      },
    },
  ];
}

// ---- Services ----

const SERVICES = ['Service'];

/** The container ports the target of a Service declares. */
function targetPorts(d: ServiceDesc, chart: readonly ResourceDesc[]) {
  const target = chart[d.target];
  return podKindOf(target.kind)!.podOf(target.desc).containers.flatMap((c) => c.ports);
}

/** A Service port number its ports do not use yet. */
function freePort(d: ServiceDesc): number {
  const used = new Set(d.ports.map((p) => p.port));
  return [...Array(100).keys()].map((n) => 7000 + n).find((n) => !used.has(n))!;
}

/** A port the Service may add: forwarding to a declared container port when there is one. */
function extraPort(d: ServiceDesc, chart: readonly ResourceDesc[], name?: string): ServicePortDesc {
  const declared = targetPorts(d, chart)[0];
  return { port: freePort(d), targetPort: declared?.containerPort ?? 8080, protocol: declared?.protocol, name };
}

const withPorts = (d: ServiceDesc, ports: readonly ServicePortDesc[]): ServiceDesc => ({ ...d, ports: [...d.ports, ...ports] });

function serviceMutations(): Mutation[] {
  return [
    {
      // A port number no container declares works (kube-proxy forwards to it): a warning, service-target-port-number-declared.
      name: 'a Service port targets a port name its target does not declare',
      rule: 'service-target-port-declared',
      kinds: SERVICES,
      // A name no generated container port has (at most 7 characters before its "-").
      mutateResource: (d: ServiceDesc) => fc.constant(withPorts(d, [{ port: freePort(d), targetPort: 'undeclared-x', name: 'not-declared' }])),
    },
    {
      name: 'two Service ports share a name',
      rule: 'service-port-name-unique',
      kinds: SERVICES,
      mutateResource: (d: ServiceDesc, chart) => {
        const first = extraPort(d, chart, 'twice');
        return fc.constant(withPorts(d, [first, { ...first, port: first.port + 1000 }]));
      },
    },
    {
      name: 'two Service ports share a number and protocol',
      rule: 'service-port-unique',
      kinds: SERVICES,
      mutateResource: (d: ServiceDesc, chart) => {
        const port = extraPort(d, chart, 'once');
        return fc.constant(withPorts(d, [port, { ...port, name: 'again' }]));
      },
    },
    {
      name: 'a Service that is not headless has no ports',
      rule: 'service-has-ports',
      kinds: SERVICES,
      mutateResource: (d: ServiceDesc) =>
        fc.constantFrom(undefined, 'ClusterIP' as const, 'NodePort' as const, 'LoadBalancer' as const).map((type) => ({ ...d, ports: [], headless: undefined, type })),
    },
    {
      name: 'a Service port number is out of 1–65535',
      rule: 'service-port-valid',
      kinds: SERVICES,
      mutateResource: (d: ServiceDesc, chart) => fc.constantFrom(0, -80, 65536, 80.5).map((port) => withPorts(d, [{ ...extraPort(d, chart, 'out-of-range'), port }])),
    },
    {
      name: 'a ClusterIP Service port has a nodePort',
      rule: 'service-node-port-type',
      kinds: SERVICES,
      mutateResource: (d: ServiceDesc, chart) =>
        fc.constantFrom(undefined, 'ClusterIP' as const).map((type) =>
          // The generated ports of a NodePort Service may have nodePorts too; they are wrong as well now.
          withPorts({ ...d, type, headless: undefined, externalTrafficPolicy: undefined }, [{ ...extraPort(d, chart, 'on-node'), nodePort: 30999 }]),
        ),
    },
    {
      name: 'a NodePort or LoadBalancer Service port has a nodePort outside the default range 30000–32767',
      rule: 'service-node-port-range',
      kinds: SERVICES,
      mutateResource: (d: ServiceDesc, chart) =>
        fc
          .tuple(fc.constantFrom('NodePort' as const, 'LoadBalancer' as const), fc.constantFrom(80, 8080, 29999, 32768, 65535))
          .map(([type, nodePort]) => withPorts({ ...d, type, headless: undefined }, [{ ...extraPort(d, chart, 'off-range'), nodePort }])),
    },
    {
      name: 'an ExternalName Service has no externalName',
      rule: 'service-external-name',
      kinds: SERVICES,
      mutateResource: (d: ServiceDesc) => fc.constant({ ...d, type: 'ExternalName' as const, headless: undefined, externalTrafficPolicy: undefined }),
    },
    {
      name: 'a ClusterIP Service has an externalTrafficPolicy',
      rule: 'service-external-traffic-policy-type',
      kinds: SERVICES,
      mutateResource: (d: ServiceDesc) =>
        fc
          .tuple(fc.constantFrom(undefined, 'ClusterIP' as const), fc.constantFrom('Cluster' as const, 'Local' as const))
          // nodePorts of a generated NodePort Service would be wrong too now: they go.
          .map(([type, externalTrafficPolicy]) => ({ ...d, type, externalTrafficPolicy, ports: d.ports.map((p) => ({ ...p, nodePort: undefined })) })),
    },
    {
      name: 'a headless Service is of type NodePort or LoadBalancer',
      rule: 'service-headless-type',
      kinds: SERVICES,
      mutateResource: (d: ServiceDesc) => fc.constantFrom('NodePort' as const, 'LoadBalancer' as const).map((type) => ({ ...d, headless: true, type })),
    },
    {
      name: 'a Service name is not a DNS-1035 label',
      rule: 'service-name-valid',
      kinds: SERVICES,
      mutateResource: (d: ServiceDesc) => fc.constantFrom('Web', 'web.api', '1web', 'web_api', `w${'e'.repeat(63)}`).map((name) => ({ ...d, name })),
    },
    {
      name: 'a Service port name is not a DNS-1123 label',
      rule: 'service-port-name-valid',
      kinds: SERVICES,
      mutateResource: (d: ServiceDesc, chart) => fc.constantFrom('HTTP', 'web_port', '-web', 'a.b').map((name) => withPorts(d, [extraPort(d, chart, name)])),
    },
    {
      name: 'a Service with several ports has one without a name',
      rule: 'service-port-name-required',
      kinds: SERVICES,
      mutateResource: (d: ServiceDesc, chart) => {
        const port = extraPort(d, chart);
        return fc.constant(withPorts(d, [port, { ...port, port: port.port + 1000 }]));
      },
    },
    {
      name: 'a Service port targets a named port of another protocol',
      rule: 'service-target-port-protocol',
      kinds: SERVICES,
      mutateProgram: (program) => {
        const services = program.charts.flatMap((chart, c) => chart.resources.map((r, i) => ({ c, i, r })).filter(({ r }) => r.kind === 'Service'));
        return fc.tuple(fc.constantFrom(...services), fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const)).map(([{ c, i, r }, protocol]) => {
          const d = r.desc as ServiceDesc;
          const target = program.charts[c].resources[d.target];
          const kind = podKindOf(target.kind)!;
          const pod = kind.podOf(target.desc);
          const taken = new Set(pod.containers.flatMap((ct) => ct.ports.map((p) => p.containerPort)));
          const containerPort = [...Array(100).keys()].map((n) => 9300 + n).find((n) => !taken.has(n))!;
          const other = protocol === 'UDP' ? 'TCP' : 'UDP';
          // A port name longer than generated ones before its "-", so it is unique in the Pod.
          const name = 'fuzzproto-x';
          const containers = pod.containers.map((ct, j) => (j === 0 ? { ...ct, ports: [...ct.ports, { containerPort, name, protocol }] } : ct));
          const withTarget = replaceIn(program, c, d.target, kind.withPod(target.desc, { ...pod, containers }));
          return replaceIn(withTarget, c, i, withPorts(d, [{ port: freePort(d), targetPort: name, protocol: other }]));
        });
      },
    },
    {
      name: 'a Service targets a Pod or workload without labels',
      rule: 'service-selects-pods',
      kinds: SERVICES,
      mutateProgram: (program) => {
        const services = program.charts.flatMap((chart, c) => chart.resources.filter((r) => r.kind === 'Service').map((r) => ({ c, r })));
        return fc.constantFrom(...services).map(({ c, r }) => {
          const index = (r.desc as ServiceDesc).target;
          const target = program.charts[c].resources[index];
          const kind = podKindOf(target.kind)!;
          // A workload's selectBy would name labels it no longer has.
          const desc = target.kind === 'Pod' ? target.desc : { ...(target.desc as WorkloadDesc), selectBy: undefined };
          return replaceIn(program, c, index, kind.withPod(desc, { ...kind.podOf(target.desc), labels: {} }));
        });
      },
    },
  ];
}

// ---- ConfigMaps and Secrets ----

function keyMutations(): Mutation[] {
  const missingKey = (kind: 'ConfigMap' | 'Secret'): Mutation => ({
    name: `an env entry takes a key the ${kind} of the app does not have`,
    rule: kind === 'ConfigMap' ? 'config-map-key-exists' : 'secret-key-exists',
    kinds: [kind],
    mutateProgram: (program) => {
      const objects = program.charts.flatMap((chart) => chart.resources.filter((r) => r.kind === kind).map((r) => ({ namespace: chart.namespace, name: (r.desc as { name: string }).name })));
      const runners = program.charts.flatMap((chart, c) => chart.resources.map((r, i) => ({ c, i, r })).filter(({ r }) => podKindOf(r.kind)));
      // A Pod of the object's namespace: the first chart has both.
      const sameNamespace = (namespace: string | undefined) => runners.filter(({ c }) => program.charts[c].namespace === namespace);
      const pick = fc.constantFrom(...objects).chain((object) => fc.constantFrom(...sameNamespace(object.namespace)).map((runner) => ({ name: object.name, ...runner })));
      return fc.tuple(pick, fc.option(fc.constant(false), { nil: undefined })).chain(([{ name, c, i, r }, optional]) => {
        const kindOfRunner = podKindOf(r.kind)!;
        const pod = kindOfRunner.podOf(r.desc);
        // A key longer than generated ones, so no object has it.
        const entry: EnvDesc = { name: 'FROM_MISSING_KEY', keyRef: { kind, name, key: 'fuzz-missing.key', optional } };
        return fc.nat(all(pod).length - 1).map((j) => replaceIn(program, c, i, kindOfRunner.withPod(r.desc, updateContainer(pod, j, (ct) => ({ ...ct, env: [...ct.env, entry] })))));
      });
    },
  });
  const sections = (d: ConfigMapDesc | SecretDesc): [Record<string, string>, Record<string, string>, (a: Record<string, string>, b: Record<string, string>) => unknown] =>
    'binaryData' in d
      ? [d.data, d.binaryData, (data, binaryData) => ({ ...d, data, binaryData })]
      : [d.stringData, d.data, (stringData, data) => ({ ...d, stringData, data })];
  return [
    missingKey('ConfigMap'),
    missingKey('Secret'),
    {
      name: 'a ConfigMap or Secret key has characters a key may not have',
      rule: 'data-key-valid',
      kinds: ['ConfigMap', 'Secret'],
      mutateResource: (d: ConfigMapDesc | SecretDesc) =>
        fc.constantFrom('a b', '..x', '.', '..', '', 'a/b', 'k'.repeat(254), 'é').map((key) => {
          const [first, second, make] = sections(d);
          return make({ ...first, [key]: 'x' }, second);
        }),
    },
    {
      name: "a Secret's data or a ConfigMap's binaryData has a value that is not base64",
      rule: 'data-value-encoded',
      kinds: ['ConfigMap', 'Secret'],
      mutateResource: (d: ConfigMapDesc | SecretDesc) =>
        fc.constantFrom('hunter2', 'eA', 'e A=', 'eA==x', '****').map((value) => {
          const [first, second, make] = sections(d);
          // The key is longer than generated ones, so it is in no other section.
          return make(first, { ...second, 'fuzz-plain-text': value });
        }),
    },
    {
      // In a Secret, stringData wins over data: a warning (secret-key-overwritten), not an error.
      name: 'a ConfigMap key is in both data and binaryData',
      rule: 'data-key-unique',
      kinds: ['ConfigMap'],
      mutateResource: (d: ConfigMapDesc | SecretDesc) => {
        const [first, second, make] = sections(d);
        return fc.constant(make({ ...first, twice: 'x' }, { ...second, twice: 'eA==' }));
      },
    },
  ];
}

function replaceIn(program: ProgramDesc, c: number, i: number, desc: unknown): ProgramDesc {
  return { charts: program.charts.map((chart, cc) => (cc !== c ? chart : { ...chart, resources: chart.resources.map((r, ii) => (ii !== i ? r : { ...r, desc })) })) };
}

function addResource(program: ProgramDesc, c: number, resource: ResourceDesc): ProgramDesc {
  return { charts: program.charts.map((chart, cc) => (cc !== c ? chart : { ...chart, resources: [...chart.resources, resource] })) };
}

/** Bad labels of the workload or Service object itself (its Pods' are the Pod mutations'). */
function objectLabelMutations(): Mutation[] {
  const kinds = ['Deployment', 'ReplicaSet', 'Service'];
  return [
    {
      name: 'a label key of a workload or Service is not a valid label key',
      rule: 'label-key',
      kinds,
      mutateResource: (d: { labels?: Record<string, string> }) => fc.constantFrom(...badLabelKeys).map((key) => ({ ...d, labels: { ...d.labels, [key]: 'v' } })),
    },
    {
      name: 'a label value of a workload or Service is not a valid label value',
      rule: 'label-value',
      kinds,
      mutateResource: (d: { labels?: Record<string, string> }) => fc.constantFrom(...badLabelValues).map((value) => ({ ...d, labels: { ...d.labels, app: value } })),
    },
    {
      name: 'an annotation key of a workload or Service is not a valid key',
      rule: 'annotation-key',
      kinds,
      // Kubernetes checks annotation keys in lower case, so capitals are allowed there.
      mutateResource: (d: { annotations?: Record<string, string> }) =>
        fc.constantFrom(...badLabelKeys.filter((key) => key === key.toLowerCase())).map((key) => ({ ...d, annotations: { ...d.annotations, [key]: 'v' } })),
    },
  ];
}

function selectingMutations(): Mutation[] {
  return [
    {
      name: 'a PodDisruptionBudget sets both minAvailable and maxUnavailable (untyped input)',
      rule: 'pdb-budget-valid',
      kinds: ['PodDisruptionBudget'],
      mutateResource: (d: DisruptionBudgetDesc) => fc.constant({ ...d, budget: { minAvailable: 1, maxUnavailable: 1 } }),
    },
    {
      name: 'a NetworkPolicy names a port its Pods do not declare',
      rule: 'network-policy-port-declared',
      kinds: ['NetworkPolicy'],
      // A container port name has at most one "-": this one never is.
      mutateResource: (d: NetworkPolicyDesc) => fc.constant({ ...d, ports: [...d.ports, 'not-a-port'] }),
    },
    {
      name: 'a NetworkPolicy port number is out of 1–65535',
      rule: 'network-policy-port-valid',
      kinds: ['NetworkPolicy'],
      mutateResource: (d: NetworkPolicyDesc) => fc.constantFrom(0, 65536, 1.5).map((port) => ({ ...d, ports: [...d.ports, port] })),
    },
  ];
}

export const MUTATIONS: readonly Mutation[] = [...POD_MUTATIONS, ...workloadMutations(), ...serviceMutations(), ...keyMutations(), ...objectLabelMutations(), ...selectingMutations()];
