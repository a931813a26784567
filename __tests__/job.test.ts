import { Container, CronJob, Job } from '../lib';
import { cronScheduleError } from '../lib/validation/cron';
import { problemsOf } from './_problems';
import { newChart, synthObjects } from './_support';

const task = () => new Container({ name: 'task', image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] });

describe('Job', () => {
  test('defaults: exactly the fields declared, restartPolicy required', () => {
    const chart = newChart();
    new Job(chart, 'migrate', { template: { restartPolicy: 'Never', containers: [task()] } });
    expect(synthObjects(chart)).toEqual([
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'migrate' },
        spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'task', image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] }] } } },
      },
    ]);
  });

  test('every field of the spec', () => {
    const chart = newChart();
    new Job(chart, 'index', {
      labels: { team: 'data' },
      backoffLimit: 2,
      completions: 5,
      parallelism: 2,
      activeDeadlineSeconds: 600,
      ttlSecondsAfterFinished: 3600,
      completionMode: 'Indexed',
      suspend: false,
      template: { labels: { app: 'index' }, restartPolicy: 'OnFailure', containers: [task()] },
    });
    expect(synthObjects(chart)[0].spec).toMatchObject({ backoffLimit: 2, completions: 5, parallelism: 2, activeDeadlineSeconds: 600, ttlSecondsAfterFinished: 3600, completionMode: 'Indexed', suspend: false });
  });

  test('fails synth when restartPolicy is Always or fields are out of range', () => {
    expect(
      problemsOf((chart) => {
        new Job(chart, 'bad', { backoffLimit: -1, parallelism: 1.5, template: { restartPolicy: 'Always' as never, containers: [task()] } });
        new Job(chart, 'indexed', { completionMode: 'Indexed', template: { restartPolicy: 'Never', containers: [task()] } });
        new Job(chart, 'a'.repeat(62), { completionMode: 'Indexed', completions: 10, template: { restartPolicy: 'Never', containers: [task()] } });
      }),
    ).toEqual([
      'spec.parallelism: parallelism is 1.5; it must be a whole number, 0 or more (at most 2147483647). Fix: set parallelism to 0 or more, or leave it out (job-field-valid)',
      'spec.backoffLimit: backoffLimit is -1; it must be a whole number, 0 or more (at most 2147483647). Fix: set backoffLimit to 0 or more, or leave it out (job-field-valid)',
      "spec.template.spec.restartPolicy: restartPolicy is \"Always\", but a Job's Pods must end. Fix: set restartPolicy to 'OnFailure' (retry in the same Pod) or 'Never' (a new Pod per retry) (job-restart-policy)",
      'spec.completions: an Indexed Job has no completions, so it has no indexes. Fix: set completions, the number of indexes (job-field-valid)',
      `metadata.name: the last Pod of this Indexed Job would get host name "${'a'.repeat(62)}-9", which is 64 characters long; at most 63 are allowed. Fix: shorten the name of the Job (job-indexed-name)`,
    ]);
  });

  test('fails synth on counts past the Go types the API server decodes them into', () => {
    expect(
      problemsOf((chart) => {
        new Job(chart, 'big', { backoffLimit: 2 ** 31, activeDeadlineSeconds: 2 ** 40, template: { restartPolicy: 'Never', containers: [task()] } });
      }),
    ).toEqual([
      'spec.backoffLimit: backoffLimit is 2147483648; it must be a whole number, 0 or more (at most 2147483647). Fix: set backoffLimit to 0 or more, or leave it out (job-field-valid)',
    ]);
  });

  test('warns when parallelism exceeds completions', () => {
    const chart = newChart();
    const job = new Job(chart, 'wide', { parallelism: 4, completions: 2, template: { restartPolicy: 'Never', containers: [task()] } });
    expect(job.problems().filter((p) => p.rule.startsWith('job-')).map((p) => `${p.severity} ${p.field}: ${p.message}. Fix: ${p.fix} (${p.rule})`)).toEqual([
      'warning spec.parallelism: parallelism is 4, more than the 2 completions, so 2 of the Pods it allows never run. Fix: lower parallelism to 2, or raise completions (job-parallelism-exceeds-completions)',
    ]);
  });
});

