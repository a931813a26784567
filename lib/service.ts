import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Manifest } from './_manifest';
import { Construct } from 'constructs';
import { resolveSelection, selects } from './_app-pods';
import { KindManifest, KindObject } from './_kind-object';
import { selectableOf } from './_plus-pods';
import { Annotations, Labels } from './labels';
import { ObjectMetaProps } from './object-meta';
import { Protocol } from './port';
import { ISelectablePods, labelText, SelectableTarget } from './selectable-pods';
import { projectRulesOf } from './validation/engine';
import { ObjectMeta, validateAnnotations, validateFinalizers, validateLabels, validateNamespaceAndPrefix } from './validation/metadata';
import { RuleReport } from './validation/problem';
import { SERVICE_SELECTS_PODS, serviceNameError, validateService } from './validation/service';
import { IP_FAMILIES, IP_FAMILY_POLICIES, SERVICE_TYPES, SESSION_AFFINITIES, TRAFFIC_POLICIES, validateServiceSpec } from './validation/service-spec';
import { keySafe } from './_plain';
import type { PORT_DECLARATION } from './_type-brands';

/**
 * How a Service is reached; `ExternalName` makes it a DNS alias of `externalName`.
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types
 */
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Where traffic goes: to Pods on every node (`Cluster`) or only on the node it arrived at (`Local`). */
export type TrafficPolicy = (typeof TRAFFIC_POLICIES)[number];

/** How a Service picks a Pod for a client. */
export type SessionAffinity = (typeof SESSION_AFFINITIES)[number];

/** An IP family of a Service's cluster IPs. */
export type IpFamily = (typeof IP_FAMILIES)[number];

/** How many IP families a Service asks for on a dual-stack cluster. */
export type IpFamilyPolicy = (typeof IP_FAMILY_POLICIES)[number];

/**
 * What a Service routes to: a {@link Pod}, a workload ({@link Deployment},
 * {@link StatefulSet} …), a reference by name (`Deployment.fromName`), a
 * plain label selector ({@link PodSelector.labels}) or a cdk8s-plus-27 Pod
 * or workload. `N` is the names of the ports its containers declare.
 */
export type ServiceTarget<N extends string = string> = SelectableTarget<N>;

/** One port of a Service. */
export interface ServicePortProps<N extends string = string> {
  /** The port the Service listens on, 1–65535. */
  readonly port: number;
  /**
   * The container port that traffic goes to: the name of a port a
   * container of the target declares (a name it does not declare does not
   * compile), or its number.
   */
  readonly targetPort: N | number;
  /**
   * Name of the Service port, a DNS-1123 label; required by Kubernetes when the Service has more than one port.
   * @default - the target port's name when it is given by name; otherwise none
   */
  readonly name?: string;
  /**
   * The protocol.
   * @default - not emitted; Kubernetes uses TCP
   */
  readonly protocol?: Protocol;
  /**
   * The port opened on every node, for NodePort and LoadBalancer Services.
   * @default - not emitted; Kubernetes picks a free one (30000–32767 by default)
   */
  readonly nodePort?: number;
  /**
   * The application protocol, such as `http` or `kubernetes.io/h2c`, a hint for proxies and load balancers.
   * @default - not emitted
   */
  readonly appProtocol?: string;
}

/** The names of the ports of a Service port list: each port's name, or its target port's name when it has none. */
export type ServicePortNames<P> = P extends readonly (infer E)[]
  ? E extends { readonly name: infer X extends string }
    ? X
    : E extends { readonly targetPort: infer T extends string }
      ? T
      : never
  : never;

/** The port numbers of a Service port list. */
export type ServicePortNumbers<P> = P extends readonly (infer E)[] ? (E extends { readonly port: infer X extends number } ? X : never) : never;

/**
 * A port of a Service, by name or number, as an Ingress backend or a probe
 * names it: one the Service declares (others do not compile), or any when
 * its ports are not known to the compiler.
 */
export type ServicePortReference<S> =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any target port: a port list not known to the compiler
  S extends Service<string, infer P> ? (readonly ServicePortProps<any>[] extends P ? string | number : ServicePortNames<P> | ServicePortNumbers<P>) : never;

/** Properties of a {@link Service}. */
export interface ServiceProps<
  N extends string = string,
  P extends readonly ServicePortProps<string>[] = readonly ServicePortProps<N>[],
