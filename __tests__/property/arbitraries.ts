/**
 * Generators of valid Peapod programs: everything they produce is a
 * program Kubernetes would accept and Peapod must synthesize. Each value is
 * drawn from the grammar Kubernetes documents for it (DNS-1123 labels, IANA
 * port names, label syntax, quantities), kept a little inside the limits so
 * a mutation can push it out.
 */
import fc from 'fast-check';
import { WellKnownNodeLabels } from '../../lib';
import { portNameError } from '../../lib/validation/names';
import {
  CONFIG_MAP_KIND,
  ConfigMapDesc,
  ContainerDesc,
  DAEMON_SET_KIND,
  DEPLOYMENT_KIND,
  DISRUPTION_BUDGET_KIND,
  DisruptionBudgetDesc,
  INGRESS_KIND,
  IngressDesc,
  EnvDesc,
  JOB_KIND,
  JobDesc,
  KeyRefDesc,
  MountDesc,
  NETWORK_POLICY_KIND,
  NetworkPolicyDesc,
  PodDesc,
  POD_KIND,
  PortDesc,
  ProbeDesc,
  ProgramDesc,
  REPLICA_SET_KIND,
  ResourceDesc,
  ResourceKind,
  SECRET_KIND,
  SecretDesc,
  SERVICE_KIND,
  ServiceDesc,
  ServicePortDesc,
  ServiceType,
  STATEFUL_SET_KIND,
  VolumeDesc,
  WorkloadDesc,
} from './program';

/** A kind of construct that runs Pods (a Pod or a workload), with its generator and where its Pod is. */
export interface PodKind<D> extends ResourceKind<D> {
  /** Descriptions of valid constructs; `name` is unique in the program. */
  arbitrary(name: string): fc.Arbitrary<D>;
  /** The Pod (or template) the description holds, for mutations. */
  podOf(desc: D): PodDesc;
  /** The description with its Pod replaced. */
  withPod(desc: D, pod: PodDesc): D;
  /** The labels its Pods are selected by: a Service targeting it gets this selector. */
  selectorOf(desc: D): Readonly<Record<string, string>>;
  /** Where the Pod of its manifest is: its metadata and spec (a workload's `spec.template`). */
  renderedPod(manifest: Json): { readonly metadata: Json; readonly spec: Json };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

// ---- names and values, by the grammar Kubernetes documents ----

/** A DNS-1123 label: lower-case alphanumerics and `-`, starting with a letter here. */
export const dnsLabel = fc.stringMatching(/^[a-z]([-a-z0-9]{0,8}[a-z0-9])?$/);
/** A DNS-1123 subdomain: dot-separated labels. */
export const dnsSubdomain = fc.tuple(dnsLabel, fc.option(dnsLabel, { nil: undefined })).map(([a, b]) => (b ? `${a}.${b}` : a));
/** An IANA service name, as port names must be: at most 15 of `[-a-z0-9]`, a letter, no `--`, no `-` at the ends. */
export const portName = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,6})?$/);
/** An environment variable name. */
export const envName = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,10}$/);
/** The name part of a label key, or a label value (non-empty). */
const labelName = fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,10}[A-Za-z0-9])?$/);
/** A label key: an optional DNS prefix and a name. */
export const labelKey = fc
  .tuple(fc.option(fc.stringMatching(/^[a-z][a-z0-9]{0,5}\.(com|io|org)$/), { nil: undefined }), labelName)
  .map(([prefix, name]) => (prefix ? `${prefix}/${name}` : name));
/**
 * Valid label values that YAML readers may take for numbers, booleans,
 * null or dates unless the writer quotes them (go-yaml v2, which kubectl
 * uses, reads `0o17` as 15).
 */
export const yamlLookalikes = ['0o17', '0O7', '0b1', '0x1F', '012', '1_000', '1e3', '1.5', 'yes', 'on', 'y', 'N', 'NO', 'null', 'true', '2001-12-14'];
/** A label value: empty, a label name, or one YAML could misread. */
export const labelValue = fc.oneof({ weight: 4, arbitrary: labelName }, { weight: 1, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(...yamlLookalikes) });
/** Free text, sometimes text YAML could misread. */
const text = (maxLength: number) => fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength }) }, { weight: 1, arbitrary: fc.constantFrom(...yamlLookalikes, '-0o1', '+0x1', '~', '.inf', '-.5') });
const image = fc.stringMatching(/^([a-z][a-z0-9]{0,6}\/)?[a-z][a-z0-9]{0,8}:[0-9]{1,2}\.[0-9]{1,2}$/);
const pathSegment = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,6}$/).filter((s) => !s.includes('..'));
const absolutePath = fc.array(pathSegment, { minLength: 1, maxLength: 3 }).map((parts) => `/${parts.join('/')}`);
const relativePath = fc.array(pathSegment, { minLength: 1, maxLength: 2 }).map((parts) => parts.join('/'));

