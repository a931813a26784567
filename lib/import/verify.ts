import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import type * as TypeScript from 'typescript';
import * as vm from 'vm';
import { App } from '../app';
import { withinOnePass } from '../_synth';
import type { Problem } from '../validation/problem';
import { fieldOf } from '../validation/_json';
import { isMap } from './fields';
import { compilerFor, findUp, NativeCompiler, nativeCompilerFor, PEAPOD_ROOT } from './_project';

/** What synth of a generated chart gave. */
export interface SynthOutcome {
  /** The manifests, in the chart's order. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped: what the generated chart, run in the V8 context, rendered (cdk8s's toJson() JSON)
  readonly objects: any[];
  /** The errors synth would stop on, each as `[construct path] message`. */
  readonly errors: string[];
  /** The warnings synth would print, with the rule levels of a project without configuration; empty unless asked for. */
  readonly warnings: readonly Problem[];
}

/**
 * The modules generated code may import, besides Peapod itself: the ones
 * the import writes `import` lines for. They are served as the instances
 * Peapod itself uses, so `instanceof` holds across them; only the classes
 * that hand their props to cdk8s's resolver as they are (cdk8s's
 * `ApiObject` and the L1 classes) are served as subclasses that take a copy
 * of their props in this realm (see {@link realmCopy}).
 */
const SERVED: Readonly<Record<string, (contextObject: object) => unknown>> = {
  /* eslint-disable @typescript-eslint/no-require-imports -- served to the generated code, loaded only when it asks */
  cdk8s: (contextObject) => withPropsCopied(require('cdk8s'), contextObject),
  constructs: () => require('constructs'),
  'cdk8s-plus-27/lib/imports/k8s': (contextObject) => withPropsCopied(require('cdk8s-plus-27/lib/imports/k8s'), contextObject),
  /* eslint-enable @typescript-eslint/no-require-imports */
};

/**
 * `module` with each ApiObject class in it replaced by a subclass whose
 * constructor copies its props into this realm. The object literals of the
 * generated code are made in the round trip's V8 context, with that
 * context's `Object`; cdk8s resolves only into objects whose constructor is
 * its own `Object`, so it would leave the values inside them (`k8s.Quantity`)
 * unresolved, where in a project, whose code runs in one context, it
 * resolves them. Peapod's own classes copy what they are given, and render
 * as they do in a project.
 */
function withPropsCopied(module: Record<string, unknown>, contextObject: object): Record<string, unknown> {
  const served: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(module)) {
    // By the prototype chain: ApiObject's own `instanceof` tells objects apart, not classes.
    if (typeof value === 'function' && (value === cdk8s.ApiObject || Object.prototype.isPrototypeOf.call(cdk8s.ApiObject.prototype, value.prototype))) {
      const Base = value as unknown as new (scope: unknown, id: string, props: unknown) => object;
      served[name] = class extends Base {
        public constructor(scope: unknown, id: string, props: unknown) {
          super(scope, id, realmCopy(props, contextObject));
        }
      };
    } else {
      served[name] = value;
    }
  }
  return served;
}

