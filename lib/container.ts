import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { Building, fromEscapeHatch, Manifest } from './_manifest';
import { appendTo, definedOnly, listOf, NO_KEYS } from './_plain';
import { CheckedEnv, EnvVar } from './env';
import { EnvFrom } from './env-value';
import { ListedPort, PortNames, PortReference, Ports, PortSpec } from './port';
import { Probe } from './probe';
import { CpuQuantity, MemoryQuantity } from './quantity';
import type { IMAGE_PULL_POLICIES } from './validation/container-spec';
import { checkRuleSetting, RuleSettings } from './validation/rules';
import { VolumeMount } from './volume';
import type { PORT_DECLARATION } from './_type-brands';

/**
 * When the kubelet pulls the image.
 * (`& {}` keeps the name ImagePullPolicy in the compiler's messages.)
 * @see https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy
 */
export type ImagePullPolicy = (typeof IMAGE_PULL_POLICIES)[number] & {};

/**
 * What a container is to its Pod. The design advisor reads it: a container
 * that is neither the main one nor one of its helpers belongs in a Pod of its own.
 *
 * - `main`: the application the Pod exists for.
 * - `sidecar`: a helper that lives and dies with the main container.
 * - `log-collector`: ships the main container's logs.
 * - `proxy`: carries the main container's traffic (a service-mesh or TLS proxy).
 * - `init`: prepares what the main container needs.
 * - `database`: a database, cache or queue; it scales on its own, unlike the
 *   containers that use it.
 */
export type ContainerRole = 'main' | 'sidecar' | 'log-collector' | 'proxy' | 'init' | 'database';

/** Amounts of CPU, memory and local storage. */
export interface ResourceAmounts {
  /** CPU in cores (`0.5`) or millicores (`'500m'`). */
  readonly cpu?: CpuQuantity;
  /** Memory in bytes or with a suffix (`'512Mi'`). */
  readonly memory?: MemoryQuantity;
  /** Local ephemeral storage (`'1Gi'`). */
  readonly 'ephemeral-storage'?: MemoryQuantity;
  /**
   * Extended resources advertised by nodes, such as `'nvidia.com/gpu': 1`:
   * whole numbers, with the request equal to the limit.
   * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#extended-resources
   */
  readonly [extended: `${string}/${string}`]: number | `${number}` | undefined;
}

/**
 * What the container asks the scheduler for, and the most it may use.
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
export interface Resources {
  /**
   * Reserved for the container; the scheduler places the Pod by these.
   * @default - no requests
   */
  readonly requests?: ResourceAmounts;
  /**
   * The most the container may use.
   * @default - no limits
   */
  readonly limits?: ResourceAmounts;
}

/** Fields of the Kubernetes Container that have a prop of their own; `extraFields` may not set them. */
export const MODELED_CONTAINER_FIELDS = [
  'name', 'image', 'imagePullPolicy', 'command', 'args', 'workingDir', 'ports', 'env', 'envFrom', 'volumeMounts',
  'resources', 'livenessProbe', 'readinessProbe', 'startupProbe', 'securityContext',
] as const;
type ModeledField = (typeof MODELED_CONTAINER_FIELDS)[number];

