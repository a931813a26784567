import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { camelCase, chartClassName, stringLiteral } from './code';
import { CLASS_NAME, importManifests, ImportResult } from './convert';
import { packagesMissingFrom, peapodSpecifier, SetupError } from './_project';
import { ImportError } from './problems';
import type { Problem } from '../validation/problem';
import { ImportInput } from './read';
import { chartsPerFolder, workloadsOf } from './_folders';
import { warningSummary } from './_warning-summary';

const USAGE = `usage: peapod import FILE|FOLDER... [-o OUT.ts] [--class NAME] [--from MODULE] [--no-typecheck]
       peapod import FOLDER... --chart-per-folder -o OUTDIR [--from MODULE] [--no-typecheck]

Converts Kubernetes YAML into a Peapod chart class: Pods, Deployments,
ReplicaSets, StatefulSets, DaemonSets, Jobs, CronJobs, Services, Ingresses,
HorizontalPodAutoscalers, PodDisruptionBudgets, NetworkPolicies,
ServiceAccounts, ConfigMaps and Secrets as Peapod's classes, other kinds of
Kubernetes 1.27 as their cdk8s-plus-27 L1 class (k8s.KubeX), and custom
resources as a plain ApiObject. FILE "-" reads standard input; a FOLDER
stands for its .yaml, .yml and .json files and those of the folders under
it, all in one chart. The code is written to standard output, or to OUT.ts
with -o, only when the whole conversion succeeded and the code synthesizes
back to the input; otherwise nothing is written and the problems are listed.

  -o, --output FILE  write to FILE (replaced atomically) instead of standard output
  --class NAME       name of the chart class (default: from the first file's name)
  --from MODULE      module to import Peapod from (default: 'peapod' in a project
                     that installed it, the relative path to lib/ inside Peapod's own repository)
  --no-typecheck     skip compiling the code where it goes, with the project's tsconfig
  --chart-per-folder one chart class per folder that holds manifests, each in a file of
                     its own in OUTDIR (manifests/apps/db/ → OUTDIR/apps-db.ts, class AppsDbChart);
                     a Service selecting Pods of another folder's chart names it in a comment`;

/** What the command wrote and its exit code; `run` does no I/O on the console itself. */
export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `peapod ARGS`. Reads files (and `stdin` for `-`), writes the `-o`
 * file if asked; returns what goes to standard output and error.
 */
export function run(args: readonly string[], stdin: () => string = () => fs.readFileSync(0, 'utf8')): CliOutcome {
  const outcome = runImport(args, stdin);
  // Messages quote the input, which may hold terminal escape codes: shown as escapes, not obeyed.
  return { ...outcome, stderr: outcome.stderr.replace(TERMINAL_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) };
}

