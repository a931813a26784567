/**
 * `peapod import --chart-per-folder`: the manifests of each folder become a
 * chart of their own, in a file of their own, rather than one chart for
 * everything. A Service whose Pods are in another folder's chart selects
 * them by their labels, with a comment naming the workload and its chart
 * (charts of one app see each other's Pods at synth, where the selector is
 * checked).
 */
import * as path from 'path';
import { fieldOf, objectAt } from '../validation/_json';
import { chartClassName } from './code';
import { isStringMap } from './fields';
import { Findings } from './problems';
import { ImportInput, readObjects } from './read';

/** The inputs of one chart: the manifests directly in one folder. */
export interface FolderChart {
  /** The folder, as the user named it or under a folder the user named. */
  readonly folder: string;
  /** The file the chart goes to, relative to the output folder (`web.ts`, `apps-db.ts`). */
  readonly file: string;
  /** The chart class's name (`WebChart`, `AppsDbChart`). */
  readonly className: string;
  readonly inputs: ImportInput[];
}

/** A workload of another chart of the same import, for the comment of a Service that selects its Pods. */
export interface WorkloadElsewhere {
  readonly kind: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The chart class it is in. */
  readonly chart: string;
}

/**
 * Groups `inputs` by the folder that holds each file. `roots` are the paths
 * the user gave: a folder's own files are named after it (`manifests/` →
 * `manifests.ts`), those of a folder under it after the path between
 * (`manifests/apps/db/` → `apps-db.ts`). Names that would clash get a number.
 */
export function chartsPerFolder(roots: readonly string[], inputs: readonly ImportInput[]): FolderChart[] {
  const charts = new Map<string, FolderChart>();
  const taken = new Set<string>();
  for (const input of inputs) {
    const folder = input.file === '-' ? '-' : path.dirname(input.file);
    let chart = charts.get(folder);
    if (chart === undefined) {
      const slug = uniqueSlug(slugOf(folder, roots), taken);
      chart = { folder, file: `${slug}.ts`, className: chartClassName(slug), inputs: [] };
      charts.set(folder, chart);
    }
    chart.inputs.push(input);
  }
  return [...charts.values()];
}

function slugOf(folder: string, roots: readonly string[]): string {
  if (folder === '-') {
    return 'stdin';
  }
  const absolute = path.resolve(folder);
  // The deepest root the folder is in names it from there.
  const root = roots
    .map((r) => path.resolve(r))
    .filter((r) => absolute === r || absolute.startsWith(`${r}${path.sep}`))
    .sort((a, b) => b.length - a.length)[0];
  const relative = root === undefined || root === absolute ? path.basename(absolute) : path.relative(root, absolute);
  const slug = relative.split(path.sep).join('-').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'imported' : slug;
}

function uniqueSlug(slug: string, taken: Set<string>): string {
  let candidate = slug;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    candidate = `${slug}-${n}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * The workloads of `chart`'s inputs with the labels of their Pods, read
 * leniently (problems are the chart's own import's to report).
 */
export function workloadsOf(chart: FolderChart): WorkloadElsewhere[] {
  const found: WorkloadElsewhere[] = [];
  for (const { value } of readObjects(chart.inputs, new Findings())) {
    const { kind, metadata, spec } = objectAt(value);
    const name = fieldOf(metadata, 'name');
    const template = kind === 'Pod' ? value : fieldOf(kind === 'CronJob' ? fieldOf(fieldOf(spec, 'jobTemplate'), 'spec') : spec, 'template');
    const labels = fieldOf(fieldOf(template, 'metadata'), 'labels');
    if (typeof kind === 'string' && kind !== 'Service' && typeof name === 'string' && isStringMap(labels)) {
      found.push({ kind, name, labels, chart: chart.className });
    }
  }
  return found;
}

/** The first workload elsewhere whose Pods carry every label of `selector`. */
export function selectedElsewhere(selector: Readonly<Record<string, string>>, elsewhere: readonly WorkloadElsewhere[]): WorkloadElsewhere | undefined {
  const keys = Object.keys(selector);
  return keys.length === 0 ? undefined : elsewhere.find((w) => keys.every((key) => Object.hasOwn(w.labels, key) && w.labels[key] === selector[key]));
}

