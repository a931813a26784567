/**
 * Type tests of rule settings: every `@ts-expect-error` line must fail to
 * compile, or tsc (run by `npm test`) fails with TS2578.
 */
import { Container, Pod, Rules } from '../../lib';
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
