import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Manifest } from './_manifest';
import { IConfigMap } from './config-map';
import { IEnvValueSource } from './env';
import { _nameOfKind, IForeignObject } from './foreign-object';
import { Quantity } from './quantity';
import { ISecret } from './secret';
import { DOWNWARD_API_RESOURCES } from './volume';

/**
 * The fields of its own Pod that a container can read into an env var as
 * they are, as the API server lists them (validEnvDownwardAPIFieldPathExpressions).
 */
export const ENV_POD_FIELDS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
] as const;

/**
 * The fields of its own Pod that a container can read into an env var.
 * `metadata.labels['KEY']` and `metadata.annotations['KEY']` read one label or annotation.
 * @see https://kubernetes.io/docs/concepts/workloads/pods/downward-api/#downwardapi-fieldRef
 */
export type PodField = (typeof ENV_POD_FIELDS)[number] | `metadata.labels['${string}']` | `metadata.annotations['${string}']`;

/**
 * The resource requests and limits of a container that an env var can read.
 * @see https://kubernetes.io/docs/concepts/workloads/pods/downward-api/#downwardapi-resourceFieldRef
 */
// The same resources as a downwardAPI volume's (validContainerResourceFieldPathExpressions).
export type ContainerResource = (typeof DOWNWARD_API_RESOURCES)[number] | `requests.hugepages-${string}` | `limits.hugepages-${string}`;

/** Options of a value taken from a ConfigMap or Secret key. */
export interface KeyReferenceOptions {
  /**
   * Whether the container may start when the object or the key is missing;
   * the variable is then left unset.
   * @default - not emitted; the container does not start until both exist
   */
  readonly optional?: boolean;
}

/** Options of a value taken from a container's resources. */
export interface ResourceReferenceOptions {
  /**
   * The container whose resources are read.
   * @default - not emitted; the container that has the variable
   */
  readonly container?: { readonly name: string };
  /**
   * The unit the value is expressed in: with `'1Mi'` a memory limit of 512Mi reads as `512`.
   * @default - not emitted; cores rounded up for CPU, bytes for memory
   */
  readonly divisor?: Quantity;
}

/**
 * Where an env var's value comes from when it is not written in the code:
 * a key of a ConfigMap or Secret, a field of the Pod, or a container's
 * resources. Use it as `{ name: 'POD_IP', valueFrom: EnvValue.fromField('status.podIP') }`.
 *
 * @see https://kubernetes.io/docs/tasks/inject-data-application/environment-variable-expose-pod-information/
 */
export class EnvValue implements IEnvValueSource {
  /**
   * The value of a key of a ConfigMap. For a ConfigMap of this app the key
   * must be one it declares: another key does not compile, and one missing
   * at synth (added or removed at run time) fails synth. A cdk8s-plus or L1
   * ConfigMap ({@link IForeignObject}) takes any key.
   */
  public static fromConfigMap<K extends string>(configMap: IConfigMap<K>, key: NoInfer<K>, options?: KeyReferenceOptions): EnvValue;
  public static fromConfigMap(configMap: IForeignObject, key: string, options?: KeyReferenceOptions): EnvValue;
  public static fromConfigMap(configMap: IConfigMap | IForeignObject, key: string, options: KeyReferenceOptions = {}): EnvValue {
    const name = _nameOfKind(configMap, 'ConfigMap', 'EnvValue.fromConfigMap', 'EnvValue.fromSecret');
    return new EnvValue({ configMapKeyRef: { name, key, optional: options.optional } });
  }

  /**
   * The value of a key of a Secret. For a Secret of this app the key must be
   * one it declares: another key does not compile, and one missing at synth
   * fails synth. A cdk8s-plus or L1 Secret ({@link IForeignObject}) takes any key.
   */
  public static fromSecret<K extends string>(secret: ISecret<K>, key: NoInfer<K>, options?: KeyReferenceOptions): EnvValue;
  public static fromSecret(secret: IForeignObject, key: string, options?: KeyReferenceOptions): EnvValue;
  public static fromSecret(secret: ISecret | IForeignObject, key: string, options: KeyReferenceOptions = {}): EnvValue {
    const name = _nameOfKind(secret, 'Secret', 'EnvValue.fromSecret', 'EnvValue.fromConfigMap');
    return new EnvValue({ secretKeyRef: { name, key, optional: options.optional } });
  }

  /** A field of the Pod the container runs in: its IP, its name, its node's name, … */
  public static fromField(field: PodField): EnvValue {
    return new EnvValue({ fieldRef: { fieldPath: field } });
  }

  /** A resource request or limit of this container, or of another container of the Pod. */
  public static fromResource(resource: ContainerResource, options: ResourceReferenceOptions = {}): EnvValue {
    return new EnvValue({ resourceFieldRef: { resource, containerName: options.container?.name, divisor: options.divisor } });
  }

  private constructor(private readonly source: Manifest<k8s.EnvVarSource>) {}

  /** @internal */
  public _toKube(): Manifest<k8s.EnvVarSource> {
    return this.source;
  }
}

/** Options of a whole ConfigMap or Secret taken as env vars. */
export interface EnvFromOptions {
  /**
   * Prepended to every key to make the variable's name (`'DB_'`).
   * @default - not emitted; the keys are the names
   */
  readonly prefix?: string;
  /**
   * Whether the container may start when the object is missing.
   * @default - not emitted; the container does not start until it exists
   */
  readonly optional?: boolean;
}

/**
 * Every key of a ConfigMap or Secret as an env var, for a container's
 * `envFrom`. Keys that are not valid variable names are skipped by the kubelet.
 *
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#configure-all-key-value-pairs-in-a-configmap-as-container-environment-variables
 */
export class EnvFrom {
  /** Every key of a ConfigMap: one of this app, one that exists already, or a cdk8s-plus or L1 one. */
  public static configMap(configMap: IConfigMap | IForeignObject, options: EnvFromOptions = {}): EnvFrom {
    const name = _nameOfKind(configMap, 'ConfigMap', 'EnvFrom.configMap', 'EnvFrom.secret');
    return new EnvFrom({ configMapRef: { name, optional: options.optional }, prefix: options.prefix });
  }

  /** Every key of a Secret: one of this app, one that exists already, or a cdk8s-plus or L1 one. */
  public static secret(secret: ISecret | IForeignObject, options: EnvFromOptions = {}): EnvFrom {
    const name = _nameOfKind(secret, 'Secret', 'EnvFrom.secret', 'EnvFrom.configMap');
    return new EnvFrom({ secretRef: { name, optional: options.optional }, prefix: options.prefix });
  }

  private constructor(private readonly source: k8s.EnvFromSource) {}

  /** @internal */
  public _toKube(): k8s.EnvFromSource {
    return this.source;
  }
}
