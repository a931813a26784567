import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { oncePerPass } from '../_synth';
import { quoteValue } from './_integer';
import { listAt, objectAt } from './_json';
import { containerPath } from './_shared-text';

/*
 * The security facts of a rendered Pod spec, read once for the production
 * lints (pod-lints.ts) and the Pod Security checks (pod-security.ts): each
 * container with its field path and security context, the Pod's security
 * context and its hostPath volumes. Within a synth or validation pass they
 * are kept per spec object, which the pass renders once, so the two
 * readers walk the spec once between them; outside one they are read anew,
 * as the spec may have changed.
 *
 * Any JSON is read without throwing (see pod-security.ts): the objects
 * here are objects, typed as their shapes say; the lists in them are read
 * with listAt.
 */

/** The container lists of a Pod spec that the Pod Security checks visit, in the admission's order. */
export const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;
/** One of {@link CONTAINER_LISTS}. */
export type ContainerList = (typeof CONTAINER_LISTS)[number];

/** One container of a Pod spec, with what its checks read. */
export interface ContainerFacts {
  /** The container as rendered; `restartPolicy` makes an init container a sidecar (Kubernetes 1.28, not in the 1.27 shape). */
  readonly container: Unvalidated<k8s.Container> & { readonly restartPolicy?: string };
  /** Its name, as a string. */
  readonly name: string;
  /** Its list. */
  readonly list: ContainerList;
  /** Its field path, such as `spec.containers[0]`. */
  readonly path: string;
  /** Its security context, or an empty object. */
  readonly securityContext: Unvalidated<k8s.SecurityContext>;
}

/** What a Pod spec holds that security checks read. */
export interface SecurityFacts {
  /** The Pod's security context, or an empty object. */
  readonly pod: Unvalidated<k8s.PodSecurityContext>;
  /** Every container, init container and ephemeral container, in that order. */
  readonly containers: readonly ContainerFacts[];
  /** The hostPath volumes by name, with their place in `volumes`; empty for most Pods. */
  readonly hostPaths: ReadonlyMap<string, { readonly index: number; readonly volume: HostPathVolume }>;
  /** Whether the spec says `os.name: windows`, which some checks exempt. */
  readonly windows: boolean;
}

/** A volume with a hostPath. */
type HostPathVolume = Unvalidated<k8s.Volume> & { readonly hostPath: Unvalidated<k8s.HostPathVolumeSource> };

const NO_HOST_PATHS: SecurityFacts['hostPaths'] = new Map();
/** The security facts of the rendered Pod spec `spec` at field path `at`, read once per spec object and pass. */
export function securityFacts(spec: unknown, at: string): SecurityFacts {
  return spec !== null && typeof spec === 'object' ? oncePerPass(spec, () => readFacts(objectAt(spec), at)) : readFacts({}, at);
}

function readFacts(spec: Unvalidated<k8s.PodSpec>, at: string): SecurityFacts {
  const containers: ContainerFacts[] = [];
  for (const name of CONTAINER_LISTS) {
    listAt(spec[name]).forEach((container, i) => {
      if (container !== null && typeof container === 'object') {
        const { name: given, securityContext } = container as Unvalidated<k8s.Container>;
        containers.push({
          container,
          // A name given `as any` may be anything, even an object whose toString throws; the name rule reports it.
          name: typeof given === 'string' ? given : quoteValue(given),
          list: name,
          path: name === 'ephemeralContainers' ? `${at}.${name}[${i}]` : containerPath(at, name, i),
          securityContext: objectAt(securityContext),
        });
      }
    });
  }
  let hostPaths: Map<string, { index: number; volume: HostPathVolume }> | undefined;
  listAt(spec.volumes).forEach((given, i) => {
    const volume: Unvalidated<k8s.Volume> = objectAt(given);
    if (volume.hostPath != null) {
      (hostPaths ??= new Map()).set(volume.name!, { index: i, volume: volume as HostPathVolume });
    }
  });
  return { pod: objectAt(spec.securityContext), containers, hostPaths: hostPaths ?? NO_HOST_PATHS, windows: objectAt(spec.os).name === 'windows' };
}
