import { Construct } from 'constructs';
import { DataObject, IDataKeys, nonEmpty } from './_data-object';
import { ObjectMetaProps } from './object-meta';
import { validateConfigMapData } from './validation/data-keys';
import { RuleReport } from './validation/problem';
import type { JsonObject } from './validation/_json';

export { nonEmpty };

/**
 * A ConfigMap that env vars, `envFrom` and volumes can refer to: one of
 * this app ({@link ConfigMap}) or one that exists already
 * ({@link ConfigMap.fromName}). `K` is the keys it is known to hold.
 */
export interface IConfigMap<K extends string = string> extends IDataKeys<K> {
  /** Tells a ConfigMap from a Secret, which has the same shape. */
  readonly kind: 'ConfigMap';
}

/** Properties of a {@link ConfigMap}. */
export interface ConfigMapProps<K extends string = string> extends ObjectMetaProps {
  /**
   * Text entries, key to value. Keys are `[-._a-zA-Z0-9]+`; env vars and
   * volumes refer to them, and a reference to a key written here compiles.
   * @default - no text entries
   */
  readonly data?: { readonly [key in K]: string };
  /**
   * Binary entries, key to base64-encoded value; keys may not repeat those of `data`.
   * @default - no binary entries
   */
  readonly binaryData?: { readonly [key: string]: string };
  /**
   * Forbids changes to the data once created; the object must be replaced instead.
   * @default - not emitted; the data can be changed
   */
  readonly immutable?: boolean;
}

/**
 * Configuration for Pods, as text or binary entries. Renders a `v1`
 * `ConfigMap` with exactly the entries declared. Containers take its keys
 * with `EnvValue.fromConfigMap(configMap, key)`, all of it with
 * `EnvFrom.configMap(configMap)`, and as files with `Volume.configMap(name, configMap)`.
 *
 * @see https://kubernetes.io/docs/concepts/configuration/configmap/
 */
export class ConfigMap<const K extends string = string> extends DataObject<K> implements IConfigMap<K> {
  /**
   * A ConfigMap that exists already, outside this app. Its keys are not
   * known, so references to them are not checked.
   */
  public static fromName(name: string): IConfigMap<string> {
    return { kind: 'ConfigMap', name } as IConfigMap<string>;
  }

  /** Tells a ConfigMap from a Secret. */
  public readonly kind = 'ConfigMap' as const;
  public constructor(scope: Construct, id: string, props: ConfigMapProps<K> = {}) {
    super(scope, id, props, 'ConfigMap', { immutable: props.immutable }, { data: props.data, binaryData: props.binaryData });
  }

  /**
   * Adds a text entry. The returned reference knows the new key, so key
   * references made through it compile.
   */
  public addData<const N extends string>(key: N, value: string): ConfigMap<K | N> {
    this._addEntry('data', key, value);
    return this as ConfigMap<K | N>;
  }

  /** Adds a binary entry, its value base64-encoded. */
  public addBinaryData(key: string, base64: string): this {
    this._addEntry('binaryData', key, base64);
    return this;
  }

  /** Keys, base64 values and size of the rendered ConfigMap. @internal */
  protected validateContent(manifest: JsonObject, report: RuleReport): void {
    validateConfigMapData(manifest, report);
  }
}
