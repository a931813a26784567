import type { ApiObject } from 'cdk8s';
import { withSharedShapes } from './_plain';
import { withFastYaml } from './_yaml';

/*
 * What makes one `App.synth()` fast without changing what it writes:
 * manifests serialized by Peapod's YAML writer; each ApiObject rendered
 * once, although both validation and the writer read it; and each
 * construct checked once, although cdk8s validates the whole app again for
 * every chart it writes.
 */

// Set only while a synth or a validation pass (App.problems()) runs. Between
// cdk8s's validation passes and its writing pass no user code runs that
// could change a construct, so what was computed for the first pass holds
// for the rest.
let results: WeakMap<object, unknown> | undefined;

/** Runs one synth of an app (`body` calls cdk8s's `App.synth()`), or one validation pass. */
export function withSynthCaches<T>(body: () => T): T {
  if (results !== undefined) {
    return withFastYaml(body);
  }
  results = new WeakMap();
  try {
    return withFastYaml(body);
  } finally {
    results = undefined;
  }
}

/**
 * `compute()` the first time `owner` asks during a synth, the same result
 * after that (one result per owner); outside a synth, `compute()` every
 * time, so a test that changes a construct and renders it again sees the
 * change. Callers must not mutate the result.
 */
export function oncePerSynth<T>(owner: object, compute: () => T): T {
  if (results === undefined) {
    return compute();
  }
  const cached = results.get(owner);
  if (cached !== undefined || results.has(owner)) {
    return cached as T;
  }
  const result = compute();
  results.set(owner, result);
  return result;
}

/**
 * Drops what `owner` computed in this synth, once no one will ask for it
 * again, so that it need not stay in memory until the synth ends; were
 * it asked for after all, it would be computed anew.
 */
export function forgetForThisSynth(owner: object): void {
  results?.delete(owner);
}

/**
 * The L1 class `base` (`k8s.KubePod`, `k8s.KubeDeployment`…), rendering its
 * manifest once per synth: validation reads the manifest and synth writes
 * it, and cdk8s validates the app more than once before writing. What it
 * renders is copied into objects quick to read (see withSharedShapes).
 * Outside a synth it renders anew every time, as `base` does.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's constructor must take any[]
export function renderedOnce<B extends new (...args: any[]) => ApiObject>(base: B): B {
  return class RenderedOnce extends base {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as the mixin's
    public constructor(...args: any[]) {
      super(...args);
      // The L1 class spreads its kind and props into one object
      // (`{ ...GVK, ...props }`), which V8 gives a hidden class of its own
      // for every object: about 200 bytes a Pod, kept as long as the app.
      // A copy built key by key, in the same order, shares one class.
      const self = this as unknown as { props: Record<string, unknown> };
      self.props = copiedKeyByKey(self.props);
    }

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ApiObject.toJson() returns any
    public toJson(): any {
      return oncePerSynth(this, () => withSharedShapes(super.toJson()));
    }
  };
}

function copiedKeyByKey(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    copy[key] = value[key];
  }
  return copy;
}
