import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import type { Sample } from './measure';
import { median, rotate } from './stats';
import { Baseline, BASELINES, Variant, VARIANTS } from './workloads';

/*
 * The synth benchmark: `npm run bench` (all of it), `npm run bench -- --quick`
 * (checks that it runs and that the three variants write what they should;
 * no figures worth reading).
 *
 * Options: --sizes 100,1000,10000   --reps 5   --no-e2e   --no-process   --no-in-process   --quick
 *
 * In process: each measurement runs in a child process of its own
 * (bench/measure.ts), so peak memory is per variant and size, and times
 * building the app and its synth after a warm-up. Whole process
 * (bench/whole-process.ts): node start to exit, without warm-up, as a
 * user runs synth, beside a floor that builds the same Pods as plain
 * objects, JSON.stringify's them and writes one file, and beside the same
 * Pods' names and labels as bare cdk8s ApiObjects, rendered and not
 * written (the share of the floor ratio cdk8s's object model takes). Repetitions are
 * interleaved (the order of the variants rotates) and every figure is a median.
 * Absolute times on a shared machine are noise; the ratios, measured in
 * the same run, are the result.
 */

const ROOT = path.resolve(__dirname, '..');
// Private to this run, and removed after it: runs may overlap (a test and a benchmark).
const BUILD = path.join(ROOT, '.build', `bench-${process.pid}`);

interface Options {
  readonly quick: boolean;
  readonly sizes: readonly number[];
  readonly reps: number;
  readonly e2e: boolean;
  readonly wholeProcess: boolean;
  readonly inProcess: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes('--quick');
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  const sizes = (value('--sizes') ?? (quick ? '5' : '100,1000,10000')).split(',').map(Number);
  const reps = Number(value('--reps') ?? (quick ? 1 : 5));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(reps) || reps < 1) {
    throw new Error(`--sizes takes whole numbers separated by commas and --reps a whole number; got ${argv.join(' ')}`);
  }
  return { quick, sizes, reps, e2e: !quick && !argv.includes('--no-e2e'), wholeProcess: !argv.includes('--no-process'), inProcess: quick || !argv.includes('--no-in-process') };
}

/** Transpiles lib/ and bench/ once, so that every child starts as plain JavaScript, the same way for each variant. */
function compile(): void {
  const options: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  for (const file of ts.sys.readDirectory(ROOT, ['.ts'], ['**/*.d.ts'], ['lib/**/*', 'bench/**/*'])) {
    const out = path.join(BUILD, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file }).outputText);
  }
}

function measure(variant: Variant, pods: number, quick: boolean): Sample {
  const args = [path.join(BUILD, 'bench', 'measure.js'), variant, String(pods), ...(quick ? ['--quick'] : [])];
  // The warnings Peapod prints are written, as for a user, and not shown.
  const out = childProcess.execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out.trim().split('\n').pop()!) as Sample;
}

type ProcessVariant = Variant | Baseline;
const PROCESS_VARIANTS: readonly ProcessVariant[] = [...VARIANTS, ...BASELINES];

interface ProcessSample {
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly maxRssMiB: number;
}

