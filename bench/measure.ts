import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PodTemplate } from '../lib';
import { ManifestObject } from '../lib/_manifest-object';
import * as engine from '../lib/validation/engine';
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
  /** Of `ms`, the time spent in Peapod's Pod checks (`PodTemplate.validate`). */
  readonly checksMs: number;
  /**
   * Of `ms`, all of Peapod's validation: the whole pass that collects
   * problems (every rule, app checks, rule levels, the walk of the tree),
   * less the rendering of manifests done inside it, which synth would do
   * anyway to write them and does only once.
   */
  readonly validationMs: number;
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

interface Spent {
  /** In `PodTemplate.validate`. */
  podChecks: number;
  /** In the validation pass, less the rendering done in it. */
  validation: number;
}

// Counts the time spent in validation, two ways (see Sample).
function instrumentValidation(): Spent {
  const spent: Spent = { podChecks: 0, validation: 0 };
  let collecting = false;
  let rendering = 0;
  timeCalls(PodTemplate.prototype, 'validate', (ms) => (spent.podChecks += ms));
  // Rendering: a Pod's manifest, which validation asks for first.
  timeCalls(ManifestObject.prototype, 'toJson', (ms) => collecting && (rendering += ms));
  timeCalls(engine, 'collectProblems', (ms) => (spent.validation += ms - rendering), {
    before: () => {
      collecting = true;
      rendering = 0;
    },
    after: () => (collecting = false),
  });
  return spent;
}

// Replaces `owner[name]` with a wrapper that reports the milliseconds of each call.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function timeCalls(owner: any, name: string, report: (ms: number) => void, hooks: { before?: () => void; after?: () => void } = {}): void {
  const original = owner[name] as (...args: unknown[]) => unknown;
  owner[name] = function (this: unknown, ...args: unknown[]) {
    hooks.before?.();
    const start = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      report(performance.now() - start);
      hooks.after?.();
    }
  };
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
  // Only Peapod's run is instrumented: the wrappers cost a little, and must not slow the others.
  const spent: Spent = v === 'peapod' ? instrumentValidation() : { podChecks: 0, validation: 0 };
  const runs: Array<{ ms: number; checksMs: number; validationMs: number }> = [];
  let yaml: string | undefined;
  // An odd count, so that the median is one run's figure, not the slower of two.
  const wanted = Math.min(MAX_RUNS, Math.max(1, Math.round(TIMED_PODS / pods)));
  const timedRuns = quick ? 1 : wanted % 2 === 0 ? wanted + 1 : wanted;
  for (let i = 0; i < timedRuns; i++) {
    // No forced gc() here: after one, V8 runs the next synth several times slower.
    spent.podChecks = 0;
    spent.validation = 0;
    const run = synthOnce(v, pods, quick);
    yaml ??= run.yaml;
    runs.push({ ms: run.ms, checksMs: spent.podChecks, validationMs: spent.validation });
  }
  runs.sort((a, b) => a.ms - b.ms);
  const middle = runs[Math.floor(runs.length / 2)];
  const sample: Sample = { variant: v, pods, ms: middle.ms, checksMs: middle.checksMs, validationMs: middle.validationMs, maxRssKiB: process.resourceUsage().maxRSS, yaml };
  process.stdout.write(JSON.stringify(sample) + '\n');
}

if (require.main === module) {
  main();
}
