/**
 * A ConfigMap or Secret made by another construct library in the same app:
 * a cdk8s-plus-27 `ConfigMap` or `Secret`, or an L1 `KubeConfigMap` or
 * `KubeSecret` (cdk8s-plus-27's `k8s`, or your own `cdk8s import`).
 * `EnvValue.fromConfigMap`, `EnvValue.fromSecret` and `EnvFrom` take one
 * by its name; its keys are unknown to Peapod's types, so a key is not
 * checked, neither when compiling nor at synth.
 */
export interface IForeignObject {
  /** The object's kind, checked when it is used: `ConfigMap` or `Secret`. */
  readonly kind: string;
  /** The object's `metadata.name`. */
  readonly name: string;
  /** Absent: Peapod's own ConfigMaps and Secrets, which declare their keys, take the typed overloads. */
  readonly keys?: never;
}

/**
 * The name of `object` after checking that it is of `kind`; `user` names
 * the method for the message.
 * @internal
 */
export function _nameOfKind(object: { readonly kind: string; readonly name: string }, kind: 'ConfigMap' | 'Secret', user: string, instead: string): string {
  if (object.kind !== kind) {
    throw new Error(`${user}: "${object.name}" is a ${object.kind}, not a ${kind}. Fix: use ${instead} for a ${object.kind}, or pass a ${kind}`);
  }
  return object.name;
}
