import * as path from 'path';
import { Chart } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { App, Container, Pod } from '../lib';
import { readAsNonString } from '../lib/_yaml-quoting';
import { readFolder, withTempDir } from './_support';

describe('strings a YAML reader could take for something else', () => {
  test('are quoted in the written manifest, keys and values alike', () => {
    withTempDir((dir) => {
      const app = new App({ outdir: path.join(dir, 'dist'), onWarnings: () => undefined });
      new Pod(new Chart(app, 'c'), 'p', {
        labels: { version: '0o17', build: '0O7', plain: 'web' },
        annotations: { note: '-0o1', '0o1': 'key', text: 'plain text' },
        containers: [new Container({ name: 'app', image: 'app:1.0', env: [{ name: 'MODE', value: '0b1' }] })],
      });
      app.synth();
      const text = Object.values(readFolder(path.join(dir, 'dist')))[0];
      for (const line of ['version: "0o17"', 'build: "0O7"', 'note: "-0o1"', '"0o1": key', 'value: "0b1"', 'plain: web', 'text: plain text']) {
        expect(text).toContain(line);
      }
      // Read back as YAML 1.2 (which takes 0o17 for a number) and 1.1, the strings stay strings.
      for (const version of ['1.1', '1.2'] as const) {
        const pod = parseAllDocuments(text, { version })[0].toJS();
        expect(pod.metadata.labels).toEqual({ version: '0o17', build: '0O7', plain: 'web' });
        expect(pod.metadata.annotations).toEqual({ note: '-0o1', '0o1': 'key', text: 'plain text' });
      }
    });
  });

  test('are those go-yaml v2 resolves as numbers, booleans, null or dates', () => {
    const misread = ['', '0X1F', '0x1f', 'yEs', 'oN', 'NuLL', '_1', '1__0', '2024-01-01', '2024-1-1T10:00:00Z', '0o17', '0O7', '-0o1', '+0x1F', '0b1', '012', '1_000', '1e3', '.5', 'yes', 'N', 'Off', 'null', '~', '.Inf', '2001-12-14'];
    const strings = ['web', '0o8', '1.2.3', 'v1', 'yess', 'nil', '0x', '1-0', '0x_'];
    expect(misread.filter((s) => !readAsNonString(s))).toEqual([]);
    expect(strings.filter((s) => readAsNonString(s))).toEqual([]);
  });
});
