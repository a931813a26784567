/**
 * The volume sources with a typed factory of their own besides the five
 * basic ones: projected, downwardAPI, ephemeral, csi and nfs. A source is
 * written with its factory only when every field of it is one the factory
 * emits, with a value its types accept; anything else (a field the factory
 * does not model, such as a projected `clusterTrustBundle` or an ephemeral
 * claim's `dataSource`, or a value of the wrong type) returns undefined, and
 * the caller writes the source through `Volume.fromSource`, typed by the L1
 * `Volume` and validated with the Pod. Either way the code synthesizes to
 * the input; this module never reports a problem of its own.
 */
import { ACCESS_MODES, DOWNWARD_API_FIELDS, DOWNWARD_API_RESOURCES, VOLUME_MODES } from '../volume';
import { Code, jsonLiteral, literal, objectOf, optionsArg, stringLiteral } from './code';
import { FieldReader, isMap, isStringMap, YamlMap } from './fields';
import { Scope } from './scope';

/** The source kinds this module writes with their own factory. */
export const TYPED_SOURCES = ['projected', 'downwardAPI', 'ephemeral', 'csi', 'nfs'] as const;
/** One of {@link TYPED_SOURCES}. */
export type TypedSource = (typeof TYPED_SOURCES)[number];

/** How the code names a ConfigMap or Secret: its variable, or a `fromName` constant (and checks a key of it). */
export type ObjectReference = (kind: 'ConfigMap' | 'Secret', name: string, key: string | undefined, optional: boolean | undefined, at: string) => string;

/** What the conversion of one source needs from the Pod's. */
export interface SourceContext {
  readonly reader: FieldReader;
  readonly scope: Scope;
  readonly refer: ObjectReference;
}

/**
 * The arguments of the source's factory, or undefined when it does not fit.
 * A first pass only checks the fit, with no effect on the scope, so that a
 * source written through fromSource leaves no unused constant or import.
 */
export function typedSource(kind: TypedSource, source: YamlMap, at: string, context: SourceContext): Code[] | undefined {
  const dry: Pass = { ...context, dry: true, refer: () => 'undefined' };
  return typedSourceArgs(kind, source, at, dry) && typedSourceArgs(kind, source, at, { ...context, dry: false });
}

interface Pass extends SourceContext {
  readonly dry: boolean;
}

/** Text of Peapod's `MemoryQuantity` type: digits and an optional binary or decimal suffix of at least kilo. */
export const MEMORY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;
/** Text of Peapod's `Quantity` type: digits and an optional binary or decimal suffix. */
export const ANY_QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?$/;
const OBJECT_FIELD = /^metadata\.(labels|annotations)\['.*'\]$/s;
const HUGEPAGES = /^(limits|requests)\.hugepages-.+$/s;

/** File modes read best in octal, as chmod writes them. */
export function fileMode(mode: number): string {
  return mode >= 0 && mode <= 0o777 ? `0o${mode.toString(8)}` : String(mode);
}

// The arguments after the volume's name of `Volume.<kind>(name, …)` for a
// source that fits its factory, or undefined when it does not. `at` is the
// source's field path (`spec.volumes[0].projected`).
function typedSourceArgs(kind: TypedSource, source: YamlMap, at: string, context: Pass): Code[] | undefined {
  if (!isMap(source)) {
    return undefined;
  }
  switch (kind) {
    case 'projected':
      return projected(source, at, context);
    case 'downwardAPI': {
      if (!within(source, ['items', 'defaultMode']) || !optionalInt(source.defaultMode)) {
        return undefined;
      }
      const files = downwardApiFiles(source.items, `${at}.items`, context);
      return files === undefined ? undefined : [files, ...optionsArg([['defaultMode', source.defaultMode === undefined ? undefined : fileMode(source.defaultMode)]])];
    }
    case 'ephemeral':
      return ephemeral(source);
    case 'csi': {
      const secretRef = source.nodePublishSecretRef;
      if (
        !within(source, ['driver', 'readOnly', 'fsType', 'volumeAttributes', 'nodePublishSecretRef']) ||
        typeof source.driver !== 'string' ||
        !optionalBool(source.readOnly) ||
        !optionalString(source.fsType) ||
        !(source.volumeAttributes === undefined || isStringMap(source.volumeAttributes)) ||
        !(secretRef === undefined || (isMap(secretRef) && within(secretRef, ['name']) && typeof secretRef.name === 'string' && secretRef.name !== ''))
      ) {
        return undefined;
      }
      return [
        stringLiteral(source.driver),
        ...optionsArg([
          ['readOnly', literal(source.readOnly)],
          ['fsType', literal(source.fsType)],
          ['volumeAttributes', source.volumeAttributes === undefined ? undefined : jsonLiteral(source.volumeAttributes)],
          // A name, as checked above.
          ['nodePublishSecret', secretRef === undefined ? undefined : context.refer('Secret', secretRef.name as string, undefined, undefined, `${at}.nodePublishSecretRef`)],
        ]),
      ];
    }
    case 'nfs':
      if (!within(source, ['server', 'path', 'readOnly']) || typeof source.server !== 'string' || typeof source.path !== 'string' || !optionalBool(source.readOnly)) {
        return undefined;
      }
      return [stringLiteral(source.server), stringLiteral(source.path), ...optionsArg([['readOnly', literal(source.readOnly)]])];
  }
}

