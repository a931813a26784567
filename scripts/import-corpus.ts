/**
 * Measures `peapod import` on the corpus of real manifests in
 * `__tests__/import/corpus/`: imports each file, and each folder as one
 * import, runs the round trip (synth of the generated code against the
 * input) and type-checks every generated chart in one program; then
 * classifies each outcome and prints the rates per class, by kind set, and
 * the refusal causes by count.
 *
 *   npm run import-corpus                 the tables
 *   npm run import-corpus -- --json       every outcome, as JSON
 *   npm run import-corpus -- --update     rewrite corpus/expected.json, which corpus.test.ts pins
 *   npm run import-corpus -- --no-typecheck
 *
 * The classifier below is the one place that says which refusal is whose:
 * when a new import message appears, it lands in "unclassified" until a
 * line is added here.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as peapod from '../lib';
import { ImportError, ImportProblem, importManifests } from '../lib/import';
import { readKubectlYaml } from '../lib/import/_kubectl-yaml';
import { removedIn } from '../lib/import/_removed-api-versions';
import { manifestDifferences, synthGenerated, typeCheckGenerated } from '../lib/import/verify';
import { categoryOf, findRule } from '../lib/validation/rules';

/** Where the corpus lives. */
export const CORPUS = path.join(__dirname, '..', '__tests__', 'import', 'corpus');

/** The outcome classes, in the order the tables print them. */
export const OUTCOMES = [
  'exact',
  'refused: API server',
  "refused: kubectl's YAML reader",
  'refused: tutorial rule',
  'refused: not yet modeled',
  'refused: unclassified',
  'bug: crash',
  'bug: inexact round trip',
  'bug: does not compile',
] as const;

/** What became of one import. */
export type OutcomeClass = (typeof OUTCOMES)[number];

/** One import of the corpus: a file, or a folder's files together. */
export interface Unit {
  /** The file or folder, relative to the corpus, with `/`; a folder ends in `/`. */
  readonly id: string;
  /** The files imported, relative to the corpus. */
  readonly files: readonly string[];
}

/** The measured outcome of one unit. */
export interface Outcome {
  readonly id: string;
  readonly outcome: OutcomeClass;
  /** The kinds in the input, sorted and joined by ` + ` (`Deployment + Service`). */
  readonly kinds: string;
  /** Why it is not exact: one cause per problem, in order, without duplicates. */
  readonly causes: readonly string[];
  /** The class of each cause, by its place in `causes`. */
  readonly causeOutcomes: readonly OutcomeClass[];
  /** The messages, for reading; not pinned. */
  readonly details: readonly string[];
}

type Refusal = Exclude<OutcomeClass, 'exact' | `bug: ${string}`>;


/**
 * Which class an import problem belongs to, and its cause, from its
 * message: first match wins. A problem with a line and column comes from
 * the YAML reader, which mirrors kubectl's.
 */
const CLASSIFIER: readonly { readonly test: RegExp; readonly outcome: Refusal | ((m: RegExpMatchArray) => Refusal); readonly cause: string | ((m: RegExpMatchArray, problem: ImportProblem) => string) }[] = [
  { test: /^kind "([^"]+)" is not one peapod import reads: Kubernetes [\d.]+ serves no such kind in apiVersion "([^"]+)"/, outcome: 'refused: API server', cause: (m) => `kind ${m[1]} is not served in apiVersion ${m[2]}` },
  { test: /^kind "([^"]+)" is not one peapod import reads/, outcome: 'refused: not yet modeled', cause: (m) => `kind ${m[1]} is not imported` },
  {
    test: /^(\w+) has apiVersion "([^"]+)"/,
    outcome: (m) => (removedIn(m[2], m[1]) ? 'refused: API server' : 'refused: not yet modeled'),
    cause: (m) => (removedIn(m[2], m[1]) ? `apiVersion ${m[2]} is no longer served` : `apiVersion ${m[2]} of ${m[1]} is not imported`),
  },
  { test: /a chart has one namespace/, outcome: 'refused: not yet modeled', cause: 'objects of several namespaces in one import' },
  { test: /is a field of Kubernetes (1\.\d+) and later \(([^)]+)\)/, outcome: 'refused: not yet modeled', cause: (m) => `a field of Kubernetes ${m[1]} (${m[2]})` },
  { test: /refers to no variable defined before/, outcome: 'refused: tutorial rule', cause: '$(VAR) naming no earlier variable' },
  { test: /is also in .* document \d+/, outcome: 'refused: not yet modeled', cause: 'two objects of one kind and name in one import' },
  { test: /a Service without a selector/, outcome: 'refused: not yet modeled', cause: 'a Service without a selector' },
  { test: /is not modeled by Peapod/, outcome: 'refused: not yet modeled', cause: 'a field the import does not model' },
  { test: /^is missing$/, outcome: 'refused: API server', cause: (_, p) => `required ${[p.origin.prefix, p.field].filter((f) => f).join('.')} is missing` },
  { test: /expected a (mapping|list|string|number|whole number|boolean)/, outcome: 'refused: API server', cause: 'a value of the wrong type' },
  { test: /which the Pod does not declare/, outcome: 'refused: API server', cause: 'a mount of an undeclared volume' },
  { test: /is not a field of/, outcome: 'refused: API server', cause: 'an unknown field (kubectl apply validates strictly)' },
];

