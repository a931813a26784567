import * as fs from 'fs';
import type * as YAML from 'yaml';
import { CpuQuantity, MemoryQuantity, parseQuantity, Quantity } from './quantity';
import { fieldOf, JsonObject, listAt, objectAt } from './validation/_json';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
/**
 * What a taint does to Pods that do not tolerate it.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
 */
export type TaintEffect = (typeof TAINT_EFFECTS)[number];

/**
 * A taint of a node: Pods without a matching toleration stay off it.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
 */
export interface NodeTaint {
  /** The taint's key, such as `nvidia.com/gpu`. */
  readonly key: string;
  /**
   * The taint's value.
   * @default - no value
   */
  readonly value?: string;
  /** What happens to Pods that do not tolerate it. */
  readonly effect: TaintEffect;
}

/**
 * What a node offers to Pods, as `status.allocatable` reports it: its
 * capacity minus what the system reserves.
 * @see https://kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources/#node-allocatable
 */
export interface NodeAllocatable {
  /** CPU in cores (`4`) or millicores (`'3920m'`). */
  readonly cpu: CpuQuantity;
  /** Memory in bytes or with a suffix (`'16Gi'`). */
  readonly memory: MemoryQuantity;
  /**
   * How many Pods the node may run.
   * @default 110, the kubelet's default `maxPods`
   */
  readonly pods?: number;
  /**
   * Local ephemeral storage.
   * @default - not described; Pods that request it fit no node
   */
  readonly 'ephemeral-storage'?: MemoryQuantity;
  /** Extended resources, such as `'nvidia.com/gpu': 1`. */
  readonly [resource: string]: Quantity | undefined;
}

/** One node of a cluster profile. */
export interface NodeProfile {
  /** `metadata.name` of the node. */
  readonly name: string;
  /**
   * The node's labels, matched against `nodeSelector` and node affinity.
   * @default - no labels
   */
  readonly labels?: { readonly [key: string]: string };
  /** What the node offers to Pods. */
  readonly allocatable: NodeAllocatable;
  /**
   * The node's taints.
   * @default - no taints
   */
  readonly taints?: readonly NodeTaint[];
  /**
   * Whether the node is cordoned (`kubectl cordon`): the scheduler places no new Pod on it.
   * @default false
   */
  readonly unschedulable?: boolean;
}

/**
 * A node as the scheduling preview reads it: resources as numbers in
 * thousandths of their unit (millicores, millibytes), as Kubernetes
 * compares them, so that `0.1` CPU times ten is exactly one core.
 */
export interface ProfiledNode {
  /** `metadata.name` of the node. */
  readonly name: string;
  /** The node's labels. */
  readonly labels: { readonly [key: string]: string };
  /** Allocatable resources in thousandths of their unit, `pods` included. */
  readonly allocatable: ReadonlyMap<string, number>;
  /** The node's taints. */
  readonly taints: readonly NodeTaint[];
  /** Whether the node is cordoned. */
  readonly unschedulable: boolean;
}

const DEFAULT_MAX_PODS = 110;

/**
 * A description of a cluster's nodes (names, labels, allocatable
 * resources, taints), for the scheduling preview and the packing advice.
 * Write it in TypeScript, or load the output of `kubectl get nodes -o yaml`
 * (or `-o json`) from a real cluster.
 *
 * The preview treats every node as empty: a real cluster has less room,
 * taken by the Pods already running there.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/node-v1/
 */
export class ClusterProfile {
  /**
   * Reads a file written by `kubectl get nodes -o yaml` or `-o json`: a
   * `List` or `NodeList` of nodes, a single `Node`, or several YAML documents.
   */
  public static fromFile(file: string): ClusterProfile {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read the cluster profile ${file}: ${(error as Error).message}. Fix: write it with \`kubectl get nodes -o yaml > ${file}\``, { cause: error });
    }
    return ClusterProfile.fromKubectl(text, file);
  }

  /**
   * Parses the text `kubectl get nodes -o yaml` or `-o json` prints.
   * `source` names the text in error messages.
   */
  public static fromKubectl(text: string, source = 'the node list'): ClusterProfile {
    // The yaml package is loaded here only: a synth never reads YAML, and loading it takes about 60 ms.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
    const documents = (require('yaml') as typeof YAML).parseAllDocuments(text);
    const nodes: NodeProfile[] = [];
    // Every problem of the file at once, as synth reports a program's.
    const problems: string[] = [];
    documents.forEach((document, d) => {
      if (document.errors.length > 0) {
        // The parser's message goes on with a picture of the line; its first line says where.
        const what = document.errors[0].message.split('\n')[0].replace(/:$/, '');
        throw new Error(`${source} is not valid YAML or JSON: ${what}. Fix: save the output of \`kubectl get nodes -o yaml\` unchanged`);
      }
      const at = documents.length > 1 ? `document ${d + 1}: ` : '';
      const value: unknown = document.toJS();
      if (value === null || value === undefined) {
        return;
      }
      const object = objectAt(value);
      const kind = object.kind;
      if (kind === 'Node') {
        nodes.push(...nodeFromKubectl(object, `${source}: ${at}`, problems));
      } else if ((kind === 'List' || kind === 'NodeList') && Array.isArray(object.items)) {
        object.items.forEach((item: unknown, i: number) => {
          const node = objectAt(item);
          if (node.kind !== undefined && node.kind !== 'Node') {
            problems.push(`${source}: ${at}items[${i}].kind is ${JSON.stringify(String(node.kind))}, not "Node". Fix: dump nodes only, with \`kubectl get nodes -o yaml\``);
            return;
          }
          nodes.push(...nodeFromKubectl(node, `${source}: ${at}items[${i}].`, problems));
        });
      } else {
        problems.push(`${source}: ${at}kind is ${JSON.stringify(kind)}; expected a List or NodeList of nodes, or a Node. Fix: save the output of \`kubectl get nodes -o yaml\``);
      }
    });
    if (problems.length > 0) {
      throw new Error(problems.join('\n'));
    }
    if (nodes.length === 0) {
      throw new Error(`${source} lists no nodes. Fix: dump a cluster that has some, with \`kubectl get nodes -o yaml\``);
    }
    return new ClusterProfile(nodes);
  }

  /** The nodes, in the order given, as the preview reads them. */
  public readonly nodes: readonly ProfiledNode[];

  /** Describes the nodes; names must be unique and quantities valid. */
  public constructor(nodes: readonly NodeProfile[]) {
    if (nodes.length === 0) {
      throw new Error('cluster profile: no nodes. Fix: describe at least one node, or dump a cluster that has some with `kubectl get nodes -o yaml`');
    }
    const seen = new Set<string>();
    this.nodes = nodes.map((node, i) => {
      if (seen.has(node.name)) {
        throw new Error(`cluster profile: nodes[${i}].name "${node.name}" is already used by another node. Fix: give each node its own name`);
      }
      seen.add(node.name);
      return profiled(node, `cluster profile: nodes[${i}] ("${node.name}")`);
    });
  }

  /** The node with this name, if there is one. */
  public node(name: string): ProfiledNode | undefined {
    return this.nodes.find((node) => node.name === name);
  }
}

