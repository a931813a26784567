import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/*
 * Replaces the manifests of an output folder all at once. The new set is
 * written to a scratch folder beside the output folder (on the same file
 * system, so that a rename moves it), with the files of the output folder
 * that are not manifests; then the output folder is swapped for it with
 * two renames. Whenever the process is killed, the output folder holds
 * the complete previous set or the complete new set, except between the
 * two renames, when it is absent and the scratch folder holds the
 * complete new set, marked ready: the next synth moves it into place
 * before anything else. A lock file beside the output folder keeps two
 * synths from writing it at once.
 *
 * When the output folder is a mount point it cannot be renamed; its
 * manifests are then replaced file by file from a scratch folder inside
 * it, after a journal listing the new set is written, and a synth
 * interrupted there is completed from the journal by the next one.
 */

/** A failure to write the output folder, in words for the user. */
export class OutputFolderError extends Error {}

/** Where a synth may be paused by the env var PEAPOD_SYNTH_PAUSE, for tests that kill it there. */
export const PAUSE_POINTS = ['written', 'swapping', 'swapped'] as const;
type PausePoint = (typeof PAUSE_POINTS)[number];

const READY = 'ready';
const NEXT = 'next';
const PREVIOUS = 'previous';

/**
 * Makes `outdir` hold what `write(dir)` writes into an empty folder `dir`,
 * in place of its files ending in `extension` (in it, and in the folders
 * in it, where cdk8s writes); its other files stay. If `write` throws,
 * `outdir` is left as it was.
 */
