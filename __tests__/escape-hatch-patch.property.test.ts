import * as fc from 'fast-check';
import { JsonPatch } from 'cdk8s';
import { ConfigMap, Container, Deployment, Probe, Service, Volume } from '../lib';
import { renderedManifest } from '../lib/_synth';
import { newChart } from './_support';

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests read as JSON */

// Every path to a value of a manifest, as JSON pointers.
function pointers(value: any, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') {
    return [prefix];
  }
  return [prefix, ...Object.keys(value).flatMap((key) => pointers(value[key], `${prefix}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`))];
}

function build() {
  const chart = newChart();
  const data = Volume.emptyDir('data');
  const config = new ConfigMap(chart, 'cm', { data: { key: 'v' } });
  const web = new Deployment(chart, 'web', {
    replicas: 2,
    template: {
      labels: { app: 'web' },
      volumes: [data],
      containers: [
        new Container({
          name: 'app',
          image: 'app:1',
          ports: { http: 8080 },
          env: [{ name: 'A', value: 'a' }],
          mounts: [data.mount('/data')],
          readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
        }),
      ],
    },
  });
  const service = new Service(chart, 'svc', { target: web, ports: [{ port: 80, targetPort: 'http' }] });
  return { chart, objects: [web, service, config] };
}

const pathsOf = (() => {
  const { objects } = build();
  return objects.map((o) => pointers(renderedManifest(o.apiObject)).filter((p) => p !== '' && !p.startsWith('/apiVersion') && !p.startsWith('/kind')));
})();

describe('a JSON patch of any value at any field', () => {
  test('is reported through the schema and the rules, never by stopping a check', () => {
    fc.assert(
      fc.property(fc.nat(2), fc.nat(), fc.jsonValue({ maxDepth: 2 }), (which, at, value) => {
        const { chart, objects } = build();
        const paths = pathsOf[which];
        objects[which].apiObject.addJsonPatch(JsonPatch.replace(paths[at % paths.length], value));
        const problems = chart.node.findAll().flatMap((c) => c.node.validate());
        expect(problems.filter((p) => p.includes('(unexpected-value-type)'))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  test('so is a list of adds, removes, moves and copies between its fields', () => {
    const op = fc.oneof(
      fc.record({ op: fc.constant('add' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 1 }) }),
      fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ op: fc.constantFrom('move' as const, 'copy' as const), at: fc.nat(), from: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.nat(2), fc.array(op, { minLength: 1, maxLength: 3 }), (which, ops) => {
        const { chart, objects } = build();
        const paths = pathsOf[which];
        const pick = (n: number) => paths[n % paths.length];
        const patches = ops.map((o) =>
          o.op === 'add' ? JsonPatch.add(pick(o.at), o.value) : o.op === 'remove' ? JsonPatch.remove(pick(o.at)) : JsonPatch[o.op](pick(o.from), pick(o.at)),
        );
        try {
          JsonPatch.apply(structuredClone(renderedManifest(objects[which].apiObject)), ...patches);
        } catch {
          return; // a patch that cannot apply (a path an earlier operation removed) fails the render, as in cdk8s
        }
        objects[which].apiObject.addJsonPatch(...patches);
        const problems = chart.node.findAll().flatMap((c) => c.node.validate());
        expect(problems.filter((p) => p.includes('(unexpected-value-type)'))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
