import { ApiObject, Lazy } from 'cdk8s';
import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { Construct } from 'constructs';
import { resolveSelection, selects } from './_app-pods';
import { selectableOf } from './_plus-pods';
import { renderedOnce } from './_synth';
import { Annotations, Labels } from './labels';
import { Protocol } from './port';
import { ISelectablePods, labelText, SelectableTarget } from './selectable-pods';
import { addProblemValidation, effectiveProblems } from './validation/engine';
import { validateAnnotations, validateLabels } from './validation/metadata';
import { Problem, Report } from './validation/problem';
import { validateService } from './validation/service';

// Validation reads the manifest and synth writes it: rendered once per synth.
const RenderedService = renderedOnce(k8s.KubeService);

/**
 * How a Service is reached.
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types
 */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';

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
export interface ServiceProps<N extends string = string, P extends readonly ServicePortProps<string>[] = readonly ServicePortProps<N>[]> {
  /**
   * `metadata.name` of the Service, a DNS-1123 label; other Pods reach it at this DNS name.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Labels of the Service object itself.
   * @default - no labels
   */
  readonly labels?: Labels;
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
   * `'ClientIP'` sends each client to the same Pod while it lives.
   * @default - not emitted; Kubernetes uses None
   */
  readonly sessionAffinity?: 'None' | 'ClientIP';
  /**
   * `'Local'` keeps traffic from outside on the node it arrives at, keeping the client's IP; for NodePort and LoadBalancer.
   * @default - not emitted; Kubernetes uses Cluster
   */
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
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
export class Service<const N extends string = string, const P extends readonly ServicePortProps<string>[] = readonly ServicePortProps<N>[]> extends Construct {
  /** `metadata.name` of the Service, its DNS name. */
  public readonly name: string;
  /** The L1 object rendered into the manifest. */
  public readonly apiObject: ApiObject;
  /** What the Service routes to. */
  public readonly target: ISelectablePods<N>;

  private readonly ports: ServicePortProps<N>[];

  /** The ports declared with the `ports` prop, as a type only: Ingress backends name them. */
  public declare readonly portDeclaration: P;

  public constructor(scope: Construct, id: string, props: ServiceProps<N, P>) {
    super(scope, id);
    this.name = props.name ?? id;
    this.target = selectableOf(props.target);
    this.ports = [...((props.ports as readonly ServicePortProps<N>[] | undefined) ?? [])];
    this.apiObject = new RenderedService(this, 'Resource', {
      metadata: { name: this.name, labels: props.labels ? { ...props.labels } : undefined, annotations: props.annotations ? { ...props.annotations } : undefined },
      spec: Lazy.any({
        produce: (): k8s.ServiceSpec => ({
          type: props.type,
          clusterIp: props.headless ? 'None' : undefined,
          selector: { ...this.selector },
          ports: this.ports.length > 0 ? this.ports.map(renderPort) : undefined,
          sessionAffinity: props.sessionAffinity,
          externalTrafficPolicy: props.externalTrafficPolicy,
          publishNotReadyAddresses: props.publishNotReadyAddresses,
        }),
      }),
    });
    addProblemValidation(this);
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

  /** Every problem of this Service, errors and warnings. */
  public problems(): readonly Problem[] {
    const report = new Report(this.node.path);
    const manifest = this.apiObject.toJson();
    // The name has a rule of its own (service-name-valid, in validateService): a DNS-1035 label.
    validateLabels(manifest.metadata?.labels, 'metadata.labels', report);
    validateAnnotations(manifest.metadata?.annotations, 'metadata.annotations', report);
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
        `target the ${resolved.owner.kind} object itself, or give the reference the selector of its Pods`,
      );
    }
    validateService(
      manifest,
      { target: resolved.owner?.construct.node.path ?? selection.description, targetPorts: resolved.ports, pods: resolved.pods, trusted: !resolved.mustSelect || missesReference },
      report,
    );
    return effectiveProblems(this, report.problems);
  }
}

function renderPort(port: ServicePortProps): k8s.ServicePort {
  // Untyped input (JSON, `as any`) may leave targetPort out: Kubernetes then
  // forwards to `port`, and validation checks that port instead. An
  // IntOrString of nothing would make cdk8s throw while rendering.
  const target =
    port.targetPort === undefined || port.targetPort === null
      ? undefined
      : typeof port.targetPort === 'number'
        ? k8s.IntOrString.fromNumber(port.targetPort)
        : k8s.IntOrString.fromString(port.targetPort);
  return {
    name: port.name ?? (typeof port.targetPort === 'string' ? port.targetPort : undefined),
    port: port.port,
    targetPort: target,
    protocol: port.protocol,
    nodePort: port.nodePort,
    appProtocol: port.appProtocol,
  };
}

