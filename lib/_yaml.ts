import * as fs from 'fs';
import * as path from 'path';
import { Yaml } from 'cdk8s';
import { _noteWritten, mayBeMisreadByGo } from './_yaml-quoting';

/*
 * A YAML writer for manifests, byte-identical to cdk8s's `Yaml.stringify`
 * (the `yaml` package with the YAML 1.1 schema, lineWidth 0 and
 * keepUndefined), and many times faster on the shapes manifests have.
 *
 * `yaml` builds a node tree for every document, then asks each scalar's
 * schema tags how to write it. Manifests are plain JSON data, so this
 * writer walks the data once and writes block style directly. It handles
 * plain objects, arrays, strings, finite and special numbers, booleans,
 * null and undefined. Anything else in a document (a Date, a Map, a
 * bigint, an object seen twice, which `yaml` writes as an anchor and an
 * alias, a string that needs a multi-line double-quoted or a keep-chomped
 * block scalar) hands that whole document to cdk8s's own serializer, so
 * the output is the same whatever the input.
 */

// Captured once, before `withFastYaml` may put `stringifyYaml` in its place.
const cdk8sStringify: (...docs: unknown[]) => string = Yaml.stringify.bind(Yaml);

/**
 * Writes documents the way cdk8s's `Yaml.stringify(...docs)` does:
 * documents separated by `---`, an undefined document as an empty line.
 */
export function stringifyYaml(...docs: unknown[]): string {
  const written = new Array<string>(docs.length);
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i];
    written[i] = doc === undefined ? '\n' : stringifyDocument(doc);
  }
  return written.join('---\n');
}

/**
 * Runs `body` with cdk8s's `Yaml.stringify` and `Yaml.save` (which
 * `App.synth` calls) replaced by {@link stringifyYaml} and {@link saveYaml},
 * and restores them afterwards, whatever happens. Synth is synchronous,
 * so nothing else sees the swap.
 */
export function withFastYaml<T>(body: () => T): T {
  const { stringify, save } = Yaml;
  Yaml.stringify = stringifyYaml;
  Yaml.save = saveYaml;
  try {
    return body();
  } finally {
    Yaml.stringify = stringify;
    Yaml.save = save;
  }
}

// Characters written at a time: few system calls, little text held.
const WRITE_CHUNK = 64 * 1024;

/**
 * Writes the bytes cdk8s's `Yaml.save(filePath, docs)` writes, a few
 * documents at a time, so that a large chart's YAML never sits in memory
 * whole.
 */
export function saveYaml(filePath: string, docs: unknown[]): void {
  const fd = fs.openSync(filePath, 'w');
  // Checked on the text as it goes out, so the quoting pass need not read the file back.
  let mayNeedQuoting = false;
  try {
    let chunk: string[] = [];
    let chunkLength = 0;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i];
      const text = (i > 0 ? '---\n' : '') + (doc === undefined ? '\n' : stringifyDocument(doc));
      mayNeedQuoting ||= mayBeMisreadByGo(text);
      chunk.push(text);
      chunkLength += text.length;
      if (chunkLength >= WRITE_CHUNK) {
        fs.writeSync(fd, chunk.join(''), null, 'utf8');
        chunk = [];
        chunkLength = 0;
      }
    }
    fs.writeSync(fd, chunk.join(''), null, 'utf8');
  } catch (error) {
    mayNeedQuoting = true;
    throw error;
  } finally {
    fs.closeSync(fd);
    _noteWritten(filePath, mayNeedQuoting);
  }
}

/** The documents `stringifyYaml` gave to cdk8s's serializer, since the process started: for tests. */
export const fallbackCount = { documents: 0 };

function stringifyDocument(doc: unknown): string {
  if (isPlainObject(doc)) {
    const keys = Object.keys(doc);
    if (keys.length > 0) {
      try {
        // A new writer per document: reusing one would keep its buffers in
        // the old generation, and every string they point to would survive
        // young-generation collections (+14 MiB peak at 10,000 Pods).
        const writer = new BlockWriter();
        writer.map(doc, keys, '', true);
        writer.parts.push('\n');
        return writer.parts.join('');
      } catch (error) {
        if (!(error instanceof Unsupported)) {
          throw error;
        }
      }
    }
  }
  fallbackCount.documents++;
  return cdk8sStringify(doc);
}

/** Thrown where the data leaves the shapes this writer reproduces exactly. */
class Unsupported extends Error {}

const INDENT_STEP = '  ';

/** Writes one document in block style into `parts`. */
class BlockWriter {
  // Joined once at the end: a flat string, where `+=` would leave a rope
  // of thousands of pieces per document in memory until it is written.
  public readonly parts: string[] = [];
  // yaml writes an object met twice as an anchor and an alias; we leave that to it.
  private readonly seen = new Set<object>();

