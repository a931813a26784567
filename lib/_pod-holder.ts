import type { ApiObject } from 'cdk8s';
import type * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { Labels } from './labels';
import { AnyContainer, PodTemplate } from './pod-template';
import { Volume } from './volume';

/**
 * A construct whose manifest carries a Pod description: a Pod, or a
 * workload's template. Its list mutators add to that description. It is a
 * cdk8s-plus-27 `IPodSelector` and `INetworkPolicyPeer`: cdk8s-plus
 * objects that select Pods (a `NetworkPolicy`, a Service's `select`) take it.
 */
export abstract class PodHolder extends Construct implements kplus.IPodSelector, kplus.INetworkPolicyPeer {
  /** The Pod description. */
  public abstract readonly template: PodTemplate;
  /** The L1 object rendered into the manifest. */
  public abstract readonly apiObject: ApiObject;

  /** Adds a container after the others. */
  public addContainer(container: AnyContainer): this {
    this.template.addContainer(container);
    return this;
  }

  /** Adds an init container after the others. */
  public addInitContainer(container: AnyContainer): this {
    this.template.addInitContainer(container);
    return this;
  }

  /** Declares a volume; mounting it in a container does so too. */
  public addVolume(volume: Volume): this {
    this.template.addVolume(volume);
    return this;
  }

  /**
   * The labels that select this object's Pods, as cdk8s-plus-27 takes
   * them: a Pod's own labels, a workload's selector, and its namespace when
   * it has one. Throws when there is no label: an empty selector would
   * select every Pod.
   */
  public toPodSelectorConfig(): kplus.PodSelectorConfig {
    const labels = this._selectorLabels();
    if (Object.keys(labels).length === 0) {
      throw new Error(
        `${this.node.path}: it has no labels, and a selector without labels would select every Pod. Fix: give its Pods a label, such as labels: { app: '${this.node.id}' }`,
      );
    }
    // Loaded here only: cdk8s-plus-27's entry point loads all of cdk8s-plus.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { LabelSelector } = require('cdk8s-plus-27') as typeof kplus;
    const namespace = this.apiObject.metadata.namespace;
    return { labelSelector: LabelSelector.of({ labels: { ...labels } }), namespaces: namespace ? { names: [namespace] } : undefined };
  }

  /** This object's Pods as a cdk8s-plus-27 network policy peer. */
  public toNetworkPolicyPeerConfig(): kplus.NetworkPolicyPeerConfig {
    return { podSelector: this.toPodSelectorConfig() };
  }

  /** Itself: it selects Pods. */
  public toPodSelector(): kplus.IPodSelector {
    return this;
  }

  /** The labels that select this object's Pods. @internal */
  protected _selectorLabels(): Labels {
    return this.template.podLabels;
  }
}