/** One whole process, node start to exit: its CPU time (the steadier figure on a busy machine), wall time and peak memory. */
function measureProcess(variant: ProcessVariant, pods: number): ProcessSample {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'peapod-bench-process-'));
  try {
    const start = performance.now();
    const out = childProcess.execFileSync(process.execPath, [path.join(BUILD, 'bench', 'whole-process.js'), variant, String(pods), path.join(outdir, 'dist')], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const wallMs = performance.now() - start;
    const { cpuMs, maxRssKiB } = JSON.parse(out) as { cpuMs: number; maxRssKiB: number };
    return { cpuMs, wallMs, maxRssMiB: maxRssKiB / 1024 };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

// Each repetition runs every variant in turn; a ratio is the median of the repetitions' ratios, so that it holds when the machine's speed drifts.
function runWholeProcess(pods: number, reps: number): void {
  const rows: Array<Record<ProcessVariant, ProcessSample>> = [];
  for (let rep = 0; rep < reps; rep++) {
    const row = {} as Record<ProcessVariant, ProcessSample>;
    for (const variant of rotate(PROCESS_VARIANTS, rep)) {
      row[variant] = measureProcess(variant, pods);
    }
    rows.push(row);
  }
  const of = (f: (row: Record<ProcessVariant, ProcessSample>) => number) => median(rows.map(f));
  const label: Record<ProcessVariant, string> = { ...LABEL, floor: 'floor (plain objects, JSON)', 'cdk8s-objects': 'cdk8s objects (toJson only)' };
  console.log(`
Whole process, N = ${pods.toLocaleString('en-US')} Pods (node start to exit, warnings printed as for a user); median of ${reps}`);
  console.log(`  ${'variant'.padEnd(28)}${'CPU ms'.padStart(10)}${'wall ms'.padStart(10)}${'peak MiB'.padStart(10)}`);
  for (const v of PROCESS_VARIANTS) {
    console.log(`  ${label[v].padEnd(28)}${fmt(of((r) => r[v].cpuMs), 0).padStart(10)}${fmt(of((r) => r[v].wallMs), 0).padStart(10)}${fmt(of((r) => r[v].maxRssMiB)).padStart(10)}`);
  }
  const ratio = (f: (s: ProcessSample) => number, to: ProcessVariant, from: ProcessVariant = 'peapod') => {
    const ratios = rows.map((r) => f(r[from]) / f(r[to]));
    return fmt(median(ratios), 2);
  };
  const ratios = (f: (s: ProcessSample) => number) =>
    `Peapod/L1 ${ratio(f, 'l1')}   Peapod/floor ${ratio(f, 'floor')}   Peapod/cdk8s-objects ${ratio(f, 'cdk8s-objects')}`;
  console.log(`  ${ratios((s) => s.cpuMs)}   Peapod/L1 peak memory ${ratio((s) => s.maxRssMiB, 'l1')}   (CPU time)`);
  console.log(`  ${ratios((s) => s.wallMs)}   (wall time)`);
  // How much of the floor ratio cdk8s's object model takes before Peapod does anything.
  console.log(`  cdk8s-objects/floor ${ratio((s) => s.cpuMs, 'floor', 'cdk8s-objects')}   (CPU time)`);
}

interface SizeResult {
  readonly pods: number;
  readonly ms: Record<Variant, number>;
  readonly maxRssMiB: Record<Variant, number>;
  readonly checksShare: number;
  readonly validationShare: number;
  readonly samples: Sample[];
}

function runSize(pods: number, options: Options): SizeResult {
  const samples: Sample[] = [];
  for (let rep = 0; rep < options.reps; rep++) {
    for (const variant of rotate(VARIANTS, rep)) {
      samples.push(measure(variant, pods, options.quick));
    }
  }
  const of = (v: Variant) => samples.filter((s) => s.variant === v);
  const perVariant = (f: (s: Sample) => number) => Object.fromEntries(VARIANTS.map((v) => [v, median(of(v).map(f))])) as Record<Variant, number>;
  return {
    pods,
    ms: perVariant((s) => s.ms),
    maxRssMiB: perVariant((s) => s.maxRssKiB / 1024),
    checksShare: median(of('peapod').map((s) => s.checksMs / s.ms)),
    validationShare: median(of('peapod').map((s) => s.validationMs / s.ms)),
    samples,
  };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const LABEL: Record<Variant, string> = { peapod: 'Peapod', l1: 'cdk8s L1 (k8s.KubePod)', plus27: 'cdk8s-plus-27 (kplus.Pod)' };

function printSize(r: SizeResult, reps: number): void {
  console.log(`\nN = ${r.pods.toLocaleString('en-US')} Pods, 2 containers each; median of ${reps}`);
  console.log(`  ${'variant'.padEnd(28)}${'synth ms'.padStart(10)}${'ms/Pod'.padStart(9)}${'peak MiB'.padStart(10)}`);
  for (const v of VARIANTS) {
    console.log(`  ${LABEL[v].padEnd(28)}${fmt(r.ms[v]).padStart(10)}${fmt(r.ms[v] / r.pods, 3).padStart(9)}${fmt(r.maxRssMiB[v]).padStart(10)}`);
  }
  console.log(`  Peapod/L1 time ${fmt(r.ms.peapod / r.ms.l1, 2)}   Peapod/plus-27 time ${fmt(r.ms.peapod / r.ms.plus27, 2)} (${fmt(r.ms.plus27 / r.ms.peapod, 1)}x faster)`);
  console.log(`  Peapod/L1 peak memory ${fmt(r.maxRssMiB.peapod / r.maxRssMiB.l1, 2)}`);
  console.log(`  validation ${pct(r.validationShare)} of Peapod's synth (of which the Pod checks, PodTemplate.validate: ${pct(r.checksShare)})`);
}

/** In quick mode: Peapod writes exactly what the same Pods written with L1 classes give; plus-27 writes N Pods of its own. */
function checkOutputs(results: readonly SizeResult[]): void {
  for (const r of results) {
    const yamlOf = (v: Variant) => r.samples.find((s) => s.variant === v)!.yaml!;
    if (yamlOf('peapod') !== yamlOf('l1')) {
      throw new Error(`N=${r.pods}: Peapod's YAML differs from the L1 variant's; the workloads in bench/workloads.ts must describe the same Pods`);
    }
    const plus = yamlOf('plus27');
    const docs = plus.split(/^---$/m);
    const pods = docs.filter((d) => /^kind: Pod$/m.test(d));
    if (docs.length !== r.pods || pods.length !== r.pods || !pods.every((d) => d.includes('name: web-server') && d.includes('nodeAffinity'))) {
      throw new Error(`N=${r.pods}: cdk8s-plus-27 wrote ${pods.length} Pods in ${docs.length} documents; expected ${r.pods} with a web-server container and node affinity`);
    }
    // The validation instruments must have seen the checks run, and the Pod checks within the whole pass.
    const peapod = r.samples.find((s) => s.variant === 'peapod')!;
    if (!(peapod.checksMs > 0 && peapod.validationMs >= peapod.checksMs)) {
      throw new Error(`N=${r.pods}: validation measured ${peapod.validationMs} ms, the Pod checks ${peapod.checksMs} ms; the instruments in bench/measure.ts no longer see them`);
    }
    console.log(`  outputs checked at N = ${r.pods}: Peapod = L1 byte for byte; plus-27 wrote ${pods.length} Pods`);
  }
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  compile();
  try {
    runAll(options);
  } finally {
    fs.rmSync(BUILD, { recursive: true, force: true });
  }
}

function runAll(options: Options): void {
  console.log(`Synth benchmark${options.quick ? ' (quick: checks that it runs, figures mean nothing)' : ''}; node ${process.version}, ${os.cpus().length} CPUs`);
  const results = (options.inProcess ? options.sizes : []).map((pods) => {
    const result = runSize(pods, options);
    printSize(result, options.reps);
    return result;
  });
  if (options.quick) {
    checkOutputs(results);
  }
  if (options.wholeProcess) {
    for (const pods of options.sizes) {
      runWholeProcess(pods, options.reps);
    }
  }
  if (options.e2e) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./e2e') as typeof import('./e2e')).runEndToEnd(options.reps);
  }
}

if (require.main === module) {
  main();
}
