import { Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { ConfigMap, Container, Deployment, EnvValue, Probe, Service, Volume } from 'peapod';

/**
 * A web server run the way production wants it: a Deployment keeps two
 * copies running, a Service gives them one stable name, and a ConfigMap
 * holds their settings. Change the image and the port to your app's.
 */
export class WebChart extends Chart {
  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const settings = new ConfigMap(this, 'settings', { data: { GREETING: 'hello from Peapod' } });
    // The server writes only to /tmp; the rest of its file system stays read-only.
    const tmp = Volume.emptyDir('tmp', { sizeLimit: '64Mi' });
    const web = new Deployment(this, 'web', {
      replicas: 2,
      // A selector cannot change once applied: select by `app` alone.
      selectBy: ['app'],
      template: {
        labels: { app: 'web' },
        securityContext: { runAsNonRoot: true, runAsUser: 101 },
        containers: [
          new Container({
            name: 'web',
            image: 'nginxinc/nginx-unprivileged:1.27',
            ports: { http: 8080 },
            env: [{ name: 'GREETING', valueFrom: EnvValue.fromConfigMap(settings, 'GREETING') }],
            mounts: [tmp.mount('/tmp')],
            resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/' }),
            livenessProbe: Probe.http({ port: 'http', path: '/', periodSeconds: 20 }),
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
          }),
        ],
      },
    });
    new Service(this, 'web-service', { name: 'web', target: web, ports: [{ port: 80, targetPort: 'http' }] });
  }
}
