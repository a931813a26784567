import { ApiObject, Lazy } from 'cdk8s';
import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { Construct } from 'constructs';
import { oncePerSynth } from './_synth';
import { AnyContainer, PodTemplate, PodTemplateProps } from './pod-template';
import { formatProblem, Problem, Report } from './validation/problem';
import { Volume } from './volume';

/** Properties of a {@link Pod}. */
export interface PodProps<C extends readonly AnyContainer[] = readonly AnyContainer[]> extends PodTemplateProps<C> {
  /**
   * `metadata.name` of the Pod, a DNS-1123 subdomain.
   * @default - the construct id
   */
  readonly name?: string;
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
export class Pod<const C extends readonly AnyContainer[] = readonly AnyContainer[]> extends Construct {
  /** `metadata.name` of the Pod. */
  public readonly name: string;
  /** The Pod's description, shared with workload templates. */
  public readonly template: PodTemplate;
  /** The L1 object rendered into the manifest. */
  public readonly apiObject: ApiObject;
  /** The container port names, for the type checks of Services. */
  public declare readonly portNames: C[number]['portNames'];

  public constructor(scope: Construct, id: string, props: PodProps<C> = {}) {
    super(scope, id);
    this.name = props.name ?? id;
    this.template = new PodTemplate(props);
    this.apiObject = new RenderedOnce(this, 'Resource', {
      metadata: { name: this.name, ...this.template.metadata() },
      spec: Lazy.any({ produce: () => this.template.spec() }),
    });
    // cdk8s validates the whole app again for each chart it writes: during a synth, check once.
    this.node.addValidation({ validate: () => oncePerSynth(this, () => this.problems().filter((p) => p.severity === 'error').map(formatProblem)) });
  }

  /** Adds a container after the others. */
  public addContainer(container: AnyContainer): this {
    this.template.addContainer(container);
    return this;
  }

  /** Adds an init container after the others. */
  public addInitContainer(container: AnyContainer): this {
    this.template.addInitContainer(container);
    return this;
  }

  /** Declares a volume; mounting it in a container does so too. */
  public addVolume(volume: Volume): this {
    this.template.addVolume(volume);
    return this;
  }

  /** Adds or replaces a label. */
  public addLabel(key: string, value: string): this {
    this.template.addLabel(key, value);
    this.apiObject.metadata.addLabel(key, value);
    return this;
  }

  /** Every problem of this Pod, errors and warnings. */
  public problems(): readonly Problem[] {
    const report = new Report(this.node.path);
    const manifest = this.apiObject.toJson();
    this.template.validate(manifest.spec, 'spec', report);
    return report.problems;
  }
}

// Validation reads the rendered manifest and synth writes it: during a synth, render it once.
class RenderedOnce extends k8s.KubePod {
  public toJson(): any {
    return oncePerSynth(this, () => super.toJson());
  }
}
