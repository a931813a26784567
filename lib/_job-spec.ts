import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { unlessEmpty } from './_kind-object';
import type { Manifest } from './_manifest';
import type { JobSpecProps } from './job';
import type { PodTemplate } from './pod-template';

/** A Job spec's own fields and its Pods' `template`, rendered: a Job's spec, or a CronJob's Job template's. @internal */
export function renderJobSpec(p: JobSpecProps, template: PodTemplate): Manifest<k8s.JobSpec> {
  return {
    backoffLimit: p.backoffLimit,
    completions: p.completions,
    parallelism: p.parallelism,
    activeDeadlineSeconds: p.activeDeadlineSeconds,
    ttlSecondsAfterFinished: p.ttlSecondsAfterFinished,
    completionMode: p.completionMode,
    suspend: p.suspend,
    // A Job's Pods need no labels (Kubernetes adds its own): no empty metadata.
    template: { metadata: unlessEmpty(template.metadata()), spec: template.spec() },
  };
}