// eslint-disable-next-line no-control-regex -- control characters are what it finds
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function runImport(args: readonly string[], stdin: () => string): CliOutcome {
  const [command, ...rest] = args;
  if (command !== 'import') {
    return { code: command === undefined || command === '--help' || command === '-h' ? 0 : 64, stdout: '', stderr: `${USAGE}\n` };
  }
  const files: string[] = [];
  let output: string | undefined;
  let className: string | undefined;
  let from: string | undefined;
  let typecheck = true;
  let perFolder = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const next = rest[++i];
      if (next === undefined) {
        throw new UsageError(`${arg} needs a value`);
      }
      return next;
    };
    try {
      if (arg === '-o' || arg === '--output') {
        output = value();
      } else if (arg === '--class') {
        className = value();
      } else if (arg === '--from') {
        from = value();
      } else if (arg === '--no-typecheck') {
        typecheck = false;
      } else if (arg === '--chart-per-folder') {
        perFolder = true;
      } else if (arg === '-h' || arg === '--help') {
        return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
      } else if (arg.startsWith('-') && arg !== '-') {
        throw new UsageError(`unknown option ${arg}`);
      } else {
        files.push(arg);
      }
    } catch (error) {
      return { code: 64, stdout: '', stderr: `peapod import: ${(error as Error).message}\n${USAGE}\n` };
    }
  }
  if (files.length === 0) {
    return { code: 64, stdout: '', stderr: `peapod import: name the YAML files to import, or - for standard input\n${USAGE}\n` };
  }
  if (className !== undefined && !CLASS_NAME.test(className)) {
    return { code: 64, stdout: '', stderr: `peapod import: --class ${stringLiteral(className)} is not a class name; use PascalCase letters and digits\n` };
  }

  let inputs: ImportInput[];
  try {
    inputs = files.flatMap((file) => (file === '-' ? [{ file, text: stdin() }] : manifestFiles(file).map((each) => ({ file: each, text: readText(each) }))));
    if (inputs.length === 0) {
      throw new Error(`${files.join(', ')} holds no .yaml, .yml or .json file`);
    }
  } catch (error) {
    return { code: 66, stdout: '', stderr: `peapod import: ${(error as Error).message}\n` };
  }

  if (perFolder) {
    return importPerFolder(files, inputs, output, className, from, typecheck);
  }

  // Where the code goes decides how it names Peapod and how it is checked.
  const destination = output === undefined ? undefined : path.resolve(output);
  const dir = destination === undefined ? process.cwd() : path.dirname(destination);
  let result;
  try {
    result = importManifests(inputs, { className: className ?? folderClassName(files[0]), from: from ?? peapodSpecifier(dir) });
  } catch (error) {
    return importFailure(error);
  }
  const notes = summarizeNotes(result.placedNotes);

  // The promise of the command: the code synthesizes to the input. Check it
  // before writing anything, with Peapod's own validation.
  let warnings = '';
  const failure = roundTrip(result, destination ?? path.join(dir, `${result.className}.ts`), typecheck, notes, (found) => (warnings = warningSummary(found)), 'the round trip');
  if (failure) {
    return failure;
  }

  if (output === undefined) {
    return { code: 0, stdout: result.source, stderr: `${notes}${warnings}` };
  }
  try {
    stageFile(output, result.source).commit();
  } catch (error) {
    const reason = error instanceof UsageError ? error.message : describeWriteError(error as NodeJS.ErrnoException, output);
    return { code: 73, stdout: '', stderr: `${notes}peapod import: cannot write ${output}: ${reason}; nothing was written\n` };
  }
  return { code: 0, stdout: '', stderr: `${notes}${warnings}peapod import: wrote ${result.className} to ${output}\n` };
}

class UsageError extends Error {}

// The problems of the input, or a bug of the import: a message either way, never a stack trace.
function importFailure(error: unknown): CliOutcome {
  if (error instanceof ImportError) {
    return { code: 1, stdout: '', stderr: `${error.message}\n` };
  }
  return { code: 70, stdout: '', stderr: `peapod import: internal error: ${(error as Error).message}; nothing was written. Please report it with the input\n` };
}

