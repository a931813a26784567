import { INT32, INT64, integerError } from './_integer';
import { objectAt } from './_json';
import { RuleReport } from './problem';
import type { RuleId } from './rule-ids';

/** Whether `value` is a whole number, 0 or more, as the API server's ValidateNonnegativeField asks. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

// The fields of these kinds that are Go int64s; the others are int32s.
const INT64_FIELDS = new Set(['activeDeadlineSeconds', 'startingDeadlineSeconds']);

/**
 * Reports each of `fields` of `spec` (at field path `at`) that is set and
 * is not a whole number of at least `min` (and in the range of its Go type),
 * as the API server's ValidateNonnegativeField and its decoder do.
 */
export function checkCounts(spec: unknown, fields: readonly string[], at: string, rule: RuleId, report: RuleReport, min = 0): void {
  for (const field of fields) {
    const value = objectAt(spec)[field];
    const wrong = value === undefined ? undefined : integerError(value, { min, max: INT64_FIELDS.has(field) ? INT64.max : INT32.max });
    if (wrong !== undefined) {
      report.error(rule, `${at}.${field}`, `${field} ${wrong}`, `set ${field} to ${min} or more, or leave it out`);
    }
  }
}

/** Reports `value` at `at` unless it is one of `allowed`. Returns whether it is. */
export function checkOneOf(value: unknown, allowed: readonly string[], at: string, rule: RuleId, report: RuleReport): boolean {
  if (value === undefined || allowed.includes(value as string)) {
    return true;
  }
  report.error(
    rule,
    at,
    `${JSON.stringify(value)} is not supported; the values are ${allowed.map((a) => `"${a}"`).join(', ')}`,
    `use one of ${allowed.join(', ')}`,
  );
  return false;
}

/** A count or percentage (`1`, `'25%'`): its meaning, or why it is not one. */
export type Amount = { readonly count: number; readonly percent: boolean } | { readonly error: string };

/** Parses an IntOrString count or percentage, as the API server's ValidatePositiveIntOrPercent does. */
export function parseAmount(value: unknown): Amount {
  if (typeof value === 'number') {
    return isCount(value) ? { count: value, percent: false } : { error: 'a count must be a whole number, 0 or more' };
  }
  const match = typeof value === 'string' ? /^([0-9]+)%$/.exec(value) : null;
  return match ? { count: Number(match[1]), percent: true } : { error: 'a percentage is written as digits and "%"' };
}
