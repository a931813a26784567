/**
 * Peapod programs as plain data, and how to build them.
 *
 * The generators produce these descriptions (so fast-check can print and
 * shrink them); `buildProgram` turns one into constructs in a fresh App.
 * A description says exactly what a user would write: Volume objects are
 * shared by index, so a mount cannot dangle, as in the DSL.
 *
 * To cover a new construct (Deployment, ReplicaSet, Service), add a
 * {@link ResourceKind} to `RESOURCE_KINDS` in `arbitraries.ts`: a generator
 * of its description and a `build` that creates it. Workloads embed a
 * {@link PodDesc} and reuse {@link podTemplateProps}, so every Pod mutation
 * applies to their templates too.
 */
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { AnyContainer, App, Container, EnvVar, ImagePullPolicy, Pod, PodTemplateProps, Probe, Protocol, RestartPolicy, Volume } from '../../lib';

/** A volume of a Pod. */
export type VolumeDesc =
  | { readonly kind: 'emptyDir'; readonly name: string; readonly medium?: 'Memory'; readonly sizeLimit?: string }
  | { readonly kind: 'hostPath'; readonly name: string; readonly path: string; readonly type?: 'DirectoryOrCreate' | 'Directory' }
  | { readonly kind: 'configMap' | 'secret' | 'persistentVolumeClaim'; readonly name: string; readonly objectName: string; readonly readOnly?: boolean };

/** A port of a container. */
export interface PortDesc {
  readonly containerPort: number;
  readonly name?: string;
  readonly protocol?: Protocol;
}

/** An env entry: a literal value, which may refer to other variables with `$(NAME)`. */
export interface EnvDesc {
  readonly name: string;
  readonly value: string;
}

/** A mount of one of the Pod's volumes, by index in `PodDesc.volumes`. */
export interface MountDesc {
  readonly volume: number;
  readonly path: string;
  readonly readOnly?: boolean;
  readonly subPath?: string;
}

/** A probe; `port` is a name or number the container declares. */
export type ProbeDesc =
  | { readonly kind: 'http'; readonly port: string | number; readonly path: string }
  | { readonly kind: 'tcp'; readonly port: string | number }
  | { readonly kind: 'exec'; readonly command: readonly string[] };

/** A container. */
export interface ContainerDesc {
  readonly name: string;
  readonly image: string;
  readonly imagePullPolicy?: ImagePullPolicy;
  readonly command?: readonly string[];
  readonly ports: readonly PortDesc[];
  readonly env: readonly EnvDesc[];
  readonly mounts: readonly MountDesc[];
  readonly resources?: { readonly requests: { cpu: string; memory: string }; readonly limits: { cpu: string; memory: string } };
  readonly readinessProbe?: ProbeDesc;
  readonly livenessProbe?: ProbeDesc;
  readonly securityContext?: { readonly readOnlyRootFilesystem: boolean; readonly allowPrivilegeEscalation: boolean; readonly runAsNonRoot?: boolean };
  /** Escape-hatch fields, given `as any` the way JSON input would arrive. */
  readonly extraFields?: Record<string, unknown>;
}

/** A Pod, or the template of a workload. */
export interface PodDesc {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly nodeSelector: Readonly<Record<string, string>>;
  readonly restartPolicy?: RestartPolicy;
  readonly serviceAccountName?: string;
  readonly securityContext?: { readonly runAsNonRoot: boolean; readonly runAsUser: number; readonly fsGroup?: number };
  readonly tolerations?: readonly { readonly key: string; readonly operator: 'Exists' | 'Equal'; readonly value?: string; readonly effect: 'NoSchedule' | 'NoExecute' }[];
  readonly volumes: readonly VolumeDesc[];
  /** Volumes (by index) listed in the `volumes` prop; the others appear only through mounts. */
  readonly declaredVolumes: readonly number[];
  readonly containers: readonly ContainerDesc[];
  readonly initContainers: readonly ContainerDesc[];
  /** Escape-hatch fields of the spec, given `as any`. */
  readonly extraSpec?: Record<string, unknown>;
}

/** One construct of a program: its kind (a key of the resource kinds) and description. */
export interface ResourceDesc {
  readonly kind: string;
  readonly id: string;
  readonly desc: unknown;
}

/** A program: charts of resources. */
export interface ProgramDesc {
  readonly charts: readonly { readonly id: string; readonly resources: readonly ResourceDesc[] }[];
}

