import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import * as vm from 'vm';
import { Container, Pod, Volume } from '../lib';
import { newChart, synthObjects } from './_support';

// A source built in another V8 context (the import's round trip runs the
// generated code in one) or without a prototype: cdk8s resolves Quantity
// values only inside this realm's plain objects, and crashed on the rest.
describe('Volume.fromSource', () => {
  const podWith = (volume: Volume) => {
    const chart = newChart();
    new Pod(chart, 'p', { containers: [new Container({ name: 'app', image: 'app:1.0', mounts: [volume.mount('/etc/podinfo')] })] });
    return synthObjects(chart)[0].spec.volumes;
  };
  const divisor = k8s.Quantity.fromString('1m');

  test('renders a Quantity inside objects made in another context', () => {
    const source = vm.runInNewContext('({ downwardApi: { items: [{ path: "cpu", resourceFieldRef: { containerName: "app", resource: "limits.cpu", divisor } }] } })', { divisor });
    expect(podWith(Volume.fromSource('podinfo', source))).toEqual([
      { name: 'podinfo', downwardAPI: { items: [{ path: 'cpu', resourceFieldRef: { containerName: 'app', resource: 'limits.cpu', divisor: '1m' } }] } },
    ]);
  });

  test('renders a Quantity inside objects without a prototype', () => {
    const bare = <T extends object>(value: T): T => Object.assign(Object.create(null), value);
    const source = bare({ emptyDir: bare({ sizeLimit: k8s.Quantity.fromString('1Gi') }) });
    expect(podWith(Volume.fromSource('scratch', source))).toEqual([{ name: 'scratch', emptyDir: { sizeLimit: '1Gi' } }]);
  });
});
