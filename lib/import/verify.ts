import * as path from 'path';
import * as cdk8s from 'cdk8s';
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
 * Runs generated chart source: transpiles it, evaluates it with `modules`
 * standing in for its imports (Peapod's own module objects, so `instanceof`
 * works across them), builds the chart in a fresh app and renders it
 * without writing files.
 */
export function synthGenerated(source: string, className: string, modules: Readonly<Record<string, unknown>>): SynthOutcome {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const module = { exports: {} as Record<string, any> };
  const load = (id: string) => (id in modules ? modules[id] : require(id));
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the code is what the import just wrote
  new Function('require', 'module', 'exports', js)(load, module, module.exports);
  const app = new cdk8s.App({ outdir: path.join(PROJECT_ROOT, '.never-written') });
  const chart: cdk8s.Chart = new module.exports[className](app, 'imported');
  const errors = app.node.findAll().flatMap((c) => c.node.validate().map((message) => `[${c.node.path}] ${message}`));
  // Rendering a chart validates it again, and throws on the first error; the errors are reported instead.
  return { objects: errors.length > 0 ? [] : chart.toJson(), errors };
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
 * Type-checks generated sources under the project's tsconfig, as if each
 * were a file at `<project>/lib/imported/chartN.ts` (never written)
 * importing Peapod from `..`: one program for all, as the compiler is slow
 * to start. Returns the compiler's messages; empty when they compile.
 */
export function typeCheckGenerated(...sources: string[]): string[] {
  const configPath = path.join(PROJECT_ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, PROJECT_ROOT);
  const files = new Map(sources.map((source, i) => [path.join(PROJECT_ROOT, 'lib', 'imported', `chart${i}.ts`), source]));
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => {
    const source = files.get(path.resolve(name));
    return source === undefined ? getSourceFile(name, version, ...rest) : ts.createSourceFile(name, source, version);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(path.resolve(name)) || fileExists(name);
  const program = ts.createProgram({ rootNames: [...files.keys()], options: { ...parsed.options, noEmit: true, types: ['node'] }, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || files.has(path.resolve(d.file.fileName)))
    .map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (!d.file || d.start === undefined) {
        return text;
      }
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${path.basename(d.file.fileName)}:${line + 1}:${character + 1}: ${text}`;
    });
}
