import type { App as Cdk8sApp } from 'cdk8s';

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

/**
 * The whole-process baselines: the floor (the Pods as plain objects,
 * JSON.stringify'd into one file), and cdk8s objects (their names and
 * labels as bare cdk8s ApiObjects in one Chart, rendered with toJson(),
 * nothing written), what cdk8s's object model costs before Peapod does anything.
 */
export const BASELINES = ['floor', 'cdk8s-objects'] as const;
export type Baseline = (typeof BASELINES)[number];

/**
 * An app with `pods` Pods in one chart, ready to synth into `outdir`.
 * Each variant is a module of its own that loads only the libraries it
 * uses, as a user's program does; this one loads none, nor does the floor.
 */
export function buildWorkload(variant: Variant, pods: number, outdir: string): Cdk8sApp {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(`./workload-${variant}`) as { build(pods: number, outdir: string): Cdk8sApp }).build(pods, outdir);
}

export const APP_IMAGE = 'registry.example.com/shop/web:1.4.2';
export const SIDECAR_IMAGE = 'nginx:1.27';
export const HTML_PATH = '/var/html';
export const NGINX_PATH = '/usr/share/nginx/html';

export function podName(i: number): string {
  return `web-${i}`;
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
