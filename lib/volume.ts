import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { Annotations, Labels } from './labels';
import { fromEscapeHatch, Manifest } from './_manifest';
import { MemoryQuantity, Quantity } from './quantity';

/** What a hostPath volume can expect to find on the node. */
export const HOST_PATH_TYPES = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'] as const;
/**
 * What a hostPath volume expects to find on the node.
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#hostpath-volume-types
 */
export type HostPathType = (typeof HOST_PATH_TYPES)[number];

/** The sources a volume can have, by their manifest field names. */
export const VOLUME_SOURCE_KINDS = [
  'emptyDir', 'hostPath', 'configMap', 'secret', 'persistentVolumeClaim', 'projected', 'downwardAPI', 'ephemeral', 'csi', 'image', 'nfs',
  'iscsi', 'fc', 'awsElasticBlockStore', 'gcePersistentDisk', 'azureDisk', 'azureFile', 'cephfs', 'rbd', 'cinder', 'flexVolume', 'flocker',
  'gitRepo', 'glusterfs', 'photonPersistentDisk', 'portworxVolume', 'quobyte', 'scaleIO', 'storageos', 'vsphereVolume',
] as const;
/** The kind of a volume's source, as the manifest names it (`emptyDir`, `downwardAPI`, …). */
export type VolumeSourceKind = (typeof VOLUME_SOURCE_KINDS)[number];

/** Any volume source of the cdk8s-plus-27 k8s types, as {@link Volume.fromSource} takes it. */
export type VolumeSource = Omit<k8s.Volume, 'name'>;

/** The Pod fields a downwardAPI file can hold, besides one label or annotation. */
export const DOWNWARD_API_FIELDS = ['metadata.name', 'metadata.namespace', 'metadata.labels', 'metadata.annotations', 'metadata.uid'] as const;
/** A Pod field a downwardAPI file holds: one of {@link DOWNWARD_API_FIELDS}, or one label or annotation. */
export type DownwardApiField = (typeof DOWNWARD_API_FIELDS)[number] | `metadata.labels['${string}']` | `metadata.annotations['${string}']`;
/** The container resources a downwardAPI file can hold, besides `limits.hugepages-*` and `requests.hugepages-*`. */
export const DOWNWARD_API_RESOURCES = ['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage'] as const;
/** A container resource a downwardAPI file holds. */
export type DownwardApiResource = (typeof DOWNWARD_API_RESOURCES)[number] | `${'limits' | 'requests'}.hugepages-${string}`;
/** How a claim's volume may be mounted. */
export const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'] as const;
/** One of {@link ACCESS_MODES}. */
export type AccessMode = (typeof ACCESS_MODES)[number];
/** Whether a claim is a file system or a raw block device. */
export const VOLUME_MODES = ['Filesystem', 'Block'] as const;
/** One of {@link VOLUME_MODES}. */
export type VolumeMode = (typeof VOLUME_MODES)[number];

// The L1 property names that differ from the manifest's field names.
const L1_SOURCE_NAMES: Readonly<Record<string, VolumeSourceKind>> = { downwardApi: 'downwardAPI', scaleIo: 'scaleIO' };

/** Something with a Kubernetes name: a ConfigMap, Secret or claim of this app, or `{ name }` for one that exists already. */
export interface NamedObject {
  /** The object's `metadata.name`. */
  readonly name: string;
}

/** Options of an emptyDir volume. */
export interface EmptyDirOptions {
  /**
   * `'Memory'` backs the volume with tmpfs, counted against the container's memory.
   * @default - not emitted; the node's disk
   */
  readonly medium?: '' | 'Memory';
  /**
   * The most the volume may hold.
   * @default - no limit
   */
  readonly sizeLimit?: MemoryQuantity;
}

/** Options of a hostPath volume. */
export interface HostPathOptions {
  /**
   * What must exist at the path.
   * @default - not emitted; no check before mounting
   */
  readonly type?: HostPathType;
}

