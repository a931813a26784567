import { IConstruct } from 'constructs';
import { Labels } from './labels';
import { _allConstructs, _oncePerPass } from './validation/engine';
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
  return _oncePerPass(scope, 'pods-of-app', () =>
    _allConstructs(scope)
      .filter((c): c is Pod | Workload => c instanceof Pod || c instanceof Workload)
      .map((c) => ({ construct: c, namespace: c.apiObject.metadata.namespace, labels: c.template.podLabels })),
  );
}

/**
 * The Pods and workloads of the app, in `namespace`, that `selector`
 * selects, in construct order. Looks them up by the selector's rarest
 * label rather than testing every Pod, so that checking each workload and
 * Service of an app stays linear in the size of the app.
 */
export function podsSelectedBy(scope: IConstruct, selector: Labels, namespace: string | undefined): PodsOfApp[] {
  const pairs = Object.entries(selector);
  if (pairs.length === 0) {
    return [];
  }
  const index = _oncePerPass(scope, 'pods-by-label', () => indexByLabel(podsOfApp(scope)));
  let candidates: readonly PodsOfApp[] | undefined;
  for (const [key, value] of pairs) {
    const withLabel = index.get(labelKey(key, value)) ?? [];
    if (candidates === undefined || withLabel.length < candidates.length) {
      candidates = withLabel;
    }
  }
  return (candidates ?? []).filter((pods) => pods.namespace === namespace && selects(selector, pods.labels));
}

function indexByLabel(all: readonly PodsOfApp[]): Map<string, PodsOfApp[]> {
  const index = new Map<string, PodsOfApp[]>();
  for (const pods of all) {
    for (const [key, value] of Object.entries(pods.labels)) {
      const at = labelKey(key, value);
      const list = index.get(at);
      if (list) {
        list.push(pods);
      } else {
        index.set(at, [pods]);
      }
    }
  }
  return index;
}

// Label keys hold no "=", so key=value is unambiguous.
function labelKey(key: string, value: string): string {
  return `${key}=${value}`;
}

/** Whether Pods with `labels` are selected by `selector`; an empty selector selects nothing here. */
export function selects(selector: Labels, labels: Labels): boolean {
  const pairs = Object.entries(selector);
  return pairs.length > 0 && pairs.every(([key, value]) => labels[key] === value);
}