describe('CronJob', () => {
  test('defaults and every field', () => {
    const chart = newChart();
    new CronJob(chart, 'backup', { schedule: '30 2 * * *', jobTemplate: { template: { restartPolicy: 'OnFailure', containers: [task()] } } });
    new CronJob(chart, 'report', {
      schedule: '@hourly',
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 300,
      successfulJobsHistoryLimit: 1,
      failedJobsHistoryLimit: 2,
      suspend: true,
      jobTemplate: { backoffLimit: 1, template: { restartPolicy: 'Never', containers: [task()] } },
    });
    const [backup, report] = synthObjects(chart);
    expect(backup).toEqual({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'backup' },
      spec: {
        schedule: '30 2 * * *',
        jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'task', image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] }] } } } },
      },
    });
    expect(report.spec).toMatchObject({ schedule: '@hourly', timeZone: 'Europe/Berlin', concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 300, successfulJobsHistoryLimit: 1, failedJobsHistoryLimit: 2, suspend: true, jobTemplate: { spec: { backoffLimit: 1 } } });
  });

  test('fails synth on a bad schedule, time zone, name, policy or Job template', () => {
    expect(
      problemsOf((chart) => {
        new CronJob(chart, 'c'.repeat(53), { schedule: '0 0 * *', jobTemplate: { template: { restartPolicy: 'Never', containers: [task()] } } });
        new CronJob(chart, 'tz', { schedule: 'CRON_TZ=UTC 0 0 * * *', timeZone: 'Local', concurrencyPolicy: 'Skip' as never, failedJobsHistoryLimit: -1, jobTemplate: { template: { restartPolicy: 'Always' as never, containers: [task()] } } });
      }),
    ).toEqual([
      `metadata.name: CronJob name "${'c'.repeat(53)}" has 53 characters; at most 52 leave room for the suffix of its Jobs. Fix: shorten the name of the CronJob (cron-job-name-length)`,
      "spec.schedule: schedule \"0 0 * *\" is not a cron expression: expected exactly 5 fields, found 4: [0 0 * *]. Fix: write five fields such as '30 2 * * *' (02:30 every day), or a descriptor such as '@daily' (cron-job-schedule)",
      'spec.schedule: schedule "CRON_TZ=UTC 0 0 * * *" sets a time zone in the schedule. Fix: remove TZ= or CRON_TZ= from the schedule and set the `timeZone` prop (cron-job-schedule)',
      "spec.timeZone: timeZone \"Local\" is refused: timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones. Fix: use a name from the IANA database, such as 'Etc/UTC' or 'Europe/Berlin' (cron-job-time-zone)",
      'spec.concurrencyPolicy: "Skip" is not supported; the values are "Allow", "Forbid", "Replace". Fix: use one of Allow, Forbid, Replace (cron-job-field-valid)',
      'spec.failedJobsHistoryLimit: failedJobsHistoryLimit is -1; it must be a whole number, 0 or more (at most 2147483647). Fix: set failedJobsHistoryLimit to 0 or more, or leave it out (cron-job-field-valid)',
      "spec.jobTemplate.spec.template.spec.restartPolicy: restartPolicy is \"Always\", but a Job's Pods must end. Fix: set restartPolicy to 'OnFailure' (retry in the same Pod) or 'Never' (a new Pod per retry) (job-restart-policy)",
    ]);
  });

  test('a time zone in the schedule is refused whether the rest parses or not, as the API server does; its valid twin sets the timeZone prop', () => {
    const schedules = (schedule: string, timeZone?: string) =>
      problemsOf((chart) => new CronJob(chart, 'c', { schedule, timeZone, jobTemplate: { template: { restartPolicy: 'Never', containers: [task()] } } }));
    expect(schedules('TZ=UTC 0 0 * *')).toEqual([
      "spec.schedule: schedule \"TZ=UTC 0 0 * *\" is not a cron expression: expected exactly 5 fields, found 4: [0 0 * *]. Fix: write five fields such as '30 2 * * *' (02:30 every day), or a descriptor such as '@daily' (cron-job-schedule)",
      'spec.schedule: schedule "TZ=UTC 0 0 * *" sets a time zone in the schedule. Fix: remove TZ= or CRON_TZ= from the schedule and set the `timeZone` prop (cron-job-schedule)',
    ]);
    expect(schedules('0 0 * * *', 'Etc/UTC')).toEqual([]);
  });

  test('warns about a time zone the database does not know', () => {
    const chart = newChart();
    const job = new CronJob(chart, 'x', { schedule: '@daily', timeZone: 'Mars/Olympus', jobTemplate: { template: { restartPolicy: 'Never', containers: [task()] } } });
    expect(job.problems().filter((p) => p.rule.startsWith('cron-')).map((p) => `${p.severity} ${p.message} (${p.rule})`)).toEqual(['warning timeZone "Mars/Olympus" is not in the time zone database (cron-job-time-zone-known)']);
  });
});

