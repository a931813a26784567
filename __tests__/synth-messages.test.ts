import * as path from 'path';
import { Chart } from 'cdk8s';
import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { App, Container, Pod } from '../lib';
import { withTempDir } from './_support';

/* What stops a synth is reported in Peapod's format, never as a stack trace. */

function synthWith(spec: Record<string, unknown>): Error | undefined {
  return withTempDir((dir) => {
    const app = new App({ outdir: path.join(dir, 'dist'), config: {}, onWarnings: () => undefined });
    new Pod(new Chart(app, 'c'), 'web', { extraSpec: spec, containers: [new Container({ name: 'app', image: 'nginx:1.27' })] });
    try {
      app.synth();
      return undefined;
    } catch (error) {
      return error as Error;
    }
  });
}

function expectCycleOrDepthFailure(error: Error | undefined): void {
    expect(error?.name).toBe('SynthError');
    expect(error?.message).toBe(
      'synth failed with 1 error; no manifest was written:\n' +
        '  [c/web] a value given to an escape hatch (extraSpec, extraFields, securityContext, an L1 object) refers to itself (a cycle) or nests too deeply to render. Fix: give plain data, each object once on its path',
    );
}

describe('an escape hatch', () => {
  test('holding a cycle fails synth with a message naming the construct', () => {
    const loop: Record<string, unknown> = { name: 'x' };
    loop.self = loop;
    const error = synthWith({ overhead: loop });
    expectCycleOrDepthFailure(error);
  });

  test('nested a hundred thousand levels deep fails synth with a message naming the construct', () => {
    let deep: Record<string, unknown> = {};
    const top = deep;
    for (let i = 0; i < 100_000; i++) {
      deep.next = {};
      deep = deep.next as Record<string, unknown>;
    }
    const error = synthWith({ overhead: top });
    expectCycleOrDepthFailure(error);
  });
});

describe('an L1 object cdk8s cannot render', () => {
  test('fails synth with a message naming it and why', () => {
    withTempDir((dir) => {
      const app = new App({ outdir: path.join(dir, 'dist'), config: {}, onWarnings: () => undefined });
      new k8s.KubeConfigMap(new Chart(app, 'c'), 'raw', { metadata: { name: 'raw' }, data: JSON.parse('{"constructor": "x"}') });
      expect(() => app.synth()).toThrow(
        'synth failed with 1 error; no manifest was written:\n' +
          '  [c/raw] cdk8s could not render the object: Error: can\'t render non-simple object of type \'undefined\' (a map with a key "constructor", which the L1 classes cannot render; Peapod\'s own constructs write such keys). Fix: give its L1 props plain data',
      );
    });
  });
});
