/**
 * Type tests of rule settings: every `@ts-expect-error` line must fail to
 * compile, or tsc (run by `npm test`) fails with TS2578.
 */
import { Container, Pod, Rules, UndefinedEnvReference } from '../../lib';
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

test('a $(VAR) that names no earlier variable reads the same at compile time and at synth', () => {
  // Compiles only while the text equals the compile-time error type.
  const compileTime: UndefinedEnvReference<'GREETING', 'PROFILES'> =
    "$(PROFILES) in GREETING refers to no variable defined before GREETING in this container's env";
  const spec = specWith((s) => (s.containers[0].env = [{ name: 'GREETING', value: 'hello $(PROFILES)' }]));
  expect(specProblems(spec, 'env-reference-defined')[0]).toContain(compileTime);
});