/** A key of a ConfigMap or Secret projected as a file. */
export interface KeyToPath {
  /** The key. */
  readonly key: string;
  /** The file's path, relative to the mount point. */
  readonly path: string;
  /**
   * File mode bits, such as `0o644`.
   * @default - the volume's defaultMode
   */
  readonly mode?: number;
}

/** A file of a downwardAPI volume (or projection) that holds a field of the Pod. */
export interface DownwardApiFieldFile {
  /** The file's path, relative to the mount point. */
  readonly path: string;
  /** The Pod field the file holds, such as `metadata.labels` or `metadata.labels['app']`. */
  readonly field: DownwardApiField;
  /**
   * File mode bits, such as `0o444`.
   * @default - the volume's defaultMode
   */
  readonly mode?: number;
}

/** A file of a downwardAPI volume (or projection) that holds a resource of a container. */
export interface DownwardApiResourceFile {
  /** The file's path, relative to the mount point. */
  readonly path: string;
  /** The container whose resource the file holds: a Container of the Pod, or `{ name }`. */
  readonly container: NamedObject;
  /** The resource, such as `limits.memory`. */
  readonly resource: DownwardApiResource;
  /**
   * The unit the amount is written in, such as `1Mi`.
   * @default - not emitted; 1 (cores for cpu, bytes for memory)
   */
  readonly divisor?: Quantity;
  /**
   * File mode bits, such as `0o444`.
   * @default - the volume's defaultMode
   */
  readonly mode?: number;
}

/** A file of a downwardAPI volume or projection. */
export type DownwardApiFile = DownwardApiFieldFile | DownwardApiResourceFile;

/** Options of a downwardAPI or projected volume. */
export interface FileModeOptions {
  /**
   * Mode bits of the files, such as `0o444`.
   * @default - not emitted; Kubernetes uses 0644
   */
  readonly defaultMode?: number;
}

/** Options of a ConfigMap or Secret in a projected volume. */
export interface KeyProjectionOptions {
  /**
   * Only these keys, at these paths.
   * @default - every key, as a file named after it
   */
  readonly items?: readonly KeyToPath[];
  /**
   * Whether the Pod may start when the object or a listed key is missing.
   * @default - not emitted; the Pod waits for it
   */
  readonly optional?: boolean;
}

/** Options of a ConfigMap or Secret volume: its keys, as in a projected volume, and the mode bits of its files. */
export interface ProjectionOptions extends KeyProjectionOptions, FileModeOptions {}

/** A token of the Pod's ServiceAccount in a projected volume. */
export interface ServiceAccountTokenOptions {
  /** The file's path, relative to the mount point, such as `token`. */
  readonly path: string;
  /**
   * Who the token is for; the receiver checks it.
   * @default - not emitted; the API server's own audience
   */
  readonly audience?: string;
  /**
   * Seconds until the kubelet renews the token, 600 or more.
   * @default - not emitted; 3600 (one hour)
   */
  readonly expirationSeconds?: number;
}

/**
 * One source of a projected volume: a ServiceAccount token, the keys of a
 * ConfigMap or Secret, or Pod fields. Give them to {@link Volume.projected}.
 *
 * @see https://kubernetes.io/docs/concepts/storage/projected-volumes/
 */
export class VolumeProjection {
  /** A token of the Pod's ServiceAccount, renewed by the kubelet. */
  public static serviceAccountToken(options: ServiceAccountTokenOptions): VolumeProjection {
    return new VolumeProjection({ serviceAccountToken: { path: options.path, audience: options.audience, expirationSeconds: options.expirationSeconds } });
  }

  /** The keys of a ConfigMap, as files. */
  public static configMap(configMap: NamedObject, options: KeyProjectionOptions = {}): VolumeProjection {
    return new VolumeProjection({ configMap: { name: configMap.name, items: keyToPaths(options.items), optional: options.optional } });
  }

  /** The keys of a Secret, as files. */
  public static secret(secret: NamedObject, options: KeyProjectionOptions = {}): VolumeProjection {
    return new VolumeProjection({ secret: { name: secret.name, items: keyToPaths(options.items), optional: options.optional } });
  }

