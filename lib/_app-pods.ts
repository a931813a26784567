import type { IConstruct } from 'constructs';
import { Labels } from './labels';
import { plusPodsOf } from './_plus-pods';
import { ISelectablePods, labelText, PodSelection, SelectablePort } from './selectable-pods';
import { RuleReport } from './validation/problem';
import type { RuleId } from './validation/rule-ids';
import { _allConstructs, _appFactOncePerPass } from './validation/engine';

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
  /**
   * How many of its Pods run, when known: 1 for a Pod, the replicas a
   * workload sets, `undefined` when something else decides (a DaemonSet's
   * nodes, an autoscaler, the API server's default).
   */
  replicas(): number | undefined;
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
  return _appFactOncePerPass(scope, 'pods-of-app', () => {
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
  return { construct, kind: owned.kind, name: owned.name, namespace: owned.namespace, labels: owned.labels, ports: () => owned.ports(), replicas: () => owned.replicas() };
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
  const index = _appFactOncePerPass(scope, 'pods-by-label', () => indexByLabel(podsOfApp(scope)));
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
const labelKey = (key: string, value: string): string => `${key}=${value}`;

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
  // An object of another app has nothing to find here; ports declared with the selection are the ports there are.
  if (selection.owner !== undefined || selection.ports !== undefined) {
    return { pods, owner: undefined, mustSelect: false, ports: selection.ports };
  }
  return { pods, owner: undefined, mustSelect: false, ports: pods.length > 0 ? pods.flatMap((p) => p.ports()) : undefined };
}

/** A construct that sets the replicas of another, such as a HorizontalPodAutoscaler. */
export interface IReplicaScaler extends IConstruct {
  /** The workload it scales. */
  readonly scaled: IConstruct;
  /** The fewest replicas it leaves the workload. */
  readonly minimumReplicas: number;
}

function isReplicaScaler(construct: IConstruct): construct is IReplicaScaler {
  const c = construct as Partial<IReplicaScaler>;
  return c.scaled !== undefined && typeof c.minimumReplicas === 'number';
}

/**
 * How many Pods `pods` runs at the least: the replicas it sets, else the
 * minimum of an autoscaler of the app that scales it, else the API
 * server's default of 1 for the kinds that have replicas; `undefined` when
 * unknown (a DaemonSet runs one per node).
 */
export function leastReplicasOf(scope: IConstruct, pods: PodsOfApp): number | undefined {
  const replicas = pods.replicas();
  if (replicas !== undefined) {
    return replicas;
  }
  const scalers = _appFactOncePerPass(scope, 'replica-scalers', () => _allConstructs(scope).filter(isReplicaScaler));
  const scaler = scalers.find((s) => s.scaled === pods.construct);
  if (scaler !== undefined) {
    return scaler.minimumReplicas;
  }
  return REPLICATED_KINDS.includes(pods.kind) ? 1 : undefined;
}

// The kinds whose count is `spec.replicas`, which the API server defaults to 1.
const REPLICATED_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'];

/** How a selecting object reports that it selects no Pod of the app. */
export interface SelectsNothing {
  /** The rule. */
  readonly rule: RuleId;
  /** The field path of its selector. */
  readonly field: string;
}

/**
 * Resolves what `selector` stands for from `scope`, a selecting object in
 * `namespace` (a PodDisruptionBudget, a NetworkPolicy), and reports it when
 * it stands for an object of the app whose Pods it does not select there.
 */
export function resolveSelecting(scope: IConstruct, selector: ISelectablePods, namespace: string | undefined, nothing: SelectsNothing, report: RuleReport): ResolvedSelection {
  const selection = selector.selectPods();
  const resolved = resolveSelection(scope, selection, namespace);
  if (resolved.mustSelect && resolved.pods.length === 0) {
    report.error(
      nothing.rule,
      nothing.field,
      `selector ${labelText(selection.selector) || '(empty)'} of ${selection.description} matches no Pod of this app in namespace "${namespace ?? 'default'}"`,
    );
  }
  return resolved;
}
