import * as path from 'path';
import { isPlainObject } from './_plain';
import { readAsNonString } from './_yaml-quoting';

/*
 * Peapod's YAML writer for manifests. What it writes, kubectl reads back
 * exactly as declared: kubectl decodes with go-yaml v2 (through
 * sigs.k8s.io/yaml), which resolves plain scalars by YAML 1.1's rules and
 * Go's number parser, folds U+0085, U+2028 and U+2029 as line breaks, and
 * refuses C1 controls, U+FFFE and U+FFFF in the text. So every string
 * go-yaml or YAML 1.1 would read as something else is quoted, and every
 * character either reader would change is escaped in double quotes.
 *
 * For data that needs none of that, the bytes are those of cdk8s's
 * `Yaml.stringify` (the `yaml` package with the YAML 1.1 schema,
 * lineWidth 0): block style, a literal block scalar for text with line
 * breaks, the same quoting choices. Values that are no JSON data (a Map,
 * a function, a lone surrogate, a cycle) are not written: they are
 * reported with their field path, see {@link UnwritableValue}.
 */

/** A value the writer refuses, with the manifest field path at which it was found. */
export class UnwritableValue extends Error {
  public constructor(
    public readonly field: string,
    public readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

/** One document, ending with a line break; an undefined one as an empty line, as cdk8s's `Yaml.stringify` writes it. */
export function stringifyDocument(doc: unknown): string {
  if (doc === undefined) {
    return '\n';
  }
  // A new writer per document: reusing one would keep its buffers in the
  // old generation, and every string they point to would survive
  // young-generation collections (+14 MiB peak at 10,000 Pods).
  const writer = new BlockWriter();
  try {
    writer.value(doc, 0, false, true);
  } catch (error) {
    throw error instanceof TooDeep ? tooDeep(doc) : error instanceof UnwritableValue && error.field === '' ? new UnwritableValue('(document)', error.problem) : error;
  }
  writer.parts.push('\n');
  return writer.parts.join('');
}

// Deeper than any manifest: what goes deeper is a cycle, or not worth writing.
const MAX_DEPTH = 1000;
// A line break and the indentation of each level manifests reach, made
// once: one string made per collection written was an allocation each,
// and one piece instead of two is less for the join.
const NEW_LINES = Array.from({ length: 32 }, (_, level) => `\n${'  '.repeat(level)}`);
const NEW_ITEMS = NEW_LINES.map((line) => `${line}- `);
const newLine = (level: number): string => (level < NEW_LINES.length ? NEW_LINES[level] : `\n${'  '.repeat(level)}`);
const newItem = (level: number): string => (level < NEW_ITEMS.length ? NEW_ITEMS[level] : `${newLine(level)}- `);

/** Thrown past MAX_DEPTH; the document is then walked again to say where (see tooDeep). */
class TooDeep extends Error {}

/**
 * Writes one document in block style into `parts`. A refused value
 * throws an UnwritableValue whose field path is put together on the way
 * out, one step at each level, so that writing keeps no path.
 */
class BlockWriter {
  // Joined once at the end: a flat string, where `+=` would leave a rope
  // of thousands of pieces per document in memory until it is written.
  public readonly parts: string[] = [];

  /** A non-empty map whose first line follows what is already written; later lines are indented to `level`. */
  private map(obj: Record<string, unknown>, keys: readonly string[], level: number, atRoot: boolean): void {
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) {
        this.parts.push(newLine(level));
      }
      const key = keys[i];
      try {
        this.parts.push(atRoot ? rootKey(key) : nestedKey(key));
        this.value(obj[key], level + 1, true);
      } catch (error) {
        throw atStep(error, key);
      }
    }
  }

  /** A non-empty sequence, laid out like `map`. */
  private seq(items: readonly unknown[], level: number): void {
    for (let i = 0; i < items.length; i++) {
      this.parts.push(i > 0 ? newItem(level) : '- ');
      try {
        this.value(items[i], level + 1, false);
      } catch (error) {
        throw atStep(error, i);
      }
    }
  }

