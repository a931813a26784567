import type * as YAML from 'yaml';

// The yaml package, loaded on first use: a synth never reads YAML, and loading it takes about 60 ms.
let yamlModule: typeof YAML | undefined;
function yaml(): typeof YAML {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  return (yamlModule ??= require('yaml') as typeof YAML);
}

/**
 * YAML read the way `kubectl apply -f` reads it: sigs.k8s.io/yaml, which
 * decodes with its copy of go-yaml v2 and converts the result to JSON.
 * The `yaml` package parses the text (its syntax is YAML's); what each
 * scalar means is decided here, by go-yaml v2's rules, not by any YAML
 * schema of the `yaml` package, whose YAML 1.1 schema differs from kubectl
 * in many places (`2024-01-01` a Date, `12:30` the number 750, `0X1F` a
 * string, `!!set` a Set, `<<` letting explicit keys win). Each rule was
 * checked against `kubectl label --local -f FILE x=y -o json`
 * (`__tests__/import/kubectl-yaml.test.ts` holds the cases and kubectl's answers).
 *
 * What kubectl reads and JSON in JavaScript cannot hold exactly (an
 * integer beyond 2^53, bytes that are not UTF-8), or what kubectl refuses
 * (NaN, a null key, undefined anchors), is an error with a message rather
 * than a value read otherwise.
 */

/** A problem of one document: what is wrong, and the offset in the text where. */
export interface YamlProblem {
  readonly message: string;
  readonly offset: number;
}

/** One document: its value as JSON (objects without a prototype), or its problems. */
export interface YamlDocument {
  readonly value: unknown;
  readonly problems: readonly YamlProblem[];
}

/**
 * Most values one document may expand to through aliases. Far above any
 * manifest, far below what an "alias bomb" (a few lines that expand to
 * billions of values) asks for; go-yaml refuses such documents too.
 */
export const MAX_VALUES = 1_000_000;
const MAX_DEPTH = 200;

const TRUE = ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'];
const FALSE = ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'];
const NULL = ['', '~', 'null', 'Null', 'NULL'];
const NOT_FINITE = ['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'];
const TAG = 'tag:yaml.org,2002:';
// The tags go-yaml resolves a scalar under; any other tag leaves the text a string.
const RESOLVED_TAGS = ['str', 'bool', 'int', 'float', 'timestamp', 'null'].map((t) => `${TAG}${t}`);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:$|[Tt ])/;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;
// Characters libyaml refuses in a stream, and the three it takes for line breaks where the `yaml` package does not.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const UNREADABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LINE_BREAKS = /[\u0085\u2028\u2029]/;

class Refused extends Error {
  public constructor(
    message: string,
    public readonly offset: number,
  ) {
    super(message);
  }
}

type Scalar = { readonly kind: 'null' } | { readonly kind: 'bool' | 'int' | 'float' | 'str'; readonly value: boolean | number | string };

/** Every document of `text`, read as kubectl reads it. */
export function readKubectlYaml(text: string): YamlDocument[] {
  const unreadable = UNREADABLE.exec(text) ?? LINE_BREAKS.exec(text);
  if (unreadable) {
    const code = `U+${unreadable[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    const message = LINE_BREAKS.test(unreadable[0])
      ? `the file holds the character ${code}, which kubectl's YAML reader takes for a line break and others do not; write it as \\u${code.slice(2).toLowerCase()} inside a double-quoted string`
      : `the file holds the character ${code}, which kubectl's YAML reader refuses; write it as \\u${code.slice(2).toLowerCase()} inside a double-quoted string`;
    return [{ value: undefined, problems: [{ message, offset: unreadable.index }] }];
  }
  let documents: YAML.Document.Parsed[];
  try {
    documents = yaml().parseAllDocuments(text, { version: '1.1', schema: 'failsafe', prettyErrors: false, uniqueKeys: false }) as YAML.Document.Parsed[];
  } catch (error) {
    return [{ value: undefined, problems: [{ message: `the YAML cannot be read: ${error instanceof RangeError ? 'it is nested too deeply' : (error as Error).message}`, offset: 0 }] }];
  }
  return (Array.isArray(documents) ? documents : [documents]).map((document) => {
    if (document.errors.length > 0) {
      return { value: undefined, problems: document.errors.map((e) => ({ message: syntaxError(e.message), offset: e.pos[0] })) };
    }
    try {
      return { value: new Reader(document).node(document.contents, 0), problems: [] };
    } catch (error) {
      if (error instanceof Refused) {
        return { value: undefined, problems: [{ message: error.message, offset: error.offset }] };
      }
      throw error;
    }
  });
}

