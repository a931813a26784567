import { ApiObject, ApiObjectProps, App, ImplicitTokenResolver, JsonPatch, Lazy, LazyResolver, NumberStringUnionResolver } from 'cdk8s';
import { Construct } from 'constructs';
import { isPlainObject, setOwn } from './_plain';

/**
 * The ApiObject of each Peapod construct: a plain cdk8s `ApiObject`
 * whose fields (`spec`, `data`, …) Peapod renders already in manifest
 * spelling, so no L1 converter runs on them.
 *
 * `toJson()` gives what cdk8s's own would (keys sorted at every level,
 * null and undefined fields left out, JSON patches applied, then
 * `apiVersion`, `kind`, `metadata` first) in one walk, instead of cdk8s's
 * resolve() and sanitizeValue(): resolve() allocates a context and a key
 * path for every value and asks each resolver about it, and at 10,000
 * Pods the two walks took about a sixth of a synth. When the app has
 * resolvers of its own, or `CDK8S_DISABLE_SORT` is set, cdk8s renders the
 * object itself, so that those behave exactly as documented.
 *
 * Patches apply to the manifest, field names as the manifest spells them,
 * and the keys are sorted again after them, as the L1 classes' converters
 * put each field back in its place.
 */
export class ManifestObject extends ApiObject {
  // The patches, kept here too: cdk8s keeps its own list private.
  private readonly jsonPatches: JsonPatch[] = [];

  public constructor(
    scope: Construct,
    id: string,
    private readonly fields: ApiObjectProps,
  ) {
    super(scope, id, fields);
  }

  public addJsonPatch(...ops: JsonPatch[]): void {
    super.addJsonPatch(...ops);
    this.jsonPatches.push(...ops);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ApiObject.toJson() returns any
  public toJson(): any {
    if (!rendersWithDefaults(this)) {
      return super.toJson();
    }
    try {
      const json = this.unpatchedJson();
      return this.jsonPatches.length === 0 ? json : withTopKeysFirst(manifestJson(JsonPatch.apply(json, ...this.jsonPatches)) as Record<string, unknown>);
    } catch (e) {
      throw new Error(`Failed serializing construct at path '${this.node.path}' with name '${this.name}': ${e}`, { cause: e });
    }
  }

  /**
   * The manifest before its JSON patches, for validation to hold the
   * fields they change to the schema (see manifestToValidate); undefined
   * when it has none, or when cdk8s renders the object itself. @internal
   */
  public _beforeJsonPatches(): Record<string, unknown> | undefined {
    return this.jsonPatches.length > 0 && rendersWithDefaults(this) ? this.unpatchedJson() : undefined;
  }

  private unpatchedJson(): Record<string, unknown> {
    // cdk8s's metadata renders itself, already as sanitizeValue() leaves it.
    const json: Record<string, unknown> = { apiVersion: this.apiVersion, kind: this.kind, metadata: this.metadata.toJson() };
    const keys = Object.keys(this.fields);
    for (const key of inOrder(keys) ? keys : sortedInPlace(keys)) {
      const value = key === 'apiVersion' || key === 'kind' || key === 'metadata' ? undefined : manifestJson(this.fields[key]);
      if (value !== undefined) {
        setOwn(json, key, value);
      }
    }
    return json;
  }
}

// `json` with apiVersion, kind and metadata first, as cdk8s orders a manifest.
function withTopKeysFirst(json: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of ['apiVersion', 'kind', 'metadata', ...Object.keys(json)]) {
    if (Object.hasOwn(json, key) && !Object.hasOwn(result, key)) {
      setOwn(result, key, json[key]);
    }
  }
  return result;
}

// Whether cdk8s would render `object` with its built-in resolvers only, keys sorted.
function rendersWithDefaults(object: ApiObject): boolean {
  if (process.env.CDK8S_DISABLE_SORT) {
    return false;
  }
  // Older cdk8s releases of the peer range (2.64.2, its lowest) have no App.resolvers: they render with the defaults.
  const resolvers: readonly unknown[] = App.of(object).resolvers ?? [];
  return resolvers.every((r) => r instanceof LazyResolver || r instanceof ImplicitTokenResolver || r instanceof NumberStringUnionResolver);
}

/**
 * `value` as cdk8s's built-in resolvers and sanitizeValue() leave it, in
 * one copy: Lazy values produced, tokens resolved, null and undefined
 * fields dropped, keys sorted; IntOrString and Quantity objects as their
 * values, as the L1 classes render them.
 * Objects are built key by key in sorted order, so that objects of one
 * kind share V8's hidden classes and read fast in validation and the
 * YAML writer.
 */
function manifestJson(value: unknown): unknown {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    // Filled in place: an array grown by push() reserves room for 17 items.
    const out = value.slice();
    for (let i = 0; i < out.length; i++) {
      out[i] = manifestJson(out[i]);
    }
    return out;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    const keys = Object.keys(value);
    // Peapod writes most of its objects in this order already; checking costs less than sorting.
    for (const key of inOrder(keys) ? keys : sortedInPlace(keys)) {
      const item = manifestJson(value[key]);
      if (item !== undefined) {
        setOwn(out, key, item);
      }
    }
    return out;
  }
  return manifestJson(resolvedToken(value));
}

// `keys` sorted as Array.prototype.sort() sorts them; a short list by insertion, which allocates nothing.
function sortedInPlace(keys: string[]): string[] {
  if (keys.length > 16) {
    return keys.sort();
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i;
    for (; j > 0 && keys[j - 1] > key; j--) {
      keys[j] = keys[j - 1];
    }
    keys[j] = key;
  }
  return keys;
}

function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1] > keys[i]) {
      return false;
    }
  }
  return true;
}

// What cdk8s's built-in resolvers make of an object that is not plain.
function resolvedToken(value: object): unknown {
  if (value instanceof Lazy) {
    return value.produce();
  }
  const token = value as { resolve?: unknown; value?: unknown };
  if (typeof token.resolve === 'function') {
    return (token.resolve as () => unknown)();
  }
  // IntOrString and Quantity (a JSON patch written for the L1 classes may hold
  // them) as their value, as the L1 classes' converters render them.
  if (typeof token.value === 'number' || typeof token.value === 'string') {
    return token.value;
  }
  throw new Error(`can't render non-simple object of type '${value.constructor?.name}'`);
}