  // A map value (`afterKey`), a sequence item or the document (`atRoot`),
  // whose later lines are indented to `level`. Scalars and empty
  // collections go on the current line, after a space when they follow a
  // key; a non-empty collection under a key starts on a new line, one in a
  // sequence right after its `- `.
  public value(raw: unknown, level: number, afterKey: boolean, atRoot = false): void {
    let value = raw;
    let plain = isPlainObject(raw);
    if (!plain && typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      value = jsonValue(raw);
      plain = isPlainObject(value);
    }
    const keys = plain ? Object.keys(value as object) : undefined;
    if (!(keys === undefined ? Array.isArray(value) && value.length > 0 : keys.length > 0)) {
      if (afterKey) {
        this.parts.push(' ');
      }
      this.parts.push(scalar(value, level));
      return;
    }
    if (level >= MAX_DEPTH) {
      throw new TooDeep();
    }
    if (afterKey) {
      this.parts.push(newLine(level));
    }
    if (keys === undefined) {
      this.seq(value as unknown[], level);
    } else {
      this.map(value as Record<string, unknown>, keys, level, atRoot);
    }
  }
}

/** Refuses the value being written; its field path is added on the way out. */
function refuse(problem: string): never {
  throw new UnwritableValue('', problem);
}

// `error` with `step` put in front of its field path.
function atStep(error: unknown, step: string | number): unknown {
  return error instanceof UnwritableValue ? new UnwritableValue(joinPath(step, error.field), error.problem) : error;
}

