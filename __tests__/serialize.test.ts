import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing, Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import { buildWorkload } from '../bench/workloads';
import { App, Container, Pod } from '../lib';
import { oncePerSynth, withSynthCaches } from '../lib/_synth';
import { fallbackCount, saveYaml, stringifyYaml, withFastYaml } from '../lib/_yaml';
import { buildApp } from '../main';
import { readFolder, withTempDir } from './_support';

// cdk8s's own serializer, the reference every output is compared with.
const reference = (...docs: unknown[]): string => Yaml.stringify(...docs);

/** Asserts byte-identical output and returns how many documents fell back to cdk8s's serializer. */
function expectSameYaml(...docs: unknown[]): number {
  const before = fallbackCount.documents;
  expect(stringifyYaml(...docs)).toBe(reference(...docs));
  return fallbackCount.documents - before;
}

// Strings YAML reads as something else, or that break a plain scalar.
const TRICKY_STRINGS = [
  '', ' ', 'true', 'True', 'TRUE', 'false', 'yes', 'Yes', 'no', 'NO', 'y', 'Y', 'n', 'N', 'on', 'Off', 'null', 'Null', '~',
  '0', '-1', '+1', '0775', '0o17', '0b101', '0x1F', '1_000', '1e3', '1E3', 'e3', '.5', '-.5', '1.', '.inf', '-.Inf', '.nan', '.NaN',
  '12:30', '1:20:30', '190:20:30.15', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '<<',
  ':', '::', 'a:b', 'a: b', 'a:', '#', 'a#b', 'a #b', '-', '--', '- a', '-a', '?', '? a', '?a', '---', '--- a', '...', '%TAG',
  '[a]', '{a}', 'a,b', ',a', '*ref', '&anchor', '!tag', '|', '>', "'quoted'", '"quoted"', 'it\'s', 'say "hi"', 'both \' and "',
  '@at', '`tick`', ' leading', 'trailing ', '\tleading tab', 'trailing tab\t', 'in\tside', 'a\\b', 'back\\slash\\n',
  'héllo', 'ünïcödé ✓', '日本語', 'emoji 😀', 'zero\u200bwidth', 'line\u2028separator', 'nbsp\u00a0space', 'next\u0085line',
  'bell\u0007', 'nul\u0000', 'esc\u001b', 'del\u007f', 'c1\u0090', 'vt\u000b', 'cr\rcr', 'lone \ud800 surrogate',
  'line one\nline two', 'ends with newline\n', 'two newlines at the end\n\n', '\nleading newline', '  indented\nfirst line',
  'a\n\n\nb', 'trailing blanks  \nline', 'last line blank\n  ', 'tab\n\tindented', '#!/bin/sh\nexec "$@"\n', 'key: value\n- item',
  '--- \n...\n', 'x'.repeat(1100), `${'long '.repeat(300)}end`,
];

describe('stringifyYaml', () => {
  test('writes the example app exactly as cdk8s does, without falling back', () => {
    const app = buildApp({ outdir: path.join(__dirname, 'never-written') });
    const charts = app.node.children.filter((c): c is Chart => c instanceof Chart);
    expect(charts.length).toBe(5);
    for (const chart of charts) {
      expect(expectSameYaml(...Testing.synth(chart))).toBe(0);
    }
  });

  test('writes the benchmark workloads exactly as cdk8s does, without falling back', () => {
    for (const variant of ['peapod', 'l1', 'plus27'] as const) {
      const app = buildWorkload(variant, 3, path.join(__dirname, 'never-written'));
      const [chart] = app.node.children.filter((c): c is Chart => c instanceof Chart);
      expect(expectSameYaml(...Testing.synth(chart))).toBe(0);
    }
  });

  test.each(TRICKY_STRINGS.map((s) => [JSON.stringify(s).slice(0, 60), s]))('string %s as value, key and list item', (_name, s) => {
    expectSameYaml({ value: s });
    expectSameYaml({ [s]: 1 });
    expectSameYaml({ outer: { [s]: s } });
    expectSameYaml({ list: [s, [s], { k: s }, { [s]: [s] }] });
    expectSameYaml({ a: { b: { c: [{ d: s }] } } });
  });

  test('single-line strings, values of every kind and empty collections stay on the fast path', () => {
    const singleLine = TRICKY_STRINGS.filter((s) => !s.includes('\n') && s.length < 1000 && s !== '<<');
    expect(expectSameYaml(...singleLine.map((s) => ({ value: s, [s || 'empty']: [s] })))).toBe(0);
    expect(expectSameYaml({ text: 'a\nb', list: ['x\ny\n', '  z\nw'], deep: { script: '#!/bin/sh\nexec "$@"\n' } })).toBe(0);
    expect(expectSameYaml({
      numbers: [0, -0, 1, -1, 0.5, -2.25, 1e21, 1e-7, 123456789012, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, NaN, Infinity, -Infinity],
      booleans: [true, false],
      nothing: [null, undefined],
      missing: undefined,
      empty: { map: {}, list: [], nested: [[], {}, [[]], [{}]] },
      // eslint-disable-next-line no-sparse-arrays
      sparse: [1, , 3],
      lists: [[1, [2, [3]]], [{ a: 1, b: [{ c: 2 }] }]],
      '123': 'numeric key',
      __proto__key: { 'constructor': 'x' },
    })).toBe(0);
  });

  test('values it does not reproduce itself go to cdk8s whole, with the same result', () => {
    const shared = { a: 1 };
    const unsupported: unknown[] = [
      { date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) },
      { map: new Map([['a', 1]]) },
      { set: new Set(['a']) },
      { big: BigInt(12) },
      { same: shared, again: shared },
      { list: [shared, shared] },
      { key: { 'multi\nline key': 1 } },
      { keep: 'two newlines\n\n' },
      { blanks: 'ends in blanks\n  ' },
      { control: 'multi\nline\u0007' },
      { long: { ['k'.repeat(1100)]: 1 } },
      { merge: '<<' },
      { custom: { toJSON: () => 'custom' } },
      { instance: new (class Point { public x = 1; })() },
    ];
    for (const doc of unsupported) {
      expect(expectSameYaml(doc)).toBe(1);
    }
  });

  test('several documents, undefined and non-map documents as cdk8s writes them', () => {
    expectSameYaml({ a: 1 }, undefined, { b: [2] }, undefined);
    expectSameYaml(undefined);
    expectSameYaml();
    expectSameYaml('text', 42, null, true, [1, 2], [], {}, 'multi\nline');
  });

  test('random data with YAML-hostile strings: the same bytes as cdk8s', () => {
    const hostile = fc.string({
      unit: fc.constantFrom('a', 'b', 'y', 'n', 'e', 'E', '0', '1', '7', '.', '-', '+', '_', ':', '#', '?', ' ', '\t', '\n', "'", '"', '\\', '~', '!', '&', '*', '%', '@', '[', '{', ',', '|', '>', 'é', '😀', '\u0007', '\u0085'),
      maxLength: 12,
    });
    const scalar = fc.oneof(hostile, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 4 }),
      map: fc.dictionary(hostile, tie('value'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(fc.array(fc.dictionary(hostile, value, { minKeys: 1, maxKeys: 5 }), { minLength: 1, maxLength: 3 }), (docs) => {
        expect(stringifyYaml(...docs)).toBe(reference(...docs));
      }),
      { numRuns: 400 },
    );
  });
});

