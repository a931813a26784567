import { App as Cdk8sApp, Chart } from 'cdk8s';
import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { APP_IMAGE, HTML_PATH, NGINX_PATH, podName, SIDECAR_IMAGE } from './workloads';

/** The benchmark's Pods written with the L1 class `k8s.KubePod` (see workloads.ts). */
export function build(pods: number, outdir: string): Cdk8sApp {
  const app = new Cdk8sApp({ outdir });
  const chart = new Chart(app, 'bench');
  for (let i = 0; i < pods; i++) {
    new k8s.KubePod(chart, podName(i), {
      metadata: { name: podName(i), labels: { app: podName(i), tier: 'web' } },
      spec: {
        nodeSelector: { gpu: 'true' },
        containers: [
          {
            name: 'app',
            image: APP_IMAGE,
            ports: [{ name: 'http', containerPort: 8080 }],
            env: [
              { name: 'PROFILE', value: 'production' },
              { name: 'MESSAGE', value: 'This application is running on $(PROFILE)' },
            ],
            volumeMounts: [{ name: 'html', mountPath: HTML_PATH }],
          },
          {
            name: 'web-server',
            image: SIDECAR_IMAGE,
            ports: [{ name: 'web', containerPort: 80 }],
            volumeMounts: [{ name: 'html', mountPath: NGINX_PATH, readOnly: true }],
          },
        ],
        volumes: [{ name: 'html', emptyDir: {} }],
      },
    });
  }
  return app;
}
