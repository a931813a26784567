import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Manifest } from './_manifest';
import { Construct } from 'constructs';
import { leastReplicasOf, resolveSelecting } from './_app-pods';
import { KindManifest, KindObject } from './_kind-object';
import { selectableOf } from './_plus-pods';
import { PodCount } from './deployment';
import { ObjectMetaProps } from './object-meta';
import { ISelectablePods, SelectableTarget } from './selectable-pods';
import { UNHEALTHY_POD_EVICTION_POLICIES, validatePodDisruptionBudget } from './validation/pod-disruption-budget';
import { RuleReport } from './validation/problem';

/** Whether Pods that are not ready may be evicted whatever the budget says. */
export type UnhealthyPodEvictionPolicy = (typeof UNHEALTHY_POD_EVICTION_POLICIES)[number];

/** The budget: how many Pods must stay, or how many may go; one of the two. */
export type DisruptionBudget =
  | { /** How many of the Pods must stay available during voluntary disruptions (drains), a count or a percentage. */ readonly minAvailable: PodCount; readonly maxUnavailable?: never }
  | { /** How many of the Pods may be unavailable during voluntary disruptions, a count or a percentage. */ readonly maxUnavailable: PodCount; readonly minAvailable?: never };

/** Properties of a {@link PodDisruptionBudget}. */
export type PodDisruptionBudgetProps = ObjectMetaProps &
  DisruptionBudget & {
    /** The Pods it protects: a workload or Pod of the app (its selector is taken from it), or a label selector. */
    readonly selector: SelectableTarget;
    /**
     * Whether Pods that are not ready may be evicted even when the budget is used up.
     * @default - not emitted; Kubernetes uses IfHealthyBudget
     */
    readonly unhealthyPodEvictionPolicy?: UnhealthyPodEvictionPolicy;
  };

/**
 * Limits how many Pods of a workload voluntary disruptions (a node drain,
 * a cluster upgrade) may take down at once. Renders a `policy/v1`
 * `PodDisruptionBudget` whose selector is its target's.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/disruptions/
 */
export class PodDisruptionBudget extends KindObject<k8s.KubePodDisruptionBudgetProps, PodDisruptionBudgetProps> {
  /** The Pods it protects. */
  public readonly selector: ISelectablePods;

  public constructor(scope: Construct, id: string, props: PodDisruptionBudgetProps) {
    super(scope, id, props, 'policy/v1', 'PodDisruptionBudget');
    this.selector = selectableOf(props.selector);
  }

  /** @internal */
  protected _spec(): Manifest<k8s.PodDisruptionBudgetSpec> {
    return {
      selector: { matchLabels: { ...this.selector.selectPods().selector } },
      minAvailable: this.props.minAvailable,
      maxUnavailable: this.props.maxUnavailable,
      unhealthyPodEvictionPolicy: this.props.unhealthyPodEvictionPolicy,
    };
  }

  /** Its budget against the replicas of the Pods of this app its selector picks. @internal */
  protected _validate(manifest: KindManifest<k8s.KubePodDisruptionBudgetProps>, report: RuleReport): void {
    const resolved = resolveSelecting(this, this.selector, this.apiObject.metadata.namespace, { rule: 'pdb-selects-pods', field: 'spec.selector' }, report);
    const counts = resolved.pods.map((pods) => leastReplicasOf(this, pods));
    const replicas = counts.length > 0 && counts.every((count) => count !== undefined) ? counts.reduce((sum: number, count) => sum + count!, 0) : undefined;
    validatePodDisruptionBudget(manifest, replicas, report);
  }
}
