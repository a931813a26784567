import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { Construct } from 'constructs';
import { KindObject } from './_kind-object';
import { ObjectMetaProps } from './object-meta';
import { ISecret } from './secret';
import { PodServiceAccount } from './validation/service-account';

/**
 * A ServiceAccount a Pod can run as: one of this app ({@link ServiceAccount})
 * or one that exists already ({@link ServiceAccount.fromName}).
 */
export interface IServiceAccount {
  /** `metadata.name` of the account. */
  readonly name: string;
  /** What the checks of a Pod that runs as it need. @internal */
  _forPod(): PodServiceAccount;
}

/** Properties of a {@link ServiceAccount}. */
export interface ServiceAccountProps extends ObjectMetaProps {
  /**
   * Whether Pods that run as it get its API token mounted (at
   * /var/run/secrets/kubernetes.io/serviceaccount); a Pod may say otherwise.
   * `false` for Pods that never call the Kubernetes API.
   * @default - not emitted; Kubernetes mounts the token
   */
  readonly automountServiceAccountToken?: boolean;
  /**
   * Secrets holding registry credentials, used to pull the images of every Pod that runs as it.
   * @default - none
   */
  readonly imagePullSecrets?: readonly ISecret[];
}

/**
 * An identity for Pods, for the Kubernetes API (RBAC) and for cloud
 * providers. Pods take it with the `serviceAccount` prop. Renders a `v1`
 * `ServiceAccount`.
 *
 * @see https://kubernetes.io/docs/concepts/security/service-accounts/
 */
export class ServiceAccount extends KindObject<k8s.KubeServiceAccountProps> implements IServiceAccount {
  /** A ServiceAccount that exists already in the namespace of the Pods (such as `default`). */
  public static fromName(name: string): IServiceAccount {
    return { name, _forPod: () => ({ name }) };
  }

  public constructor(scope: Construct, id: string, props: ServiceAccountProps = {}) {
    super(scope, id, props, 'v1', 'ServiceAccount', {
      automountServiceAccountToken: props.automountServiceAccountToken,
      imagePullSecrets: props.imagePullSecrets?.map((secret) => ({ name: secret.name })),
    });
  }

  /** @internal */
  public _forPod(): PodServiceAccount {
    return { name: this.name, inApp: { path: this.node.path, namespace: this.apiObject.metadata.namespace } };
  }

  /** Nothing beyond its metadata. @internal */
  protected _validate(): void {}
}
