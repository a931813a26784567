import { oncePerPass } from '../_synth';
import { quoteValue } from './_integer';
import { list } from './_json';
import { containerPath } from './_shared-text';

/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads manifests as plain JSON */

/*
 * The security facts of a rendered Pod spec, read once for the production
 * lints (pod-lints.ts) and the Pod Security checks (pod-security.ts): each
 * container with its field path and security context, the Pod's security
 * context and its hostPath volumes. Within a synth or validation pass they
 * are kept per spec object, which the pass renders once, so the two
 * readers walk the spec once between them; outside one they are read anew,
 * as the spec may have changed.
 */

/** The container lists of a Pod spec that the Pod Security checks visit, in the admission's order. */
export const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;
/** One of {@link CONTAINER_LISTS}. */
export type ContainerList = (typeof CONTAINER_LISTS)[number];

/** One container of a Pod spec, with what its checks read. */
export interface ContainerFacts {
  /** The container as rendered. */
  readonly container: any;
  /** Its name, as a string. */
  readonly name: string;
  /** Its list. */
  readonly list: ContainerList;
  /** Its field path, such as `spec.containers[0]`. */
  readonly path: string;
  /** Its security context, or an empty object. */
  readonly securityContext: any;
}

/** What a Pod spec holds that security checks read. */
export interface SecurityFacts {
  /** The Pod's security context, or an empty object. */
  readonly pod: any;
  /** Every container, init container and ephemeral container, in that order. */
  readonly containers: readonly ContainerFacts[];
  /** The hostPath volumes by name, with their place in `volumes`; empty for most Pods. */
  readonly hostPaths: ReadonlyMap<string, { readonly index: number; readonly volume: any }>;
  /** Whether the spec says `os.name: windows`, which some checks exempt. */
  readonly windows: boolean;
}

const NONE = Object.freeze({});
const NO_HOST_PATHS: ReadonlyMap<string, { index: number; volume: any }> = new Map();
/** The security facts of the rendered Pod spec `spec` at field path `at`, read once per spec object and pass. */
export function securityFacts(spec: any, at: string): SecurityFacts {
  if (spec === null || typeof spec !== 'object') {
    return readFacts({}, at);
  }
  return oncePerPass(spec, () => readFacts(spec, at));
}

function readFacts(spec: any, at: string): SecurityFacts {
  const containers: ContainerFacts[] = [];
  for (const name of CONTAINER_LISTS) {
    const entries = list(spec[name]);
    for (let i = 0; i < entries.length; i++) {
      const container = entries[i];
      if (container === null || typeof container !== 'object') {
        continue;
      }
      containers.push({
        container,
        // A name given `as any` may be anything, even an object whose toString throws; the name rule reports it.
        name: typeof container.name === 'string' ? container.name : quoteValue(container.name),
        list: name,
        path: name === 'ephemeralContainers' ? `${at}.${name}[${i}]` : containerPath(at, name, i),
        securityContext: container.securityContext ?? NONE,
      });
    }
  }
  let hostPaths: Map<string, { index: number; volume: any }> | undefined;
  const volumes = list(spec.volumes);
  for (let i = 0; i < volumes.length; i++) {
    const volume = volumes[i];
    if (volume?.hostPath != null) {
      (hostPaths ??= new Map()).set(volume.name, { index: i, volume });
    }
  }
  return {
    pod: spec.securityContext ?? NONE,
    containers,
    hostPaths: hostPaths ?? NO_HOST_PATHS,
    windows: spec.os?.name === 'windows',
  };
}
