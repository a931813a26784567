import { Container, Pod } from '../lib';
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
