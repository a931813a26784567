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
  {
    id: 'data-value-encoded',

    category: 'api-server',
    severity: 'error',
    summary: 'the values of a Secret\'s data and a ConfigMap\'s binaryData are base64, as the API server decodes them',
    why: 'the API server rejects a value it cannot decode; plain text belongs in stringData or data',
    fix: 'encode the value (Buffer.from(text).toString("base64")), or move it to stringData (Secret) or data (ConfigMap)',
  },
]);

// Standard base64 with padding, which the API server decodes these fields with; it skips line breaks.
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Checks that every value of a base64 section (`field`: a Secret's `data`,
 * a ConfigMap's `binaryData`) decodes; `plainField` is where plain text goes instead.
 */
export function validateBase64Values(values: { readonly [key: string]: unknown }, field: string, plainField: string, kind: string, report: Report): void {
  for (const [key, value] of Object.entries(values)) {
    if (typeof value !== 'string' || !BASE64_PATTERN.test(value.replace(/[\r\n]/g, ''))) {
      const shown = typeof value === 'string' && value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
      report.error(
        'data-value-encoded',
        `${field}["${key}"]`,
        `${kind} ${field} value of "${key}" is not base64: ${shown}`,
        `encode it, such as Buffer.from(text).toString('base64'), or move it to ${plainField}, which takes plain text`,
      );
    }
  }
}

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
