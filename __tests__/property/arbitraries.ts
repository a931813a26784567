/**
 * Generators of valid Peapod programs: everything they produce is a
 * program Kubernetes would accept and Peapod must synthesize. Each value is
 * drawn from the grammar Kubernetes documents for it (DNS-1123 labels, IANA
 * port names, label syntax, quantities), kept a little inside the limits so
 * a mutation can push it out.
 */
import fc from 'fast-check';
import { WellKnownNodeLabels } from '../../lib';
import { ContainerDesc, EnvDesc, MountDesc, PodDesc, POD_KIND, PortDesc, ProbeDesc, ProgramDesc, ResourceDesc, ResourceKind, VolumeDesc } from './program';

/** A construct kind the generators can produce, with its generator and, for workloads, where its Pod template is. */
export interface GeneratedKind<D> extends ResourceKind<D> {
  /** Descriptions of valid constructs; `podName` is unique in the program. */
  arbitrary(podName: string): fc.Arbitrary<D>;
  /** The Pod (or template) the description holds, for mutations. */
  podOf(desc: D): PodDesc;
  /** The description with its Pod replaced. */
  withPod(desc: D, pod: PodDesc): D;
  /** Where the Pod of the description is in the synthesized manifests: its metadata and spec (a workload's `spec.template`). */
  renderedPod(desc: D, manifests: readonly Json[]): { readonly metadata: Json; readonly spec: Json };
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
/** A label value: empty, or a label name. */
export const labelValue = fc.oneof(labelName, fc.constant(''));
const image = fc.stringMatching(/^([a-z][a-z0-9]{0,6}\/)?[a-z][a-z0-9]{0,8}:[0-9]{1,2}\.[0-9]{1,2}$/);
const pathSegment = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,6}$/).filter((s) => !s.includes('..'));
const absolutePath = fc.array(pathSegment, { minLength: 1, maxLength: 3 }).map((parts) => `/${parts.join('/')}`);
const relativePath = fc.array(pathSegment, { minLength: 1, maxLength: 2 }).map((parts) => parts.join('/'));

const labels = fc.dictionary(labelKey, labelValue, { maxKeys: 3, noNullPrototype: true });
const annotations = fc.dictionary(labelKey, fc.string({ maxLength: 20 }), { maxKeys: 2, noNullPrototype: true });
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
export const GENERATED_POD: GeneratedKind<PodDesc> = {
  ...POD_KIND,
  arbitrary: podDesc,
  podOf: (pod) => pod,
  withPod: (_desc, pod) => pod,
  renderedPod: (pod, manifests) => manifests.find((m) => m.kind === 'Pod' && m.metadata.name === pod.name),
};

/**
 * Every kind the generators produce. TODO(workloads): add Deployment and
 * ReplicaSet (a description `{ name, replicas, pod: PodDesc }` whose pod has
 * at least one label, built with `template: podTemplateProps(pod)`;
 * `renderedPod` returns `spec.template`), and Service (a description naming
 * an earlier construct of the chart by index and the port names it exposes;
 * `build` finds it in `earlier`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const GENERATED_KINDS: readonly GeneratedKind<any>[] = [GENERATED_POD];

/** A valid program: 1–2 charts of 1–2 constructs each, every Pod name unique. */
export function programDesc(kinds: readonly GeneratedKind<unknown>[] = GENERATED_KINDS): fc.Arbitrary<ProgramDesc> {
  return fc
    .array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 2 })
    .chain((sizes) => {
      const total = sizes.reduce((a, b) => a + b, 0);
      return fc.tuple(
        fc.uniqueArray(dnsSubdomain, { minLength: total, maxLength: total }),
        fc.array(fc.constantFrom(...kinds), { minLength: total, maxLength: total }),
      ).chain(([names, chosen]) => fc.tuple(...chosen.map((kind, i) => kind.arbitrary(names[i]).map((desc): ResourceDesc => ({ kind: kind.kind, id: `r${i}`, desc })))))
        .map((resources) => {
          let next = 0;
          return { charts: sizes.map((size, c) => ({ id: `chart${c}`, resources: resources.slice(next, (next += size)) })) };
        });
    });
}
