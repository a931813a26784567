/*
 * How kubectl reads a plain (unquoted) YAML scalar. kubectl decodes with
 * go-yaml v2 (through sigs.k8s.io/yaml), which resolves a plain scalar by
 * its own table and Go's number parser rather than by YAML 1.2's core
 * schema: `yes`, `on` and `n` are booleans, `0o17`, `0X1F`, `0b1` and
 * `1_000` are integers, `2024-01-01` is a timestamp. The writer quotes
 * every string for which this says yes; `npm run validate` uses it to read
 * files as kubectl does.
 */

// The words go-yaml v2 resolves to booleans, null, infinities and NaN, and
// the merge key; go-yaml knows three spellings of each, matched here in
// any case, as YAML 1.1 readers differ in which they take.
const KEYWORDS = new Set(['y', 'yes', 'n', 'no', 'true', 'false', 'on', 'off', 'null', '~', '', '.inf', '-.inf', '+.inf', '.nan', '<<']);
// Integers as Go's strconv reads them with base 0 (after go-yaml drops every "_"), and YAML-style floats.
const GO_NUMBER = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[0-9]+)$|^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// Dates and times, which go-yaml v2 resolves to timestamps (a prefix: quoting more than needed changes nothing).
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;

/** Whether go-yaml v2 would read `text`, written as a plain scalar, as anything but that string. */
export function readAsNonString(text: string): boolean {
  return KEYWORDS.has(text.toLowerCase()) || GO_NUMBER.test(text.replace(/_/g, '')) || TIMESTAMP.test(text);
}
