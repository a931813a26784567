import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { laterFieldAt, laterFieldFix, laterFieldMessage } from './_later-fields';
import { Building, fromEscapeHatch, Manifest, Unvalidated } from './_manifest';
import { forgetForThisPass, oncePerPass } from './_synth';
import { appendTo, definedOnly, hasKeys, keySafe, listOf, setOwn } from './_plain';
import { Container } from './container';
import { Annotations, Labels } from './labels';
import { NodeSelector } from './node-selector';
import { validateAnnotations, validateLabels } from './validation/metadata';
import { containerPath } from './validation/_shared-text';
import { RESTART_POLICIES, validatePodSpec } from './validation/pod-spec';
import { Problem, RuleReport } from './validation/problem';
import { RuleSettings } from './validation/rules';
import type { IServiceAccount } from './service-account';
import { validatePodServiceAccount } from './validation/service-account';
import { Volume } from './volume';

/** Any container, whatever its ports and env. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a wildcard of the type arguments: unknown or never would not take every container
export type AnyContainer = Container<any, any>;

/**
 * What restarts a Pod's containers when they exit.
 * (`& {}` keeps the name RestartPolicy in the compiler's messages.)
 * @see https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
 */
export type RestartPolicy = (typeof RESTART_POLICIES)[number] & {};

/** Fields of the Kubernetes PodSpec that have a prop of their own; `extraSpec` may not set them. */
export const MODELED_SPEC_FIELDS = [
  'containers', 'initContainers', 'volumes', 'nodeSelector', 'restartPolicy', 'serviceAccountName', 'securityContext', 'tolerations',
] as const;
type ModeledSpecField = (typeof MODELED_SPEC_FIELDS)[number];

// A template's spec as rendered, and the manifest paths (relative to the
// spec) of the escape-hatch fields the k8s types' converters dropped.
interface RenderedSpec {
  readonly spec: Manifest<k8s.PodSpec>;
  readonly dropped: readonly string[];
}

/**
 * Everything that describes a Pod: its labels and its spec. A Pod takes
 * these props, and so does the template of a Deployment or ReplicaSet, so a
 * Pod is written one way wherever it runs.
 */
export interface PodTemplateProps<C extends readonly AnyContainer[] = readonly AnyContainer[]> {
  /**
   * Labels of the Pod. Workloads select their Pods by them, and Services route to them.
   * @default - no labels
   */
  readonly labels?: Labels;
  /**
   * Annotations of the Pod.
   * @default - no annotations
   */
  readonly annotations?: Annotations;
  /**
   * Node labels the Pod requires, emitted exactly as given (`{ gpu: 'true' }`).
   * @default - any node
   */
  readonly nodeSelector?: NodeSelector;
  /**
   * The containers, in order. No two may share a name or a port: they share the Pod's IP.
   * @default - none; add them with addContainer(). A Pod with no container fails synth.
   */
  readonly containers?: C;
  /**
   * Containers that run to completion, one after another, before the others start.
   * @default - none
   */
  readonly initContainers?: readonly AnyContainer[];
  /**
   * Volumes of the Pod. Volumes mounted by a container are added on their
   * own; list one here only to declare it without a mount.
   * @default - the volumes the containers mount
   */
  readonly volumes?: readonly Volume[];
  /**
   * What restarts the containers when they exit.
   * @default - not emitted; Kubernetes uses Always
   */
  readonly restartPolicy?: RestartPolicy;
  /**
   * The ServiceAccount the Pod runs as, by name; prefer `serviceAccount`, which takes the object.
   * @default - not emitted; the namespace's `default` account
   */
  readonly serviceAccountName?: string;
  /**
   * The ServiceAccount the Pod runs as: one of this app (checked to be in
   * the Pod's namespace) or `ServiceAccount.fromName('name')`.
   * @default - not emitted; the namespace's `default` account
   */
  readonly serviceAccount?: IServiceAccount;
  /**
   * Security settings of the whole Pod.
   * @default - not emitted
   * @see https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
   */
  readonly securityContext?: k8s.PodSecurityContext;
  /**
   * Taints of nodes the Pod tolerates.
   * @default - none
   * @see https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
   */
  readonly tolerations?: readonly k8s.Toleration[];
  /**
   * Escape hatch: fields of the Kubernetes PodSpec that Peapod does not model
   * (`affinity`, `hostNetwork`, …). They are emitted as given and validated
   * with the rest; a field Peapod models must be set through its prop.
   * @default - none
   */
  readonly extraSpec?: Omit<Partial<k8s.PodSpec>, ModeledSpecField>;
}

