import { hasKeys, isPlainObject } from './_plain';

/**
 * Finds the fields of an escape-hatch value that the k8s types' converter
 * left out of the manifest. The converters copy only the fields they know,
 * so a misspelt field given through an escape hatch (`extraSpec`,
 * `extraFields`) or a value typed `any` would otherwise vanish without a word.
 *
 * `declared` is the value as given (its keys are the k8s types' property
 * names, such as `hostIp`), `rendered` the converter's output (where the
 * same field is `hostIP`): keys are matched without regard to case, which
 * is the only way the two spellings differ. Values that are not plain
 * objects (IntOrString, Quantity) are the k8s types' own and are not
 * looked into. Returns the manifest paths of the dropped fields, under `at`.
 *
 * A value typed `any` that the converter made an object of (a string
 * where the type has an object: `affinity: 'close'` became `{}`) is put
 * back in `rendered` as given, so that the manifest holds what was
 * declared and the Kubernetes schema check reports it.
 */
export function droppedFields(declared: unknown, rendered: unknown, at: string): string[] {
  const dropped: string[] = [];
  collectDropped(declared, rendered, [], at, dropped);
  return dropped;
}

// Walks without building lists, maps or paths: `path` holds the keys and indexes from `at` down to here,
// written out only for a field that was dropped.
function collectDropped(declared: unknown, rendered: unknown, path: Array<string | number>, at: string, dropped: string[]): void {
  if (Array.isArray(declared)) {
    for (let i = 0; Array.isArray(rendered) && i < declared.length; i++) {
      if (isMadeObject(declared[i], rendered[i])) {
        rendered[i] = declared[i];
      } else {
        descend(declared[i], rendered[i], i, path, at, dropped);
      }
    }
    return;
  }
  if (!isPlainObject(declared) || !isPlainObject(rendered)) {
    return;
  }
  for (const key in declared) {
    const value = declared[key];
    if (value === undefined) {
      continue; // nothing is lost, whether or not the L1 kept it
    }
    // Most keys are spelt alike in both; only then look for another case.
    // (The manifest is JSON: a field it has is never undefined.)
    const kept = rendered[key];
    if (isMadeObject(value, kept)) {
      rendered[key] = value;
    } else if (kept !== undefined) {
      descend(value, kept, key, path, at, dropped);
      continue;
    }
    if (isEmpty(value)) {
      continue;
    }
    const match = keyIgnoringCase(rendered, key);
    if (match === undefined) {
      dropped.push(at + [...path, key].map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join(''));
    } else {
      descend(value, rendered[match], match, path, at, dropped);
    }
  }
}

// Walks into `value` at `step`: only objects and lists have fields of their own to lose.
function descend(value: unknown, rendered: unknown, step: string | number, path: Array<string | number>, at: string, dropped: string[]): void {
  if (typeof value === 'object' && value !== null) {
    path.push(step);
    collectDropped(value, rendered, path, at, dropped);
    path.pop();
  }
}

// Kept out of the loop above: a closure over its `key` would make V8
// allocate a context for every key of every object walked.
function keyIgnoringCase(object: Record<string, unknown>, key: string): string | undefined {
  const lower = key.toLowerCase();
  return Object.keys(object).find((other) => other.toLowerCase() === lower);
}

// Whether the converter made an object of a value that is none.
function isMadeObject(declared: unknown, rendered: unknown): boolean {
  return (typeof declared !== 'object' || declared === null) && typeof rendered === 'object' && rendered !== null;
}

function isEmpty(value: unknown): boolean {
  return Array.isArray(value) ? value.length === 0 : isPlainObject(value) && !hasKeys(value);
}

