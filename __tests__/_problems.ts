import { Chart } from 'cdk8s';
import { newChart } from './_support';

/** The validation messages of every construct of a fresh chart, as synth reports them (without the construct path). */
export function problemsOf(build: (chart: Chart) => void): string[] {
  const chart = newChart();
  build(chart);
  return chart.node.findAll().flatMap((c) => c.node.validate());
}
