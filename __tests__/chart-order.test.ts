import * as os from 'os';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { Construct } from 'constructs';
import { App, Container, Pod } from '../lib';
import { chartsWithoutDependencies, withChartsInTreeOrder } from '../lib/_chart-order';
import { withTempDir, readFolder } from './_support';

// Peapod's App finds its charts without cdk8s's dependency graph when it
// can; the order must be the one cdk8s's own getter gives, always.

const cdk8sCharts = Object.getOwnPropertyDescriptor(cdk8s.App.prototype, 'charts')!.get!;

function newApp(): App {
  return new App({ outdir: path.join(os.tmpdir(), 'peapod-never-written') });
}

function paths(charts: readonly cdk8s.Chart[]): string[] {
  return charts.map((chart) => chart.node.path);
}

function expectCdk8sOrder(app: App): string[] {
  const expected = paths(cdk8sCharts.call(app) as cdk8s.Chart[]);
  expect(paths(app.charts)).toEqual(expected);
  return expected;
}

describe('App.charts', () => {
  test('puts charts whose ids are array indices first, by value, then the others in tree order, as cdk8s does', () => {
    const app = newApp();
    for (const id of ['web', '12', 'db', '07', '3', '-1', '0', '4294967295', '4294967294', '1.5', 'cache']) {
      new cdk8s.Chart(app, id);
    }
    expect(chartsWithoutDependencies(app)).toBeDefined();
    expect(expectCdk8sOrder(app)).toEqual(['0', '3', '12', '4294967294', 'web', 'db', '07', '-1', '4294967295', '1.5', 'cache']);
  });

  test('orders charts nested in charts and in other constructs as cdk8s does', () => {
    const app = newApp();
    const outer = new cdk8s.Chart(app, 'outer');
    new cdk8s.Chart(outer, '5');
    const group = new Construct(app, '2');
    new cdk8s.Chart(group, 'inner');
    new cdk8s.Chart(app, '1');
    new Pod(outer, 'pod', { containers: [new Container({ name: 'app', image: 'nginx:1.27' })] });
    // A construct's children are kept by id too, so ids that are array indices come first in tree order as well.
    expect(expectCdk8sOrder(app)).toEqual(['1', '2/inner', 'outer', 'outer/5']);
  });

  test('leaves the sort to cdk8s when charts depend on each other', () => {
    const app = newApp();
    const first = new cdk8s.Chart(app, 'first');
    const second = new cdk8s.Chart(app, 'second');
    first.addDependency(second);
    expect(chartsWithoutDependencies(app)).toBeUndefined();
    expect(expectCdk8sOrder(app)).toEqual(['second', 'first']);
  });

  test('leaves the sort to cdk8s when constructs in different charts depend on each other', () => {
    const app = newApp();
    const a = new cdk8s.Chart(app, '1');
    const b = new cdk8s.Chart(app, '0');
    const config = new k8s.KubeConfigMap(b, 'config', {});
    const pod = new Pod(a, 'pod', { containers: [new Container({ name: 'app', image: 'nginx:1.27' })] });
    pod.node.addDependency(config);
    expect(chartsWithoutDependencies(app)).toBeUndefined();
    expectCdk8sOrder(app);
  });

  test('synth of nested charts, which cdk8s makes depend on each other, writes the files cdk8s names for them', () => {
    withTempDir((dir) => {
      const app = new App({ outdir: dir });
      const outer = new cdk8s.Chart(app, 'outer');
      new k8s.KubeConfigMap(new cdk8s.Chart(outer, 'inner'), 'config', {});
      new k8s.KubeConfigMap(new cdk8s.Chart(app, '3'), 'config', {});
      app.synth();
      expect(chartsWithoutDependencies(app)).toBeUndefined();
      expect(Object.keys(readFolder(dir)).sort()).toEqual(['0000-3.k8s.yaml', '0001-outer-inner-c841ea9b.k8s.yaml', '0002-outer.k8s.yaml']);
    });
  });
});

