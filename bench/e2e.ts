import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median, rotate } from './stats';

/*
 * End to end: `cdk8s synth` of the example app, from process start to
 * dist/ written, with the ts-node setup that `cdk8s init` generates
 * (`app: npx ts-node main.ts`) and with Peapod's (`node scripts/synth.js`).
 * Runs in a copy of the project so it can edit main.ts and drop caches.
 *
 * Peapod's setup is measured in three states of its type-check cache:
 *  - cold: no cache (a fresh clone, a CI job without a cache);
 *  - edited: main.ts changed since the last synth (the edit-synth loop);
 *  - unchanged: nothing changed since the last synth.
 * ts-node keeps no cache, so one baseline serves all three.
 */

const ROOT = path.resolve(__dirname, '..');
const PROJECT_FILES = ['main.ts', 'lib', 'scripts', 'tsconfig.json', 'package.json', 'package-lock.json', 'peapod.config.json', 'cdk8s.yaml'];

type Scenario = 'ts-node' | 'cold' | 'edited' | 'unchanged';

function copyProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peapod-e2e-'));
  for (const file of PROJECT_FILES) {
    fs.cpSync(path.join(ROOT, file), path.join(dir, file), { recursive: true });
  }
  fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

function cdk8sSynth(dir: string, scenario: Scenario): number {
  const cli = path.join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
  const out = path.join(dir, `out-${scenario}`);
  const args = [cli, '--no-check-upgrade', 'synth', '--output', out, ...(scenario === 'ts-node' ? ['--app', 'npx ts-node main.ts'] : [])];
  const start = performance.now();
  childProcess.execFileSync(process.execPath, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  // Both setups must write the committed dist/, byte for byte.
  for (const file of fs.readdirSync(path.join(ROOT, 'dist'))) {
    if (fs.readFileSync(path.join(out, file), 'utf8') !== fs.readFileSync(path.join(ROOT, 'dist', file), 'utf8')) {
      throw new Error(`${scenario}: ${file} differs from dist/${file}`);
    }
  }
  return ms;
}

/** Measures the four scenarios `reps` times, interleaved, and prints medians and ratios. */
export function runEndToEnd(reps: number): void {
  const dir = copyProject();
  let edits = 0;
  const edit = () => fs.appendFileSync(path.join(dir, 'main.ts'), `// benchmark edit ${++edits}\n`);
  const times: Record<Scenario, number[]> = { 'ts-node': [], 'cold': [], 'edited': [], 'unchanged': [] };
  try {
    cdk8sSynth(dir, 'cold'); // primes the cache for the first 'edited'
    for (let rep = 0; rep < reps; rep++) {
      // ts-node takes its turn in every position; Peapod's steps keep their order, each leaving the cache the next one needs.
      const steps: Array<() => void> = [
        () => {
          fs.rmSync(path.join(dir, '.build'), { recursive: true, force: true });
          times.cold.push(cdk8sSynth(dir, 'cold'));
        },
        () => {
          edit();
          times.edited.push(cdk8sSynth(dir, 'edited'));
          times.unchanged.push(cdk8sSynth(dir, 'unchanged'));
        },
      ];
      const order = rotate([0, 1, 2], rep);
      for (const slot of order) {
        if (slot === 2) {
          times['ts-node'].push(cdk8sSynth(dir, 'ts-node'));
        } else {
          steps[slot]();
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const baseline = median(times['ts-node']);
  console.log(`\nEnd to end: cdk8s synth of the example app, process start to dist/ written; median of ${reps}`);
  console.log(`  ${'setup'.padEnd(44)}${'ms'.padStart(8)}${'speed-up'.padStart(10)}`);
  console.log(`  ${'ts-node (cdk8s init: npx ts-node main.ts)'.padEnd(44)}${baseline.toFixed(0).padStart(8)}${'1.0x'.padStart(10)}`);
  const rows: Array<[Scenario, string]> = [
    ['cold', 'Peapod, no cache (fresh clone, CI)'],
    ['edited', 'Peapod, after an edit of main.ts'],
    ['unchanged', 'Peapod, nothing changed since last synth'],
  ];
  for (const [scenario, label] of rows) {
    const ms = median(times[scenario]);
    console.log(`  ${label.padEnd(44)}${ms.toFixed(0).padStart(8)}${`${(baseline / ms).toFixed(2)}x`.padStart(10)}`);
  }
}
