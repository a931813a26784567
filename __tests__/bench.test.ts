import * as childProcess from 'child_process';
import * as path from 'path';
import { median, rotate } from '../bench/stats';

// Not a timed test: the quick mode builds a few Pods three ways, in child
// processes, and fails when the variants' outputs are not what they should
// be (Peapod byte-identical to the same Pods written with L1 classes).
describe('the synth benchmark', () => {
  test('runs in quick mode and checks the outputs of the three variants', () => {
    const out = childProcess.execFileSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', path.join(__dirname, '..', 'bench', 'run.ts'), '--quick'],
      { cwd: path.join(__dirname, '..'), encoding: 'utf8' },
    );
    expect(out).toContain('outputs checked at N = 5: Peapod = L1 byte for byte; plus-27 wrote 5 Pods');
    expect(out).toMatch(/Peapod\/L1 time \d+\.\d\d/);
    expect(out).toMatch(/validation \d+\.\d% of Peapod's synth \(of which the Pod checks, PodTemplate\.validate: \d+\.\d%\)/);
    expect(out).toMatch(
      /Whole process, N = 5 Pods .*\n(.*\n){6} {2}Peapod\/L1 \d+\.\d\d {3}Peapod\/floor \d+\.\d\d {3}Peapod\/cdk8s-objects \d+\.\d\d {3}Peapod\/L1 peak memory \d+\.\d\d/,
    );
    expect(out).toMatch(/cdk8s-objects\/floor \d+\.\d\d/);
  }, 120_000);

  test('takes the median, of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test('rotates the order of the variants from one repetition to the next', () => {
    expect(rotate(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(rotate(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(rotate(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b']);
  });
});
