import type * as plus from 'cdk8s-plus-27';
import type { IConstruct } from 'constructs';
import type { OwnedPods } from './_app-pods';
import { Labels } from './labels';
import { ISelectablePods, PodSelection, SelectablePort, SelectableTarget } from './selectable-pods';
import type { PORT_NAMES } from './_type-brands';

// cdk8s-plus-27 Pods and workloads, told by their public shape rather than
// by `instanceof`: the user's copy of cdk8s-plus may not be Peapod's, and
// Peapod does not load cdk8s-plus-27 itself for this.
type PlusPods = plus.AbstractPod & { readonly matchLabels?: Record<string, string> };

function isPlusPods(construct: unknown): construct is PlusPods {
  const c = construct as Partial<PlusPods> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.toPodSelectorConfig === 'function' &&
    Array.isArray(c.containers) &&
    typeof c.podMetadata === 'object' &&
    typeof c.kind === 'string'
  );
}

function labelsOf(pods: PlusPods): Labels {
  return { ...(pods.podMetadata.toJson().labels ?? {}) };
}

function portsOf(pods: PlusPods): SelectablePort[] {
  return pods.containers.flatMap((container) =>
    container.ports.map((port) => ({ name: port.name, containerPort: port.number, protocol: port.protocol })),
  );
}

function plusReplicas(pods: PlusPods): number | undefined {
  if (pods.kind === 'Pod') {
    return 1;
  }
  const replicas = (pods as { readonly replicas?: unknown }).replicas;
  return typeof replicas === 'number' ? replicas : undefined;
}

/** What a cdk8s-plus-27 Pod or workload of the app runs, if `construct` is one. */
export function plusPodsOf(construct: IConstruct): OwnedPods | undefined {
  if (!isPlusPods(construct)) {
    return undefined;
  }
  return { kind: construct.kind, name: construct.name, namespace: construct.metadata.namespace, labels: labelsOf(construct), ports: () => portsOf(construct), replicas: () => plusReplicas(construct) };
}

/**
 * A cdk8s-plus-27 Pod or workload as something to select: a workload by
 * its own selector, a Pod by all its labels.
 */
class PlusSelection implements ISelectablePods<string> {
  public declare readonly [PORT_NAMES]?: string;

  public constructor(private readonly pods: PlusPods) {}

  public selectPods(): PodSelection {
    const selector = this.pods.matchLabels !== undefined ? { ...this.pods.matchLabels } : labelsOf(this.pods);
    return { selector, description: this.pods.node.path, owner: this.pods };
  }
}

/** `target` as an {@link ISelectablePods}: cdk8s-plus-27 objects wrapped, the others as they are. */
export function selectableOf<N extends string>(target: SelectableTarget<N>): ISelectablePods<N> {
  return isPlusPods(target) ? (new PlusSelection(target) as ISelectablePods<string> as ISelectablePods<N>) : (target as ISelectablePods<N>);
}