function syntaxError(message: string): string {
  // The parser runs out of stack on deep nesting, and says so as an error of the document.
  return /call stack/i.test(message) ? `the document is nested too deeply to be read (more than ${MAX_DEPTH} levels)` : `YAML syntax error: ${message.split('\n')[0]}`;
}

/** Sets `key` on `object` as an own property, `__proto__` included. */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy of JSON read by {@link readKubectlYaml}: objects without a prototype, keys as own properties. */
export function copyJson<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(copyJson) as T;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, item] of Object.entries(value)) {
      setOwn(out, key, copyJson(item));
    }
    return out as T;
  }
  return value;
}

class Reader {
  private values = 0;

  public constructor(private readonly document: YAML.Document.Parsed) {}

  public node(node: unknown, depth: number): unknown {
    if (++this.values > MAX_VALUES) {
      throw new Refused(`the document expands to more than ${MAX_VALUES.toLocaleString('en-US')} values through its aliases (*name); kubectl refuses such excessive aliasing too`, 0);
    }
    if (depth > MAX_DEPTH) {
      throw new Refused(`the document is nested more than ${MAX_DEPTH} levels deep`, offsetOf(node));
    }
    if (node === null || node === undefined) {
      return null;
    }
    if (yaml().isAlias(node)) {
      const target = node.resolve(this.document);
      if (!target) {
        throw new Refused(`unknown anchor '${node.source}' referenced`, offsetOf(node));
      }
      return this.node(target, depth + 1);
    }
    if (yaml().isScalar(node)) {
      const scalar = resolveScalar(node);
      return scalar.kind === 'null' ? null : scalar.value;
    }
    if (yaml().isSeq(node)) {
      return node.items.map((item) => this.node(item, depth + 1));
    }
    if (yaml().isMap(node)) {
      const out: Record<string, unknown> = Object.create(null);
      for (const pair of node.items) {
        const key = pair.key;
        if (yaml().isScalar(key) && key.type === 'PLAIN' && key.value === '<<' && (key.tag === undefined || key.tag === `${TAG}merge`)) {
          this.merge(out, pair.value, depth);
          continue;
        }
        setOwn(out, this.key(key), this.node(pair.value, depth + 1));
      }
      return out;
    }
    throw new Refused('the document holds a YAML node that is not a mapping, a list or a scalar', offsetOf(node));
  }

  // go-yaml v2 applies a merge where it stands: it overrides the keys before
  // it, the keys after it override it, and of a list of mappings the first wins.
  private merge(out: Record<string, unknown>, value: unknown, depth: number): void {
    const target = yaml().isAlias(value) ? value.resolve(this.document) : value;
    const sources = yaml().isSeq(target) ? [...target.items].reverse() : [target];
    for (const source of sources) {
      const map = this.node(source, depth + 1);
      if (map === null || typeof map !== 'object' || Array.isArray(map)) {
        throw new Refused('map merge requires map or sequence of maps as the value', offsetOf(source));
      }
      for (const [key, item] of Object.entries(map)) {
        setOwn(out, key, item);
      }
    }
  }

  // A key as sigs.k8s.io/yaml writes it into JSON: strings as they are, numbers and booleans as text.
  private key(node: unknown): string {
    const resolved = yaml().isAlias(node) ? node.resolve(this.document) : node;
    if (resolved === null || resolved === undefined) {
      throw new Refused('a mapping has an empty key, which kubectl refuses', offsetOf(node));
    }
    if (!yaml().isScalar(resolved)) {
      throw new Refused('a mapping has a list or a mapping as a key, which kubectl refuses', offsetOf(node));
    }
    const scalar = resolveScalar(resolved);
    switch (scalar.kind) {
      case 'null':
        throw new Refused('a mapping has a null key (~, null or nothing), which kubectl refuses', offsetOf(node));
      case 'float':
        // Go writes a float key in its shortest form; up to 7 digits and without an exponent, that is JavaScript's too.
        if (!/^-?[0-9]+(\.[0-9]+)?$/.test(String(scalar.value)) || String(scalar.value).replace(/[-.]/g, '').replace(/^0+/, '').length > 7) {
          throw new Refused(`the key ${resolved.source ?? String(resolved.value)} is a number kubectl writes in a form of its own; quote it`, offsetOf(node));
        }
        return String(scalar.value);
      default:
        return String(scalar.value);
    }
  }
}

function offsetOf(node: unknown): number {
  return (node as { range?: [number] } | null)?.range?.[0] ?? 0;
}

