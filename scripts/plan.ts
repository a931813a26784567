/**
 * `peapod plan [ENTRY.ts]` (`npm run plan` here): where each Pod of an app
 * can land on a cluster profile, the design advisor's findings, and each
 * Pod's Pod Security level, without writing any manifest.
 *
 *   peapod plan                              # main.ts, readable table
 *   peapod plan other.ts --profile nodes.yaml  # a real cluster: `kubectl get nodes -o yaml > nodes.yaml`
 *   peapod plan --json                       # the same, as JSON for machines
 *
 * The entry file exports `buildApp(props)`, a function returning the app
 * (main.ts here and in `peapod init` projects does), or `app`, the App
 * itself. Exits 1 when a finding is an error (a Pod that fits no node), or
 * when the enforced Pod Security level refuses a Pod, as synth would.
 */
import * as os from 'os';
import * as path from 'path';
import type { Advisor, App, AppProps, ClusterProfile, PlanEntry, podSecurityOf, renderPodSecurity, SchedulingPreview } from '../lib';
// The problem formatter alone: the plan uses the classes of the Peapod the entry loads (see EntryLoader).
import { formatProblem } from '../lib/validation/problem';

const USAGE = 'usage: peapod plan [ENTRY.ts] [--profile FILE] [--json]   (npm run plan -- ...; ENTRY defaults to main.ts)';

interface Options {
  readonly help: boolean;
  readonly json: boolean;
  readonly entry: string;
  readonly profileFile?: string;
}

function parseArgs(args: readonly string[]): Options {
  let json = false;
  let help = false;
  let profileFile: string | undefined;
  let entry: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') {
      json = true;
    } else if (arg === '--profile' && args[i + 1] !== undefined) {
      profileFile = args[++i];
    } else if (arg.startsWith('--profile=')) {
      profileFile = arg.slice('--profile='.length);
    } else if (arg === '--help' || arg === '-h') {
      help = true;
    } else if (!arg.startsWith('-') && entry === undefined && /\.[cm]?[jt]sx?$/.test(arg)) {
      entry = arg;
    } else {
      throw new Error(`unknown argument "${arg}". ${USAGE}`);
    }
  }
  return { help, json, entry: entry ?? 'main.ts', profileFile };
}

/** What plan needs of the Peapod module an entry file uses: its own classes, so that `instanceof` holds. */
export interface PlanLibrary {
  readonly Advisor: typeof Advisor;
  readonly ClusterProfile: typeof ClusterProfile;
  readonly podSecurityOf: typeof podSecurityOf;
  readonly renderPodSecurity: typeof renderPodSecurity;
}

/** An entry file, loaded: its exports and the Peapod module it uses. */
export interface LoadedEntry {
  readonly exports: Record<string, unknown>;
  readonly peapod: PlanLibrary;
}

/** Loads an entry file as a module; by default with `require`, Peapod being the one this file imports. */
export type EntryLoader = (file: string) => LoadedEntry;

/* eslint-disable @typescript-eslint/no-require-imports -- the entry is only known at run time */
const requireEntry: EntryLoader = (file) => ({
  exports: require(file) as Record<string, unknown>,
  peapod: require('../lib') as PlanLibrary,
});
/* eslint-enable @typescript-eslint/no-require-imports */

/** The plan as a readable table, one block per Pod or workload. */
export function renderPlan(entries: readonly PlanEntry[], profile: ClusterProfile | undefined): string {
  const lines: string[] = [];
  if (profile) {
    lines.push(`Cluster profile: ${profile.nodes.length} node${profile.nodes.length === 1 ? '' : 's'} (${profile.nodes.map((n) => n.name).join(', ')}), taken as empty`, '');
  } else {
    lines.push('No cluster profile: pass --profile FILE (from `kubectl get nodes -o yaml`) or give the Advisor a profile to preview scheduling.', '');
  }
  for (const entry of entries) {
    if (entry.preview) {
      lines.push(...renderPreview(entry.construct, entry.preview), '');
    }
  }
  const problems = entries.flatMap((entry) => entry.problems);
  if (problems.length === 0) {
    lines.push('No findings.');
  } else {
    lines.push('Findings:');
    for (const problem of problems) {
      lines.push(`  ${problem.severity} [${problem.construct}] ${formatProblem(problem)}`);
    }
  }
  return lines.join('\n');
}

