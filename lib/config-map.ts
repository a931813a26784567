import { ApiObject, Lazy } from 'cdk8s';
import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { Construct } from 'constructs';
import { validateBase64Values, validateDataKeys } from './validation/data-keys';
import { addProblemValidation, effectiveProblems } from './validation/engine';
import { validateObjectMetadata } from './validation/metadata';
import { Problem, Report } from './validation/problem';
import { NamedObject } from './volume';
import { keySafe, setOwn } from './_plain';

/**
 * A ConfigMap that env vars, `envFrom` and volumes can refer to: one of
 * this app ({@link ConfigMap}) or one that exists already
 * ({@link ConfigMap.fromName}). `K` is the keys it is known to hold.
 */
export interface IConfigMap<K extends string = string> extends NamedObject {
  /** Tells a ConfigMap from a Secret, which has the same shape. */
  readonly kind: 'ConfigMap';
  /** The keys, for the type checks of key references; `string` when unknown. */
  readonly keys: K;
}

/** Properties of a {@link ConfigMap}. */
export interface ConfigMapProps<K extends string = string> {
  /**
   * `metadata.name` of the ConfigMap, a DNS-1123 subdomain.
   * @default - the construct id
   */
  readonly name?: string;
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
export class ConfigMap<const K extends string = string> extends Construct implements IConfigMap<K> {
  /**
   * A ConfigMap that exists already, outside this app. Its keys are not
   * known, so references to them are not checked.
   */
  public static fromName(name: string): IConfigMap<string> {
    return { kind: 'ConfigMap', name } as IConfigMap<string>;
  }

  /** Tells a ConfigMap from a Secret. */
  public readonly kind = 'ConfigMap' as const;
  /** `metadata.name` of the ConfigMap. */
  public readonly name: string;
  /** The L1 object rendered into the manifest. */
  public readonly apiObject: ApiObject;
  /** The keys written in `data`, for the type checks of key references. */
  public declare readonly keys: K;

  private readonly data: Record<string, string>;
  private readonly binaryData: Record<string, string>;

  public constructor(scope: Construct, id: string, props: ConfigMapProps<K> = {}) {
    super(scope, id);
    this.name = props.name ?? id;
    this.data = { ...(props.data as Record<string, string> | undefined) };
    this.binaryData = { ...props.binaryData };
    this.apiObject = new k8s.KubeConfigMap(this, 'Resource', {
      metadata: { name: this.name },
      immutable: props.immutable,
      data: Lazy.any({ produce: () => nonEmpty(this.data) }),
      binaryData: Lazy.any({ produce: () => nonEmpty(this.binaryData) }),
    });
    addProblemValidation(this);
  }

  /**
   * Adds a text entry. The returned reference knows the new key, so key
   * references made through it compile.
   */
  public addData<const N extends string>(key: N, value: string): ConfigMap<K | N> {
    setOwn(this.data, key, value);
    return this as ConfigMap<K | N>;
  }

  /** Adds a binary entry, its value base64-encoded. */
  public addBinaryData(key: string, base64: string): this {
    setOwn(this.binaryData, key, base64);
    return this;
  }

  /** The keys of all entries, text and binary. */
  public get entryKeys(): readonly string[] {
    return [...Object.keys(this.data), ...Object.keys(this.binaryData)];
  }

  /** Every problem of this ConfigMap, errors and warnings. */
  public problems(): readonly Problem[] {
    const report = new Report(this.node.path);
    validateObjectMetadata(this.apiObject.metadata.toJson(), report);
    validateDataKeys([
      ['data', Object.keys(this.data)],
      ['binaryData', Object.keys(this.binaryData)],
    ], 'ConfigMap', report);
    validateBase64Values(this.binaryData, 'binaryData', 'data', 'ConfigMap', report);
    return effectiveProblems(this, report.problems);
  }
}

/** @internal */
export function nonEmpty(map: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(map).length > 0 ? keySafe({ ...map }) : undefined;
}
