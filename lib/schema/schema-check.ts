import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { loadKubernetesSchemas, SchemaObject } from './load-schemas';

/**
 * The Kubernetes schema check: every manifest against the OpenAPI schema of
 * the API it names, as published for Kubernetes 1.27 (the version
 * cdk8s-plus-27 targets), with unknown fields refused.
 *
 * It is deliberately not Peapod: the schemas come from the
 * `kubernetes-models` package (generated from the official OpenAPI spec) and
 * the checking is done by Ajv. Peapod's own rules and this check see the
 * same output from two sides; each catches what the other misses.
 */
export const KUBERNETES_SCHEMA_VERSION = '1.27';

/** One way a manifest departs from the Kubernetes schema. */
export interface SchemaProblem {
  /** Path of the field in the manifest, such as `spec.containers[0].ports[0].containerPort`; empty for the manifest itself. */
  readonly field: string;
  /** What is wrong, with the value received. */
  readonly message: string;
}

/** Options of {@link checkManifest}. */
export interface CheckOptions {
  /**
   * Accept a manifest whose apiVersion and kind Kubernetes 1.27 does not
   * define (a custom resource) without checking it.
   * @default false - such a manifest is a problem
   */
  readonly skipUnknownKinds?: boolean;
}

/**
 * Checks one manifest (parsed YAML or JSON) against the Kubernetes 1.27
 * schema of its apiVersion and kind, and returns every problem found, in
 * the order of the manifest's fields. An empty list means it passed.
 */
export function checkManifest(manifest: unknown, options: CheckOptions = {}): SchemaProblem[] {
  return checked(manifest, options, toProblem);
}

/** A {@link SchemaProblem}, with what kind of problem it is, and where the value is when it is of a JSON type the schema does not allow there. @internal */
export interface TypedSchemaProblem extends SchemaProblem {
  /**
   * The JSON Schema keyword the value fails (`type`, `enum`, `additionalProperties` for an unknown field).
   * @default - a problem of the manifest as a whole (no apiVersion or kind)
   */
  readonly keyword?: string;
  /**
   * The keys of the field (`['spec', 'containers', '0', 'stdin']`) when its
   * value is of a JSON type the field cannot hold (a string for a boolean or
   * an object); a whole number for an integer, or a string for an enum or a
   * quantity, is of the right type with a wrong value.
   * @default - the value is of a type the field can hold
   */
  readonly wrongTypeAt?: readonly string[];
}

/** {@link checkManifest}, telling which problems are values of a JSON type the field cannot hold. @internal */
export function _checkManifestTypes(manifest: unknown): TypedSchemaProblem[] {
  return checked(manifest, {}, (error) => ({ ...toProblem(error), keyword: error.keyword, ...(ofWrongType(error) ? { wrongTypeAt: keysOf(error.instancePath) } : {}) }));
}

function checked<P extends SchemaProblem>(manifest: unknown, options: CheckOptions, problemOf: (error: ErrorObject) => P): (SchemaProblem | P)[] {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return [{ field: '', message: `a manifest must be an object with apiVersion and kind, got ${describe(manifest)}` }];
  }
  const { apiVersion, kind } = manifest as { apiVersion?: unknown; kind?: unknown };
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return [{ field: typeof apiVersion !== 'string' ? 'apiVersion' : 'kind', message: 'is missing or not a string, so no schema applies' }];
  }
  const validate = validatorFor(apiVersion, kind);
  if (!validate) {
    return options.skipUnknownKinds
      ? []
      : [{ field: 'kind', message: `Kubernetes ${KUBERNETES_SCHEMA_VERSION} defines no kind "${kind}" in apiVersion "${apiVersion}"` }];
  }
  return validate(manifest) ? [] : explain(validate.errors ?? []).map(problemOf);
}

/** `kind/name` of a manifest, for messages. */
export function manifestLabel(manifest: unknown): string {
  const m = (manifest ?? {}) as { kind?: unknown; metadata?: { name?: unknown } };
  return `${typeof m.kind === 'string' ? m.kind : '?'}/${typeof m.metadata?.name === 'string' ? m.metadata.name : '?'}`;
}

/**
 * Checks manifests and throws one error listing every problem of every
 * manifest, or returns when all pass. `source` names where they came from.
 */
export function assertManifestsMatchSchema(manifests: readonly unknown[], source: string): void {
  const lines = manifests.flatMap((manifest) => checkManifest(manifest).map((p) => `${manifestLabel(manifest)} ${formatSchemaProblem(p)}`));
  if (lines.length > 0) {
    throw new Error(`${source} does not match the Kubernetes ${KUBERNETES_SCHEMA_VERSION} schema:\n  ${lines.join('\n  ')}`);
  }
}

/** One line: `field: message`, or the message alone for the manifest itself. */
export function formatSchemaProblem(problem: SchemaProblem): string {
  return problem.field ? `${problem.field}: ${problem.message}` : problem.message;
}

// ---------------------------------------------------------------------------

interface Compiled {
  readonly ajv: Ajv;
  /** Schema id of each top-level kind, by `apiVersion kind`. */
  readonly kinds: Map<string, string>;
}

let compiled: Compiled | undefined;

// Ajv compiles a schema on its first getSchema() and keeps the validator for the next.
function validatorFor(apiVersion: string, kind: string): ValidateFunction | undefined {
  compiled ??= compile();
  const id = compiled.kinds.get(`${apiVersion} ${kind}`);
  return id === undefined ? undefined : compiled.ajv.getSchema(id);
}

