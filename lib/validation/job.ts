import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { checkCounts, checkOneOf } from './_fields';
import { cronScheduleError, isKnownTimeZone, timeZoneError } from './cron';
import { dns1123LabelError } from './names';
import type { RESTART_POLICIES } from './pod-spec';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
import { defineRules, fixNaming, ruleIn } from './rules';

const MAX_INDEXED_PARALLELISM = 100_000;
const JOB_SEE = 'https://kubernetes.io/docs/concepts/workloads/controllers/job/';
const CRON_SEE = 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/';

/** The rules that check Jobs and CronJobs, besides those of their Pod template. */
export const JOB_RULES = defineRules([
  {
    id: 'job-restart-policy',
    category: 'api-server',
    severity: 'error',
    summary: 'the Pod template of a Job has restartPolicy OnFailure or Never',
    why: 'a Job runs its Pods to completion; the API server rejects Always, and an unset policy defaults to Always',
    fix: "set restartPolicy to 'OnFailure' (retry in the same Pod) or 'Never' (a new Pod per retry)",
    see: `${JOB_SEE}#pod-template`,
  },
  {
    id: 'job-field-valid',
    category: 'api-server',
    severity: 'error',
    summary:
      'parallelism, completions, activeDeadlineSeconds, backoffLimit and ttlSecondsAfterFinished are whole numbers, 0 or more; completionMode is NonIndexed or Indexed, and Indexed has completions and at most 100000 in parallel',
    why: 'the API server rejects the Job otherwise',
    ...fixByCase({ noCompletions: 'set completions, the number of indexes', parallelism: `lower parallelism to ${MAX_INDEXED_PARALLELISM} or less` }, {}),
  },
  {
    id: 'job-indexed-name',
    category: 'api-server',
    severity: 'error',
    summary: 'the name of an Indexed Job, with "-" and its last index, is a DNS-1123 label',
    why: 'each Pod of an Indexed Job is given the host name <job name>-<index>; the API server rejects a Job whose last host name would be invalid',
    fix: 'shorten the name of the Job',
    see: `${JOB_SEE}#completion-mode`,
  },
  {
    id: 'job-parallelism-exceeds-completions',
    severity: 'warning',
    summary: 'the parallelism of a Job is not more than its completions',
    why: 'Kubernetes never runs more Pods at once than completions remain; the rest of the parallelism does nothing and may hide a mistake',
    ...fixNaming((completions: string) => `lower parallelism to ${completions}, or raise completions`, ['completions']),
    see: `${JOB_SEE}#parallel-jobs`,
  },
  {
    id: 'cron-job-schedule',
    category: 'api-server',
    severity: 'error',
    summary:
      'the schedule of a CronJob is a cron expression the API server parses: five fields (minute, hour, day of month, month, day of week) or a descriptor such as @hourly, with no TZ= or CRON_TZ= prefix',
    why: 'the API server rejects the CronJob, and the Jobs never run',
    ...fixByCase({
      syntax: "write five fields such as '30 2 * * *' (02:30 every day), or a descriptor such as '@daily'",
      timeZone: 'remove TZ= or CRON_TZ= from the schedule and set the `timeZone` prop',
    }),
    see: `${CRON_SEE}#schedule-syntax`,
  },
  {
    id: 'cron-job-time-zone',
    category: 'api-server',
    severity: 'error',
    summary: 'the timeZone of a CronJob is an explicit IANA time zone name, not empty and not Local',
    why: 'the API server rejects the CronJob',
    fix: "use a name from the IANA database, such as 'Etc/UTC' or 'Europe/Berlin'",
    see: `${CRON_SEE}#time-zones`,
  },
  {
    id: 'cron-job-time-zone-known',
    severity: 'warning',
    summary: 'the timeZone of a CronJob is a time zone the time zone database knows',
    why: "the API server rejects a time zone its database does not hold (the check uses Node.js's database, which may differ a little from the cluster's)",
    fix: "check the spelling against the IANA database, such as 'America/New_York'",
    see: `${CRON_SEE}#time-zones`,
  },
  {
    id: 'cron-job-name-length',
    category: 'api-server',
    severity: 'error',
    summary: 'the name of a CronJob is at most 52 characters',
    why: 'each Job gets the name of its CronJob and an 11-character suffix, and a Job name may have at most 63 characters',
    fix: 'shorten the name of the CronJob',
  },
  {
    id: 'cron-job-field-valid',
    category: 'api-server',
    severity: 'error',
    summary:
      'concurrencyPolicy is Allow, Forbid or Replace; startingDeadlineSeconds, successfulJobsHistoryLimit and failedJobsHistoryLimit are whole numbers, 0 or more',
    why: 'the API server rejects the CronJob otherwise',
    fix: 'use one of the policies, and whole numbers of 0 or more',
  },
]);

const FIELD_VALID = ruleIn(JOB_RULES, 'job-field-valid');
const PARALLELISM_EXCEEDS_COMPLETIONS = ruleIn(JOB_RULES, 'job-parallelism-exceeds-completions');
const SCHEDULE = ruleIn(JOB_RULES, 'cron-job-schedule');

