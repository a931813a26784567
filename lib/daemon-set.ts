import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Manifest, Unvalidated } from './_manifest';
import { Construct } from 'constructs';
import { unlessEmpty } from './_kind-object';
import { PodCount } from './deployment';
import { AnyContainer } from './pod-template';
import { PortNames, Ports } from './port';
import { ISelectablePods, PodsByNameOptions, PodSelector } from './selectable-pods';
import { validateDaemonSet } from './validation/daemon-set';
import { RuleReport } from './validation/problem';
import { Workload, WorkloadProps } from './workload';

/** Options of a DaemonSet's rolling update. */
export interface DaemonSetRollingUpdateOptions {
  /**
   * How many nodes may be without a ready Pod during the update.
   * @default - not emitted; Kubernetes uses 1
   */
  readonly maxUnavailable?: PodCount;
  /**
   * How many nodes may run an old and a new Pod side by side during the update.
   * @default - not emitted; Kubernetes uses 0
   */
  readonly maxSurge?: PodCount;
}

/**
 * How a DaemonSet replaces its Pods when the template changes.
 * @see https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/
 */
export class DaemonSetUpdateStrategy {
  /** Replaces the Pods node by node. */
  public static rollingUpdate(options: DaemonSetRollingUpdateOptions = {}): DaemonSetUpdateStrategy {
    const rollingUpdate = unlessEmpty({ maxUnavailable: options.maxUnavailable, maxSurge: options.maxSurge });
    return new DaemonSetUpdateStrategy({ type: 'RollingUpdate', rollingUpdate });
  }

  /** Leaves running Pods alone; a node gets the new template when its Pod is deleted. */
  public static onDelete(): DaemonSetUpdateStrategy {
    return new DaemonSetUpdateStrategy({ type: 'OnDelete' });
  }

  private constructor(private readonly strategy: Manifest<k8s.DaemonSetUpdateStrategy>) {}

  /** @internal */
  public _toKube(): Manifest<k8s.DaemonSetUpdateStrategy> {
    return this.strategy;
  }
}

/** Properties of a {@link DaemonSet}: a workload's, without replicas (one Pod runs on each node it can). */
export interface DaemonSetProps<C extends readonly AnyContainer[] = readonly AnyContainer[]> extends Omit<WorkloadProps<C>, 'replicas'> {
  /** A DaemonSet has no replica count: one Pod runs on each node it can land on. */
  readonly replicas?: never;
  /**
   * How Pods are replaced when the template changes.
   * @default - not emitted; Kubernetes rolls over one node at a time
   */
  readonly updateStrategy?: DaemonSetUpdateStrategy;
  /**
   * How many old revisions to keep for rollbacks.
   * @default - not emitted; Kubernetes keeps 10
   */
  readonly revisionHistoryLimit?: number;
}

/**
 * Runs one copy of a Pod on every node it can land on (its nodeSelector
 * and tolerations decide which): log collectors, node agents. `npm run
 * plan` shows the nodes. Renders an `apps/v1` `DaemonSet`; its selector is
 * the template's own labels.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/
 */
export class DaemonSet<const C extends readonly AnyContainer[] = readonly AnyContainer[]> extends Workload<C, DaemonSetProps<C>> {
  /** A DaemonSet applied some other way, to select its Pods by; see `Deployment.fromName`. */
  public static fromName<const P extends Ports = Ports>(name: string, options: PodsByNameOptions<P>): ISelectablePods<PortNames<P>> {
    return PodSelector._byName('DaemonSet', name, options);
  }

  public constructor(scope: Construct, id: string, props: DaemonSetProps<C>) {
    super(scope, id, props, 'DaemonSet');
  }

  /** @internal */
  protected _spec(): Manifest<k8s.DaemonSetSpec> {
    // The props have no replicas, so the common spec has none either.
    return { ...super._spec(), updateStrategy: this.props.updateStrategy?._toKube(), revisionHistoryLimit: this.props.revisionHistoryLimit };
  }

  /** @internal */
  protected _validateKind(manifest: Unvalidated<k8s.KubeDaemonSetProps>, report: RuleReport): void {
    validateDaemonSet(manifest, report);
  }
}
