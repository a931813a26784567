import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PodTemplate } from '../lib';
import { buildWorkload, Variant, VARIANTS } from './workloads';

/*
 * One measurement, in a process of its own so that peak memory belongs to
 * one variant and one size: `measure.ts <variant> <pods> [--quick]`.
 * Warms the JIT up first (on the same number of Pods whatever the size), then times building the app and synthesizing it
 * to YAML files: once for large apps, several times (taking the median)
 * for small ones, whose single runs are too short to time. Prints one line
 * of JSON: a {@link Sample}.
 */

/** What one measurement reports. */
export interface Sample {
  readonly variant: Variant;
  readonly pods: number;
  /** Building the constructs plus `app.synth()`, in milliseconds. */
  readonly ms: number;
  /** Of `ms`, the time spent in Peapod's Pod checks (rendering is shared with synth and not counted). */
  readonly checksMs: number;
  /** Peak resident set size of the process, in KiB. */
  readonly maxRssKiB: number;
  /** With `--quick`: the synthesized manifests. */
  readonly yaml?: string;
}

const WARMUP_PODS = 500;
const WARMUP_RUNS = 3;
// Small apps are synthesized again until about this many Pods were timed.
const TIMED_PODS = 2_000;
const MAX_RUNS = 20;

function synthOnce(variant: Variant, pods: number, keepYaml = false): { ms: number; yaml?: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'peapod-bench-'));
  try {
    const start = performance.now();
    buildWorkload(variant, pods, outdir).synth();
    const ms = performance.now() - start;
    const yaml = keepYaml ? fs.readdirSync(outdir).sort().map((file) => fs.readFileSync(path.join(outdir, file), 'utf8')).join('') : undefined;
    return { ms, yaml };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

// Counts the time spent in the checks of every Pod (and workload template).
function instrumentChecks(): { total: number } {
  const spent = { total: 0 };
  const validate = PodTemplate.prototype.validate;
  PodTemplate.prototype.validate = function (this: PodTemplate, ...args: Parameters<typeof validate>) {
    const start = performance.now();
    try {
      return validate.apply(this, args);
    } finally {
      spent.total += performance.now() - start;
    }
  };
  return spent;
}

function main(): void {
  const [variant, podsArg, flag] = process.argv.slice(2);
  const pods = Number(podsArg);
  if (!VARIANTS.includes(variant as Variant) || !Number.isInteger(pods) || pods < 1) {
    throw new Error(`usage: measure.ts <${VARIANTS.join('|')}> <pods> [--quick]; got ${process.argv.slice(2).join(' ')}`);
  }
  const v = variant as Variant;
  // --quick: one run, no warm-up, and the YAML for the caller to check.
  const quick = flag === '--quick';
  for (let i = 0; i < (quick ? 0 : WARMUP_RUNS); i++) {
    synthOnce(v, WARMUP_PODS);
  }
  const checks = instrumentChecks();
  const runs: Array<{ ms: number; checksMs: number }> = [];
  let yaml: string | undefined;
  const timedRuns = quick ? 1 : Math.min(MAX_RUNS, Math.max(1, Math.round(TIMED_PODS / pods)));
  for (let i = 0; i < timedRuns; i++) {
    // No forced gc() here: after one, V8 runs the next synth several times slower.
    checks.total = 0;
    const run = synthOnce(v, pods, quick);
    yaml ??= run.yaml;
    runs.push({ ms: run.ms, checksMs: checks.total });
  }
  runs.sort((a, b) => a.ms - b.ms);
  const middle = runs[Math.floor(runs.length / 2)];
  const sample: Sample = { variant: v, pods, ms: middle.ms, checksMs: middle.checksMs, maxRssKiB: process.resourceUsage().maxRSS, yaml };
  process.stdout.write(JSON.stringify(sample) + '\n');
}

if (require.main === module) {
  main();
}
