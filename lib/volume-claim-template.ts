import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { Labels } from './labels';
import type { Manifest } from './_manifest';
import { MemoryQuantity } from './quantity';
import { AccessMode, MountOptions, Volume, VolumeMode, VolumeMount } from './volume';

// The claim template each stand-in volume is for.
const claimOfVolume = new WeakMap<Volume, VolumeClaimTemplate>();

/** The claim template that `volume` stands for in a Pod template, if it is one. @internal */
export function claimTemplateOf(volume: Volume): VolumeClaimTemplate | undefined {
  return claimOfVolume.get(volume);
}

/** Properties of a {@link VolumeClaimTemplate}. */
export interface VolumeClaimTemplateProps {
  /** The storage each Pod's claim asks for (`'10Gi'`). */
  readonly storage: MemoryQuantity;
  /**
   * How the volume may be mounted.
   * @default ['ReadWriteOnce'] - one node mounts it read-write, as a database wants
   */
  readonly accessModes?: readonly AccessMode[];
  /**
   * The StorageClass that provisions the volumes.
   * @default - not emitted; the cluster's default StorageClass
   */
  readonly storageClassName?: string;
  /**
   * Whether the volume holds a file system or is a raw block device.
   * @default - not emitted; Kubernetes uses Filesystem
   */
  readonly volumeMode?: VolumeMode;
  /**
   * Labels of the claims.
   * @default - no labels
   */
  readonly labels?: Labels;
}

/**
 * A PersistentVolumeClaim that a StatefulSet makes for each of its Pods
 * (`data-mysql-0`, `data-mysql-1` …), which keeps the Pod's data when the
 * Pod is replaced. Containers mount it by object, like a volume:
 * `data.mount('/var/lib/mysql')`.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#volume-claim-templates
 */
export class VolumeClaimTemplate {
  // The Pod template sees the claim as a persistentVolumeClaim volume of
  // its name, so its mounts are checked as any other; the StatefulSet
  // leaves that volume out of the manifest, where the claim template stands for it.
  private readonly volume: Volume;

  public constructor(
    /** The claim's name, a DNS-1123 label, which the mounts refer to. */
    public readonly name: string,
    private readonly props: VolumeClaimTemplateProps,
  ) {
    this.volume = Volume.persistentVolumeClaim(name, { name });
    claimOfVolume.set(this.volume, this);
  }

  /** Mounts each Pod's claim in a container at `path`. */
  public mount(path: string, options?: MountOptions): VolumeMount {
    return this.volume.mount(path, options);
  }

  /** @internal */
  public _toKube(): Manifest<k8s.KubePersistentVolumeClaimProps> {
    const p = this.props;
    return {
      metadata: { name: this.name, labels: p.labels ? { ...p.labels } : undefined },
      spec: {
        accessModes: [...(p.accessModes ?? ['ReadWriteOnce'])],
        storageClassName: p.storageClassName,
        volumeMode: p.volumeMode,
        resources: { requests: { storage: p.storage } },
      },
    };
  }
}
