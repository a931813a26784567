import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Manifest } from './_manifest';
import type { JobSpecProps } from './job';
import { PodTemplate } from './pod-template';

/** A Job spec's own fields and its Pod template, rendered. @internal */
export class JobSpecOf {
  /** The Pods' description. */
  public readonly template: PodTemplate;

  public constructor(private readonly props: JobSpecProps) {
    this.template = new PodTemplate(props.template);
  }

  /** The Job spec, for the manifest. */
  public render(): Manifest<k8s.JobSpec> {
    const p = this.props;
    return {
      backoffLimit: p.backoffLimit,
      completions: p.completions,
      parallelism: p.parallelism,
      activeDeadlineSeconds: p.activeDeadlineSeconds,
      ttlSecondsAfterFinished: p.ttlSecondsAfterFinished,
      completionMode: p.completionMode,
      suspend: p.suspend,
      template: { metadata: metadataOrNothing(this.template.metadata()), spec: this.template.spec() },
    };
  }
}

// A Job's Pods need no labels (Kubernetes adds its own): no empty metadata.
function metadataOrNothing<M extends { labels?: object; annotations?: object }>(metadata: M): M | undefined {
  return metadata.labels === undefined && metadata.annotations === undefined ? undefined : metadata;
}
