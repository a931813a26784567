/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads manifests as plain JSON */

/** The array at a manifest field, or an empty one when the field holds none. */
export function list(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}
