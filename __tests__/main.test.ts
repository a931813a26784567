import * as path from 'path';
import { Chart } from 'cdk8s';
import { buildApp } from '../main';
import { readFolder, synthYaml, withTempDir } from './_support';

describe('the example app', () => {
  const app = buildApp({ outdir: path.join(__dirname, 'never-written') });
  const charts = app.node.children.filter((c): c is Chart => c instanceof Chart);

  test.each(charts.map((chart) => [chart.node.id, chart] as const))('chart %s matches its snapshot', (_id, chart) => {
    expect(synthYaml(chart)).toMatchSnapshot();
  });

  test('the committed dist/ is what a fresh synth writes', () => {
    withTempDir((outdir) => {
      buildApp({ outdir }).synth();
      const fresh = readFolder(outdir);
      expect(Object.keys(fresh).length).toBeGreaterThan(0);
      // If this fails, run `npm run synth` and commit dist/.
      expect(readFolder(path.join(__dirname, '..', 'dist'))).toEqual(fresh);
    });
  });
});
