import { JsonObject, listAt, objectAt } from './_json';
import { quoteValue } from './_integer';
import { checkName, sameIgnoringCase } from './_field-checks';
import { validateLabels } from './metadata';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
import { defineRules, ruleIn } from './rules';

/** The operators of a label selector's `matchExpressions`. */
export const LABEL_SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;
/** One of {@link LABEL_SELECTOR_OPERATORS}. */
export type LabelSelectorOperator = (typeof LABEL_SELECTOR_OPERATORS)[number];

/** The fixes of an operator outside a rule's list, for the rules that list operators: the one it differs from in case only, or the list. */
export const OPERATOR_FIXES = {
  operatorCase: (near: string) => `write "${near}"`,
  operator: 'use one of the listed operators; they are case-sensitive',
} as const;
/** The placeholder of {@link OPERATOR_FIXES}' specific, for the rules reference. */
export const OPERATOR_PLACEHOLDERS = { operatorCase: ['the operator as listed'] as [string] } as const;

/** The rule of label selectors written out in a manifest (pod affinity, topology spread, …). */
export const LABEL_SELECTOR_RULES = defineRules([
  {
    id: 'label-selector',
    severity: 'error',
    category: 'api-server',
    summary:
      'A label selector (`labelSelector`, `namespaceSelector`) has label-syntax `matchLabels`, and `matchExpressions` with a label-key `key`, an operator In, NotIn, Exists or DoesNotExist, values for In and NotIn, none for Exists and DoesNotExist, and label-value values.',
    why: "The API server refuses the object (ValidateLabelSelector): \"not a valid selector operator\", \"must be specified when `operator` is 'In' or 'NotIn'\", \"may not be specified when `operator` is 'Exists' or 'DoesNotExist'\".",
    ...fixByCase(
      {
        noValues: (operator: string) => `list the label values to match, or use operator ${operator}`,
        values: 'remove the values, or use operator In or NotIn',
        key: 'use a label key such as "app" or "example.com/tier"',
        value: 'use a label value: at most 63 letters, digits, "-", "_" and "."',
        ...OPERATOR_FIXES,
      },
      { noValues: ['Exists (for In) or DoesNotExist (for NotIn)'], ...OPERATOR_PLACEHOLDERS },
    ),
    see: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#resource-based-requirement',
  },
]);

const LABEL_SELECTOR = ruleIn(LABEL_SELECTOR_RULES, 'label-selector');

/**
 * Checks a label selector at field path `at`, as the API server's
 * `ValidateLabelSelector` does; `what` names it in messages (`labelSelector
 * of pod affinity term 0`). A selector left out is fine.
 */
export function validateLabelSelector(selector: unknown, at: string, what: string, report: RuleReport): void {
  if (selector === undefined || selector === null) {
    return;
  }
  const s = objectAt(selector);
  validateLabels(s.matchLabels, `${at}.matchLabels`, report);
  const expressions = listAt(s.matchExpressions);
  for (let i = 0; i < expressions.length; i++) {
    validateSelectorRequirement(objectAt(expressions[i]), `${at}.matchExpressions[${i}]`, `matchExpressions[${i}] of the ${what}`, report);
  }
}

function validateSelectorRequirement(requirement: JsonObject, at: string, what: string, report: RuleReport): void {
  const { key, operator } = requirement;
  const values = listAt(requirement.values);
  checkName(key ?? '', 'qualified-name', { rule: 'label-selector', at: `${at}.key`, what: 'key', of: `${what}`, fix: LABEL_SELECTOR.fixFor('key') }, report);
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length === 0) {
      report.error(
        'label-selector',
        `${at}.values`,
        `${what} has operator ${operator} and no values`,
        LABEL_SELECTOR.fixFor('noValues', operator === 'In' ? 'Exists' : 'DoesNotExist'),
      );
    }
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (values.length > 0) {
      report.error(
        'label-selector',
        `${at}.values`,
        `${what} has operator ${operator} and ${values.length} value${values.length === 1 ? '' : 's'}`,
        LABEL_SELECTOR.fixFor('values'),
      );
    }
  } else {
    const near = sameIgnoringCase(LABEL_SELECTOR_OPERATORS, operator);
    report.error(
      'label-selector',
      `${at}.operator`,
      `operator ${quoteValue(operator)} of ${what} is not a selector operator; the operators are ${LABEL_SELECTOR_OPERATORS.map((o) => `"${o}"`).join(', ')}`,
      near === undefined ? LABEL_SELECTOR.fixFor('operator') : LABEL_SELECTOR.fixFor('operatorCase', near),
    );
  }
  for (let v = 0; v < values.length; v++) {
    checkName(values[v], 'label-value', { rule: 'label-selector', at: `${at}.values[${v}]`, what: 'value', of: `${what}`, fix: LABEL_SELECTOR.fixFor('value') }, report);
  }
}
