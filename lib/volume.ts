import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { MemoryQuantity, toKubeQuantity } from './quantity';

/**
 * What a hostPath volume expects to find on the node.
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#hostpath-volume-types
 */
export type HostPathType = '' | 'DirectoryOrCreate' | 'Directory' | 'FileOrCreate' | 'File' | 'Socket' | 'CharDevice' | 'BlockDevice';

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

/** Options of a ConfigMap or Secret volume. */
export interface ProjectionOptions {
  /**
   * Only these keys, at these paths.
   * @default - every key, as a file named after it
   */
  readonly items?: readonly KeyToPath[];
  /**
   * Mode bits of the files, such as `0o440`.
   * @default - not emitted; Kubernetes uses 0644
   */
  readonly defaultMode?: number;
  /**
   * Whether the Pod may start when the object or a listed key is missing.
   * @default - not emitted; the Pod waits for it
   */
  readonly optional?: boolean;
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
    const sizeLimit = options.sizeLimit === undefined ? undefined : toKubeQuantity(options.sizeLimit);
    return new Volume(name, 'emptyDir', { emptyDir: { medium: options.medium, sizeLimit } });
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

  private constructor(
    /** The volume's name in the Pod. */
    public readonly name: string,
    /** The kind of source: `emptyDir`, `hostPath`, … */
    public readonly kind: 'emptyDir' | 'hostPath' | 'configMap' | 'secret' | 'persistentVolumeClaim',
    private readonly source: Omit<k8s.Volume, 'name'>,
  ) {}

  /** Mounts this volume in a container at `path`. */
  public mount(path: string, options: MountOptions = NO_OPTIONS): VolumeMount {
    return new VolumeMount(this, path, options);
  }

  /** @internal */
  public _toKube(): k8s.Volume {
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
  public _toKube(): k8s.VolumeMount {
    return { name: this.volume.name, mountPath: this.path, readOnly: this.options.readOnly, subPath: this.options.subPath };
  }
}

// The options of the many mounts that set none.
const NO_OPTIONS: MountOptions = Object.freeze({});

function keyToPaths(items: readonly KeyToPath[] | undefined): k8s.KeyToPath[] | undefined {
  return items?.map((item) => ({ key: item.key, path: item.path, mode: item.mode }));
}

