/**
 * Label maps. Values are strings, always: `{ gpu: true }` does not compile,
 * because Kubernetes would refuse a boolean label value.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/
 */
export type Labels = { readonly [key: string]: string };

/**
 * Annotation maps: string keys and string values.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations/
 */
export type Annotations = { readonly [key: string]: string };