/**
 * The Pod description shared by Pods and workload templates, with the
 * mutators of its lists. Renders the metadata and spec that go into the
 * manifest.
 */
export class PodTemplate {
  // Lists start as listOf() copies and grow with appendTo().
  private containers: AnyContainer[];
  private initContainers: AnyContainer[];
  private volumes: Volume[];
  private readonly labels: Record<string, string>;

  public constructor(private readonly props: PodTemplateProps) {
    this.containers = listOf(props.containers);
    this.initContainers = listOf(props.initContainers);
    this.volumes = listOf(props.volumes);
    this.labels = { ...props.labels };
  }

  /** The Pod's labels. */
  public get podLabels(): Labels {
    return { ...this.labels };
  }

  /** The Pod's containers, in order. */
  public get podContainers(): readonly AnyContainer[] {
    return [...this.containers];
  }

  /** The ServiceAccount object the Pod runs as, if one was given. */
  public get podServiceAccount(): IServiceAccount | undefined {
    return this.props.serviceAccount;
  }

  /** Checks the ServiceAccount the Pod runs as, the Pod being in `namespace` and its spec at `at`. */
  public validateServiceAccount(namespace: string | undefined, at: string, report: RuleReport): void {
    validatePodServiceAccount(this.props.serviceAccount?._forPod(), this.props.serviceAccountName, namespace, at, report);
  }

  /** The Pod's init containers, in order. */
  public get podInitContainers(): readonly AnyContainer[] {
    return [...this.initContainers];
  }

  /** Adds a container after the others. */
  public addContainer(container: AnyContainer): void {
    this.containers = appendTo(this.containers, container);
  }

  /** Adds an init container after the others. */
  public addInitContainer(container: AnyContainer): void {
    this.initContainers = appendTo(this.initContainers, container);
  }

  /** Declares a volume; mounting it in a container does so too. */
  public addVolume(volume: Volume): void {
    this.volumes = appendTo(this.volumes, volume);
  }

  /** Adds or replaces a label. */
  public addLabel(key: string, value: string): void {
    setOwn(this.labels, key, value);
  }

  /**
   * Records every problem of the rendered spec, and of the labels and
   * annotations, in `report`; `at` is the spec's field path in its manifest
   * (`spec`, or `spec.template.spec`, whose metadata is `spec.template.metadata`).
   */
  public validate(spec: unknown, at: string, report: RuleReport): void {
    const metadataAt = at === 'spec' ? 'metadata' : at.replace(/\.spec$/, '.metadata');
    // The labels and annotations the manifest's metadata gets (see metadata()).
    validateLabels(this.labels, `${metadataAt}.labels`, report);
    if (this.props.annotations !== undefined) {
      validateAnnotations(this.props.annotations, `${metadataAt}.annotations`, report);
    }
    for (const key of this.props.extraSpec ? Object.keys(this.props.extraSpec) : []) {
      if ((MODELED_SPEC_FIELDS as readonly string[]).includes(key)) {
        report.error('extra-field-modeled', `${at}.${key}`, `extraSpec sets "${key}", which Peapod models`, `set it with the \`${key}\` prop instead`);
      }
    }
    this.reportShadowedExtraFields(this.containers, 'containers', at, report);
    this.reportShadowedExtraFields(this.initContainers, 'initContainers', at, report);
    const { dropped } = this.rendered();
    // The manifest was rendered before validation; nothing reads the
    // rendering again, so it need not stay in memory through writing.
    forgetForThisPass(this);
    for (const relative of dropped) {
      const field = at + relative;
      const name = field.slice(field.lastIndexOf('.') + 1);
      const later = laterFieldAt(field);
      const message = later ? laterFieldMessage(name, later) : `"${name}" is not a field of the cdk8s-plus-27 k8s types here, so cdk8s would leave it out of the manifest`;
      report.error('unknown-field', field, message, later && laterFieldFix(later));
    }
    // Typed `unknown` as in 0.1; Peapod's callers pass the spec of manifestToValidate's typed manifest.
    validatePodSpec(spec as Unvalidated<k8s.PodSpec>, at, ContainerRulesReport.around(report, at, this.containers, this.initContainers));
  }

