import { ApiObject, Lazy } from 'cdk8s';
import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { Construct } from 'constructs';
import { kindMetadata } from './_kind-object';
import { ManifestObject } from './_manifest-object';
import { PodHolder } from './_pod-holder';
import { ContainerPortNames } from './container';
import { IPodOwner, OwnedPods, podsSelectedBy } from './_app-pods';
import type { Manifest, Unvalidated } from './_manifest';
import { Labels } from './labels';
import { ObjectMetaProps } from './object-meta';
import { AnyContainer, PodTemplate, PodTemplateProps } from './pod-template';
import { ISelectablePods, PodSelection, templatePorts } from './selectable-pods';
import { addProblemValidation, effectiveProblems } from './validation/engine';
import { validateObjectMetadata } from './validation/metadata';
import { manifestToValidate, ManifestToValidate } from './validation/escape-hatch';
import { Problem, RuleReport } from './validation/problem';
import { validateKeyReferences } from './validation/references';
import { validateSelectorOverlap, validateWorkload } from './validation/workload';
import { hasOwn, keySafe } from './_plain';
import type { PORT_NAMES } from './_type-brands';

/** Properties shared by every workload that keeps a number of Pods running; its name, labels and annotations are those of the workload object itself. */
export interface WorkloadProps<C extends readonly AnyContainer[] = readonly AnyContainer[]> extends ObjectMetaProps {
  /**
   * The Pods to run, written exactly as for a Pod. Its labels are the
   * workload's selector, so it needs at least one.
   */
  readonly template: PodTemplateProps<C>;
  /**
   * How many Pods to keep running. When set, every `kubectl apply` resets
   * the count to it, undoing `kubectl scale`; leave it out when
   * `kubectl scale` or an autoscaler owns the count.
   * @default - not emitted; Kubernetes starts 1 Pod and keeps whatever count it is scaled to
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#scaling-a-deployment
   */
  readonly replicas?: number;
  /**
   * The template labels, by key, that the selector consists of, when it
   * should be fewer than all of them. The values are the template's, so the
   * selector always matches it. A selector cannot change once applied:
   * choose labels that will not change (`app`), and leave out those that
   * will (`version`).
   * @default - every label of the template
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#label-selector-updates
   */
  readonly selectBy?: readonly string[];
  /**
   * Seconds a new Pod must be ready, with no container crashing, before it counts as available.
   * @default - not emitted; Kubernetes uses 0: available once ready
   */
  readonly minReadySeconds?: number;
}

type WorkloadKind = k8s.KubeDeploymentProps | k8s.KubeReplicaSetProps | k8s.KubeStatefulSetProps | k8s.KubeDaemonSetProps;

/** A workload's manifest as its rules read it, of any of the workload kinds. @internal */
export type WorkloadManifest = ManifestToValidate<WorkloadKind>['manifest'];

/**
 * What Deployments, ReplicaSets, DaemonSets and StatefulSets share: a Pod
 * template, a selector taken from the template's own labels, a count, the
 * `apps/v1` object they render and their validation.
 */
