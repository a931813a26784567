import type { IConstruct } from 'constructs';
import { Labels } from './labels';
import { plusPodsOf } from './_plus-pods';
import { PodSelection, SelectablePort } from './selectable-pods';
import { _allConstructs, _oncePerPass } from './validation/engine';

/** What a construct that runs Pods says of them. */
export interface OwnedPods {
  /** The kind of its manifest: `Pod`, `Deployment`, `StatefulSet` … */
  readonly kind: string;
  /** `metadata.name` of its manifest. */
  readonly name: string;
  /** Its namespace; `undefined` for the namespace kubectl applies to. */
  readonly namespace: string | undefined;
  /** The labels its Pods carry. */
  readonly labels: Labels;
  /** The ports its Pods' containers declare; asked only by those that need them. */
  ports(): readonly SelectablePort[];
}

/**
 * A construct whose manifest runs Pods: a Pod or a Pod-template kind. The
 * checks of selecting objects find the app's Pods through it, without
 * naming any of those classes.
 */
export interface IPodOwner extends IConstruct {
  /** Its Pods' kind, name, namespace, labels and ports. */
  ownedPods(): OwnedPods;
}

/** Whether a construct runs Pods. */
export function isPodOwner(construct: IConstruct): construct is IPodOwner {
  return typeof (construct as Partial<IPodOwner>).ownedPods === 'function';
}

/** A Pod, or the Pod template of a workload, somewhere in the app. */
export interface PodsOfApp extends OwnedPods {
  /** The Pod or workload. */
  readonly construct: IConstruct;
}

/** Every Pod and workload Pod template of the app that `scope` belongs to, in construct order. */
export function podsOfApp(scope: IConstruct): PodsOfApp[] {
  return _oncePerPass(scope, 'pods-of-app', () => {
    const found: PodsOfApp[] = [];
    for (const construct of _allConstructs(scope)) {
      const owned = isPodOwner(construct) ? construct.ownedPods() : plusPodsOf(construct);
      if (owned !== undefined) {
        found.push(withConstruct(construct, owned));
      }
    }
    return found;
  });
}

function withConstruct(construct: IConstruct, owned: OwnedPods): PodsOfApp {
  return { construct, kind: owned.kind, name: owned.name, namespace: owned.namespace, labels: owned.labels, ports: () => owned.ports() };
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

/** A {@link PodSelection} as seen from a selecting object of the app, at synth. */
export interface ResolvedSelection {
  /** The Pods of the app, in the selecting object's namespace, that the selector picks. */
  readonly pods: readonly PodsOfApp[];
  /**
   * The object of the app the selection stands for (an owner, or the
   * object a reference by name found); the selector must pick its Pods.
   */
  readonly owner: PodsOfApp | undefined;
  /**
   * Whether the selection must pick Pods of the app: it stands for an
   * object of the app. A plain selector, or a reference the app does not
   * hold, is trusted.
   */
  readonly mustSelect: boolean;
  /** The container ports there are; `undefined` when unknown, and target ports are trusted. */
  readonly ports: readonly SelectablePort[] | undefined;
}

/**
 * Resolves what `selection` stands for from `scope`, a selecting object of
 * the app in `namespace`: the Pods its selector picks, the object it
 * names, and the container ports known.
 */
export function resolveSelection(scope: IConstruct, selection: PodSelection, namespace: string | undefined): ResolvedSelection {
  const pods = podsSelectedBy(scope, selection.selector, namespace);
  let owner: PodsOfApp | undefined;
  if (selection.owner !== undefined) {
    owner = podsOfApp(scope).find((p) => p.construct === selection.owner);
  } else if (selection.reference !== undefined) {
    const { kind, name } = selection.reference;
    owner = podsOfApp(scope).find((p) => p.kind === kind && p.name === name && p.namespace === namespace);
  }
  if (owner !== undefined) {
    return { pods, owner, mustSelect: true, ports: owner.ports() };
  }
  if (selection.owner !== undefined) {
    // An object of another app: nothing to find here.
    return { pods, owner: undefined, mustSelect: false, ports: selection.ports };
  }
  if (selection.ports !== undefined) {
    return { pods, owner: undefined, mustSelect: false, ports: selection.ports };
  }
  return { pods, owner: undefined, mustSelect: false, ports: pods.length > 0 ? pods.flatMap((p) => p.ports()) : undefined };
}
