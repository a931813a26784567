import { Report } from './problem';
import { defineRules } from './rules';

/** The rules that check the keys of ConfigMaps and Secrets. */
export const DATA_KEY_RULES = defineRules([
  {
    id: 'data-key-valid',

    category: 'api-server',
    severity: 'error',
    summary: 'ConfigMap and Secret keys are at most 253 characters of [-._a-zA-Z0-9], and not "." or ".."',
    why: 'the API server rejects the object; keys become file names when the object is mounted',
    fix: 'rename the key',
  },
  {
    id: 'data-key-unique',

    category: 'api-server',
    severity: 'error',
    summary: 'a key appears in only one of the data sections of a ConfigMap or Secret',
    why: 'the API server rejects a ConfigMap whose data and binaryData share a key; in a Secret, stringData silently overwrites data',
    fix: 'keep the key in one section',
  },
]);

const KEY_PATTERN = /^[-._a-zA-Z0-9]+$/;

/** The run-time check of one ConfigMap or Secret key: why it is invalid, or undefined. */
export function invalidDataKey(key: string): string | undefined {
  if (key.length === 0) {
    return 'is empty';
  }
  if (key.length > 253) {
    return `is ${key.length} characters long, more than 253`;
  }
  if (!KEY_PATTERN.test(key)) {
    return 'has characters other than letters, digits, "-", "_" and "."';
  }
  if (key === '.' || key === '..' || key.startsWith('..')) {
    return 'is "." or starts with ".."';
  }
  return undefined;
}

/**
 * Checks the keys of the data sections of a ConfigMap or Secret, given as
 * `[field, keys]` pairs in manifest order.
 */
export function validateDataKeys(sections: readonly (readonly [string, readonly string[]])[], kind: string, report: Report): void {
  const seen = new Map<string, string>();
  for (const [field, keys] of sections) {
    for (const key of keys) {
      const why = invalidDataKey(key);
      if (why !== undefined) {
        report.error('data-key-valid', `${field}["${key}"]`, `${kind} key "${key}" ${why}`, 'use at most 253 letters, digits, "-", "_" and "."');
      }
      const first = seen.get(key);
      if (first !== undefined) {
        report.error('data-key-unique', `${field}["${key}"]`, `${kind} key "${key}" is also in ${first}`, `keep the key in one of ${first} and ${field}`);
      } else {
        seen.set(key, field);
      }
    }
  }
}