> extends ObjectMetaProps {
  /**
   * `metadata.name` of the Service, a DNS-1123 label; other Pods reach it at this DNS name.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Annotations of the Service, such as the settings of a cloud load balancer.
   * @default - no annotations
   */
  readonly annotations?: Annotations;
  /**
   * The Pods the Service routes to: a Pod or workload of the app (its
   * selector is the target's: a workload's own selector, or all labels of
   * a Pod), a reference by name (`Deployment.fromName`), a plain label
   * selector (`PodSelector.labels`), or a cdk8s-plus-27 Pod or workload.
   */
  readonly target: ServiceTarget<N>;
  /**
   * The ports, each forwarding to a container port of the target.
   * @default - none; add them with addPort(). A Service that is not headless needs one.
   */
  readonly ports?: P & readonly ServicePortProps<NoInfer<N>>[];
  /**
   * How the Service is reached: inside the cluster only, on a port of every node, or through a cloud load balancer.
   * @default - not emitted; Kubernetes uses ClusterIP
   */
  readonly type?: ServiceType;
  /**
   * A Service with no cluster IP (`clusterIP: None`): its DNS name resolves
   * to the IPs of the ready Pods themselves, for clients that pick a Pod.
   * @default false - a cluster IP that balances connections over the Pods
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#headless-services
   */
  readonly headless?: boolean;
  /**
   * A fixed cluster IP from the cluster's Service range, for clients that
   * cannot look up a name (a DNS server's own Service). `'None'` is
   * {@link ServiceProps.headless}.
   * @default - not emitted; the API server allocates one (or none, when headless)
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#choosing-your-own-ip-address
   */
  readonly clusterIP?: string;
  /**
   * `'ClientIP'` sends each client to the same Pod while it lives.
   * @default - not emitted; Kubernetes uses None
   */
  readonly sessionAffinity?: SessionAffinity;
  /**
   * How long a client sticks to its Pod under `sessionAffinity: 'ClientIP'`, from 1 to 86400 seconds.
   * @default - not emitted; Kubernetes uses 10800 (3 hours)
   * @see https://kubernetes.io/docs/reference/networking/virtual-ips/#session-affinity
   */
  readonly sessionAffinityTimeoutSeconds?: number;
  /**
   * `'Local'` keeps traffic from outside on the node it arrives at, keeping the client's IP; for NodePort and LoadBalancer.
   * @default - not emitted; Kubernetes uses Cluster
   */
  readonly externalTrafficPolicy?: TrafficPolicy;
  /**
   * `'Local'` sends traffic from a Pod only to Pods on its own node.
   * @default - not emitted; Kubernetes uses Cluster
   * @see https://kubernetes.io/docs/concepts/services-networking/service-traffic-policy/
   */
  readonly internalTrafficPolicy?: TrafficPolicy;
  /**
   * The node port that reports node health to the load balancer, for a LoadBalancer Service with `externalTrafficPolicy: 'Local'`.
   * @default - not emitted; Kubernetes picks one in the node port range
   */
  readonly healthCheckNodePort?: number;
  /**
   * The DNS name an `ExternalName` Service is an alias (a CNAME) for, such as `db.example.com`.
   * @default - not emitted; required when `type` is `'ExternalName'`
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#externalname
   */
  readonly externalName?: string;
  /**
   * Addresses of nodes on which the Service also accepts traffic, on its `port`.
   * @default - not emitted; none
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#external-ips
   */
  readonly externalIPs?: readonly string[];
  /**
   * The client ranges (CIDRs) a LoadBalancer Service admits, where the cloud supports it.
   * @default - not emitted; every client
   */
  readonly loadBalancerSourceRanges?: readonly string[];
  /**
   * The load balancer implementation of a LoadBalancer Service, a qualified name such as `example.com/internal-vip`.
   * @default - not emitted; the cloud provider's default load balancer
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#load-balancer-class
   */
  readonly loadBalancerClass?: string;
  /**
   * Whether a LoadBalancer Service gets node ports; `false` for load balancers that route to Pods directly.
   * @default - not emitted; Kubernetes allocates them
   */
  readonly allocateLoadBalancerNodePorts?: boolean;
  /**
   * The IP families of the cluster IPs, in order, on a dual-stack cluster.
   * @default - not emitted; the cluster's primary family, or as `ipFamilyPolicy` asks
   * @see https://kubernetes.io/docs/concepts/services-networking/dual-stack/
   */
  readonly ipFamilies?: readonly IpFamily[];
  /**
   * Whether the Service has one IP family, prefers two, or requires two.
   * @default - not emitted; Kubernetes uses SingleStack
   */
  readonly ipFamilyPolicy?: IpFamilyPolicy;
  /**
   * Routes to Pods before they are ready, for peers that must find each other to become ready.
   * @default - not emitted; only ready Pods
   */
  readonly publishNotReadyAddresses?: boolean;
}

/**
 * A stable name and IP in front of the Pods of a workload, whose own IPs
 * change whenever they are recreated. Made from a Pod or workload, so its
 * selector is derived and cannot mismatch, and its ports name the container
 * ports they forward to. Renders a `v1` `Service`.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/
 */
export class Service<const N extends string = string, const P extends readonly ServicePortProps<string>[] = readonly ServicePortProps<N>[]> extends KindObject<
  k8s.KubeServiceProps,
  ServiceProps<N, P>