/** Properties of a {@link Container}. */
export interface ContainerProps<P extends Ports = Ports, E extends readonly EnvVar[] = readonly EnvVar[]> {
  /** Name of the container, a DNS-1123 label unique in its Pod. */
  readonly name: string;
  /** The image, with a tag or digest (`nginx:1.27`). */
  readonly image: string;
  /**
   * What the container is to its Pod; not emitted, read by the design advisor.
   * @default - undeclared: the Pod's first container without a role (a database image aside) counts as its main one, any other as unrelated to it
   */
  readonly role?: ContainerRole;
  /**
   * When the kubelet pulls the image.
   * @default - not emitted; Kubernetes uses Always for `:latest` or untagged images, IfNotPresent otherwise
   */
  readonly imagePullPolicy?: ImagePullPolicy;
  /**
   * Ports the container listens on: `{ http: 80 }`, or a list where names are optional.
   * Containers of one Pod share its IP, so no two may use the same port.
   * @default - no ports
   */
  readonly ports?: P;
  /**
   * Replaces the image's ENTRYPOINT.
   * @default - the image's entrypoint
   */
  readonly command?: readonly string[];
  /**
   * Replaces the image's CMD.
   * @default - the image's arguments
   */
  readonly args?: readonly string[];
  /**
   * The working directory.
   * @default - the image's
   */
  readonly workingDir?: string;
  /**
   * Environment variables, in order. A value may refer to a variable defined
   * earlier with `$(NAME)`; a reference to one not defined earlier does not compile.
   * @default - no variables
   */
  readonly env?: E;
  /**
   * Whole ConfigMaps and Secrets whose keys become env vars
   * (`EnvFrom.configMap(config)`). Variables in `env` win over these.
   * @default - none
   * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#configure-all-key-value-pairs-in-a-configmap-as-container-environment-variables
   */
  readonly envFrom?: readonly EnvFrom[];
  /**
   * Volumes mounted in the container, made with `volume.mount(path)`. Mounting a volume adds it to the Pod.
   * @default - no mounts
   */
  readonly mounts?: readonly VolumeMount[];
  /**
   * CPU and memory requests and limits.
   * @default - none: the Pod is BestEffort
   */
  readonly resources?: Resources;
  /**
   * Restarts the container when it fails. A port it names must be one the container declares; a number need not be.
   * @default - no liveness probe
   */
  readonly livenessProbe?: Probe<PortReference<P>>;
  /**
   * Holds traffic back until it passes. A port it names must be one the container declares; a number need not be.
   * @default - no readiness probe
   */
  readonly readinessProbe?: Probe<PortReference<P>>;
  /**
   * Holds the other probes back until the container has started.
   * @default - no startup probe
   */
  readonly startupProbe?: Probe<PortReference<P>>;
  /**
   * The container's security settings.
   * @default - not emitted; the Pod's and the runtime's
   * @see https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
   */
  readonly securityContext?: k8s.SecurityContext;
  /**
   * Escape hatch: fields of the Kubernetes Container that Peapod does not
   * model (`lifecycle`, `stdin`, …). They are emitted as given and validated
   * with the rest; a field Peapod models must be set through its prop.
   * @default - none
   */
  readonly extraFields?: Omit<Partial<k8s.Container>, ModeledField>;
  /**
   * Levels of validation rules for this container only, each with the
   * reason the default does not fit: `{ 'writable-host-mount': { level: 'off', reason: 'MySQL writes its data there' } }`.
   * They win over the Pod's and the project's.
   * @default - the Pod's levels
   */
  readonly rules?: RuleSettings;
}

/**
 * A container of a Pod: an image, how it runs, the ports it listens on,
 * its environment and the volumes it mounts.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container
 */
export class Container<const P extends Ports = Ports, const E extends readonly EnvVar[] = readonly EnvVar[]> {
  /** Name of the container. */
  public readonly name: string;
  /** The image. */
  public readonly image: string;
  /** What the container is to its Pod, if declared. */
  public readonly role?: ContainerRole;
  /**
   * The container's port declaration, a type only: Services and probes
   * read the declared port names from it (see {@link ContainerPortNames}).
   * Kept covariant so a container with ports is still a `Container`.
   */
  public declare readonly [PORT_DECLARATION]?: P;
  /**
   * @deprecated Never set: the port declaration is a type only, carried by
   * `[PORT_DECLARATION]`. Kept so that programs written against 0.1 compile; reads `undefined`.
   */
  public declare readonly portDeclaration?: P;
  /** Levels of validation rules for this container only. */
  public readonly rules: RuleSettings;

