import { DeclaredPort } from './scope';

/** A Pod or workload of the input, which a Service may be made from. */
export interface Target {
  readonly kind: string;
  readonly name: string;
  readonly variable: string;
  /** The labels Peapod's Service takes from it: a workload's selector, a Pod's labels. */
  readonly selector: Record<string, string>;
  readonly labels: Record<string, string>;
  readonly ports: DeclaredPort[];
  used: boolean;
}

/**
 * The Pods and workloads of the input, indexed so that finding the one a
 * Service selects takes time in the size of its selector, not in the number
 * of objects (a scan of every target for every Service made the import
 * quadratic). Workloads are preferred to Pods, then input order.
 */
export class Targets {
  private readonly all: Target[] = [];
  private readonly bySelector = new Map<string, Target[]>();
  private readonly byLabel = new Map<string, Target[]>();

  public add(target: Target): void {
    this.all.push(target);
    push(this.bySelector, selectorKey(target.selector), target);
    for (const pair of Object.entries(target.labels)) {
      push(this.byLabel, JSON.stringify(pair), target);
    }
  }

  /** The target whose selector is exactly `selector`, else one whose labels include it; and whether it was exact. */
  public find(selector: Record<string, string>): { target: Target; exact: boolean } | undefined {
    const exact = first(this.bySelector.get(selectorKey(selector)) ?? []);
    if (exact) {
      return { target: exact, exact: true };
    }
    const pairs = Object.entries(selector);
    let candidates: readonly Target[] = this.all;
    for (const pair of pairs) {
      const holding = this.byLabel.get(JSON.stringify(pair)) ?? [];
      if (holding.length < candidates.length) {
        candidates = holding;
      }
    }
    const covering = first(candidates.filter((t) => pairs.every(([k, v]) => Object.prototype.hasOwnProperty.call(t.labels, k) && t.labels[k] === v)));
    return covering && { target: covering, exact: false };
  }
}

function selectorKey(selector: Record<string, string>): string {
  return JSON.stringify(Object.entries(selector).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  (map.get(key) ?? map.set(key, []).get(key)!).push(value);
}

// The first workload, else the first Pod, in input order.
function first(targets: readonly Target[]): Target | undefined {
  return targets.find((t) => t.kind !== 'Pod') ?? targets[0];
}
