/*
 * How kubectl reads a plain (unquoted) YAML scalar. kubectl decodes with
 * go-yaml v2 (through sigs.k8s.io/yaml), which resolves a plain scalar by
 * its own table and Go's number parser rather than by YAML 1.2's core
 * schema: `yes`, `on` and `n` are booleans, `0o17`, `0X1F`, `0b1` and
 * `1_000` are integers, `2024-01-01` is a timestamp. The writer quotes
 * every string for which this says yes; `npm run validate` uses it to read
 * files as kubectl does.
 */

// go-yaml v2's table of plain words, in the spellings it knows.
const GO_WORDS = new Map<string, boolean | null | number>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'].map((w) => [w, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'].map((w) => [w, false] as const),
  ...['', '~', 'null', 'Null', 'NULL'].map((w) => [w, null] as const),
  ...['.nan', '.NaN', '.NAN'].map((w) => [w, NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((w) => [w, Infinity] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((w) => [w, -Infinity] as const),
]);
// Those words and the merge key, matched in any case when quoting, as YAML 1.1 readers differ in which spellings they take.
const KEYWORDS = new Set([...GO_WORDS.keys(), '<<'].map((word) => word.toLowerCase()));
// Integers as Go's strconv reads them with base 0 (after go-yaml drops every "_"), and YAML-style floats.
const GO_INT = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[0-9]+)$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// Dates and times, which go-yaml v2 resolves to timestamps (a prefix: quoting more than needed changes nothing).
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;

/** Whether go-yaml v2 would read `text`, written as a plain scalar, as anything but that string. */
export function readAsNonString(text: string): boolean {
  const plain = text.replace(/_/g, '');
  return KEYWORDS.has(text.toLowerCase()) || GO_INT.test(plain) || YAML_STYLE_FLOAT.test(plain) || TIMESTAMP.test(text);
}

/**
 * What go-yaml v2, as kubectl uses it, makes of a plain scalar: a boolean,
 * null, a number, or the string itself. (Dates stay strings: kubectl
 * gives them back as written.)
 */
export function goYamlValue(text: string): string | boolean | null | number {
  const word = GO_WORDS.get(text);
  if (word !== undefined) {
    return word;
  }
  if (!/^[-+.0-9]/.test(text)) {
    return text;
  }
  const plain = text.replace(/_/g, '');
  const int = GO_INT.exec(plain);
  // Go's base-0 integers: 0x, 0b, 0o and a leading 0 (octal); 09 is no integer there, but a float.
  if (int && !/^0[0-7]*[89]/.test(int[2])) {
    const digits = int[2];
    const sign = int[1] === '-' ? -1 : 1;
    const prefixed = /^0[xXbBoO]/.test(digits);
    const base = prefixed ? { x: 16, b: 2, o: 8 }[digits[1].toLowerCase() as 'x' | 'b' | 'o'] : digits.length > 1 && digits[0] === '0' ? 8 : 10;
    return sign * parseInt(prefixed ? digits.slice(2) : digits, base);
  }
  return YAML_STYLE_FLOAT.test(plain) ? Number(plain) : text;
}
