import * as path from 'path';
import { Chart, Testing, Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { buildWorkload } from '../bench/workloads';
import { App, Container, Pod } from '../lib';
import { oncePerPass, withinOnePass } from '../lib/_synth';
import { stringifyDocument, UnwritableValue } from '../lib/_yaml';
import { readAsNonString } from '../lib/_yaml-quoting';
import { buildApp } from '../main';
import { readFolder, withTempDir } from './_support';

// The documents as one stream, as App writes a file: separated by `---`. Throws for the first value the writer cannot write.
const stringifyYaml = (...docs: unknown[]): string => docs.map((doc, i) => (i > 0 ? '---\n' : '') + stringifyDocument(doc)).join('');

// cdk8s's own serializer, whose bytes Peapod's writer keeps wherever they read back exactly.
const reference = (...docs: unknown[]): string => Yaml.stringify(...docs);

function expectSameYaml(...docs: unknown[]): void {
  expect(stringifyYaml(...docs)).toBe(reference(...docs));
}

// The documents as a YAML 1.1 reader gets them back from Peapod's writer.
function readBack(...docs: unknown[]): unknown[] {
  return parseAllDocuments(stringifyYaml(...docs), { version: '1.1' }).map((doc) => doc.toJS());
}

// Where Peapod's writer differs from cdk8s's on purpose: characters go-yaml
// would change or refuse are escaped, strings go-yaml reads as numbers or
// booleans are quoted, text a block scalar cannot hold is double-quoted.
function differsFromCdk8s(s: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  return /[\u007f-\u009f\u2028\u2029\ud800-\udfff]/.test(s) || readAsNonString(s) || [':', '<<'].includes(s) || /[\t ]\n/.test(s) || /\n[\t ]*\n$|\n[\t ]+$|\n.*[\u0000-\u0008]/.test(s);
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
      expectSameYaml(...Testing.synth(chart));
    }
  });

  test('writes the benchmark workloads exactly as cdk8s does, without falling back', () => {
    for (const variant of ['peapod', 'l1', 'plus27'] as const) {
      const app = buildWorkload(variant, 3, path.join(__dirname, 'never-written'));
      const [chart] = app.node.children.filter((c): c is Chart => c instanceof Chart);
      expectSameYaml(...Testing.synth(chart));
    }
  });

  const writable = TRICKY_STRINGS.filter((s) => !/[\ud800-\udfff]/.test(s) && s.length < 1000);
  test.each(writable.map((s) => [JSON.stringify(s).slice(0, 60), s]))('string %s as value, key and list item reads back exactly', (_name, s) => {
    const docs = [{ value: s }, { [s]: 1 }, { outer: { [s]: s } }, { list: [s, [s], { k: s }, { [s]: [s] }] }, { a: { b: { c: [{ d: s }] } } }];
    expect(readBack(...docs)).toEqual(docs);
    if (!differsFromCdk8s(s)) {
      expectSameYaml(...docs);
    }
  });

  test('writes values of every kind and empty collections as cdk8s does', () => {
    expectSameYaml({ text: 'a\nb', list: ['x\ny\n', '  z\nw'], deep: { script: '#!/bin/sh\nexec "$@"\n' } });
    expectSameYaml({
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
    });
  });

  test('writes an object met twice in full, a Date as its JSON text, and keys no object prototype hides', () => {
    const shared = { a: 1 };
    expect(stringifyYaml({ same: shared, again: shared })).toBe('same:\n  a: 1\nagain:\n  a: 1\n');
    expect(stringifyYaml({ date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) })).toBe('date: "2024-01-02T03:04:05.000Z"\n');
    const keys = JSON.parse('{"__proto__": "a", "constructor": "b", "toString": "c", "hasOwnProperty": "d"}');
    expect(stringifyYaml({ data: keys })).toBe('data:\n  __proto__: a\n  constructor: b\n  toString: c\n  hasOwnProperty: d\n');
  });

  test('refuses what is not JSON data, naming the field', () => {
    const cycle: Record<string, unknown> = { name: 'x' };
    cycle.self = cycle;
    const refused: Array<[unknown, string]> = [
      [{ spec: { map: new Map([['a', 1]]) } }, 'spec.map: the value is a Map, which is not JSON data; give plain objects, arrays, strings, numbers and booleans'],
      [{ spec: { list: [1, new Set(['a'])] } }, 'spec.list[1]: the value is a Set, which is not JSON data; give plain objects, arrays, strings, numbers and booleans'],
      [{ big: BigInt(12) }, 'big: the value is a bigint, which is not JSON data'],
      [{ f: () => 1 }, 'f: the value is a function, which is not JSON data'],
      [{ spec: { loop: cycle } }, 'spec.loop.self: the value refers to an object that contains it (a cycle), which a manifest cannot hold'],
      [{ env: [{ value: 'a\ud800b' }] }, 'env[0].value: the string holds a lone surrogate (U+D800 at index 1), half of a character, which UTF-8 cannot encode; remove it or give the whole character'],
      [{ data: { ['k'.repeat(1100)]: 1 } }, `data.${'k'.repeat(1100)}: the key is 1100 characters long; YAML readers take keys of at most 1024`],
    ];
    for (const [doc, message] of refused) {
      expect(() => stringifyYaml(doc)).toThrow(new UnwritableValue('', '').constructor as never);
      expect(() => stringifyYaml(doc)).toThrow(message);
    }
  });

  test('several documents, undefined and non-map documents as cdk8s writes them', () => {
    expectSameYaml({ a: 1 }, undefined, { b: [2] }, undefined);
    expectSameYaml(undefined);
    expectSameYaml();
    expectSameYaml('text', 42, null, true, [1, 2], [], {}, 'multi\nline');
  });

  test('random data with YAML-hostile strings reads back exactly, with the same bytes as cdk8s where nothing needs more', () => {
    const hostile = fc.string({
      unit: fc.constantFrom('a', 'b', 'y', 'n', 'e', 'E', '0', '1', '7', '.', '-', '+', '_', ':', '#', '?', ' ', '\t', '\n', "'", '"', '\\', '~', '!', '&', '*', '%', '@', '[', '{', ',', '|', '>', 'é', '😀', '\u0007', '\u0085', '\u2028'),
      maxLength: 12,
    });
    const scalar = fc.oneof(hostile, fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 4 }),
      map: fc.dictionary(hostile, tie('value'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(fc.array(fc.dictionary(hostile, value, { minKeys: 1, maxKeys: 5 }), { minLength: 1, maxLength: 3 }), (docs) => {
        expect(readBack(...docs)).toEqual(docs);
        if (!stringsOf(docs).some(differsFromCdk8s)) {
          expect(stringifyYaml(...docs)).toBe(reference(...docs));
        }
      }),
      { numRuns: 400 },
    );
  });
});

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(stringsOf);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [k, ...stringsOf(v)]);
  }
  return [];
}

describe('oncePerPass', () => {
  test('computes every time outside a synth, once inside one', () => {
    const owner = {};
    let renders = 0;
    const render = () => ({ n: ++renders });
    expect(oncePerPass(owner, render)).toEqual({ n: 1 });
    expect(oncePerPass(owner, render)).toEqual({ n: 2 });
    withinOnePass(() => {
      expect(oncePerPass(owner, render)).toEqual({ n: 3 });
      expect(oncePerPass(owner, render)).toEqual({ n: 3 });
    });
    expect(oncePerPass(owner, render)).toEqual({ n: 4 });
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
