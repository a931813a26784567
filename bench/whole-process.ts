import * as fs from 'fs';
import * as path from 'path';
import { BASELINES, buildWorkload, floorPods, Variant, VARIANTS } from './workloads';

/*
 * One whole-process run, timed from outside by bench/run.ts (node start to
 * exit): `whole-process.js <variant|floor|cdk8s-objects> <pods> <outdir>`.
 * Builds the app and synthesizes it, printing warnings as a user gets them
 * (stderr); for the floor, builds the same Pods as plain objects,
 * JSON.stringify's them and writes one file; for cdk8s-objects, creates
 * their names and labels as bare cdk8s ApiObjects and renders each with
 * toJson(), writing nothing. Prints the process's CPU time (ms) and peak
 * memory (KiB) on stdout, as JSON.
 */

function main(): void {
  const [variant, podsArg, outdir] = process.argv.slice(2);
  const pods = Number(podsArg);
  if (!([...VARIANTS, ...BASELINES] as readonly string[]).includes(variant) || !Number.isInteger(pods) || pods < 1 || !outdir) {
    throw new Error(`usage: whole-process.ts <${[...VARIANTS, ...BASELINES].join('|')}> <pods> <outdir>; got ${process.argv.slice(2).join(' ')}`);
  }
  if (variant === 'cdk8s-objects') {
    // Loaded here only: the other runs must not pay for loading cdk8s.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./cdk8s-objects') as typeof import('./cdk8s-objects')).renderCdk8sObjects(pods);
  } else if (variant === 'floor') {
    fs.mkdirSync(outdir, { recursive: true });
    fs.writeFileSync(path.join(outdir, 'bench.json'), floorPods(pods).map((pod) => JSON.stringify(pod)).join('\n') + '\n');
  } else {
    buildWorkload(variant as Variant, pods, outdir).synth();
  }
  const usage = process.resourceUsage();
  process.stdout.write(`${JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKiB: usage.maxRSS })}\n`);
}

main();
