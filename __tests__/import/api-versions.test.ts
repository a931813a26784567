import { importManifests } from '../../lib/import';
import { removedIn } from '../../lib/import/_removed-api-versions';
import { problemsOf } from './_problems';

// Old published manifests use API versions the API server stopped serving;
// the refusal says so, and names the version to use.
const deployment = (apiVersion: string) =>
  `apiVersion: ${apiVersion}\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: "nginx:1.27"}]}\n`;

describe('an API version the API server no longer serves', () => {
  test('is refused with the release that removed it', () => {
    expect(problemsOf(deployment('extensions/v1beta1'))).toEqual([
      'in.yaml: document 1: apiVersion: Deployment has apiVersion "extensions/v1beta1", which the API server no longer serves (removed in Kubernetes 1.16). Fix: use apiVersion: apps/v1',
    ]);
    expect(problemsOf(deployment('apps/v1beta2'))).toEqual([
      'in.yaml: document 1: apiVersion: Deployment has apiVersion "apps/v1beta2", which the API server no longer serves (removed in Kubernetes 1.16). Fix: use apiVersion: apps/v1',
    ]);
  });

  test('apps/v1, which it serves, imports', () => {
    expect(importManifests([{ file: 'in.yaml', text: deployment('apps/v1') }]).source).toContain("new Deployment(this, 'web', {");
  });

  test('is known by kind where a group lost its kinds in different releases', () => {
    expect(removedIn('extensions/v1beta1', 'Ingress')).toBe('1.22');
    expect(removedIn('extensions/v1beta1', 'DaemonSet')).toBe('1.16');
    expect(removedIn('batch/v1beta1', 'CronJob')).toBe('1.25');
    expect(removedIn('autoscaling/v2beta2', 'HorizontalPodAutoscaler')).toBe('1.26');
    expect(removedIn('apps/v1', 'Deployment')).toBeUndefined();
    expect(removedIn('autoscaling/v1', 'HorizontalPodAutoscaler')).toBeUndefined();
  });
});