  // A container's extraFields that set a field Peapod models, by the container's place in its list.
  private reportShadowedExtraFields(containers: readonly AnyContainer[], list: 'containers' | 'initContainers', at: string, report: RuleReport): void {
    for (let index = 0; index < containers.length; index++) {
      const container = containers[index];
      for (const key of container._shadowedExtraFields()) {
        report.error(
          'extra-field-modeled',
          `${containerPath(at, list, index)}.${key}`,
          `extraFields of container "${container.name}" sets "${key}", which Peapod models`,
          `set it with the container's \`${key === 'volumeMounts' ? 'mounts' : key}\` prop instead`,
        );
      }
    }
  }

  /**
   * The manifest paths of the fields set through `extraSpec`, the
   * containers' `extraFields` and `Volume.fromSource`, under the spec at `at`.
   */
  public escapeHatchFields(at: string): string[] {
    const fields = Object.keys(this.props.extraSpec ?? {}).map((key) => `${at}.${key}`);
    addExtraFieldPaths(fields, at, 'containers', this.containers);
    addExtraFieldPaths(fields, at, 'initContainers', this.initContainers);
    this.allVolumes().forEach((volume, i) => volume._escapeHatchField !== undefined && fields.push(`${at}.volumes[${i}].${volume._escapeHatchField}`));
    return fields;
  }

  /** The metadata labels and annotations, for the manifest. */
  public metadata(): { labels?: { [key: string]: string }; annotations?: { [key: string]: string } } {
    return {
      labels: Object.keys(this.labels).length > 0 ? keySafe({ ...this.labels }) : undefined,
      annotations: this.props.annotations ? keySafe({ ...this.props.annotations }) : undefined,
    };
  }

  /** The spec, for the manifest; during a synth, rendered once for validation and writing alike. */
  public spec(): Manifest<k8s.PodSpec> {
    return this.rendered().spec;
  }

  private rendered(): RenderedSpec {
    return oncePerPass(this, () => this.renderSpec());
  }

  // Built in the manifest's spelling; the values given as the k8s types
  // spell them (securityContext, tolerations, extraSpec, the containers'
  // and volumes' escape hatches) go through their converters, which tell
  // the fields they dropped (see fromEscapeHatch).
  private renderSpec(): RenderedSpec {
    const p = this.props;
    // Dropped fields are reported in this order: the spec's, then the containers', then the init containers'.
    const dropped: string[] = [];
    const extra = p.extraSpec && fromEscapeHatch(p.extraSpec as k8s.PodSpec, 'toJson_PodSpec', '', dropped);
    const volumes = this.allVolumes().map((v, i) => v._toKube(`.volumes[${i}]`, dropped));
    const securityContext = p.securityContext && fromEscapeHatch(p.securityContext, 'toJson_PodSecurityContext', '.securityContext', dropped);
    const tolerations = p.tolerations?.map((toleration, i) => fromEscapeHatch(toleration, 'toJson_Toleration', `.tolerations[${i}]`, dropped));
    // Only the fields set, in the manifest's order, which saves the renderer a sort (see manifestJson).
    const own: Building<Manifest<k8s.PodSpec>> = { containers: this.containers.map((c, i) => c._toKube(`.containers[${i}]`, dropped)) };
    if (this.initContainers.length > 0) own.initContainers = this.initContainers.map((c, i) => c._toKube(`.initContainers[${i}]`, dropped));
    if (p.nodeSelector) own.nodeSelector = keySafe(definedOnly(p.nodeSelector) as { [key: string]: string });
    if (p.restartPolicy !== undefined) own.restartPolicy = p.restartPolicy;
    if (securityContext) own.securityContext = securityContext;
    const serviceAccountName = p.serviceAccount?.name ?? p.serviceAccountName;
    if (serviceAccountName !== undefined) own.serviceAccountName = serviceAccountName;
    if (tolerations) own.tolerations = tolerations;
    if (volumes.length > 0) own.volumes = volumes;
    const spec = extra === undefined ? own : { ...extra, ...own };
    // An extraSpec that sets the containers (an error of its own) reports their fields twice.
    return { spec: spec as Manifest<k8s.PodSpec>, dropped: dropped.length > 1 ? [...new Set(dropped)] : dropped };
  }

