import { App as Cdk8sApp, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { APP_IMAGE, HTML_PATH, NGINX_PATH, podName, SIDECAR_IMAGE } from './workloads';

/** The benchmark's Pods written with cdk8s-plus-27's `kplus.Pod` (see workloads.ts). */
export function build(pods: number, outdir: string): Cdk8sApp {
  const app = new Cdk8sApp({ outdir });
  const chart = new Chart(app, 'bench');
  for (let i = 0; i < pods; i++) {
    const pod = new kplus.Pod(chart, podName(i), {
      metadata: { name: podName(i), labels: { app: podName(i), tier: 'web' } },
    });
    const html = kplus.Volume.fromEmptyDir(pod, 'html', 'html');
    pod.addContainer({
      name: 'app',
      image: APP_IMAGE,
      ports: [{ name: 'http', number: 8080 }],
      envVariables: {
        PROFILE: kplus.EnvValue.fromValue('production'),
        MESSAGE: kplus.EnvValue.fromValue('This application is running on $(PROFILE)'),
      },
      volumeMounts: [{ volume: html, path: HTML_PATH }],
    });
    pod.addContainer({
      name: 'web-server',
      image: SIDECAR_IMAGE,
      ports: [{ name: 'web', number: 80 }],
      volumeMounts: [{ volume: html, path: NGINX_PATH, readOnly: true }],
    });
    pod.scheduling.attract(kplus.Node.labeled(kplus.NodeLabelQuery.is('gpu', 'true')));
  }
  return app;
}
