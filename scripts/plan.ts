/**
 * `npm run plan`: where each Pod of the example app can land on the
 * cluster profile, the design advisor's findings, and each Pod's Pod
 * Security level, without writing any manifest.
 *
 *   npm run plan                              # readable table, main.ts's example cluster
 *   npm run plan -- --profile nodes.yaml      # a real cluster: `kubectl get nodes -o yaml > nodes.yaml`
 *   npm run plan -- --json                    # the same, as JSON for machines
 *
 * Exits 1 when a finding is an error (a Pod that fits no node), or when
 * the enforced Pod Security level refuses a Pod, as synth would.
 */
import * as os from 'os';
import * as path from 'path';
import { buildApp } from '../main';
import { Advisor, ClusterProfile, formatProblem, PlanEntry, podSecurityOf, renderPodSecurity, SchedulingPreview } from '../lib';

const USAGE = 'usage: npm run plan -- [--profile FILE] [--json]';

interface Options {
  readonly help: boolean;
  readonly json: boolean;
  readonly profileFile?: string;
}

function parseArgs(args: readonly string[]): Options {
  let json = false;
  let help = false;
  let profileFile: string | undefined;
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
    } else {
      throw new Error(`unknown argument "${arg}". ${USAGE}`);
    }
  }
  return { help, json, profileFile };
}

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
export function runPlan(args: readonly string[], write: (text: string) => void): number {
  const options = parseArgs(args);
  if (options.help) {
    write(`${USAGE}\n`);
    return 0;
  }
  const profile = options.profileFile ? ClusterProfile.fromFile(path.resolve(options.profileFile)) : undefined;
  // The plan writes nothing; the outdir only has to be somewhere harmless.
  const app = buildApp({ outdir: path.join(os.tmpdir(), 'peapod-plan-never-written'), ...(profile ? { profile } : {}) });
  const advisor = Advisor.of(app) ?? new Advisor(app, 'plan-advisor', { profile });
  const entries = advisor.plan();
  const podSecurity = podSecurityOf(app);
  if (options.json) {
    const nodes = advisor.profile?.nodes.map((node) => node.name) ?? null;
    write(`${JSON.stringify({ nodes, entries, podSecurity }, null, 2)}\n`);
  } else {
    write(`${renderPlan(entries, advisor.profile)}\n\n${renderPodSecurity(podSecurity)}\n`);
  }
  const refused = podSecurity.some((status) => status.refused);
  return refused || entries.some((entry) => entry.problems.some((problem) => problem.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exitCode = runPlan(process.argv.slice(2), (text) => process.stdout.write(text));
  } catch (error) {
    process.stderr.write(`plan: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
