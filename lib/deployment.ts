import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Manifest } from './_manifest';
import { Construct } from 'constructs';
import { unlessEmpty } from './_kind-object';
import { AnyContainer } from './pod-template';
import { PortNames, Ports } from './port';
import { ISelectablePods, PodsByNameOptions, PodSelector } from './selectable-pods';
import { Workload, WorkloadProps } from './workload';

/** A number of Pods (`1`) or a percentage of the replicas (`'25%'`). */
export type PodCount = number | `${number}%`;

/** Options of a rolling update. */
export interface RollingUpdateOptions {
  /**
   * How many Pods may run above the replica count during an update.
   * @default - not emitted; Kubernetes uses 25%
   */
  readonly maxSurge?: PodCount;
  /**
   * How many Pods may be unavailable during an update.
   * @default - not emitted; Kubernetes uses 25%
   */
  readonly maxUnavailable?: PodCount;
}

/**
 * How a Deployment replaces its Pods when the template changes.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy
 */
export class DeploymentStrategy {
  /** Stops every old Pod before starting new ones: a short outage, never two versions at once. */
  public static recreate(): DeploymentStrategy {
    return new DeploymentStrategy({ type: 'Recreate' });
  }

  /** Replaces Pods a few at a time, old and new running side by side. */
  public static rollingUpdate(options: RollingUpdateOptions = {}): DeploymentStrategy {
    const rollingUpdate = unlessEmpty({ maxSurge: options.maxSurge, maxUnavailable: options.maxUnavailable });
    return new DeploymentStrategy({ type: 'RollingUpdate', rollingUpdate });
  }

  private constructor(private readonly strategy: Manifest<k8s.DeploymentStrategy>) {}

  /** @internal */
  public _toKube(): Manifest<k8s.DeploymentStrategy> {
    return this.strategy;
  }
}

/** Properties of a {@link Deployment}. */
export interface DeploymentProps<C extends readonly AnyContainer[] = readonly AnyContainer[]> extends WorkloadProps<C> {
  /**
   * How Pods are replaced when the template changes.
   * @default - not emitted; Kubernetes rolls Pods over with 25% surge and 25% unavailable
   */
  readonly strategy?: DeploymentStrategy;
  /**
   * How many old ReplicaSets to keep for `kubectl rollout undo`.
   * @default - not emitted; Kubernetes keeps 10
   */
  readonly revisionHistoryLimit?: number;
  /**
   * Seconds a rollout may go without progress before it is reported failed.
   * @default - not emitted; Kubernetes uses 600
   */
  readonly progressDeadlineSeconds?: number;
  /**
   * Holds rollouts: changes to the template are recorded but not rolled out until it is false again.
   * @default - not emitted; rollouts proceed
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#pausing-and-resuming-a-deployment
   */
  readonly paused?: boolean;
}

/**
 * Keeps a number of copies of a Pod running, replaces them when they fail
 * or their node goes away, and rolls out changes to their template. Renders
 * an `apps/v1` `Deployment`; its selector is the template's own labels.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/
 */
export class Deployment<const C extends readonly AnyContainer[] = readonly AnyContainer[]> extends Workload<C, DeploymentProps<C>> {
  /**
   * A Deployment that is applied some other way, to select its Pods by (a
   * Service in a file of its own). Give its selector; when this app holds
   * a Deployment of that name in the selecting object's namespace, synth
   * checks that the selector picks its Pods and that target ports exist,
   * and otherwise trusts them. `ports` (as for a container) makes target
   * port names checked at compile time.
   */
  public static fromName<const P extends Ports = Ports>(name: string, options: PodsByNameOptions<P>): ISelectablePods<PortNames<P>> {
    return PodSelector._byName('Deployment', name, options);
  }

  public constructor(scope: Construct, id: string, props: DeploymentProps<C>) {
    super(scope, id, props, 'Deployment');
  }

  /** @internal */
  protected _spec(): Manifest<k8s.DeploymentSpec> {
    const { strategy, revisionHistoryLimit, progressDeadlineSeconds, paused } = this.props;
    return { ...super._spec(), strategy: strategy?._toKube(), revisionHistoryLimit, progressDeadlineSeconds, paused };
  }
}