const labels = fc.dictionary(labelKey, labelValue, { maxKeys: 3, noNullPrototype: true });
const annotations = fc.dictionary(labelKey, text(20), { maxKeys: 2, noNullPrototype: true });
const nodeSelector = fc
  .tuple(
    fc.dictionary(labelKey, labelValue, { maxKeys: 2, noNullPrototype: true }),
    fc.option(fc.constantFrom('linux', 'windows'), { nil: undefined }),
    fc.option(fc.constantFrom('amd64', 'arm64'), { nil: undefined }),
    fc.option(fc.constantFrom('eu-west-1a', 'us-east-2b'), { nil: undefined }),
  )
  .map(([custom, os, arch, zone]) => ({
    ...custom,
    ...(os ? { [WellKnownNodeLabels.OS]: os } : {}),
    ...(arch ? { [WellKnownNodeLabels.ARCH]: arch } : {}),
    ...(zone ? { [WellKnownNodeLabels.ZONE]: zone } : {}),
  }));

const volume = (name: string): fc.Arbitrary<VolumeDesc> =>
  fc.oneof(
    fc.record({ kind: fc.constant('emptyDir' as const), name: fc.constant(name) }),
    fc.record({ kind: fc.constant('emptyDir' as const), name: fc.constant(name), medium: fc.constant('Memory' as const), sizeLimit: fc.integer({ min: 1, max: 512 }).map((n) => `${n}Mi`) }),
    fc.record({ kind: fc.constant('hostPath' as const), name: fc.constant(name), path: absolutePath.map((p) => `/data${p}`), type: fc.constantFrom('DirectoryOrCreate' as const, 'Directory' as const) }),
    fc.record({ kind: fc.constantFrom('configMap' as const, 'secret' as const), name: fc.constant(name), objectName: dnsSubdomain }),
    fc.record({ kind: fc.constant('persistentVolumeClaim' as const), name: fc.constant(name), objectName: dnsSubdomain, readOnly: fc.boolean() }),
  );

/** An env list in which every `$(NAME)` refers to a variable defined earlier. */
const envList: fc.Arbitrary<EnvDesc[]> = fc.uniqueArray(envName, { maxLength: 5 }).chain((names) =>
  fc.tuple(
    ...names.map((_, i) =>
      fc
        .array(
          fc.oneof(
            { weight: 3, arbitrary: fc.stringMatching(/^[a-zA-Z0-9 /:._-]{0,8}$/) },
            { weight: 1, arbitrary: fc.constantFrom(...yamlLookalikes) },
            // $$ escapes: the literal text $(X), not a reference.
            { weight: 1, arbitrary: envName.map((n) => `$$(${n})`) },
            ...(i > 0 ? [{ weight: 2, arbitrary: fc.integer({ min: 0, max: i - 1 }).map((j) => `$(${names[j]})`) }] : []),
          ),
          { maxLength: 3 },
        )
        .map((parts) => ({ name: names[i], value: parts.join('') })),
    ),
  ),
);

const resources = fc
  .tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 16, max: 2048 }), fc.integer({ min: 1, max: 4 }))
  .map(([cpu, cpuFactor, memory, memoryFactor]) => ({
    requests: { cpu: `${cpu}m`, memory: `${memory}Mi` },
    limits: { cpu: `${cpu * cpuFactor}m`, memory: `${memory * memoryFactor}Mi` },
  }));

function probe(ports: readonly PortDesc[]): fc.Arbitrary<ProbeDesc> {
  const exec = fc.record({ kind: fc.constant('exec' as const), command: fc.constant(['cat', '/tmp/healthy']) });
  if (ports.length === 0) {
    return exec;
  }
  // A probe calls a declared port, by name when it has one, else by number.
  const port = fc.constantFrom(...ports).map((p) => p.name ?? p.containerPort);
  return fc.oneof(
    fc.record({ kind: fc.constant('http' as const), port, path: absolutePath }),
    fc.record({ kind: fc.constant('tcp' as const), port }),
    exec,
  );
}

