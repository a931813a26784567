/**
 * The corpus of bad inputs: Peapod programs synth must refuse (with their
 * exact messages, `programs.ts`) and manifests the schema check must refuse
 * (`manifests/*.yaml`, each with its expected lines in `# expect:` comments).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { App, SynthError } from '../../lib';
import { checkManifestFiles } from '../../lib/schema';
import { readFolder, withTempDir } from '../_support';
import { BAD_PROGRAMS } from './programs';

describe('bad programs', () => {
  for (const bad of BAD_PROGRAMS) {
    const run = bad.pending ? test.failing : test;
    run(`${bad.name}: refused by ${bad.rule}`, () => {
      withTempDir((dir) => {
        const outdir = path.join(dir, 'dist');
        // Bad programs draw lint warnings too; only the errors are judged here.
        const app = new App({ outdir, onWarnings: () => undefined });
        bad.build(new Chart(app, 'bad'));
        let error: unknown;
        try {
          app.synth();
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(SynthError);
        const message = (error as Error).message;
        if (bad.expected) {
          // The problem lines, without the header (its wording is the App's).
          expect(message.split('\n').slice(1).map((line) => line.trim())).toEqual(bad.expected);
        } else {
          expect(message).toContain(`(${bad.rule})`);
        }
        expect(readFolder(outdir)).toEqual({});
      });
    });
  }
});

describe('bad manifests', () => {
  const folder = path.join(__dirname, 'manifests');
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort();

  test.each(files)('%s: refused with the expected messages', (file) => {
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    const expected = [...text.matchAll(/^# expect: (.*)$/gm)].map((m) => `${path.join(folder, file)}: ${m[1]}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(checkManifestFiles([path.join(folder, file)]).problems).toEqual(expected);
  });
});
