import { ConfigMap, Container, EnvFrom, Pod } from '../lib';
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
