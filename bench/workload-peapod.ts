import { App as Cdk8sApp, Chart } from 'cdk8s';
import { App, Container, Pod, Volume } from '../lib';
import { APP_IMAGE, HTML_PATH, NGINX_PATH, podName, SIDECAR_IMAGE } from './workloads';

/** The benchmark's Pods written with Peapod (see workloads.ts). */
export function build(pods: number, outdir: string): Cdk8sApp {
  // The lints run and their warnings are printed as a user gets them (grouped by rule, on stderr).
  const app = new App({ outdir });
  const chart = new Chart(app, 'bench');
  for (let i = 0; i < pods; i++) {
    const html = Volume.emptyDir('html');
    new Pod(chart, podName(i), {
      labels: { app: podName(i), tier: 'web' },
      nodeSelector: { gpu: 'true' },
      containers: [
        new Container({
          name: 'app',
          image: APP_IMAGE,
          ports: { http: 8080 },
          env: [
            { name: 'PROFILE', value: 'production' },
            { name: 'MESSAGE', value: 'This application is running on $(PROFILE)' },
          ],
          mounts: [html.mount(HTML_PATH)],
        }),
        new Container({
          name: 'web-server',
          image: SIDECAR_IMAGE,
          ports: { web: 80 },
          mounts: [html.mount(NGINX_PATH, { readOnly: true })],
        }),
      ],
    });
  }
  return app;
}
