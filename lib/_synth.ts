import { withFastYaml } from './_yaml';

/*
 * What makes one `App.synth()` fast without changing what it writes:
 * manifests serialized by Peapod's YAML writer, and each ApiObject
 * rendered once although both validation and the writer read it.
 */

// Set only while a synth runs. Nothing between cdk8s's validation pass and
// its writing pass runs user code that could change an object, so a render
// made for validation is the one written.
let renders: WeakMap<object, unknown> | undefined;

/** Runs one synth of an app: `body` calls cdk8s's `App.synth()`. */
export function withSynthCaches<T>(body: () => T): T {
  if (renders !== undefined) {
    return withFastYaml(body);
  }
  renders = new WeakMap();
  try {
    return withFastYaml(body);
  } finally {
    renders = undefined;
  }
}

/**
 * `render()` the first time `owner` asks during a synth, the same result
 * after that; outside a synth, `render()` every time, so a test that
 * mutates and renders again sees its change. Callers must not mutate the
 * result.
 */
export function renderOnce<T>(owner: object, render: () => T): T {
  if (renders === undefined) {
    return render();
  }
  if (renders.has(owner)) {
    return renders.get(owner) as T;
  }
  const rendered = render();
  renders.set(owner, rendered);
  return rendered;
}
