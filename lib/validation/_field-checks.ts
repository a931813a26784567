/**
 * Small checks of one manifest field that many rules share: a name in one
 * of the Kubernetes grammars, an IP address, a string that must not be
 * empty. Each reports under the rule it is given, with the value quoted as
 * it was received.
 */

import { parseIp } from './_ip';
import { quoteValue } from './_integer';
import { dns1123LabelError, dns1123SubdomainError, labelValueError, qualifiedNameError } from './names';
import { RuleReport } from './problem';
import type { RuleId } from './rule-ids';
import { fixByCase } from './_fix-cases';
import { defineRules, ruleIn } from './rules';

/** The rule of the closed sets that {@link checkEnum} checks. */
export const FIELD_CHECK_RULES = defineRules([
  {
    id: 'supported-value',
    severity: 'error',
    category: 'api-server',
    summary: 'Fields with a closed set of values (`restartPolicy`, `imagePullPolicy`, `protocol`, hostPath `type`, …) hold one of them.',
    why: 'The API server refuses other values (Unsupported value: "always": supported values: "Always", "Never", "OnFailure"); the types rule them out, but JSON input, the escape hatches and `as any` do not. An empty restartPolicy or dnsPolicy is defaulted, not refused.',
    ...fixByCase(
      { listed: 'use one of the listed values', near: (value: string) => `write ${value}` },
      { near: ['the value that differs only in case, such as "Always" for "always"'] },
    ),
  },
]);
const SUPPORTED_VALUE = ruleIn(FIELD_CHECK_RULES, 'supported-value');

/** The name grammars of the API server that a field can require. */
export const NAME_GRAMMARS = ['dns-label', 'dns-subdomain', 'qualified-name', 'label-value'] as const;
/** One of {@link NAME_GRAMMARS}. */
export type NameGrammar = (typeof NAME_GRAMMARS)[number];

const GRAMMAR_CHECKS: Readonly<Record<NameGrammar, (value: string) => string | undefined>> = {
  'dns-label': dns1123LabelError,
  'dns-subdomain': dns1123SubdomainError,
  'qualified-name': qualifiedNameError,
  'label-value': labelValueError,
};

/** Where a field is and how a problem with it is reported. */
export interface FieldCheck {
  /** The rule that reports it. */
  readonly rule: RuleId;
  /** The field path in the manifest. */
  readonly at: string;
  /** What the value is, starting the message: `topologyKey`. */
  readonly what: string;
  /**
   * What holds it, following the value in the message: `key "x" of
   * matchExpressions[0] of …`.
   * @default - the message names the field alone
   */
  readonly of?: string;
  /**
   * How to fix it.
   * @default - the fix of the rule's definition
   */
  readonly fix?: string;
}

/**
 * Reports `value` unless it is a string in `grammar`. Returns whether it
 * is one; a value left out (`undefined`) is not reported and is not one.
 */
export function checkName(value: unknown, grammar: NameGrammar, check: FieldCheck, report: RuleReport): boolean {
  if (value === undefined) {
    return false;
  }
  const wrong = typeof value === 'string' ? GRAMMAR_CHECKS[grammar](value) : `is ${quoteValue(value)}, not a string`;
  if (wrong !== undefined) {
    const of = check.of === undefined ? '' : ` of ${check.of}`;
    report.error(
      check.rule,
      check.at,
      typeof value === 'string' ? `${check.what} ${JSON.stringify(value)}${of} ${wrong}` : `${check.what}${of} ${wrong}`,
      check.fix,
    );
    return false;
  }
  return true;
}

/** Reports `value` unless it is an IP address (`10.9.8.7`, `2001:db8::ffff`) as the API server parses one (see _ip.ts). */
export function checkIpAddress(value: unknown, check: FieldCheck, report: RuleReport): boolean {
  if (parseIp(value) !== undefined) {
    return true;
  }
  report.error(
    check.rule,
    check.at,
    value === undefined || value === ''
      ? `${check.what}${check.of === undefined ? '' : ` of ${check.of}`} is missing`
      : `${check.what} ${quoteValue(value)}${check.of === undefined ? '' : ` of ${check.of}`} is not an IP address`,
    check.fix,
  );
  return false;
}

/** The option that differs from `value` in case only (`in` gives `In`), for the fix of a message. */
export function sameIgnoringCase(options: readonly string[], value: unknown): string | undefined {
  const lower = typeof value === 'string' ? value.toLowerCase() : undefined;
  return lower === undefined ? undefined : options.find((option) => option.toLowerCase() === lower);
}

/** Reports a value outside a closed set, suggesting the one that differs only in case. */
export function checkEnum(value: unknown, allowed: readonly string[], at: string, what: string, report: RuleReport): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    const near = sameIgnoringCase(allowed, value);
    report.error(
      'supported-value',
      at,
      `${what} ${JSON.stringify(value)} is not supported; the values are ${allowed.map((option) => JSON.stringify(option)).join(', ')}`,
      near !== undefined ? SUPPORTED_VALUE.fixFor('near', `"${near}"`) : SUPPORTED_VALUE.fixFor('listed'),
    );
  }
}
