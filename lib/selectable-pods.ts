import type * as plus from 'cdk8s-plus-27';
import type { IConstruct } from 'constructs';
import { renderPorts } from './container';
import { Labels } from './labels';
import { PortNames, Ports } from './port';
import type { PORT_NAMES } from './_type-brands';

/** A container port that a Service, Ingress or NetworkPolicy may name. */
export interface SelectablePort {
  /** The port's name, if it has one. */
  readonly name?: string;
  /** The port number in the container. */
  readonly containerPort: number;
  /**
   * The protocol.
   * @default 'TCP'
   */
  readonly protocol?: string;
}

/**
 * What a selecting object (a Service, a PodDisruptionBudget, a
 * NetworkPolicy …) knows of the Pods it selects, asked at synth.
 */
export interface PodSelection {
  /** The labels the Pods are selected by (`matchLabels`). */
  readonly selector: Labels;
  /** What the Pods are, for messages: a construct path, or `Deployment "web" (by name)`. */
  readonly description: string;
  /**
   * The object of the app whose Pods these are. The selector must select
   * them, and their containers' ports are the ports there are.
   * @default - not an object of the app
   */
  readonly owner?: IConstruct;
  /**
   * An object referred to by kind and name. When the app holds it (in the
   * selecting object's namespace) its Pods are checked as an owner's are;
   * when it does not, they are trusted.
   * @default - not a reference by name
   */
  readonly reference?: { readonly kind: string; readonly name: string };
  /**
   * Container ports declared with the selection itself, for Pods the app does not hold.
   * @default - none known: ports of Pods outside the app are trusted
   */
  readonly ports?: readonly SelectablePort[];
}

/**
 * Something whose Pods can be selected: a Pod, a Pod-template kind
 * (Deployment, StatefulSet, Job …), a reference by name
 * (`Deployment.fromName`), or a plain label selector
 * ({@link PodSelector.labels}). `N` is the names of the ports its
 * containers declare, which Services and Ingresses check at compile time.
 */
export interface ISelectablePods<N extends string = string> {
  /** The names of the container ports, for the compiler only: nothing is stored under this key. */
  readonly [PORT_NAMES]?: N;
  /** How its Pods are selected and what is known of them. */
  selectPods(): PodSelection;
}

/**
 * Pods to select: any {@link ISelectablePods}, or a cdk8s-plus-27 Pod or
 * workload of the same chart (selected by its own selector; its ports are
 * checked at synth, not at compile time).
 */
export type SelectableTarget<N extends string = string> = ISelectablePods<N> | plus.AbstractPod;

/** Options of a selection that is not an object of the app. */
export interface PodSelectorOptions<P extends Ports = Ports> {
  /**
   * The ports the Pods' containers declare, written as for a container
   * (`{ http: 8080 }`): Services and Ingresses then check their target
   * ports against them, at compile time by name.
   * @default - unknown: any target port compiles, and is checked only against Pods of the app the selector picks
   */
  readonly ports?: P;
}

/** Options of a reference to a Pod-template object by name. */
export interface PodsByNameOptions<P extends Ports = Ports> extends PodSelectorOptions<P> {
  /** The labels of its Pods that its selector consists of (its `spec.selector.matchLabels`). */
  readonly selector: Labels;
}

/**
 * A plain label selector: Pods that carry the labels, whoever runs them.
 * For a Service whose Pods are made elsewhere (another repository, a Helm
 * chart, an operator). Pods of this app that it selects are checked; when
 * it selects none, they are trusted to exist on the cluster.
 */
export class PodSelector<N extends string = string> implements ISelectablePods<N> {
  /** The Pods that carry every one of `labels`. */
  public static labels<const P extends Ports = Ports>(labels: Labels, options: PodSelectorOptions<P> = {}): PodSelector<PortNames<P>> {
    const description = Object.keys(labels).length > 0 ? `Pods with labels ${labelText(labels)}` : 'PodSelector.labels({})';
    return new PodSelector({ selector: { ...labels }, description, ports: portsOf(options.ports) });
  }

  /** @internal */
  public static _byName<P extends Ports>(kind: string, name: string, options: PodsByNameOptions<P>): ISelectablePods<PortNames<P>> {
    return new PodSelector({
      selector: { ...options.selector },
      description: `${kind} "${name}" (by name)`,
      reference: { kind, name },
      ports: portsOf(options.ports),
    });
  }

  /** The container port names, for the compiler only. */
  public declare readonly [PORT_NAMES]?: N;

  private constructor(private readonly selection: PodSelection) {}

  /** The labels and what is known of the Pods. */
  public selectPods(): PodSelection {
    return this.selection;
  }
}

/** `key=value,…`, as kubectl writes selectors. */
export function labelText(labels: Labels): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}

/** The container ports of a Pod description's containers. @internal */
export function templatePorts(template: { readonly podContainers: readonly { _toKube(): { ports?: SelectablePort[] } }[] }): SelectablePort[] {
  return template.podContainers.flatMap((c) => c._toKube().ports ?? []);
}

function portsOf(ports: Ports | undefined): readonly SelectablePort[] | undefined {
  return ports === undefined ? undefined : renderPorts(ports);
}