export function replaceManifests(outdir: string, extension: string, write: (dir: string) => void): void {
  const target = path.resolve(outdir);
  const parent = path.dirname(target);
  if (!fs.statSync(parent, { throwIfNoEntry: false })?.isDirectory()) {
    throw new OutputFolderError(`cannot write the output folder ${outdir}: the folder it is in, ${parent}, does not exist. Create it, or give an output folder whose parent exists`);
  }
  // A lock file beside the output folder, naming this process; one whose process is gone (killed) is taken over.
  const lock = path.join(parent, `.${path.basename(target)}.synth.lock`);
  takeLock(lock, (other) => {
    throw new OutputFolderError(
      `another synth is writing ${target}: process ${other.pid} on ${other.host}, since ${other.since}. ` +
        `Wait for it to finish, then synth again; if that process is not a synth, delete ${lock}`,
    );
  });
  try {
    completeInterruptedSynths(target, extension);
    const existing = fs.statSync(target, { throwIfNoEntry: false });
    if (existing !== undefined && !existing.isDirectory()) {
      throw new OutputFolderError(`cannot write the output folder ${outdir}: it is a file, not a folder. Move it away, or give another output folder`);
    }
    swapIn(target, parent, extension, existing, write);
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

// Writes the new set into a scratch folder, marks it ready, then swaps it in. A mount point
// cannot be renamed: its new set is written inside it, journaled, and moved in file by file.
function swapIn(target: string, parent: string, extension: string, existing: fs.Stats | undefined, write: (dir: string) => void): void {
  const mountPoint = existing !== undefined && existing.dev !== fs.statSync(parent).dev;
  const scratch = fs.mkdtempSync(mountPoint ? path.join(target, '.peapod-synth-') : path.join(parent, `.${path.basename(target)}.synth-`));
  try {
    const next = path.join(scratch, NEXT);
    fs.mkdirSync(next);
    write(next);
    if (existing !== undefined && !mountPoint) {
      keepOtherFiles(target, next, extension);
      fs.chmodSync(next, existing.mode & 0o7777);
    }
    pauseFor('written');
    fs.writeFileSync(path.join(scratch, READY), mountPoint ? JSON.stringify(filesUnder(next)) : '');
    if (existing !== undefined && !mountPoint) {
      fs.renameSync(target, path.join(scratch, PREVIOUS));
    }
    pauseFor('swapping');
    if (mountPoint) {
      completeMountPointMove(target, scratch, extension);
    } else {
      fs.renameSync(next, target);
    }
    pauseFor('swapped');
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

// Moves the journaled new set of `scratch` into `target`, removing the manifests not in it; can be run again after a kill.
function completeMountPointMove(target: string, scratch: string, extension: string): void {
  const files = new Set<string>(JSON.parse(fs.readFileSync(path.join(scratch, READY), 'utf8')));
  for (const manifest of manifestsIn(target, extension)) {
    if (!files.has(manifest)) {
      fs.rmSync(path.join(target, manifest), { force: true });
    }
  }
  removeEmptiedFolders(target);
  for (const file of files) {
    const from = path.join(scratch, NEXT, file);
    if (fs.existsSync(from)) {
      fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
      fs.renameSync(from, path.join(target, file));
    }
  }
}

/** Finishes, or clears away, what synths killed while writing `target` left behind. */
function completeInterruptedSynths(target: string, extension: string): void {
  const parent = path.dirname(target);
  const prefix = `.${path.basename(target)}.synth-`;
  for (const name of fs.readdirSync(parent)) {
    if (!name.startsWith(prefix) || name.endsWith('.lock')) {
      continue;
    }
    const scratch = path.join(parent, name);
    // Killed between the two renames: the new set is complete, and the output folder is gone.
    if (fs.existsSync(path.join(scratch, READY)) && fs.existsSync(path.join(scratch, NEXT)) && !fs.existsSync(target)) {
      fs.renameSync(path.join(scratch, NEXT), target);
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  // Killed while moving a journaled set into a mount point: the move is done again.
  for (const entry of fs.existsSync(target) ? fs.readdirSync(target).filter((name) => name.startsWith('.peapod-synth-')) : []) {
    const scratch = path.join(target, entry);
    if (fs.existsSync(path.join(scratch, READY))) {
      completeMountPointMove(target, scratch, extension);
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

// Copies the files of `from` that are not manifests into `to`, where `to` has none of that name.
function keepOtherFiles(from: string, to: string, extension: string): void {
  const isManifest = (entry: fs.Dirent) => !entry.isDirectory() && entry.name.endsWith(extension);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const inside = entry.isDirectory() ? fs.readdirSync(source, { withFileTypes: true }) : [];
    if (inside.some(isManifest)) {
      // A folder with manifests in it is a chart's (FOLDER_PER_CHART_FILE_PER_RESOURCE): only its other files are kept.
      for (const file of inside.filter((file) => !isManifest(file))) {
        fs.mkdirSync(path.join(to, entry.name), { recursive: true });
        copyIfAbsent(path.join(source, file.name), path.join(to, entry.name, file.name));
      }
    } else if (!isManifest(entry)) {
      copyIfAbsent(source, path.join(to, entry.name));
    }
  }
}

function copyIfAbsent(from: string, to: string): void {
  if (!fs.existsSync(to)) {
    fs.cpSync(from, to, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  }
}

// The manifests in `dir` and in the folders in it, by relative path.
function manifestsIn(dir: string, extension: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith('.peapod-synth-')) {
      for (const file of fs.readdirSync(path.join(dir, entry.name))) {
        if (file.endsWith(extension)) {
          found.push(path.join(entry.name, file));
        }
      }
    } else if (entry.name.endsWith(extension)) {
      found.push(entry.name);
    }
  }
  return found;
}

function removeEmptiedFolders(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith('.peapod-synth-') && fs.readdirSync(path.join(dir, entry.name)).length === 0) {
      fs.rmdirSync(path.join(dir, entry.name));
    }
  }
}

// Every file under `dir`, by relative path.
function filesUnder(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name), path.join(prefix, entry.name)) : [path.join(prefix, entry.name)]));
}

/**
 * Creates the lock file `lock`, naming this process. While another running
 * process holds it, `busy` is called with that holder: it throws to give
 * up, or returns to try again (after waiting). A lock whose process is gone
 * (killed) is taken over. The caller removes the file to release it.
 */
export function takeLock(lock: string, busy: (holder: LockHolder) => void): void {
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (;;) {
    try {
      fs.writeFileSync(lock, JSON.stringify(holder), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }
    const other = readHolder(lock);
    if (other !== undefined && isRunning(other)) {
      busy(other);
    } else if (other !== undefined || !isFresh(lock)) {
      // Its process is gone, or it is unreadable and not just being written: taken over.
      fs.rmSync(lock, { force: true });
    } else {
      sleep(10);
    }
  }
}

// A lock file created less than a second ago may be empty because its holder is writing it.
function isFresh(lock: string): boolean {
  const stat = fs.statSync(lock, { throwIfNoEntry: false });
  return stat !== undefined && Date.now() - stat.mtimeMs < 1000;
}

/** Blocks this thread for `ms` milliseconds (a synth is synchronous; nothing else runs meanwhile). */
export function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Who holds a lock: written into the lock file as JSON. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

function readHolder(lock: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(fs.readFileSync(lock, 'utf8')) as LockHolder;
    return typeof holder.pid === 'number' ? holder : undefined;
  } catch {
    return undefined;
  }
}

// A process on another machine (a shared folder) is taken to be running; a killed one not yet reaped (a zombie) is not.
function isRunning(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) {
    return true;
  }
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(holder.pid);
}

// Linux's /proc/PID/stat: "PID (COMMAND) STATE …"; elsewhere no process is taken for one.
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

// For the tests that kill a synth at each step: PEAPOD_SYNTH_PAUSE=swapping makes it say so on stderr and wait there.
function pauseFor(point: PausePoint): void {
  if (process.env.PEAPOD_SYNTH_PAUSE === point) {
    process.stderr.write(`peapod: paused at ${point}\n`);
    sleep(120_000);
  }
}
