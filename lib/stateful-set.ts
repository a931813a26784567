import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Manifest, Unvalidated } from './_manifest';
import { Construct } from 'constructs';
import { unlessEmpty } from './_kind-object';
import { selects } from './_app-pods';
import { AnyContainer } from './pod-template';
import { PodCount } from './deployment';
import { PortNames, Ports } from './port';
import { ISelectablePods, labelText, PodsByNameOptions, PodSelector } from './selectable-pods';
import { Service } from './service';
import { manifestToValidate } from './validation/escape-hatch';
import { dns1123LabelError } from './validation/names';
import { RuleReport } from './validation/problem';
import { CLAIM_RETENTION_POLICIES, POD_MANAGEMENT_POLICIES, validateGoverningService, validateStatefulSet } from './validation/stateful-set';
import { claimTemplateOf, VolumeClaimTemplate } from './volume-claim-template';
import { Workload, WorkloadProps } from './workload';

/**
 * Whether a StatefulSet starts and stops its Pods one at a time, in order, or all at once.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#pod-management-policies
 */
export type PodManagementPolicy = (typeof POD_MANAGEMENT_POLICIES)[number];

/** Whether the claims of a StatefulSet's Pods are kept or deleted. */
export type ClaimRetentionPolicy = (typeof CLAIM_RETENTION_POLICIES)[number];

/** What happens to the claims the volume claim templates made. */
export interface ClaimRetention {
  /**
   * When the StatefulSet is deleted.
   * @default - not emitted; Kubernetes uses Retain: the data outlives the StatefulSet
   */
  readonly whenDeleted?: ClaimRetentionPolicy;
  /**
   * When the StatefulSet is scaled down, for the Pods removed.
   * @default - not emitted; Kubernetes uses Retain
   */
  readonly whenScaled?: ClaimRetentionPolicy;
}

/** Options of a StatefulSet's rolling update. */
export interface StatefulSetRollingUpdateOptions {
  /**
   * Only Pods with an ordinal at least this are updated; the others keep the old template (a canary).
   * @default - not emitted; Kubernetes uses 0: every Pod
   */
  readonly partition?: number;
  /**
   * How many Pods may be unavailable during the update (a count or a percentage, more than 0).
   * @default - not emitted; Kubernetes uses 1
   */
  readonly maxUnavailable?: PodCount;
}

/**
 * How a StatefulSet replaces its Pods when the template changes.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#update-strategies
 */
export class StatefulSetUpdateStrategy {
  /** Replaces the Pods one at a time, from the highest ordinal down. */
  public static rollingUpdate(options: StatefulSetRollingUpdateOptions = {}): StatefulSetUpdateStrategy {
    const rollingUpdate = unlessEmpty({ partition: options.partition, maxUnavailable: options.maxUnavailable });
    return new StatefulSetUpdateStrategy({ type: 'RollingUpdate', rollingUpdate });
  }

  /** Leaves running Pods alone; a Pod gets the new template when it is deleted. */
  public static onDelete(): StatefulSetUpdateStrategy {
    return new StatefulSetUpdateStrategy({ type: 'OnDelete' });
  }

  private constructor(private readonly strategy: Manifest<k8s.StatefulSetUpdateStrategy>) {}

  /** @internal */
  public _toKube(): Manifest<k8s.StatefulSetUpdateStrategy> {
    return this.strategy;
  }
}

/** Properties of a {@link StatefulSet}. */
export interface StatefulSetProps<C extends readonly AnyContainer[] = readonly AnyContainer[]> extends WorkloadProps<C> {
  /**
   * The headless Service that gives each Pod a stable DNS name
   * (`mysql-0.mysql`), its `serviceName`. Synth checks that it is headless,
   * in the StatefulSet's namespace, and selects its Pods.
   * @default - a headless Service named like the StatefulSet is made (child id `Service`), without ports (its DNS names need none)
   */
  readonly service?: Service;
  /**
   * Claims made for each Pod, kept when the Pod is replaced; containers
   * mount them by object (`data.mount('/var/lib/mysql')`), and a claim
   * template mounted is added on its own, as a volume is.
   * @default - the claim templates the containers mount
   */
  readonly volumeClaimTemplates?: readonly VolumeClaimTemplate[];
  /**
   * Whether Pods are started and stopped one at a time, in order, or all at once.
   * @default - not emitted; Kubernetes uses OrderedReady
   */
  readonly podManagementPolicy?: PodManagementPolicy;
  /**
   * How Pods are replaced when the template changes.
   * @default - not emitted; Kubernetes rolls over one Pod at a time
   */
  readonly updateStrategy?: StatefulSetUpdateStrategy;
  /**
   * Whether the claims are deleted with the StatefulSet, or when it scales down.
   * @default - not emitted; Kubernetes retains them
   */
  readonly persistentVolumeClaimRetentionPolicy?: ClaimRetention;
  /**
   * How many old revisions to keep for rollbacks.
   * @default - not emitted; Kubernetes keeps 10
   */
  readonly revisionHistoryLimit?: number;
  /**
   * The ordinal of the first Pod (`mysql-5` for 5), `spec.ordinals.start`.
   * @default - not emitted; Pods count from 0
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#start-ordinal
   */
  readonly startOrdinal?: number;
}

