/**
 * The corpus of valid unusual programs (`valid-programs.ts`): each must
 * synthesize with no error, and its manifest must hold what it declared.
 */
import { Chart } from 'cdk8s';
import { collectProblems } from '../../lib/validation/engine';
import { formatProblem } from '../../lib';
import { newChart, synthObjects } from '../_support';
import { VALID_PROGRAMS } from './valid-programs';

describe('valid unusual programs', () => {
  test.each(VALID_PROGRAMS.map((program) => [program.name, program] as const))('%s: synthesizes as declared', (_name, program) => {
    const chart: Chart = newChart('ok');
    program.build(chart);
    const errors = collectProblems(chart.node.root).problems.filter((p) => p.severity === 'error');
    expect(errors.map(formatProblem)).toEqual([]);
    program.check(synthObjects(chart));
  });
});
