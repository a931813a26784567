import { ApiObject, Lazy } from 'cdk8s';
import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { ManifestObject } from './_manifest-object';
import { Construct } from 'constructs';
import { renderJobSpec } from './_job-spec';
import { TemplateOwner, validateTemplateOwner } from './_template-owner';
import { ObjectMetaProps } from './object-meta';
import { kindMetadata } from './_kind-object';
import { AnyContainer, PodTemplate, PodTemplateProps } from './pod-template';
import { addProblemValidation, effectiveProblems } from './validation/engine';
import { manifestToValidate } from './validation/escape-hatch';
import { COMPLETION_MODES, JOB_RESTART_POLICIES, validateJobSpec } from './validation/job';
import { Problem, RuleReport } from './validation/problem';

/** How a Job counts its completions: any N Pods succeeding, or one success per index 0…N-1. */
export type CompletionMode = (typeof COMPLETION_MODES)[number];

/** The Pods of a Job: a Pod template whose restartPolicy lets them end. */
export interface JobPodTemplateProps<C extends readonly AnyContainer[] = readonly AnyContainer[]> extends Omit<PodTemplateProps<C>, 'restartPolicy'> {
  /**
   * What happens when a container fails: `'OnFailure'` restarts it in the
   * same Pod, `'Never'` leaves the Pod failed and starts a new one. A Job
   * needs one of them (`'Always'` does not compile: the Pods must end).
   */
  readonly restartPolicy: (typeof JOB_RESTART_POLICIES)[number];
}

/** What a Job runs and how often it may try: a Job's spec, or a CronJob's Job template. */
export interface JobSpecProps<C extends readonly AnyContainer[] = readonly AnyContainer[]> {
  /** The Pods to run. */
  readonly template: JobPodTemplateProps<C>;
  /**
   * How many failed Pods (or container restarts) before the Job is marked failed.
   * @default - not emitted; Kubernetes uses 6
   */
  readonly backoffLimit?: number;
  /**
   * How many Pods must succeed.
   * @default - not emitted; one success completes the Job
   */
  readonly completions?: number;
  /**
   * How many Pods may run at once.
   * @default - not emitted; Kubernetes runs 1
   */
  readonly parallelism?: number;
  /**
   * Seconds the Job may run before its Pods are stopped and it is marked failed.
   * @default - not emitted; no deadline
   */
  readonly activeDeadlineSeconds?: number;
  /**
   * Seconds after it finishes that the Job and its Pods are deleted.
   * @default - not emitted; finished Jobs stay until deleted
   */
  readonly ttlSecondsAfterFinished?: number;
  /**
   * `'Indexed'` gives each Pod an index (0 … completions-1) in `JOB_COMPLETION_INDEX`.
   * @default - not emitted; Kubernetes uses NonIndexed
   */
  readonly completionMode?: CompletionMode;
  /**
   * Whether the Job is suspended: no Pods are started until it is set back to false.
   * @default - not emitted; the Job runs
   */
  readonly suspend?: boolean;
}

/** Properties of a {@link Job}. */
export interface JobProps<C extends readonly AnyContainer[] = readonly AnyContainer[]> extends JobSpecProps<C>, ObjectMetaProps {}

/**
 * Runs Pods until a number of them succeed: a batch task, a migration, a
 * backup. Failed Pods are retried up to `backoffLimit`. Renders a
 * `batch/v1` `Job`; Kubernetes makes its selector.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/job/
 */
export class Job<const C extends readonly AnyContainer[] = readonly AnyContainer[]> extends TemplateOwner<C> {
  /** The description of the Pods. */
  public readonly template: PodTemplate;
  /** The object rendered into the manifest. */
  public readonly apiObject: ApiObject;

  public constructor(scope: Construct, id: string, props: JobProps<C>) {
    super(scope, id, props.name, 'Job');
    this.template = new PodTemplate(props.template);
    this.apiObject = new ManifestObject(this, 'Resource', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: kindMetadata(this.name, props),
      spec: Lazy.any({ produce: () => renderJobSpec(props, this.template) }),
    });
    addProblemValidation(this);
  }

  /** Every problem of this Job and its Pod template, errors and warnings. */
  public problems(): readonly Problem[] {
    const report = new RuleReport(this.node.path);
    const { manifest, withSchemaProblems } = manifestToValidate<k8s.KubeJobProps>(this.apiObject, this.template.escapeHatchFields('spec.template.spec'));
    validateTemplateOwner(this, this.template, manifest, manifest.spec?.template?.spec, 'spec.template', report);
    validateJobSpec(manifest.spec, 'spec', this.name, report);
    return effectiveProblems(this, withSchemaProblems(report));
  }
}
