import * as path from 'path';
import * as cdk8s from 'cdk8s';
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as vm from 'vm';
import * as ts from 'typescript';

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are compared as plain JSON */

/** The project's root, where its tsconfig.json is. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** What synth of a generated chart gave. */
export interface SynthOutcome {
  /** The manifests, in the chart's order. */
  readonly objects: any[];
  /** The errors synth would stop on, each as `[construct path] message`. */
  readonly errors: string[];
}

/**
 * The modules generated code may import, besides Peapod itself: the ones
 * the import writes `import` lines for. They are served as the instances
 * Peapod itself uses, so `instanceof` holds across them.
 */
const SERVED: Readonly<Record<string, () => unknown>> = {
  /* eslint-disable @typescript-eslint/no-require-imports -- served to the generated code, loaded only when it asks */
  cdk8s: () => require('cdk8s'),
  constructs: () => require('constructs'),
  'cdk8s-plus-27/lib/imports/k8s': () => require('cdk8s-plus-27/lib/imports/k8s'),
  /* eslint-enable @typescript-eslint/no-require-imports */
};

/**
 * Runs generated chart source: transpiles it, evaluates it in a V8 context
 * of its own, builds the chart in a fresh app and renders it without
 * writing files. The context has JavaScript's built-ins and nothing of
 * Node's (no `process`, `Buffer`, timers or `fetch`), cannot compile
 * strings to code (`eval`, `new Function`), and its `require` serves
 * `modules` (Peapod, under the specifier the code imports it by) and the
 * modules in {@link SERVED}; any other module throws. This is a second
 * wall: the first is that input text reaches the code only as escaped
 * literals and comments (`_code-text.ts`). It is no sandbox against code
 * written to escape it, which can reach Node through the objects it is
 * handed; the code it runs is the import's own.
 */
export function synthGenerated(source: string, className: string, modules: Readonly<Record<string, unknown>>): SynthOutcome {
  const js = transpile(source);
  const module = { exports: {} as Record<string, any> };
  const load = (id: string): unknown => {
    if (Object.prototype.hasOwnProperty.call(modules, id)) {
      return modules[id];
    }
    if (Object.prototype.hasOwnProperty.call(SERVED, id)) {
      return SERVED[id]();
    }
    throw new Error(`the generated code imports ${JSON.stringify(id)}, which the round trip does not serve (it serves ${[...Object.keys(modules), ...Object.keys(SERVED)].join(', ')})`);
  };
  const context = vm.createContext(Object.create(null), { name: 'peapod import round trip', codeGeneration: { strings: false, wasm: false } });
  const main = vm.compileFunction(js, ['require', 'module', 'exports'], { parsingContext: context, filename: 'imported-chart.js' });
  main(load, module, module.exports);
  const Chart = Object.prototype.hasOwnProperty.call(module.exports, className) ? module.exports[className] : undefined;
  if (typeof Chart !== 'function') {
    throw new Error(`the generated code exports no class ${JSON.stringify(className)}`);
  }
  const app = new cdk8s.App({ outdir: path.join(PROJECT_ROOT, '.never-written') });
  const chart: cdk8s.Chart = new Chart(app, 'imported');
  const errors = app.node.findAll().flatMap((c) => c.node.validate().map((message) => `[${c.node.path}] ${message}`));
  // Rendering a chart validates it again, and throws on the first error; the errors are reported instead.
  return { objects: errors.length > 0 ? [] : chart.toJson(), errors };
}

// TypeScript to CommonJS, types erased.
function transpile(source: string): string {
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
}

/**
 * Where two lists of manifests differ, ignoring the order of keys and of
 * the objects (matched by kind and name); empty when they are equal.
 */
