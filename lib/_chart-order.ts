import { ApiObject, App as CdkApp, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';

/*
 * The charts of an app in the order cdk8s's `App.charts` gives them, found
 * without cdk8s's dependency graph when no construct has a dependency.
 *
 * cdk8s builds that graph over every construct of the app (a vertex with
 * two Sets per construct: 20,000 at 10,000 Pods, a Pod being two
 * constructs) only to sort a handful of charts. With no edge, its order is
 * the order of `Object.values` of an object keyed by construct path: the
 * paths that are array indices ("0", "12") first, in ascending numeric
 * order, then the others in tree (pre-order) order. Any dependency, which
 * cdk8s also adds between a chart and the charts nested in it, leaves the
 * sort to cdk8s.
 */

// The largest array index: property keys up to it are ordered by value, not by insertion.
const MAX_ARRAY_INDEX = 2 ** 32 - 2;

/** The charts under `root` in cdk8s's order, or `undefined` when some construct has a dependency. */
export function chartsWithoutDependencies(root: IConstruct): Chart[] | undefined {
  const indexed: Array<{ index: number; chart: Chart }> = [];
  const named: Chart[] = [];
  for (const construct of root.node.findAll()) {
    if (construct.node.dependencies.length > 0) {
      return undefined;
    }
    if (construct instanceof Chart) {
      const index = arrayIndex(construct.node.path);
      if (index === undefined) {
        named.push(construct);
      } else {
        indexed.push({ index, chart: construct });
      }
    }
  }
  indexed.sort((a, b) => a.index - b.index);
  return [...indexed.map((entry) => entry.chart), ...named];
}

// The number a property key stands for when JavaScript treats it as an array index ("7", not "07" or "-1").
function arrayIndex(key: string): number | undefined {
  if (!/^(0|[1-9][0-9]*)$/.test(key)) {
    return undefined;
  }
  const value = Number(key);
  return value <= MAX_ARRAY_INDEX ? value : undefined;
}

/*
 * cdk8s writes a chart from `chart.toJson()`, that is `App._synthChart`,
 * which validates the app again and then sorts the chart's ApiObjects with
 * a dependency graph over every construct of the chart: the high point of
 * a synth's memory. With no dependency in the app the graph has no edge,
 * and its order is the chart's tree order (a path with a "/" is never an
 * array index), so the objects are taken in that order instead.
 */

interface SynthChart {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- cdk8s's own signature
  _synthChart(chart: Chart): any[];
}

/**
 * Runs `body` (cdk8s's `App.synth()`) with each chart rendered as cdk8s
 * renders it, in the same order, without cdk8s's dependency graph when the
 * app has no dependency; the app is then validated once, with cdk8s's
 * message, before the first chart rather than before every chart.
 */
export function withChartsInTreeOrder<T>(body: () => T): T {
  const app = CdkApp as unknown as SynthChart;
  const original = app._synthChart;
  // Nothing changes the tree while it is written: whether it has a dependency is found once, not once per chart.
  const independent = new Map<IConstruct, boolean>();
  const hasNoDependency = (root: IConstruct) => {
    let known = independent.get(root);
    if (known === undefined) {
      known = chartsWithoutDependencies(root) !== undefined;
      independent.set(root, known);
    }
    return known;
  };
  // cdk8s validates the whole app again before each chart it writes; nothing can change between charts, so once is enough.
  const validated = new Set<IConstruct>();
  app._synthChart = (chart) => {
    const root = chart.node.root;
    if (!hasNoDependency(root)) {
      return original.call(CdkApp, chart);
    }
    if (!validated.has(root)) {
      validateApp(root);
      validated.add(root);
    }
    return chartInTreeOrder(chart);
  };
  try {
    return body();
  } finally {
    app._synthChart = original;
  }
}

// As cdk8s does before it writes a chart: every construct's validations, all errors at once.
function validateApp(root: IConstruct): void {
  const errors: string[] = [];
  for (const construct of root.node.findAll()) {
    for (const error of construct.node.validate()) {
      errors.push(`[${construct.node.path}] ${error}`);
    }
  }
  if (errors.length > 0) {
    throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
  }
}

// The manifests of the chart's objects, in tree order.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests as cdk8s returns them
function chartInTreeOrder(chart: Chart): any[] {
  const manifests = [];
  for (const construct of chart.node.findAll()) {
    // An object belongs to the closest chart above it, which writes it.
    if (construct instanceof ApiObject && Chart.of(construct) === chart) {
      manifests.push(construct.toJson());
    }
  }
  return manifests;
}