/** `step` then `rest` as a manifest field path: `spec` `.containers` `[0]`. */
function joinPath(step: string | number, rest: string): string {
  const head = typeof step === 'number' ? `[${step}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(step) ? step : `[${JSON.stringify(step)}]`;
  return rest === '' ? head : rest.startsWith('[') ? head + rest : `${head}.${rest}`;
}

// Where a document too deep to write goes too deep: the path to an object
// that contains itself, or the first levels of the deep path.
function tooDeep(doc: unknown): UnwritableValue {
  const steps: Array<string | number> = [];
  const open = new Set<object>();
  const find = (value: unknown): boolean => {
    if (typeof value !== 'object' || value === null) {
      return false;
    }
    if (open.has(value)) {
      return true;
    }
    open.add(value);
    for (const [key, item] of Object.entries(value)) {
      steps.push(Array.isArray(value) ? Number(key) : key);
      if (find(item)) {
        return true;
      }
      steps.pop();
    }
    open.delete(value);
    return false;
  };
  if (find(doc)) {
    const at = steps.reduceRight<string>((rest, step) => joinPath(step, rest), '');
    return new UnwritableValue(at, 'the value refers to an object that contains it (a cycle), which a manifest cannot hold');
  }
  return new UnwritableValue('(document)', `the document nests more than ${MAX_DEPTH} levels deep, more than a manifest can hold`);
}

// What JSON.stringify would make of an object that is not a plain object
// or an array (a Date, through its toJSON()); anything else is refused.
function jsonValue(value: object): unknown {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(): unknown }).toJSON();
  }
  return refuse(`the value is a ${value.constructor?.name ?? 'non-plain object'}, which is not JSON data; give plain objects, arrays, strings, numbers and booleans`);
}

/** A scalar that is not a key; a block scalar's lines are indented to `level`. */
function scalar(value: unknown, level: number): string {
  switch (typeof value) {
    case 'string':
      return (
        valueCache.get(value) ?? (value.includes('\n') ? multiLine(value, newLine(level).slice(1)) : remember(valueCache, value, singleLine(value, false)))
      );
    case 'number':
      return numberText(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'null';
    case 'object':
      return value === null ? 'null' : Array.isArray(value) ? '[]' : '{}'; // the others are written as collections
    default:
      return refuse(`the value is a ${typeof value}, which is not JSON data`);
  }
}

function numberText(value: number): string {
  if (Number.isNaN(value)) {
    return '.nan';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? '.inf' : '-.inf';
  }
  return Object.is(value, -0) ? '-0' : String(value);
}

// Manifests repeat the same keys and many values; each string is classified once.
const CACHE_LIMIT = 100_000;
const valueCache = new Map<string, string>();
const keyCache = new Map<string, string>();
// Keys of a document's root are also quoted when they read as a document marker.
const rootKeyCache = new Map<string, string>();

// Written without a callback: a function made at each call would be an allocation per string written.
function remember(cache: Map<string, string>, text: string, written: string): string {
  if (cache.size >= CACHE_LIMIT) {
    cache.clear();
  }
  cache.set(text, written);
  return written;
}

// A key as written, with its colon.
function nestedKey(key: string): string {
  return keyCache.get(key) ?? remember(keyCache, key, `${implicitKey(key, false)}:`);
}

function rootKey(key: string): string {
  return rootKeyCache.get(key) ?? remember(rootKeyCache, key, `${implicitKey(key, true)}:`);
}

// YAML reads a key written on one line (an implicit key) up to 1024 characters.
const MAX_IMPLICIT_KEY = 1024;

function implicitKey(key: string, atRoot: boolean): string {
  const written = key.includes('\n') ? doubleQuoted(key) : singleLine(key, atRoot);
  if (written.length > MAX_IMPLICIT_KEY) {
    refuse(`the key is ${key.length} characters long; YAML readers take keys of at most ${MAX_IMPLICIT_KEY}`);
  }
  return written;
}

// Characters written only escaped, in double quotes: C0 controls but tab
// and line feed, DEL and the C1 controls (go-yaml refuses most of them in
// the text, and reads U+0085 as a line break), U+2028 and U+2029 (line
// breaks to YAML 1.1), the byte order mark, the noncharacters U+FFFE and
// U+FFFF (refused by go-yaml), and surrogates.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
// Those that JSON.stringify leaves as they are.
const ESCAPED_BEYOND_JSON = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;
// A surrogate not part of a pair: no UTF-8 text can hold it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Where a plain scalar on one line would be read back differently: it
// starts with an indicator, is a lone `-` or `?` (or one followed by a
// blank), has `: ` or ` #` inside, or ends with a blank or a colon.
const NOT_PLAIN_ON_ONE_LINE = /^[\t ,[\]{}#&*!|>'"%@`]|^[?:-]$|^[?:-][\t ]|:[\t ]|[\t ]#|[\t :]$/;

// A line that starts a document or a directive.
const DOCUMENT_MARKER = /^(?:%|---|\.\.\.)/m;

// The little of the `yaml` package read here. (Importing its types would
// add its declarations to the type-check of every synth.)
interface SchemaTag {
  readonly tag: string;
  readonly default?: boolean | 'key';
  readonly test?: RegExp;
}
interface YamlPackage {
  readonly Document: new (value: null, options: { version: '1.1' }) => { readonly schema: { readonly tags: SchemaTag[]; readonly compat: SchemaTag[] | null } };
}

// Plain text that YAML 1.1 reads as something other than a string
// (`true`, `yes`, `0775`, `1e3`, `~`, `12:30`, `2001-12-14`, …), from the
// schema of the copy of `yaml` cdk8s loads, so that what cdk8s quotes,
// this writer quotes too.
const YAML_11_NON_STRINGS: readonly RegExp[] = (() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml: YamlPackage = require(require.resolve('yaml', { paths: [path.dirname(require.resolve('cdk8s'))] }));
  const schema = new yaml.Document(null, { version: '1.1' }).schema;
  return [...schema.tags, ...(schema.compat ?? [])].filter((tag) => tag.tag !== 'tag:yaml.org,2002:str' && tag.default && tag.test).map((tag) => tag.test!);
})();

/** Whether YAML 1.1 or go-yaml v2 would read `text`, written plain, as anything but that string. */
function readsAsNonString(text: string): boolean {
  return readAsNonString(text) || YAML_11_NON_STRINGS.some((pattern) => pattern.test(text));
}

/** A string without line breaks: plain when it reads back as the same string, quoted otherwise. */
function singleLine(text: string, rootLevelKey: boolean): string {
  if (NEEDS_ESCAPES.test(text)) {
    return doubleQuoted(text);
  }
  if (NOT_PLAIN_ON_ONE_LINE.test(text) || (rootLevelKey && DOCUMENT_MARKER.test(text)) || readsAsNonString(text)) {
    return quoted(text);
  }
  return text;
}

// Double quotes, as yaml prefers, or single quotes when only that avoids escaping a `"`.
function quoted(text: string): string {
  return text.includes('"') && !text.includes("'") ? `'${text}'` : doubleQuoted(text);
}

// YAML's short escapes for the control characters JSON writes as \u00XX.
const SHORT_ESCAPES: Record<string, string> = { '0000': '\\0', '0007': '\\a', '000b': '\\v', '001b': '\\e' };

// JSON's escaping (every YAML reader knows JSON's escapes), with YAML's
// shorter forms for control characters, and escapes for what JSON leaves
// as is but YAML readers would change. On one line: line breaks too are escaped.
function doubleQuoted(text: string): string {
  if (LONE_SURROGATE.test(text)) {
    const at = LONE_SURROGATE.exec(text)!.index;
    refuse(
      `the string holds a lone surrogate (U+${text.charCodeAt(at).toString(16).toUpperCase()} at index ${at}), half of a character, which UTF-8 cannot encode; remove it or give the whole character`,
    );
  }
  let json = JSON.stringify(text);
  if (json.includes('\\u')) {
    json = json.replace(/\\(u([0-9a-f]{4})|.)/g, (escape: string, _u: string, code: string | undefined) =>
      code === undefined ? escape : (SHORT_ESCAPES[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : escape)),
    );
  }
  return json.replace(ESCAPED_BEYOND_JSON, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16)}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A string with line breaks: a literal block scalar (`|`) whose lines
 * start with `indent`, the form cdk8s uses; double-quoted with escapes
 * when a block scalar could not give it back exactly.
 */
function multiLine(text: string, indent: string): string {
  // Blanks after the last line break, more than one line break at the end
  // (a keep-chomped block), or characters that must be escaped.
  if (NEEDS_ESCAPES.test(text) || /\n[\t ]+$/.test(text) || /\n\n$/.test(text) || text === '\n') {
    return doubleQuoted(text);
  }
  // Trailing line breaks decide the chomping indicator: none kept (`-`) or
  // exactly one (clip, no indicator).
  let bodyEnd = text.length;
  while (bodyEnd > 0 && (text[bodyEnd - 1] === '\n' || text[bodyEnd - 1] === ' ' || text[bodyEnd - 1] === '\t')) {
    bodyEnd--;
  }
  const tail = text.slice(bodyEnd);
  const tailBreak = tail.indexOf('\n');
  if (tailBreak !== -1 && (bodyEnd === 0 || tailBreak !== tail.length - 1)) {
    return doubleQuoted(text);
  }
  const body = text.slice(0, bodyEnd);
  // Leading spaces need an explicit indentation indicator; leading empty
  // lines are kept before the first text line.
  const leading = /^[ \n]*/.exec(body)![0];
  // go-yaml finds the indentation of a block on its first text line, and refuses a tab there.
  if (body[leading.length] === '\t') {
    return doubleQuoted(text);
  }
  const header = (leading.includes(' ') ? '2' : '') + (tailBreak === -1 ? '-' : '');
  return `|${header}\n${indent}${body.replace(/\n+/g, `$&${indent}`)}${tailBreak === -1 ? tail : tail.slice(0, -1)}`;
}
