import { ApiObject, Lazy } from 'cdk8s';
import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Manifest } from './_manifest';
import { ManifestObject } from './_manifest-object';
import { Construct } from 'constructs';
import { renderJobSpec } from './_job-spec';
import { TemplateOwner, validateTemplateOwner } from './_template-owner';
import { JobSpecProps } from './job';
import { ObjectMetaProps } from './object-meta';
import { kindMetadata } from './_kind-object';
import { AnyContainer, PodTemplate } from './pod-template';
import { addProblemValidation, effectiveProblems } from './validation/engine';
import { manifestToValidate } from './validation/escape-hatch';
import { CONCURRENCY_POLICIES, validateCronJob, validateJobSpec } from './validation/job';
import { Problem, RuleReport } from './validation/problem';

/** What a CronJob does when a run is due while the last one still runs. */
export type ConcurrencyPolicy = (typeof CONCURRENCY_POLICIES)[number];

/** Properties of a {@link CronJob}. */
export interface CronJobProps<C extends readonly AnyContainer[] = readonly AnyContainer[]> extends ObjectMetaProps {
  /**
   * When to run, as cron writes it: minute, hour, day of month, month, day
   * of week (`'30 2 * * *'` is 02:30 every day), or `@hourly`, `@daily`,
   * `@weekly`, `@monthly`, `@yearly`, `@every 1h30m`.
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax
   */
  readonly schedule: string;
  /**
   * The IANA time zone the schedule is read in (`'Europe/Berlin'`).
   * @default - not emitted; the time zone of kube-controller-manager
   */
  readonly timeZone?: string;
  /** The Job to run each time. */
  readonly jobTemplate: JobSpecProps<C>;
  /**
   * What happens when a run is due while the last one still runs: run both, skip the new one, or replace the old one.
   * @default - not emitted; Kubernetes uses Allow
   */
  readonly concurrencyPolicy?: ConcurrencyPolicy;
  /**
   * Seconds after its time that a missed run may still start.
   * @default - not emitted; a missed run starts whenever it can
   */
  readonly startingDeadlineSeconds?: number;
  /**
   * How many finished Jobs that succeeded to keep.
   * @default - not emitted; Kubernetes keeps 3
   */
  readonly successfulJobsHistoryLimit?: number;
  /**
   * How many finished Jobs that failed to keep.
   * @default - not emitted; Kubernetes keeps 1
   */
  readonly failedJobsHistoryLimit?: number;
  /**
   * Whether no new runs start.
   * @default - not emitted; runs start on schedule
   */
  readonly suspend?: boolean;
}

/**
 * Runs a Job on a schedule: a nightly backup, an hourly report. Renders a
 * `batch/v1` `CronJob`.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/
 */
export class CronJob<const C extends readonly AnyContainer[] = readonly AnyContainer[]> extends TemplateOwner<C> {
  /** The description of the Pods of its Jobs. */
  public readonly template: PodTemplate;
  /** The object rendered into the manifest. */
  public readonly apiObject: ApiObject;

  public constructor(scope: Construct, id: string, props: CronJobProps<C>) {
    super(scope, id, props.name, 'CronJob');
    this.template = new PodTemplate(props.jobTemplate.template);
    this.apiObject = new ManifestObject(this, 'Resource', {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: kindMetadata(this.name, props),
      spec: Lazy.any({
        produce: (): Manifest<k8s.CronJobSpec> => ({
          schedule: props.schedule,
          timeZone: props.timeZone,
          concurrencyPolicy: props.concurrencyPolicy,
          startingDeadlineSeconds: props.startingDeadlineSeconds,
          successfulJobsHistoryLimit: props.successfulJobsHistoryLimit,
          failedJobsHistoryLimit: props.failedJobsHistoryLimit,
          suspend: props.suspend,
          jobTemplate: { spec: renderJobSpec(props.jobTemplate, this.template) },
        }),
      }),
    });
    addProblemValidation(this);
  }

  /** Every problem of this CronJob and its Job's Pod template, errors and warnings. */
  public problems(): readonly Problem[] {
    const report = new RuleReport(this.node.path);
    const templateAt = 'spec.jobTemplate.spec.template';
    const { manifest, withSchemaProblems } = manifestToValidate<k8s.KubeCronJobProps>(this.apiObject, this.template.escapeHatchFields(`${templateAt}.spec`));
    validateTemplateOwner(this, this.template, manifest, manifest.spec?.jobTemplate?.spec?.template?.spec, templateAt, report);
    validateCronJob(manifest, report);
    validateJobSpec(manifest.spec?.jobTemplate?.spec, 'spec.jobTemplate.spec', undefined, report);
    return effectiveProblems(this, withSchemaProblems(report));
  }
}
