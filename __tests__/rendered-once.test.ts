import { ApiObject, Chart, Testing, Yaml } from 'cdk8s';
import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { App, Container, Deployment, Pod, ReplicaSet, Service } from '../lib';
import { renderedManifest, withSynthCaches } from '../lib/_synth';
import { readFolder, withTempDir } from './_support';

/*
 * Pods, workloads and Services render their manifest once per synth, though
 * validation reads it and cdk8s validates the app twice before it writes
 * it; what they hand out is a copy with shared shapes (see
 * withSharedShapes), equal to what the L1 class renders.
 */

const template = () => ({ labels: { app: 'web' }, containers: [new Container({ name: 'a', image: 'a:1', ports: { http: 8080 } })] });

const KINDS = [
  ['Pod', k8s.KubePod, (chart: Chart) => new Pod(chart, 'web', template())],
  ['Deployment', k8s.KubeDeployment, (chart: Chart) => new Deployment(chart, 'web', { replicas: 2, template: template() })],
  ['ReplicaSet', k8s.KubeReplicaSet, (chart: Chart) => new ReplicaSet(chart, 'web', { template: template() })],
  ['Service', k8s.KubeService, (chart: Chart) => new Service(chart, 'web-svc', { target: new Pod(chart, 'web', template()), ports: [{ port: 80, targetPort: 'http' }] })],
] as const;

describe.each(KINDS)('%s', (_kind, l1Class, declare) => {
  test('renders once per synth, and writes what the L1 class renders', () => {
    withTempDir((outdir) => {
      const app = new App({ outdir, onWarnings: () => undefined });
      const chart = new Chart(app, 'one');
      const construct = declare(chart);
      const expected = Yaml.stringify(...Testing.synth(chart));
      const render = jest.spyOn(l1Class.prototype, 'toJson');
      try {
        app.synth();
        expect(render).toHaveBeenCalledTimes(1);
      } finally {
        render.mockRestore();
      }
      expect(construct.apiObject).toBeInstanceOf(l1Class);
      expect(readFolder(outdir)).toEqual({ 'one.k8s.yaml': expected });
    });
  });

  test('hands out one copy of the rendering in a synth, and a fresh one each time outside', () => {
    const app = new App({ outdir: 'never-written', onWarnings: () => undefined });
    const construct = declare(new Chart(app, 'one'));
    const apiObject: ApiObject = construct.apiObject;
    const render = jest.spyOn(l1Class.prototype, 'toJson');
    try {
      withSynthCaches(() => {
        const manifest = renderedManifest(apiObject);
        expect(renderedManifest(apiObject)).toBe(manifest);
        expect(manifest).toStrictEqual(render.mock.results[0].value);
        expect(manifest).not.toBe(render.mock.results[0].value);
        expect(manifest.spec).not.toBe(render.mock.results[0].value.spec);
      });
      expect(renderedManifest(apiObject)).not.toBe(renderedManifest(apiObject));
    } finally {
      render.mockRestore();
    }
  });
});