describe('cron schedules, as robfig/cron ParseStandard reads them', () => {
  test.each([
    '* * * * *', '0 0 1 1 0', '59 23 31 12 6', '*/15 * * * *', '0 9-17 * * 1-5', '0 0 * * MON,wed,Fri', '0 0 1 JAN-mar *', '5/10 * * * *',
    // The parser takes a leading time zone (the API server then refuses it, as cron-job-schedule does).
    'CRON_TZ=UTC 0 0 * * *', 'TZ=Europe/Berlin @daily', 'TZ= 0 0 * * *',
    '0 0 ? * *', '1,2,3 4-6/2 * * *', '  0  0  *  *  *  ', '@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly', '@every 1h30m', '@every 90s',
  ])('accepts %j', (schedule) => expect(cronScheduleError(schedule)).toBeUndefined());

  test.each([
    ['', 'empty spec string'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['0 0 0 * * *', 'expected exactly 5 fields, found 6: [0 0 0 * * *]'],
    ['60 * * * *', 'minute: end of range (60) above maximum (59): 60'],
    ['* 24 * * *', 'hour: end of range (24) above maximum (23): 24'],
    ['* * 0 * *', 'day of month: beginning of range (0) below minimum (1): 0'],
    ['* * * 13 *', 'month: end of range (13) above maximum (12): 13'],
    ['* * * * 7', 'day of week: end of range (7) above maximum (6): 7'],
    ['5-1 * * * *', 'minute: beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'minute: step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'minute: too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'minute: too many slashes: */2/3'],
    ['x * * * *', 'minute: failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['* * * * funday', 'day of week: failed to parse int from funday: strconv.Atoi: parsing "funday": invalid syntax'],
    ['@reboot', 'unrecognized descriptor: @reboot'],
    ['@every soon', 'failed to parse duration @every soon: time: invalid duration "soon"'],
    ['TZ=Mars/Olympus 0 0 * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
    ['CRON_TZ=UTC 0 0 * *', 'expected exactly 5 fields, found 4: [0 0 * *]'],
  ])('refuses %j: %s', (schedule, error) => expect(cronScheduleError(schedule)).toBe(error));
});

// Type tests: compiled by `npm test` (tsc), never run.
export function typeTests(): void {
  const chart = newChart();
  // @ts-expect-error a Job's Pods must end: Always does not compile
  new Job(chart, 'a', { template: { restartPolicy: 'Always', containers: [task()] } });
  // @ts-expect-error a Job needs a restartPolicy
  new Job(chart, 'b', { template: { containers: [task()] } });
  // @ts-expect-error a CronJob needs a schedule
  new CronJob(chart, 'c', { jobTemplate: { template: { restartPolicy: 'Never', containers: [task()] } } });
  // @ts-expect-error concurrencyPolicy is a closed set
  new CronJob(chart, 'd', { schedule: '@daily', concurrencyPolicy: 'Skip', jobTemplate: { template: { restartPolicy: 'Never', containers: [task()] } } });
}
