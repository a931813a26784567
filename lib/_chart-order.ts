import { Chart } from 'cdk8s';
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