export abstract class Workload<const C extends readonly AnyContainer[] = readonly AnyContainer[], P extends WorkloadProps<C> = WorkloadProps<C>>
  extends PodHolder
  implements ISelectablePods<ContainerPortNames<C[number]>>, IPodOwner
{
  /** `metadata.name` of the workload. */
  public readonly name: string;
  /** The description of the Pods, the same a Pod takes. */
  public readonly template: PodTemplate;
  /** The object rendered into the manifest. */
  public readonly apiObject: ApiObject;
  /** The container port names, for the type checks of Services: a type only. */
  public declare readonly [PORT_NAMES]?: ContainerPortNames<C[number]>;
  /**
   * @deprecated Never set: the port names are a type only, carried by `[PORT_NAMES]`.
   * Kept so that programs written against 0.1 compile; reads `undefined`.
   */
  public declare readonly portNames?: ContainerPortNames<C[number]>;

  private readonly selectBy: readonly string[] | undefined;

  protected constructor(
    scope: Construct,
    id: string,
    /** The props the workload was made with, read again at synth. */
    protected readonly props: P,
    private readonly kind: string,
  ) {
    super(scope, id);
    this.name = props.name ?? id;
    this.template = new PodTemplate(props.template);
    this.selectBy = props.selectBy ? [...props.selectBy] : undefined;
    this.apiObject = new ManifestObject(this, 'Resource', {
      apiVersion: 'apps/v1',
      kind,
      metadata: kindMetadata(this.name, props),
      spec: Lazy.any({ produce: () => this._spec() }),
    });
    addProblemValidation(this);
  }

  /**
   * The labels the workload selects its Pods by: the template's, or those
   * named by `selectBy`. Made only of labels, never of construct ids, so
   * renaming a construct or chart leaves it as it is.
   */
  public get selector(): Labels {
    const labels = this.template.podLabels;
    return this.selectBy ? Object.fromEntries(this.selectBy.filter((key) => hasOwn(labels, key)).map((key) => [key, labels[key]])) : labels;
  }

  /** Selected by its own selector. */
  public selectPods(): PodSelection {
    return { selector: this.selector, description: this.node.path, owner: this };
  }

  /** The workload's kind, name, namespace, Pod labels and ports, for the checks of objects that select it. */
  public ownedPods(): OwnedPods {
    return { kind: this.kind, name: this.name, namespace: this.apiObject.metadata.namespace, labels: this.template.podLabels, ports: () => templatePorts(this.template), replicas: () => this.props.replicas };
  }

  /** @internal */
  protected _selectorLabels(): Labels {
    return this.selector;
  }

  /**
   * Adds or replaces a label of the Pod template. Without `selectBy` the
   * selector grows with it; a selector cannot change once applied, so add
   * labels that are not to be selected by only when `selectBy` is set.
   */
  public addLabel(key: string, value: string): this {
    this.template.addLabel(key, value);
    return this;
  }

  /** Every problem of this workload and its Pod template, errors and warnings. */
  public problems(): readonly Problem[] {
    const report = new RuleReport(this.node.path);
    const { manifest, withSchemaProblems } = manifestToValidate<WorkloadKind>(this.apiObject, this.template.escapeHatchFields('spec.template.spec'));
    validateObjectMetadata(manifest.metadata, report);
    validateWorkload(manifest, { kind: this.kind, selectBy: this.selectBy }, report);
    this._validateKind(manifest, report);
    const namespace = this.apiObject.metadata.namespace;
    const others = podsSelectedBy(this, this.selector, namespace).filter((pods) => pods.construct !== this);
    validateSelectorOverlap(this.selector, others.map((pods) => ({ construct: pods.construct.node.path, labels: pods.labels })), report);
    this.template.validate(this._podSpecToValidate(manifest), 'spec.template.spec', report);
    this.template.validateServiceAccount(namespace, 'spec.template.spec', report);
    validateKeyReferences(this, manifest, report);
    return effectiveProblems(this, withSchemaProblems(report));
  }

  /**
   * Checks what only this kind has (a StatefulSet's update strategy, its
   * Service); a kind declares `manifest` as its own kind's. @internal
   */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- most kinds check nothing more
  protected _validateKind(_manifest: WorkloadManifest, _report: RuleReport): void {}

  /**
   * The Pod spec that the template's rules check: the manifest's, or more
   * (a StatefulSet adds the volumes its claim templates stand for). @internal
   */
  protected _podSpecToValidate(manifest: WorkloadManifest): Unvalidated<k8s.PodSpec> {
    return manifest.spec?.template?.spec ?? {};
  }

  /** The spec, rendered at synth: the fields every workload has (replicas, selector, template); a kind adds its own. @internal */
  protected _spec(): { replicas?: number; minReadySeconds?: number; selector: k8s.LabelSelector; template: Manifest<k8s.PodTemplateSpec> } {
    return {
      replicas: this.props.replicas,
      minReadySeconds: this.props.minReadySeconds,
      selector: { matchLabels: keySafe({ ...this.selector }) },
      template: { metadata: this.template.metadata(), spec: this.template.spec() },
    };
  }
}