/** `value` with the plain objects made in the round trip's context (whose prototype is `contextObject`) copied into this realm. */
function realmCopy(value: unknown, contextObject: object): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => realmCopy(item, contextObject));
  }
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== contextObject) {
    return value;
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, realmCopy(item, contextObject)]));
}

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
export function synthGenerated(source: string, className: string, modules: Readonly<Record<string, unknown>>, options: { readonly warnings?: boolean } = {}): SynthOutcome {
  const js = transpile(source);
  const module = { exports: {} as Record<string, unknown> };
  const context = vm.createContext(Object.create(null), { name: 'peapod import round trip', codeGeneration: { strings: false, wasm: false } });
  const contextObject = vm.runInContext('Object.prototype', context) as object;
  const load = (id: string): unknown => {
    if (Object.prototype.hasOwnProperty.call(modules, id)) {
      return modules[id];
    }
    if (Object.prototype.hasOwnProperty.call(SERVED, id)) {
      return SERVED[id](contextObject);
    }
    throw new Error(`the generated code imports ${JSON.stringify(id)}, which the round trip does not serve (it serves ${[...Object.keys(modules), ...Object.keys(SERVED)].join(', ')})`);
  };
  const main = vm.compileFunction(js, ['require', 'module', 'exports'], { parsingContext: context, filename: 'imported-chart.js' });
  main(load, module, module.exports);
  const Chart = Object.prototype.hasOwnProperty.call(module.exports, className) ? module.exports[className] : undefined;
  if (typeof Chart !== 'function') {
    throw new Error(`the generated code exports no class ${JSON.stringify(className)}`);
  }
  // Peapod's App with the default rule levels: the check is the same in any project, and prints nothing.
  const app = new App({ outdir: path.join(PEAPOD_ROOT, '.never-written'), config: {}, onWarnings: () => undefined });
  // The chart class the generated code declares (`class X extends Chart`): what it exports is untyped across the V8 context.
  const chart = new (Chart as new (scope: App, id: string) => cdk8s.Chart)(app, 'imported');
  // One validation pass, as synth makes: facts about the whole app (every
  // Pod's labels, the list of constructs) are computed once, not once per
  // construct, which made the check quadratic in the number of objects.
  return withinOnePass(() => {
    const errors = app.node.findAll().flatMap((c) => c.node.validate().map((message) => `[${c.node.path}] ${message}`));
    // Asked for by the command only: within the pass the constructs' problems are computed already, but the
    // app's own checks and the rule levels are not (about 0.3 ms an object).
    const warnings = options.warnings ? app.problems().filter((p) => p.severity === 'warning') : [];
    // Rendering a chart validates it again, and throws on the first error; the errors are reported instead.
    // The chart and the Charts inside it, which hold the objects of other namespaces.
    const charts = [chart, ...chart.node.findAll().filter((c): c is cdk8s.Chart => c !== chart && cdk8s.Chart.isChart(c))];
    return { objects: errors.length > 0 ? [] : charts.flatMap((c) => c.toJson()), errors, warnings };
  });
}

/**
 * TypeScript to CommonJS, types erased, file by file: by the native
 * compiler when there is one (Peapod's, or the project's it is installed
 * in), which takes milliseconds, else by the JavaScript one, which takes a
 * fifth of a second just to load.
 */
