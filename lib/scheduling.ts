import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from './_manifest';
import { ADVISOR_RULES } from './advisor/rules';
import { ClusterProfile, NodeTaint, ProfiledNode, toMilli } from './cluster-profile';
import { parseQuantity } from './quantity';
import { RuleReport } from './validation/problem';
import { ruleIn } from './validation/rules';
import { fieldOf } from './validation/_json';

const POD_FITS_NO_NODE = ruleIn(ADVISOR_RULES, 'pod-fits-no-node');
const REPLICAS_FIT_PARTLY = ruleIn(ADVISOR_RULES, 'replicas-fit-partly');

/** A manifest that runs Pods: a Pod, or a workload with a Pod template. */
export interface PodCarrier {
  /** The manifest's `kind`. */
  readonly kind: string;
  /** `metadata.name` of the manifest. */
  readonly name: string;
  /** The Pod spec, as rendered. */
  readonly spec: Unvalidated<k8s.PodSpec>;
  /** Field path of the Pod spec in the manifest: `spec`, `spec.template.spec`, … */
  readonly at: string;
  /** How many copies of the Pod the manifest asks for; `undefined` for a DaemonSet (one per node). */
  readonly replicas: number | undefined;
}

// Where each kind keeps its Pod spec, and the field that says how many copies run.
const CARRIERS: Readonly<Record<string, { readonly spec: readonly string[]; readonly replicas?: readonly string[] }>> = {
  Pod: { spec: ['spec'] },
  Deployment: { spec: ['spec', 'template', 'spec'], replicas: ['spec', 'replicas'] },
  ReplicaSet: { spec: ['spec', 'template', 'spec'], replicas: ['spec', 'replicas'] },
  ReplicationController: { spec: ['spec', 'template', 'spec'], replicas: ['spec', 'replicas'] },
  StatefulSet: { spec: ['spec', 'template', 'spec'], replicas: ['spec', 'replicas'] },
  Job: { spec: ['spec', 'template', 'spec'], replicas: ['spec', 'parallelism'] },
  CronJob: { spec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'], replicas: ['spec', 'jobTemplate', 'spec', 'parallelism'] },
  DaemonSet: { spec: ['spec', 'template', 'spec'] },
};

/**
 * The Pod spec a rendered manifest carries and how many copies it asks
 * for, or `undefined` when the manifest runs no Pods (a Service, a ConfigMap).
 */
export function podCarrier(manifest: unknown): PodCarrier | undefined {
  const kind = fieldOf(manifest, 'kind');
  const carrier = typeof kind === 'string' && Object.hasOwn(CARRIERS, kind) ? CARRIERS[kind] : undefined;
  const spec = carrier && dig(manifest, carrier.spec);
  if (typeof kind !== 'string' || !carrier || typeof spec !== 'object' || spec === null) {
    return undefined;
  }
  // Of a kind that runs Pods, rendered by Peapod (whose escape-hatch values
  // are held to the schema, see manifestToValidate) or by the typed classes
  // of cdk8s and cdk8s-plus: its Pod spec and counts have the k8s types.
  // The API server defaults replicas and parallelism to 1.
  const replicas = kind === 'Pod' ? 1 : carrier.replicas && ((dig(manifest, carrier.replicas) as number | undefined) ?? 1);
  return { kind, name: String(fieldOf(fieldOf(manifest, 'metadata'), 'name') ?? ''), spec: spec as Unvalidated<k8s.PodSpec>, at: carrier.spec.join('.'), replicas };
}

/** A filter of the scheduling preview. */
export type SchedulingCheck = 'nodeName' | 'unschedulable' | 'nodeSelector' | 'nodeAffinity' | 'tolerations' | 'resources';

// What to change so that a node passes each filter.
const CHECK_FIXES: Readonly<Record<SchedulingCheck, string>> = {
  nodeName: 'drop or change the nodeName',
  unschedulable: 'uncordon the node (`kubectl uncordon`)',
  nodeSelector: 'change the nodeSelector or the node\'s labels',
  nodeAffinity: 'change the required node affinity',
  tolerations: 'tolerate the node\'s taints',
  resources: 'lower the resource requests',
};

/** Whether one node can take the Pod, and if not, why. */
export interface NodeFit {
  /** The node's name. */
  readonly node: string;
  /** Whether the Pod passes every filter on this node. */
  readonly fits: boolean;
  /** Why it does not, one reason per failed check (`missing label gpu=true`); empty when it fits. */
  readonly reasons: readonly string[];
  /** The filters it fails, in the order they run. */
  readonly failedChecks: readonly SchedulingCheck[];
  /** How many copies of the Pod fit on the node when it is empty; 0 when the Pod does not fit. */
  readonly copies: number;
  /** The resource one copy takes the largest share of on this node, when the Pod fits and requests any. */
  readonly largestShare?: ResourceShare;
}

/** The share of a node's allocatable resource one copy of the Pod requests. */
export interface ResourceShare {
  /** The resource, such as `cpu`. */
  readonly resource: string;
  /** The request and the allocatable amount, readable (`3 CPU of 4`). */
  readonly amounts: string;
  /** Requested over allocatable, between 0 and 1 when the Pod fits. */
  readonly fraction: number;
}

/** Where a Pod, or each copy of a workload's Pod, can land on the profiled cluster. */
export interface SchedulingPreview {
  /** The manifest's `kind`. */
  readonly kind: string;
  /** `metadata.name` of the manifest. */
  readonly name: string;
  /** Field path of the Pod spec in the manifest. */
  readonly at: string;
  /** Copies asked for; `undefined` for a DaemonSet (one per node). */
  readonly replicas: number | undefined;
  /** What one copy requests, readable (`{ cpu: '1.5', memory: '2Gi' }`); the Pod's own slot is not listed. */
  readonly requests: { readonly [resource: string]: string };
  /** Each node of the profile, in order. */
  readonly nodes: readonly NodeFit[];
  /** Names of the nodes the Pod can land on. */
  readonly fittingNodes: readonly string[];
  /** How many copies fit on the empty cluster in total. */
  readonly capacity: number;
  /** How many of the copies asked for fit: the smaller of replicas and capacity (for a DaemonSet, the fitting nodes). */
  readonly placed: number;
}

/**
 * Mirrors the scheduler's filters for what a manifest decides (the Pod's
 * node name, nodeSelector, required node affinity, tolerations, resource
 * requests, and host ports, which allow one copy per node) against each
 * node of the profile. Nodes are taken as empty: the Pods already running
 * on a real cluster leave less room.
 *
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/#kube-scheduler-implementation
 */
export function previewScheduling(carrier: PodCarrier, profile: ClusterProfile): SchedulingPreview {
  const requests = podRequests(carrier.spec);
  const nodes = profile.nodes.map((node) => fitOnNode(carrier.spec, requests, node));
  const fitting = nodes.filter((fit) => fit.fits);
  const capacity = fitting.reduce((sum, fit) => sum + fit.copies, 0);
  const readable = Object.fromEntries(
    [...requests].filter(([resource]) => resource !== 'pods').map(([resource, amount]) => [resource, formatAmount(resource, amount, false)]),
  );
  return {
    kind: carrier.kind,
    name: carrier.name,
    at: carrier.at,
    replicas: carrier.replicas,
    requests: readable,
    nodes,
    fittingNodes: fitting.map((fit) => fit.node),
    capacity,
    placed: carrier.replicas === undefined ? fitting.length : Math.min(carrier.replicas, capacity),
  };
}

/**
 * Records the scheduling problems of a preview: an error when the Pod fits
 * no node, a warning when only some of a workload's replicas fit.
 */
export function reportScheduling(preview: SchedulingPreview, report: RuleReport): void {
  const what = preview.kind === 'Pod' ? 'the Pod' : `the Pod of ${preview.kind} "${preview.name}"`;
  if (preview.fittingNodes.length === 0) {
    // On a tie, the first node of the profile.
    const closest = preview.nodes.reduce((best, fit) => (fit.failedChecks.length < best.failedChecks.length ? fit : best));
    const why = preview.nodes.map((fit) => `${fit.node}: ${fit.reasons.join(' and ')}`).join('; ');
    report.error(
      'pod-fits-no-node',
      preview.at,
      `${what} fits no node of the cluster profile, so the scheduler would leave it Pending: ${why}`,
      POD_FITS_NO_NODE.fixFor(
        closest.failedChecks.map((check) => CHECK_FIXES[check]).join(' and '),
        `node ${closest.node}${preview.nodes.length > 1 ? ', the closest (fewest failed checks),' : ''}`,
      ),
    );
    return;
  }
  if (preview.replicas !== undefined && preview.placed < preview.replicas) {
    const spread = preview.nodes.filter((fit) => fit.fits).map((fit) => `${fit.node}: ${fit.copies}`).join(', ');
    const pending = preview.replicas - preview.placed;
    const countField = preview.kind.endsWith('Job') ? 'parallelism' : 'replicas';
    report.warn(
      'replicas-fit-partly',
      `${preview.at.replace(/\.template\.spec$/, '')}.${countField}`,
      `only ${preview.placed} of ${preview.replicas} replicas fit on the empty nodes of the cluster profile (${spread}); ${pending} would stay Pending`,
      REPLICAS_FIT_PARTLY.fixFor(countField, String(preview.placed)),
    );
  }
}

/**
 * What one copy of a Pod requests, in thousandths of each unit, as the
 * scheduler adds it up: the containers together, or the largest init
 * container if that is more (sidecars, init containers that keep running,
 * count with the containers), plus the Pod's overhead, plus one Pod slot.
 * A container that sets a limit but no request requests its limit, as the
 * API server defaults it.
 *
 * `spec` is a Pod spec as a manifest holds it, such as a {@link PodCarrier}'s
 * (typed `unknown`, as 0.1 took any value).
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#resource-sharing-within-containers
 */
export function podRequests(podSpec: unknown): Map<string, number> {
  const spec = podSpec as Unvalidated<k8s.PodSpec>;
  const total = new Map<string, number>();
  const add = (into: Map<string, number>, amounts: Map<string, number>) => amounts.forEach((v, k) => into.set(k, (into.get(k) ?? 0) + v));
  const max = (into: Map<string, number>, amounts: Map<string, number>) => amounts.forEach((v, k) => into.set(k, Math.max(into.get(k) ?? 0, v)));

  for (const container of spec.containers ?? []) {
    add(total, containerRequests(container));
  }
  const sidecars = new Map<string, number>();
  const initPeak = new Map<string, number>();
  for (const container of spec.initContainers ?? []) {
    const own = containerRequests(container);
    // A sidecar (restartPolicy, a field of Kubernetes 1.28, which the k8s types of 1.27 lack).
    if ((container as { readonly restartPolicy?: string }).restartPolicy === 'Always') {
      add(sidecars, own);
      max(initPeak, sidecars);
    } else {
      const during = new Map(sidecars);
      add(during, own);
      max(initPeak, during);
    }
  }
  add(total, sidecars);
  max(total, initPeak);
  add(total, amountsOf(spec.overhead));
  total.set('pods', 1000);
  return total;
}

function containerRequests(container: Unvalidated<k8s.Container>): Map<string, number> {
  const limits = amountsOf(container.resources?.limits);
  const requests = amountsOf(container.resources?.requests);
  limits.forEach((value, resource) => {
    if (!requests.has(resource)) {
      requests.set(resource, value);
    }
  });
  return requests;
}

function amountsOf(map: Unvalidated<k8s.ResourceRequirements>['limits']): Map<string, number> {
  const amounts = new Map<string, number>();
  for (const [resource, quantity] of Object.entries(map ?? {})) {
    // Quantities that do not parse are the validation rules' business.
    const value = parseQuantity(quantity);
    if (value !== undefined && value > 0) {
      amounts.set(resource, toMilli(value));
    }
  }
  return amounts;
}

function fitOnNode(spec: Unvalidated<k8s.PodSpec>, requests: ReadonlyMap<string, number>, node: ProfiledNode): NodeFit {
  const reasons: string[] = [];
  const failedChecks = new Set<SchedulingCheck>();
  const fail = (check: SchedulingCheck, reason: string) => {
    failedChecks.add(check);
    reasons.push(reason);
  };
  const tolerations = spec.tolerations ?? [];

  if (spec.nodeName !== undefined && spec.nodeName !== node.name) {
    fail('nodeName', `the Pod names node "${spec.nodeName}"`);
  }
  if (node.unschedulable && !tolerations.some((t) => tolerates(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }))) {
    fail('unschedulable', 'cordoned (unschedulable)');
  }
  for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) {
    const has = node.labels[key];
    if (has === undefined) {
      fail('nodeSelector', `missing label ${key}=${value}`);
    } else if (has !== value) {
      fail('nodeSelector', `has label ${key}=${has} instead of ${key}=${value}`);
    }
  }
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms !== undefined && !terms.some((term) => termMatches(term, node))) {
    fail('nodeAffinity', 'matches no term of the required node affinity');
  }
  for (const taint of node.taints) {
    // Cordoning adds this taint too; it is reported once, as cordoned.
    const cordonTaint = node.unschedulable && taint.key === 'node.kubernetes.io/unschedulable';
    if (taint.effect !== 'PreferNoSchedule' && !cordonTaint && !tolerations.some((t) => tolerates(t, taint))) {
      fail('tolerations', `taint ${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect} not tolerated`);
    }
  }

  let copies = Infinity;
  let largestShare: ResourceShare | undefined;
  for (const [resource, requested] of requests) {
    const allocatable = node.allocatable.get(resource) ?? 0;
    if (requested > allocatable) {
      fail('resources', `needs ${formatAmount(resource, requested)}, has ${formatAmount(resource, allocatable, false)}`);
      continue;
    }
    copies = Math.min(copies, Math.floor(allocatable / requested));
    const fraction = requested / allocatable;
    if (resource !== 'pods' && (!largestShare || fraction > largestShare.fraction)) {
      largestShare = { resource, fraction, amounts: `${formatAmount(resource, requested)} of ${formatAmount(resource, allocatable, false)}` };
    }
  }
  if (usesHostPort(spec)) {
    // Two copies cannot bind the same host port: one per node.
    copies = Math.min(copies, 1);
  }
  const fits = reasons.length === 0;
  return { node: node.name, fits, reasons, failedChecks: [...failedChecks], copies: fits ? copies : 0, ...(fits && largestShare ? { largestShare } : {}) };
}