describe('saveYaml', () => {
  test('writes the file cdk8s Yaml.save writes', () => {
    withTempDir((dir) => {
      const docs = [{ a: 'yes', b: ['multi\nline'] }, undefined, { c: { d: [] } }, { same: 'x' }];
      Yaml.save(path.join(dir, 'reference.yaml'), docs);
      saveYaml(path.join(dir, 'fast.yaml'), docs);
      expect(fs.readFileSync(path.join(dir, 'fast.yaml'), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'reference.yaml'), 'utf8'));
    });
  });
});

describe('withFastYaml', () => {
  test('puts cdk8s Yaml.stringify and Yaml.save back, even when the body throws', () => {
    const { stringify, save } = Yaml;
    expect(() => withFastYaml(() => {
      expect(Yaml.stringify).toBe(stringifyYaml);
      expect(Yaml.save).toBe(saveYaml);
      throw new Error('boom');
    })).toThrow('boom');
    expect(Yaml.stringify).toBe(stringify);
    expect(Yaml.save).toBe(save);
  });
});

describe('oncePerSynth', () => {
  test('computes every time outside a synth, once inside one', () => {
    const owner = {};
    let renders = 0;
    const render = () => ({ n: ++renders });
    expect(oncePerSynth(owner, render)).toEqual({ n: 1 });
    expect(oncePerSynth(owner, render)).toEqual({ n: 2 });
    withSynthCaches(() => {
      expect(oncePerSynth(owner, render)).toEqual({ n: 3 });
      expect(oncePerSynth(owner, render)).toEqual({ n: 3 });
    });
    expect(oncePerSynth(owner, render)).toEqual({ n: 4 });
  });

  test('a Pod changed after problems() were read synthesizes with the change', () => {
    withTempDir((outdir) => {
      const app = new App({ outdir, onWarnings: () => undefined });
      const pod = new Pod(new Chart(app, 'one'), 'pod', { containers: [new Container({ name: 'a', image: 'a:1' })] });
      expect(pod.problems().filter((p) => p.severity === 'error')).toEqual([]);
      pod.addContainer(new Container({ name: 'b', image: 'b:1' }));
      app.synth();
      expect(readFolder(outdir)['one.k8s.yaml']).toContain('name: b');
    });
  });

  test('a Pod renders and checks once per synth, though cdk8s validates twice and then writes', () => {
    withTempDir((outdir) => {
      const app = new App({ outdir, onWarnings: () => undefined });
      const pod = new Pod(new Chart(app, 'one'), 'pod', { containers: [new Container({ name: 'a', image: 'a:1' })] });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the private render step is what must run once
      const spec = jest.spyOn(pod.template as any, 'renderSpec');
      const problems = jest.spyOn(pod, 'problems');
      app.synth();
      expect(spec).toHaveBeenCalledTimes(1);
      // cdk8s validates the app twice in this synth: once itself, once for the chart it writes.
      expect(problems).toHaveBeenCalledTimes(1);
      expect(readFolder(outdir)['one.k8s.yaml']).toBe(reference(...Testing.synth(pod.node.scope as Chart)));
    });
  });
});