/**
 * Pods with an identity: each has a stable name (`mysql-0`), a stable DNS
 * name through the governing headless Service, and its own volume claims
 * that outlive it. For databases and other peers that are not
 * interchangeable. Renders an `apps/v1` `StatefulSet`; its selector is the
 * template's own labels.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/
 */
export class StatefulSet<const C extends readonly AnyContainer[] = readonly AnyContainer[]> extends Workload<C, StatefulSetProps<C>> {
  /** A StatefulSet applied some other way, to select its Pods by; see `Deployment.fromName`. */
  public static fromName<const P extends Ports = Ports>(name: string, options: PodsByNameOptions<P>): ISelectablePods<PortNames<P>> {
    return PodSelector._byName('StatefulSet', name, options);
  }

  /** The governing Service: the one given, or the one made. */
  public readonly service: Service;

  private readonly claims: VolumeClaimTemplate[];

  public constructor(scope: Construct, id: string, props: StatefulSetProps<C>) {
    super(scope, id, props, 'StatefulSet');
    this.claims = [...(props.volumeClaimTemplates ?? [])];
    this.service = props.service ?? new Service(this, 'Service', { name: this.name, headless: true, target: this });
  }

  /** @internal */
  protected _spec(): Manifest<k8s.StatefulSetSpec> {
    const props = this.props;
    const common = super._spec();
    return {
      ...common,
      template: { ...common.template, spec: common.template.spec && this.withoutClaimVolumes(common.template.spec) },
      serviceName: this.service.name,
      volumeClaimTemplates: this.allClaims().length > 0 ? this.allClaims().map((claim) => claim._toKube()) : undefined,
      podManagementPolicy: props.podManagementPolicy,
      updateStrategy: props.updateStrategy?._toKube(),
      persistentVolumeClaimRetentionPolicy: props.persistentVolumeClaimRetentionPolicy ? { ...props.persistentVolumeClaimRetentionPolicy } : undefined,
      revisionHistoryLimit: props.revisionHistoryLimit,
      ordinals: props.startOrdinal === undefined ? undefined : { start: props.startOrdinal },
    };
  }

  /** Adds a volume claim template after the others. */
  public addVolumeClaimTemplate(claim: VolumeClaimTemplate): this {
    this.claims.push(claim);
    return this;
  }

  /** @internal */
  protected _validateKind(manifest: Unvalidated<k8s.KubeStatefulSetProps>, report: RuleReport): void {
    validateStatefulSet(manifest, report);
    const service = manifestToValidate<k8s.KubeServiceProps>(this.service.apiObject).manifest;
    const selector = service.spec?.selector ?? {};
    validateGoverningService(
      {
        path: this.service.node.path,
        name: this.service.name,
        headless: service.spec?.clusterIP === 'None',
        sameNamespace: this.service.apiObject.metadata.namespace === this.apiObject.metadata.namespace,
        selectsPods: selects(selector, this.template.podLabels),
        selector: labelText(selector),
      },
      report,
    );
  }

  /** The manifest's Pod spec with the volumes the claim templates stand for. @internal */
  protected _podSpecToValidate(manifest: Unvalidated<k8s.KubeStatefulSetProps>): Unvalidated<k8s.PodSpec> {
    const spec = manifest.spec?.template?.spec ?? {};
    const claims = this.allClaims();
    if (claims.length === 0) {
      return spec;
    }
    // One per valid name: the claim templates' own rule reports the others.
    const names = new Set(claims.map((claim) => claim.name).filter((name) => dns1123LabelError(name) === undefined));
    const standIns = [...names].map((name) => ({ name, persistentVolumeClaim: { claimName: name } }));
    return { ...spec, volumes: [...(spec.volumes ?? []), ...standIns] };
  }

  // The claim templates declared, then those first seen in a mount, as volumes are.
  private allClaims(): VolumeClaimTemplate[] {
    const all = [...this.claims];
    for (const container of [...this.template.podInitContainers, ...this.template.podContainers]) {
      for (const mount of container.volumeMounts) {
        const claim = claimTemplateOf(mount.volume);
        if (claim !== undefined && !all.includes(claim)) {
          all.push(claim);
        }
      }
    }
    return all;
  }

  // The claim templates take the place of the volumes that stand for them in the Pod template.
  private withoutClaimVolumes(spec: Manifest<k8s.PodSpec>): Manifest<k8s.PodSpec> {
    const names = new Set(this.allClaims().map((claim) => claim.name));
    const volumes = spec.volumes?.filter((volume) => !(names.has(volume.name) && volume.persistentVolumeClaim?.claimName === volume.name));
    return { ...spec, volumes: volumes !== undefined && volumes.length > 0 ? volumes : undefined };
  }
}
