/**
 * A deep copy of data a user handed over to be emitted as given (security
 * contexts, tolerations, escape-hatch fields), made of ordinary objects and
 * arrays. cdk8s looks at `constructor.name` of every object it resolves,
 * so an object without a prototype (`Object.create(null)`, some parsers and
 * generators make them) crashed synth with a TypeError. Instances of classes
 * (IntOrString, Quantity, Lazy values) are kept as they are.
 *
 * What it copies reaches the L1 class as given, and may hold a field the
 * L1 class does not know and would drop; a renderer that uses it lists the
 * field among those validation compares with the manifest
 * (`Container._passedThroughKeys()`, `PodTemplate.passedThroughKeys()`).
 */
export function plainData<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(plainData) as T;
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainData(item)])) as T;
  }
  return value;
}

/**
 * Whether `value` is an object literal's kind of object: its prototype is
 * `Object.prototype` or null. Checked without comparing with this realm's
 * `Object.prototype`, so that objects made in another V8 context (a `vm`
 * context, as `peapod import`'s round trip runs generated code in) count too.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && (Object.getPrototypeOf(value) === null || isObjectOfSomeRealm(value));
}

// Whether the prototype of `value`, not an array, is the `Object.prototype` of this realm or of another.
function isObjectOfSomeRealm(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return !Array.isArray(value) && proto !== null && Object.getPrototypeOf(proto) === null;
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

/** `value` without its undefined fields, so that they cannot override the escape hatch's. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key in value) {
    if (value[key] !== undefined) {
      out[key] = value[key];
    }
  }
  return out;
}

/**
 * A copy of rendered manifest JSON, field for field and in the same key
 * order, made of objects built one property at a time.
 *
 * The cdk8s L1 classes build each object of a manifest with
 * `{ ...r, [key]: value }`, which leaves V8 a hidden class of its own for
 * nearly every object (every port, env entry, volume, label map: 2,000
 * Pods gave 2,000 classes for each). Every read of such an object then
 * misses V8's inline caches, and validation and the YAML writer read each
 * of them. Objects built like these copies share their classes, are read
 * several times faster, and the thousands of classes become garbage.
 *
 * Only plain objects and arrays are copied; anything else is kept as it
 * is. A manifest that holds one object twice is returned as it is: the
 * YAML writer writes such an object as an anchor and an alias, which
 * copies would lose.
 */
export function withSharedShapes<T>(manifest: T): T {
  const seen = new Set<object>();
  const copy = copyShared(manifest, seen);
  return copy === ALIASED ? manifest : (copy as T);
}

const ALIASED = Symbol('aliased');

function copyShared(value: unknown, seen: Set<object>): unknown {
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const list = Array.isArray(value);
  if (!list && !isObjectOfSomeRealm(value)) {
    return value;
  }
  if (seen.has(value)) {
    return ALIASED;
  }
  seen.add(value);
  if (list) {
    // Filled in place: an array grown by push() reserves room for 17
    // items, where manifests' lists mostly hold one or two.
    const out = value.slice();
    for (let i = 0; i < out.length; i++) {
      const item = copyShared(out[i], seen);
      if (item === ALIASED) {
        return ALIASED;
      }
      out[i] = item;
    }
    return out;
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const item = copyShared(source[key], seen);
    if (item === ALIASED) {
      return ALIASED;
    }
    out[key] = item;
  }
  return out;
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
