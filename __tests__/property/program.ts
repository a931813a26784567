/**
 * Peapod programs as plain data, and how to build them.
 *
 * The generators produce these descriptions (so fast-check can print and
 * shrink them); `buildProgram` turns one into constructs in a fresh App.
 * A description says exactly what a user would write: Volume objects are
 * shared by index, so a mount cannot dangle, as in the DSL.
 *
 * Pods, Deployments and ReplicaSets embed a {@link PodDesc} and share
 * {@link podTemplateProps}, so every Pod mutation applies to workload
 * templates too. A Service names its target by index among the constructs
 * of its chart built before it; env entries name ConfigMaps and Secrets by
 * their `metadata.name`, as the DSL's references do.
 */
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  AnyContainer,
  App,
  ConfigMap,
  Container,
  DaemonSet,
  Deployment,
  DeploymentStrategy,
  EnvValue,
  EnvVar,
  ImagePullPolicy,
  Ingress,
  IngressBackend,
  ISelectablePods,
  Job,
  NetworkPeer,
  NetworkPolicy,
  Pod,
  PodCount,
  PodDisruptionBudget,
  PodTemplateProps,
  Probe,
  Protocol,
  ReplicaSet,
  RestartPolicy,
  Secret,
  Service,
  ServicePortProps,
  ServiceTarget,
  ServiceType,
  StatefulSet,
  Volume,
} from '../../lib';

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

/** A key of a ConfigMap or Secret, by the object's name (of this app, or one that exists already). */
export interface KeyRefDesc {
  readonly kind: 'ConfigMap' | 'Secret';
  readonly name: string;
  readonly key: string;
  readonly optional?: boolean;
}

/**
 * An env entry: a literal value, which may refer to other variables with
 * `$(NAME)`, or the value of a ConfigMap or Secret key.
 */
export type EnvDesc = { readonly name: string; readonly value: string } | { readonly name: string; readonly keyRef: KeyRefDesc };

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

/** A Deployment or ReplicaSet. */
export interface WorkloadDesc {
  readonly name: string;
  /** Of the workload object itself, not its Pods. */
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly replicas?: number;
  readonly minReadySeconds?: number;
  /** Label keys of the template to select by. */
  readonly selectBy?: readonly string[];
  /** Deployments only. */
  readonly strategy?: { readonly kind: 'recreate' } | { readonly kind: 'rollingUpdate'; readonly maxSurge?: PodCount; readonly maxUnavailable?: PodCount };
  /** Deployments only. */
  readonly revisionHistoryLimit?: number;
  /** Deployments only. */
  readonly progressDeadlineSeconds?: number;
  /** The template; its `name` is not used. */
  readonly pod: PodDesc;
}

/** A Job: a Pod template whose restartPolicy is OnFailure or Never, and its counts. */
export interface JobDesc {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly backoffLimit?: number;
  readonly completions?: number;
  readonly parallelism?: number;
  readonly ttlSecondsAfterFinished?: number;
  /** The template; its `name` is not used, its restartPolicy is OnFailure or Never. */
  readonly pod: PodDesc;
}

/** A port of a Service. */
export interface ServicePortDesc {
  readonly port: number;
  /** A name or number a container of the target declares (unless mutated); left out, as untyped input may, it is `port`. */
  readonly targetPort?: string | number;
  readonly name?: string;
  readonly protocol?: Protocol;
  readonly nodePort?: number;
}

export type { ServiceType };

/** A Service. */
export interface ServiceDesc {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  /** Index, in its chart, of the Pod or workload it routes to; always an earlier one. */
  readonly target: number;
  readonly type?: ServiceType;
  readonly headless?: boolean;
  readonly ports: readonly ServicePortDesc[];
  readonly sessionAffinity?: 'None' | 'ClientIP';
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
}

/** A PodDisruptionBudget of an earlier Pod or workload of its chart. */
export interface DisruptionBudgetDesc {
  readonly name: string;
  /** Index, in its chart, of the Pod or workload it protects. */
  readonly target: number;
  readonly budget: { readonly minAvailable: number | `${number}%` } | { readonly maxUnavailable: number | `${number}%` };
}

