import { quoteValue } from './_integer';
import { JsonObject, objectAt } from './_json';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
import { defineRules, fixNaming, ruleIn } from './rules';

function keepInOne(first: string, second: string): string {
  return `keep the key in one of ${first} and ${second}`;
}

/** The rules that check the keys of ConfigMaps and Secrets. */
export const DATA_KEY_RULES = defineRules([
  {
    id: 'data-key-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'ConfigMap and Secret keys are at most 253 characters of [-._a-zA-Z0-9], and not "." or ".."',
    why: 'the API server rejects the object ("a valid config key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'"); keys become file names when the object is mounted',
    fix: 'rename the key: at most 253 letters, digits, "-", "_" and "."',
  },
  {
    id: 'data-key-unique',
    category: 'api-server',
    severity: 'error',
    summary: 'a key of a ConfigMap is in only one of data and binaryData',
    why: 'the API server rejects the ConfigMap ("duplicate of key present in binaryData")',
    ...fixNaming(keepInOne, ['data', 'binaryData']),
  },
  {
    id: 'secret-key-overwritten',
    severity: 'warning',
    summary: 'a key of a Secret is in only one of data and stringData',
    why: 'the API server merges stringData into data and the stringData value wins: the data value is silently lost',
    ...fixNaming(keepInOne, ['data', 'stringData']),
  },
  {
    id: 'data-size',
    category: 'api-server',
    severity: 'error',
    summary: 'the values of a ConfigMap or Secret total at most 1 MiB (1048576 bytes, base64 values counted decoded)',
    why: 'the API server rejects a larger object ("Too long: must have at most 1048576 bytes"); it is stored whole in etcd',
    fix: 'split the data over several objects, or put large files in a volume or the image',
    see: 'https://kubernetes.io/docs/concepts/configuration/configmap/#motivation',
  },
  {
    id: 'data-value-string',
    category: 'api-server',
    severity: 'error',
    summary: 'every value of a ConfigMap or Secret is a string',
    why: 'the API server cannot decode another JSON type into the string it stores ("cannot unmarshal number into Go struct field"), and cdk8s drops a null value without a word',
    ...fixByCase(
      {
        dropped: 'give it a string value, such as "", or remove the key',
        plain: (value: string) => `quote it: "${value}"`,
        base64: (value: string) => `encode it: Buffer.from("${value}").toString("base64")`,
      },
      { plain: ['1'], base64: ['1'] },
    ),
  },
  {
    id: 'data-value-encoded',
    category: 'api-server',
    severity: 'error',
    summary: 'the values of a Secret\'s data and a ConfigMap\'s binaryData are base64, as the API server decodes them',
    why: 'the API server rejects a value it cannot decode ("illegal base64 data at input byte …"); plain text belongs in stringData or data',
    ...fixNaming((plain: string) => `encode it, such as Buffer.from(text).toString('base64'), or move it to ${plain}, which takes plain text`, ['stringData (Secret) or data (ConfigMap)']),
  },
]);

const DATA_KEY_UNIQUE = ruleIn(DATA_KEY_RULES, 'data-key-unique');
const SECRET_KEY_OVERWRITTEN = ruleIn(DATA_KEY_RULES, 'secret-key-overwritten');
const VALUE_STRING = ruleIn(DATA_KEY_RULES, 'data-value-string');
const VALUE_ENCODED = ruleIn(DATA_KEY_RULES, 'data-value-encoded');

