/**
 * A small tree of TypeScript expressions that prints itself on one line
 * when it fits and over several lines when it does not, so the generated
 * source reads like hand-written code without a formatter.
 */
import { commentText, quotedLiteral, stringLiteral } from './_code-text';

/** An expression: source text, an object literal, an array literal or a call. */
export type Code = string | ObjectCode | ArrayCode | CallCode;

/** An object literal; an entry may carry a comment line above it. */
export interface ObjectCode {
  readonly object: readonly (readonly [key: string, value: Code, comment?: string])[];
}

/** An array literal. */
export interface ArrayCode {
  readonly array: readonly Code[];
}

/** A call: `callee(arg, …)`. */
export interface CallCode {
  readonly call: string;
  readonly args: readonly Code[];
}

export { commentText, stringLiteral } from './_code-text';

const WIDTH = 120;
const INDENT = '  ';

/** Prints `code` on a line that starts with `indent` and `lead` more characters before it. */
export function print(code: Code, indent = '', lead = 0): string {
  const flat = printFlat(code);
  if (flat !== undefined && indent.length + lead + flat.length <= WIDTH) {
    return flat;
  }
  const inner = indent + INDENT;
  if (typeof code === 'string') {
    return code;
  }
  if ('object' in code) {
    const lines = code.object.map(([key, value, comment]) =>
      `${comment ? commentLines(comment, inner) : ''}${inner}${propertyKey(key)}: ${print(value, inner, propertyKey(key).length + 3)},`,
    );
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  if ('array' in code) {
    return `[\n${code.array.map((item) => `${inner}${print(item, inner)},`).join('\n')}\n${indent}]`;
  }
  // A call breaks inside its last argument, the way prettier lays out `new X(this, 'id', { … })`;
  // when the arguments before it do not fit on the line, each argument gets a line of its own.
  const head = code.args.slice(0, -1).map(printFlat);
  const opening = `${code.call}(${head.map((h) => `${h}, `).join('')}`;
  if (head.some((h) => h === undefined) || indent.length + lead + opening.length > WIDTH) {
    return `${code.call}(\n${code.args.map((arg) => `${inner}${print(arg, inner)},`).join('\n')}\n${indent})`;
  }
  const last = code.args.length > 0 ? print(code.args[code.args.length - 1], indent, lead + opening.length + 2) : '';
  return `${opening}${last})`;
}

/** A comment as `//` lines that fit the width after `indent`, each ending in a newline. */
export function commentLines(comment: string, indent: string): string {
  const lines: string[] = [];
  for (const word of commentText(comment).split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && indent.length + 3 + lines[last].length + 1 + word.length <= WIDTH) {
      lines[last] += ` ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines.map((line) => `${indent}// ${line}\n`).join('');
}

/** A comment as `//` lines of the chart's constructor body, whose lines are indented by four spaces when put in it. */
export function commentStatements(comment: string): string[] {
  return commentLines(comment, '    ').trimEnd().split('\n').map((line) => line.slice(4));
}

// The one-line form, or undefined when the expression must break (a comment inside).
function printFlat(code: Code): string | undefined {
  if (typeof code === 'string') {
    return code.includes('\n') ? undefined : code;
  }
  if ('object' in code) {
    if (code.object.length === 0) {
      return '{}';
    }
    const parts: string[] = [];
    for (const [key, value, comment] of code.object) {
      const flat = printFlat(value);
      if (comment || flat === undefined) {
        return undefined;
      }
      parts.push(`${propertyKey(key)}: ${flat}`);
    }
    return `{ ${parts.join(', ')} }`;
  }
  if ('array' in code) {
    const parts = code.array.map(printFlat);
    return parts.some((p) => p === undefined) ? undefined : `[${parts.join(', ')}]`;
  }
  const args = code.args.map(printFlat);
  return args.some((a) => a === undefined) ? undefined : `${code.call}(${args.join(', ')})`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A property key, quoted only when it must be. `__proto__`, quoted or not,
 * would set the object's prototype in a literal; as a computed key it is a
 * property like any other.
 */
export function propertyKey(key: string): string {
  // Quoted, never a template literal, which cannot be a key.
  if (key === '__proto__') {
    return `[${quotedLiteral(key)}]`;
  }
  return IDENTIFIER.test(key) ? key : quotedLiteral(key);
}

/**
 * Any JSON value as a literal. Anything else (a Date, a Set, a function,
 * a number JSON cannot hold) is a bug of the reader, which hands over JSON
 * only, and throws rather than being written as something else.
 */
export function jsonLiteral(value: unknown): Code {
  if (typeof value === 'string') {
    return stringLiteral(value);
  }
  if (Array.isArray(value)) {
    return { array: value.map(jsonLiteral) };
  }
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== null && proto !== Object.prototype) {
      throw new TypeError(`peapod import: internal error, ${String(proto?.constructor?.name)} is not a JSON value`);
    }
    return { object: Object.entries(value).map(([k, v]) => [k, jsonLiteral(v)] as const) };
  }
  if (value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
    return Object.is(value, -0) ? '-0' : String(value);
  }
  throw new TypeError(`peapod import: internal error, ${typeof value} ${String(value)} is not a JSON value`);
}

/** A string, number or boolean of the input as a literal; undefined when it is absent. */
export function literal(value: string | number | boolean | undefined): string | undefined {
  return value === undefined ? undefined : typeof value === 'string' ? stringLiteral(value) : String(value);
}

/** An options argument from entries, left out (no argument) when none has a value. */
export function optionsArg(entries: readonly (readonly [string, Code | undefined])[]): ObjectCode[] {
  const code = objectOf(entries);
  return code.object.length > 0 ? [code] : [];
}

/** An object literal from entries, leaving out those whose value is undefined. */
export function objectOf(entries: readonly (readonly [string, Code | undefined, string?])[]): ObjectCode {
  return { object: entries.filter((e): e is readonly [string, Code, string?] => e[1] !== undefined) };
}

const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package ' +
    'private protected public await any boolean number string symbol object undefined require module exports props scope id')
    .split(' '),
);

/** A camelCase identifier for a Kubernetes name (`web-config` → `webConfig`), or undefined when it would not be one. */
export function camelCase(name: string): string | undefined {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  if (words.length === 0) {
    return undefined;
  }
  const text = words.map((w, i) => (i === 0 ? w[0].toLowerCase() + w.slice(1) : w[0].toUpperCase() + w.slice(1))).join('');
  return /^[0-9]/.test(text) || RESERVED.has(text) ? undefined : text;
}

/** The chart class named after a file or folder (`web-apps` → `WebAppsChart`); `imported-…` when the name starts with a digit or is reserved. */
export function chartClassName(name: string): string {
  const camel = camelCase(name) ?? camelCase(`imported-${name}`) ?? 'imported';
  return `${camel[0].toUpperCase()}${camel.slice(1)}Chart`;
}

/** Hands out identifiers, each once. */
export class Names {
  private readonly taken = new Set<string>(['Chart', 'ChartProps', 'Construct', 'k8s', 'JsonPatch']);

  /** The first of the candidates that is free, else the last with a number appended. */
  public claim(...candidates: (string | undefined)[]): string {
    const valid = candidates.filter((c): c is string => c !== undefined);
    for (const candidate of valid) {
      if (!this.taken.has(candidate)) {
        this.taken.add(candidate);
        return candidate;
      }
    }
    const base = valid[valid.length - 1] ?? 'object';
    for (let n = 2; ; n++) {
      if (!this.taken.has(`${base}${n}`)) {
        this.taken.add(`${base}${n}`);
        return `${base}${n}`;
      }
    }
  }
}
