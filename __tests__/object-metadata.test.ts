import * as os from 'os';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { App, ConfigMap, Container, Deployment, ReplicaSet, Secret, Service } from '../lib';
import { problemsOf } from './_problems';

// Objects without a Pod of their own still carry a name, labels and
// annotations that the API server checks.
describe('metadata of workloads, ConfigMaps and Secrets', () => {
  const template = { labels: { app: 'web' }, containers: [new Container({ name: 'web', image: 'web:1' })] };
  const badName =
    'metadata.name: name "Web_App" must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: use a DNS-1123 subdomain such as "web-app" (object-name)';

  test.each([
    ['Deployment', (chart: Chart) => new Deployment(chart, 'd', { name: 'Web_App', template })],
    ['ReplicaSet', (chart: Chart) => new ReplicaSet(chart, 'r', { name: 'Web_App', template })],
    ['ConfigMap', (chart: Chart) => new ConfigMap(chart, 'c', { name: 'Web_App' })],
    ['Secret', (chart: Chart) => new Secret(chart, 's', { name: 'Web_App' })],
  ])('a %s with an invalid name fails synth', (_kind, build) => {
    expect(problemsOf(build)).toEqual([badName]);
  });

  test('a label of the workload object itself is checked like any label', () => {
    expect(problemsOf((chart) => new Deployment(chart, 'd', { labels: { 'team/': 'a' }, template }))).toEqual([
      'metadata.labels[team/]: label key "team/" has an empty name part. Fix: use a key such as `app` or `example.com/tier` (label-key)',
    ]);
  });

  test('valid metadata passes', () => {
    expect(problemsOf((chart) => new ConfigMap(chart, 'c', { name: 'web-config', data: { a: 'b' } }))).toEqual([]);
  });
});

describe('whole-app lookups during validation', () => {
  // Each workload and Service looks for the Pods its selector picks; the
  // app is walked a fixed number of times per synth, not once per object.
  function walksOfTheApp(copies: number): number {
    const app = new App({ outdir: path.join(os.tmpdir(), 'peapod-never-written'), onWarnings: () => undefined });
    const chart = new Chart(app, 'shop');
    for (let i = 0; i < copies; i++) {
      const web = new Deployment(chart, `web-${i}`, {
        template: { labels: { app: `web-${i}`, project: 'shop' }, containers: [new Container({ name: 'web', image: 'web:1', ports: { http: 8080 } })] },
      });
      new Service(chart, `web-${i}-service`, { target: web, ports: [{ port: 80, targetPort: 'http' }] });
    }
    const walk = jest.spyOn(app.node, 'findAll');
    try {
      expect(app.problems().filter((p) => p.severity === 'error')).toEqual([]);
      return walk.mock.calls.length;
    } finally {
      walk.mockRestore();
    }
  }

  test('do not grow with the number of workloads and Services', () => {
    expect(walksOfTheApp(40)).toBe(walksOfTheApp(5));
  });
});