  /** A non-empty map whose first line follows what is already written; later lines start with `indent`. */
  public map(obj: Record<string, unknown>, keys: readonly string[], indent: string, atRoot: boolean): void {
    this.visit(obj);
    const child = indent + INDENT_STEP;
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) {
        this.parts.push('\n', indent);
      }
      const key = keys[i];
      this.parts.push(atRoot ? rootKey(key) : nestedKey(key), ':');
      this.value(obj[key], child, true);
    }
  }

  /** A non-empty sequence, laid out like `map`. */
  public seq(items: readonly unknown[], indent: string): void {
    this.visit(items);
    const child = indent + INDENT_STEP;
    for (let i = 0; i < items.length; i++) {
      if (i > 0) {
        this.parts.push('\n', indent);
      }
      this.parts.push('- ');
      this.value(items[i], child, false);
    }
  }

  // A map value (`afterKey`) or a sequence item. Scalars and empty
  // collections go on the current line, after a space when they follow a
  // key; a non-empty collection under a key starts on a new line at
  // `indent`, one in a sequence right after its `- `.
  private value(value: unknown, indent: string, afterKey: boolean): void {
    const gap = afterKey ? ' ' : '';
    if (typeof value !== 'object' || value === null) {
      this.parts.push(gap, scalar(value, indent));
      return;
    }
    const list = Array.isArray(value);
    if (!list && !isPlainObject(value)) {
      throw new Unsupported();
    }
    const keys = list ? undefined : Object.keys(value);
    if ((list ? value.length : keys!.length) === 0) {
      this.visit(value);
      this.parts.push(gap, list ? '[]' : '{}');
      return;
    }
    if (afterKey) {
      this.parts.push('\n', indent);
    }
    if (list) {
      this.seq(value, indent);
    } else {
      this.map(value as Record<string, unknown>, keys!, indent, false);
    }
  }

  private visit(obj: object): void {
    if (this.seen.has(obj)) {
      throw new Unsupported();
    }
    this.seen.add(obj);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  // Checked without this realm's Object.prototype: objects of a vm context are plain too.
  if (proto !== null && Object.getPrototypeOf(proto) !== null) {
    return false;
  }
  // yaml writes what toJSON() returns, and an iterable object as a sequence.
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function' && !(Symbol.iterator in value);
}

/** A scalar that is not a key; `indent` is where a block scalar's lines start. */
function scalar(value: unknown, indent: string): string {
  switch (typeof value) {
    case 'string':
      return value.includes('\n') ? blockLiteral(value, indent) : stringValue(value);
    case 'number':
      return numberText(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'null';
    default:
      if (value === null) {
        return 'null';
      }
      throw new Unsupported();
  }
}

function numberText(value: number): string {
  if (Number.isNaN(value)) {
    return '.nan';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? '.inf' : '-.inf';
  }
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}

// Manifests repeat the same keys and many values; each string is classified once.
const CACHE_LIMIT = 100_000;
const valueCache = new Map<string, string>();
const keyCache = new Map<string, string>();

function cached(cache: Map<string, string>, text: string, compute: (text: string) => string): string {
  let written = cache.get(text);
  if (written === undefined) {
    written = compute(text);
    if (cache.size >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.set(text, written);
  }
  return written;
}

function stringValue(text: string): string {
  return cached(valueCache, text, (t) => singleLine(t, false));
}

function nestedKey(key: string): string {
  return cached(keyCache, key, (k) => implicitKey(k, false));
}

function rootKey(key: string): string {
  return implicitKey(key, true);
}

function implicitKey(key: string, atRoot: boolean): string {
  // A key with a line break is written double-quoted with escapes that
  // differ in small ways from JSON's; a key over 1024 characters needs the
  // explicit `? ` form. Both are left to yaml.
  if (key.includes('\n')) {
    throw new Unsupported();
  }
  const written = singleLine(key, atRoot);
  if (written.length > 1024) {
    throw new Unsupported();
  }
  return written;
}

// Characters that yaml writes only double-quoted, with escapes.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

// Where a plain scalar on one line would be read back differently: it
// starts with an indicator, is a lone `-` or `?` (or one followed by a
// blank), has `: ` or ` #` inside, or ends with a blank or a colon.
const NOT_PLAIN_ON_ONE_LINE = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][\t ]|:[\t ]|[\t ]#|[\t :]$/;

// A line that starts a document or a directive.
const DOCUMENT_MARKER = /^(?:%|---|\.\.\.)/m;

// The little of the `yaml` package read here. (Importing its types would
// add its declarations to the type-check of every synth.)
interface SchemaTag {
  readonly tag: string;
  readonly default?: boolean | 'key';
  readonly test?: RegExp;
  readonly identify?: (value: unknown) => boolean;
}
interface YamlPackage {
  readonly Document: new (value: null, options: { version: '1.1' }) => { readonly schema: { readonly tags: SchemaTag[]; readonly compat: SchemaTag[] | null } };
}

// The `yaml` package's YAML 1.1 schema, from the copy cdk8s itself loads,
// so that this writer and cdk8s's cannot disagree about it.
const SCHEMA_TAGS = (() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml: YamlPackage = require(require.resolve('yaml', { paths: [path.dirname(require.resolve('cdk8s'))] }));
  const schema = new yaml.Document(null, { version: '1.1' }).schema;
  return [...schema.tags, ...(schema.compat ?? [])].filter((tag) => tag.tag !== 'tag:yaml.org,2002:str');
})();

