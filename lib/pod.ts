import { ApiObject, Lazy } from 'cdk8s';
import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { Construct } from 'constructs';
import { IPodOwner, OwnedPods } from './_app-pods';
import { ManifestObject } from './_manifest-object';
import { PodHolder } from './_pod-holder';
import { ContainerPortNames } from './container';
import { AnyContainer, PodTemplate, PodTemplateProps } from './pod-template';
import { ISelectablePods, PodSelection, templatePorts } from './selectable-pods';
import { addProblemValidation, effectiveProblems } from './validation/engine';
import { validateMetadataBesidesName, validateObjectName } from './validation/metadata';
import { manifestToValidate } from './validation/escape-hatch';
import { Problem, RuleReport } from './validation/problem';
import { validateKeyReferences } from './validation/references';
import { Rules, RuleSettings } from './validation/rules';
import { safeKey } from './_plain';
import type { PORT_NAMES } from './_type-brands';

/** Properties of a {@link Pod}. */
export interface PodProps<C extends readonly AnyContainer[] = readonly AnyContainer[]> extends PodTemplateProps<C> {
  /**
   * `metadata.name` of the Pod, a DNS-1123 subdomain.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Levels of validation rules for this Pod, each with the reason the
   * default does not fit: `{ 'latest-tag': { level: 'off', reason: 'dev image' } }`.
   * The same as `Rules.of(pod).set(rule, level, reason)`.
   * @default - the project's levels (peapod.config.json), or the defaults in docs/rules.md
   */
  readonly rules?: RuleSettings;
}

/**
 * A Pod: one or more containers that share an IP, volumes and a node.
 * Renders a `v1` `Pod` manifest with exactly the fields declared.
 *
 * A bare Pod does not heal itself and its IP changes when it is recreated;
 * for long-running work put the same description in a Deployment, and
 * reach it through a Service.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/
 */
export class Pod<const C extends readonly AnyContainer[] = readonly AnyContainer[]>
  extends PodHolder
  implements ISelectablePods<ContainerPortNames<C[number]>>, IPodOwner
{
  /** `metadata.name` of the Pod. */
  public readonly name: string;
  /** The Pod's description, shared with workload templates. */
  public readonly template: PodTemplate;
  /** The object rendered into the manifest: a `v1` `Pod`. */
  public readonly apiObject: ApiObject;
  /** The container port names, for the type checks of Services: a type only. */
  public declare readonly [PORT_NAMES]?: ContainerPortNames<C[number]>;
  /**
   * @deprecated Never set: the port names are a type only, carried by `[PORT_NAMES]`.
   * Kept so that programs written against 0.1 compile; reads `undefined`.
   */
  public declare readonly portNames?: ContainerPortNames<C[number]>;

  public constructor(scope: Construct, id: string, props: PodProps<C> = {}) {
    super(scope, id);
    this.name = props.name ?? id;
    this.template = new PodTemplate(props);
    this.apiObject = new ManifestObject(this, 'Resource', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: this.name, ...this.template.metadata() },
      spec: Lazy.any({ produce: () => this.template.spec() }),
    });
    for (const [rule, setting] of Object.entries(props.rules ?? {})) {
      Rules.of(this).set(rule, setting.level, setting.reason);
    }
    addProblemValidation(this);
  }

  /** Adds or replaces a label. */
  public addLabel(key: string, value: string): this {
    this.template.addLabel(key, value);
    this.apiObject.metadata.addLabel(safeKey(key), value);
    return this;
  }

  /** Selected by all its labels. */
  public selectPods(): PodSelection {
    return { selector: this.template.podLabels, description: this.node.path, owner: this };
  }

  /** The Pod's kind, name, namespace, labels and ports, for the checks of objects that select it. */
  public ownedPods(): OwnedPods {
    return { kind: 'Pod', name: this.name, namespace: this.apiObject.metadata.namespace, labels: this.template.podLabels, ports: () => templatePorts(this.template), replicas: () => 1 };
  }

  /** Every problem of this Pod, errors and warnings, with the severities configured for it. */
  public problems(): readonly Problem[] {
    const report = new RuleReport(this.node.path);
    const { manifest, withSchemaProblems } = manifestToValidate<k8s.KubePodProps>(this.apiObject, this.template.escapeHatchFields('spec'));
    validateObjectName(manifest.metadata?.name, 'metadata.name', report);
    validateMetadataBesidesName(manifest.metadata, report);
    this.template.validate(manifest.spec, 'spec', report);
    this.template.validateServiceAccount(this.apiObject.metadata.namespace, 'spec', report);
    validateKeyReferences(this, manifest, report);
    return effectiveProblems(this, withSchemaProblems(report));
  }
}