/** How to generate and build one kind of construct. */
export interface ResourceKind<D> {
  /** Key used in {@link ResourceDesc.kind}. */
  readonly kind: string;
  /**
   * Builds the construct from its description. `earlier` holds the
   * constructs built before it in the same chart, for kinds that refer to
   * another (a Service to its workload, by index).
   */
  build(scope: Construct, id: string, desc: D, earlier: readonly Construct[]): Construct;
}

/** The Pod template props a description stands for; Volume objects are shared by index. */
export function podTemplateProps(pod: PodDesc): PodTemplateProps {
  const volumes = pod.volumes.map(toVolume);
  const container = (c: ContainerDesc) => toContainer(c, volumes);
  return {
    labels: pod.labels,
    annotations: pod.annotations,
    nodeSelector: pod.nodeSelector,
    restartPolicy: pod.restartPolicy,
    serviceAccountName: pod.serviceAccountName,
    securityContext: pod.securityContext,
    tolerations: pod.tolerations,
    volumes: pod.declaredVolumes.map((i) => volumes[i]),
    containers: pod.containers.map(container),
    initContainers: pod.initContainers.length > 0 ? pod.initContainers.map(container) : undefined,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    extraSpec: pod.extraSpec as any,
  };
}

/** The Pod kind. */
export const POD_KIND: ResourceKind<PodDesc> = {
  kind: 'Pod',
  build: (scope, id, pod) => new Pod(scope, id, { name: pod.name, ...podTemplateProps(pod) }),
};

// Random programs draw many lint warnings, which App prints on each synth
// once the validation branch is merged; the properties judge errors only.
// (Spread so it compiles before that branch adds the prop.)
const QUIET: object = { onWarnings: () => undefined };

/** Builds a program into a new App writing to `outdir`. */
export function buildProgram(program: ProgramDesc, outdir: string, kinds: readonly ResourceKind<never>[]): App {
  const app = new App({ outdir, ...QUIET });
  for (const chart of program.charts) {
    const scope = new Chart(app, chart.id);
    const earlier: Construct[] = [];
    for (const resource of chart.resources) {
      const kind = kinds.find((k) => k.kind === resource.kind);
      if (!kind) {
        throw new Error(`no resource kind "${resource.kind}" in the generators`);
      }
      earlier.push(kind.build(scope, resource.id, resource.desc as never, earlier));
    }
  }
  return app;
}

function toVolume(v: VolumeDesc): Volume {
  switch (v.kind) {
    case 'emptyDir':
      return Volume.emptyDir(v.name, { medium: v.medium, sizeLimit: v.sizeLimit as `${number}Mi` | undefined });
    case 'hostPath':
      return Volume.hostPath(v.name, v.path, { type: v.type });
    case 'configMap':
      return Volume.configMap(v.name, { name: v.objectName });
    case 'secret':
      return Volume.secret(v.name, { name: v.objectName });
    case 'persistentVolumeClaim':
      return Volume.persistentVolumeClaim(v.name, { name: v.objectName }, { readOnly: v.readOnly });
  }
}

function toProbe(p: ProbeDesc | undefined): Probe | undefined {
  switch (p?.kind) {
    case undefined:
      return undefined;
    case 'http':
      return Probe.http({ port: p.port, path: p.path });
    case 'tcp':
      return Probe.tcp({ port: p.port });
    case 'exec':
      return Probe.exec({ command: p.command });
  }
}

function toContainer(c: ContainerDesc, volumes: readonly Volume[]): AnyContainer {
  const container = new Container({
    name: c.name,
    image: c.image,
    imagePullPolicy: c.imagePullPolicy,
    command: c.command,
    ports: c.ports,
    mounts: c.mounts.map((m) => volumes[m.volume].mount(m.path, { readOnly: m.readOnly, subPath: m.subPath })),
    resources: c.resources as never,
    // Probe ports are checked at compile time against literal port lists;
    // here the ports are data, so the probe is given untyped.
    readinessProbe: toProbe(c.readinessProbe) as never,
    livenessProbe: toProbe(c.livenessProbe) as never,
    securityContext: c.securityContext,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    extraFields: c.extraFields as any,
  });
  // addEnv takes values that are not literals, as a program reading them from elsewhere would.
  c.env.forEach((e) => container.addEnv(e as EnvVar));
  return container;
}