function container(name: string, ports: readonly PortDesc[], volumeCount: number, init: boolean): fc.Arbitrary<ContainerDesc> {
  const mounts: fc.Arbitrary<MountDesc[]> =
    volumeCount === 0
      ? fc.constant([])
      : fc
          .tuple(fc.uniqueArray(fc.integer({ min: 0, max: volumeCount - 1 }), { maxLength: volumeCount }), fc.uniqueArray(absolutePath, { minLength: volumeCount, maxLength: volumeCount }))
          .chain(([indexes, paths]) =>
            fc.tuple(
              ...indexes.map((volume, i) =>
                fc.record(
                  { volume: fc.constant(volume), path: fc.constant(`/mnt${paths[i]}`), readOnly: fc.boolean(), subPath: relativePath },
                  { requiredKeys: ['volume', 'path'] },
                ),
              ),
            ),
          );
  return fc.record(
    {
      name: fc.constant(name),
      image,
      imagePullPolicy: fc.constantFrom('Always' as const, 'IfNotPresent' as const, 'Never' as const),
      command: fc.constant(['/app', '--serve']),
      ports: fc.constant(ports),
      env: envList,
      mounts,
      resources,
      // Init containers take no probes.
      readinessProbe: init ? fc.constant(undefined) : probe(ports),
      livenessProbe: init ? fc.constant(undefined) : probe(ports),
      securityContext: fc.record(
        { readOnlyRootFilesystem: fc.boolean(), allowPrivilegeEscalation: fc.boolean(), runAsNonRoot: fc.constant(true) },
        { requiredKeys: ['readOnlyRootFilesystem', 'allowPrivilegeEscalation'] },
      ),
    },
    { requiredKeys: ['name', 'image', 'ports', 'env', 'mounts'] },
  );
}

/** A valid Pod: 1–5 containers, 0–2 init containers, unique names and ports, mounts of its own volumes. */
export function podDesc(name: string): fc.Arbitrary<PodDesc> {
  return fc
    .record({
      containerCount: fc.integer({ min: 1, max: 5 }),
      initCount: fc.integer({ min: 0, max: 2 }),
      volumeNames: fc.uniqueArray(dnsLabel, { maxLength: 4 }),
      // Ports are unique in the whole Pod (containers share its IP), names too.
      ports: fc.uniqueArray(
        fc.record({ containerPort: fc.integer({ min: 1, max: 65535 }), name: fc.option(portName, { nil: undefined }), protocol: fc.option(fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const), { nil: undefined }), owner: fc.nat() }),
        { maxLength: 8, selector: (p) => p.containerPort },
      ),
    })
    .chain(({ containerCount, initCount, volumeNames, ports }) => {
      const seenNames = new Set<string>();
      const named = ports.map(({ owner, ...port }) => {
        const unique = port.name !== undefined && !seenNames.has(port.name);
        if (unique) {
          seenNames.add(port.name!);
        }
        return { owner: owner % containerCount, port: (unique ? port : { ...port, name: undefined }) as PortDesc };
      });
      const portsOf = (i: number) => named.filter((p) => p.owner === i).map((p) => p.port);
      return fc.record(
        {
          name: fc.constant(name),
          labels,
          annotations,
          nodeSelector,
          restartPolicy: fc.constantFrom('Always' as const, 'OnFailure' as const, 'Never' as const),
          serviceAccountName: dnsSubdomain,
          // A non-root user id, so runAsNonRoot holds.
          securityContext: fc.record({ runAsNonRoot: fc.boolean(), runAsUser: fc.integer({ min: 1, max: 65535 }), fsGroup: fc.integer({ min: 1, max: 65535 }) }, { requiredKeys: ['runAsNonRoot', 'runAsUser'] }),
          tolerations: fc.array(
            fc.oneof(
              fc.record({ key: labelKey, operator: fc.constant('Exists' as const), effect: fc.constantFrom('NoSchedule' as const, 'NoExecute' as const) }),
              fc.record({ key: labelKey, operator: fc.constant('Equal' as const), value: labelValue, effect: fc.constantFrom('NoSchedule' as const, 'NoExecute' as const) }),
            ),
            { maxLength: 2 },
          ),
          volumes: fc.tuple(...volumeNames.map(volume)),
          declaredVolumes: fc.subarray(volumeNames.map((_, i) => i)),
          containerNames: fc.uniqueArray(dnsLabel, { minLength: containerCount + initCount, maxLength: containerCount + initCount }),
        },
        { requiredKeys: ['name', 'labels', 'annotations', 'nodeSelector', 'volumes', 'declaredVolumes', 'containerNames'] },
      ).chain(({ containerNames, ...pod }) =>
        fc.record({
          containers: fc.tuple(...Array.from({ length: containerCount }, (_, i) => container(containerNames[i], portsOf(i), volumeNames.length, false))),
          initContainers: fc.tuple(...Array.from({ length: initCount }, (_, i) => container(containerNames[containerCount + i], [], volumeNames.length, true))),
        }).map((lists) => ({ ...pod, ...lists }) as PodDesc),
      );
    });
}

