import { ApiObject, Lazy } from 'cdk8s';
import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Manifest } from './_manifest';
import { ManifestObject } from './_manifest-object';
import { Construct } from 'constructs';
import { leastReplicasOf, resolveSelecting } from './_app-pods';
import { selectableOf } from './_plus-pods';
import { PodCount } from './deployment';
import { ObjectMetaProps, renderObjectMeta } from './object-meta';
import { ISelectablePods, SelectableTarget } from './selectable-pods';
import { addProblemValidation, effectiveProblems } from './validation/engine';
import { manifestToValidate } from './validation/escape-hatch';
import { validateObjectMetadata } from './validation/metadata';
import { UNHEALTHY_POD_EVICTION_POLICIES, validatePodDisruptionBudget } from './validation/pod-disruption-budget';
import { Problem, RuleReport } from './validation/problem';

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
export class PodDisruptionBudget extends Construct {
  /** `metadata.name` of the budget. */
  public readonly name: string;
  /** The object rendered into the manifest. */
  public readonly apiObject: ApiObject;
  /** The Pods it protects. */
  public readonly selector: ISelectablePods;

  public constructor(scope: Construct, id: string, props: PodDisruptionBudgetProps) {
    super(scope, id);
    this.name = props.name ?? id;
    this.selector = selectableOf(props.selector);
    this.apiObject = new ManifestObject(this, 'Resource', {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: renderObjectMeta(this.name, props),
      spec: Lazy.any({
        produce: (): Manifest<k8s.PodDisruptionBudgetSpec> => ({
          selector: { matchLabels: { ...this.selector.selectPods().selector } },
          minAvailable: props.minAvailable,
          maxUnavailable: props.maxUnavailable,
          unhealthyPodEvictionPolicy: props.unhealthyPodEvictionPolicy,
        }),
      }),
    });
    addProblemValidation(this);
  }

  /** Every problem of this budget, errors and warnings. */
  public problems(): readonly Problem[] {
    const report = new RuleReport(this.node.path);
    const manifest = manifestToValidate<k8s.KubePodDisruptionBudgetProps>(this.apiObject).manifest;
    validateObjectMetadata(manifest.metadata, report);
    const resolved = resolveSelecting(this, this.selector, this.apiObject.metadata.namespace, { rule: 'pdb-selects-pods', field: 'spec.selector' }, report);
    const counts = resolved.pods.map((pods) => leastReplicasOf(this, pods));
    const replicas = counts.length > 0 && counts.every((count) => count !== undefined) ? counts.reduce((sum: number, count) => sum + count!, 0) : undefined;
    validatePodDisruptionBudget(manifest, replicas, report);
    return effectiveProblems(this, report.problems);
  }
}
