/**
 * Type tests of rule settings: every `@ts-expect-error` line must fail to
 * compile, or tsc (run by `npm test`) fails with TS2578.
 */
import { ConfigMap, Container, defineRules, ImagePullPolicy, Pod, PROBE_TIMING_FIELDS, ProbeTiming, Report, RestartPolicy, RuleId, RuleIdOf, RuleReport, Rules, UndefinedEnvReference } from '../../lib';
import { specProblems, specWith } from './_spec';
import { newChart } from '../_support';

// Never called: these lines exist to be type-checked.
function rejectedAtCompileTime(): void {
  const pod = new Pod(newChart(), 'p', { containers: [new Container({ name: 'a', image: 'a:1' })] });
  // @ts-expect-error a rule setting needs a reason
  new Pod(newChart(), 'q', { rules: { 'latest-tag': { level: 'off' } } });
  // @ts-expect-error 'ignore' is not a level
  new Pod(newChart(), 'r', { rules: { 'latest-tag': { level: 'ignore', reason: 'x' } } });
  // @ts-expect-error set() needs a reason
  Rules.of(pod).set('latest-tag', 'off');
}

test('rule settings are type-checked (see the @ts-expect-error lines)', () => {
  expect(typeof rejectedAtCompileTime).toBe('function');
});

const OWN_RULES = defineRules([{ id: 'types-test-own-rule', severity: 'warning', summary: 's', why: 'w', fix: 'f' }]);

// Never called: the rule ids Peapod reports are a union derived from the definitions.
function ruleIdsAtCompileTime(): void {
  const report = new RuleReport('c/p');
  report.warn('latest-tag', 'spec.containers[0].image', 'm', 'f');
  // @ts-expect-error a misspelt id of Peapod's own rules does not compile
  report.warn('latest-tags', 'spec.containers[0].image', 'm', 'f');
  // @ts-expect-error nor does it for an error
  report.error('port-shared-localhos', 'spec.containers[1].ports[0].containerPort', 'm', 'f');
  // A program's own rules: the open Report takes their ids, and a typed one checks them.
  new Report('c/p').warn('types-test-own-rule', 'spec', 'm', 'f');
  const own = new Report<RuleIdOf<typeof OWN_RULES>>('c/p');
  own.warn(OWN_RULES[0].id, 'spec', 'm', 'f');
  // @ts-expect-error an id its definitions do not declare
  own.warn('types-test-own-rules', 'spec', 'm', 'f');
  // @ts-expect-error RuleId is a union of literals, not any string
  const wide: RuleId = 'no-such-rule' as string;
  // Users write ids as strings where they configure rules: an unknown one is refused at run time.
  Rules.of(new Pod(newChart(), 'p', { containers: [new Container({ name: 'a', image: 'a:1' })] })).set('types-test-own-rule', 'off', 'r');
  expect(wide).toBeDefined();
}

test('closed sets are one list each, with the type derived from it', () => {
  // The list of probe timing fields names every field of ProbeTiming: this line fails to compile otherwise.
  const everyTimingField: [Exclude<keyof ProbeTiming, (typeof PROBE_TIMING_FIELDS)[number]>] extends [never] ? true : false = true;
  const pull: ImagePullPolicy = 'IfNotPresent';
  const restart: RestartPolicy = 'OnFailure';
  // @ts-expect-error the types are the lists' values, in their case
  const wrong: ImagePullPolicy = 'ifNotPresent';
  expect([everyTimingField, pull, restart, wrong]).toEqual([true, 'IfNotPresent', 'OnFailure', 'ifNotPresent']);
});

test('type-only members (port names, data keys) are optional and hold nothing at run time', () => {
  const chart = newChart();
  const pod = new Pod(chart, 'ports', { containers: [new Container({ name: 'a', image: 'a:1', ports: { http: 80 } })] });
  const cm = new ConfigMap(chart, 'cm', { data: { a: '1' } });
  // The deprecated names read what they hold: undefined, as their types say.
  const names: 'http' | undefined = pod.portNames;
  const keys: 'a' | undefined = cm.keys;
  // constructs' own DependableTrait is the one symbol-keyed property: no brand is stored.
  const ownSymbols = (x: object) => Object.getOwnPropertySymbols(x).map(String);
  expect([names, keys, ownSymbols(pod), ownSymbols(cm)]).toEqual([undefined, undefined, ['Symbol(@aws-cdk/core.DependableTrait)'], ['Symbol(@aws-cdk/core.DependableTrait)']]);
});

test('rule ids are type-checked (see the @ts-expect-error lines)', () => {
  expect(typeof ruleIdsAtCompileTime).toBe('function');
});

test('a $(VAR) that names no earlier variable reads the same at compile time and at synth', () => {
  // Compiles only while the text equals the compile-time error type.
  const compileTime: UndefinedEnvReference<'GREETING', 'PROFILES'> =
    "$(PROFILES) in GREETING refers to no variable defined before GREETING in this container's env";
  const spec = specWith((s) => (s.containers[0].env = [{ name: 'GREETING', value: 'hello $(PROFILES)' }]));
  expect(specProblems(spec, 'env-reference-defined')[0]).toContain(compileTime);
});
