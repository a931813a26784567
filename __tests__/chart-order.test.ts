import * as os from 'os';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { Construct } from 'constructs';
import { App, Container, Pod } from '../lib';
import { chartsWithoutDependencies } from '../lib/_chart-order';
import { readFolder, readTree, withTempDir } from './_support';

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
function configMap(scope: Construct, id: string): k8s.KubeConfigMap {
  return new k8s.KubeConfigMap(scope, id, { metadata: { name: id }, data: { id } });
}

/** What cdk8s's own App.synth() and Peapod's write for the same tree: file names, order and contents. */
function bothWrite(build: (app: cdk8s.App) => void, props: cdk8s.AppProps = {}): { cdk8s: Record<string, string>; peapod: Record<string, string> } {
  return withTempDir((dir) => {
    const reference = new cdk8s.App({ ...props, outdir: path.join(dir, 'cdk8s') });
    build(reference);
    reference.synth();
    const app = new App({ ...props, outdir: path.join(dir, 'peapod'), config: {}, onWarnings: () => undefined });
    build(app);
    app.synth();
    return { cdk8s: readTree(path.join(dir, 'cdk8s')), peapod: readTree(path.join(dir, 'peapod')) };
  });
}

// Charts nested in charts and in other constructs, objects in groups, a nested chart's objects kept out of its parent's file.
function nestedCharts(app: cdk8s.App): void {
  const chart = new cdk8s.Chart(app, '0');
  configMap(chart, 'b');
  const group = new Construct(chart, 'group');
  configMap(group, '9');
  configMap(group, '1');
  new Pod(chart, 'pod', { containers: [new Container({ name: 'app', image: 'nginx:1.27' })] });
  configMap(new cdk8s.Chart(chart, 'nested'), 'inner');
  configMap(chart, 'a');
  configMap(new cdk8s.Chart(new Construct(app, 'holder'), 'held'), 'held');
}

// Dependencies between charts, and between objects of one chart and of two.
function dependencies(app: cdk8s.App): void {
  const first = new cdk8s.Chart(app, 'first');
  const second = new cdk8s.Chart(app, 'second');
  const third = new cdk8s.Chart(app, 'third');
  first.addDependency(third);
  const a = configMap(first, 'a');
  const b = configMap(first, 'b');
  a.addDependency(b);
  configMap(second, 'c').addDependency(configMap(third, 'd'));
}

describe('App.synth lays out its files as cdk8s does', () => {
  test.each([
    ['nested charts', nestedCharts],
    ['dependencies between charts and between objects', dependencies],
  ] as const)('%s, for every yamlOutputType and a file extension of its own', (_name, build) => {
    for (const yamlOutputType of [cdk8s.YamlOutputType.FILE_PER_APP, cdk8s.YamlOutputType.FILE_PER_CHART, cdk8s.YamlOutputType.FILE_PER_RESOURCE, cdk8s.YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE]) {
      for (const outputFileExtension of [undefined, '.yml']) {
        const written = bothWrite(build, { yamlOutputType, outputFileExtension });
        expect(Object.keys(written.peapod).length).toBeGreaterThan(0);
        expect(written.peapod).toEqual(written.cdk8s);
      }
    }
  });

  test('numbers the chart files when charts depend on each other, as cdk8s does', () => {
    const written = bothWrite(dependencies);
    expect(Object.keys(written.peapod)).toEqual(['0000-third.k8s.yaml', '0001-first.k8s.yaml', '0002-second.k8s.yaml']);
    expect(written.peapod['0001-first.k8s.yaml'].indexOf('name: b')).toBeLessThan(written.peapod['0001-first.k8s.yaml'].indexOf('name: a'));
    expect(written.peapod).toEqual(written.cdk8s);
  });

  test('writes construct-metadata.json when asked to, as cdk8s does', () => {
    const written = bothWrite(nestedCharts, { recordConstructMetadata: true });
    expect(JSON.parse(written.peapod['construct-metadata.json'])).toEqual(JSON.parse(written.cdk8s['construct-metadata.json']));
  });

  test('fails on the errors of every construct of the app, all at once', () => {
    withTempDir((dir) => {
      const app = new App({ outdir: dir, config: {}, onWarnings: () => undefined });
      const chart = new cdk8s.Chart(app, 'chart');
      configMap(chart, 'config');
      new Construct(chart, 'custom').node.addValidation({ validate: () => ['custom check failed', 'and another'] });
      new Construct(new cdk8s.Chart(app, 'other'), 'check').node.addValidation({ validate: () => ['other chart failed'] });
      expect(() => app.synth()).toThrow(
        'synth failed with 3 errors; no manifest was written:\n  [chart/custom] custom check failed\n  [chart/custom] and another\n  [other/check] other chart failed',
      );
    });
  });

  test('validates the app once, where cdk8s validates it again before every chart', () => {
    withTempDir((dir) => {
      const app = new App({ outdir: dir, config: {}, onWarnings: () => undefined });
      const charts = [new cdk8s.Chart(app, 'a'), new cdk8s.Chart(app, 'b'), new cdk8s.Chart(app, 'c')];
      charts.forEach((chart, i) => configMap(chart, `config-${i}`));
      let validations = 0;
      new Construct(charts[0], 'counted').node.addValidation({ validate: () => (validations++, []) });
      app.synth();
      expect(validations).toBe(1);
    });
  });

  test("leaves cdk8s's own members as they were", () => {
    const before = [(cdk8s.App as unknown as { _synthChart: unknown })._synthChart, cdk8s.Yaml.stringify, cdk8s.Yaml.save];
    const written = bothWrite(nestedCharts);
    expect(written.peapod).toEqual(written.cdk8s);
    expect([(cdk8s.App as unknown as { _synthChart: unknown })._synthChart, cdk8s.Yaml.stringify, cdk8s.Yaml.save]).toEqual(before);
  });
});