function usesHostPort(spec: Unvalidated<k8s.PodSpec>): boolean {
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  return containers.some((container) => (container.ports ?? []).some((port) => (port.hostPort ?? 0) > 0));
}

// The scheduler's rule: an empty effect matches every effect, an empty key
// with Exists matches every taint, Equal (the default) compares values.
function tolerates(toleration: Unvalidated<k8s.Toleration>, taint: NodeTaint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) {
    return false;
  }
  if (toleration.key && toleration.key !== taint.key) {
    return false;
  }
  if (toleration.operator === 'Exists') {
    return true;
  }
  return !!toleration.key && (toleration.value ?? '') === (taint.value ?? '');
}

// Expressions of a term are ANDed; a term with none matches no node.
function termMatches(term: Unvalidated<k8s.NodeSelectorTerm>, node: ProfiledNode): boolean {
  const labelExpressions = term.matchExpressions ?? [];
  const fieldExpressions = term.matchFields ?? [];
  if (labelExpressions.length + fieldExpressions.length === 0) {
    return false;
  }
  return (
    labelExpressions.every((e) => expressionMatches(e, e.key === undefined ? undefined : node.labels[e.key])) &&
    fieldExpressions.every((e) => e.key === 'metadata.name' && expressionMatches(e, node.name))
  );
}