  // Not generic: the generic props would tie P and E invariantly to the class.
  private readonly props: ContainerProps;
  // Lists start as listOf() copies and grow with appendTo().
  private env: EnvVar[];
  private envFrom: EnvFrom[];
  private mounts: VolumeMount[];
  private extraPorts: Manifest<k8s.ContainerPort>[] = listOf(undefined);

  // `env` is typed by CheckedEnv alone: E is inferred through it (it is E
  // when every reference resolves), and an entry with a bad reference then
  // meets the error text rather than an intersection with itself.
  public constructor(
    props: Omit<ContainerProps<P, E>, 'env'> & {
      /** {@inheritDoc ContainerProps.env} */
      readonly env?: CheckedEnv<E>;
    },
  ) {
    this.props = props as ContainerProps;
    this.name = props.name;
    this.image = props.image;
    this.role = props.role;
    this.env = listOf(props.env);
    this.envFrom = listOf(props.envFrom);
    this.mounts = listOf(props.mounts);
    this.rules = props.rules ? { ...props.rules } : NO_RULES;
    for (const rule of Object.keys(this.rules)) {
      checkRuleSetting(`container "${props.name}" rules`, rule, this.rules[rule]);
    }
  }

  /** The volume mounts, in order. */
  public get volumeMounts(): readonly VolumeMount[] {
    return [...this.mounts];
  }

  /**
   * Adds an environment variable after those already defined. Its `$(NAME)`
   * references are checked at synth.
   */
  public addEnv(variable: EnvVar): this {
    this.env = appendTo(this.env, variable);
    return this;
  }

  /** Takes every key of a ConfigMap or Secret as env vars, after those already listed. */
  public addEnvFrom(source: EnvFrom): this {
    this.envFrom = appendTo(this.envFrom, source);
    return this;
  }

  /** Mounts a volume; mounting adds the volume to the Pod. */
  public addMount(mount: VolumeMount): this {
    this.mounts = appendTo(this.mounts, mount);
    return this;
  }

  /**
   * Adds a port after those declared in the props. Throws when the
   * container already has a port of that name, which the API server would
   * refuse (a port number two ports share is reported at synth, by a rule
   * that may be lowered).
   */
  public addPort(port: ListedPort): this {
    const rendered = renderPort(port.name, port);
    const same = rendered.name === undefined ? undefined : renderPorts(this.props.ports, this.extraPorts).find((known) => known.name === rendered.name);
    if (same !== undefined) {
      throw new Error(
        `container "${this.name}": addPort: port name "${port.name}" is already declared, for containerPort ${same.containerPort}; give each port of the container its own name (port-name-unique)`,
      );
    }
    this.extraPorts = appendTo(this.extraPorts, rendered);
    return this;
  }

  /**
   * The container as its manifest holds it. `securityContext` and
   * `extraFields` are rendered by the k8s types' converters (see
   * fromEscapeHatch); the paths of fields they left out are added to
   * `dropped`, relative to the container's path `at`. @internal
   */
  public _toKube(at = '', dropped: string[] = []): Manifest<k8s.Container> {
    const p = this.props;
    // Only the fields set, in the manifest's order, which saves the renderer a sort and a look at each unset field (see manifestJson).
    const own: Building<Manifest<k8s.Container>> = {};
    if (p.args) own.args = [...p.args];
    if (p.command) own.command = [...p.command];
    if (this.env.length > 0) own.env = this.env.map(renderEnv);
    if (this.envFrom.length > 0) own.envFrom = this.envFrom.map((source) => source._toKube());
    if (p.image !== undefined) own.image = p.image;
    if (p.imagePullPolicy !== undefined) own.imagePullPolicy = p.imagePullPolicy;
    if (p.livenessProbe) own.livenessProbe = p.livenessProbe._toKube();
    if (p.name !== undefined) own.name = p.name;
    const ports = renderPorts(p.ports, this.extraPorts);
    if (ports.length > 0) own.ports = ports;
    if (p.readinessProbe) own.readinessProbe = p.readinessProbe._toKube();
    if (p.resources) own.resources = { limits: renderAmounts(p.resources.limits), requests: renderAmounts(p.resources.requests) };
    if (p.securityContext) own.securityContext = fromEscapeHatch(p.securityContext, 'toJson_SecurityContext', `${at}.securityContext`, dropped);
    if (p.startupProbe) own.startupProbe = p.startupProbe._toKube();
    if (this.mounts.length > 0) own.volumeMounts = this.mounts.map((m) => m._toKube());
    if (p.workingDir !== undefined) own.workingDir = p.workingDir;
    if (p.extraFields === undefined) {
      return own as Manifest<k8s.Container>;
    }
    return { ...fromEscapeHatch(p.extraFields as k8s.Container, 'toJson_Container', at, dropped), ...own } as Manifest<k8s.Container>;
  }