// Plain text that YAML 1.1 reads as something other than a string
// (`true`, `yes`, `0775`, `1e3`, `~`, `12:30`, `2001-12-14`, …).
const NON_STRING_PATTERNS: readonly RegExp[] = SCHEMA_TAGS.filter((tag) => tag.default && tag.test).map((tag) => tag.test!);

// Tags that claim some strings as their own (`<<`, the merge key) and write
// them their own way: those strings are left to yaml.
const STRING_CLAIMS = SCHEMA_TAGS.filter((tag) => tag.identify !== undefined).map((tag) => tag.identify!);

function readsAsNonString(text: string): boolean {
  for (const pattern of NON_STRING_PATTERNS) {
    if (pattern.test(text)) {
      return true;
    }
  }
  return false;
}

/** A string without line breaks: plain when it reads back as the same string, quoted otherwise. */
function singleLine(text: string, rootLevelKey: boolean): string {
  if (STRING_CLAIMS.some((claims) => claims(text))) {
    throw new Unsupported();
  }
  if (NEEDS_ESCAPES.test(text)) {
    return doubleQuoted(text);
  }
  if (
    NOT_PLAIN_ON_ONE_LINE.test(text)
    || (rootLevelKey && DOCUMENT_MARKER.test(text))
    || readsAsNonString(text)
  ) {
    return quoted(text);
  }
  return text;
}

// yaml prefers double quotes, and single quotes when only that avoids escaping a `"`.
function quoted(text: string): string {
  if (text.includes('"') && !text.includes("'")) {
    return `'${text}'`;
  }
  return doubleQuoted(text);
}

// YAML's short escapes for the control characters JSON writes as \u00XX.
const SHORT_ESCAPES: Record<string, string> = { '0000': '\\0', '0007': '\\a', '000b': '\\v', '001b': '\\e' };

// JSON's escaping, with YAML's shorter forms for control characters. Only
// for text without line breaks: yaml folds those into real line breaks.
function doubleQuoted(text: string): string {
  const json = JSON.stringify(text);
  if (!json.includes('\\u')) {
    return json;
  }
  return json.replace(/\\(u([0-9a-f]{4})|.)/g, (escape: string, _u: string, code: string | undefined) => {
    if (code === undefined) {
      return escape;
    }
    const short = SHORT_ESCAPES[code];
    if (short !== undefined) {
      return short;
    }
    return code.startsWith('00') ? `\\x${code.slice(2)}` : escape;
  });
}

/**
 * A string with line breaks, as a literal block scalar (`|`), the form yaml
 * uses when lines are never folded. Its lines start with `indent`.
 */
function blockLiteral(text: string, indent: string): string {
  // With control characters, or blanks after the last line break, yaml
  // writes a double-quoted multi-line scalar instead.
  if (NEEDS_ESCAPES.test(text) || /\n[\t ]+$/.test(text)) {
    throw new Unsupported();
  }
  // Trailing line breaks decide the chomping indicator: none kept (`-`) or
  // exactly one (clip, no indicator). Keeping several (`+`) is left to yaml.
  let bodyEnd = text.length;
  while (bodyEnd > 0 && (text[bodyEnd - 1] === '\n' || text[bodyEnd - 1] === ' ' || text[bodyEnd - 1] === '\t')) {
    bodyEnd--;
  }
  let tail = text.slice(bodyEnd);
  const tailBreak = tail.indexOf('\n');
  let chomp: string;
  if (tailBreak === -1) {
    chomp = '-';
  } else if (bodyEnd === 0 || tailBreak !== tail.length - 1) {
    throw new Unsupported();
  } else {
    chomp = '';
    tail = tail.slice(0, -1);
  }
  let body = text.slice(0, bodyEnd);
  // Leading spaces need an explicit indentation indicator; leading empty
  // lines are kept before the first text line.
  let leadEnd = 0;
  let lastLeadBreak = -1;
  let leadingSpace = false;
  for (; leadEnd < body.length; leadEnd++) {
    const ch = body[leadEnd];
    if (ch === ' ') {
      leadingSpace = true;
    } else if (ch === '\n') {
      lastLeadBreak = leadEnd;
    } else {
      break;
    }
  }
  let lead = body.slice(0, lastLeadBreak + 1);
  body = body.slice(lead.length);
  lead = lead.replace(/\n+/g, `$&${indent}`);
  const header = (leadingSpace ? '2' : '') + chomp;
  return `|${header}\n${indent}${lead}${body.replace(/\n+/g, `$&${indent}`)}${tail}`;
}