function compile(): Compiled {
  // allErrors: report every problem, not the first. verbose: keep the
  // offending value on each error for the message. strictTypes off: the
  // generated schemas combine `nullable` and `oneOf` in ways Ajv's strict
  // mode warns about without changing the result.
  const ajv = new Ajv({ allErrors: true, verbose: true, strictTypes: false });
  addFormats(ajv);
  ajv.addFormat('quantity', { type: 'string', validate: (value: string) => QUANTITY.test(value) });
  const kinds = new Map<string, string>();
  for (const [id, schema] of loadKubernetesSchemas()) {
    ajv.addSchema(refuseUnknownFields(schema), id);
    const apiVersion = schema.properties?.apiVersion?.enum;
    const kind = schema.properties?.kind?.enum;
    if (apiVersion?.length === 1 && kind?.length === 1) {
      kinds.set(`${apiVersion[0]} ${kind[0]}`, id);
    }
  }
  return { ajv, kinds };
}

// The API server drops (and `kubectl apply --validate=strict` refuses)
// fields it does not know; a typo there silently loses the setting. Every
// object with declared properties gets `additionalProperties: false`, the
// way kubeconform's strict schemas do; free-form maps (labels, resources)
// keep their `additionalProperties` schema.
function refuseUnknownFields(schema: SchemaObject): SchemaObject {
  if (Array.isArray(schema)) {
    return schema.map(refuseUnknownFields);
  }
  if (typeof schema !== 'object' || schema === null) {
    return schema;
  }
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as SchemaObject).map(([name, sub]) => [name, refuseUnknownFields(sub)]))
        : refuseUnknownFields(value);
  }
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

// Kubernetes' quantity grammar (apimachinery `resource.Quantity`): a signed
// decimal number, then a binary suffix (Ki…Ei), a decimal SI suffix
// (n, u, m, k, M, G, T, P, E) or an exponent (e3, E-2).
const QUANTITY = /^[+-]?(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

function explain(errors: readonly ErrorObject[]): ErrorObject[] {
  // A field that may be null is written `oneOf: [{ $ref }, { type: 'null' }]`;
  // when the $ref branch fails, Ajv also reports "must be null" and "must
  // match exactly one schema". The errors of the $ref branch say it all.
  // Any other oneOf (int-or-string, quantity) is reported once, naming its
  // alternatives, instead of once per alternative.
  const hidden = new Set<string>();
  const alternatives: string[] = [];
  for (const error of errors) {
    if (error.keyword !== 'oneOf' || !Array.isArray(error.schema)) {
      continue;
    }
    const branches = error.schema as SchemaObject[];
    const nullIndex = branches.findIndex((branch) => branch.type === 'null');
    if (nullIndex >= 0) {
      hidden.add(error.schemaPath);
      hidden.add(`${error.schemaPath}/${nullIndex}/type`);
    } else {
      alternatives.push(`${error.instancePath} ${error.schemaPath}/`);
    }
  }
  const isBranchError = (error: ErrorObject) =>
    alternatives.some((prefix) => `${error.instancePath} ${error.schemaPath}`.startsWith(prefix));
  return errors.filter((error) => !hidden.has(error.schemaPath) && !isBranchError(error));
}

// Whether the value of a `type` error, or of a oneOf (int-or-string,
// quantity) that explain() reports as one, is of none of the JSON types
// allowed: TypeScript's types tell a number from a string, not an integer
// from a fraction, so any number is of the type an integer field holds.
function ofWrongType(error: ErrorObject): boolean {
  const allowed =
    error.keyword === 'type'
      ? String((error.params as { type: unknown }).type).split(',')
      : error.keyword === 'oneOf'
        ? (error.schema as SchemaObject[]).map((branch) => (typeof branch.$ref === 'string' ? 'object' : String(branch.type)))
        : undefined;
  const data: unknown = error.data;
  const type = data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data;
  return allowed !== undefined && !allowed.some((name) => name === type || (type === 'number' && name === 'integer'));
}

function toProblem(error: ErrorObject): SchemaProblem {
  const at = _fieldPathOf(keysOf(error.instancePath));
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { field: join(at, String(params.additionalProperty)), message: `unknown field; Kubernetes ${KUBERNETES_SCHEMA_VERSION} defines no such field here` };
    case 'required':
      return { field: join(at, String(params.missingProperty)), message: 'is required but missing' };
    case 'type':
      return { field: at, message: `must be ${params.type}, got ${describe(error.data)}` };
    case 'enum':
      return { field: at, message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, got ${describe(error.data)}` };
    case 'oneOf':
      return { field: at, message: `must be ${(error.schema as SchemaObject[]).map(describeSchema).join(' or ')}, got ${describe(error.data)}` };
    case 'format':
      return { field: at, message: `must be a valid ${params.format}, got ${describe(error.data)}` };
    default:
      return { field: at, message: `${error.message ?? error.keyword}, got ${describe(error.data)}` };
  }
}

/**
 * `['spec', 'containers', '0']` → `spec.containers[0]`, as problems name
 * fields; keys that are not plain identifiers (label keys such as
 * `app.kubernetes.io/name`) are quoted. @internal
 */
export function _fieldPathOf(keys: readonly string[]): string {
  return keys.reduce((path, key) => (/^\d+$/.test(key) ? `${path}[${key}]` : join(path, key)), '');
}

// `/spec/containers/0/name` → `['spec', 'containers', '0', 'name']`.
function keysOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function join(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$-]*$/.test(key)) {
    return `${path}[${JSON.stringify(key)}]`;
  }
  return path ? `${path}.${key}` : key;
}

function describeSchema(schema: SchemaObject): string {
  if (typeof schema.$ref === 'string') {
    return schema.$ref.replace(/#$/, '').split('.').pop()!;
  }
  return schema.format ? `${schema.type} (${schema.format})` : String(schema.type);
}

function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
