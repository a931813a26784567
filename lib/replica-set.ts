import { Construct } from 'constructs';
import { AnyContainer } from './pod-template';
import { PortNames, Ports } from './port';
import { ISelectablePods, PodsByNameOptions, PodSelector } from './selectable-pods';
import { Workload, WorkloadProps } from './workload';

/** Properties of a {@link ReplicaSet}. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a name of its own, as DeploymentProps has, for ReplicaSet-only props to come
export interface ReplicaSetProps<C extends readonly AnyContainer[] = readonly AnyContainer[]> extends WorkloadProps<C> {}

/**
 * Keeps a number of copies of a Pod running. It does not roll out changes
 * to the template (running Pods keep the old one), which is why a
 * {@link Deployment}, which manages ReplicaSets, is usually the better
 * choice. Renders an `apps/v1` `ReplicaSet`; its selector is the
 * template's own labels.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/
 */
export class ReplicaSet<const C extends readonly AnyContainer[] = readonly AnyContainer[]> extends Workload<C> {
  /** A ReplicaSet applied some other way, to select its Pods by; see `Deployment.fromName`. */
  public static fromName<const P extends Ports = Ports>(name: string, options: PodsByNameOptions<P>): ISelectablePods<PortNames<P>> {
    return PodSelector._byName('ReplicaSet', name, options);
  }

  public constructor(scope: Construct, id: string, props: ReplicaSetProps<C>) {
    super(scope, id, props, 'ReplicaSet');
  }
}