/** The Pod kind, generated. */
export const GENERATED_POD: PodKind<PodDesc> = {
  ...POD_KIND,
  arbitrary: podDesc,
  podOf: (pod) => pod,
  withPod: (_desc, pod) => pod,
  selectorOf: (pod) => pod.labels,
  renderedPod: (manifest) => manifest,
};

/**
 * The label every generated workload template carries, its value the
 * workload's name, so that no two workloads select each other's Pods
 * (workload-selector-overlap). The generated labels never use this prefix.
 */
export const WORKLOAD_LABEL = 'fuzz.test/workload';

/** A valid Deployment or ReplicaSet: a valid Pod template that restarts Always, selected by its own label. */
function workloadDesc(name: string, deployment: boolean): fc.Arbitrary<WorkloadDesc> {
  const count = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100 }).map((n): `${number}%` => `${n}%`));
  const strategy = fc.oneof(
    fc.constant({ kind: 'recreate' as const }),
    fc
      .record({ kind: fc.constant('rollingUpdate' as const), maxSurge: count, maxUnavailable: count }, { requiredKeys: ['kind'] })
      // Both 0 would never replace a Pod (deployment-rolling-update-valid).
      .filter((s) => !(isZero(s.maxSurge) && isZero(s.maxUnavailable))),
  );
  return fc
    .record(
      {
        pod: podDesc(name),
        labels,
        annotations,
        replicas: fc.integer({ min: 0, max: 10 }),
        minReadySeconds: fc.integer({ min: 0, max: 60 }),
        restartAlways: fc.boolean(),
        selectSome: fc.boolean(),
        ...(deployment ? { strategy, revisionHistoryLimit: fc.integer({ min: 0, max: 10 }), progressDeadline: fc.integer({ min: 1, max: 600 }) } : {}),
      },
      { requiredKeys: ['pod', 'restartAlways', 'selectSome'] },
    )
    .chain(({ pod, restartAlways, selectSome, progressDeadline, ...rest }) => {
      const labels = { ...pod.labels, [WORKLOAD_LABEL]: name };
      // The deadline must exceed minReadySeconds (workload-field-valid).
      const progressDeadlineSeconds = progressDeadline === undefined ? undefined : progressDeadline + (rest.minReadySeconds ?? 0);
      const base = { name, ...rest, progressDeadlineSeconds, pod: { ...pod, labels, restartPolicy: restartAlways ? ('Always' as const) : undefined } };
      // selectBy keeps the workload's own label, and some of the others.
      const selectBy = selectSome ? fc.subarray(Object.keys(pod.labels)).map((keys) => [WORKLOAD_LABEL, ...keys]) : fc.constant(undefined);
      return selectBy.map((keys) => strip({ ...base, selectBy: keys }) as WorkloadDesc);
    });
}

function isZero(count: unknown): boolean {
  return count === 0 || count === '0%';
}

function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const workloadKind = (base: ResourceKind<WorkloadDesc>, deployment: boolean): PodKind<WorkloadDesc> => ({
  ...base,
  arbitrary: (name) => workloadDesc(name, deployment),
  podOf: (d) => d.pod,
  withPod: (d, pod) => ({ ...d, pod }),
  selectorOf: (d) => (d.selectBy ? Object.fromEntries(d.selectBy.filter((k) => k in d.pod.labels).map((k) => [k, d.pod.labels[k]])) : d.pod.labels),
  renderedPod: (manifest) => manifest.spec.template,
});

/** The Deployment kind, generated. */
export const GENERATED_DEPLOYMENT = workloadKind(DEPLOYMENT_KIND, true);
/** The ReplicaSet kind, generated. */
export const GENERATED_REPLICA_SET = workloadKind(REPLICA_SET_KIND, false);

/** The StatefulSet kind, generated. */
export const GENERATED_STATEFUL_SET: PodKind<WorkloadDesc> = {
  ...workloadKind(STATEFUL_SET_KIND, false),
  // Its Pods' host names and its Service's name are DNS labels starting with a letter.
  arbitrary: (name) => workloadDesc(`sts-${name.replace(/\./g, '-')}`, false),
};
/** The DaemonSet kind, generated: a workload without replicas. */
export const GENERATED_DAEMON_SET: PodKind<WorkloadDesc> = {
  ...workloadKind(DAEMON_SET_KIND, false),
  arbitrary: (name) => workloadDesc(name, false).map((d) => strip({ ...d, replicas: undefined })),
};