function transpile(source: string): string {
  const native = nativeCompilerFor(PEAPOD_ROOT);
  if (native === undefined) {
    const { ts } = compilerFor(PEAPOD_ROOT);
    return ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'peapod-import-'));
  try {
    fs.writeFileSync(path.join(scratch, 'chart.ts'), source);
    // Without a library its global types are missing, which only a check would need: the messages are not read.
    const run = runNative(native, [...TRANSPILE_ONLY, '--rootDir', '.', '--outDir', '.', 'chart.ts'], scratch);
    const js = path.join(scratch, 'chart.js');
    if (!fs.existsSync(js)) {
      throw new Error(`TypeScript ${native.version} wrote no JavaScript for the generated code: ${run.output}`);
    }
    return fs.readFileSync(js, 'utf8');
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

// The options of transpileModule on the command line: one file, no imports followed, no library, no check.
const TRANSPILE_ONLY = ['--noResolve', '--noCheck', '--noLib', '--types', '', '--module', 'commonjs', '--target', 'es2022', '--esModuleInterop', '--isolatedModules'];

function runNative(native: NativeCompiler, args: readonly string[], cwd: string): { status: number | null; output: string } {
  const run = spawnSync(native.command[0], [...native.command.slice(1), ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.error) {
    throw run.error;
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/**
 * Where two lists of manifests differ, ignoring the order of keys and of
 * the objects (matched by kind, name and namespace); empty when they are equal.
 */
export function manifestDifferences(expected: readonly unknown[], actual: readonly unknown[]): string[] {
  const key = (o: unknown) => {
    const metadata = fieldOf(o, 'metadata');
    const namespace = fieldOf(metadata, 'namespace');
    return `${String(fieldOf(o, 'kind'))} "${String(fieldOf(metadata, 'name'))}"${namespace === undefined ? '' : ` in "${String(namespace)}"`}`;
  };
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

function diff(a: unknown, b: unknown, at: string, out: string[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      out.push(`${at}: ${a.length} items in the input, ${b.length} in the output`);
      return;
    }
    a.forEach((item, i) => diff(item, b[i], `${at}[${i}]`, out));
    return;
  }
  if (isMap(a) && isMap(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      diff(a[k], b[k], `${at}.${k}`, out);
    }
    return;
  }
  if (a !== b) {
    out.push(`${at}: ${JSON.stringify(a)} in the input, ${JSON.stringify(b) ?? 'nothing'} in the output`);
  }
}

/** A generated file: where it will be written, and its text. */
export interface GeneratedFile {
  /** The path it will have; nothing is written there by the check. */
  readonly path: string;
  readonly text: string;
}

/**
 * Type-checks generated files where they will be written, without writing
 * them: under the tsconfig.json that applies there (the nearest one above
 * the first file), with the project's own TypeScript (see `compilerFor`),
 * seeing the files' text in place of whatever is at their paths now, so
 * their imports resolve as they will in the project. Returns the compiler's
 * messages about them, as `NAME.ts:LINE:COLUMN: message`; empty when they compile.
 */
export function typeCheckGenerated(files: readonly GeneratedFile[]): string[] {
  const dir = path.dirname(path.resolve(files[0].path));
  const native = nativeCompilerFor(dir);
  if (native !== undefined) {
    return typeCheckNatively(files, native);
  }
  const { ts } = compilerFor(dir);
  const configFile = ts.findConfigFile(dir, ts.sys.fileExists);
  const messages: string[] = [];
  let options: TypeScript.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true, skipLibCheck: true };
  if (configFile) {
    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => messages.push(flatten(ts, d)) });
    if (parsed) {
      options = parsed.options;
    }
  }
  options = { ...options, noEmit: true, incremental: false, composite: false, declaration: false, declarationMap: false, emitDeclarationOnly: false, tsBuildInfoFile: undefined };
  const texts = new Map(files.map((f) => [path.resolve(f.path), f.text]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, onError, create) => {
    const text = texts.get(path.resolve(name));
    return text === undefined ? getSourceFile.call(host, name, language, onError, create) : ts.createSourceFile(name, text, language, true);
  };
  host.fileExists = (name) => texts.has(path.resolve(name)) || fileExists.call(host, name);
  host.readFile = (name) => texts.get(path.resolve(name)) ?? readFile.call(host, name);
  const program = ts.createProgram({ rootNames: [...texts.keys()], options, host });
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const file of texts.keys()) {
    const source = program.getSourceFile(file);
    if (source) {
      diagnostics.push(...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source));
    }
  }
  return [...messages, ...diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).map((d) => flatten(ts, d))];
}

