/**
 * Objects that hold a field of a Kubernetes version after 1.27 (a sidecar
 * init container's `restartPolicy: Always`, Pod-level `resources`, …).
 * cdk8s-plus-27's L1 classes, which every Peapod object renders through,
 * map their props field by field onto the 1.27 types, after any JsonPatch:
 * such a field is dropped from escape hatches and patches alike. A plain
 * cdk8s `ApiObject` writes every field as given, so the import writes such
 * an object as one, with a comment naming the fields, and the round trip
 * stays exact. The object is then not checked by Peapod's rules.
 */
import { LaterField, laterFieldAt } from '../_later-fields';

/* eslint-disable @typescript-eslint/no-explicit-any -- the input is untyped YAML */

/** A later field of an input object, at its manifest path. */
export interface LaterFieldUse {
  readonly path: string;
  readonly later: LaterField;
}

// The types that stand at the Pod spec itself, whose paths must lead to the
// Pod spec of the kind rather than to any `spec`.
const POD_SPEC_TYPES: readonly string[] = ['PodSpec', 'PodSecurityContext'];

/** The later fields of `value`, an input object of `kind`, in document order. */
export function laterFieldsIn(value: any, kind: string): LaterFieldUse[] {
  const found: LaterFieldUse[] = [];
  const podSpec = kind === 'Pod' ? 'spec' : kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';
  const walk = (node: any, at: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${at}[${i}]`));
      return;
    }
    if (node === null || typeof node !== 'object') {
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      const path = at === '' ? key : `${at}.${key}`;
      const later = at === '' ? undefined : laterFieldAt(path, kind);
      if (later !== undefined && (!POD_SPEC_TYPES.includes(later.type) || at === podSpec || at === `${podSpec}.securityContext`)) {
        found.push({ path, later });
      }
      walk(item, path);
    }
  };
  walk(value, '');
  return found;
}

/** The comment above such an object in the generated code. */
export function laterObjectComment(kind: string, uses: readonly LaterFieldUse[]): string {
  const fields = uses.map(({ path, later }) => `${path} (Kubernetes ${later.since}, ${later.what})`).join(', ');
  return `A plain cdk8s ApiObject, not a Peapod ${kind}: it holds ${fields}, which the Kubernetes 1.27 types of cdk8s-plus-27 would drop from any Peapod object, escape hatches and JSON patches included. It is written exactly as given and not checked by Peapod's rules.`;
}