/** A valid Job: a valid Pod template that restarts OnFailure or Never, and counts of 0 or more. */
function jobDesc(name: string): fc.Arbitrary<JobDesc> {
  return fc
    .record(
      {
        pod: podDesc(name),
        labels,
        annotations,
        restartPolicy: fc.constantFrom('OnFailure' as const, 'Never' as const),
        backoffLimit: fc.integer({ min: 0, max: 6 }),
        completions: fc.integer({ min: 0, max: 5 }),
        parallelism: fc.integer({ min: 0, max: 5 }),
        ttlSecondsAfterFinished: fc.integer({ min: 0, max: 3600 }),
      },
      { requiredKeys: ['pod', 'restartPolicy'] },
    )
    .map(({ pod, restartPolicy, ...rest }) => strip({ name, ...rest, pod: { ...pod, restartPolicy } }) as JobDesc);
}

/** The Job kind, generated. Pod mutations keep its restartPolicy. */
export const GENERATED_JOB: PodKind<JobDesc> = {
  ...JOB_KIND,
  arbitrary: jobDesc,
  podOf: (d) => d.pod,
  withPod: (d, pod) => ({ ...d, pod: { ...pod, restartPolicy: d.pod.restartPolicy } }),
  selectorOf: (d) => d.pod.labels,
  // Kubernetes adds the labels a Job selects by; without labels of its own the template has no metadata.
  renderedPod: (manifest) => ({ metadata: manifest.spec.template.metadata ?? {}, spec: manifest.spec.template.spec }),
};

/** The kinds that run Pods. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const POD_KINDS: readonly PodKind<any>[] = [GENERATED_POD, GENERATED_DEPLOYMENT, GENERATED_REPLICA_SET, GENERATED_STATEFUL_SET, GENERATED_DAEMON_SET, GENERATED_JOB];

/** Every kind a generated program may hold, for building it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const GENERATED_KINDS: readonly ResourceKind<any>[] = [...POD_KINDS, SERVICE_KIND, CONFIG_MAP_KIND, SECRET_KIND, DISRUPTION_BUDGET_KIND, NETWORK_POLICY_KIND, INGRESS_KIND];

/** The Pod kind of that name, or undefined for kinds that run no Pods. */
export function podKindOf(kind: string): PodKind<unknown> | undefined {
  return POD_KINDS.find((k) => k.kind === kind);
}

// ---- Services ----

/**
 * A valid Service of the Pod or workload at `target`: ports forward to
 * distinct ports its containers declare, by name or number, with the
 * container port's protocol. Service port names are the target port's
 * (its default), or names no container port can have.
 */
function serviceDesc(name: string, target: number, pod: PodDesc): fc.Arbitrary<ServiceDesc> {
  const declared = pod.containers.flatMap((c) => c.ports);
  return fc
    .record({
      chosen: fc.subarray(declared),
      byName: fc.array(fc.boolean(), { minLength: declared.length, maxLength: declared.length }),
      explicitName: fc.array(fc.boolean(), { minLength: declared.length, maxLength: declared.length }),
      omitTarget: fc.array(fc.boolean(), { minLength: declared.length, maxLength: declared.length }),
      numbers: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: declared.length, maxLength: declared.length }),
      nodePorts: fc.uniqueArray(fc.integer({ min: 30000, max: 32767 }), { minLength: declared.length, maxLength: declared.length }),
      setNodePort: fc.array(fc.boolean(), { minLength: declared.length, maxLength: declared.length }),
      type: fc.constantFrom(undefined, 'ClusterIP' as const, 'NodePort' as const, 'LoadBalancer' as const, 'headless' as const),
      objectLabels: fc.option(labels, { nil: undefined }),
      objectAnnotations: fc.option(annotations, { nil: undefined }),
      sessionAffinity: fc.option(fc.constantFrom('None' as const, 'ClientIP' as const), { nil: undefined }),
      externalTrafficPolicy: fc.option(fc.constantFrom('Cluster' as const, 'Local' as const), { nil: undefined }),
    })
    .map(({ chosen, byName, explicitName, omitTarget, numbers, nodePorts, setNodePort, type, objectLabels, objectAnnotations, sessionAffinity, externalTrafficPolicy }) => {
      // Headless when asked, or when the target declares no port: a Service with a cluster IP needs one (service-has-ports).
      const headless = type === 'headless' || declared.length === 0;
      const serviceType: ServiceType | undefined = type === 'headless' ? undefined : headless ? (type === 'ClusterIP' ? type : undefined) : type;
      const exposed = chosen.length === 0 && !headless ? [declared[0]] : chosen;
      const nodeType = serviceType === 'NodePort' || serviceType === 'LoadBalancer';
      const ports = exposed.map((p, i): ServicePortDesc => {
        const named = p.name !== undefined && byName[i];
        // A container port name has at most one "-", and starts with a letter: these never clash with one.
        const name = named ? (explicitName[i] ? `${p.name}-svc-port` : undefined) : exposed.length > 1 || explicitName[i] ? `${p.containerPort}-by-number` : undefined;
        // Left out (as untyped input may), targetPort is the port itself: then the port is the container port.
        const omit = !named && omitTarget[i] && !numbers.slice(0, exposed.length).includes(p.containerPort);
        const targetPort = named ? p.name! : omit ? undefined : p.containerPort;
        return strip({ port: omit ? p.containerPort : numbers[i], targetPort, name, protocol: p.protocol, nodePort: nodeType && setNodePort[i] ? nodePorts[i] : undefined });
      });
      return strip({
        name,
        labels: objectLabels,
        annotations: objectAnnotations,
        target,
        type: serviceType,
        headless: headless || undefined,
        ports,
        sessionAffinity,
        // Only for traffic from outside: the API server refuses it on a ClusterIP Service.
        externalTrafficPolicy: nodeType ? externalTrafficPolicy : undefined,
      });
    });
}

