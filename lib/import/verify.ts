import * as path from 'path';
import * as cdk8s from 'cdk8s';
import type * as TypeScript from 'typescript';
import * as vm from 'vm';
import { App } from '../app';
import { withSynthCaches } from '../_synth';
import { compilerFor, PEAPOD_ROOT } from './_project';

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are compared as plain JSON */


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
  const js = transpile(source, compilerFor(PEAPOD_ROOT).ts);
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
  const contextObject = vm.runInContext('Object.prototype', context) as object;
  const main = vm.compileFunction(js, ['require', 'module', 'exports'], { parsingContext: context, filename: 'imported-chart.js' });
  main(load, module, module.exports);
  const Chart = Object.prototype.hasOwnProperty.call(module.exports, className) ? module.exports[className] : undefined;
  if (typeof Chart !== 'function') {
    throw new Error(`the generated code exports no class ${JSON.stringify(className)}`);
  }
  // Peapod's App with the default rule levels: the check is the same in any project, and prints nothing.
  const app = new App({ outdir: path.join(PEAPOD_ROOT, '.never-written'), config: {}, onWarnings: () => undefined, resolvers: [new ContextObjectResolver(contextObject)] });
  const chart: cdk8s.Chart = new Chart(app, 'imported');
  // One validation pass, as synth makes: facts about the whole app (every
  // Pod's labels, the list of constructs) are computed once, not once per
  // construct, which made the check quadratic in the number of objects.
  return withSynthCaches(() => {
    const errors = app.node.findAll().flatMap((c) => c.node.validate().map((message) => `[${c.node.path}] ${message}`));
    // Rendering a chart validates it again, and throws on the first error; the errors are reported instead.
    return { objects: errors.length > 0 ? [] : chart.toJson(), errors };
  });
}

/**
 * Copies the object literals of the generated code, made in the V8 context
 * of the round trip with that context's `Object`, into objects of this one.
 * cdk8s resolves only into objects whose constructor is its own `Object`,
 * so it would leave the L1 values inside them (`k8s.Quantity`) unresolved,
 * where in a project, whose code runs in one context, it resolves them.
 */
class ContextObjectResolver implements cdk8s.IResolver {
  public constructor(private readonly contextObject: object) {}

  public resolve(context: cdk8s.ResolutionContext): void {
    const value = context.value;
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === this.contextObject) {
      context.replaceValue({ ...value });
    }
  }
}

// TypeScript to CommonJS, types erased.
function transpile(source: string, ts: typeof TypeScript): string {
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
