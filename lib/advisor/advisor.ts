import { ApiObject } from 'cdk8s';
import { renderedManifest } from '../_synth';
import { Construct, IConstruct } from 'constructs';
import { ClusterProfile } from '../cluster-profile';
import { ContainerRole } from '../container';
import { AnyContainer } from '../pod-template';
import { PodCarrier, podCarrier, previewScheduling, reportScheduling, SchedulingPreview } from '../scheduling';
import { _declaringConstruct, runsAppChecks } from '../validation/engine';
import { Problem, RuleReport } from '../validation/problem';
import { adviseDesign, ContainerRoles } from './design';
import { advisePacking, DEFAULT_PACKING_THRESHOLD } from './packing';

/** Options of {@link advise}. */
export interface AdviseOptions {
  /**
   * Path of the construct the problems are reported on.
   * @default - the manifest's `metadata.name`
   */
  readonly construct?: string;
  /**
   * Roles the containers declare, by container name.
   * @default - none declared
   */
  readonly roles?: ContainerRoles;
  /**
   * The cluster's nodes, for the scheduling preview and the packing advice.
   * @default - no profile: only the one-container-per-pod and split-by-scaling advice
   */
  readonly profile?: ClusterProfile;
  /**
   * The share of a node, between 0 and 1, above which one copy of a Pod packs poorly.
   * @default 0.5
   */
  readonly packingThreshold?: number;
}

/**
 * Every finding of the design advisor and the scheduling preview for one
 * rendered manifest (a Pod, or a workload with a Pod template); none for a
 * manifest that runs no Pods.
 */
export function advise(manifest: unknown, options: AdviseOptions = {}): Problem[] {
  const carrier = podCarrier(manifest);
  return carrier ? [...adviseCarrier(carrier, options).problems] : [];
}

function adviseCarrier(carrier: PodCarrier, options: AdviseOptions): { problems: readonly Problem[]; preview?: SchedulingPreview } {
  const report = new RuleReport(options.construct ?? carrier.name);
  adviseDesign(carrier.spec, carrier.at, report, options.roles);
  if (!options.profile) {
    return { problems: report.problems };
  }
  const preview = previewScheduling(carrier, options.profile);
  reportScheduling(preview, report);
  advisePacking(preview, report, options.packingThreshold);
  return { problems: report.problems, preview };
}

/** The roles declared by containers, init containers included, by name. */
export function rolesOf(containers: readonly AnyContainer[]): Map<string, ContainerRole> {
  return new Map(containers.flatMap((container) => (container.role === undefined ? [] : [[container.name, container.role] as const])));
}

/** Properties of an {@link Advisor}. */
export interface AdvisorProps {
  /**
   * The cluster's nodes. With a profile, a Pod that fits no node fails
   * synth, replicas that fit only partly and Pods that take most of a node
   * are warned about, and `npm run plan` shows where each Pod can land.
   * @default - no profile: only the one-container-per-pod and split-by-scaling advice
   */
  readonly profile?: ClusterProfile;
  /**
   * The share of a node, between 0 and 1, above which one copy of a Pod packs poorly.
   * @default 0.5: past half a node, no second copy fits beside it
   */
  readonly packingThreshold?: number;
}

/** One manifest of the app that runs Pods, with where it can land. */
export interface PlanEntry {
  /** Path of the construct that declared it. */
  readonly construct: string;
  /** The preview; `undefined` without a cluster profile. */
  readonly preview?: SchedulingPreview;
  /** The advisor's findings for it, errors and warnings. */
  readonly problems: readonly Problem[];
}

/**
 * The design advisor of an app: add one to the app and, at synth, every
 * Pod and workload in it is checked against the tutorial's questions for
 * one container per Pod or several and, given a cluster profile, against
 * the nodes it could be scheduled on.
 *
 * ```ts
 * const app = new App();
 * new Advisor(app, 'advisor', { profile: ClusterProfile.fromFile('nodes.yaml') });
 * ```
 *
 * Errors stop synth like any validation error; warnings are printed.
 * Findings are reported on the construct that declared the Pod.
 */
export class Advisor extends Construct {
  /** The advisor of the app `scope` belongs to, if it has one. */
  public static of(scope: IConstruct): Advisor | undefined {
    return scope.node.root.node.findAll().find((c): c is Advisor => c instanceof Advisor);
  }

  /** The cluster's nodes, if configured. */
  public readonly profile?: ClusterProfile;
  private readonly packingThreshold: number;
  private readonly memo = new WeakMap<ApiObject, { readonly key: string; readonly value: PlanEntry }>();

  public constructor(scope: Construct, id: string, props: AdvisorProps = {}) {
    super(scope, id);
    const other = this.node.root.node.findAll().find((c) => c instanceof Advisor && c !== this);
    if (other) {
      throw new Error(`Advisor "${id}": the app already has an Advisor at "${other.node.path}", and each would report every Pod. Fix: keep one Advisor per app`);
    }
    const threshold = props.packingThreshold ?? DEFAULT_PACKING_THRESHOLD;
    if (!(threshold > 0 && threshold <= 1)) {
      throw new Error(`Advisor "${id}": packingThreshold is ${threshold}; it is a share of a node, above 0 and at most 1. Fix: use a value such as 0.5 (half a node)`);
    }
    this.profile = props.profile;
    this.packingThreshold = threshold;
    // The App runs the advisor once per synth, after the constructs' own
    // checks; each finding obeys the rule settings of the construct it is about.
    const app = this.node.root;
    if (!runsAppChecks(app)) {
      throw new Error(`Advisor "${id}": its app is not a Peapod App, so nothing would run it at synth. Fix: create the app with \`new App()\` from Peapod`);
    }
    app.addCheck({ check: () => this.findings() });
  }

  /** Each manifest of the app that runs Pods, in tree order, with its preview and findings. */
  public plan(): PlanEntry[] {
    const entries: PlanEntry[] = [];
    for (const apiObject of this.node.root.node.findAll().filter(ApiObject.isApiObject)) {
      // Any object of the app, read as JSON: podCarrier finds the Pod spec of those that run Pods.
      const manifest: unknown = renderedManifest(apiObject);
      const carrier = podCarrier(manifest);
      if (!carrier) {
        continue;
      }
      const owner = _declaringConstruct(apiObject);
      const roles = rolesOfConstruct(owner);
      // `npm run plan` and synth may both ask; an unchanged manifest is not previewed again.
      const key = JSON.stringify([owner.node.path, [...roles], manifest]);
      let entry = this.memo.get(apiObject);
      if (entry?.key !== key) {
        const options = { construct: owner.node.path, roles, profile: this.profile, packingThreshold: this.packingThreshold };
        entry = { key, value: { construct: owner.node.path, ...adviseCarrier(carrier, options) } };
        this.memo.set(apiObject, entry);
      }
      entries.push(entry.value);
    }
    return entries;
  }

  /**
   * Every finding of the advisor in the app, errors and warnings, before
   * rule settings apply; synth reports them with the configured severities.
   */
  public findings(): readonly Problem[] {
    return this.plan().flatMap((entry) => entry.problems);
  }
}

// Pods and workloads keep their containers in a PodTemplate; roles are not in the manifest.
function rolesOfConstruct(construct: IConstruct): ContainerRoles {
  const template = (construct as { template?: { podContainers?: unknown; podInitContainers?: unknown } }).template;
  const containers = [template?.podContainers, template?.podInitContainers].filter(Array.isArray).flat() as AnyContainer[];
  return rolesOf(containers);
}
