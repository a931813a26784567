import { ApiObject, App as CdkApp, Chart, DependencyGraph, Names, YamlOutputType } from 'cdk8s';
import { IConstruct } from 'constructs';
import { renderedManifest } from './_synth';
import { objectAt } from './validation/_json';

/*
 * Which files an App writes, and which objects go into each in which
 * order: what cdk8s's `App.synth()` does, through cdk8s's public API only.
 *
 * cdk8s sorts charts, and the objects of each chart, with a dependency
 * graph over every construct (a vertex with two Sets per construct: 20,000
 * at 10,000 Pods). With no dependency in the app (cdk8s also adds one
 * between a chart and each chart nested in it) the graph has no edge, and
 * its order is known without it: the order of `Object.values` of an object
 * keyed by construct path, that is the paths that are array indices ("0",
 * "12") first, in ascending numeric order, then the others in tree
 * (pre-order) order; within a chart, tree order, as a path with a "/" is
 * never an array index.
 */

/** The charts under `root` in cdk8s's order, or `undefined` when some construct has a dependency. */
export function chartsWithoutDependencies(root: IConstruct, all: readonly IConstruct[] = root.node.findAll()): Chart[] | undefined {
  // Keyed by path, as cdk8s keys the vertices of its graph, so that Object.values gives its order.
  const byPath: Record<string, Chart> = Object.create(null);
  for (const construct of all) {
    if (construct.node.dependencies.length > 0) {
      return undefined;
    }
    if (construct instanceof Chart) {
      byPath[construct.node.path] = construct;
    }
  }
  return Object.values(byPath);
}

/** A file an App writes: its path relative to the output folder, and its objects in order. */
export interface OutputFile {
  readonly file: string;
  readonly objects: readonly ApiObject[];
}

/**
 * The files `app.synth()` writes, as cdk8s's `App.synth()` lays them out
 * for the app's `yamlOutputType`, with cdk8s's file names and order;
 * `all` is every construct of the app, in tree order. Like cdk8s, it
 * first adds the dependencies that nesting implies (a chart depends on
 * each chart in it, and on the charts its constructs depend on), then
 * asks the app for its charts in order.
 */
export function outputFiles(app: CdkApp, all: readonly IConstruct[]): OutputFile[] {
  const { dependantCharts, anyDependency } = addImpliedDependencies(all);
  const charts = app.charts;
  const inTreeOrder = anyDependency ? undefined : objectsByChart(all);
  // Without a dependency, tree order; with one, the order of cdk8s's dependency graph.
  const objectsOf = (chart: Chart): ApiObject[] =>
    inTreeOrder
      ? (inTreeOrder.get(chart) ?? [])
      : new DependencyGraph(chart.node).topology().filter((c): c is ApiObject => c instanceof ApiObject && Chart.of(c) === chart);
  const ext = app.outputFileExtension;
  const files: OutputFile[] = [];
  switch (app.yamlOutputType) {
    case YamlOutputType.FILE_PER_APP:
      if (charts.length > 0) {
        files.push({ file: `app${ext}`, objects: charts.flatMap(objectsOf) });
      }
      break;
    case YamlOutputType.FILE_PER_CHART: {
      const name = chartNamer(dependantCharts);
      for (const chart of charts) {
        files.push({ file: name(chart) + ext, objects: objectsOf(chart) });
      }
      break;
    }
    case YamlOutputType.FILE_PER_RESOURCE:
    case YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE: {
      const folder = app.yamlOutputType === YamlOutputType.FILE_PER_RESOURCE ? () => '' : chartNamer(dependantCharts);
      // cdk8s writes each object to a file of its kind and name; a later object of the same kind and name replaces an earlier one.
      const byFile = new Map<string, OutputFile>();
      for (const chart of charts) {
        const dir = folder(chart);
        for (const object of objectsOf(chart)) {
          // Named by its manifest's kind and name, as cdk8s names it with FILE_PER_RESOURCE.
          const manifest = objectAt(renderedManifest(object));
          const file = `${manifest.kind}.${objectAt(manifest.metadata).name}`.replace(/[^0-9a-zA-Z-_.]/g, '') + ext;
          const at = dir === '' ? file : `${dir}/${file}`;
          byFile.delete(at);
          byFile.set(at, { file: at, objects: [object] });
        }
      }
      files.push(...byFile.values());
      break;
    }
  }
  return files;
}

// Chart names as cdk8s gives them: numbered in order when charts depend on each other.
function chartNamer(numbered: boolean): (chart: Chart) => string {
  let index = 0;
  return (chart) => (numbered ? `${(index++).toString().padStart(4, '0')}-` : '') + Names.toDnsLabel(chart);
}

// The objects of each chart, those of a nested chart in its own, in tree order.
function objectsByChart(all: readonly IConstruct[]): Map<Chart, ApiObject[]> {
  const byChart = new Map<Chart, ApiObject[]>();
  for (const construct of all) {
    if (construct instanceof ApiObject) {
      const chart = Chart.of(construct);
      const objects = byChart.get(chart) ?? [];
      objects.push(construct);
      byChart.set(chart, objects);
    }
  }
  return byChart;
}

/**
 * Adds the dependencies cdk8s adds before it writes: each chart on the
 * charts nested in it, a chart on the charts its constructs depend on, and
 * the objects of a construct on the objects of those it depends on.
 * Returns whether any chart depends on another, and whether any construct
 * depends on another.
 */
function addImpliedDependencies(all: readonly IConstruct[]): { dependantCharts: boolean; anyDependency: boolean } {
  let dependantCharts = false;
  let anyDependency = false;
  for (const construct of all) {
    if (construct instanceof Chart) {
      for (const child of construct.node.children) {
        if (child instanceof Chart) {
          construct.node.addDependency(child);
          dependantCharts = true;
          anyDependency = true;
        }
      }
    }
    anyDependency ||= construct.node.dependencies.length > 0;
  }
  if (!anyDependency) {
    return { dependantCharts, anyDependency };
  }
  for (const { source, target } of dependenciesOf(all)) {
    const sourceChart = Chart.of(source);
    const targetChart = Chart.of(target);
    if (sourceChart !== targetChart) {
      sourceChart.node.addDependency(targetChart);
      dependantCharts = true;
    }
  }
  for (const { source, target } of dependenciesOf(all)) {
    const targets = objectsOwnedBy(target, Chart.of(target));
    for (const object of objectsOwnedBy(source, Chart.of(source))) {
      for (const other of targets) {
        if (other !== object) {
          object.node.addDependency(other);
        }
      }
    }
  }
  return { dependantCharts, anyDependency };
}

function dependenciesOf(all: readonly IConstruct[]): Array<{ source: IConstruct; target: IConstruct }> {
  return all.flatMap((source) => source.node.dependencies.map((target) => ({ source, target })));
}

function objectsOwnedBy(construct: IConstruct, chart: Chart): ApiObject[] {
  return construct.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject && Chart.of(c) === chart);
}