// ---- ConfigMaps and Secrets ----

/** A ConfigMap or Secret key: `[-._a-zA-Z0-9]`, never "." or starting with "..". */
export const dataKey = fc.stringMatching(/^\.?[a-zA-Z0-9_-][-._a-zA-Z0-9]{0,10}$/);
const base64 = fc.uint8Array({ maxLength: 12 }).map((bytes) => Buffer.from(bytes).toString('base64'));

/** Keys unique across both sections, split between them. */
function twoSections(first: fc.Arbitrary<string>, second: fc.Arbitrary<string>): fc.Arbitrary<[Record<string, string>, Record<string, string>]> {
  return fc
    .uniqueArray(dataKey, { maxLength: 5 })
    .chain((keys) => fc.tuple(...keys.map((key) => fc.tuple(fc.constant(key), fc.boolean(), first, second))))
    .map((entries) => [
      Object.fromEntries(entries.filter(([, inFirst]) => inFirst).map(([key, , a]) => [key, a])),
      Object.fromEntries(entries.filter(([, inFirst]) => !inFirst).map(([key, , , b]) => [key, b])),
    ]);
}

const configMapDesc = (name: string): fc.Arbitrary<ConfigMapDesc> =>
  twoSections(text(16), base64).map(([data, binaryData]) => ({ name, data, binaryData }));
const secretDesc = (name: string): fc.Arbitrary<SecretDesc> =>
  twoSections(text(16), base64).map(([stringData, data]) => ({ name, stringData, data }));

/** An object that exists outside the app: references to it are not checked. Its name is longer than a generated one. */
const EXTERNAL: KeyRefDesc[] = [
  { kind: 'ConfigMap', name: 'external-config', key: 'any.key' },
  { kind: 'Secret', name: 'external-secret', key: 'token' },
];

/**
 * The program with env entries taking keys of its ConfigMaps and Secrets
 * (in any chart), or of objects outside the app, added to some containers.
 * Their names are longer than generated env names, so never clash.
 */
function withKeyReferences(program: ProgramDesc): fc.Arbitrary<ProgramDesc> {
  // Objects of another namespace are outside the Pod's reach: a reference to one names a ConfigMap of its own namespace.
  const refsIn = (namespace: string | undefined): KeyRefDesc[] => [
    ...EXTERNAL,
    ...program.charts.filter((chart) => chart.namespace === namespace).flatMap((chart) =>
      chart.resources.flatMap((r): KeyRefDesc[] => {
        const d = r.desc as ConfigMapDesc & SecretDesc;
        const keys = r.kind === 'ConfigMap' ? [...Object.keys(d.data), ...Object.keys(d.binaryData)] : r.kind === 'Secret' ? [...Object.keys(d.stringData), ...Object.keys(d.data)] : [];
        return keys.map((key) => ({ kind: r.kind as KeyRefDesc['kind'], name: d.name, key }));
      }),
    ),
  ];
  const ref = (namespace: string | undefined) =>
    fc.tuple(fc.constantFrom(...refsIn(namespace)), fc.option(fc.boolean(), { nil: undefined })).map(([r, optional]) => strip({ ...r, optional }));
  return fc
    .tuple(
      ...program.charts.map((chart) =>
        fc.tuple(
          ...chart.resources.map((r) => {
            const kind = podKindOf(r.kind);
            if (!kind) {
              return fc.constant(r);
            }
            const pod = kind.podOf(r.desc);
            const all = [...pod.containers, ...pod.initContainers];
            return fc
              .array(fc.tuple(fc.nat(all.length - 1), ref(chart.namespace)), { maxLength: 3 })
              .map((added) => {
                const env = all.map((c, i): EnvDesc[] => [
                  ...c.env,
                  ...added.filter(([j]) => j === i).map(([, keyRef], n): EnvDesc => ({ name: `FROM_KEY_REF_${n}`, keyRef })),
                ]);
                const containers = all.map((c, i) => ({ ...c, env: env[i] }));
                return { ...r, desc: kind.withPod(r.desc, { ...pod, containers: containers.slice(0, pod.containers.length), initContainers: containers.slice(pod.containers.length) }) };
              });
          }),
        ).map((resources) => ({ ...chart, resources })),
      ),
    )
    .map((charts) => ({ charts }));
}