  // Declared volumes first, then those first seen in a mount; the same
  // Volume object is listed once however many containers mount it. (Pods
  // have few volumes: looking them up in the list costs less than a Set.)
  private allVolumes(): Volume[] {
    const all = this.volumes.slice();
    const containers = this.initContainers.concat(this.containers);
    for (let i = 0; i < containers.length; i++) {
      const mounts = containers[i].volumeMounts;
      for (let j = 0; j < mounts.length; j++) {
        if (!all.includes(mounts[j].volume)) all.push(mounts[j].volume);
      }
    }
    return all;
  }
}

// Passes problems on to `report`, with the `rules` of the container each
// one is in applied (see withContainerRules).
class ContainerRulesReport extends RuleReport {
  /** `report` itself when no container has rules of its own, as in most Pods. */
  public static around(report: RuleReport, at: string, containers: readonly AnyContainer[], initContainers: readonly AnyContainer[]): RuleReport {
    const settings = containerRuleSettings(at, containers, initContainers);
    return settings === undefined ? report : new ContainerRulesReport(report, settings);
  }

  private constructor(
    private readonly report: RuleReport,
    private readonly settings: ReadonlyMap<string, RuleSettings>,
  ) {
    super(report.construct);
  }

  public add(problem: Problem): void {
    withContainerRules([problem], this.settings).forEach((p) => this.report.add(p));
  }
}

/**
 * The rule settings of the containers (their `rules` prop) of a Pod spec
 * at field path `at`, by the container's field path; `undefined` when no
 * container has any, as in most Pods (asked for every container at every synth). @internal
 */
export function containerRuleSettings(at: string, containers: readonly ContainerSettings[], initContainers: readonly ContainerSettings[]): Map<string, RuleSettings> | undefined {
  let settings: Map<string, RuleSettings> | undefined;
  const add = (list: string, items: readonly ContainerSettings[]) => {
    for (let i = 0; i < items.length; i++) {
      const rules = items[i].rules;
      if (rules !== undefined && hasKeys(rules)) (settings ??= new Map()).set(`${at}.${list}[${i}]`, rules);
    }
  };
  add('containers', containers);
  add('initContainers', initContainers);
  return settings;
}

/** A container's own setting of a rule wins over its Pod's: each problem takes its level and reason, or is dropped. @internal */
export function withContainerRules(problems: readonly Problem[], settings: ReadonlyMap<string, RuleSettings>): Problem[] {
  return problems.flatMap((problem) => {
    const container = /^(.*\.(?:initContainers|containers)\[\d+\])/.exec(problem.field)?.[1];
    const setting = container === undefined ? undefined : settings.get(container)?.[problem.rule];
    return setting === undefined ? [problem] : setting.level === 'off' ? [] : [{ ...problem, severity: setting.level, reason: setting.reason }];
  });
}

/** What the settings of containers are read from: a Container, or any object with its `rules`. */
interface ContainerSettings {
  readonly rules?: RuleSettings;
}

// Adds the paths of the containers' extraFields to `fields`; most containers have none.
function addExtraFieldPaths(fields: string[], at: string, list: 'containers' | 'initContainers', containers: readonly AnyContainer[]): void {
  for (let i = 0; i < containers.length; i++) {
    for (const key of containers[i]._extraFieldKeys()) {
      fields.push(`${at}.${list}[${i}].${key}`);
    }
  }
}
