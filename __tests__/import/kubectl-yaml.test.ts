import * as fs from 'fs';
import * as path from 'path';
import { importManifests } from '../../lib/import';
import { MAX_VALUES, readKubectlYaml } from '../../lib/import/_kubectl-yaml';
import { run } from '../../lib/import/cli';
import { withTempDir } from '../_support';

const DIR = path.join(__dirname, 'kubectl');

const messages = (text: string) => readKubectlYaml(text).flatMap((d) => d.problems.map((p) => p.message));
const value = (text: string) => {
  const [document] = readKubectlYaml(text);
  expect(document.problems).toEqual([]);
  return document.value;
};

describe('YAML is read as kubectl reads it', () => {
  // cases.kubectl.json is what `kubectl label --local -f cases.yaml x=y -o json`
  // (kubectl 1.32) printed, less the label it added: every scalar form, tag,
  // key type, merge and alias in cases.yaml, as kubectl apply decodes them.
  test('every case of cases.yaml reads as kubectl read it', () => {
    const expected = JSON.parse(fs.readFileSync(path.join(DIR, 'cases.kubectl.json'), 'utf8'));
    const documents = readKubectlYaml(fs.readFileSync(path.join(DIR, 'cases.yaml'), 'utf8'));
    expect(documents.flatMap((d) => d.problems)).toEqual([]);
    // Compared as JSON, where kubectl's answer lives: key order aside, the same values.
    const sorted = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(sorted) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])])) : v;
    expect(documents.map((d) => sorted(d.value))).toEqual(expected.map(sorted));
  });

  test('dates, times and sexagesimal numbers stay the text they are; 0X1F and 0o17 are numbers', () => {
    expect(value('a: 2024-01-01\nb: 12:30\nc: 0X1F\nd: 0o17\ne: 0644\nf: yes\ng: "yes"')).toEqual({ a: '2024-01-01', b: '12:30', c: 31, d: 15, e: 420, f: true, g: 'yes' });
  });

  test('keys such as __proto__ and constructor are keys like any other, on objects without a prototype', () => {
    const read = value('__proto__: a\nconstructor: b\ntoString: c\nhasOwnProperty: d') as Record<string, string>;
    expect(Object.getPrototypeOf(read)).toBeNull();
    expect(Object.keys(read)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(read['__proto__']).toBe('a');
  });

  // What kubectl refuses, and what it reads but JavaScript cannot hold exactly: a message each.
  test.each([
    ['v: .inf', '.inf is not a number JSON can hold, and kubectl refuses it; quote it if text is meant'],
    ['v: -.Inf', '-.Inf is not a number JSON can hold, and kubectl refuses it; quote it if text is meant'],
    ['v: .nan', '.nan is not a number JSON can hold, and kubectl refuses it; quote it if text is meant'],
    ['v: 9007199254740993', '9007199254740993 is an integer kubectl reads exactly and JavaScript cannot (it is beyond 2^53); quote it if text is meant'],
    ['v: 0x7fffffffffffffff', '0x7fffffffffffffff is an integer kubectl reads exactly and JavaScript cannot (it is beyond 2^53); quote it if text is meant'],
    ['~: v', 'a mapping has a null key (~, null or nothing), which kubectl refuses'],
    ['? [a]\n: v', 'a mapping has a list or a mapping as a key, which kubectl refuses'],
    ['v: !!int abc', 'cannot decode !!str `abc` as a !!int, as kubectl says'],
    ['v: !!null x', 'cannot decode !!str `x` as a !!null, as kubectl says'],
    ['v: !!binary "@@@"', '!!binary value contains invalid base64 data, as kubectl says'],
    ['v: !!binary /w==', "the !!binary value is bytes that are not UTF-8 text, which kubectl would replace with U+FFFD; put such data in a Secret's data as base64 instead"],
    ['v: {<<: 5}', 'map merge requires map or sequence of maps as the value'],
    ['v: "a\u2028b"', "the file holds the character U+2028, which kubectl's YAML reader takes for a line break and others do not; write it as \\u2028 inside a double-quoted string"],
    ['# a\u0085b: c', "the file holds the character U+0085, which kubectl's YAML reader takes for a line break and others do not; write it as \\u0085 inside a double-quoted string"],
    ['v: "a\u0001"', "the file holds the character U+0001, which kubectl's YAML reader refuses; write it as \\u0001 inside a double-quoted string"],
    ['v: "\uffff"', "the file holds the character U+FFFF, which kubectl's YAML reader refuses; write it as \\uffff inside a double-quoted string"],
  ])('%j: refused', (text, message) => {
    expect(messages(text)).toEqual([message]);
  });

  test('an alias bomb: a message, quickly, not an exhausted heap', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    }
    expect(messages(lines.join('\n'))).toEqual([`the document expands to more than ${MAX_VALUES.toLocaleString('en-US')} values through its aliases (*name); kubectl refuses such excessive aliasing too`]);
  });

  test('nesting deeper than any manifest: a message', () => {
    expect(messages(`${'['.repeat(250)}${']'.repeat(250)}`)).toEqual(['the document is nested more than 200 levels deep']);
    expect(messages(`${'['.repeat(20000)}${']'.repeat(20000)}`)).toEqual(['the document is nested too deeply to be read (more than 200 levels)']);
  });

  test('through the command: the problem with its line and column, exit 1', () => {
    withTempDir((dir) => {
      const file = path.join(dir, 'in.yaml');
      fs.writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: .inf\n');
      expect(run(['import', file, '--no-typecheck'])).toEqual({
        code: 1,
        stdout: '',
        stderr: `peapod import found 1 problem; nothing was written:\n  ${file}:5:6: document 1: .inf is not a number JSON can hold, and kubectl refuses it; quote it if text is meant. Fix: correct the YAML\n`,
      });
    });
  });

  test('a file that is not UTF-8 text is refused, not read with U+FFFD in place of its bytes', () => {
    withTempDir((dir) => {
      const file = path.join(dir, 'in.yaml');
      fs.writeFileSync(file, Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]));
      expect(run(['import', file])).toEqual({ code: 66, stdout: '', stderr: `peapod import: ${file} is not UTF-8 text (kubectl reads UTF-8, or UTF-16 with a byte order mark)\n` });
    });
  });

  test('an unquoted date in a ConfigMap and in env arrives as the text kubectl reads, with no note', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: c}
data: {RELEASE_DATE: 2024-01-01, AT: 2024-01-01T10:00:00Z}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {containers: [{name: c, image: nginx, env: [{name: RELEASE_DATE, value: 2024-01-01}]}]}
`;
    const result = importManifests([{ file: 'in.yaml', text }]);
    expect(result.notes).toEqual([]);
    expect(result.source).toContain("data: { RELEASE_DATE: '2024-01-01', AT: '2024-01-01T10:00:00Z' }");
    expect(result.source).toContain("env: [{ name: 'RELEASE_DATE', value: '2024-01-01' }]");
  });
});