// What go-yaml v2 makes of a scalar (resolve.go), as sigs.k8s.io/yaml writes it into JSON.
function resolveScalar(node: YAML.Scalar): Scalar {
  const text = String(node.value);
  const tag = node.tag;
  const offset = offsetOf(node);
  if (tag === `${TAG}binary`) {
    return { kind: 'str', value: binary(text, offset) };
  }
  if (tag !== undefined && !RESOLVED_TAGS.includes(tag)) {
    // An application's own tag (!foo), the non-specific `!`, a collection tag on a scalar: kubectl keeps the text.
    return { kind: 'str', value: text };
  }
  if (tag === `${TAG}str` || (tag === undefined && node.type !== 'PLAIN')) {
    return { kind: 'str', value: text };
  }
  const resolved = resolvePlain(text, offset);
  if (tag === undefined || tag === `${TAG}${resolved.kind}` || (tag === `${TAG}timestamp` && resolved.kind === 'str' && TIMESTAMP.test(text))) {
    return resolved;
  }
  if (tag === `${TAG}float` && resolved.kind === 'int') {
    return { kind: 'float', value: resolved.value };
  }
  throw new Refused(`cannot decode !!${resolved.kind} \`${text}\` as a !!${tag.slice(TAG.length)}, as kubectl says`, offset);
}

function resolvePlain(text: string, offset: number): Scalar {
  if (NULL.includes(text)) {
    return { kind: 'null' };
  }
  if (TRUE.includes(text) || FALSE.includes(text)) {
    return { kind: 'bool', value: TRUE.includes(text) };
  }
  if (NOT_FINITE.includes(text)) {
    throw new Refused(`${text} is not a number JSON can hold, and kubectl refuses it; quote it if text is meant`, offset);
  }
  const first = text[0];
  if (first === '.') {
    const value = goFloat(text);
    return value === undefined ? { kind: 'str', value: text } : { kind: 'float', value };
  }
  if (!/[-+0-9]/.test(first)) {
    return { kind: 'str', value: text };
  }
  if (TIMESTAMP.test(text)) {
    // go-yaml resolves a timestamp, and hands it to an `interface{}` as the text it was.
    return { kind: 'str', value: text };
  }
  const plain = text.replace(/_/g, '');
  const integer = goInteger(plain);
  if (integer !== undefined) {
    if (integer > BigInt(Number.MAX_SAFE_INTEGER) || integer < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new Refused(`${text} is an integer kubectl reads exactly and JavaScript cannot (it is beyond 2^53); quote it if text is meant`, offset);
    }
    return { kind: 'int', value: Number(integer) };
  }
  if (YAML_STYLE_FLOAT.test(plain)) {
    const value = Number(plain);
    if (Number.isFinite(value)) {
      return { kind: 'float', value: Object.is(value, -0) ? 0 : value };
    }
  }
  return { kind: 'str', value: text };
}

// strconv.ParseInt(s, 0, 64), then ParseUint for what is beyond int64: the value, or undefined when it is not one.
function goInteger(text: string): bigint | undefined {
  const match = /^([-+]?)(0[bB][01]+|0[oO][0-7]+|0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) {
    return undefined;
  }
  const [, sign, digits] = match;
  const prefixed = /^0[bBoOxX]/.test(digits);
  const value = prefixed ? BigInt(digits.slice(0, 2).toLowerCase() + digits.slice(2)) : digits.length > 1 && digits[0] === '0' ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
  const signed = sign === '-' ? -value : value;
  if (signed >= INT64_MIN && signed <= -(INT64_MIN + 1n)) {
    return signed;
  }
  // ParseUint takes no sign.
  return sign === '' && value <= UINT64_MAX ? value : undefined;
}

// strconv.ParseFloat for text that starts with a dot: digits, underscores between them, an exponent.
function goFloat(text: string): number | undefined {
  if (!/^\.[0-9]+(_[0-9]+)*([eE][-+]?[0-9]+(_[0-9]+)*)?$/.test(text)) {
    return undefined;
  }
  const value = Number(text.replace(/_/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

// !!binary: base64 (line breaks ignored, as Go's decoder does), whose bytes must be UTF-8 text to be a JSON string.
function binary(text: string, offset: number): string {
  const compact = text.replace(/[\r\n]/g, '');
  if (!/^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) {
    throw new Refused('!!binary value contains invalid base64 data, as kubectl says', offset);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.from(compact, 'base64'));
  } catch {
    throw new Refused('the !!binary value is bytes that are not UTF-8 text, which kubectl would replace with U+FFFD; put such data in a Secret\'s data as base64 instead', offset);
  }
}