// Chart.toJson() is what cdk8s's App.synth writes from.
function cdk8sToJson(chart: cdk8s.Chart): unknown[] {
  return chart.toJson();
}

function treeOrderToJson(chart: cdk8s.Chart): unknown[] {
  return withChartsInTreeOrder(() => chart.toJson());
}

function configMap(scope: Construct, id: string): k8s.KubeConfigMap {
  return new k8s.KubeConfigMap(scope, id, { metadata: { name: id }, data: { id } });
}

describe('withChartsInTreeOrder', () => {
  test('renders the objects of a chart in the order cdk8s does, without those of the charts nested in it', () => {
    const app = newApp();
    const chart = new cdk8s.Chart(app, '0');
    configMap(chart, 'b');
    const group = new Construct(chart, 'group');
    configMap(group, '9');
    configMap(group, '1');
    new Pod(chart, 'pod', { containers: [new Container({ name: 'app', image: 'nginx:1.27' })] });
    configMap(new cdk8s.Chart(chart, 'nested'), 'inner');
    configMap(chart, 'a');
    const expected = cdk8sToJson(chart);
    expect(expected.map((m) => (m as { metadata: { name: string } }).metadata.name)).toEqual(['b', '1', '9', 'pod', 'a']);
    expect(treeOrderToJson(chart)).toEqual(expected);
    expect(treeOrderToJson(app.node.findChild('0').node.findChild('nested') as cdk8s.Chart)).toEqual(cdk8sToJson(app.node.findChild('0').node.findChild('nested') as cdk8s.Chart));
  });

  test('leaves the order to cdk8s when objects depend on each other', () => {
    const app = newApp();
    const chart = new cdk8s.Chart(app, 'chart');
    const first = configMap(chart, 'first');
    const second = configMap(chart, 'second');
    first.addDependency(second);
    const expected = cdk8sToJson(chart);
    expect(expected.map((m) => (m as { metadata: { name: string } }).metadata.name)).toEqual(['second', 'first']);
    expect(treeOrderToJson(chart)).toEqual(expected);
  });

  test('fails on the errors of every construct of the app with the message cdk8s gives', () => {
    const app = newApp();
    const chart = new cdk8s.Chart(app, 'chart');
    configMap(chart, 'config');
    new Construct(chart, 'custom').node.addValidation({ validate: () => ['custom check failed', 'and another'] });
    new Construct(new cdk8s.Chart(app, 'other'), 'check').node.addValidation({ validate: () => ['other chart failed'] });
    expect(() => cdk8sToJson(chart)).toThrow(
      'Validation failed with the following errors:\n  [chart/custom] custom check failed\n  [chart/custom] and another\n  [other/check] other chart failed',
    );
    expect(() => treeOrderToJson(chart)).toThrow(
      'Validation failed with the following errors:\n  [chart/custom] custom check failed\n  [chart/custom] and another\n  [other/check] other chart failed',
    );
  });

  test('validates the app once per write, where cdk8s validates it again before every chart', () => {
    const app = newApp();
    const charts = [new cdk8s.Chart(app, 'a'), new cdk8s.Chart(app, 'b'), new cdk8s.Chart(app, 'c')];
    charts.forEach((chart, i) => configMap(chart, `config-${i}`));
    let validations = 0;
    new Construct(charts[0], 'counted').node.addValidation({ validate: () => (validations++, []) });
    const inTreeOrder = withChartsInTreeOrder(() => charts.map((chart) => chart.toJson()));
    expect(validations).toBe(1);
    validations = 0;
    expect(charts.map((chart) => cdk8sToJson(chart))).toEqual(inTreeOrder);
    expect(validations).toBe(3);
  });

  test('puts cdk8s\'s own chart synth back afterwards', () => {
    const before = (cdk8s.App as unknown as { _synthChart: unknown })._synthChart;
    expect(() => withChartsInTreeOrder(() => {
      throw new Error('body failed');
    })).toThrow('body failed');
    expect((cdk8s.App as unknown as { _synthChart: unknown })._synthChart).toBe(before);
  });
});
