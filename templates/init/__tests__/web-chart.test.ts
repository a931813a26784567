import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { App } from 'peapod';
import { buildApp } from '../main';
import { WebChart } from '../lib/web-chart';

describe('WebChart', () => {
  const outdir = path.join(os.tmpdir(), 'never-written');

  test('matches its snapshot (review the diff before `npx jest -u`)', () => {
    const chart = new WebChart(new App({ outdir }), 'web');
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('has no warning and no error', () => {
    expect(buildApp({ outdir }).problems()).toEqual([]);
  });

  test('the Service sends port 80 to the named container port', () => {
    const service = Testing.synth(new WebChart(new App({ outdir }), 'web')).find((manifest) => manifest.kind === 'Service');
    expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http' }]);
  });

  test('the committed dist/ is what a fresh synth writes (run `npm run synth` and commit dist/ when it fails)', () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-'));
    try {
      buildApp({ outdir: fresh }).synth();
      const read = (dir: string) => Object.fromEntries(fs.readdirSync(dir).sort().map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]));
      expect(read(path.join(__dirname, '..', 'dist'))).toEqual(read(fresh));
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  });
});
