/**
 * Fields of a Kubernetes version after 1.27 in an input object (a sidecar
 * init container's `restartPolicy: Always`, Pod-level `resources`, …).
 * The escape hatches of the DSL are typed by cdk8s-plus-27's 1.27 types,
 * whose converters drop such a field; a JsonPatch on the manifest object,
 * which Peapod renders in the manifest's own field names, keeps it. So the
 * import takes each such field out of the object before converting it,
 * writes the object as Peapod code as usual, and adds the field back with a
 * patch at its manifest path, under a comment naming the version.
 */
import { LaterField, laterFieldAt } from '../_later-fields';
import { fieldOf } from '../validation/_json';
import { commentStatements, jsonLiteral, print, stringLiteral } from './code';
import { YamlMap } from './fields';

/** A later field of an input object, at its manifest path. */
export interface LaterFieldUse {
  /** The manifest path, such as `spec.initContainers[0].restartPolicy`. */
  readonly path: string;
  /** The same path as keys and indexes, for the patch's JSON pointer. */
  readonly segments: readonly (string | number)[];
  readonly later: LaterField;
}

// The types that stand at the Pod spec itself, whose paths must lead to the
// Pod spec of the kind rather than to any `spec`.
const POD_SPEC_TYPES: readonly string[] = ['PodSpec', 'PodSecurityContext'];

/** The later fields of `value`, an input object of `kind`, in document order. */
export function laterFieldsIn(value: unknown, kind: string): LaterFieldUse[] {
  const found: LaterFieldUse[] = [];
  const podSpec = kind === 'Pod' ? 'spec' : kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';
  const walk = (node: unknown, at: string, segments: readonly (string | number)[]): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${at}[${i}]`, [...segments, i]));
      return;
    }
    if (node === null || typeof node !== 'object') {
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      const path = at === '' ? key : `${at}.${key}`;
      const later = at === '' ? undefined : laterFieldAt(path, kind);
      if (later !== undefined && (!POD_SPEC_TYPES.includes(later.type) || at === podSpec || at === `${podSpec}.securityContext`)) {
        found.push({ path, segments: [...segments, key], later });
      } else {
        walk(item, path, [...segments, key]);
      }
    }
  };
  walk(value, '', []);
  return found;
}

/**
 * Takes the fields out of `value`, for the conversion not to see them, and
 * returns what puts them back where they were (the round trip compares the
 * object with them) and the patch statements for the object's variable.
 */
export function detachLaterFields(value: unknown, uses: readonly LaterFieldUse[], variable: string): { restore: () => void; patches: string[] } {
  const restores: (() => void)[] = [];
  const patches: string[] = [];
  for (const use of uses) {
    // An object holding the field: laterFieldsIn found the field by walking the objects and lists on its path.
    const parent = use.segments.slice(0, -1).reduce<unknown>((node, segment) => fieldOf(node, String(segment)), value) as YamlMap;
    const key = use.segments[use.segments.length - 1] as string;
    const field = parent[key];
    delete parent[key];
    // Key order does not matter to the round trip, which compares ignoring it.
    restores.push(() => (parent[key] = field));
    const pointer = `/${use.segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
    const why = `${use.path}: a field of Kubernetes ${use.later.since} and later (${use.later.what}), which the 1.27 types of the escape hatches do not have.`;
    patches.push(
      ...commentStatements(why),
      `${variable}.apiObject.addJsonPatch(JsonPatch.add(${stringLiteral(pointer)}, ${print(jsonLiteral(field), '    ')}));`,
    );
  }
  return { restore: () => restores.forEach((restore) => restore()), patches };
}