// ---- programs ----

/** What a generated program must hold, for mutations of one kind. */
export interface Needs {
  /** Its first construct is of one of these Pod kinds. */
  readonly firstKinds?: readonly string[];
  /** Its first chart has a Service. */
  readonly service?: boolean;
  /** Its first chart has a ConfigMap, a Secret. */
  readonly configMap?: boolean;
  readonly secret?: boolean;
  /** Its first chart has a PodDisruptionBudget or NetworkPolicy. */
  readonly selecting?: 'PodDisruptionBudget' | 'NetworkPolicy';
}

const SELECTING = ['PodDisruptionBudget', 'NetworkPolicy'] as const;

/** The needs of mutations of resources of these kinds. */
export function needsOf(kinds: readonly string[]): Needs {
  const podKinds = kinds.filter((k) => podKindOf(k));
  return {
    firstKinds: SELECTING.some((k) => kinds.includes(k)) || kinds.includes('Service') ? ['Deployment', 'ReplicaSet'] : podKinds.length > 0 ? podKinds : undefined,
    service: kinds.includes('Service'),
    selecting: SELECTING.find((k) => kinds.includes(k)),
    configMap: kinds.includes('ConfigMap'),
    secret: kinds.includes('Secret'),
  };
}

/** A valid Ingress: one path, to a port (by its name, or its number) of one of `services`. */
function ingressDesc(name: string, services: readonly { readonly r: ResourceDesc; readonly i: number }[]): fc.Arbitrary<ResourceDesc> {
  return fc
    .record({
      service: fc.constantFrom(...services),
      byName: fc.boolean(),
      host: fc.option(fc.oneof(dnsSubdomain, dnsLabel.map((label) => `*.${label}.example`)), { nil: undefined }),
      path: fc.constantFrom('/', '/api', '/a/b'),
      pathType: fc.constantFrom('Exact' as const, 'Prefix' as const, 'ImplementationSpecific' as const),
    })
    .chain(({ service, byName, ...rest }) =>
      fc.constantFrom(...(service.r.desc as ServiceDesc).ports).map((port): ResourceDesc => {
        const portName = port.name ?? (typeof port.targetPort === 'string' ? port.targetPort : undefined);
        // A backend names a port by an IANA service name (at most 15 characters), which a Service port name need not be.
        const nameable = portName !== undefined && portNameError(portName) === undefined;
        const desc: IngressDesc = strip({ name, ...rest, service: service.i, port: byName && nameable ? portName : port.port });
        return { kind: 'Ingress', id: '', desc };
      }),
    );
}

/** A PodDisruptionBudget or a NetworkPolicy of one of `targets` (by index in the chart), valid. */
function selectingDesc(name: string, targets: readonly { readonly r: ResourceDesc; readonly i: number }[], only?: Needs['selecting']): fc.Arbitrary<ResourceDesc> {
  const amount = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 100 }).map((n): `${number}%` => `${n}%`));
  const budget = fc
    .record({ target: fc.constantFrom(...targets), min: fc.boolean(), amount })
    .map(({ target, min, amount: value }): ResourceDesc => ({
      kind: 'PodDisruptionBudget',
      id: '',
      desc: { name, target: target.i, budget: min ? { minAvailable: value } : { maxUnavailable: value } } satisfies DisruptionBudgetDesc,
    }));
  const policy = fc.record({ target: fc.constantFrom(...targets), from: fc.constantFrom(...targets) }).chain(({ target, from }) => {
    const ports = podKindOf(target.r.kind)!.podOf(target.r.desc).containers.flatMap((c) => c.ports);
    const refs = ports.map((p) => (p.name !== undefined ? p.name : p.containerPort));
    return fc.subarray([...new Set(refs)]).map((chosen): ResourceDesc => ({ kind: 'NetworkPolicy', id: '', desc: { name, target: target.i, from: from.i, ports: chosen } satisfies NetworkPolicyDesc }));
  });
  return only === 'PodDisruptionBudget' ? budget : only === 'NetworkPolicy' ? policy : fc.oneof(budget, policy);
}

