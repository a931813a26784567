import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { Construct, IConstruct } from 'constructs';
import { IPodOwner, OwnedPods } from './_app-pods';
import { PodHolder } from './_pod-holder';
import { ContainerPortNames } from './container';
import { AnyContainer, PodTemplate } from './pod-template';
import { ISelectablePods, PodSelection, templatePorts } from './selectable-pods';
import { validateObjectMetadata } from './validation/metadata';
import { RuleReport } from './validation/problem';
import { validateKeyReferences } from './validation/references';
import type { PORT_NAMES } from './_type-brands';
import type { Unvalidated } from './_manifest';

/**
 * Checks what every object with a Pod template has: its metadata, the
 * template's `spec` at field path `templateAt` (`spec.template`,
 * `spec.jobTemplate.spec.template`), and the keys it takes from ConfigMaps
 * and Secrets.
 */
export function validateTemplateOwner(
  owner: IConstruct,
  template: PodTemplate,
  manifest: Unvalidated<k8s.KubeJobProps | k8s.KubeCronJobProps>,
  spec: Unvalidated<k8s.PodSpec> | undefined,
  templateAt: string,
  report: RuleReport,
): void {
  validateObjectMetadata(manifest.metadata, report);
  template.validate(spec ?? {}, `${templateAt}.spec`, report);
  template.validateServiceAccount(manifest.metadata?.namespace, `${templateAt}.spec`, report);
  validateKeyReferences(owner, manifest, report);
}

/**
 * A kind whose Pods come from a template and whose selector Kubernetes
 * makes (a Job, a CronJob): selected by its template's labels. @internal
 */
export abstract class TemplateOwner<C extends readonly AnyContainer[]>
  extends PodHolder
  implements ISelectablePods<ContainerPortNames<C[number]>>, IPodOwner
{
  /** `metadata.name` of the object. */
  public readonly name: string;
  /** The container port names, for the type checks of Services: a type only. */
  public declare readonly [PORT_NAMES]?: ContainerPortNames<C[number]>;

  protected constructor(
    scope: Construct,
    id: string,
    name: string | undefined,
    private readonly ownerKind: string,
  ) {
    super(scope, id);
    this.name = name ?? id;
  }

  /** Selected by the labels of its Pod template. */
  public selectPods(): PodSelection {
    return { selector: this.template.podLabels, description: this.node.path, owner: this };
  }

  /** Its kind, name, namespace, Pod labels and ports, for the checks of objects that select it. */
  public ownedPods(): OwnedPods {
    return { kind: this.ownerKind, name: this.name, namespace: this.apiObject.metadata.namespace, labels: this.template.podLabels, ports: () => templatePorts(this.template), replicas: () => undefined };
  }
}
