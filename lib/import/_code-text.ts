/**
 * The one way input text reaches generated code. Every name, label,
 * annotation, file name or other text read from the input is written either
 * as a string literal ({@link stringLiteral}) or as comment text
 * ({@link commentText}); nothing else interpolates input into source.
 *
 * A string literal reads back as exactly the input: JavaScript has since
 * ES2019 allowed U+2028 and U+2029 in string literals, but a lone surrogate
 * cannot be written to a UTF-8 file at all, and control, bidirectional and
 * line-separator characters in a source file make it read differently from
 * what it is (the "Trojan source" trick), so they are written as escapes.
 * Comment text can never end its comment: line terminators, `*` `/` and the
 * same invisible characters become visible escapes.
 */

// Code points written as `\uXXXX` in literals and comments: C0 and C1
// controls and DEL; U+0085 and the line and paragraph separators (line
// ends to some readers); bidirectional controls; the BOM, which TypeScript
// reads as white space; noncharacters; surrogates (paired ones are
// written as they are, see below).
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT: Readonly<Record<string, string>> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r' };

function escapeInvisible(char: string): string {
  return SHORT[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A single-quoted literal that evaluates to exactly `value`, on one line. */
export function quotedLiteral(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`).replace(INVISIBLE, escapeInvisible)}'`;
}

/**
 * A string literal for `value`: single-quoted, or a template literal for
 * longer text of several lines (configuration files kept in ConfigMaps read
 * better that way). Either evaluates to exactly `value`.
 */
export function stringLiteral(value: string): string {
  // Not with a carriage return, which a template literal reads as a line feed.
  if (value.length > 40 && value.includes('\n') && !value.includes('\r')) {
    const body = value
      .replace(/[\\`]|\$\{/g, (c) => `\\${c}`)
      .replace(INVISIBLE, (c) => (c === '\n' ? c : escapeInvisible(c)));
    return `\`${body}\``;
  }
  return quotedLiteral(value);
}

/**
 * `text` as the text of a `//` or `/* *\/` comment, on one line: line
 * terminators and invisible characters as escapes, `*` `/` broken by a
 * backslash so that it cannot close a block comment.
 */
export function commentText(text: string): string {
  return text.replace(INVISIBLE, escapeInvisible).replace(/\*\//g, '*\\/');
}
