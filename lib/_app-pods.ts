import { IConstruct } from 'constructs';
import { Labels } from './labels';
import { Pod } from './pod';
import { Workload } from './workload';

/** A Pod, or the Pod template of a workload, somewhere in the app. */
export interface PodsOfApp {
  /** The Pod or workload. */
  readonly construct: IConstruct;
  /** Its namespace; `undefined` for the namespace kubectl applies to. */
  readonly namespace: string | undefined;
  /** The labels its Pods carry. */
  readonly labels: Labels;
}

/** Every Pod and workload Pod template of the app that `scope` belongs to, in construct order. */
export function podsOfApp(scope: IConstruct): PodsOfApp[] {
  return scope.node.root.node
    .findAll()
    .filter((c): c is Pod | Workload => c instanceof Pod || c instanceof Workload)
    .map((c) => ({ construct: c, namespace: c.apiObject.metadata.namespace, labels: c.template.podLabels }));
}

/** Whether Pods with `labels` are selected by `selector`; an empty selector selects nothing here. */
export function selects(selector: Labels, labels: Labels): boolean {
  const pairs = Object.entries(selector);
  return pairs.length > 0 && pairs.every(([key, value]) => labels[key] === value);
}
