/**
 * The long run of the property tests: `npm run fuzz` (10,000 valid
 * programs and 10,000 mutated ones by default). `-- --runs N` changes the
 * count, `-- --seed S` replays a run. Prints each property's cases, time and
 * verdict; exits 1 when an enforced property fails, with fast-check's
 * counterexample and the seed and path that replay it.
 *
 * Pending rules (see `__tests__/property/mutations.ts`) are run and
 * reported, but do not fail the run.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { MUTATIONS } from '../__tests__/property/mutations';
import { neverCrashes, PropertyParts, refusedPrograms, validPrograms } from '../__tests__/property/properties';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) {
    return fallback;
  }
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value)) {
    throw new Error(`${name} takes an integer, got ${process.argv[i + 1]}`);
  }
  return value;
}

// Each case yields to the event loop first, so Ctrl-C is handled between
// cases (a synchronous run would hold the signal until the very end).
function interruptible<T>(parts: PropertyParts<T>): fc.IAsyncPropertyWithHooks<[T]> {
  return fc.asyncProperty(parts.arbitrary, async (value) => {
    await new Promise((resolve) => setImmediate(resolve));
    parts.check(value);
  });
}

async function main(): Promise<number> {
  const runs = option('--runs', 10_000);
  const seed = option('--seed', Date.now() % 2 ** 31);
  const perMutation = Math.max(1, Math.round(runs / MUTATIONS.length));
  console.log(`fuzz: seed ${seed}, ${runs} valid programs, ${runs} mutated programs, ${perMutation} per rule`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peapod-fuzz-'));
  // A long run is often stopped with Ctrl-C; leave no temp folder behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      fs.rmSync(dir, { recursive: true, force: true });
      process.exit(130);
    });
  }
  let failed = 0;
  try {
    const run = async <T>(label: string, parts: PropertyParts<T>, numRuns: number, enforced: boolean) => {
      const started = process.hrtime.bigint();
      const details = await fc.check(interruptible(parts), { seed, numRuns });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const verdict = !details.failed ? 'ok' : enforced ? 'FAILED' : 'not enforced yet';
      console.log(`${verdict.padEnd(16)} ${label}: ${details.numRuns} cases in ${(ms / 1000).toFixed(1)} s (${(ms / Math.max(details.numRuns, 1)).toFixed(1)} ms/case)`);
      if (details.failed && enforced) {
        failed++;
        console.log(fc.defaultReportMessage(details));
      }
    };
    await run('valid programs synthesize, match the schema, render as declared', validPrograms(dir), runs, true);
    await run('mutated programs never crash and write nothing when refused', neverCrashes(MUTATIONS, dir), runs, true);
    for (const mutation of MUTATIONS) {
      await run(`refused by ${mutation.rule} when ${mutation.name}`, refusedPrograms(mutation, dir), perMutation, !mutation.pending);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(failed === 0 ? 'fuzz: every enforced property held' : `fuzz: ${failed} enforced propert${failed === 1 ? 'y' : 'ies'} failed`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