  /** Fields of the Pod and resources of its containers, as files. */
  public static downwardAPI(files: readonly DownwardApiFile[]): VolumeProjection {
    return new VolumeProjection({ downwardAPI: { items: downwardApiFiles(files) } });
  }

  private constructor(private readonly source: Manifest<k8s.VolumeProjection>) {}

  /** @internal */
  public _toKube(): Manifest<k8s.VolumeProjection> {
    return this.source;
  }
}

/** Options of a generic ephemeral volume: the claim created with the Pod and deleted with it. */
export interface EphemeralVolumeOptions {
  /** How the volume may be mounted, such as `['ReadWriteOnce']`. */
  readonly accessModes: readonly AccessMode[];
  /** The size the claim requests, such as `'1Gi'`. */
  readonly storage: MemoryQuantity;
  /**
   * The StorageClass that provisions the volume.
   * @default - not emitted; the cluster's default class
   */
  readonly storageClassName?: string;
  /**
   * A file system, or a raw block device.
   * @default - not emitted; Filesystem
   */
  readonly volumeMode?: VolumeMode;
  /**
   * Labels of the claim.
   * @default - no labels
   */
  readonly labels?: Labels;
  /**
   * Annotations of the claim.
   * @default - no annotations
   */
  readonly annotations?: Annotations;
}

/** Options of a CSI volume. */
export interface CsiVolumeOptions {
  /**
   * Mount read-only in every container.
   * @default - not emitted; the driver decides, usually read-write
   */
  readonly readOnly?: boolean;
  /**
   * The file system to mount, such as `ext4`.
   * @default - not emitted; the driver's default
   */
  readonly fsType?: string;
  /**
   * Settings the driver reads, such as `{ secretProviderClass: 'vault-db' }`.
   * @default - none
   */
  readonly volumeAttributes?: { readonly [key: string]: string };
  /**
   * A Secret with credentials the driver needs to mount the volume.
   * @default - none
   */
  readonly nodePublishSecret?: NamedObject;
}

/** Options of an NFS volume. */
export interface NfsVolumeOptions {
  /**
   * Mount the export read-only in every container.
   * @default - not emitted; read-write
   */
  readonly readOnly?: boolean;
}

/** Options of a persistentVolumeClaim volume. */
export interface ClaimOptions {
  /**
   * Mount the claim read-only in every container.
   * @default - not emitted; read-write
   */
  readonly readOnly?: boolean;
}

/** Options of a volume mount. */
export interface MountOptions {
  /**
   * Mount read-only.
   * @default - not emitted; read-write
   */
  readonly readOnly?: boolean;
  /**
   * Mount only this path inside the volume; relative, without `..`.
   * @default - the whole volume
   */
  readonly subPath?: string;
}

/**
 * A volume of a Pod, shared by its containers. Containers mount it with
 * {@link Volume.mount}, which takes this object rather than a name, so a
 * mount cannot name a volume that does not exist; mounting a volume adds it
 * to the Pod.
 *
 * @see https://kubernetes.io/docs/concepts/storage/volumes/
 */
export class Volume {
  /** Scratch space that lives as long as the Pod. */
  public static emptyDir(name: string, options: EmptyDirOptions = {}): Volume {
    return new Volume(name, 'emptyDir', { emptyDir: { medium: options.medium, sizeLimit: options.sizeLimit } });
  }

  /** A file or directory of the node; survives the Pod but ties it to the node's contents. */
  public static hostPath(name: string, path: string, options: HostPathOptions = {}): Volume {
    return new Volume(name, 'hostPath', { hostPath: { path, type: options.type } });
  }

  /** The keys of a ConfigMap, as files. */
  public static configMap(name: string, configMap: NamedObject, options: ProjectionOptions = {}): Volume {
    return new Volume(name, 'configMap', {
      configMap: { name: configMap.name, items: keyToPaths(options.items), defaultMode: options.defaultMode, optional: options.optional },
    });
  }

