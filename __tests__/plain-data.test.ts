import { ConfigMap, Container, EnvFrom, Pod } from '../lib';
import { withSharedShapes } from '../lib/_plain';
import { newChart, synthObjects } from './_support';

// Objects without a prototype, as `Object.create(null)`, some parsers and fast-check make them.
const bare = <T extends object>(value: T): T => Object.assign(Object.create(null), value);

describe('data emitted as given', () => {
  test('may come as objects without a prototype: synth copies them instead of crashing', () => {
    const chart = newChart();
    new Pod(chart, 'p', {
      securityContext: bare({ runAsNonRoot: true, seccompProfile: bare({ type: 'RuntimeDefault' }) }),
      tolerations: [bare({ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' })],
      extraSpec: bare({ dnsConfig: bare({ nameservers: ['1.1.1.1'] }) }),
      containers: [
        new Container({
          name: 'app',
          image: 'app:1.0',
          securityContext: bare({ readOnlyRootFilesystem: true }),
          extraFields: bare({ lifecycle: bare({ preStop: bare({ exec: bare({ command: ['drain'] }) }) }) }),
        }),
      ],
    });
    expect(synthObjects(chart)[0].spec).toEqual({
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }],
      dnsConfig: { nameservers: ['1.1.1.1'] },
      containers: [{ name: 'app', image: 'app:1.0', securityContext: { readOnlyRootFilesystem: true }, lifecycle: { preStop: { exec: { command: ['drain'] } } } }],
    });
  });
});

describe('withSharedShapes', () => {
  test('copies plain objects and arrays field for field, in key order, and keeps other values as they are', () => {
    class Quantity {}
    const quantity = new Quantity();
    const bareMap = bare({ b: 1 });
    const item = { n: null, nan: NaN, neg: -0 };
    const manifest = { kind: 'Pod', spec: { z: [1, 'two', item], a: quantity, bareMap }, '10': true };
    const copy = withSharedShapes(manifest);
    expect(copy).toStrictEqual(manifest);
    expect(Object.keys(copy.spec)).toEqual(['z', 'a', 'bareMap']);
    expect(copy.spec).not.toBe(manifest.spec);
    const copiedItem = copy.spec.z[2] as typeof item;
    expect(copiedItem).not.toBe(item);
    expect(copy.spec.a).toBe(quantity);
    expect(copy.spec.bareMap).toBe(bareMap);
    expect(Object.is(copiedItem.neg, -0)).toBe(true);
  });

  test('returns a manifest that holds one object twice as it is, so that YAML still writes an alias', () => {
    const shared = { app: 'web' };
    const manifest = { metadata: { labels: shared }, spec: { selector: shared } };
    expect(withSharedShapes(manifest)).toBe(manifest);
  });
});

describe('lists that start empty', () => {
  test('are shared until something is added, and adding to one leaves the others empty', () => {
    const chart = newChart();
    const a = new Container({ name: 'a', image: 'a:1' });
    const b = new Container({ name: 'b', image: 'b:1' });
    a.addPort({ name: 'http', containerPort: 80 }).addEnvFrom(EnvFrom.configMap(ConfigMap.fromName('settings')));
    const first = new Pod(chart, 'first', { containers: [a] });
    new Pod(chart, 'second', { containers: [b] });
    first.addInitContainer(new Container({ name: 'init', image: 'init:1' }));
    const [one, two] = synthObjects(chart);
    expect(one.spec.containers[0]).toMatchObject({ ports: [{ name: 'http', containerPort: 80 }], envFrom: [{ configMapRef: { name: 'settings' } }] });
    expect(one.spec.initContainers).toEqual([{ name: 'init', image: 'init:1' }]);
    expect(two.spec).toEqual({ containers: [{ name: 'b', image: 'b:1' }] });
  });
});
