import { spawnSync } from 'child_process';
import * as path from 'path';
import { Chart } from 'cdk8s';
import * as fc from 'fast-check';
import { App, ConfigMap, Container, Pod, Secret } from '../lib';
import { withTempDir } from './_support';

/*
 * What synth writes, kubectl reads back exactly as declared: arbitrary
 * strings in annotations, env values, command, args, ConfigMap and Secret
 * data, and label and nodeSelector values and data keys that YAML readers
 * take for numbers, booleans, null or dates, are read back by kubectl's
 * own decoder (`kubectl label --local -f DIR x=y -o json`, no cluster
 * needed), many strings per kubectl call. A string that cannot be written
 * (a lone surrogate) fails synth with a message naming the field.
 */

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
const describeWithKubectl = kubectl.status === 0 ? describe : describe.skip;

// Characters YAML readers treat specially, mixed into arbitrary text.
const SPECIAL = [
  '\u0085', '\u2028', '\u2029', '\u007f', '\ufffe', '\uffff', '\ufeff', '\u0000', '\u0007', '\u001b', '\u0090', '\u009f', '\t', '\r', '\n',
  ' ', '#', ':', '-', '?', '"', "'", '\\', '|', '>', '&', '*', '!', '%', '@', '`', '{', '[', ',', '~', '.', '_', '0', '1', 'x', 'X', 'o', 'b', 'e', 'y',
  'n', 'on', 'off', 'yes', 'No', 'NULL', '0X1F', '0o17', '0b1', '1_000', '1e3', '.inf', '2024-01-01', '12:30', '<<', '---', '...', '😀', 'é',
];
const anyText = fc.oneof(
  fc.array(fc.constantFrom(...SPECIAL), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', ' ', '\n', '\n\n', 'a\n  ', ' a\nb', '\ta\n', 'a \nb', 'yes', 'on', '0X1F', '~', 'null', '2024-01-01'),
);
// Strings made of UTF-16 code units that pair up: anything else no UTF-8 file can hold.
const text = anyText.filter((s) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s));
// `$(` starts a reference to a variable, which synth checks: kept out of env, command and args here.
const envText = text.map((s) => s.replace(/\$\(/g, '$ ('));
// Label values and data keys that YAML readers take for other things.
const labelValue = fc.constantFrom('on', 'off', 'y', 'N', 'yes', 'NO', 'true', 'null', 'Null', '0X1F', '0x1f', '0o17', '0b1', '017', '1_000', '1e3', '1.5', '2024-01-01', '12.30', 'web');
const dataKey = fc.constantFrom('on', 'y', 'n', 'NULL', '0X1F', '1_0', '1e3', '.inf', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '2024-01-01', 'a.b');

interface Declared {
  readonly annotation: string;
  readonly label: string;
  readonly selector: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: string;
  readonly key: string;
  readonly data: string;
  readonly secret: string;
}

const declared: fc.Arbitrary<Declared> = fc.record({
  annotation: text,
  label: labelValue,
  selector: labelValue,
  command: envText,
  args: fc.array(envText, { maxLength: 3 }),
  env: envText,
  key: dataKey,
  data: text,
  secret: text,
});

/** Synthesizes one Pod, ConfigMap and Secret per declaration into `dir`. */
function synthesize(dir: string, all: readonly Declared[]): void {
  const app = new App({ outdir: dir, config: {}, onWarnings: () => undefined });
  const chart = new Chart(app, 'c');
  all.forEach((d, i) => {
    new Pod(chart, `p${i}`, {
      labels: { app: 'web', v: d.label },
      annotations: { note: d.annotation },
      nodeSelector: { zone: d.selector },
      containers: [new Container({ name: 'c', image: 'nginx:1.27', command: [d.command], args: [...d.args], env: [{ name: 'V', value: d.env }] })],
    });
    new ConfigMap(chart, `m${i}`, { data: { [d.key]: d.data } });
    new Secret(chart, `s${i}`, { stringData: { [d.key]: d.secret } });
  });
  app.synth();
}

/** The objects of `dir` as kubectl reads them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- kubectl's JSON
function kubectlRead(dir: string): any[] {
  const run = spawnSync('kubectl', ['label', '--local', '-f', dir, 'x=y', '-o', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    throw new Error(`kubectl could not read ${dir}: ${run.stderr}`);
  }
  // One pretty-printed object after another: each ends with a "}" alone on its line.
  return run.stdout
    .split(/^}$/m)
    .filter((part) => part.trim() !== '')
    .map((part) => JSON.parse(`${part}}`));
}

describeWithKubectl('kubectl reads back what synth wrote', () => {
  test('arbitrary strings in every string field, exactly as declared', () => {
    fc.assert(
      fc.property(fc.array(declared, { minLength: 1, maxLength: 25 }), (all) => {
        withTempDir((dir) => {
          const outdir = path.join(dir, 'dist');
          synthesize(outdir, all);
          const objects = kubectlRead(outdir);
          const byName = new Map(objects.map((o) => [`${o.kind}/${o.metadata.name}`, o]));
          all.forEach((d, i) => {
            const pod = byName.get(`Pod/p${i}`);
            expect(pod.metadata.annotations).toEqual({ note: d.annotation });
            expect(pod.metadata.labels).toEqual({ app: 'web', v: d.label, x: 'y' });
            expect(pod.spec.nodeSelector).toEqual({ zone: d.selector });
            const container = pod.spec.containers[0];
            expect(container.command).toEqual([d.command]);
            expect(container.args ?? []).toEqual(d.args);
            expect(container.env).toEqual([{ name: 'V', value: d.env }]);
            expect(byName.get(`ConfigMap/m${i}`).data).toEqual({ [d.key]: d.data });
            expect(byName.get(`Secret/s${i}`).stringData).toEqual({ [d.key]: d.secret });
          });
        });
      }),
      { numRuns: 25 },
    );
  });

  test('a string no UTF-8 file can hold fails synth, naming the construct and the field', () => {
    withTempDir((dir) => {
      const app = new App({ outdir: path.join(dir, 'dist'), config: {}, onWarnings: () => undefined });
      const chart = new Chart(app, 'c');
      new Pod(chart, 'web', {
        annotations: { note: 'half \ud83d of an emoji' },
        containers: [new Container({ name: 'c', image: 'nginx:1.27', env: [{ name: 'V', value: '\udc00' }] })],
      });
      new ConfigMap(chart, 'config', { data: { key: 'ok', other: 'x\udbff' } });
      expect(() => app.synth()).toThrow(
        'synth failed with 2 errors; no manifest was written:\n' +
          '  [c/web] metadata.annotations.note: the string holds a lone surrogate (U+D83D at index 5), half of a character, which UTF-8 cannot encode; remove it or give the whole character\n' +
          '  [c/config] data.other: the string holds a lone surrogate (U+DBFF at index 1), half of a character, which UTF-8 cannot encode; remove it or give the whole character',
      );
    });
  });
});