  /** The keys of a Secret, as files. */
  public static secret(name: string, secret: NamedObject, options: ProjectionOptions = {}): Volume {
    return new Volume(name, 'secret', {
      secret: { secretName: secret.name, items: keyToPaths(options.items), defaultMode: options.defaultMode, optional: options.optional },
    });
  }

  /** Durable storage through a PersistentVolumeClaim. */
  public static persistentVolumeClaim(name: string, claim: NamedObject, options: ClaimOptions = {}): Volume {
    return new Volume(name, 'persistentVolumeClaim', { persistentVolumeClaim: { claimName: claim.name, readOnly: options.readOnly } });
  }

  /**
   * Several sources in one directory: ServiceAccount tokens, ConfigMap and
   * Secret keys, Pod fields ({@link VolumeProjection}).
   * @see https://kubernetes.io/docs/concepts/storage/projected-volumes/
   */
  public static projected(name: string, sources: readonly VolumeProjection[], options: FileModeOptions = {}): Volume {
    return new Volume(name, 'projected', { projected: { sources: sources.map((source) => source._toKube()), defaultMode: options.defaultMode } });
  }

  /**
   * Fields of the Pod (its name, labels, annotations) and resources of its containers, as files.
   * @see https://kubernetes.io/docs/concepts/workloads/pods/downward-api/
   */
  public static downwardAPI(name: string, files: readonly DownwardApiFile[], options: FileModeOptions = {}): Volume {
    return new Volume(name, 'downwardAPI', { downwardAPI: { items: downwardApiFiles(files), defaultMode: options.defaultMode } });
  }

  /**
   * A generic ephemeral volume: a PersistentVolumeClaim made for the Pod
   * (named after the Pod and the volume) and deleted with it.
   * @see https://kubernetes.io/docs/concepts/storage/ephemeral-volumes/#generic-ephemeral-volumes
   */
  public static ephemeral(name: string, options: EphemeralVolumeOptions): Volume {
    const metadata = options.labels !== undefined || options.annotations !== undefined ? { labels: options.labels && { ...options.labels }, annotations: options.annotations && { ...options.annotations } } : undefined;
    return new Volume(name, 'ephemeral', {
      ephemeral: {
        volumeClaimTemplate: {
          metadata,
          spec: {
            accessModes: [...options.accessModes],
            storageClassName: options.storageClassName,
            volumeMode: options.volumeMode,
            resources: { requests: { storage: options.storage } },
          },
        },
      },
    });
  }

  /**
   * A volume of a CSI driver, such as a secrets-store driver.
   * @see https://kubernetes.io/docs/concepts/storage/volumes/#csi-ephemeral-volumes
   */
  public static csi(name: string, driver: string, options: CsiVolumeOptions = {}): Volume {
    return new Volume(name, 'csi', {
      csi: {
        driver,
        readOnly: options.readOnly,
        fsType: options.fsType,
        volumeAttributes: options.volumeAttributes && { ...options.volumeAttributes },
        nodePublishSecretRef: options.nodePublishSecret && { name: options.nodePublishSecret.name },
      },
    });
  }

  /**
   * An export of an NFS server; `path` is the exported path, from the root.
   * @see https://kubernetes.io/docs/concepts/storage/volumes/#nfs
   */
  public static nfs(name: string, server: string, path: string, options: NfsVolumeOptions = {}): Volume {
    return new Volume(name, 'nfs', { nfs: { server, path, readOnly: options.readOnly } });
  }

