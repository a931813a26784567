import { ApiObject, App, Chart } from 'cdk8s';
import { podName } from './workloads';

/**
 * The benchmark's Pods as bare cdk8s `ApiObject`s in one Chart, with their
 * names and labels and no spec, each rendered with `toJson()`, nothing
 * written: what cdk8s's own object model costs before Peapod does anything.
 * Returns how many objects were rendered.
 */
export function renderCdk8sObjects(pods: number): number {
  const chart = new Chart(new App(), 'bench');
  let rendered = 0;
  for (let i = 0; i < pods; i++) {
    const metadata = { name: podName(i), labels: { app: podName(i), tier: 'web' } };
    const object = new ApiObject(chart, podName(i), { apiVersion: 'v1', kind: 'Pod', metadata });
    rendered += object.toJson() === undefined ? 0 : 1;
  }
  return rendered;
}