function profiled(node: NodeProfile, at: string): ProfiledNode {
  const allocatable = new Map<string, number>();
  for (const [resource, quantity] of Object.entries({ pods: DEFAULT_MAX_PODS, ...node.allocatable })) {
    if (quantity === undefined) {
      continue;
    }
    const value = parseQuantity(quantity);
    if (value === undefined || value < 0) {
      throw new Error(`${at}: allocatable.${resource} is ${JSON.stringify(quantity)}, not a quantity. Fix: write it as Kubernetes does, such as 4, '3920m' or '16Gi'`);
    }
    allocatable.set(resource, toMilli(value));
  }
  for (const taint of node.taints ?? []) {
    if (!(TAINT_EFFECTS as readonly string[]).includes(taint.effect)) {
      throw new Error(`${at}: taint "${taint.key}" has effect ${JSON.stringify(taint.effect)}. Fix: use NoSchedule, PreferNoSchedule or NoExecute`);
    }
  }
  return {
    name: node.name,
    labels: { ...node.labels },
    allocatable,
    taints: [...(node.taints ?? [])],
    unschedulable: node.unschedulable ?? false,
  };
}

/** A quantity in thousandths of its unit, rounded the way Kubernetes rounds up its MilliValue. @internal */
export function toMilli(value: number): number {
  // Round away float noise (0.1 * 1000 = 100.00000000000001) before rounding up.
  return Math.ceil(Number((value * 1000).toPrecision(15)));
}

/** The node `object` of a kubectl dump describes, or none when it has problems, which go into `problems`. */
function nodeFromKubectl(object: JsonObject, at: string, problems: string[]): NodeProfile[] {
  const metadata = objectAt(object.metadata);
  const name = metadata.name;
  if (typeof name !== 'string' || name === '') {
    problems.push(`${at}metadata.name is missing. Fix: save the output of \`kubectl get nodes -o yaml\` unchanged`);
    return [];
  }
  // Quoted as JSON: a node name from someone else's file must not reach the terminal as control codes.
  const quoted = JSON.stringify(name);
  const allocatable = objectAt(fieldOf(object.status, 'allocatable'));
  if (allocatable.cpu === undefined || allocatable.memory === undefined) {
    problems.push(`${at}status.allocatable of node ${quoted} has no cpu or memory. Fix: dump the nodes with \`kubectl get nodes -o yaml\`, which includes their status`);
    return [];
  }
  const values: Record<string, Quantity> = {};
  const before = problems.length;
  for (const [resource, quantity] of Object.entries(allocatable)) {
    if ((typeof quantity !== 'string' && typeof quantity !== 'number') || parseQuantity(quantity) === undefined) {
      problems.push(`${at}status.allocatable.${resource} of node ${quoted} is ${JSON.stringify(quantity)}, not a quantity. Fix: save the output of \`kubectl get nodes -o yaml\` unchanged`);
      continue;
    }
    // kubectl prints every amount as a string, pods included ("110"); the profile parses them all alike.
    values[resource] = quantity as Quantity;
  }
  const taints = listAt(fieldOf(object.spec, 'taints')).map((taint) => ({
    key: String(fieldOf(taint, 'key')),
    value: fieldOf(taint, 'value') === undefined ? undefined : String(fieldOf(taint, 'value')),
    // Checked by profiled(), as the effects of a profile written by hand.
    effect: fieldOf(taint, 'effect') as TaintEffect,
  }));
  if (problems.length > before) {
    return [];
  }
  return [{
    name,
    // kubectl prints every label value as a string.
    labels: { ...(objectAt(metadata.labels) as { readonly [key: string]: string }) },
    allocatable: values as unknown as NodeAllocatable,
    taints,
    unschedulable: fieldOf(object.spec, 'unschedulable') === true,
  }];
}