/** A NetworkPolicy that lets the Pods of one earlier construct of its chart reach another's ports. */
export interface NetworkPolicyDesc {
  readonly name: string;
  /** Index, in its chart, of the Pods it isolates. */
  readonly target: number;
  /** Index of the Pods let in. */
  readonly from: number;
  /** Ports of the target, by name or number. */
  readonly ports: readonly (string | number)[];
}

/** An Ingress with one path to a port of an earlier Service of its chart. */
export interface IngressDesc {
  readonly name: string;
  readonly host?: string;
  readonly path: string;
  readonly pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  /** Index, in its chart, of the Service. */
  readonly service: number;
  /** A port of the Service, by name or number. */
  readonly port: string | number;
}

/** A ConfigMap. */
export interface ConfigMapDesc {
  readonly name: string;
  readonly data: Readonly<Record<string, string>>;
  readonly binaryData: Readonly<Record<string, string>>;
}

/** A Secret. */
export interface SecretDesc {
  readonly name: string;
  readonly stringData: Readonly<Record<string, string>>;
  /** Base64-encoded values. */
  readonly data: Readonly<Record<string, string>>;
}

/** One construct of a program: its kind (a key of the resource kinds) and description. */
export interface ResourceDesc {
  readonly kind: string;
  readonly id: string;
  readonly desc: unknown;
}

/** A chart: its resources, in the chart's namespace if it has one. */
export interface ChartDesc {
  readonly id: string;
  readonly namespace?: string;
  readonly resources: readonly ResourceDesc[];
}

