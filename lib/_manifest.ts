import { Lazy } from 'cdk8s';
import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { droppedFields } from './_dropped-fields';
import { isPlainObject, setOwn } from './_plain';

/*
 * Manifest shapes. Peapod builds its manifests itself, in the manifest's
 * own spelling (`hostIP`, `downwardAPI`), with plain numbers and strings
 * where the cdk8s-plus-27 k8s types hold IntOrString or Quantity objects.
 * The types below are derived from those k8s types, so that a field is
 * declared once: `Manifest<k8s.Container>` is a container as it reaches
 * the YAML. Validation may read manifests through them too.
 */

/**
 * The k8s types' property names that a manifest spells otherwise, as the
 * generated `toJson_*` converters of cdk8s-plus-27 map them (core, apps,
 * batch, networking, policy and autoscaling kinds).
 */
interface ManifestSpelling {
  clientIp: 'clientIP';
  clusterIp: 'clusterIP';
  datasetUuid: 'datasetUUID';
  diskUri: 'diskURI';
  downwardApi: 'downwardAPI';
  hostIp: 'hostIP';
  hostIpc: 'hostIPC';
  hostPid: 'hostPID';
  loadBalancerIp: 'loadBalancerIP';
  pdId: 'pdID';
  scaleIo: 'scaleIO';
  setHostnameAsFqdn: 'setHostnameAsFQDN';
  storagePolicyId: 'storagePolicyID';
  targetWwNs: 'targetWWNs';
  volumeId: 'volumeID';
}

/** `T`, a cdk8s-plus-27 k8s type, as a manifest holds it: manifest field names, IntOrString and Quantity as their values. */
export type Manifest<T> = T extends readonly (infer I)[]
  ? Manifest<I>[]
  : T extends Date
    ? string
    : T extends object
      ? // IntOrString and Quantity, which have no other member than value (an HttpHeader has a name too)
        T extends k8s.IntOrString | k8s.Quantity
        ? keyof T extends 'value'
          ? number | string
          : ManifestFields<T>
        : ManifestFields<T>
      : T;

type ManifestFields<T> = { [K in keyof T as K extends keyof ManifestSpelling ? ManifestSpelling[K] : K]: Manifest<T[K]> };

/** A manifest object being built field by field: each field writable and optional. */
export type Building<M> = { -readonly [K in keyof M]?: M[K] };

/**
 * A manifest of shape `Manifest<T>` as validation reads it: the same fields
 * with the same types, each of them optional and read-only. Validation runs
 * before synth may write, on what the constructs rendered: a required field
 * can be missing (a Pod without containers is one of the problems it
 * reports), and no rule may change what the writer writes.
 */
export type Unvalidated<T> = Loose<Manifest<T>>;

// A map (labels, a selector's matchLabels) keeps its values' type: a key it lacks is no field that may be missing.
type Loose<M> = M extends readonly (infer I)[]
  ? readonly Loose<I>[]
  : M extends object
    ? string extends keyof M
      ? { readonly [key: string]: Loose<M[string & keyof M]> }
      : { readonly [K in keyof M]?: Loose<M[K]> }
    : M;

/**
 * A value given through an escape hatch typed with a cdk8s-plus-27 k8s
 * type (`extraSpec`, `extraFields`, a security context, tolerations,
 * `Volume.fromSource`), in manifest spelling: rendered by that type's own
 * converter (`toJson_PodSpec` …), the one place where Peapod still
 * runs one. The converter copies only the fields it knows; those it left
 * out are added to `dropped` as manifest field paths under `at`, for the
 * `unknown-field` rule.
 */
export function fromEscapeHatch<T>(value: T, converter: Converter, at: string, dropped: string[]): Manifest<T> {
  const resolved = withTokensResolved(value);
  const converted = convertedOrKept(k8sModule()[converter] as (value: unknown) => unknown, resolved);
  dropped.push(...droppedFields(resolved, converted, at));
  return converted as Manifest<T>;
}

// A converter stops at a value of a type it does not expect (a string where
// its type has a list: `.map` is not a function). Then each field is
// converted on its own, and a field that still stops it is kept as given,
// for the Kubernetes schema check to report (see manifestToValidate) while
// the rules check the rest of the object.
function convertedOrKept(convert: (value: unknown) => unknown, value: unknown): unknown {
  try {
    return convert(value);
  } catch (error) {
    if (!(error instanceof TypeError) || !isPlainObject(value)) {
      throw error;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      let field: Record<string, unknown>;
      try {
        field = convert({ [key]: value[key] }) as Record<string, unknown>;
      } catch {
        field = { [key]: value[key] };
      }
      Object.entries(field).forEach(([name, converted]) => setOwn(out, name, converted));
    }
    return out;
  }
}

/** The name of a converter of cdk8s-plus-27's k8s module (`toJson_PodSpec`). */
type Converter = { [K in keyof typeof k8s]: K extends `toJson_${string}` ? K : never }[keyof typeof k8s];

// cdk8s-plus-27's k8s module, loaded the first time an escape hatch is
// rendered: its 2.5 MB of generated code take about 0.1 s to load, which an
// app without escape hatches need not pay at every synth.
let loaded: typeof k8s | undefined;
function k8sModule(): typeof k8s {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  return (loaded ??= require('cdk8s-plus-27/lib/imports/k8s') as typeof k8s);
}

// `value` with Lazy values and tokens (objects with a resolve() method)
// replaced by what they produce, as cdk8s resolves them, and the objects
// and lists around them copied; IntOrString and Quantity objects are
// kept for the converter, which reads their values.
function withTokensResolved<T>(value: T): T {
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  if (value instanceof Lazy) {
    return withTokensResolved(value.produce() as T);
  }
  const token = value as { resolve?: unknown };
  if (typeof token.resolve === 'function') {
    return withTokensResolved((token.resolve as () => T)());
  }
  if (Array.isArray(value)) {
    return value.map(withTokensResolved) as T;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      setOwn(out, key, withTokensResolved(value[key]));
    }
    return out as T;
  }
  return value;
}