// --chart-per-folder: a chart a folder, each round-tripped before any file is written.
function importPerFolder(roots: readonly string[], inputs: ImportInput[], output: string | undefined, className: string | undefined, from: string | undefined, typecheck: boolean): CliOutcome {
  if (output === undefined || className !== undefined) {
    const problem = output === undefined ? 'needs -o OUTDIR, the folder the charts go to' : 'names each class after its folder, so --class does not apply';
    return { code: 64, stdout: '', stderr: `peapod import: --chart-per-folder ${problem}\n${USAGE}\n` };
  }
  const outdir = path.resolve(output);
  if (fs.existsSync(outdir) && !fs.statSync(outdir).isDirectory()) {
    return { code: 64, stdout: '', stderr: `peapod import: --chart-per-folder writes into a folder, and ${output} is not one\n` };
  }
  const charts = chartsPerFolder(roots, inputs);
  const workloads = charts.map(workloadsOf);
  const results: { result: ImportResult; file: string; shown: string; stderr: string }[] = [];
  const problems: CliOutcome[] = [];
  charts.forEach((chart, i) => {
    try {
      const result = importManifests(chart.inputs, { className: chart.className, from: from ?? peapodSpecifier(outdir), workloadsElsewhere: workloads.filter((_, j) => j !== i).flat() });
      results.push({ result, file: path.join(outdir, chart.file), shown: path.join(output, chart.file), stderr: summarizeNotes(result.placedNotes) });
    } catch (error) {
      problems.push(importFailure(error));
    }
  });
  if (problems.length > 0) {
    // A bug of the import outweighs the problems of the input.
    return { code: Math.max(...problems.map((p) => p.code)), stdout: '', stderr: problems.map((p) => p.stderr).join('') };
  }
  const warnings: Problem[] = [];
  for (const entry of results) {
    const failure = roundTrip(entry.result, entry.file, typecheck, entry.stderr, (found) => warnings.push(...found), `the round trip of ${entry.result.className}`);
    if (failure) {
      return failure;
    }
  }
  fs.mkdirSync(outdir, { recursive: true });
  // The notes of each chart, the warnings of them all once, then what was written.
  const lines: string[] = [...results.map((r) => r.stderr), warningSummary(warnings)];
  // Every file is written in full beside its place first; only then are they renamed into place, so a
  // file that cannot be written (a full disk, a folder in the way) leaves none written.
  const staged: StagedFile[] = [];
  for (const { file, shown, result } of results) {
    try {
      staged.push(stageFile(file, result.source));
    } catch (error) {
      staged.forEach((s) => s.discard());
      const reason = error instanceof UsageError ? error.message : describeWriteError(error as NodeJS.ErrnoException, file);
      return { code: 73, stdout: '', stderr: `${lines.join('')}peapod import: cannot write ${shown}: ${reason}; nothing was written\n` };
    }
  }
  for (let i = 0; i < results.length; i++) {
    const { result, file, shown } = results[i];
    try {
      staged[i].commit();
    } catch (error) {
      // A rename beside the file failed after every write succeeded: rare (the folder replaced meanwhile); say what is where.
      staged.slice(i + 1).forEach((s) => s.discard());
      const reason = describeWriteError(error as NodeJS.ErrnoException, file);
      return { code: 73, stdout: '', stderr: `${lines.join('')}peapod import: cannot move ${shown} into place: ${reason}; the files listed as written above were, the rest not\n` };
    }
    lines.push(`peapod import: wrote ${result.className} to ${shown}\n`);
  }
  return { code: 0, stdout: '', stderr: lines.join('') };
}

// The generated code, run: its synth must give back the input, and it must compile where it will be written.
// The failure to report, if any: the input's, the setup's (no project where the code goes), or a bug of `what`.
function roundTrip(result: ImportResult, file: string, typecheck: boolean, notes: string, onWarnings: (warnings: readonly Problem[]) => void, what: string): CliOutcome | undefined {
  try {
    return checkRoundTrip(result, file, typecheck, notes, onWarnings);
  } catch (error) {
    if (error instanceof SetupError) {
      return { code: 69, stdout: '', stderr: `${notes}${error.message}; nothing was written\n` };
    }
    // A bug of the import, not of the input: a message to report, not a stack trace.
    return { code: 70, stdout: '', stderr: `${notes}peapod import: internal error, ${what} failed: ${(error as Error).message}; nothing was written. Please report it with the input\n` };
  }
}

function checkRoundTrip(result: ImportResult, file: string, typecheck: boolean, notes: string, onWarnings: (warnings: readonly Problem[]) => void): CliOutcome | undefined {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only here: the checks need the compiler and the whole DSL */
  const verify = require('./verify') as typeof import('./verify');
  const peapod = require('../index') as unknown;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const synth = verify.synthGenerated(result.source, result.className, { [result.from]: peapod }, { warnings: true });
  if (synth.errors.length > 0) {
    return {
      code: 1,
      stdout: '',
      stderr: `${notes}peapod import: the input breaks ${synth.errors.length === 1 ? 'a Peapod rule' : `${synth.errors.length} Peapod rules`}, which synth would report; nothing was written:\n  ${synth.errors.join('\n  ')}\n`,
    };
  }
  onWarnings(synth.warnings);
  const differences = verify.manifestDifferences(result.objects, synth.objects);
  const missing = typecheck ? packagesMissingFrom(path.dirname(file), result.source) : [];
  if (missing.length > 0) {
    // Not the import's fault, and not a compile error to report: the code has no project around it.
    throw new SetupError(
      `peapod import: ${file} is not inside a project that has ${missing.join(', ')} installed (no node_modules/${missing[0]} in ${path.dirname(file)} or a folder above it), so the code cannot be compiled where it goes; write it into your cdk8s project (npm install peapod there), start one with peapod init, or pass --no-typecheck`,
    );
  }
  const compiler = typecheck ? verify.typeCheckGenerated([{ path: file, text: result.source }]) : [];
  if (differences.length > 0 || compiler.length > 0) {
    const details = [...differences, ...compiler.map((m) => `does not compile: ${m}`)];
    return {
      code: 70,
      stdout: '',
      stderr: `${notes}peapod import: internal error, the generated code would not give back the input; nothing was written. Please report it with the input:\n  ${details.join('\n  ')}\n`,
    };
  }
  return undefined;
}

