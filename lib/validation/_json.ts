/**
 * How validation reads a manifest. A rendered manifest holds what the DSL
 * built and whatever an escape hatch (extraSpec, extraFields, a JsonPatch,
 * `as any`) put beside it, so every field is `unknown` until narrowed: a
 * {@link JsonObject} is an object whose fields are read by name, and
 * {@link objectAt} / {@link listAt} narrow a field that should hold one.
 */

/** An object of a manifest, read field by field; each field may hold anything. */
export interface JsonObject {
  readonly [field: string]: unknown;
}

// What the readers give for a field that holds no list or object: one frozen value each, not a new one per call.
const NONE: readonly never[] = Object.freeze([]);
const EMPTY: JsonObject = Object.freeze({});

/** The object at a manifest field, or an empty one when the field holds something else. */
export function objectAt(value: unknown): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : EMPTY;
}

/**
 * Field `field` of a manifest value, whatever the value holds: read without
 * allocating, for the hot loops of validation. A primitive has none of a
 * manifest's field names, and null or undefined give undefined.
 */
export function fieldOf(value: unknown, field: string): unknown {
  return (value as JsonObject | null | undefined)?.[field];
}

/** The array at a manifest field, or an empty one when the field holds none. */
export function listAt(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : NONE;
}

/** `metadata.namespace` of a manifest, if it names one. */
export function namespaceOf(manifest: JsonObject): string | undefined {
  const namespace = objectAt(manifest.metadata).namespace;
  return typeof namespace === 'string' ? namespace : undefined;
}

/** A manifest value as text for a message: a string as it is, anything else as JSON. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value);
}