/** The restart policies that let a Job's Pods end: a subset of {@link RESTART_POLICIES}. */
export const JOB_RESTART_POLICIES = ['OnFailure', 'Never'] as const satisfies readonly (typeof RESTART_POLICIES)[number][];
/** How Jobs of a CronJob may overlap. */
export const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'] as const;
/** How a Job counts its completions. */
export const COMPLETION_MODES = ['NonIndexed', 'Indexed'] as const;

/**
 * Checks a Job spec (a Job's `spec`, or a CronJob's
 * `spec.jobTemplate.spec`) at field path `at`, with the Job's `name` for
 * the host names of an Indexed Job, except its Pod spec.
 */
export function validateJobSpec(spec: Unvalidated<k8s.JobSpec> = {}, at: string, name: string | undefined, report: RuleReport): void {
  checkCounts(spec, ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished'], at, 'job-field-valid', report);
  const restartPolicy = spec.template?.spec?.restartPolicy;
  if (!(JOB_RESTART_POLICIES as readonly (string | undefined)[]).includes(restartPolicy)) {
    const always = restartPolicy === undefined ? 'not set (so Always)' : restartPolicy === 'Always' ? '"Always"' : undefined;
    const message = always !== undefined ? `restartPolicy is ${always}, but a Job's Pods must end` : `restartPolicy "${restartPolicy}" is not supported`;
    report.error('job-restart-policy', `${at}.template.spec.restartPolicy`, message);
  }
  const { parallelism, completions } = spec;
  if (checkOneOf(spec.completionMode, COMPLETION_MODES, `${at}.completionMode`, 'job-field-valid', report) && spec.completionMode === 'Indexed') {
    if (completions === undefined) {
      report.error('job-field-valid', `${at}.completions`, 'an Indexed Job has no completions, so it has no indexes', FIELD_VALID.fixFor('noCompletions'));
    }
    if (parallelism !== undefined && parallelism > MAX_INDEXED_PARALLELISM) {
      const message = `parallelism is ${parallelism}; an Indexed Job runs at most ${MAX_INDEXED_PARALLELISM} Pods at once`;
      report.error('job-field-valid', `${at}.parallelism`, message, FIELD_VALID.fixFor('parallelism'));
    }
    if (name !== undefined && completions !== undefined && completions > 0) {
      const hostName = `${name}-${completions - 1}`;
      const error = dns1123LabelError(hostName);
      if (error !== undefined) {
        report.error('job-indexed-name', 'metadata.name', `the last Pod of this Indexed Job would get host name "${hostName}", which ${error}`);
      }
    }
  }
  if (parallelism !== undefined && completions !== undefined && parallelism > completions) {
    report.warn(
      'job-parallelism-exceeds-completions',
      `${at}.parallelism`,
      `parallelism is ${parallelism}, more than the ${completions} completions, so ${parallelism - completions} of the Pods it allows never run`,
      PARALLELISM_EXCEEDS_COMPLETIONS.fixFor(`${completions}`),
    );
  }
}

/** Checks what only a CronJob manifest has, except its Job spec. */
export function validateCronJob(manifest: Unvalidated<k8s.KubeCronJobProps>, report: RuleReport): void {
  const spec = manifest.spec ?? {};
  const name = manifest.metadata?.name ?? '';
  if (name.length > 52) {
    const message = `CronJob name "${name}" has ${name.length} characters; at most 52 leave room for the suffix of its Jobs`;
    report.error('cron-job-name-length', 'metadata.name', message);
  }
  const { schedule, timeZone } = spec;
  const scheduleError = typeof schedule === 'string' ? cronScheduleError(schedule) : 'the schedule is not a string';
  if (scheduleError !== undefined) {
    report.error(
      'cron-job-schedule',
      'spec.schedule',
      `schedule ${JSON.stringify(schedule)} is not a cron expression: ${scheduleError}`,
      SCHEDULE.fixFor('syntax'),
    );
  }
  // As the API server does, whether the schedule parses or not (validateScheduleFormat).
  if (typeof schedule === 'string' && schedule.includes('TZ')) {
    report.error('cron-job-schedule', 'spec.schedule', `schedule "${schedule}" sets a time zone in the schedule`, SCHEDULE.fixFor('timeZone'));
  }
  if (timeZone !== undefined) {
    const zoneError = timeZoneError(timeZone);
    if (zoneError !== undefined) {
      report.error('cron-job-time-zone', 'spec.timeZone', `timeZone ${JSON.stringify(timeZone)} is refused: ${zoneError}`);
    } else if (!isKnownTimeZone(timeZone)) {
      report.warn('cron-job-time-zone-known', 'spec.timeZone', `timeZone "${timeZone}" is not in the time zone database`);
    }
  }
  checkOneOf(spec.concurrencyPolicy, CONCURRENCY_POLICIES, 'spec.concurrencyPolicy', 'cron-job-field-valid', report);
  checkCounts(spec, ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'], 'spec', 'cron-job-field-valid', report);
}
