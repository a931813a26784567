/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads manifests as plain JSON */

// What list() gives for a field without a list: one frozen empty list, not a new one per call.
const NONE: readonly any[] = Object.freeze([]);

/** The array at a manifest field, or an empty one when the field holds none. */
export function list(value: unknown): readonly any[] {
  return Array.isArray(value) ? value : NONE;
}

/** The object at a manifest field, or an empty one when the field holds something else. */
export function asObject(value: unknown): any {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** A manifest value as text for a message: a string as it is, anything else as JSON. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value);
}
