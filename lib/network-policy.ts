import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Manifest } from './_manifest';
import { Construct } from 'constructs';
import { resolveSelecting } from './_app-pods';
import { KindManifest, KindObject } from './_kind-object';
import { selectableOf } from './_plus-pods';
import { Labels } from './labels';
import { ObjectMetaProps } from './object-meta';
import { Protocol } from './port';
import { ISelectablePods, SelectableTarget } from './selectable-pods';
import { POLICY_TYPES, validateNetworkPolicy } from './validation/network-policy';
import { RuleReport } from './validation/problem';

/** The kind of traffic a NetworkPolicy limits: into the Pods, or out of them. */
export type PolicyType = (typeof POLICY_TYPES)[number];

/**
 * The other end of traffic a NetworkPolicy allows: Pods (of a workload
 * object, or by labels), whole namespaces, or an IP range.
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
 */
export class NetworkPeer {
  /**
   * The Pods of a workload or Pod of the app (by its selector), or of a label
   * selector; in the policy's namespace, or in the namespaces with `namespaceLabels`.
   */
  public static pods(pods: SelectableTarget, namespaceLabels?: Labels): NetworkPeer {
    const selectable = selectableOf(pods);
    return new NetworkPeer(() => ({
      podSelector: labelSelector(selectable.selectPods().selector),
      namespaceSelector: namespaceLabels === undefined ? undefined : labelSelector(namespaceLabels),
    }));
  }

  /** Every Pod of the namespaces with these labels (`{}`: every namespace). */
  public static namespaces(namespaceLabels: Labels): NetworkPeer {
    return new NetworkPeer(() => ({ namespaceSelector: labelSelector(namespaceLabels) }));
  }

  /** Addresses in a CIDR range (`'10.0.0.0/8'`), except some ranges inside it. */
  public static ipBlock(cidr: string, except?: readonly string[]): NetworkPeer {
    return new NetworkPeer(() => ({ ipBlock: { cidr, except: except ? [...except] : undefined } }));
  }

  private constructor(private readonly render: () => Manifest<k8s.NetworkPolicyPeer>) {}

  /** @internal */
  public _toKube(): Manifest<k8s.NetworkPolicyPeer> {
    return this.render();
  }
}

/** A port that a NetworkPolicy rule allows. `N` is the names it may take. */
export interface NetworkPolicyPort<N extends string = string> {
  /**
   * The port, by number or by the name a container port has.
   * @default - every port
   */
  readonly port?: N | number;
  /**
   * The protocol.
   * @default - not emitted; Kubernetes uses TCP
   */
  readonly protocol?: Protocol;
  /**
   * The last port of a range that starts at `port` (a number).
   * @default - the port alone
   */
  readonly endPort?: number;
}

/** Traffic into the selected Pods that a NetworkPolicy allows. */
export interface NetworkPolicyIngressRule<N extends string = string> {
  /**
   * Where it may come from.
   * @default - from anywhere
   */
  readonly from?: readonly NetworkPeer[];
  /**
   * The ports of the selected Pods it may reach, by their container port names (checked at compile time) or numbers.
   * @default - every port
   */
  readonly ports?: readonly NetworkPolicyPort<N>[];
}

/** Traffic out of the selected Pods that a NetworkPolicy allows. */
export interface NetworkPolicyEgressRule {
  /**
   * Where it may go.
   * @default - anywhere
   */
  readonly to?: readonly NetworkPeer[];
  /**
   * The ports it may reach on the other end.
   * @default - every port
   */
  readonly ports?: readonly NetworkPolicyPort[];
}

/** Properties of a {@link NetworkPolicy}. */
export interface NetworkPolicyProps<N extends string = string> extends ObjectMetaProps {
  /** The Pods the policy isolates: a workload or Pod of the app (its selector is taken from it), or a label selector. */
  readonly selector: SelectableTarget<N>;
  /**
   * The traffic allowed into the selected Pods; an empty list allows none.
   * @default - not emitted: with policyTypes including Ingress no traffic comes in, otherwise ingress is not limited
   */
  readonly ingress?: readonly NetworkPolicyIngressRule<NoInfer<N>>[];
  /**
   * The traffic allowed out of the selected Pods; an empty list allows none.
   * @default - not emitted: egress is not limited unless policyTypes includes Egress
   */
  readonly egress?: readonly NetworkPolicyEgressRule[];
  /**
   * Which directions the policy limits.
   * @default - not emitted; Kubernetes limits ingress, and egress too when egress rules are given
   */
  readonly policyTypes?: readonly PolicyType[];
}

/**
 * Limits the traffic into and out of some Pods: once a policy selects a
 * Pod, only what some policy allows reaches it. Renders a
 * `networking.k8s.io/v1` `NetworkPolicy` whose Pod selector is its target's.
 * (The cluster's network plugin must enforce policies.)
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export class NetworkPolicy<const N extends string = string> extends KindObject<k8s.KubeNetworkPolicyProps, NetworkPolicyProps<N>> {
  /** The Pods it isolates. */
  public readonly selector: ISelectablePods<N>;

  private ingress: NetworkPolicyIngressRule<N>[] | undefined;
  private egress: NetworkPolicyEgressRule[] | undefined;

  public constructor(scope: Construct, id: string, props: NetworkPolicyProps<N>) {
    super(scope, id, props, 'networking.k8s.io/v1', 'NetworkPolicy');
    this.selector = selectableOf(props.selector);
    this.ingress = props.ingress ? [...props.ingress] : undefined;
    this.egress = props.egress ? [...props.egress] : undefined;
  }

  /** Allows more traffic into the selected Pods. */
  public addIngressRule(rule: NetworkPolicyIngressRule<N>): this {
    // No ingress list and an empty one mean the same to Kubernetes: nothing comes in.
    this.ingress = [...(this.ingress ?? []), rule];
    return this;
  }

  /** Allows more traffic out of the selected Pods. */
  public addEgressRule(rule: NetworkPolicyEgressRule): this {
    this.egress = [...(this.egress ?? []), rule];
    return this;
  }

  /** @internal */
  protected _spec(): Manifest<k8s.NetworkPolicySpec> {
    return {
      podSelector: { matchLabels: { ...this.selector.selectPods().selector } },
      policyTypes: this.props.policyTypes ? [...this.props.policyTypes] : undefined,
      ingress: this.ingress?.map((rule) => ({ from: rule.from?.map((peer) => peer._toKube()), ports: rule.ports?.map(renderPort) })),
      egress: this.egress?.map((rule) => ({ to: rule.to?.map((peer) => peer._toKube()), ports: rule.ports?.map(renderPort) })),
    };
  }

  /** Its rules, and that its selector picks Pods of this app that declare the ports it names. @internal */
  protected _validate(manifest: KindManifest<k8s.KubeNetworkPolicyProps>, report: RuleReport): void {
    const resolved = resolveSelecting(this, this.selector, this.apiObject.metadata.namespace, { rule: 'network-policy-selects-pods', field: 'spec.podSelector' }, report);
    const declared = resolved.ports?.flatMap((port) => (port.name === undefined ? [] : [port.name]));
    validateNetworkPolicy(manifest, declared, report);
  }
}

// `{}` selects everything; written so rather than with empty matchLabels.
function labelSelector(labels: Labels): k8s.LabelSelector {
  return Object.keys(labels).length > 0 ? { matchLabels: { ...labels } } : {};
}

function renderPort(port: NetworkPolicyPort): Manifest<k8s.NetworkPolicyPort> {
  return { port: port.port, protocol: port.protocol, endPort: port.endPort };
}
