import { Container, Deployment, Pod } from '../lib';
import { problemsOf } from './_problems';

/* eslint-disable @typescript-eslint/no-explicit-any -- values that bypass the types, as JSON input or `as any` would */

describe('values given through escape hatches', () => {
  test('of the type the Kubernetes schema gives the field pass', () => {
    expect(
      problemsOf((chart) =>
        new Pod(chart, 'p', {
          containers: [new Container({ name: 'app', image: 'app:1', extraFields: { stdin: true, terminationMessagePolicy: 'FallbackToLogsOnError' } })],
          extraSpec: { hostNetwork: false, activeDeadlineSeconds: 30 },
        }),
      ),
    ).toEqual([]);
  });

  test('of another type fail synth, in a Pod and in a workload template', () => {
    expect(
      problemsOf((chart) =>
        new Pod(chart, 'p', {
          containers: [new Container({ name: 'app', image: 'app:1', extraFields: { stdin: 'no' } as any })],
          extraSpec: { hostNetwork: 'yes' } as any,
        }),
      ),
    ).toEqual([
      'spec.containers[0].stdin: the escape-hatch value must be boolean, got "no", which the Kubernetes 1.27 schema refuses. Fix: give the field a value of the type the Kubernetes API reference lists for it (kubernetes-schema)',
      'spec.hostNetwork: the escape-hatch value must be boolean, got "yes", which the Kubernetes 1.27 schema refuses. Fix: give the field a value of the type the Kubernetes API reference lists for it (kubernetes-schema)',
    ]);
    expect(
      problemsOf((chart) =>
        new Deployment(chart, 'd', { template: { labels: { app: 'd' }, containers: [new Container({ name: 'app', image: 'app:1' })], extraSpec: { enableServiceLinks: 'no' } as any } }),
      ),
    ).toEqual([
      'spec.template.spec.enableServiceLinks: the escape-hatch value must be boolean, got "no", which the Kubernetes 1.27 schema refuses. Fix: give the field a value of the type the Kubernetes API reference lists for it (kubernetes-schema)',
    ]);
  });

  test('a field a rule of its own reports gets that message, not the schema\'s as well', () => {
    expect(
      problemsOf((chart) => new Pod(chart, 'p', { containers: [new Container({ name: 'app', image: 'app:1' })], extraSpec: { activeDeadlineSeconds: '30' } as any })),
    ).toEqual([
      'spec.activeDeadlineSeconds: activeDeadlineSeconds is "30"; it must be a whole number, 1 or more (at most 2147483647). Fix: use a whole number of seconds in range; set a deadline on a Job, or on the Job template of a CronJob, not on a long-running workload (pod-timing)',
    ]);
  });

  test('an empty value the API server defaults passes, though the schema\'s enum leaves it out', () => {
    expect(
      problemsOf((chart) =>
        new Pod(chart, 'p', {
          containers: [new Container({ name: 'app', image: 'app:1' })],
          extraSpec: { dnsPolicy: '', preemptionPolicy: '' },
        }),
      ),
    ).toEqual([
      'spec.preemptionPolicy: preemptionPolicy "" is not supported; the values are "PreemptLowerPriority", "Never". Fix: use one of the listed values (supported-value)',
    ]);
  });

  test('only the fields an escape hatch set are held to the schema here', () => {
    // A wrong value of a modeled field is Peapod's own rules' business (supported-value here), reported once.
    const problems = problemsOf((chart) =>
      new Pod(chart, 'p', { restartPolicy: 'always' as any, containers: [new Container({ name: 'app', image: 'app:1' })], extraSpec: { hostname: 'web' } }),
    );
    expect(problems.map((p) => p.slice(p.lastIndexOf('(')))).toEqual(['(supported-value)']);
  });
});
