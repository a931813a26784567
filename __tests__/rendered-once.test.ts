import { ApiObject, Chart, Testing, Yaml } from 'cdk8s';
import { App, Container, Deployment, Pod, ReplicaSet, Service } from '../lib';
import { ManifestObject } from '../lib/_manifest-object';
import { renderedManifest, withinOnePass } from '../lib/_synth';
import { readFolder, withTempDir } from './_support';

/*
 * Pods, workloads and Services render their manifest once per synth, though
 * validation reads it and cdk8s validates the app twice before it writes
 * it, and write what cdk8s's Testing.synth renders.
 */

const template = () => ({ labels: { app: 'web' }, containers: [new Container({ name: 'a', image: 'a:1', ports: { http: 8080 } })] });

const KINDS = [
  ['Pod', (chart: Chart) => new Pod(chart, 'web', template())],
  ['Deployment', (chart: Chart) => new Deployment(chart, 'web', { replicas: 2, template: template() })],
  ['ReplicaSet', (chart: Chart) => new ReplicaSet(chart, 'web', { template: template() })],
  ['Service', (chart: Chart) => new Service(chart, 'web-svc', { target: new Pod(chart, 'web', template()), ports: [{ port: 80, targetPort: 'http' }] })],
] as const;

describe.each(KINDS)('%s', (kind, declare) => {
  test('renders once per synth, and writes what the L1 class renders', () => {
    withTempDir((outdir) => {
      const app = new App({ outdir, onWarnings: () => undefined });
      const chart = new Chart(app, 'one');
      const construct = declare(chart);
      const expected = Yaml.stringify(...Testing.synth(chart));
      const render = jest.spyOn(ManifestObject.prototype, 'toJson');
      try {
        app.synth();
        expect(render.mock.contexts.filter((object) => (object as ApiObject).kind === kind)).toEqual([construct.apiObject]);
      } finally {
        render.mockRestore();
      }
      expect(construct.apiObject).toBeInstanceOf(ApiObject);
      expect(readFolder(outdir)).toEqual({ 'one.k8s.yaml': expected });
    });
  });

  test('hands out one copy of the rendering in a synth, and a fresh one each time outside', () => {
    const app = new App({ outdir: 'never-written', onWarnings: () => undefined });
    const construct = declare(new Chart(app, 'one'));
    const apiObject: ApiObject = construct.apiObject;
    const render = jest.spyOn(ManifestObject.prototype, 'toJson');
    try {
      withinOnePass(() => {
        const manifest = renderedManifest(apiObject);
        expect(renderedManifest(apiObject)).toBe(manifest);
        expect(render).toHaveBeenCalledTimes(1);
        expect(manifest).toBe(render.mock.results[0].value);
      });
      expect(renderedManifest(apiObject)).not.toBe(renderedManifest(apiObject));
    } finally {
      render.mockRestore();
    }
  });
});
