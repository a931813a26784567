/**
 * Property-based tests: random valid programs must synthesize into
 * manifests the Kubernetes schema accepts, rendered exactly as declared;
 * each mutation must be refused by its rule, with no manifest written and
 * never a crash. A fixed seed and a bounded number of runs keep `npm test`
 * fast and repeatable; `npm run fuzz` runs the same properties for longer.
 */
import fc from 'fast-check';
import { withTempDir } from '../_support';
import { MUTATIONS } from './mutations';
import { asProperty, neverCrashes, refusedPrograms, validPrograms } from './properties';

const SEED = 20271127;
const RUNS = { valid: 40, perMutation: 10, crash: 40 };

describe('valid programs', () => {
  test('synthesize into manifests that match the Kubernetes schema and say exactly what was declared', () => {
    withTempDir((dir) => fc.assert(asProperty(validPrograms(dir)), { seed: SEED, numRuns: RUNS.valid }));
  });
});

describe('invalid programs', () => {
  test('never crash synth, and leave no manifest when refused', () => {
    withTempDir((dir) => fc.assert(asProperty(neverCrashes(MUTATIONS, dir)), { seed: SEED, numRuns: RUNS.crash }));
  });

  for (const mutation of MUTATIONS) {
    // Pending rules: expected to fail until the rule lands (see mutations.ts).
    const run = mutation.pending ? test.failing : test;
    run(`are refused by ${mutation.rule} when ${mutation.name}`, () => {
      withTempDir((dir) => fc.assert(asProperty(refusedPrograms(mutation, dir)), { seed: SEED, numRuns: RUNS.perMutation }));
    });
  }
});