function expressionMatches(expression: Unvalidated<k8s.NodeSelectorRequirement>, value: string | undefined): boolean {
  const values = expression.values ?? [];
  switch (expression.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      // The scheduler parses both as whole numbers (strconv.ParseInt): "4.5" or "8x" matches nothing.
      const have = wholeNumber(value);
      const bound = wholeNumber(values[0]);
      if (have === undefined || bound === undefined) {
        return false;
      }
      return expression.operator === 'Gt' ? have > bound : have < bound;
    }
    default:
      return false;
  }
}

function wholeNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^[-+]?[0-9]+$/.test(text) ? Number(text) : undefined;
}

const BINARY_UNITS: readonly (readonly [string, number])[] = [
  ['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10],
];

/**
 * An amount in thousandths of its unit, readable: CPU in cores (`1.5 CPU`),
 * memory and storage with a binary suffix (`2Gi memory`), Pods as slots.
 * @internal
 */
export function formatAmount(resource: string, milli: number, withName = true): string {
  const value = milli / 1000;
  const round = (n: number) => String(Number(n.toFixed(2)));
  let text: string;
  let name = resource;
  if (resource === 'cpu') {
    text = String(Number(value.toFixed(3)));
    name = 'CPU';
  } else if (resource === 'pods') {
    text = String(value);
    name = value === 1 ? 'Pod slot' : 'Pod slots';
  } else if (resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) {
    const unit = BINARY_UNITS.find(([, size]) => value >= size);
    text = unit ? `${round(value / unit[1])}${unit[0]}` : round(value);
  } else {
    text = round(value);
  }
  return withName ? `${text} ${name}` : text;
}

function dig(object: unknown, path: readonly string[]): unknown {
  return path.reduce(fieldOf, object);
}