export function manifestDifferences(expected: readonly any[], actual: readonly any[]): string[] {
  const key = (o: any) => `${o?.kind} "${o?.metadata?.name}"`;
  const out: string[] = [];
  const byKey = new Map(actual.map((o) => [key(o), o]));
  for (const object of expected) {
    const other = byKey.get(key(object));
    if (!other) {
      out.push(`${key(object)}: missing from the output`);
      continue;
    }
    byKey.delete(key(object));
    diff(object, other, key(object), out);
  }
  for (const k of byKey.keys()) {
    out.push(`${k}: in the output, not in the input`);
  }
  return out;
}

function diff(a: any, b: any, at: string, out: string[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      out.push(`${at}: ${a.length} items in the input, ${b.length} in the output`);
      return;
    }
    a.forEach((item, i) => diff(item, b[i], `${at}[${i}]`, out));
    return;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      diff(a[k], b[k], `${at}.${k}`, out);
    }
    return;
  }
  if (a !== b) {
    out.push(`${at}: ${JSON.stringify(a)} in the input, ${JSON.stringify(b) ?? 'nothing'} in the output`);
  }
}

/**
 * Type-checks generated sources under the project's tsconfig with the
 * native TypeScript compiler (the one synth uses), as if each were a file
 * at `<project>/lib/imported/chartN.ts` importing Peapod from `..`: they are
 * written to a private folder under `.build/` that mirrors that layout,
 * beside a `lib/index.ts` re-exporting the real one, and checked in one
 * run. Returns the compiler's messages about them, as
 * `chartN.ts:LINE:COLUMN: message`; empty when they compile.
 */
export function typeCheckGenerated(...sources: string[]): string[] {
  const buildDir = path.join(PROJECT_ROOT, '.build');
  fs.mkdirSync(buildDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(buildDir, 'import-check-'));
  try {
    fs.mkdirSync(path.join(dir, 'lib', 'imported'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'lib', 'index.ts'), `export * from ${JSON.stringify(path.join(PROJECT_ROOT, 'lib', 'index'))};\n`);
    const files = sources.map((source, i) => {
      const file = path.join(dir, 'lib', 'imported', `chart${i}.ts`);
      fs.writeFileSync(file, source);
      return file;
    });
    const config = {
      extends: path.join(PROJECT_ROOT, 'tsconfig.json'),
      compilerOptions: { noEmit: true, incremental: false, types: ['node'] },
      files,
      include: [],
    };
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(config));
    const packageJson = require.resolve('typescript-7/package.json', { paths: [PROJECT_ROOT] });
    const launcher = path.join(path.dirname(packageJson), JSON.parse(fs.readFileSync(packageJson, 'utf8')).bin.tsc);
    const run = childProcess.spawnSync(process.execPath, [launcher, '--project', path.join(dir, 'tsconfig.json'), '--pretty', 'false'], { encoding: 'utf8' });
    if (run.error) {
      throw run.error;
    }
    return compilerMessagesAbout(`${run.stdout}${run.stderr}`, new Set(files), run.status === 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The diagnostics in the compiler's plain output (`file(line,col): error
 * TSnnnn: text`, its continuation lines indented) about `files`, or about
 * no file at all; anything else is about the project's own sources.
 */
function compilerMessagesAbout(output: string, files: ReadonlySet<string>, succeeded: boolean): string[] {
  const messages: string[][] = [];
  let current: string[] | undefined;
  for (const line of output.split('\n')) {
    const located = /^(.+)\((\d+),(\d+)\): (?:error|warning) TS\d+: (.*)$/.exec(line);
    const global = /^(?:error|warning) TS\d+: (.*)$/.exec(line);
    if (current && !located && !global && /^\s+\S/.test(line)) {
      current.push(line.trim());
      continue;
    }
    current = undefined;
    if (located && files.has(path.resolve(located[1]))) {
      current = [`${path.basename(located[1])}:${located[2]}:${located[3]}: ${located[4]}`];
    } else if (global) {
      current = [global[1]];
    }
    if (current) {
      messages.push(current);
    }
  }
  if (messages.length === 0 && !succeeded) {
    return [`the compiler failed without a message about the generated code: ${output.trim()}`];
  }
  return messages.map((lines) => lines.join('\n'));
}
