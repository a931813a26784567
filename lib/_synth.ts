import type { ApiObject } from 'cdk8s';
import { withExactKeys } from './_plain';

/*
 * One synth or validation pass renders each ApiObject once and checks each
 * construct once: validation reads the manifests, the writer writes the
 * same ones. Between validation and writing no user code runs that could
 * change a construct, so what the pass computed holds until it ends.
 */

interface Pass {
  // What constructs computed during the pass, by owner (see oncePerPass).
  readonly results: WeakMap<object, unknown>;
  // Each ApiObject's manifest, rendered at most once.
  readonly manifests: WeakMap<ApiObject, unknown>;
}

let pass: Pass | undefined;

/** Runs `body` as one synth or validation pass; nested calls join the pass already running. */
export function withinOnePass<T>(body: () => T): T {
  if (pass !== undefined) {
    return body();
  }
  pass = { results: new WeakMap(), manifests: new WeakMap() };
  try {
    return body();
  } finally {
    pass = undefined;
  }
}

/**
 * `compute()` the first time `owner` asks during a pass, the same result
 * after that (one result per owner); outside a pass, `compute()` every
 * time, so a test that changes a construct and renders it again sees the
 * change. Callers must not mutate the result. (Facts about the whole app,
 * named by a string, are `_appFactOncePerPass` in validation/engine.ts.)
 */
export function oncePerPass<T>(owner: object, compute: () => T): T {
  if (pass === undefined) {
    return compute();
  }
  const cached = pass.results.get(owner);
  if (cached !== undefined || pass.results.has(owner)) {
    return cached as T;
  }
  const result = compute();
  pass.results.set(owner, result);
  return result;
}

/**
 * Drops what `owner` computed in this pass, once no one will ask for it
 * again, so that it need not stay in memory until the pass ends; were
 * it asked for after all, it would be computed anew.
 */
export function forgetForThisPass(owner: object): void {
  pass?.results.delete(owner);
}

/**
 * The manifest of `apiObject` (its `toJson()`, with the keys cdk8s cannot
 * hold given back, see keySafe): within a pass rendered once, for
 * validation and the writer alike; outside one, anew every time. Callers
 * must not mutate it.
 */
export function renderedManifest(apiObject: ApiObject): unknown {
  let manifest = pass?.manifests.get(apiObject);
  if (manifest === undefined) {
    manifest = withExactKeys(apiObject.toJson());
    pass?.manifests.set(apiObject, manifest);
  }
  return manifest;
}