function renderPreview(construct: string, preview: SchedulingPreview): string[] {
  const requests = Object.entries(preview.requests).map(([resource, amount]) => `${resource} ${amount}`);
  const asked = preview.replicas === undefined ? 'one per node' : `${preview.replicas} replica${preview.replicas === 1 ? '' : 's'}`;
  const rows = preview.nodes.map((fit) => [
    fit.node,
    fit.fits ? 'yes' : 'no',
    fit.fits ? String(fit.copies) : '0',
    fit.largestShare ? `${Math.round(fit.largestShare.fraction * 100)}% ${fit.largestShare.resource}` : '-',
    fit.reasons.join('; '),
  ]);
  const outcome =
    preview.fittingNodes.length === 0
      ? 'fits no node: it would stay Pending'
      : preview.replicas === undefined
        ? `runs on ${preview.placed} of ${preview.nodes.length} nodes`
        : `${preview.placed} of ${preview.replicas} placed; room for ${preview.capacity} on the empty nodes`;
  return [
    `${construct}  (${preview.kind} ${preview.name}, ${asked}, ${requests.length > 0 ? `requests ${requests.join(', ')}` : 'no requests'})`,
    ...table(['NODE', 'FITS', 'COPIES', 'LARGEST SHARE', 'WHY NOT'], rows).map((line) => `  ${line}`),
    `  => ${outcome}`,
  ];
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/**
 * Runs the plan command with the given arguments, writing its output with
 * `write`; returns the exit code: 0, or 1 when a finding is an error.
 */
export function runPlan(args: readonly string[], write: (text: string) => void, load: EntryLoader = requireEntry): number {
  const options = parseArgs(args);
  if (options.help) {
    write(`${USAGE}\n`);
    return 0;
  }
  const entry = path.resolve(options.entry);
  const { exports, peapod } = load(entry);
  const profile = options.profileFile ? peapod.ClusterProfile.fromFile(path.resolve(options.profileFile)) : undefined;
  const app = appOf(exports, options.entry, {
    // The plan writes nothing; the outdir only has to be somewhere harmless.
    outdir: path.join(os.tmpdir(), 'peapod-plan-never-written'),
    ...(profile ? { profile } : {}),
  });
  const advisor = peapod.Advisor.of(app) ?? new peapod.Advisor(app, 'plan-advisor', { profile });
  const entries = advisor.plan();
  const podSecurity = peapod.podSecurityOf(app);
  if (options.json) {
    const nodes = advisor.profile?.nodes.map((node) => node.name) ?? null;
    write(`${JSON.stringify({ nodes, entries, podSecurity }, null, 2)}\n`);
  } else {
    write(`${renderPlan(entries, advisor.profile)}\n\n${peapod.renderPodSecurity(podSecurity)}\n`);
  }
  const refused = podSecurity.some((status) => status.refused);
  return refused || entries.some((entry) => entry.problems.some((problem) => problem.severity === 'error')) ? 1 : 0;
}

/** The app an entry module gives: `buildApp(props)` called, or its `app` export. */
function appOf(exports: Record<string, unknown>, entry: string, props: AppProps & { readonly profile?: ClusterProfile }): App {
  if (typeof exports.buildApp === 'function') {
    return (exports.buildApp as (p: typeof props) => App)(props);
  }
  if (typeof exports.app === 'object' && exports.app !== null) {
    return exports.app as App;
  }
  throw new Error(
    `${entry} exports neither buildApp nor app, so plan cannot build the app without synthesizing it. ` +
      'Fix: export a function `buildApp(props: AppProps = {}): App` that creates the app and its charts, and call `buildApp().synth()` under `if (require.main === module)`',
  );
}