  /** Keys set through `extraFields`. @internal */
  public _extraFieldKeys(): readonly string[] {
    // Most containers have none; validation asks for every one at every synth.
    return this.props.extraFields === undefined ? NO_KEYS : Object.keys(this.props.extraFields);
  }

  /** Keys of `extraFields` that Peapod models with a prop of its own. @internal */
  public _shadowedExtraFields(): readonly string[] {
    const keys = this._extraFieldKeys();
    return keys.length === 0 ? NO_KEYS : keys.filter((key) => (MODELED_CONTAINER_FIELDS as readonly string[]).includes(key));
  }
}

// The rules of the many containers that set none.
const NO_RULES: RuleSettings = Object.freeze({});

/** The port names a container, or a union of containers, declares. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a wildcard of the env type argument, whatever it is
export type ContainerPortNames<C> = C extends Container<infer P, any> ? PortNames<P> : never;

/** The container ports a port declaration renders, and then `added` (copied). @internal */
export function renderPorts(ports: Ports | undefined, added: readonly Manifest<k8s.ContainerPort>[] = []): Manifest<k8s.ContainerPort>[] {
  let rendered: Manifest<k8s.ContainerPort>[] = [];
  if (Array.isArray(ports)) {
    rendered = (ports as readonly (number | ListedPort)[]).map((port) => (typeof port === 'number' ? { containerPort: port } : renderPort(port.name, port)));
  } else if (ports) {
    const byName = ports as Record<string, number | PortSpec>;
    rendered = Object.keys(byName).map((name) => {
      const port = byName[name];
      return typeof port === 'number' ? { containerPort: port, name } : renderPort(name, port);
    });
  }
  return added.length === 0 ? rendered : rendered.concat(added.map((port) => ({ ...port })));
}

// Only the fields set, in the manifest's order.
function renderPort(name: string | undefined, port: PortSpec): Manifest<k8s.ContainerPort> {
  const out: Building<Manifest<k8s.ContainerPort>> = { containerPort: port.containerPort };
  if (port.hostIP !== undefined) out.hostIP = port.hostIP;
  if (port.hostPort !== undefined) out.hostPort = port.hostPort;
  if (name !== undefined) out.name = name;
  if (port.protocol !== undefined) out.protocol = port.protocol;
  return out as Manifest<k8s.ContainerPort>;
}

// Both fields as given: an untyped entry with both reaches the manifest as
// declared, and synth reports it (env-value-source) instead of dropping one.
function renderEnv(variable: EnvVar): Manifest<k8s.EnvVar> {
  const out: Building<Manifest<k8s.EnvVar>> = { name: variable.name };
  if (variable.value !== undefined) out.value = variable.value;
  if (variable.valueFrom != null) out.valueFrom = variable.valueFrom._toKube();
  return out as Manifest<k8s.EnvVar>;
}

function renderAmounts(amounts: ResourceAmounts | undefined): { [key: string]: number | string } | undefined {
  return amounts && (definedOnly(amounts) as { [key: string]: number | string });
}