function projected(source: YamlMap, at: string, context: Pass): Code[] | undefined {
  if (!within(source, ['sources', 'defaultMode']) || !optionalInt(source.defaultMode) || !Array.isArray(source.sources)) {
    return undefined;
  }
  const projections: Code[] = [];
  for (const [i, projection] of source.sources.entries()) {
    const code = isMap(projection) && Object.keys(projection).length === 1 ? projectionCode(projection, `${at}.sources[${i}]`, context) : undefined;
    if (code === undefined) {
      return undefined;
    }
    projections.push(code);
  }
  if (!context.dry) {
    context.scope.imports.add('VolumeProjection');
  }
  return [{ array: projections }, ...optionsArg([['defaultMode', source.defaultMode === undefined ? undefined : fileMode(source.defaultMode)]])];
}

// One source of a projected volume, as a VolumeProjection factory call.
function projectionCode(projection: YamlMap, at: string, context: Pass): Code | undefined {
  const [kind] = Object.keys(projection);
  const value = projection[kind];
  if (!isMap(value)) {
    return undefined;
  }
  switch (kind) {
    case 'serviceAccountToken':
      if (!within(value, ['path', 'audience', 'expirationSeconds']) || typeof value.path !== 'string' || !optionalString(value.audience) || !optionalInt(value.expirationSeconds)) {
        return undefined;
      }
      return {
        call: 'VolumeProjection.serviceAccountToken',
        args: [
          objectOf([
            ['path', stringLiteral(value.path)],
            ['audience', literal(value.audience)],
            ['expirationSeconds', literal(value.expirationSeconds)],
          ]),
        ],
      };
    case 'configMap':
    case 'secret': {
      if (!within(value, ['name', 'items', 'optional']) || typeof value.name !== 'string' || !optionalBool(value.optional)) {
        return undefined;
      }
      const items = value.items === undefined ? undefined : keyToPaths(value.items);
      if (items === null) {
        return undefined;
      }
      const objectKind = kind === 'configMap' ? 'ConfigMap' : 'Secret';
      // Each listed key must be in an object of the input, unless the projection is optional.
      // keyToPaths proved the items a list of mappings whose keys are strings.
      const keys = value.items === undefined ? [undefined] : (value.items as YamlMap[]).map((item) => item.key as string);
      const { name, optional } = value;
      let target = '';
      keys.forEach((key, i) => {
        target = context.refer(objectKind, name, key, optional === true, key === undefined ? `${at}.${kind}` : `${at}.${kind}.items[${i}].key`);
      });
      const rest = optionsArg([
        ['items', items],
        ['optional', literal(value.optional)],
      ]);
      return { call: `VolumeProjection.${kind}`, args: [target, ...rest] };
    }
    case 'downwardAPI': {
      if (!within(value, ['items'])) {
        return undefined;
      }
      const files = downwardApiFiles(value.items, `${at}.downwardAPI.items`, context);
      return files === undefined ? undefined : { call: 'VolumeProjection.downwardAPI', args: [files] };
    }
    default:
      // clusterTrustBundle (Kubernetes 1.29) and anything later: not in the factories.
      return undefined;
  }
}

// The items of a ConfigMap or Secret as KeyToPath literals; null when one does not fit.
function keyToPaths(items: unknown): Code | null {
  if (!Array.isArray(items) || items.length === 0) {
    return null;
  }
  const codes: Code[] = [];
  for (const item of items) {
    if (!isMap(item) || !within(item, ['key', 'path', 'mode']) || typeof item.key !== 'string' || typeof item.path !== 'string' || !optionalInt(item.mode)) {
      return null;
    }
    codes.push(objectOf([['key', stringLiteral(item.key)], ['path', stringLiteral(item.path)], ['mode', item.mode === undefined ? undefined : fileMode(item.mode)]]));
  }
  return { array: codes };
}