/** The class and cause of one import problem. */
export function classifyProblem(problem: ImportProblem): { outcome: Refusal; cause: string } {
  if (problem.position !== undefined) {
    return { outcome: "refused: kubectl's YAML reader", cause: problem.message.replace(/ at line \d+.*$/s, '').split(':').slice(0, 2).join(':') };
  }
  if (problem.rule !== undefined) {
    return ruleClass(problem.rule);
  }
  for (const entry of CLASSIFIER) {
    const match = problem.message.match(entry.test);
    if (match) {
      return { outcome: typeof entry.outcome === 'function' ? entry.outcome(match) : entry.outcome, cause: typeof entry.cause === 'function' ? entry.cause(match, problem) : entry.cause };
    }
  }
  return { outcome: 'refused: unclassified', cause: problem.message.replace(/"[^"]*"/g, '"…"') };
}

// A Peapod rule's class, from its category.
function ruleClass(rule: string): { outcome: Refusal; cause: string } {
  const definition = findRule(rule);
  const category = definition === undefined ? undefined : categoryOf(definition);
  const outcome: Refusal = category === 'api-server' ? 'refused: API server' : category === 'peapod' ? 'refused: tutorial rule' : 'refused: unclassified';
  return { outcome, cause: `rule ${rule}` };
}

/** Every file of the corpus, and every folder holding two files or more, each as one unit. */
export function corpusUnits(dir = CORPUS): Unit[] {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('expected.json') && !f.endsWith('sources.json'))
    .sort();
  const folders = new Map<string, string[]>();
  for (const file of files) {
    const folder = file.slice(0, file.lastIndexOf('/') + 1);
    folders.set(folder, [...(folders.get(folder) ?? []), file]);
  }
  return [...files.map((f) => ({ id: f, files: [f] })), ...[...folders].filter(([, each]) => each.length > 1).map(([id, each]) => ({ id, files: each }))];
}

/** Whether a unit is a folder. */
export const isFolder = (unit: { readonly id: string }): boolean => unit.id.endsWith('/');

/** Imports every unit and classifies the outcome; `typecheck` compiles every generated chart in one program. */
export function measureCorpus(units: readonly Unit[], options: { readonly typecheck?: boolean; readonly dir?: string } = {}): Outcome[] {
  const dir = options.dir ?? CORPUS;
  const root = path.join(__dirname, '..');
  const checkDir = path.join(root, '__tests__', 'import', '.corpus-check');
  const from = path.relative(checkDir, path.join(root, 'lib')).split(path.sep).join('/');
  const pending: { index: number; file: string; source: string }[] = [];
  const outcomes = units.map((unit, index): Outcome => {
    const inputs = unit.files.map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
    const kinds = kindSet(inputs.map((i) => i.text));
    const refused = (problems: readonly ImportProblem[]): Outcome => {
      const classified = problems.map(classifyProblem);
      const worst = OUTCOMES.find((o) => classified.some((c) => c.outcome === o)) ?? 'refused: unclassified';
      const causes = new Map(classified.map((c) => [c.cause, c.outcome] as const).reverse());
      const ordered = [...new Set(classified.map((c) => c.cause))];
      return { id: unit.id, outcome: worst, kinds, causes: ordered, causeOutcomes: ordered.map((c) => causes.get(c)!), details: problems.map((p) => p.message) };
    };
    try {
      const result = importManifests(inputs, { from, className: 'CorpusChart' });
      const synth = synthGenerated(result.source, result.className, { [from]: peapod });
      if (synth.errors.length > 0) {
        return refused(synth.errors.map((message) => ({ origin: { file: '', document: 0, prefix: '' }, field: '', message, fix: '', rule: message.match(/\(([a-z0-9-]+)\)$/)?.[1] })));
      }
      const differences = manifestDifferences(result.objects, synth.objects);
      if (differences.length > 0) {
        return { id: unit.id, outcome: 'bug: inexact round trip', kinds, causes: ['inexact round trip'], causeOutcomes: ['bug: inexact round trip'], details: differences };
      }
      pending.push({ index, file: path.join(checkDir, `unit${index}.ts`), source: result.source });
      return { id: unit.id, outcome: 'exact', kinds, causes: [], causeOutcomes: [], details: [] };
    } catch (error) {
      if (error instanceof ImportError) {
        return refused(error.problems);
      }
      return { id: unit.id, outcome: 'bug: crash', kinds, causes: ['crash'], causeOutcomes: ['bug: crash'], details: [String((error as Error)?.stack ?? error).split('\n').slice(0, 3).join(' | ')] };
    }
  });
  if (options.typecheck !== false && pending.length > 0) {
    const messages = typeCheckGenerated(pending.map((p) => ({ path: p.file, text: p.source })));
    for (const { index, file } of pending) {
      const own = messages.filter((m) => m.startsWith(`${path.basename(file)}:`));
      if (own.length > 0) {
        outcomes[index] = { ...outcomes[index], outcome: 'bug: does not compile', causes: ['generated code does not compile'], causeOutcomes: ['bug: does not compile'], details: own };
      }
    }
  }
  return outcomes;
}