/**
 * The notes, one line each; a change made in more than three places is
 * said once, with the number of places and the first three.
 */
function summarizeNotes(notes: ImportResult['placedNotes']): string {
  const byMessage = new Map<string, string[]>();
  for (const { place, message } of notes) {
    byMessage.set(message, [...(byMessage.get(message) ?? []), place]);
  }
  return [...byMessage]
    .flatMap(([message, places]) =>
      places.length > 3 ? [`note: ${places.length} places: ${message}: ${places.slice(0, 3).join('; ')}; …\n`] : places.map((place) => `note: ${place}: ${message}\n`),
    )
    .join('');
}

/**
 * `file`, or when it is a folder the manifests in it and in the folders
 * under it, in the order of their paths: files whose names end in .yaml,
 * .yml or .json, as `kubectl apply -R -f` takes them.
 */
function manifestFiles(file: string): string[] {
  if (!fs.statSync(file).isDirectory()) {
    return [file];
  }
  return fs
    .readdirSync(file, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const child = path.join(file, entry.name);
      return entry.isDirectory() ? manifestFiles(child) : entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name) ? [child] : [];
    });
}

// A folder given first names the chart (`manifests/` → ManifestsChart); a file names it in importManifests.
function folderClassName(file: string | undefined): string | undefined {
  if (file === undefined || file === '-' || !fs.statSync(file).isDirectory()) {
    return undefined;
  }
  const name = path.basename(path.resolve(file));
  return camelCase(name) === undefined ? undefined : chartClassName(name);
}

/**
 * A file's text, decoded as kubectl decodes it: UTF-8, or UTF-16 after its
 * byte order mark. Bytes that are not text are refused, where a lenient
 * decoder would put U+FFFD in their place without a word.
 */
function readText(file: string): string {
  const bytes = fs.readFileSync(file);
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file} is not ${encoding.toUpperCase()} text (kubectl reads UTF-8, or UTF-16 with a byte order mark)`);
  }
}

/** A file written in full under a temporary name beside its target: `commit` renames it into place, `discard` removes it. */
interface StagedFile {
  commit(): void;
  discard(): void;
}

/**
 * Writes `text` beside `file` under a name no one can predict (created
 * exclusively, synced, so nothing planted there is written through),
 * refusing to replace anything but a regular file and keeping the mode of
 * the file it replaces. Nothing is at `file` until `commit` renames it over
 * the old one, so a reader sees the old file or the new one, never half of one.
 */
function stageFile(file: string, text: string): StagedFile {
  const target = path.resolve(file);
  let mode: number | undefined;
  try {
    const stat = fs.lstatSync(target);
    if (!stat.isFile()) {
      throw new UsageError(`it is ${fileKind(stat)}, and peapod import replaces only a regular file; name a file`);
    }
    mode = stat.mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
  const temp = temporaryName(target);
  const fd = fs.openSync(temp, 'wx', mode ?? 0o666);
  const discard = () => fs.rmSync(temp, { force: true });
  try {
    try {
      fs.writeFileSync(fd, text);
      if (mode !== undefined) {
        fs.fchmodSync(fd, mode);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    discard();
    throw error;
  }
  return {
    commit: () => {
      try {
        fs.renameSync(temp, target);
      } catch (error) {
        discard();
        throw error;
      }
    },
    discard,
  };
}

/** Where {@link stageFile} writes before the rename: beside `target`, under 96 random bits. */
export function temporaryName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(12).toString('hex')}.tmp`);
}

function fileKind(stat: fs.Stats): string {
  return stat.isSymbolicLink() ? 'a symbolic link' : stat.isDirectory() ? 'a folder' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isFIFO() ? 'a pipe' : stat.isSocket() ? 'a socket' : 'not a regular file';
}

function describeWriteError(error: NodeJS.ErrnoException, file: string): string {
  switch (error.code) {
    case 'ENOENT':
      return `the folder ${path.dirname(path.resolve(file))} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return error.code ?? error.message;
  }
}