  /**
   * Any other source (iscsi, fc, cephfs, …), written as the cdk8s-plus-27
   * k8s types spell it (`downwardApi`, `scaleIo`). It is emitted as given
   * and validated with the rest of the Pod; it must set exactly one source.
   */
  public static fromSource(name: string, source: VolumeSource): Volume {
    const kinds = Object.keys(source).filter((key) => (source as Record<string, unknown>)[key] != null);
    const kind = kinds.length === 1 ? (Object.hasOwn(L1_SOURCE_NAMES, kinds[0]) ? L1_SOURCE_NAMES[kinds[0]] : kinds[0]) : undefined;
    if (kind === undefined || !(VOLUME_SOURCE_KINDS as readonly string[]).includes(kind)) {
      throw new Error(
        `Volume.fromSource("${name}"): the source has ${kinds.length === 0 ? 'no volume type' : kinds.length === 1 ? `"${kinds[0]}", which is not a volume type` : `${kinds.length} volume types (${kinds.join(', ')})`}; give exactly one, such as { emptyDir: {} }`,
      );
    }
    return new Volume(name, kind as VolumeSourceKind, undefined, copyPlain(source) as VolumeSource);
  }

  private constructor(
    /** The volume's name in the Pod. */
    public readonly name: string,
    /** The kind of source: `emptyDir`, `hostPath`, … */
    public readonly kind: VolumeSourceKind,
    private readonly source: Manifest<VolumeSource> | undefined,
    // A source given as the k8s types spell it (fromSource), rendered by their converter.
    private readonly givenSource?: VolumeSource,
  ) {}

  /** The source's field (`iscsi`) when it was given through {@link Volume.fromSource}, an escape hatch. @internal */
  public get _escapeHatchField(): string | undefined {
    return this.givenSource === undefined ? undefined : this.kind;
  }

  /** Mounts this volume in a container at `path`. */
  public mount(path: string, options: MountOptions = NO_OPTIONS): VolumeMount {
    return new VolumeMount(this, path, options);
  }

  /**
   * The volume as its manifest holds it; the paths of fields of a
   * `fromSource` source that the k8s types do not know are added to
   * `dropped`, relative to the volume's path `at`. @internal
   */
  public _toKube(at = '', dropped: string[] = []): Manifest<k8s.Volume> {
    if (this.givenSource !== undefined) {
      return fromEscapeHatch({ name: this.name, ...this.givenSource }, 'toJson_Volume', at, dropped);
    }
    return { name: this.name, ...this.source };
  }
}

/** A volume mounted at a path of a container; made by {@link Volume.mount}. */
export class VolumeMount {
  /** @internal */
  constructor(
    /** The mounted volume. */
    public readonly volume: Volume,
    /** Where the volume appears in the container. */
    public readonly path: string,
    /** How it is mounted. */
    public readonly options: MountOptions,
  ) {}

  /** @internal */
  public _toKube(): Manifest<k8s.VolumeMount> {
    return { mountPath: this.path, name: this.volume.name, readOnly: this.options.readOnly, subPath: this.options.subPath };
  }
}

// The options of the many mounts that set none.
const NO_OPTIONS: MountOptions = Object.freeze({});

/**
 * A copy of the plain objects and arrays of `value`, keeping class instances
 * (`k8s.Quantity`, `k8s.IntOrString`) as they are. The copy is the volume's
 * own, so a later change to the caller's object does not reach it; and its
 * objects are of this realm, which cdk8s's resolver needs to look into them
 * (it tests `constructor == Object`), even when the source was built in
 * another V8 context, as the import's round trip builds it.
 */
function copyPlain(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(copyPlain);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && proto.constructor?.name !== 'Object') {
    return value;
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyPlain(item)]));
}

function keyToPaths(items: readonly KeyToPath[] | undefined): Manifest<k8s.KeyToPath>[] | undefined {
  return items?.map((item) => ({ key: item.key, path: item.path, mode: item.mode }));
}

function downwardApiFiles(files: readonly DownwardApiFile[]): Manifest<k8s.DownwardApiVolumeFile>[] {
  return files.map((file) =>
    'field' in file
      ? { path: file.path, fieldRef: { fieldPath: file.field }, mode: file.mode }
      : {
          path: file.path,
          resourceFieldRef: { containerName: file.container.name, resource: file.resource, divisor: file.divisor },
          mode: file.mode,
        },
  );
}

