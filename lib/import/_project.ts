import * as fs from 'fs';
import * as path from 'path';
import type * as TypeScript from 'typescript';

/*
 * Where the generated code will live, and what it needs there: the module
 * specifier that names Peapod from that place, and a TypeScript compiler
 * to transpile and type-check it with.
 */

/** Peapod's own package folder: the nearest one above this file whose package.json is named `peapod`. */
export const PEAPOD_ROOT = packageRootNamed(__dirname, 'peapod') ?? path.resolve(__dirname, '..', '..');

/**
 * The specifier the code written into `dir` imports Peapod by: a relative
 * path to Peapod's `lib` when `dir` is inside Peapod's own source tree
 * (as `lib/charts/` of this repository is), `'peapod'` anywhere else, as a
 * project that installed the package names it.
 */
export function peapodSpecifier(dir: string): string {
  const from = realpath(path.resolve(dir));
  const root = realpath(PEAPOD_ROOT);
  const inside = path.relative(root, from);
  if (inside.startsWith('..') || path.isAbsolute(inside) || inside.split(path.sep).includes('node_modules') || !fs.existsSync(path.join(root, 'lib', 'index.ts'))) {
    return 'peapod';
  }
  const relative = path.relative(from, path.join(root, 'lib')).split(path.sep).join('/');
  return relative === '' ? '.' : relative.startsWith('.') ? relative : `./${relative}`;
}

/** A TypeScript compiler module, and where it was found. */
export interface Compiler {
  readonly ts: typeof TypeScript;
  /** `project` for the one the project at the destination installed, `peapod` for the one beside Peapod. */
  readonly from: 'project' | 'peapod';
  readonly version: string;
}

/** What stops the import before it checks the code: no compiler to check it with, or no project where it goes. */
export class SetupError extends Error {}

/**
 * The packages that `source` imports (bare specifiers of its `import`
 * lines) which Node would not find from `dir`: no
 * `node_modules/<package>/package.json` in `dir` or a folder above it.
 */
export function packagesMissingFrom(dir: string, source: string): string[] {
  const packages = new Set<string>();
  for (const match of source.matchAll(/^import .* from (['"])([^'"]+)\1;$/gm)) {
    const specifier = match[2];
    if (!specifier.startsWith('.') && !path.isAbsolute(specifier)) {
      const parts = specifier.split('/');
      packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  return [...packages].filter((name) => findUp(path.resolve(dir), (at) => fs.existsSync(path.join(at, 'node_modules', name, 'package.json'))) === undefined);
}

/** The nearest folder at or above `start` for which `test` holds, as Node and the compiler look for their files. */
export function findUp(start: string, test: (dir: string) => boolean): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (test(dir)) {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      return undefined;
    }
  }
}

const compilers = new Map<string, Compiler>();

/**
 * The TypeScript compiler for code written into `dir`: the project's own
 * `typescript` package when it has one with a compiler API (so the code is
 * checked as the project's build will check it), else the one installed
 * beside Peapod (a peer or dependency of it).
 */
export function compilerFor(dir: string): Compiler {
  const cached = compilers.get(dir);
  if (cached) {
    return cached;
  }
  const found = load(dir, 'project') ?? load(PEAPOD_ROOT, 'peapod');
  if (!found) {
    throw new SetupError(
      'peapod import compiles the code it writes with TypeScript, and found no typescript package with a compiler API (version 4.7 or later) in the project or beside Peapod; install one: npm install --save-dev typescript',
    );
  }
  compilers.set(dir, found);
  return found;
}

/** The native TypeScript compiler (TypeScript 7, written in Go): the command that runs it. */
export interface NativeCompiler {
  /** The program, and the arguments before the compiler's own: its executable, or Node with the package's launcher. */
  readonly command: readonly string[];
  readonly version: string;
}

const natives = new Map<string, NativeCompiler | undefined>();

/**
 * The native compiler the project at `dir` installed, as scripts/synth.js
 * finds it: the `typescript-7` alias, else `typescript` at version 7 or
 * later; undefined when there is none. The executable of its platform
 * package is run directly, without the Node launcher in between.
 */
export function nativeCompilerFor(dir: string): NativeCompiler | undefined {
  if (!natives.has(dir)) {
    natives.set(dir, findNative(dir));
  }
  return natives.get(dir);
}

function findNative(dir: string): NativeCompiler | undefined {
  for (const name of ['typescript-7', 'typescript']) {
    let packageJson: string;
    try {
      packageJson = require.resolve(`${name}/package.json`, { paths: [dir] });
    } catch {
      continue;
    }
    const { version, bin } = JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version?: string; bin?: string | Record<string, string> };
    if (typeof version !== 'string' || Number(version.split('.')[0]) < 7) {
      continue;
    }
    const root = path.dirname(packageJson);
    try {
      const platform = require.resolve(`@typescript/typescript-${process.platform}-${process.arch}/package.json`, { paths: [root] });
      const exe = path.join(path.dirname(platform), 'lib', process.platform === 'win32' ? 'tsc.exe' : 'tsc');
      if (fs.existsSync(exe)) {
        return { command: [exe], version };
      }
    } catch {
      // No platform package where the launcher looks: the launcher finds it, or says why not.
    }
    const launcher = typeof bin === 'string' ? bin : bin?.tsc;
    if (launcher !== undefined && fs.existsSync(path.join(root, launcher))) {
      return { command: [process.execPath, path.join(root, launcher)], version };
    }
  }
  return undefined;
}

function load(dir: string, from: Compiler['from']): Compiler | undefined {
  let file: string;
  try {
    file = require.resolve('typescript', { paths: [dir] });
  } catch {
    return undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's compiler, found at run time
  const ts = require(file) as typeof TypeScript;
  // TypeScript 7 has no JavaScript API; a project with only that one falls back to Peapod's.
  if (typeof ts.createProgram !== 'function' || typeof ts.transpileModule !== 'function') {
    return undefined;
  }
  return { ts, from, version: ts.version };
}

function packageRootNamed(start: string, name: string): string | undefined {
  return findUp(start, (dir) => {
    const file = path.join(dir, 'package.json');
    try {
      return fs.existsSync(file) && (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown }).name === name;
    } catch {
      // Not JSON: not the package looked for.
      return false;
    }
  });
}

// The real path of `dir`, or of the nearest folder above it that exists (the destination may be made later).
function realpath(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    const parent = path.dirname(dir);
    return parent === dir ? dir : path.join(realpath(parent), path.basename(dir));
  }
}