/**
 * A valid program: 1–2 charts, each with an optional ConfigMap and Secret,
 * 1–2 Pods or workloads, and 0–2 Services of those with labels; names
 * unique in the program; env entries that take keys of the ConfigMaps and Secrets.
 */
export function programDesc(needs: Needs = {}): fc.Arbitrary<ProgramDesc> {
  const chartShape = (first: boolean) =>
    fc.record({
      // Few namespaces, so that charts often share one.
      namespace: fc.option(fc.constantFrom('team-a', 'team-b'), { nil: undefined }),
      pods: fc.integer({ min: 1, max: 2 }),
      services: fc.integer({ min: first && needs.service ? 1 : 0, max: 2 }),
      selecting: fc.integer({ min: first && needs.selecting ? 1 : 0, max: 2 }),
      ingress: fc.boolean(),
      configMap: first && needs.configMap ? fc.constant(true) : fc.boolean(),
      secret: first && needs.secret ? fc.constant(true) : fc.boolean(),
    });
  return fc
    .integer({ min: 1, max: 2 })
    .chain((charts) => fc.tuple(...Array.from({ length: charts }, (_, c) => chartShape(c === 0))))
    .chain((shapes) => {
      const named = shapes.reduce((n, s) => n + s.pods + Number(s.configMap) + Number(s.secret), 0);
      return fc.tuple(
        fc.constant(shapes),
        fc.uniqueArray(dnsSubdomain, { minLength: named, maxLength: named }),
        fc.tuple(...shapes.map((s, c) => fc.array(fc.constantFrom(...(c === 0 && needs.firstKinds ? needs.firstKinds : POD_KINDS.map((k) => k.kind))), { minLength: s.pods, maxLength: s.pods }))),
        fc.array(dnsLabel, { minLength: shapes.length * 2, maxLength: shapes.length * 2 }),
      );
    })
    .chain(([shapes, names, kinds, serviceNames]) => {
      let next = 0;
      const take = () => names[next++];
      // Construct ids are set by position once the chart is complete.
      const resource = <D>(kind: string, desc: fc.Arbitrary<D>) => desc.map((d): ResourceDesc => ({ kind, id: '', desc: d }));
      const charts = shapes.map((shape, c) => {
        const objects = [
          ...(shape.configMap ? [resource('ConfigMap', configMapDesc(take()))] : []),
          ...(shape.secret ? [resource('Secret', secretDesc(take()))] : []),
        ];
        const pods = kinds[c].map((kind) => resource(kind, podKindOf(kind)!.arbitrary(take())));
        return fc.tuple(...objects, ...pods).chain((resources) => {
          // Services of the Pods and workloads with labels, which they select by.
          const targets = resources.map((r, i) => ({ r, i })).filter(({ r }) => {
            const kind = podKindOf(r.kind);
            return kind && Object.keys(kind.selectorOf(r.desc)).length > 0;
          });
          const count = targets.length === 0 ? 0 : shape.services;
          return fc
            .tuple(
              ...Array.from({ length: count }, (_, j) =>
                fc.constantFrom(...targets).chain(({ r, i }) =>
                  serviceDesc(`${serviceNames[c * 2 + j]}-s${c}-${j}`, i, podKindOf(r.kind)!.podOf(r.desc)).map((d): ResourceDesc => ({ kind: 'Service', id: '', desc: d })),
                ),
              ),
            )
            .chain((services) =>
              // A PodDisruptionBudget or NetworkPolicy of the same targets, after the Services.
              fc
                .tuple(...Array.from({ length: targets.length === 0 ? 0 : shape.selecting }, (_, j) => selectingDesc(`${serviceNames[c * 2 + (j % 2)]}-p${c}-${j}`, targets, c === 0 && j === 0 ? needs.selecting : undefined)))
                .chain((selecting) => {
                  // An Ingress to a port of one of the Services that have ports.
                  const exposed = services.map((r, k) => ({ r, i: resources.length + k })).filter(({ r }) => (r.desc as ServiceDesc).ports.length > 0);
                  const ingress = shape.ingress && exposed.length > 0 ? [ingressDesc(`${serviceNames[c * 2]}-i${c}`, exposed)] : [];
                  return fc.tuple(...ingress).map((ingresses) =>
                    strip({ id: `chart${c}`, namespace: shape.namespace, resources: [...resources, ...services, ...selecting, ...ingresses].map((r, i) => ({ ...r, id: `r${i}` })) }),
                  );
                }),
            );
        });
      });
      return fc.tuple(...charts).map((list) => ({ charts: list }));
    })
    .chain(withKeyReferences);
}