// The items of a downwardAPI volume or projection as DownwardApiFile literals.
function downwardApiFiles(items: unknown, at: string, context: Pass): Code | undefined {
  if (!Array.isArray(items) || items.length === 0) {
    return undefined;
  }
  const codes: Code[] = [];
  for (const [i, item] of items.entries()) {
    if (!isMap(item) || !within(item, ['path', 'fieldRef', 'resourceFieldRef', 'mode']) || typeof item.path !== 'string' || !optionalInt(item.mode)) {
      return undefined;
    }
    const mode: [string, Code | undefined] = ['mode', item.mode === undefined ? undefined : fileMode(item.mode)];
    const { fieldRef, resourceFieldRef } = item;
    if (fieldRef !== undefined && resourceFieldRef === undefined) {
      if (!isMap(fieldRef) || !within(fieldRef, ['fieldPath', 'apiVersion']) || !isDownwardApiField(fieldRef.fieldPath)) {
        return undefined;
      }
      if (fieldRef.apiVersion !== undefined) {
        if (fieldRef.apiVersion !== 'v1') {
          return undefined;
        }
        if (!context.dry) {
          // The API server writes the default into what it stores; the factory leaves it to the server.
          delete fieldRef.apiVersion;
          context.reader.note(`${at}[${i}].fieldRef.apiVersion`, 'left out: "v1" is the default');
        }
      }
      codes.push(objectOf([['path', stringLiteral(item.path)], ['field', stringLiteral(fieldRef.fieldPath)], mode]));
    } else if (resourceFieldRef !== undefined && fieldRef === undefined) {
      const ref = resourceFieldRef;
      if (
        !isMap(ref) ||
        !within(ref, ['containerName', 'resource', 'divisor']) ||
        typeof ref.containerName !== 'string' ||
        !isDownwardApiResource(ref.resource) ||
        !(ref.divisor === undefined || (typeof ref.divisor === 'number' && ref.divisor >= 0) || (typeof ref.divisor === 'string' && ANY_QUANTITY.test(ref.divisor)))
      ) {
        return undefined;
      }
      codes.push(
        objectOf([
          ['path', stringLiteral(item.path)],
          ['container', objectOf([['name', stringLiteral(ref.containerName)]])],
          ['resource', stringLiteral(ref.resource)],
          ['divisor', ref.divisor === undefined ? undefined : jsonLiteral(ref.divisor)],
          mode,
        ]),
      );
    } else {
      return undefined;
    }
  }
  return { array: codes };
}

function ephemeral(source: YamlMap): Code[] | undefined {
  const template = source.volumeClaimTemplate;
  if (!within(source, ['volumeClaimTemplate']) || !isMap(template) || !within(template, ['metadata', 'spec'])) {
    return undefined;
  }
  const { metadata, spec } = template;
  if (metadata !== undefined && !(isMap(metadata) && within(metadata, ['labels', 'annotations']) && [metadata.labels, metadata.annotations].every((m) => m === undefined || isStringMap(m)))) {
    return undefined;
  }
  if (!isMap(spec) || !within(spec, ['accessModes', 'storageClassName', 'volumeMode', 'resources'])) {
    return undefined;
  }
  const { accessModes, resources } = spec;
  const storage = isMap(resources) && within(resources, ['requests']) && isMap(resources.requests) && within(resources.requests, ['storage']) ? resources.requests.storage : undefined;
  if (
    !Array.isArray(accessModes) ||
    !accessModes.every((mode) => (ACCESS_MODES as readonly unknown[]).includes(mode)) ||
    !optionalString(spec.storageClassName) ||
    !(spec.volumeMode === undefined || (VOLUME_MODES as readonly unknown[]).includes(spec.volumeMode)) ||
    !((typeof storage === 'number' && storage >= 0) || (typeof storage === 'string' && MEMORY.test(storage)))
  ) {
    return undefined;
  }
  return [
    objectOf([
      ['accessModes', jsonLiteral(accessModes)],
      ['storage', jsonLiteral(storage)],
      ['storageClassName', literal(spec.storageClassName)],
      ['volumeMode', spec.volumeMode === undefined ? undefined : jsonLiteral(spec.volumeMode)],
      ['labels', metadata?.labels === undefined ? undefined : jsonLiteral(metadata.labels)],
      ['annotations', metadata?.annotations === undefined ? undefined : jsonLiteral(metadata.annotations)],
    ]),
  ];
}

function isDownwardApiField(value: unknown): value is string {
  return typeof value === 'string' && ((DOWNWARD_API_FIELDS as readonly string[]).includes(value) || OBJECT_FIELD.test(value));
}

function isDownwardApiResource(value: unknown): value is string {
  return typeof value === 'string' && ((DOWNWARD_API_RESOURCES as readonly string[]).includes(value) || HUGEPAGES.test(value));
}

function within(map: YamlMap, keys: readonly string[]): boolean {
  return Object.keys(map).every((key) => keys.includes(key));
}

function optionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

function optionalBool(value: unknown): value is boolean | undefined {
  return value === undefined || typeof value === 'boolean';
}

function optionalInt(value: unknown): value is number | undefined {
  return value === undefined || Number.isSafeInteger(value);
}
