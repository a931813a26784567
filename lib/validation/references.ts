import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { _allConstructs, _appFactOncePerPass } from './engine';
import { lintEnvFromKeys } from './container-fields';
import { RuleReport } from './problem';
import { defineRules, fixNaming, ruleIn } from './rules';
import { fieldOf, JsonObject, listAt, objectAt } from './_json';

/** The rules that check references from Pods to ConfigMaps and Secrets of the app. */
export const REFERENCE_RULES = defineRules([
  {
    id: 'config-map-key-exists',
    severity: 'error',
    summary: 'a key that a Pod takes from a ConfigMap of this app is in that ConfigMap',
    why: 'the container does not start (CreateContainerConfigError) while a required key is missing',
    ...fixNaming((key: string) => `add ${key} to the ConfigMap, use one of its keys, or mark the reference optional`, ['the key']),
  },
  {
    id: 'secret-key-exists',
    severity: 'error',
    summary: 'a key that a Pod takes from a Secret of this app is in that Secret',
    why: 'the container does not start (CreateContainerConfigError) while a required key is missing',
    ...fixNaming((key: string) => `add ${key} to the Secret, use one of its keys, or mark the reference optional`, ['the key']),
  },
]);

const KEY_EXISTS = { ConfigMap: ruleIn(REFERENCE_RULES, 'config-map-key-exists'), Secret: ruleIn(REFERENCE_RULES, 'secret-key-exists') };

interface KeyedObject {
  readonly kind: 'ConfigMap' | 'Secret';
  readonly name: string;
  readonly keys: readonly string[];
}

/**
 * Checks that every key a manifest takes from a ConfigMap or Secret of the
 * same app and namespace exists there: in `env[].valueFrom` and in the
 * `items` of configMap and secret volumes and projections. Objects that are not part of the
 * app (`ConfigMap.fromName`) cannot be checked, nor can optional references
 * be wrong.
 */
export function validateKeyReferences(scope: IConstruct, manifest: JsonObject, report: RuleReport): void {
  const namespace = objectAt(manifest.metadata).namespace;
  // Only objects of the app are checked, and their namespaces are strings (or none).
  const objects = typeof namespace === 'string' || namespace === undefined ? keyedObjectsOf(scope, namespace) : [];
  if (objects.length === 0) {
    return;
  }
  const lookup = (kind: KeyedObject['kind'], name: unknown) => objects.find((o) => o.kind === kind && o.name === name);
  const check = (kind: KeyedObject['kind'], name: unknown, key: unknown, optional: unknown, at: string) => {
    const target = lookup(kind, name);
    // A reference without a key is reported by reference-name already.
    if (!target || optional || typeof key !== 'string' || target.keys.includes(key)) {
      return;
    }
    const has = target.keys.length > 0 ? `it has ${target.keys.map((k) => `"${k}"`).join(', ')}` : 'it has no keys';
    report.error(
      kind === 'ConfigMap' ? 'config-map-key-exists' : 'secret-key-exists',
      at,
      `key "${key}" is not in ${kind} "${name}" of this app (${has})`,
      KEY_EXISTS[kind].fixFor(`"${key}"`),
    );
  };

  walk(manifest, '', (node, at) => {
    if (node.configMapKeyRef) {
      const ref = objectAt(node.configMapKeyRef);
      check('ConfigMap', ref.name, ref.key, ref.optional, `${at}.configMapKeyRef.key`);
    }
    if (node.secretKeyRef) {
      const ref = objectAt(node.secretKeyRef);
      check('Secret', ref.name, ref.key, ref.optional, `${at}.secretKeyRef.key`);
    }
    if ((node.configMapRef || node.secretRef) && ENV_FROM_ENTRY.test(at)) {
      const ref = objectAt(node.configMapRef ?? node.secretRef);
      lintEnvFromKeys(node.prefix, lookup(node.configMapRef ? 'ConfigMap' : 'Secret', ref.name), at, report);
    }
    for (const [field, kind] of [['configMap', 'ConfigMap'], ['secret', 'Secret']] as const) {
      const source = objectAt(node[field]);
      // A secret volume names its Secret by secretName, a projection by name.
      const name = field === 'secret' ? (source.secretName ?? source.name) : source.name;
      listAt(source.items).forEach((item, i) => check(kind, name, fieldOf(item, 'key'), source.optional, `${at}.${field}.items[${i}].key`));
    }
  });
}

/** A ConfigMap or Secret of the app, told by its shape: this low-level file names neither class. */
interface KeyedConstruct extends IConstruct {
  readonly kind: KeyedObject['kind'];
  readonly name: string;
  readonly entryKeys: readonly string[];
  readonly apiObject: ApiObject;
}

function isKeyedConstruct(construct: IConstruct): construct is KeyedConstruct {
  const c = construct as Partial<KeyedConstruct>;
  return (c.kind === 'ConfigMap' || c.kind === 'Secret') && Array.isArray(c.entryKeys) && c.apiObject !== undefined;
}

function keyedObjectsOf(scope: IConstruct, namespace: string | undefined): readonly KeyedObject[] {
  const byNamespace = _appFactOncePerPass(scope, 'keyed-objects', () => {
    const found = new Map<string | undefined, KeyedObject[]>();
    for (const construct of _allConstructs(scope)) {
      if (isKeyedConstruct(construct)) {
        const objectNamespace = construct.apiObject.metadata.namespace;
        const list = found.get(objectNamespace) ?? [];
        list.push({ kind: construct.kind, name: construct.name, keys: construct.entryKeys });
        found.set(objectNamespace, list);
      }
    }
    return found;
  });
  return byNamespace.get(namespace) ?? [];
}

const ENV_FROM_ENTRY = /\.envFrom\[\d+\]$/;

// Calls `visit` on every object of the manifest with its field path.
function walk(node: unknown, at: string, visit: (node: JsonObject, at: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${at}[${i}]`, visit));
  } else if (node !== null && typeof node === 'object') {
    visit(node as JsonObject, at);
    for (const [key, value] of Object.entries(node)) {
      walk(value, at === '' ? key : `${at}.${key}`, visit);
    }
  }
}