// Standard base64 with padding, which the API server decodes these fields with; it skips line breaks.
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Checks that every value of a base64 section (`field`: a Secret's `data`,
 * a ConfigMap's `binaryData`) decodes; `plainField` is where plain text goes instead.
 */
export function validateBase64Values(values: { readonly [key: string]: unknown }, field: string, plainField: string, kind: string, report: RuleReport): void {
  for (const [key, value] of Object.entries(values)) {
    // A value that is no string at all is data-value-string's.
    if (typeof value === 'string' && !BASE64_PATTERN.test(value.replace(/[\r\n]/g, ''))) {
      const shown = value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
      report.error('data-value-encoded', `${field}["${key}"]`, `${kind} ${field} value of "${key}" is not base64: ${shown}`, VALUE_ENCODED.fixFor(plainField));
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
export function validateDataKeys(sections: readonly (readonly [string, readonly string[]])[], kind: string, report: RuleReport): void {
  const seen = new Map<string, string>();
  for (const [field, keys] of sections) {
    for (const key of keys) {
      const why = invalidDataKey(key);
      if (why !== undefined) {
        report.error('data-key-valid', `${field}["${key}"]`, `${kind} key "${key}" ${why}`);
      }
      const first = seen.get(key);
      if (first !== undefined && kind === 'ConfigMap') {
        report.error('data-key-unique', `${field}["${key}"]`, `${kind} key "${key}" is also in ${first}`, DATA_KEY_UNIQUE.fixFor(first, field));
      } else if (first !== undefined) {
        report.warn(
          'secret-key-overwritten',
          `${field}["${key}"]`,
          `${kind} key "${key}" is also in ${first}; the API server keeps the ${field} value and drops the other`,
          SECRET_KEY_OVERWRITTEN.fixFor(first, field),
        );
      } else {
        seen.set(key, field);
      }
    }
  }
}

/** The most a ConfigMap's or Secret's values may hold together (`core.MaxSecretSize`). */
export const MAX_DATA_BYTES = 1024 * 1024;

/**
 * Checks that the values of a ConfigMap or Secret (`bytes`: each value's
 * size as the API server stores it) total at most 1 MiB.
 */
export function validateDataSize(bytes: readonly number[], at: string, kind: string, report: RuleReport): void {
  const total = bytes.reduce((sum, size) => sum + size, 0);
  if (total > MAX_DATA_BYTES) {
    report.error('data-size', at, `${kind} values total ${total} bytes; at most ${MAX_DATA_BYTES} (1 MiB) are allowed`);
  }
}

/** The bytes a base64 value decodes to, for a value that {@link validateBase64Values} accepts. */
export function decoded(base64: unknown): Buffer {
  return typeof base64 === 'string' ? Buffer.from(base64.replace(/[\r\n]/g, ''), 'base64') : Buffer.alloc(0);
}

/** The bytes of a plain-text value as the API server stores it. */
export function encoded(value: unknown): Buffer {
  return Buffer.from(typeof value === 'string' ? value : String(value));
}

/**
 * The sections of a rendered ConfigMap or Secret, each keyed by its manifest
 * field, after their keys and base64 values are checked: `data` and
 * `binaryData` of a ConfigMap (plain, then base64), `data` and `stringData`
 * of a Secret (base64, then plain).
 */
export function checkedSections(manifest: JsonObject, kind: 'ConfigMap' | 'Secret', report: RuleReport): { plain: JsonObject; base64: JsonObject } {
  const [first, second] = kind === 'ConfigMap' ? ['data', 'binaryData'] : ['data', 'stringData'];
  const [base64Field, plainField] = kind === 'ConfigMap' ? [second, first] : [first, second];
  const sections = { [first]: objectAt(manifest[first]), [second]: objectAt(manifest[second]) };
  validateDataKeys(
    [
      [first, Object.keys(sections[first])],
      [second, Object.keys(sections[second])],
    ],
    kind,
    report,
  );
  for (const field of [first, second]) {
    validateStringValues(sections[field], field, kind, report, field === base64Field);
  }
  validateBase64Values(sections[base64Field], base64Field, plainField, kind, report);
  return { plain: sections[plainField], base64: sections[base64Field] };
}

/**
 * Reports each value of a section (`values`, at manifest field `field`) that
 * is not a string: a number, boolean or object in the rendered manifest, or
 * a null or undefined one in the props, which rendering drops.
 */
export function validateStringValues(values: { readonly [key: string]: unknown }, field: string, kind: string, report: RuleReport, base64 = false): void {
  for (const [key, value] of Object.entries(values)) {
    if (typeof value !== 'string') {
      const dropped = value === null || value === undefined;
      const what = dropped ? `${String(value)}, which synth would drop` : `a ${typeof value} (${quoteValue(value)})`;
      const fix = dropped ? VALUE_STRING.fixFor('dropped') : VALUE_STRING.fixFor(base64 ? 'base64' : 'plain', String(value));
      report.error('data-value-string', `${field}["${key}"]`, `${kind} ${field} value of "${key}" is ${what}; values are strings`, fix);
    }
  }
}

/** Checks the content of a rendered ConfigMap (keys, base64 values, size) and records every problem in `report`. */
export function validateConfigMapData(manifest: JsonObject, report: RuleReport): void {
  const { plain, base64 } = checkedSections(manifest, 'ConfigMap', report);
  const sizes = [...Object.values(plain).map((value) => encoded(value).length), ...Object.values(base64).map((value) => decoded(value).length)];
  validateDataSize(sizes, 'data', 'ConfigMap', report);
}