> {
  /** `metadata.name` of the Service, its DNS name. */
  public declare readonly name: string;
  /** What the Service routes to. */
  public readonly target: ISelectablePods<N>;

  private readonly ports: ServicePortProps<N>[];

  /** The ports declared with the `ports` prop, a type only: Ingress backends name them. */
  public declare readonly [PORT_DECLARATION]?: P;

  public constructor(scope: Construct, id: string, props: ServiceProps<N, P>) {
    // Before super(): a Service refused adds nothing to the tree.
    if (props.headless && props.clusterIP !== undefined && props.clusterIP !== 'None') {
      throw new Error(`Service ${scope.node.path}/${id}: headless means no cluster IP, but clusterIP is ${JSON.stringify(props.clusterIP)}; keep one of the two`);
    }
    super(scope, id, props, 'v1', 'Service');
    this.target = selectableOf(props.target);
    this.ports = [...((props.ports as readonly ServicePortProps<N>[] | undefined) ?? [])];
  }

  /** The labels the Service selects Pods by, taken from its target. */
  public get selector(): Labels {
    return this.target.selectPods().selector;
  }

  /** Adds a port after the others. */
  public addPort(port: ServicePortProps<N>): this {
    this.ports.push(port);
    return this;
  }

  /** @internal */
  protected _spec(): Manifest<k8s.ServiceSpec> {
    const props = this.props;
    return {
      type: props.type,
      clusterIP: props.headless ? 'None' : props.clusterIP,
      selector: keySafe({ ...this.selector }),
      ports: this.ports.length > 0 ? this.ports.map(renderPort) : undefined,
      sessionAffinity: props.sessionAffinity,
      sessionAffinityConfig: props.sessionAffinityTimeoutSeconds === undefined ? undefined : { clientIP: { timeoutSeconds: props.sessionAffinityTimeoutSeconds } },
      externalTrafficPolicy: props.externalTrafficPolicy,
      internalTrafficPolicy: props.internalTrafficPolicy,
      healthCheckNodePort: props.healthCheckNodePort,
      externalName: props.externalName,
      externalIPs: props.externalIPs ? [...props.externalIPs] : undefined,
      loadBalancerSourceRanges: props.loadBalancerSourceRanges ? [...props.loadBalancerSourceRanges] : undefined,
      loadBalancerClass: props.loadBalancerClass,
      allocateLoadBalancerNodePorts: props.allocateLoadBalancerNodePorts,
      ipFamilies: props.ipFamilies ? [...props.ipFamilies] : undefined,
      ipFamilyPolicy: props.ipFamilyPolicy,
      publishNotReadyAddresses: props.publishNotReadyAddresses,
    };
  }

  /** The name has a rule of its own (service-name-valid, in validateService): a DNS-1035 label. @internal */
  protected _validateMetadata(metadata: ObjectMeta, report: RuleReport): void {
    validateLabels(metadata?.labels, 'metadata.labels', report);
    validateAnnotations(metadata?.annotations, 'metadata.annotations', report);
    validateNamespaceAndPrefix(metadata, serviceNameError, report);
    validateFinalizers(metadata, report);
  }

  /** Its spec, and that its selector picks the Pods of its target, which declare its target ports. @internal */
  protected _validate(manifest: KindManifest<k8s.KubeServiceProps>, report: RuleReport): void {
    validateLabels(manifest.spec?.selector, 'spec.selector', report);
    validateServiceSpec(manifest, { nodePortRange: projectRulesOf(this).serviceNodePortRange }, report);
    const selection = this.target.selectPods();
    const selector: Labels = manifest.spec?.selector ?? {};
    // Only the Pods the selector picks matter, found without testing every Pod of the app.
    const resolved = resolveSelection(this, selection, this.apiObject.metadata.namespace);
    const missesReference = resolved.owner !== undefined && selection.reference !== undefined && !selects(selector, resolved.owner.labels);
    if (missesReference && resolved.owner !== undefined) {
      report.error(
        'service-selects-pods',
        'spec.selector',
        `selector ${labelText(selector)} of ${selection.description} does not select the Pods of ${resolved.owner.kind} "${resolved.owner.name}" of this app (labels ${labelText(resolved.owner.labels)})`,
        SERVICE_SELECTS_PODS.fixFor('reference', resolved.owner.kind),
      );
    }
    validateService(
      manifest,
      { target: resolved.owner?.construct.node.path ?? selection.description, targetPorts: resolved.ports, pods: resolved.pods, trusted: !resolved.mustSelect || missesReference },
      report,
    );
  }
}

function renderPort(port: ServicePortProps): Manifest<k8s.ServicePort> {
  // Untyped input (JSON, `as any`) may leave targetPort out: Kubernetes then
  // forwards to `port`, and validation checks that port instead.
  return {
    name: port.name ?? (typeof port.targetPort === 'string' ? port.targetPort : undefined),
    port: port.port,
    targetPort: port.targetPort ?? undefined,
    protocol: port.protocol,
    nodePort: port.nodePort,
    appProtocol: port.appProtocol,
  };
}