/** A program: charts of resources. */
export interface ProgramDesc {
  readonly charts: readonly ChartDesc[];
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

/** The Deployment kind. */
export const DEPLOYMENT_KIND: ResourceKind<WorkloadDesc> = {
  kind: 'Deployment',
  build: (scope, id, d) => {
    const strategy = d.strategy?.kind === 'recreate' ? DeploymentStrategy.recreate() : d.strategy ? DeploymentStrategy.rollingUpdate(d.strategy) : undefined;
    return new Deployment(scope, id, {
      name: d.name,
      labels: d.labels,
      annotations: d.annotations,
      replicas: d.replicas,
      minReadySeconds: d.minReadySeconds,
      selectBy: d.selectBy,
      strategy,
      revisionHistoryLimit: d.revisionHistoryLimit,
      progressDeadlineSeconds: d.progressDeadlineSeconds,
      template: podTemplateProps(d.pod),
    });
  },
};

/** The ReplicaSet kind. */
export const REPLICA_SET_KIND: ResourceKind<WorkloadDesc> = {
  kind: 'ReplicaSet',
  build: (scope, id, d) =>
    new ReplicaSet(scope, id, { name: d.name, labels: d.labels, annotations: d.annotations, replicas: d.replicas, minReadySeconds: d.minReadySeconds, selectBy: d.selectBy, template: podTemplateProps(d.pod) }),
};

/** The StatefulSet kind: its governing headless Service is made with it. */
export const STATEFUL_SET_KIND: ResourceKind<WorkloadDesc> = {
  kind: 'StatefulSet',
  build: (scope, id, d) =>
    new StatefulSet(scope, id, { name: d.name, labels: d.labels, annotations: d.annotations, replicas: d.replicas, minReadySeconds: d.minReadySeconds, selectBy: d.selectBy, template: podTemplateProps(d.pod) }),
};

/** The DaemonSet kind (its description has no replicas). */
export const DAEMON_SET_KIND: ResourceKind<WorkloadDesc> = {
  kind: 'DaemonSet',
  build: (scope, id, d) =>
    new DaemonSet(scope, id, { name: d.name, labels: d.labels, annotations: d.annotations, minReadySeconds: d.minReadySeconds, selectBy: d.selectBy, template: podTemplateProps(d.pod) }),
};

/** The Job kind. */
export const JOB_KIND: ResourceKind<JobDesc> = {
  kind: 'Job',
  build: (scope, id, d) =>
    new Job(scope, id, {
      name: d.name,
      labels: d.labels,
      annotations: d.annotations,
      backoffLimit: d.backoffLimit,
      completions: d.completions,
      parallelism: d.parallelism,
      ttlSecondsAfterFinished: d.ttlSecondsAfterFinished,
      template: podTemplateProps(d.pod) as PodTemplateProps & { restartPolicy: 'OnFailure' | 'Never' },
    }),
};

/** The Service kind: its target is the construct built at that index of the chart. */
export const SERVICE_KIND: ResourceKind<ServiceDesc> = {
  kind: 'Service',
  build: (scope, id, d, earlier) =>
    new Service(scope, id, {
      name: d.name,
      labels: d.labels,
      annotations: d.annotations,
      target: earlier[d.target] as ServiceTarget,
      type: d.type,
      headless: d.headless,
      // Target port names are checked at compile time against literal port
      // lists; here they are data, as in a program reading them from elsewhere.
      ports: d.ports as ServicePortProps[],
      sessionAffinity: d.sessionAffinity,
      externalTrafficPolicy: d.externalTrafficPolicy,
    }),
};

/** The PodDisruptionBudget kind: it protects the construct built at that index of the chart. */
export const DISRUPTION_BUDGET_KIND: ResourceKind<DisruptionBudgetDesc> = {
  kind: 'PodDisruptionBudget',
  build: (scope, id, d, earlier) => new PodDisruptionBudget(scope, id, { name: d.name, selector: earlier[d.target] as unknown as ISelectablePods, ...d.budget }),
};

/** The NetworkPolicy kind. */
export const NETWORK_POLICY_KIND: ResourceKind<NetworkPolicyDesc> = {
  kind: 'NetworkPolicy',
  build: (scope, id, d, earlier) =>
    new NetworkPolicy(scope, id, {
      name: d.name,
      selector: earlier[d.target] as unknown as ISelectablePods,
      ingress: [{ from: [NetworkPeer.pods(earlier[d.from] as unknown as ISelectablePods)], ports: d.ports.map((port) => ({ port })) }],
    }),
};

/** The Ingress kind. */
export const INGRESS_KIND: ResourceKind<IngressDesc> = {
  kind: 'Ingress',
  build: (scope, id, d, earlier) =>
    new Ingress(scope, id, {
      name: d.name,
      // The port is data here, as in a program reading it from elsewhere; its type is checked at compile time against literal port lists.
      rules: [{ host: d.host, paths: [{ path: d.path, pathType: d.pathType, backend: IngressBackend.service(earlier[d.service] as Service, d.port) }] }],
    }),
};

/** The ConfigMap kind. */
export const CONFIG_MAP_KIND: ResourceKind<ConfigMapDesc> = {
  kind: 'ConfigMap',
  build: (scope, id, d) => new ConfigMap(scope, id, { name: d.name, data: d.data, binaryData: d.binaryData }),
};

/** The Secret kind. */
export const SECRET_KIND: ResourceKind<SecretDesc> = {
  kind: 'Secret',
  build: (scope, id, d) => new Secret(scope, id, { name: d.name, stringData: d.stringData, data: d.data }),
};

// Random programs draw many lint warnings, which App prints on each synth;
// the properties judge errors only.
const QUIET = { onWarnings: () => undefined };

/** Builds a program into a new App writing to `outdir`. */
export function buildProgram(program: ProgramDesc, outdir: string, kinds: readonly ResourceKind<never>[]): App {
  const app = new App({ outdir, ...QUIET });
  for (const chart of program.charts) {
    const scope = new Chart(app, chart.id, { namespace: chart.namespace });
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
  c.env.forEach((e) => container.addEnv(toEnvVar(e)));
  return container;
}

// Key references name the object, as the object itself would (EnvValue
// keeps only its name): ConfigMap.fromName stands for the construct, which
// may be in another chart or not built yet.
function toEnvVar(e: EnvDesc): EnvVar {
  if ('value' in e) {
    return e as EnvVar;
  }
  const { kind, name, key, optional } = e.keyRef;
  const valueFrom =
    kind === 'ConfigMap' ? EnvValue.fromConfigMap(ConfigMap.fromName(name), key, { optional }) : EnvValue.fromSecret(Secret.fromName(name), key, { optional });
  return { name: e.name, valueFrom };
}
