/**
 * Integer fields of a manifest, checked as the API server decodes them: a
 * JSON number with no fraction, inside the range of its Go type and of the
 * field's own rule. Values come from escape hatches, JSON input and `as
 * any` as well as from typed props, so anything may arrive here: the
 * message quotes the value as it was given (`"80"` stays a string, NaN is
 * `NaN`, not JSON's `null`).
 *
 * Shared by every validation module: use {@link checkInteger} (or
 * {@link integerError} for a message of your own) for every integer field.
 */

import { RuleReport } from './problem';
import type { FieldCheck } from './_field-checks';

/** The range of a Go `int32`. */
export const INT32 = { min: -2147483648, max: 2147483647 } as const;
/** The range of a Go `int64`, as far as a JavaScript number reaches it. */
export const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n } as const;

/** The port numbers of IsValidPortNum. */
export const PORT_RANGE = { min: 1, max: 65535 } as const;

/** An inclusive range of whole numbers; bounds beyond 2^53 are bigints. */
export interface IntegerRange {
  /** The smallest value allowed. */
  readonly min: number | bigint;
  /** The largest value allowed. */
  readonly max: number | bigint;
}

/**
 * A value as it was received, for a message: strings quoted as JSON,
 * numbers as JavaScript writes them (`1e+21`, `NaN`, `-Infinity`, `-0`),
 * bigints with their `n`, other values as JSON or by their type.
 */
export function quoteValue(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'string':
      return JSON.stringify(value);
    case 'undefined':
      return 'undefined';
    case 'function':
      return 'a function';
    case 'symbol':
      return String(value);
    default:
      try {
        return JSON.stringify(value) ?? String(value);
      } catch {
        return String(value); // a cycle: the escape-hatch checks report it
      }
  }
}

/** Whether `value` is a whole JSON number inside `range`. */
export function isIntegerIn(value: unknown, range: IntegerRange): value is number {
  // A number compares exactly with a bigint bound, even past 2^53 (int64
  // bounds), and without converting either: this runs for every integer
  // field of every Pod.
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** Whether `value` is a port number, 1 to 65535. */
export function isPortNumber(value: unknown): value is number {
  return isIntegerIn(value, PORT_RANGE);
}

/**
 * What is wrong with `value` as a whole number in `range`, phrased to
 * follow the field's name (`replicas is 0.5; it must be a whole number from
 * 0 to 2147483647`), or `undefined` when it is one.
 */
export function integerError(value: unknown, range: IntegerRange): string | undefined {
  return isIntegerIn(value, range) ? undefined : `is ${quoteValue(value)}; it must be ${rangeText(range)}`;
}

// A range in words: `a whole number from 1 to 65535`, `a whole number, 0 or more (at most 2147483647)`.
function rangeText({ min, max }: IntegerRange): string {
  const [low, high] = [BigInt(min), BigInt(max)];
  if (low === INT64.min && high === INT64.max) {
    return 'a whole number';
  }
  // Bounded only below: the top is the Go type's.
  const fromMin = (high === INT64.max || high === BigInt(INT32.max)) && low !== INT64.min && low !== BigInt(INT32.min);
  return fromMin ? `a whole number, ${min} or more (at most ${max})` : `a whole number from ${min} to ${max}`;
}

/** How {@link checkInteger} reports a value that is not a whole number in range: as a {@link FieldCheck}, in the range's words. */
export interface IntegerCheck extends Omit<FieldCheck, 'of'> {
  /** The whole numbers allowed. */
  readonly range: IntegerRange;
}

/**
 * Reports `value` when it is set and not a whole number in the check's
 * range; returns whether it is one (false for a value left out), so that a
 * caller checks further only what is sound.
 */
export function checkInteger(value: unknown, check: IntegerCheck, report: RuleReport): value is number {
  if (value === undefined) {
    return false;
  }
  const wrong = integerError(value, check.range);
  if (wrong !== undefined) {
    report.error(check.rule, check.at, `${check.what} ${wrong}`, check.fix);
    return false;
  }
  return true;
}
