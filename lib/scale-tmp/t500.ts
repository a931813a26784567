// Imported by `peapod import` from objects-500.yaml.
// It is ordinary code now: edit it, it is not regenerated.
import { Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { Container, Deployment, Probe, Service } from '..';

/** The objects of objects-500.yaml. */
export class Objects500Chart extends Chart {
  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const app0 = new Deployment(this, 'app-0', {
      labels: { app: 'app-0' },
      replicas: 2,
      template: {
        labels: { app: 'app-0' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app1 = new Deployment(this, 'app-1', {
      labels: { app: 'app-1' },
      replicas: 2,
      template: {
        labels: { app: 'app-1' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app2 = new Deployment(this, 'app-2', {
      labels: { app: 'app-2' },
      replicas: 2,
      template: {
        labels: { app: 'app-2' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app3 = new Deployment(this, 'app-3', {
      labels: { app: 'app-3' },
      replicas: 2,
      template: {
        labels: { app: 'app-3' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app4 = new Deployment(this, 'app-4', {
      labels: { app: 'app-4' },
      replicas: 2,
      template: {
        labels: { app: 'app-4' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app5 = new Deployment(this, 'app-5', {
      labels: { app: 'app-5' },
      replicas: 2,
      template: {
        labels: { app: 'app-5' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app6 = new Deployment(this, 'app-6', {
      labels: { app: 'app-6' },
      replicas: 2,
      template: {
        labels: { app: 'app-6' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app7 = new Deployment(this, 'app-7', {
      labels: { app: 'app-7' },
      replicas: 2,
      template: {
        labels: { app: 'app-7' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app8 = new Deployment(this, 'app-8', {
      labels: { app: 'app-8' },
      replicas: 2,
      template: {
        labels: { app: 'app-8' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app9 = new Deployment(this, 'app-9', {
      labels: { app: 'app-9' },
      replicas: 2,
      template: {
        labels: { app: 'app-9' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app10 = new Deployment(this, 'app-10', {
      labels: { app: 'app-10' },
      replicas: 2,
      template: {
        labels: { app: 'app-10' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app11 = new Deployment(this, 'app-11', {
      labels: { app: 'app-11' },
      replicas: 2,
      template: {
        labels: { app: 'app-11' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app12 = new Deployment(this, 'app-12', {
      labels: { app: 'app-12' },
      replicas: 2,
      template: {
        labels: { app: 'app-12' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app13 = new Deployment(this, 'app-13', {
      labels: { app: 'app-13' },
      replicas: 2,
      template: {
        labels: { app: 'app-13' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app14 = new Deployment(this, 'app-14', {
      labels: { app: 'app-14' },
      replicas: 2,
      template: {
        labels: { app: 'app-14' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app15 = new Deployment(this, 'app-15', {
      labels: { app: 'app-15' },
      replicas: 2,
      template: {
        labels: { app: 'app-15' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app16 = new Deployment(this, 'app-16', {
      labels: { app: 'app-16' },
      replicas: 2,
      template: {
        labels: { app: 'app-16' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app17 = new Deployment(this, 'app-17', {
      labels: { app: 'app-17' },
      replicas: 2,
      template: {
        labels: { app: 'app-17' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app18 = new Deployment(this, 'app-18', {
      labels: { app: 'app-18' },
      replicas: 2,
      template: {
        labels: { app: 'app-18' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app19 = new Deployment(this, 'app-19', {
      labels: { app: 'app-19' },
      replicas: 2,
      template: {
        labels: { app: 'app-19' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app20 = new Deployment(this, 'app-20', {
      labels: { app: 'app-20' },
      replicas: 2,
      template: {
        labels: { app: 'app-20' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app21 = new Deployment(this, 'app-21', {
      labels: { app: 'app-21' },
      replicas: 2,
      template: {
        labels: { app: 'app-21' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app22 = new Deployment(this, 'app-22', {
      labels: { app: 'app-22' },
      replicas: 2,
      template: {
        labels: { app: 'app-22' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app23 = new Deployment(this, 'app-23', {
      labels: { app: 'app-23' },
      replicas: 2,
      template: {
        labels: { app: 'app-23' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app24 = new Deployment(this, 'app-24', {
      labels: { app: 'app-24' },
      replicas: 2,
      template: {
        labels: { app: 'app-24' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app25 = new Deployment(this, 'app-25', {
      labels: { app: 'app-25' },
      replicas: 2,
      template: {
        labels: { app: 'app-25' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app26 = new Deployment(this, 'app-26', {
      labels: { app: 'app-26' },
      replicas: 2,
      template: {
        labels: { app: 'app-26' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app27 = new Deployment(this, 'app-27', {
      labels: { app: 'app-27' },
      replicas: 2,
      template: {
        labels: { app: 'app-27' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app28 = new Deployment(this, 'app-28', {
      labels: { app: 'app-28' },
      replicas: 2,
      template: {
        labels: { app: 'app-28' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app29 = new Deployment(this, 'app-29', {
      labels: { app: 'app-29' },
      replicas: 2,
      template: {
        labels: { app: 'app-29' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app30 = new Deployment(this, 'app-30', {
      labels: { app: 'app-30' },
      replicas: 2,
      template: {
        labels: { app: 'app-30' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app31 = new Deployment(this, 'app-31', {
      labels: { app: 'app-31' },
      replicas: 2,
      template: {
        labels: { app: 'app-31' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app32 = new Deployment(this, 'app-32', {
      labels: { app: 'app-32' },
      replicas: 2,
      template: {
        labels: { app: 'app-32' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app33 = new Deployment(this, 'app-33', {
      labels: { app: 'app-33' },
      replicas: 2,
      template: {
        labels: { app: 'app-33' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app34 = new Deployment(this, 'app-34', {
      labels: { app: 'app-34' },
      replicas: 2,
      template: {
        labels: { app: 'app-34' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app35 = new Deployment(this, 'app-35', {
      labels: { app: 'app-35' },
      replicas: 2,
      template: {
        labels: { app: 'app-35' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app36 = new Deployment(this, 'app-36', {
      labels: { app: 'app-36' },
      replicas: 2,
      template: {
        labels: { app: 'app-36' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app37 = new Deployment(this, 'app-37', {
      labels: { app: 'app-37' },
      replicas: 2,
      template: {
        labels: { app: 'app-37' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app38 = new Deployment(this, 'app-38', {
      labels: { app: 'app-38' },
      replicas: 2,
      template: {
        labels: { app: 'app-38' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app39 = new Deployment(this, 'app-39', {
      labels: { app: 'app-39' },
      replicas: 2,
      template: {
        labels: { app: 'app-39' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app40 = new Deployment(this, 'app-40', {
      labels: { app: 'app-40' },
      replicas: 2,
      template: {
        labels: { app: 'app-40' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app41 = new Deployment(this, 'app-41', {
      labels: { app: 'app-41' },
      replicas: 2,
      template: {
        labels: { app: 'app-41' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app42 = new Deployment(this, 'app-42', {
      labels: { app: 'app-42' },
      replicas: 2,
      template: {
        labels: { app: 'app-42' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app43 = new Deployment(this, 'app-43', {
      labels: { app: 'app-43' },
      replicas: 2,
      template: {
        labels: { app: 'app-43' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app44 = new Deployment(this, 'app-44', {
      labels: { app: 'app-44' },
      replicas: 2,
      template: {
        labels: { app: 'app-44' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app45 = new Deployment(this, 'app-45', {
      labels: { app: 'app-45' },
      replicas: 2,
      template: {
        labels: { app: 'app-45' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app46 = new Deployment(this, 'app-46', {
      labels: { app: 'app-46' },
      replicas: 2,
      template: {
        labels: { app: 'app-46' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app47 = new Deployment(this, 'app-47', {
      labels: { app: 'app-47' },
      replicas: 2,
      template: {
        labels: { app: 'app-47' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app48 = new Deployment(this, 'app-48', {
      labels: { app: 'app-48' },
      replicas: 2,
      template: {
        labels: { app: 'app-48' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app49 = new Deployment(this, 'app-49', {
      labels: { app: 'app-49' },
      replicas: 2,
      template: {
        labels: { app: 'app-49' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app50 = new Deployment(this, 'app-50', {
      labels: { app: 'app-50' },
      replicas: 2,
      template: {
        labels: { app: 'app-50' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app51 = new Deployment(this, 'app-51', {
      labels: { app: 'app-51' },
      replicas: 2,
      template: {
        labels: { app: 'app-51' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app52 = new Deployment(this, 'app-52', {
      labels: { app: 'app-52' },
      replicas: 2,
      template: {
        labels: { app: 'app-52' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app53 = new Deployment(this, 'app-53', {
      labels: { app: 'app-53' },
      replicas: 2,
      template: {
        labels: { app: 'app-53' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app54 = new Deployment(this, 'app-54', {
      labels: { app: 'app-54' },
      replicas: 2,
      template: {
        labels: { app: 'app-54' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app55 = new Deployment(this, 'app-55', {
      labels: { app: 'app-55' },
      replicas: 2,
      template: {
        labels: { app: 'app-55' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app56 = new Deployment(this, 'app-56', {
      labels: { app: 'app-56' },
      replicas: 2,
      template: {
        labels: { app: 'app-56' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app57 = new Deployment(this, 'app-57', {
      labels: { app: 'app-57' },
      replicas: 2,
      template: {
        labels: { app: 'app-57' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app58 = new Deployment(this, 'app-58', {
      labels: { app: 'app-58' },
      replicas: 2,
      template: {
        labels: { app: 'app-58' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app59 = new Deployment(this, 'app-59', {
      labels: { app: 'app-59' },
      replicas: 2,
      template: {
        labels: { app: 'app-59' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app60 = new Deployment(this, 'app-60', {
      labels: { app: 'app-60' },
      replicas: 2,
      template: {
        labels: { app: 'app-60' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app61 = new Deployment(this, 'app-61', {
      labels: { app: 'app-61' },
      replicas: 2,
      template: {
        labels: { app: 'app-61' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app62 = new Deployment(this, 'app-62', {
      labels: { app: 'app-62' },
      replicas: 2,
      template: {
        labels: { app: 'app-62' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app63 = new Deployment(this, 'app-63', {
      labels: { app: 'app-63' },
      replicas: 2,
      template: {
        labels: { app: 'app-63' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app64 = new Deployment(this, 'app-64', {
      labels: { app: 'app-64' },
      replicas: 2,
      template: {
        labels: { app: 'app-64' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app65 = new Deployment(this, 'app-65', {
      labels: { app: 'app-65' },
      replicas: 2,
      template: {
        labels: { app: 'app-65' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app66 = new Deployment(this, 'app-66', {
      labels: { app: 'app-66' },
      replicas: 2,
      template: {
        labels: { app: 'app-66' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app67 = new Deployment(this, 'app-67', {
      labels: { app: 'app-67' },
      replicas: 2,
      template: {
        labels: { app: 'app-67' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app68 = new Deployment(this, 'app-68', {
      labels: { app: 'app-68' },
      replicas: 2,
      template: {
        labels: { app: 'app-68' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app69 = new Deployment(this, 'app-69', {
      labels: { app: 'app-69' },
      replicas: 2,
      template: {
        labels: { app: 'app-69' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app70 = new Deployment(this, 'app-70', {
      labels: { app: 'app-70' },
      replicas: 2,
      template: {
        labels: { app: 'app-70' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app71 = new Deployment(this, 'app-71', {
      labels: { app: 'app-71' },
      replicas: 2,
      template: {
        labels: { app: 'app-71' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app72 = new Deployment(this, 'app-72', {
      labels: { app: 'app-72' },
      replicas: 2,
      template: {
        labels: { app: 'app-72' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app73 = new Deployment(this, 'app-73', {
      labels: { app: 'app-73' },
      replicas: 2,
      template: {
        labels: { app: 'app-73' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app74 = new Deployment(this, 'app-74', {
      labels: { app: 'app-74' },
      replicas: 2,
      template: {
        labels: { app: 'app-74' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app75 = new Deployment(this, 'app-75', {
      labels: { app: 'app-75' },
      replicas: 2,
      template: {
        labels: { app: 'app-75' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app76 = new Deployment(this, 'app-76', {
      labels: { app: 'app-76' },
      replicas: 2,
      template: {
        labels: { app: 'app-76' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app77 = new Deployment(this, 'app-77', {
      labels: { app: 'app-77' },
      replicas: 2,
      template: {
        labels: { app: 'app-77' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app78 = new Deployment(this, 'app-78', {
      labels: { app: 'app-78' },
      replicas: 2,
      template: {
        labels: { app: 'app-78' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app79 = new Deployment(this, 'app-79', {
      labels: { app: 'app-79' },
      replicas: 2,
      template: {
        labels: { app: 'app-79' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app80 = new Deployment(this, 'app-80', {
      labels: { app: 'app-80' },
      replicas: 2,
      template: {
        labels: { app: 'app-80' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app81 = new Deployment(this, 'app-81', {
      labels: { app: 'app-81' },
      replicas: 2,
      template: {
        labels: { app: 'app-81' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app82 = new Deployment(this, 'app-82', {
      labels: { app: 'app-82' },
      replicas: 2,
      template: {
        labels: { app: 'app-82' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app83 = new Deployment(this, 'app-83', {
      labels: { app: 'app-83' },
      replicas: 2,
      template: {
        labels: { app: 'app-83' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app84 = new Deployment(this, 'app-84', {
      labels: { app: 'app-84' },
      replicas: 2,
      template: {
        labels: { app: 'app-84' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app85 = new Deployment(this, 'app-85', {
      labels: { app: 'app-85' },
      replicas: 2,
      template: {
        labels: { app: 'app-85' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app86 = new Deployment(this, 'app-86', {
      labels: { app: 'app-86' },
      replicas: 2,
      template: {
        labels: { app: 'app-86' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app87 = new Deployment(this, 'app-87', {
      labels: { app: 'app-87' },
      replicas: 2,
      template: {
        labels: { app: 'app-87' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app88 = new Deployment(this, 'app-88', {
      labels: { app: 'app-88' },
      replicas: 2,
      template: {
        labels: { app: 'app-88' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app89 = new Deployment(this, 'app-89', {
      labels: { app: 'app-89' },
      replicas: 2,
      template: {
        labels: { app: 'app-89' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app90 = new Deployment(this, 'app-90', {
      labels: { app: 'app-90' },
      replicas: 2,
      template: {
        labels: { app: 'app-90' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app91 = new Deployment(this, 'app-91', {
      labels: { app: 'app-91' },
      replicas: 2,
      template: {
        labels: { app: 'app-91' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app92 = new Deployment(this, 'app-92', {
      labels: { app: 'app-92' },
      replicas: 2,
      template: {
        labels: { app: 'app-92' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app93 = new Deployment(this, 'app-93', {
      labels: { app: 'app-93' },
      replicas: 2,
      template: {
        labels: { app: 'app-93' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app94 = new Deployment(this, 'app-94', {
      labels: { app: 'app-94' },
      replicas: 2,
      template: {
        labels: { app: 'app-94' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app95 = new Deployment(this, 'app-95', {
      labels: { app: 'app-95' },
      replicas: 2,
      template: {
        labels: { app: 'app-95' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app96 = new Deployment(this, 'app-96', {
      labels: { app: 'app-96' },
      replicas: 2,
      template: {
        labels: { app: 'app-96' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app97 = new Deployment(this, 'app-97', {
      labels: { app: 'app-97' },
      replicas: 2,
      template: {
        labels: { app: 'app-97' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app98 = new Deployment(this, 'app-98', {
      labels: { app: 'app-98' },
      replicas: 2,
      template: {
        labels: { app: 'app-98' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app99 = new Deployment(this, 'app-99', {
      labels: { app: 'app-99' },
      replicas: 2,
      template: {
        labels: { app: 'app-99' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app100 = new Deployment(this, 'app-100', {
      labels: { app: 'app-100' },
      replicas: 2,
      template: {
        labels: { app: 'app-100' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app101 = new Deployment(this, 'app-101', {
      labels: { app: 'app-101' },
      replicas: 2,
      template: {
        labels: { app: 'app-101' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app102 = new Deployment(this, 'app-102', {
      labels: { app: 'app-102' },
      replicas: 2,
      template: {
        labels: { app: 'app-102' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app103 = new Deployment(this, 'app-103', {
      labels: { app: 'app-103' },
      replicas: 2,
      template: {
        labels: { app: 'app-103' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app104 = new Deployment(this, 'app-104', {
      labels: { app: 'app-104' },
      replicas: 2,
      template: {
        labels: { app: 'app-104' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app105 = new Deployment(this, 'app-105', {
      labels: { app: 'app-105' },
      replicas: 2,
      template: {
        labels: { app: 'app-105' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app106 = new Deployment(this, 'app-106', {
      labels: { app: 'app-106' },
      replicas: 2,
      template: {
        labels: { app: 'app-106' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app107 = new Deployment(this, 'app-107', {
      labels: { app: 'app-107' },
      replicas: 2,
      template: {
        labels: { app: 'app-107' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app108 = new Deployment(this, 'app-108', {
      labels: { app: 'app-108' },
      replicas: 2,
      template: {
        labels: { app: 'app-108' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app109 = new Deployment(this, 'app-109', {
      labels: { app: 'app-109' },
      replicas: 2,
      template: {
        labels: { app: 'app-109' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app110 = new Deployment(this, 'app-110', {
      labels: { app: 'app-110' },
      replicas: 2,
      template: {
        labels: { app: 'app-110' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app111 = new Deployment(this, 'app-111', {
      labels: { app: 'app-111' },
      replicas: 2,
      template: {
        labels: { app: 'app-111' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app112 = new Deployment(this, 'app-112', {
      labels: { app: 'app-112' },
      replicas: 2,
      template: {
        labels: { app: 'app-112' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app113 = new Deployment(this, 'app-113', {
      labels: { app: 'app-113' },
      replicas: 2,
      template: {
        labels: { app: 'app-113' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app114 = new Deployment(this, 'app-114', {
      labels: { app: 'app-114' },
      replicas: 2,
      template: {
        labels: { app: 'app-114' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app115 = new Deployment(this, 'app-115', {
      labels: { app: 'app-115' },
      replicas: 2,
      template: {
        labels: { app: 'app-115' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app116 = new Deployment(this, 'app-116', {
      labels: { app: 'app-116' },
      replicas: 2,
      template: {
        labels: { app: 'app-116' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app117 = new Deployment(this, 'app-117', {
      labels: { app: 'app-117' },
      replicas: 2,
      template: {
        labels: { app: 'app-117' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app118 = new Deployment(this, 'app-118', {
      labels: { app: 'app-118' },
      replicas: 2,
      template: {
        labels: { app: 'app-118' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app119 = new Deployment(this, 'app-119', {
      labels: { app: 'app-119' },
      replicas: 2,
      template: {
        labels: { app: 'app-119' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app120 = new Deployment(this, 'app-120', {
      labels: { app: 'app-120' },
      replicas: 2,
      template: {
        labels: { app: 'app-120' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app121 = new Deployment(this, 'app-121', {
      labels: { app: 'app-121' },
      replicas: 2,
      template: {
        labels: { app: 'app-121' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app122 = new Deployment(this, 'app-122', {
      labels: { app: 'app-122' },
      replicas: 2,
      template: {
        labels: { app: 'app-122' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app123 = new Deployment(this, 'app-123', {
      labels: { app: 'app-123' },
      replicas: 2,
      template: {
        labels: { app: 'app-123' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app124 = new Deployment(this, 'app-124', {
      labels: { app: 'app-124' },
      replicas: 2,
      template: {
        labels: { app: 'app-124' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app125 = new Deployment(this, 'app-125', {
      labels: { app: 'app-125' },
      replicas: 2,
      template: {
        labels: { app: 'app-125' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app126 = new Deployment(this, 'app-126', {
      labels: { app: 'app-126' },
      replicas: 2,
      template: {
        labels: { app: 'app-126' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app127 = new Deployment(this, 'app-127', {
      labels: { app: 'app-127' },
      replicas: 2,
      template: {
        labels: { app: 'app-127' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app128 = new Deployment(this, 'app-128', {
      labels: { app: 'app-128' },
      replicas: 2,
      template: {
        labels: { app: 'app-128' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app129 = new Deployment(this, 'app-129', {
      labels: { app: 'app-129' },
      replicas: 2,
      template: {
        labels: { app: 'app-129' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app130 = new Deployment(this, 'app-130', {
      labels: { app: 'app-130' },
      replicas: 2,
      template: {
        labels: { app: 'app-130' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app131 = new Deployment(this, 'app-131', {
      labels: { app: 'app-131' },
      replicas: 2,
      template: {
        labels: { app: 'app-131' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app132 = new Deployment(this, 'app-132', {
      labels: { app: 'app-132' },
      replicas: 2,
      template: {
        labels: { app: 'app-132' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app133 = new Deployment(this, 'app-133', {
      labels: { app: 'app-133' },
      replicas: 2,
      template: {
        labels: { app: 'app-133' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app134 = new Deployment(this, 'app-134', {
      labels: { app: 'app-134' },
      replicas: 2,
      template: {
        labels: { app: 'app-134' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app135 = new Deployment(this, 'app-135', {
      labels: { app: 'app-135' },
      replicas: 2,
      template: {
        labels: { app: 'app-135' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app136 = new Deployment(this, 'app-136', {
      labels: { app: 'app-136' },
      replicas: 2,
      template: {
        labels: { app: 'app-136' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app137 = new Deployment(this, 'app-137', {
      labels: { app: 'app-137' },
      replicas: 2,
      template: {
        labels: { app: 'app-137' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app138 = new Deployment(this, 'app-138', {
      labels: { app: 'app-138' },
      replicas: 2,
      template: {
        labels: { app: 'app-138' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app139 = new Deployment(this, 'app-139', {
      labels: { app: 'app-139' },
      replicas: 2,
      template: {
        labels: { app: 'app-139' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app140 = new Deployment(this, 'app-140', {
      labels: { app: 'app-140' },
      replicas: 2,
      template: {
        labels: { app: 'app-140' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app141 = new Deployment(this, 'app-141', {
      labels: { app: 'app-141' },
      replicas: 2,
      template: {
        labels: { app: 'app-141' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app142 = new Deployment(this, 'app-142', {
      labels: { app: 'app-142' },
      replicas: 2,
      template: {
        labels: { app: 'app-142' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app143 = new Deployment(this, 'app-143', {
      labels: { app: 'app-143' },
      replicas: 2,
      template: {
        labels: { app: 'app-143' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app144 = new Deployment(this, 'app-144', {
      labels: { app: 'app-144' },
      replicas: 2,
      template: {
        labels: { app: 'app-144' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app145 = new Deployment(this, 'app-145', {
      labels: { app: 'app-145' },
      replicas: 2,
      template: {
        labels: { app: 'app-145' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app146 = new Deployment(this, 'app-146', {
      labels: { app: 'app-146' },
      replicas: 2,
      template: {
        labels: { app: 'app-146' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app147 = new Deployment(this, 'app-147', {
      labels: { app: 'app-147' },
      replicas: 2,
      template: {
        labels: { app: 'app-147' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app148 = new Deployment(this, 'app-148', {
      labels: { app: 'app-148' },
      replicas: 2,
      template: {
        labels: { app: 'app-148' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app149 = new Deployment(this, 'app-149', {
      labels: { app: 'app-149' },
      replicas: 2,
      template: {
        labels: { app: 'app-149' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app150 = new Deployment(this, 'app-150', {
      labels: { app: 'app-150' },
      replicas: 2,
      template: {
        labels: { app: 'app-150' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app151 = new Deployment(this, 'app-151', {
      labels: { app: 'app-151' },
      replicas: 2,
      template: {
        labels: { app: 'app-151' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app152 = new Deployment(this, 'app-152', {
      labels: { app: 'app-152' },
      replicas: 2,
      template: {
        labels: { app: 'app-152' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app153 = new Deployment(this, 'app-153', {
      labels: { app: 'app-153' },
      replicas: 2,
      template: {
        labels: { app: 'app-153' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app154 = new Deployment(this, 'app-154', {
      labels: { app: 'app-154' },
      replicas: 2,
      template: {
        labels: { app: 'app-154' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app155 = new Deployment(this, 'app-155', {
      labels: { app: 'app-155' },
      replicas: 2,
      template: {
        labels: { app: 'app-155' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app156 = new Deployment(this, 'app-156', {
      labels: { app: 'app-156' },
      replicas: 2,
      template: {
        labels: { app: 'app-156' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app157 = new Deployment(this, 'app-157', {
      labels: { app: 'app-157' },
      replicas: 2,
      template: {
        labels: { app: 'app-157' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app158 = new Deployment(this, 'app-158', {
      labels: { app: 'app-158' },
      replicas: 2,
      template: {
        labels: { app: 'app-158' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app159 = new Deployment(this, 'app-159', {
      labels: { app: 'app-159' },
      replicas: 2,
      template: {
        labels: { app: 'app-159' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app160 = new Deployment(this, 'app-160', {
      labels: { app: 'app-160' },
      replicas: 2,
      template: {
        labels: { app: 'app-160' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app161 = new Deployment(this, 'app-161', {
      labels: { app: 'app-161' },
      replicas: 2,
      template: {
        labels: { app: 'app-161' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app162 = new Deployment(this, 'app-162', {
      labels: { app: 'app-162' },
      replicas: 2,
      template: {
        labels: { app: 'app-162' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app163 = new Deployment(this, 'app-163', {
      labels: { app: 'app-163' },
      replicas: 2,
      template: {
        labels: { app: 'app-163' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app164 = new Deployment(this, 'app-164', {
      labels: { app: 'app-164' },
      replicas: 2,
      template: {
        labels: { app: 'app-164' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app165 = new Deployment(this, 'app-165', {
      labels: { app: 'app-165' },
      replicas: 2,
      template: {
        labels: { app: 'app-165' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app166 = new Deployment(this, 'app-166', {
      labels: { app: 'app-166' },
      replicas: 2,
      template: {
        labels: { app: 'app-166' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app167 = new Deployment(this, 'app-167', {
      labels: { app: 'app-167' },
      replicas: 2,
      template: {
        labels: { app: 'app-167' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app168 = new Deployment(this, 'app-168', {
      labels: { app: 'app-168' },
      replicas: 2,
      template: {
        labels: { app: 'app-168' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app169 = new Deployment(this, 'app-169', {
      labels: { app: 'app-169' },
      replicas: 2,
      template: {
        labels: { app: 'app-169' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app170 = new Deployment(this, 'app-170', {
      labels: { app: 'app-170' },
      replicas: 2,
      template: {
        labels: { app: 'app-170' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app171 = new Deployment(this, 'app-171', {
      labels: { app: 'app-171' },
      replicas: 2,
      template: {
        labels: { app: 'app-171' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app172 = new Deployment(this, 'app-172', {
      labels: { app: 'app-172' },
      replicas: 2,
      template: {
        labels: { app: 'app-172' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app173 = new Deployment(this, 'app-173', {
      labels: { app: 'app-173' },
      replicas: 2,
      template: {
        labels: { app: 'app-173' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app174 = new Deployment(this, 'app-174', {
      labels: { app: 'app-174' },
      replicas: 2,
      template: {
        labels: { app: 'app-174' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app175 = new Deployment(this, 'app-175', {
      labels: { app: 'app-175' },
      replicas: 2,
      template: {
        labels: { app: 'app-175' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app176 = new Deployment(this, 'app-176', {
      labels: { app: 'app-176' },
      replicas: 2,
      template: {
        labels: { app: 'app-176' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app177 = new Deployment(this, 'app-177', {
      labels: { app: 'app-177' },
      replicas: 2,
      template: {
        labels: { app: 'app-177' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app178 = new Deployment(this, 'app-178', {
      labels: { app: 'app-178' },
      replicas: 2,
      template: {
        labels: { app: 'app-178' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app179 = new Deployment(this, 'app-179', {
      labels: { app: 'app-179' },
      replicas: 2,
      template: {
        labels: { app: 'app-179' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app180 = new Deployment(this, 'app-180', {
      labels: { app: 'app-180' },
      replicas: 2,
      template: {
        labels: { app: 'app-180' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app181 = new Deployment(this, 'app-181', {
      labels: { app: 'app-181' },
      replicas: 2,
      template: {
        labels: { app: 'app-181' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app182 = new Deployment(this, 'app-182', {
      labels: { app: 'app-182' },
      replicas: 2,
      template: {
        labels: { app: 'app-182' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app183 = new Deployment(this, 'app-183', {
      labels: { app: 'app-183' },
      replicas: 2,
      template: {
        labels: { app: 'app-183' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app184 = new Deployment(this, 'app-184', {
      labels: { app: 'app-184' },
      replicas: 2,
      template: {
        labels: { app: 'app-184' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app185 = new Deployment(this, 'app-185', {
      labels: { app: 'app-185' },
      replicas: 2,
      template: {
        labels: { app: 'app-185' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app186 = new Deployment(this, 'app-186', {
      labels: { app: 'app-186' },
      replicas: 2,
      template: {
        labels: { app: 'app-186' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app187 = new Deployment(this, 'app-187', {
      labels: { app: 'app-187' },
      replicas: 2,
      template: {
        labels: { app: 'app-187' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app188 = new Deployment(this, 'app-188', {
      labels: { app: 'app-188' },
      replicas: 2,
      template: {
        labels: { app: 'app-188' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app189 = new Deployment(this, 'app-189', {
      labels: { app: 'app-189' },
      replicas: 2,
      template: {
        labels: { app: 'app-189' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app190 = new Deployment(this, 'app-190', {
      labels: { app: 'app-190' },
      replicas: 2,
      template: {
        labels: { app: 'app-190' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app191 = new Deployment(this, 'app-191', {
      labels: { app: 'app-191' },
      replicas: 2,
      template: {
        labels: { app: 'app-191' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app192 = new Deployment(this, 'app-192', {
      labels: { app: 'app-192' },
      replicas: 2,
      template: {
        labels: { app: 'app-192' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app193 = new Deployment(this, 'app-193', {
      labels: { app: 'app-193' },
      replicas: 2,
      template: {
        labels: { app: 'app-193' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app194 = new Deployment(this, 'app-194', {
      labels: { app: 'app-194' },
      replicas: 2,
      template: {
        labels: { app: 'app-194' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app195 = new Deployment(this, 'app-195', {
      labels: { app: 'app-195' },
      replicas: 2,
      template: {
        labels: { app: 'app-195' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app196 = new Deployment(this, 'app-196', {
      labels: { app: 'app-196' },
      replicas: 2,
      template: {
        labels: { app: 'app-196' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app197 = new Deployment(this, 'app-197', {
      labels: { app: 'app-197' },
      replicas: 2,
      template: {
        labels: { app: 'app-197' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app198 = new Deployment(this, 'app-198', {
      labels: { app: 'app-198' },
      replicas: 2,
      template: {
        labels: { app: 'app-198' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app199 = new Deployment(this, 'app-199', {
      labels: { app: 'app-199' },
      replicas: 2,
      template: {
        labels: { app: 'app-199' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app200 = new Deployment(this, 'app-200', {
      labels: { app: 'app-200' },
      replicas: 2,
      template: {
        labels: { app: 'app-200' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app201 = new Deployment(this, 'app-201', {
      labels: { app: 'app-201' },
      replicas: 2,
      template: {
        labels: { app: 'app-201' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app202 = new Deployment(this, 'app-202', {
      labels: { app: 'app-202' },
      replicas: 2,
      template: {
        labels: { app: 'app-202' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app203 = new Deployment(this, 'app-203', {
      labels: { app: 'app-203' },
      replicas: 2,
      template: {
        labels: { app: 'app-203' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app204 = new Deployment(this, 'app-204', {
      labels: { app: 'app-204' },
      replicas: 2,
      template: {
        labels: { app: 'app-204' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app205 = new Deployment(this, 'app-205', {
      labels: { app: 'app-205' },
      replicas: 2,
      template: {
        labels: { app: 'app-205' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app206 = new Deployment(this, 'app-206', {
      labels: { app: 'app-206' },
      replicas: 2,
      template: {
        labels: { app: 'app-206' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app207 = new Deployment(this, 'app-207', {
      labels: { app: 'app-207' },
      replicas: 2,
      template: {
        labels: { app: 'app-207' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app208 = new Deployment(this, 'app-208', {
      labels: { app: 'app-208' },
      replicas: 2,
      template: {
        labels: { app: 'app-208' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app209 = new Deployment(this, 'app-209', {
      labels: { app: 'app-209' },
      replicas: 2,
      template: {
        labels: { app: 'app-209' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app210 = new Deployment(this, 'app-210', {
      labels: { app: 'app-210' },
      replicas: 2,
      template: {
        labels: { app: 'app-210' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app211 = new Deployment(this, 'app-211', {
      labels: { app: 'app-211' },
      replicas: 2,
      template: {
        labels: { app: 'app-211' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app212 = new Deployment(this, 'app-212', {
      labels: { app: 'app-212' },
      replicas: 2,
      template: {
        labels: { app: 'app-212' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app213 = new Deployment(this, 'app-213', {
      labels: { app: 'app-213' },
      replicas: 2,
      template: {
        labels: { app: 'app-213' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app214 = new Deployment(this, 'app-214', {
      labels: { app: 'app-214' },
      replicas: 2,
      template: {
        labels: { app: 'app-214' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app215 = new Deployment(this, 'app-215', {
      labels: { app: 'app-215' },
      replicas: 2,
      template: {
        labels: { app: 'app-215' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app216 = new Deployment(this, 'app-216', {
      labels: { app: 'app-216' },
      replicas: 2,
      template: {
        labels: { app: 'app-216' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app217 = new Deployment(this, 'app-217', {
      labels: { app: 'app-217' },
      replicas: 2,
      template: {
        labels: { app: 'app-217' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app218 = new Deployment(this, 'app-218', {
      labels: { app: 'app-218' },
      replicas: 2,
      template: {
        labels: { app: 'app-218' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app219 = new Deployment(this, 'app-219', {
      labels: { app: 'app-219' },
      replicas: 2,
      template: {
        labels: { app: 'app-219' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app220 = new Deployment(this, 'app-220', {
      labels: { app: 'app-220' },
      replicas: 2,
      template: {
        labels: { app: 'app-220' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app221 = new Deployment(this, 'app-221', {
      labels: { app: 'app-221' },
      replicas: 2,
      template: {
        labels: { app: 'app-221' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app222 = new Deployment(this, 'app-222', {
      labels: { app: 'app-222' },
      replicas: 2,
      template: {
        labels: { app: 'app-222' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app223 = new Deployment(this, 'app-223', {
      labels: { app: 'app-223' },
      replicas: 2,
      template: {
        labels: { app: 'app-223' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app224 = new Deployment(this, 'app-224', {
      labels: { app: 'app-224' },
      replicas: 2,
      template: {
        labels: { app: 'app-224' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app225 = new Deployment(this, 'app-225', {
      labels: { app: 'app-225' },
      replicas: 2,
      template: {
        labels: { app: 'app-225' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app226 = new Deployment(this, 'app-226', {
      labels: { app: 'app-226' },
      replicas: 2,
      template: {
        labels: { app: 'app-226' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app227 = new Deployment(this, 'app-227', {
      labels: { app: 'app-227' },
      replicas: 2,
      template: {
        labels: { app: 'app-227' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app228 = new Deployment(this, 'app-228', {
      labels: { app: 'app-228' },
      replicas: 2,
      template: {
        labels: { app: 'app-228' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app229 = new Deployment(this, 'app-229', {
      labels: { app: 'app-229' },
      replicas: 2,
      template: {
        labels: { app: 'app-229' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app230 = new Deployment(this, 'app-230', {
      labels: { app: 'app-230' },
      replicas: 2,
      template: {
        labels: { app: 'app-230' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app231 = new Deployment(this, 'app-231', {
      labels: { app: 'app-231' },
      replicas: 2,
      template: {
        labels: { app: 'app-231' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app232 = new Deployment(this, 'app-232', {
      labels: { app: 'app-232' },
      replicas: 2,
      template: {
        labels: { app: 'app-232' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app233 = new Deployment(this, 'app-233', {
      labels: { app: 'app-233' },
      replicas: 2,
      template: {
        labels: { app: 'app-233' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app234 = new Deployment(this, 'app-234', {
      labels: { app: 'app-234' },
      replicas: 2,
      template: {
        labels: { app: 'app-234' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app235 = new Deployment(this, 'app-235', {
      labels: { app: 'app-235' },
      replicas: 2,
      template: {
        labels: { app: 'app-235' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app236 = new Deployment(this, 'app-236', {
      labels: { app: 'app-236' },
      replicas: 2,
      template: {
        labels: { app: 'app-236' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app237 = new Deployment(this, 'app-237', {
      labels: { app: 'app-237' },
      replicas: 2,
      template: {
        labels: { app: 'app-237' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app238 = new Deployment(this, 'app-238', {
      labels: { app: 'app-238' },
      replicas: 2,
      template: {
        labels: { app: 'app-238' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app239 = new Deployment(this, 'app-239', {
      labels: { app: 'app-239' },
      replicas: 2,
      template: {
        labels: { app: 'app-239' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app240 = new Deployment(this, 'app-240', {
      labels: { app: 'app-240' },
      replicas: 2,
      template: {
        labels: { app: 'app-240' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app241 = new Deployment(this, 'app-241', {
      labels: { app: 'app-241' },
      replicas: 2,
      template: {
        labels: { app: 'app-241' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app242 = new Deployment(this, 'app-242', {
      labels: { app: 'app-242' },
      replicas: 2,
      template: {
        labels: { app: 'app-242' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app243 = new Deployment(this, 'app-243', {
      labels: { app: 'app-243' },
      replicas: 2,
      template: {
        labels: { app: 'app-243' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app244 = new Deployment(this, 'app-244', {
      labels: { app: 'app-244' },
      replicas: 2,
      template: {
        labels: { app: 'app-244' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app245 = new Deployment(this, 'app-245', {
      labels: { app: 'app-245' },
      replicas: 2,
      template: {
        labels: { app: 'app-245' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app246 = new Deployment(this, 'app-246', {
      labels: { app: 'app-246' },
      replicas: 2,
      template: {
        labels: { app: 'app-246' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app247 = new Deployment(this, 'app-247', {
      labels: { app: 'app-247' },
      replicas: 2,
      template: {
        labels: { app: 'app-247' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app248 = new Deployment(this, 'app-248', {
      labels: { app: 'app-248' },
      replicas: 2,
      template: {
        labels: { app: 'app-248' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    const app249 = new Deployment(this, 'app-249', {
      labels: { app: 'app-249' },
      replicas: 2,
      template: {
        labels: { app: 'app-249' },
        containers: [
          new Container({
            name: 'web',
            image: 'nginx:1.27',
            ports: { http: 8080 },
            env: [{ name: 'MODE', value: 'production' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/healthz' }),
          }),
        ],
      },
    });
    new Service(this, 'app-0-service', { name: 'app-0', target: app0, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-1-service', { name: 'app-1', target: app1, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-2-service', { name: 'app-2', target: app2, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-3-service', { name: 'app-3', target: app3, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-4-service', { name: 'app-4', target: app4, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-5-service', { name: 'app-5', target: app5, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-6-service', { name: 'app-6', target: app6, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-7-service', { name: 'app-7', target: app7, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-8-service', { name: 'app-8', target: app8, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-9-service', { name: 'app-9', target: app9, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-10-service', { name: 'app-10', target: app10, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-11-service', { name: 'app-11', target: app11, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-12-service', { name: 'app-12', target: app12, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-13-service', { name: 'app-13', target: app13, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-14-service', { name: 'app-14', target: app14, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-15-service', { name: 'app-15', target: app15, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-16-service', { name: 'app-16', target: app16, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-17-service', { name: 'app-17', target: app17, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-18-service', { name: 'app-18', target: app18, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-19-service', { name: 'app-19', target: app19, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-20-service', { name: 'app-20', target: app20, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-21-service', { name: 'app-21', target: app21, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-22-service', { name: 'app-22', target: app22, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-23-service', { name: 'app-23', target: app23, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-24-service', { name: 'app-24', target: app24, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-25-service', { name: 'app-25', target: app25, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-26-service', { name: 'app-26', target: app26, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-27-service', { name: 'app-27', target: app27, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-28-service', { name: 'app-28', target: app28, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-29-service', { name: 'app-29', target: app29, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-30-service', { name: 'app-30', target: app30, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-31-service', { name: 'app-31', target: app31, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-32-service', { name: 'app-32', target: app32, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-33-service', { name: 'app-33', target: app33, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-34-service', { name: 'app-34', target: app34, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-35-service', { name: 'app-35', target: app35, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-36-service', { name: 'app-36', target: app36, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-37-service', { name: 'app-37', target: app37, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-38-service', { name: 'app-38', target: app38, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-39-service', { name: 'app-39', target: app39, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-40-service', { name: 'app-40', target: app40, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-41-service', { name: 'app-41', target: app41, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-42-service', { name: 'app-42', target: app42, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-43-service', { name: 'app-43', target: app43, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-44-service', { name: 'app-44', target: app44, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-45-service', { name: 'app-45', target: app45, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-46-service', { name: 'app-46', target: app46, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-47-service', { name: 'app-47', target: app47, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-48-service', { name: 'app-48', target: app48, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-49-service', { name: 'app-49', target: app49, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-50-service', { name: 'app-50', target: app50, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-51-service', { name: 'app-51', target: app51, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-52-service', { name: 'app-52', target: app52, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-53-service', { name: 'app-53', target: app53, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-54-service', { name: 'app-54', target: app54, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-55-service', { name: 'app-55', target: app55, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-56-service', { name: 'app-56', target: app56, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-57-service', { name: 'app-57', target: app57, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-58-service', { name: 'app-58', target: app58, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-59-service', { name: 'app-59', target: app59, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-60-service', { name: 'app-60', target: app60, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-61-service', { name: 'app-61', target: app61, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-62-service', { name: 'app-62', target: app62, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-63-service', { name: 'app-63', target: app63, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-64-service', { name: 'app-64', target: app64, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-65-service', { name: 'app-65', target: app65, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-66-service', { name: 'app-66', target: app66, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-67-service', { name: 'app-67', target: app67, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-68-service', { name: 'app-68', target: app68, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-69-service', { name: 'app-69', target: app69, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-70-service', { name: 'app-70', target: app70, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-71-service', { name: 'app-71', target: app71, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-72-service', { name: 'app-72', target: app72, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-73-service', { name: 'app-73', target: app73, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-74-service', { name: 'app-74', target: app74, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-75-service', { name: 'app-75', target: app75, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-76-service', { name: 'app-76', target: app76, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-77-service', { name: 'app-77', target: app77, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-78-service', { name: 'app-78', target: app78, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-79-service', { name: 'app-79', target: app79, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-80-service', { name: 'app-80', target: app80, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-81-service', { name: 'app-81', target: app81, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-82-service', { name: 'app-82', target: app82, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-83-service', { name: 'app-83', target: app83, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-84-service', { name: 'app-84', target: app84, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-85-service', { name: 'app-85', target: app85, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-86-service', { name: 'app-86', target: app86, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-87-service', { name: 'app-87', target: app87, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-88-service', { name: 'app-88', target: app88, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-89-service', { name: 'app-89', target: app89, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-90-service', { name: 'app-90', target: app90, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-91-service', { name: 'app-91', target: app91, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-92-service', { name: 'app-92', target: app92, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-93-service', { name: 'app-93', target: app93, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-94-service', { name: 'app-94', target: app94, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-95-service', { name: 'app-95', target: app95, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-96-service', { name: 'app-96', target: app96, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-97-service', { name: 'app-97', target: app97, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-98-service', { name: 'app-98', target: app98, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-99-service', { name: 'app-99', target: app99, ports: [{ port: 80, targetPort: 'http' }] });
    new Service(this, 'app-100-service', {
      name: 'app-100',
      target: app100,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-101-service', {
      name: 'app-101',
      target: app101,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-102-service', {
      name: 'app-102',
      target: app102,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-103-service', {
      name: 'app-103',
      target: app103,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-104-service', {
      name: 'app-104',
      target: app104,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-105-service', {
      name: 'app-105',
      target: app105,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-106-service', {
      name: 'app-106',
      target: app106,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-107-service', {
      name: 'app-107',
      target: app107,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-108-service', {
      name: 'app-108',
      target: app108,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-109-service', {
      name: 'app-109',
      target: app109,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-110-service', {
      name: 'app-110',
      target: app110,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-111-service', {
      name: 'app-111',
      target: app111,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-112-service', {
      name: 'app-112',
      target: app112,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-113-service', {
      name: 'app-113',
      target: app113,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-114-service', {
      name: 'app-114',
      target: app114,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-115-service', {
      name: 'app-115',
      target: app115,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-116-service', {
      name: 'app-116',
      target: app116,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-117-service', {
      name: 'app-117',
      target: app117,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-118-service', {
      name: 'app-118',
      target: app118,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-119-service', {
      name: 'app-119',
      target: app119,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-120-service', {
      name: 'app-120',
      target: app120,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-121-service', {
      name: 'app-121',
      target: app121,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-122-service', {
      name: 'app-122',
      target: app122,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-123-service', {
      name: 'app-123',
      target: app123,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-124-service', {
      name: 'app-124',
      target: app124,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-125-service', {
      name: 'app-125',
      target: app125,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-126-service', {
      name: 'app-126',
      target: app126,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-127-service', {
      name: 'app-127',
      target: app127,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-128-service', {
      name: 'app-128',
      target: app128,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-129-service', {
      name: 'app-129',
      target: app129,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-130-service', {
      name: 'app-130',
      target: app130,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-131-service', {
      name: 'app-131',
      target: app131,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-132-service', {
      name: 'app-132',
      target: app132,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-133-service', {
      name: 'app-133',
      target: app133,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-134-service', {
      name: 'app-134',
      target: app134,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-135-service', {
      name: 'app-135',
      target: app135,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-136-service', {
      name: 'app-136',
      target: app136,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-137-service', {
      name: 'app-137',
      target: app137,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-138-service', {
      name: 'app-138',
      target: app138,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-139-service', {
      name: 'app-139',
      target: app139,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-140-service', {
      name: 'app-140',
      target: app140,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-141-service', {
      name: 'app-141',
      target: app141,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-142-service', {
      name: 'app-142',
      target: app142,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-143-service', {
      name: 'app-143',
      target: app143,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-144-service', {
      name: 'app-144',
      target: app144,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-145-service', {
      name: 'app-145',
      target: app145,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-146-service', {
      name: 'app-146',
      target: app146,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-147-service', {
      name: 'app-147',
      target: app147,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-148-service', {
      name: 'app-148',
      target: app148,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-149-service', {
      name: 'app-149',
      target: app149,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-150-service', {
      name: 'app-150',
      target: app150,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-151-service', {
      name: 'app-151',
      target: app151,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-152-service', {
      name: 'app-152',
      target: app152,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-153-service', {
      name: 'app-153',
      target: app153,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-154-service', {
      name: 'app-154',
      target: app154,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-155-service', {
      name: 'app-155',
      target: app155,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-156-service', {
      name: 'app-156',
      target: app156,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-157-service', {
      name: 'app-157',
      target: app157,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-158-service', {
      name: 'app-158',
      target: app158,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-159-service', {
      name: 'app-159',
      target: app159,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-160-service', {
      name: 'app-160',
      target: app160,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-161-service', {
      name: 'app-161',
      target: app161,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-162-service', {
      name: 'app-162',
      target: app162,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-163-service', {
      name: 'app-163',
      target: app163,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-164-service', {
      name: 'app-164',
      target: app164,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-165-service', {
      name: 'app-165',
      target: app165,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-166-service', {
      name: 'app-166',
      target: app166,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-167-service', {
      name: 'app-167',
      target: app167,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-168-service', {
      name: 'app-168',
      target: app168,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-169-service', {
      name: 'app-169',
      target: app169,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-170-service', {
      name: 'app-170',
      target: app170,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-171-service', {
      name: 'app-171',
      target: app171,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-172-service', {
      name: 'app-172',
      target: app172,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-173-service', {
      name: 'app-173',
      target: app173,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-174-service', {
      name: 'app-174',
      target: app174,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-175-service', {
      name: 'app-175',
      target: app175,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-176-service', {
      name: 'app-176',
      target: app176,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-177-service', {
      name: 'app-177',
      target: app177,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-178-service', {
      name: 'app-178',
      target: app178,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-179-service', {
      name: 'app-179',
      target: app179,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-180-service', {
      name: 'app-180',
      target: app180,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-181-service', {
      name: 'app-181',
      target: app181,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-182-service', {
      name: 'app-182',
      target: app182,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-183-service', {
      name: 'app-183',
      target: app183,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-184-service', {
      name: 'app-184',
      target: app184,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-185-service', {
      name: 'app-185',
      target: app185,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-186-service', {
      name: 'app-186',
      target: app186,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-187-service', {
      name: 'app-187',
      target: app187,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-188-service', {
      name: 'app-188',
      target: app188,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-189-service', {
      name: 'app-189',
      target: app189,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-190-service', {
      name: 'app-190',
      target: app190,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-191-service', {
      name: 'app-191',
      target: app191,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-192-service', {
      name: 'app-192',
      target: app192,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-193-service', {
      name: 'app-193',
      target: app193,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-194-service', {
      name: 'app-194',
      target: app194,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-195-service', {
      name: 'app-195',
      target: app195,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-196-service', {
      name: 'app-196',
      target: app196,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-197-service', {
      name: 'app-197',
      target: app197,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-198-service', {
      name: 'app-198',
      target: app198,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-199-service', {
      name: 'app-199',
      target: app199,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-200-service', {
      name: 'app-200',
      target: app200,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-201-service', {
      name: 'app-201',
      target: app201,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-202-service', {
      name: 'app-202',
      target: app202,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-203-service', {
      name: 'app-203',
      target: app203,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-204-service', {
      name: 'app-204',
      target: app204,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-205-service', {
      name: 'app-205',
      target: app205,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-206-service', {
      name: 'app-206',
      target: app206,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-207-service', {
      name: 'app-207',
      target: app207,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-208-service', {
      name: 'app-208',
      target: app208,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-209-service', {
      name: 'app-209',
      target: app209,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-210-service', {
      name: 'app-210',
      target: app210,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-211-service', {
      name: 'app-211',
      target: app211,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-212-service', {
      name: 'app-212',
      target: app212,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-213-service', {
      name: 'app-213',
      target: app213,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-214-service', {
      name: 'app-214',
      target: app214,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-215-service', {
      name: 'app-215',
      target: app215,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-216-service', {
      name: 'app-216',
      target: app216,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-217-service', {
      name: 'app-217',
      target: app217,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-218-service', {
      name: 'app-218',
      target: app218,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-219-service', {
      name: 'app-219',
      target: app219,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-220-service', {
      name: 'app-220',
      target: app220,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-221-service', {
      name: 'app-221',
      target: app221,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-222-service', {
      name: 'app-222',
      target: app222,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-223-service', {
      name: 'app-223',
      target: app223,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-224-service', {
      name: 'app-224',
      target: app224,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-225-service', {
      name: 'app-225',
      target: app225,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-226-service', {
      name: 'app-226',
      target: app226,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-227-service', {
      name: 'app-227',
      target: app227,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-228-service', {
      name: 'app-228',
      target: app228,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-229-service', {
      name: 'app-229',
      target: app229,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-230-service', {
      name: 'app-230',
      target: app230,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-231-service', {
      name: 'app-231',
      target: app231,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-232-service', {
      name: 'app-232',
      target: app232,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-233-service', {
      name: 'app-233',
      target: app233,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-234-service', {
      name: 'app-234',
      target: app234,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-235-service', {
      name: 'app-235',
      target: app235,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-236-service', {
      name: 'app-236',
      target: app236,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-237-service', {
      name: 'app-237',
      target: app237,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-238-service', {
      name: 'app-238',
      target: app238,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-239-service', {
      name: 'app-239',
      target: app239,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-240-service', {
      name: 'app-240',
      target: app240,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-241-service', {
      name: 'app-241',
      target: app241,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-242-service', {
      name: 'app-242',
      target: app242,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-243-service', {
      name: 'app-243',
      target: app243,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-244-service', {
      name: 'app-244',
      target: app244,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-245-service', {
      name: 'app-245',
      target: app245,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-246-service', {
      name: 'app-246',
      target: app246,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-247-service', {
      name: 'app-247',
      target: app247,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-248-service', {
      name: 'app-248',
      target: app248,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    new Service(this, 'app-249-service', {
      name: 'app-249',
      target: app249,
      ports: [{ port: 80, targetPort: 'http' }],
    });
  }
}
