/**
 * The `peapod` command line (bin/peapod.js runs the compiled copy of this
 * file; `synth` is handed to scripts/synth.js before this file loads).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { EntryLoader, PlanLibrary } from './plan';

/** The commands, in the order `peapod --help` lists them. */
const COMMANDS = [
  { name: 'init', usage: 'peapod init [DIR] [--no-install] [--peapod SPEC]', summary: 'start a new Peapod project in DIR (default: here), then npm install in it' },
  { name: 'synth', usage: 'peapod synth [ENTRY.ts]', summary: 'type-check ENTRY (default main.ts) and run it, writing dist/ all or nothing: the synth script (`npm run synth`), and the app command of cdk8s.yaml' },
  { name: 'plan', usage: 'peapod plan [ENTRY.ts] [--profile FILE] [--json]', summary: 'where each Pod can land on a cluster profile, and the design advice; writes nothing' },
  { name: 'import', usage: 'peapod import FILE|FOLDER... [-o OUT.ts] [--class NAME]', summary: 'turn Kubernetes YAML into a Peapod chart class' },
  { name: 'help', usage: 'peapod help [COMMAND]', summary: 'this list, or one command’s own help' },
] as const;

type CommandName = (typeof COMMANDS)[number]['name'];

function help(): string {
  const width = Math.max(...COMMANDS.map((command) => command.usage.length));
  return [
    'usage: peapod COMMAND [ARGS]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`),
    '',
    "`peapod COMMAND --help` prints the command's options. Documentation: the README of the peapod package.",
    '',
  ].join('\n');
}

function isCommand(name: string | undefined): name is CommandName {
  return COMMANDS.some((command) => command.name === name);
}

/** Runs `peapod ARGS` and returns the exit code. */
export function main(args: readonly string[]): number {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || (command === 'help' && rest.length === 0)) {
    process.stdout.write(help());
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${ownPackage().version}\n`);
    return 0;
  }
  if (command === 'help') {
    return isCommand(rest[0]) && rest[0] !== 'help' ? main([rest[0], '--help']) : unknown(rest[0]);
  }
  switch (command) {
    case 'import':
      return runImport(args);
    case 'plan':
      return runPlanCommand(rest);
    case 'init':
      return runInit(rest);
    case 'synth':
      // bin/peapod.js hands synth to scripts/synth.js; here only when run some other way.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(path.join(packageRoot(), 'scripts', 'synth.js')).main(rest);
      return 0;
    default:
      return unknown(command);
  }
}

function unknown(command: string | undefined): number {
  process.stderr.write(`peapod: unknown command "${command}"\n\n${help()}`);
  return 64;
}

function runImport(args: readonly string[]): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { run } = require('../lib/import/cli') as typeof import('../lib/import/cli');
  const outcome = run(args);
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  return outcome.code;
}

function runPlanCommand(args: readonly string[]): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runPlan } = require('./plan') as typeof import('./plan');
  try {
    return runPlan(args, (text) => process.stdout.write(text), compiledEntry);
  } catch (error) {
    process.stderr.write(`peapod plan: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

/**
 * Loads an entry file the way synth runs it: type-checked and compiled by
 * scripts/synth.js (nothing is compiled when nothing changed), then
 * required. Its Peapod is the one its own imports loaded: in this
 * repository that is the compiled copy of lib/ beside the entry, not the
 * package build this command runs from.
 */
const compiledEntry: EntryLoader = (file) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const synth = require(path.join(packageRoot(), 'scripts', 'synth.js'));
  const target = synth.synthTarget(process.cwd(), file);
  const js: string | undefined = synth.compileEntry(target);
  if (js === undefined) {
    throw new Error(`the TypeScript check of ${path.relative(process.cwd(), file)} failed (above)`);
  }
  const before = new Set(Object.keys(require.cache));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports = require(js) as Record<string, unknown>;
  const loaded = Object.keys(require.cache).filter((id) => !before.has(id));
  const peapod = [...loaded, ...before].map((id) => require.cache[id]?.exports as Partial<PlanLibrary> | undefined).find(isPlanLibrary);
  if (!peapod) {
    throw new Error(`${path.relative(process.cwd(), file)} does not use Peapod: it loads no module exporting Advisor, ClusterProfile, podSecurityOf and renderPodSecurity`);
  }
  return { exports, peapod };
};

function isPlanLibrary(exports: Partial<PlanLibrary> | undefined): exports is PlanLibrary {
  return (
    typeof exports?.Advisor === 'function' &&
    typeof exports.ClusterProfile === 'function' &&
    typeof exports.podSecurityOf === 'function' &&
    typeof exports.renderPodSecurity === 'function'
  );
}

function runInit(args: readonly string[]): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runInit: init } = require('./init') as typeof import('./init');
  return init(args, { packageRoot: packageRoot(), write: (text) => process.stdout.write(text), warn: (text) => process.stderr.write(text) });
}

/** The folder of this package (its package.json), from build/scripts or from scripts/. */
function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    dir = path.dirname(dir);
  }
  return dir;
}

function ownPackage(): { version: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(packageRoot(), 'package.json')) as { version: string };
}