// The kinds of the input documents, as kubectl reads them.
function kindSet(texts: readonly string[]): string {
  const kinds = new Set<string>();
  for (const text of texts) {
    for (const document of readKubectlYaml(text)) {
      const value = document.value as { kind?: unknown; items?: { kind?: unknown }[] } | null | undefined;
      if (document.problems.length > 0) {
        kinds.add('(unreadable)');
      } else if (value && typeof value === 'object') {
        for (const each of value.kind === 'List' && Array.isArray(value.items) ? value.items : [value]) {
          kinds.add(typeof each?.kind === 'string' ? each.kind : '(no kind)');
        }
      }
    }
  }
  return [...kinds].sort().join(' + ') || '(empty)';
}

/** The pinned form of an outcome: its class and causes. */
export interface Expected {
  readonly outcome: OutcomeClass;
  readonly causes?: readonly string[];
}

/** The outcomes in the form `corpus/expected.json` pins them. */
export function expectedOf(outcomes: readonly Outcome[]): Record<string, Expected> {
  return Object.fromEntries(outcomes.map((o) => [o.id, o.causes.length > 0 ? { outcome: o.outcome, causes: o.causes } : { outcome: o.outcome }]));
}

/** The report: rates per class for files and folders, by kind set, and the causes by count. */
export function report(outcomes: readonly Outcome[]): string {
  const lines: string[] = [];
  for (const [title, group] of [
    ['files', outcomes.filter((o) => !isFolder(o))],
    ['folders (each imported as one)', outcomes.filter(isFolder)],
  ] as const) {
    const refusedUpstream = group.filter((o) => o.outcome === 'refused: API server' || o.outcome === "refused: kubectl's YAML reader").length;
    const accepted = group.length - refusedUpstream;
    const exact = group.filter((o) => o.outcome === 'exact').length;
    lines.push(`## ${title}: ${group.length}`, '');
    lines.push(`exact round trip: ${exact} of the ${accepted} the API server and kubectl accept (${percent(exact, accepted)}); ${exact} of all ${group.length} (${percent(exact, group.length)})`, '');
    lines.push('| class | count | share |', '|---|---|---|');
    for (const outcome of OUTCOMES) {
      const count = group.filter((o) => o.outcome === outcome).length;
      if (count > 0) {
        lines.push(`| ${outcome} | ${count} | ${percent(count, group.length)} |`);
      }
    }
    lines.push('');
  }
  const files = outcomes.filter((o) => !isFolder(o));
  lines.push('## files by kind set', '', '| kinds | exact | refused upstream | other |', '|---|---|---|---|');
  const byKinds = new Map<string, Outcome[]>();
  for (const o of files) {
    byKinds.set(o.kinds, [...(byKinds.get(o.kinds) ?? []), o]);
  }
  for (const [kinds, group] of [...byKinds].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
    const exact = group.filter((o) => o.outcome === 'exact').length;
    const upstream = group.filter((o) => o.outcome === 'refused: API server' || o.outcome === "refused: kubectl's YAML reader").length;
    lines.push(`| ${kinds} | ${exact}/${group.length} | ${upstream} | ${group.length - exact - upstream} |`);
  }
  lines.push('', '## causes of files not imported exactly, by number of files', '', '| cause | class | files |', '|---|---|---|');
  const causes = new Map<string, { outcome: string; files: number }>();
  for (const o of files.filter((f) => f.outcome !== 'exact')) {
    o.causes.forEach((cause, i) => {
      const known = causes.get(cause);
      causes.set(cause, { outcome: known?.outcome ?? o.causeOutcomes[i], files: (known?.files ?? 0) + 1 });
    });
  }
  for (const [cause, { outcome, files: n }] of [...causes].sort((a, b) => b[1].files - a[1].files || a[0].localeCompare(b[0]))) {
    lines.push(`| ${cause.replace(/\|/g, '\\|')} | ${outcome} | ${n} |`);
  }
  return `${lines.join('\n')}\n`;
}

function percent(n: number, of: number): string {
  return of === 0 ? '-' : `${((100 * n) / of).toFixed(1)}%`;
}

/** The path of the pinned outcomes. */
export const EXPECTED_FILE = path.join(CORPUS, 'expected.json');

function main(args: readonly string[]): void {
  const outcomes = measureCorpus(corpusUnits(), { typecheck: !args.includes('--no-typecheck') });
  if (args.includes('--update')) {
    fs.writeFileSync(EXPECTED_FILE, `${JSON.stringify(expectedOf(outcomes), null, 2)}\n`);
  }
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
    return;
  }
  process.stdout.write(report(outcomes));
  if (args.includes('--details')) {
    for (const o of outcomes.filter((each) => each.outcome !== 'exact')) {
      process.stdout.write(`\n${o.id}: ${o.outcome}\n  ${o.details.join('\n  ')}\n`);
    }
  }
}

if (require.main === module) {
  main(process.argv.slice(2));
}
