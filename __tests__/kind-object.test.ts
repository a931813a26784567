import * as path from 'path';
import { Chart } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import {
  App,
  ConfigMap,
  Container,
  CronJob,
  Deployment,
  HorizontalPodAutoscaler,
  Ingress,
  IngressBackend,
  Job,
  NetworkPolicy,
  PodDisruptionBudget,
  Secret,
  Service,
  ServiceAccount,
} from '../lib';
import { readFolder, withTempDir } from './_support';

const container = () => new Container({ name: 'app', image: 'nginx:1.27', ports: { http: 8080 } });

// The kinds that render one object of their own share its metadata: labels and annotations keyed like a prototype member are written exactly.
describe.each(['constructor', 'toString'])('metadata key %s', (key) => {
  test('of every kind is written as given', () => {
    const meta = { labels: JSON.parse(JSON.stringify({ [key]: 'l', team: 'web' })), annotations: JSON.parse(JSON.stringify({ [key]: 'a' })) };
    const manifests = withTempDir((dir) => {
      const app = new App({ outdir: path.join(dir, 'dist'), config: {}, onWarnings: () => undefined });
      const chart = new Chart(app, 'c');
      const web = new Deployment(chart, 'web', { ...meta, template: { labels: { app: 'web' }, containers: [container()] } });
      const service = new Service(chart, 'svc', { ...meta, target: web, ports: [{ port: 80, targetPort: 'http' }] });
      new ServiceAccount(chart, 'sa', meta);
      new ConfigMap(chart, 'config', { ...meta, data: { a: 'b' } });
      new Secret(chart, 'secret', { ...meta, stringData: { a: 'b' } });
      new Ingress(chart, 'ingress', { ...meta, defaultBackend: IngressBackend.service(service, 80) });
      new NetworkPolicy(chart, 'policy', { ...meta, selector: web });
      new PodDisruptionBudget(chart, 'pdb', { ...meta, selector: web, maxUnavailable: 1 });
      new HorizontalPodAutoscaler(chart, 'hpa', {
        ...meta,
        target: new Deployment(chart, 'scaled', { template: { labels: { app: 'scaled' }, containers: [container()] } }),
        maxReplicas: 3,
      });
      new Job(chart, 'job', { ...meta, template: { restartPolicy: 'Never', containers: [container()] } });
      new CronJob(chart, 'cron', { ...meta, schedule: '@daily', jobTemplate: { template: { restartPolicy: 'Never', containers: [container()] } } });
      app.synth();
      return parseAllDocuments(Object.values(readFolder(path.join(dir, 'dist'))).join('---\n')).map((doc) => doc.toJS());
    });
    const withMeta = manifests.filter((m) => m.metadata.name !== 'scaled');
    expect(withMeta.map((m) => m.kind).sort()).toEqual(
      [
        'ConfigMap',
        'CronJob',
        'Deployment',
        'HorizontalPodAutoscaler',
        'Ingress',
        'Job',
        'NetworkPolicy',
        'PodDisruptionBudget',
        'Secret',
        'Service',
        'ServiceAccount',
      ].sort(),
    );
    for (const manifest of withMeta) {
      expect(manifest.metadata).toEqual({ name: manifest.metadata.name, labels: { [key]: 'l', team: 'web' }, annotations: { [key]: 'a' } });
    }
  });
});
