import { Construct } from 'constructs';
import { DataObject, IDataKeys } from './_data-object';
import { Annotations } from './labels';
import { ObjectMetaProps } from './object-meta';
import { RuleReport } from './validation/problem';
import { lintSecretInManifest, SECRET_TYPES, validateSecretData } from './validation/secret-data';
import type { JsonObject } from './validation/_json';

/**
 * A Secret type Kubernetes defines, which fixes the keys the Secret must hold.
 * @see https://kubernetes.io/docs/concepts/configuration/secret/#secret-types
 */
export type SecretType = (typeof SECRET_TYPES)[number];

/**
 * A Secret that env vars, `envFrom` and volumes can refer to: one of this
 * app ({@link Secret}) or one that exists already ({@link Secret.fromName}).
 * `K` is the keys it is known to hold.
 */
export interface ISecret<K extends string = string> extends IDataKeys<K> {
  /** Tells a Secret from a ConfigMap, which has the same shape. */
  readonly kind: 'Secret';
}

/** Properties of a {@link Secret}. */
export interface SecretProps<K extends string = string> extends ObjectMetaProps {
  /**
   * Annotations of the Secret, such as `kubernetes.io/service-account.name` for a token.
   * @default - no annotations
   */
  readonly annotations?: Annotations;
  /**
   * Entries as plain text; the API server encodes them into `data` when it stores them.
   * Emitted as `stringData`, so the text is in the manifest: keep real
   * secrets out of committed files and use {@link Secret.fromName} for them.
   * @default - no text entries
   */
  readonly stringData?: { readonly [key in K]?: string };
  /**
   * Entries with base64-encoded values.
   * @default - no encoded entries
   */
  readonly data?: { readonly [key in K]?: string };
  /**
   * The Secret's type, such as `kubernetes.io/tls`, which fixes the keys it
   * must hold; any other string is a type of your own, which Kubernetes
   * stores without checks.
   * @default - not emitted; Kubernetes uses `Opaque`
   * @see https://kubernetes.io/docs/concepts/configuration/secret/#secret-types
   */
  readonly type?: SecretType | (string & {});
  /**
   * Forbids changes to the data once created; the object must be replaced instead.
   * @default - not emitted; the data can be changed
   */
  readonly immutable?: boolean;
}

/**
 * Sensitive configuration for Pods. Renders a `v1` `Secret` with exactly
 * the entries declared. Containers take its keys with
 * `EnvValue.fromSecret(secret, key)`, all of it with `EnvFrom.secret(secret)`,
 * and as files with `Volume.secret(name, secret)`.
 *
 * @see https://kubernetes.io/docs/concepts/configuration/secret/
 */
export class Secret<const K extends string = string> extends DataObject<K> implements ISecret<K> {
  /**
   * A Secret that exists already, outside this app (made by hand, by a
   * controller or by a secret manager). Its keys are not known, so
   * references to them are not checked.
   */
  public static fromName(name: string): ISecret<string> {
    return { kind: 'Secret', name } as ISecret<string>;
  }

  /** Tells a Secret from a ConfigMap. */
  public readonly kind = 'Secret' as const;
  public constructor(scope: Construct, id: string, props: SecretProps<K> = {}) {
    super(scope, id, props, 'Secret', { type: props.type, immutable: props.immutable }, { data: props.data, stringData: props.stringData });
  }

  /**
   * Adds a plain-text entry. The returned reference knows the new key, so
   * key references made through it compile.
   */
  public addStringData<const N extends string>(key: N, value: string): Secret<K | N> {
    this._addEntry('stringData', key, value);
    return this as Secret<K | N>;
  }

  /** Keys, values, size and type of the rendered Secret, and whether its values go into dist/. @internal */
  protected validateContent(manifest: JsonObject, report: RuleReport): void {
    validateSecretData(manifest, report);
    lintSecretInManifest(manifest, report);
  }
}
