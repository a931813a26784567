import { App as Cdk8sApp, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { App, Container, Pod, Volume } from '../lib';

/**
 * The benchmark's workload, written three ways: N Pods, each with an app
 * container and an nginx sidecar that share an emptyDir volume, ports on
 * both, env where one value refers to another, and a GPU node selector.
 * The Peapod and L1 variants describe the same manifests, field for field,
 * so their YAML must be identical; cdk8s-plus-27 adds its own defaults and
 * cannot emit a literal nodeSelector (it attracts the Pod with node
 * affinity instead).
 */
export type Variant = 'peapod' | 'l1' | 'plus27';

/** The variants, in the order the benchmark prints them. */
export const VARIANTS: readonly Variant[] = ['peapod', 'l1', 'plus27'];

/** An app with `pods` Pods in one chart, ready to synth into `outdir`. */
export function buildWorkload(variant: Variant, pods: number, outdir: string): Cdk8sApp {
  switch (variant) {
    case 'peapod':
      return peapod(pods, outdir);
    case 'l1':
      return l1(pods, outdir);
    case 'plus27':
      return plus27(pods, outdir);
  }
}

const APP_IMAGE = 'registry.example.com/shop/web:1.4.2';
const SIDECAR_IMAGE = 'nginx:1.27';
const HTML_PATH = '/var/html';
const NGINX_PATH = '/usr/share/nginx/html';

function podName(i: number): string {
  return `web-${i}`;
}

function peapod(pods: number, outdir: string): Cdk8sApp {
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

function l1(pods: number, outdir: string): Cdk8sApp {
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

function plus27(pods: number, outdir: string): Cdk8sApp {
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

/** The same Pods as plain objects, as the L1 variant's manifests have them: the floor a synth cannot beat. */
export function floorPods(pods: number): object[] {
  const out: object[] = [];
  for (let i = 0; i < pods; i++) {
    out.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { labels: { app: podName(i), tier: 'web' }, name: podName(i) },
      spec: {
        containers: [
          {
            env: [
              { name: 'PROFILE', value: 'production' },
              { name: 'MESSAGE', value: 'This application is running on $(PROFILE)' },
            ],
            image: APP_IMAGE,
            name: 'app',
            ports: [{ containerPort: 8080, name: 'http' }],
            volumeMounts: [{ mountPath: HTML_PATH, name: 'html' }],
          },
          { image: SIDECAR_IMAGE, name: 'web-server', ports: [{ containerPort: 80, name: 'web' }], volumeMounts: [{ mountPath: NGINX_PATH, name: 'html', readOnly: true }] },
        ],
        nodeSelector: { gpu: 'true' },
        volumes: [{ emptyDir: {}, name: 'html' }],
      },
    });
  }
  return out;
}
