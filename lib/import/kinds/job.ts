import { COMPLETION_MODES, CONCURRENCY_POLICIES } from '../../validation/job';
import { fieldOf } from '../../validation/_json';
import { Code, literal, objectOf } from '../code';
import { fieldPatches, notModeled } from '../convert';
import { FieldReader, isMap, YamlMap } from '../fields';
import { convertTemplate } from '../pod-template';
import { Scope } from '../scope';
import { Target } from '../_targets';
import { addTarget, KindConverter, specOf } from './_kind';

// Job spec fields with a prop of their own (JobSpecProps); the others are patched in.
const JOB_SPEC = ['template', 'backoffLimit', 'completions', 'parallelism', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished', 'completionMode', 'suspend'];
const CRON_JOB_SPEC = ['schedule', 'timeZone', 'jobTemplate', 'concurrencyPolicy', 'startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit', 'suspend'];

interface JobSpecCode {
  readonly entries: readonly (readonly [string, Code | undefined])[];
  readonly statements: string[];
  readonly patches: string[];
  readonly labels: Record<string, string>;
  readonly ports: Target['ports'];
}

// The labels the API server gives a Job's Pods, and selects them by.
const JOB_LABELS = ['controller-uid', 'job-name', 'batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-name'];

/** Jobs, as Peapod's `Job`; Services that select their Pods are made from them. */
export const jobConverter: KindConverter = {
  apiVersion: 'batch/v1',
  clean: (value, reader) => {
    // Without manualSelector the API server makes the selector, and refuses one given: this one was written by it (`kubectl get`).
    const spec = value.spec;
    if (!isMap(spec) || spec.selector === undefined || spec.manualSelector === true) {
      return;
    }
    delete spec.selector;
    reader.note('spec.selector', 'left out: the API server makes it');
    const template = isMap(spec.template) ? spec.template : {};
    // On the Pods, and on the Job itself, whose labels default to its Pods'.
    for (const [metadata, at] of [[template.metadata, 'spec.template.metadata'], [value.metadata, 'metadata']] as const) {
      const labels = isMap(metadata) ? metadata.labels : undefined;
      if (!isMap(metadata) || !isMap(labels)) {
        continue;
      }
      for (const key of JOB_LABELS.filter((k) => labels[k] !== undefined)) {
        delete labels[key];
        reader.note(`${at}.labels.${key}`, 'left out: the API server adds it');
      }
      if (Object.keys(labels).length === 0) {
        delete metadata.labels;
      }
    }
    if (isMap(template.metadata) && Object.keys(template.metadata).length === 0) {
      delete template.metadata;
    }
  },
  convert: (input) => {
    const job = convertJobSpec(input.reader, input.scope, specOf(input), 'spec', input.variable);
    if (job) {
      addTarget(input, objectOf([input.nameEntry, ...input.metaEntries(), ...job.entries]), job, undefined, Object.keys(job.labels).length > 0);
    }
  },
};

/** CronJobs, as Peapod's `CronJob`. */
export const cronJobConverter: KindConverter = {
  apiVersion: 'batch/v1',
  unmodeled: (value) => (fieldOf(fieldOf(value.spec, 'jobTemplate'), 'metadata') !== undefined ? ['spec.jobTemplate.metadata (labels and annotations of its Jobs)'] : []),
  convert: (input) => {
    const { reader, scope, variable } = input;
    const spec = specOf(input);
    const schedule = reader.string(reader.required(spec, 'schedule', 'spec', "add schedule, such as '30 2 * * *'"), 'spec.schedule');
    const timeZone = reader.string(spec.timeZone, 'spec.timeZone');
    const policy = reader.oneOf(spec.concurrencyPolicy, 'spec.concurrencyPolicy', CONCURRENCY_POLICIES, 'cron-job-field-valid');
    const suspend = reader.boolean(spec.suspend, 'spec.suspend');
    const jobTemplate = reader.map(reader.required(spec, 'jobTemplate', 'spec'), 'spec.jobTemplate') ?? {};
    reader.otherFields(jobTemplate, ['metadata', 'spec'], 'spec.jobTemplate', 'is not a field of a Job template');
    const jobSpec = reader.map(reader.required(jobTemplate, 'spec', 'spec.jobTemplate'), 'spec.jobTemplate.spec') ?? {};
    const job = convertJobSpec(reader, scope, jobSpec, 'spec.jobTemplate.spec', variable);
    if (!job) {
      return;
    }
    const props = objectOf([
      input.nameEntry,
      ...input.metaEntries(),
      ['schedule', literal(schedule)],
      ['timeZone', literal(timeZone)],
      ['concurrencyPolicy', literal(policy)],
      ...['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'].map((key) => [key, literal(reader.integer(spec[key], `spec.${key}`))] as const),
      ['suspend', literal(suspend)],
      ['jobTemplate', objectOf(job.entries)],
    ]);
    const patches = notModeled([...fieldPatches(reader, scope, spec, CRON_JOB_SPEC, 'CronJobSpec', variable), ...job.patches]);
    addTarget(input, props, { ...job, patches }, undefined, Object.keys(job.labels).length > 0);
  },
};

/** A Job's spec at `at` as JobSpecProps entries, with the patches of the fields that have none. */
function convertJobSpec(reader: FieldReader, scope: Scope, spec: YamlMap, at: string, variable: string): JobSpecCode | undefined {
  const template = reader.map(reader.required(spec, 'template', at), `${at}.template`);
  if (!template) {
    return undefined;
  }
  const metadata = reader.map(template.metadata, `${at}.template.metadata`) ?? {};
  const podSpec = reader.map(reader.required(template, 'spec', `${at}.template`), `${at}.template.spec`) ?? {};
  reader.otherFields(template, ['metadata', 'spec'], `${at}.template`, 'is not a field of a Pod template');
  // A Job's Pods must end: Kubernetes refuses the default, Always.
  if (podSpec.restartPolicy === undefined) {
    reader.problem(`${at}.template.spec.restartPolicy`, 'is missing, and a Job\'s Pods would get Always, which Kubernetes refuses for a Job', 'add restartPolicy: OnFailure or Never', 'job-restart-policy');
  } else if (podSpec.restartPolicy === 'Always') {
    reader.problem(`${at}.template.spec.restartPolicy`, 'is "Always", but a Job\'s Pods must end', 'use restartPolicy: OnFailure or Never', 'job-restart-policy');
  }
  const converted = convertTemplate(reader, scope, metadata, podSpec, `${at}.template.spec`, `${at}.template.metadata`, variable);
  const completionMode = reader.oneOf(spec.completionMode, `${at}.completionMode`, COMPLETION_MODES, 'job-field-valid');
  const entries: JobSpecCode['entries'] = [
    ...['backoffLimit', 'completions', 'parallelism', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished'].map((key) => [key, literal(reader.integer(spec[key], `${at}.${key}`))] as const),
    ['completionMode', literal(completionMode)],
    ['suspend', literal(reader.boolean(spec.suspend, `${at}.suspend`))],
    ['template', objectOf(converted.entries)],
  ];
  const patches = [
    ...fieldPatches(reader, scope, spec, JOB_SPEC, 'JobSpec', variable, at),
    ...fieldPatches(reader, scope, metadata, ['labels', 'annotations'], 'ObjectMeta', variable, `${at}.template.metadata`),
  ];
  return { entries, statements: converted.statements, patches: notModeled(patches), labels: converted.labels, ports: converted.ports };
}