// `NAME.ts:LINE:COLUMN: message`, the message's chain on lines of its own.
function flatten(ts: typeof TypeScript, diagnostic: TypeScript.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) {
    return text;
  }
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${path.basename(diagnostic.file.fileName)}:${line + 1}:${character + 1}: ${text.split('\n').map((l) => l.trim()).join('\n')}`;
}

/** What the check overrides in the project's compiler options: nothing is written, and only the generated files are checked. */
const CHECK_ONLY = { noEmit: true, incremental: false, composite: false, tsBuildInfoFile: null, declaration: false, declarationMap: false, emitDeclarationOnly: false, skipLibCheck: true };

/**
 * The check of {@link typeCheckGenerated} by the native compiler, which
 * cannot be handed a file's text: each file is written beside its
 * destination under a hidden random name (so its imports resolve as
 * they will there), and the project's tsconfig.json is extended by a
 * hidden one beside it (so `types` and `typeRoots` resolve as the
 * project's own do) that names only those files; all are removed after.
 * The compiler's messages on them are reported under the files' names;
 * messages without a file (the options, a missing type library) as they are.
 */
function typeCheckNatively(files: readonly GeneratedFile[], native: NativeCompiler): string[] {
  const dir = path.dirname(path.resolve(files[0].path));
  // The nearest tsconfig.json at or above `dir`, as the compiler looks for one.
  const configDir = findUp(dir, (at) => fs.existsSync(path.join(at, 'tsconfig.json')));
  const projectConfig = configDir === undefined ? undefined : path.join(configDir, 'tsconfig.json');
  const token = crypto.randomBytes(6).toString('hex');
  const placed = new Map<string, string>();
  const configFile = path.join(projectConfig === undefined ? dir : path.dirname(projectConfig), `.peapod-import-${token}.json`);
  // Folders the destinations are to be in that do not exist yet: made for the check, and removed after it.
  const made: string[] = [];
  try {
    for (const file of files) {
      const destination = path.resolve(file.path);
      const first = fs.mkdirSync(path.dirname(destination), { recursive: true });
      if (first !== undefined) {
        made.push(first);
      }
      const at = path.join(path.dirname(destination), `.peapod-import-${token}-${path.basename(destination)}`);
      fs.writeFileSync(at, file.text, { flag: 'wx' });
      placed.set(at, path.basename(destination));
    }
    const defaults = { strict: true, target: 'es2022', module: 'node16', esModuleInterop: true };
    const config = {
      ...(projectConfig === undefined ? {} : { extends: projectConfig }),
      compilerOptions: { ...(projectConfig === undefined ? defaults : {}), ...CHECK_ONLY },
      files: [...placed.keys()],
      include: [],
    };
    fs.writeFileSync(configFile, JSON.stringify(config), { flag: 'wx' });
    // One thread: for one generated file, the threads' start and hand-over cost more processor time than they save.
    const run = runNative(native, ['--project', configFile, '--pretty', 'false', '--singleThreaded'], path.dirname(configFile));
    const messages = nativeMessages(run.output, path.dirname(configFile), placed);
    if (run.status !== 0 && messages.length === 0) {
      throw new Error(`TypeScript ${native.version} failed without a message: ${run.output}`);
    }
    return messages;
  } finally {
    fs.rmSync(configFile, { force: true });
    for (const at of placed.keys()) {
      fs.rmSync(at, { force: true });
    }
    made.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true }));
  }
}

/**
 * The errors of `tsc --pretty false` output (`FILE(LINE,COL): error TSn:
 * message`, its chain on indented lines after it), in the form of
 * {@link flatten}; a file written for the check is named as its destination.
 */
function nativeMessages(output: string, cwd: string, placed: ReadonlyMap<string, string>): string[] {
  const messages: string[] = [];
  // The explanation of why a file is in the program, which follows some messages, is not part of them.
  let explaining = false;
  for (const line of output.split(/\r?\n/)) {
    const located = /^(.+)\((\d+),(\d+)\): error TS\d+: (.*)$/.exec(line);
    const bare = /^error TS\d+: (.*)$/.exec(line);
    if (located || bare) {
      explaining = false;
      const file = located && path.resolve(cwd, located[1]);
      messages.push(located ? `${placed.get(file!) ?? path.basename(file!)}:${located[2]}:${located[3]}: ${located[4]}` : bare![1]);
    } else if (line.trim() === 'The file is in the program because:') {
      explaining = true;
    } else if (/^\s+\S/.test(line) && messages.length > 0 && !explaining) {
      messages[messages.length - 1] += `\n${line.trim()}`;
    }
  }
  return messages;
}
