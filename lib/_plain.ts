/*
 * Keys an object's prototype also has. cdk8s's resolve() and
 * sanitizeValue() copy each map by assignment, which turns a key
 * `__proto__` into a prototype (the key is gone), and read
 * `value.constructor`, which fails on a key `constructor`; assignment and
 * `in` have the same traps in Peapod's own code. So maps are filled with
 * setOwn(), tested with Object.hasOwn(), and handed to cdk8s (the metadata,
 * which cdk8s renders, and what it renders when an app has resolvers of
 * its own) through keySafe(), which renames those two keys; the rendered
 * manifest gets them back from withExactKeys().
 */

const RENAMED_KEY = '\u0000peapod-key:';
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor']);
// Whether keySafe() ever renamed a key: until then, no manifest needs walking.
let renamedAny = false;

/** Sets `object[key]` as an own property, also when `key` is `__proto__`. */
export function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

/** Whether `object` has `key` itself, not from its prototype. */
export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** `key` as a map handed to an L1 class must hold it (see keySafe). */
export function safeKey(key: string): string {
  if (UNSAFE_KEYS.has(key)) {
    renamedAny = true;
    return RENAMED_KEY + key;
  }
  return key;
}

/** `map` as the L1 classes can render it: itself, or a copy with the keys cdk8s loses renamed. */
export function keySafe<M extends { readonly [key: string]: unknown } | undefined>(map: M): M {
  if (map === undefined || !(hasOwn(map, '__proto__') || hasOwn(map, 'constructor'))) {
    return map;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(map)) {
    out[safeKey(key)] = map[key];
  }
  return out as M;
}

/** A rendered manifest with the keys keySafe() renamed given back, in the sorted place cdk8s gives keys. */
export function withExactKeys<T>(manifest: T): T {
  return renamedAny ? (restoreKeys(manifest) as T) : manifest;
}

/** The field paths of the keys keySafe() renamed in `manifest` as cdk8s renders it (`data.constructor`). */
export function renamedKeysIn(manifest: unknown, at = ''): string[] {
  if (!renamedAny || typeof manifest !== 'object' || manifest === null) {
    return [];
  }
  return Object.entries(manifest).flatMap(([key, value]) => {
    const name = key.startsWith(RENAMED_KEY) ? key.slice(RENAMED_KEY.length) : key;
    const path = Array.isArray(manifest) ? `${at}[${key}]` : at === '' ? name : `${at}.${name}`;
    return [...(name === key ? [] : [path]), ...renamedKeysIn(value, path)];
  });
}

function restoreKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(restoreKeys);
  }
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) {
    return value;
  }
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  const renamed = keys.some((key) => key.startsWith(RENAMED_KEY));
  const out: Record<string, unknown> = {};
  for (const key of renamed ? keys.map((k) => (k.startsWith(RENAMED_KEY) ? k.slice(RENAMED_KEY.length) : k)).sort() : keys) {
    setOwn(out, key, restoreKeys(source[renamed && UNSAFE_KEYS.has(key) ? RENAMED_KEY + key : key]));
  }
  return out;
}

/**
 * Whether `value` is an object literal's kind of object: its prototype is
 * `Object.prototype` or null. Checked without comparing with this realm's
 * `Object.prototype`, so that objects made in another V8 context (a `vm`
 * context, as `peapod import`'s round trip runs generated code in) count too.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  // An `Object.prototype`, of this realm or of another, is the prototype with none of its own.
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || (!Array.isArray(value) && Object.getPrototypeOf(proto) === null);
}

/** One frozen empty list of keys, for the many props and containers that set none. */
export const NO_KEYS: readonly string[] = Object.freeze([]);

/** Whether `object` has a key of its own, found without making the list of its keys. */
export function hasKeys(object: object): boolean {
  for (const _key in object) {
    return true;
  }
  return false;
}

/** `value` without its undefined fields (so that they cannot override the escape hatch's), its keys set with setOwn(). */
export function definedOnly<T extends object>(value: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (value[key] !== undefined) {
      setOwn(out, key, value[key]);
    }
  }
  return out as Partial<T>;
}

// The one empty list that `listOf` hands out; never added to.
const NO_ITEMS: unknown[] = Object.freeze([]) as unknown as unknown[];

/**
 * A copy of `items` to add to later with {@link appendTo}; when there are
 * none, one shared empty list. Apps declare thousands of Pods and
 * containers, and most of their lists (init containers, envFrom, ports
 * added later) stay empty.
 */
export function listOf<T>(items: readonly T[] | undefined): T[] {
  return items !== undefined && items.length > 0 ? [...items] : (NO_ITEMS as T[]);
}

/** `list` with `item` added at the end: `list` itself, or a new list in place of the shared empty one. */
export function appendTo<T>(list: T[], item: T): T[] {
  if ((list as unknown[]) === NO_ITEMS) {
    return [item];
  }
  list.push(item);
  return list;
}
