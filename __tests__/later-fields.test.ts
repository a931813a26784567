import * as fs from 'fs';
import { Chart, JsonPatch } from 'cdk8s';
import * as peapod from '../lib';
import { Container, Pod } from '../lib';
import { laterFieldAt, LATER_FIELDS } from '../lib/_later-fields';
import { importManifests } from '../lib/import';
import { manifestDifferences, synthGenerated } from '../lib/import/verify';
import { newChart } from './_support';

/* eslint-disable @typescript-eslint/no-explicit-any -- escape-hatch values arrive untyped, as from JSON */

const problemsOf = (build: (chart: Chart) => void): string[] => {
  const chart = newChart();
  build(chart);
  return chart.node.findAll().flatMap((c) => c.node.validate());
};

describe('fields of Kubernetes versions after 1.27', () => {
  test('are told apart from misspellings at synth', () => {
    const problems = problemsOf(
      (chart) =>
        new Pod(chart, 'p', {
          containers: [new Container({ name: 'app', image: 'app:1.0', extraFields: { lifecycle: { preStop: { sleep: { seconds: 5 } } } } as any })],
          initContainers: [new Container({ name: 'proxy', image: 'proxy:1.0', extraFields: { restartPolicy: 'Always' } as any })],
          extraSpec: { resources: { limits: { cpu: '1' } }, hostnam: 'web' } as any,
        }),
    );
    expect(problems).toEqual([
      'spec.resources: "resources" is a field of Kubernetes 1.32 and later (Pod-level resources), not of the Kubernetes 1.27 types of cdk8s-plus-27 that Peapod builds on; it is spelt right, but cdk8s would leave it out of the manifest. Fix: if the cluster runs Kubernetes 1.32 or later, add the field with a cdk8s JsonPatch on the manifest object (pod.apiObject.addJsonPatch(JsonPatch.add(path, value))) instead of the escape hatch; otherwise remove it (unknown-field)',
      'spec.hostnam: "hostnam" is not a field of the cdk8s-plus-27 k8s types here, so cdk8s would leave it out of the manifest. Fix: correct the spelling; escape hatches take the field names of the k8s types, which differ from the manifest in case only (`hostPid` for `hostPID`) (unknown-field)',
      'spec.containers[0].lifecycle.preStop.sleep: "sleep" is a field of Kubernetes 1.29 and later (sleep lifecycle hooks), not of the Kubernetes 1.27 types of cdk8s-plus-27 that Peapod builds on; it is spelt right, but cdk8s would leave it out of the manifest. Fix: if the cluster runs Kubernetes 1.29 or later, add the field with a cdk8s JsonPatch on the manifest object (pod.apiObject.addJsonPatch(JsonPatch.add(path, value))) instead of the escape hatch; otherwise remove it (unknown-field)',
      'spec.initContainers[0].restartPolicy: "restartPolicy" is a field of Kubernetes 1.28 and later (sidecar init containers), not of the Kubernetes 1.27 types of cdk8s-plus-27 that Peapod builds on; it is spelt right, but cdk8s would leave it out of the manifest. Fix: if the cluster runs Kubernetes 1.28 or later, add the field with a cdk8s JsonPatch on the manifest object (pod.apiObject.addJsonPatch(JsonPatch.add(path, value))) instead of the escape hatch; otherwise remove it (unknown-field)',
      // Without its handler, the hook left in the manifest is empty, which the API server refuses.
      'spec.containers[0].lifecycle.preStop: the preStop hook of container "app" has no handler. Fix: give each hook exactly one handler: `exec`, `httpGet` or `tcpSocket` (lifecycle-handler)',
    ]);
  });

  test('are found by the shape of the path, in Pods and in workload templates', () => {
    expect(laterFieldAt('spec.template.spec.initContainers[2].restartPolicy')?.since).toBe('1.28');
    expect(laterFieldAt('spec.securityContext.appArmorProfile')?.type).toBe('PodSecurityContext');
    expect(laterFieldAt('spec.containers[0].securityContext.appArmorProfile')?.type).toBe('SecurityContext');
    expect(laterFieldAt('spec.containers[0].env[1].valueFrom.fileKeyRef')?.since).toBe('1.34');
    // A field of that name elsewhere is no later field: the spelling is what is wrong there.
    expect(laterFieldAt('spec.containers[0].resources')).toBeUndefined();
    expect(laterFieldAt('spec.restartPolicy')).toBeUndefined();
    expect(laterFieldAt('spec.trafficDistribution')).toBeUndefined();
    expect(laterFieldAt('spec.trafficDistribution', 'Service')?.since).toBe('1.30');
    expect(laterFieldAt('spec.volumes[1].projected.sources[0].clusterTrustBundle')?.since).toBe('1.29');
    expect(laterFieldAt('spec.volumes[1].clusterTrustBundle')).toBeUndefined();
  });

  test('none of them is a field of the 1.27 types (else the list is wrong)', () => {
    const k8s = fs.readFileSync(require.resolve('cdk8s-plus-27/lib/imports/k8s.d.ts'), 'utf8');
    for (const later of LATER_FIELDS) {
      const body = new RegExp(`export interface ${later.type} \\{([\\s\\S]*?)\\n\\}`).exec(k8s)?.[1];
      expect([later.type, body !== undefined]).toEqual([later.type, true]);
      expect([later.type, later.field, body!.includes(`readonly ${later.field}?:`)]).toEqual([later.type, later.field, false]);
    }
  });

  test('are kept by a JsonPatch on the manifest object, the escape hatch the fix names', () => {
    const chart = newChart();
    const pod = new Pod(chart, 'p', { initContainers: [new Container({ name: 'proxy', image: 'proxy:1.0' })], containers: [new Container({ name: 'c', image: 'x:1' })] });
    pod.apiObject.addJsonPatch(JsonPatch.add('/spec/initContainers/0/restartPolicy', 'Always'));
    expect(pod.apiObject.toJson().spec.initContainers).toEqual([{ name: 'proxy', image: 'proxy:1.0', restartPolicy: 'Always' }]);
  });

  test('are told apart from misspellings by the importer, which patches them into the manifest of the Peapod object', () => {
    const pod = (field: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers: [{name: proxy, image: proxy:1.0, ${field}: Always}]
  containers: [{name: c, image: x}]
`;
    const result = importManifests([{ file: 'in.yaml', text: pod('restartPolicy') }], { from: '..' });
    expect(result.source).toContain("import { Chart, ChartProps, JsonPatch } from 'cdk8s';");
    expect(result.source).toContain(
      "    const p = new Pod(this, 'p', {\n      initContainers: [new Container({ name: 'proxy', image: 'proxy:1.0' })],\n" +
        "      containers: [new Container({ name: 'c', image: 'x' })],\n    });\n" +
        '    // spec.initContainers[0].restartPolicy: a field of Kubernetes 1.28 and later (sidecar init containers), which the\n' +
        '    // 1.27 types of the escape hatches do not have.\n' +
        "    p.apiObject.addJsonPatch(JsonPatch.add('/spec/initContainers/0/restartPolicy', 'Always'));\n",
    );
    expect(result.notes).toEqual([]);
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    expect(synth.errors).toEqual([]);
    expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);

    expect(() => importManifests([{ file: 'in.yaml', text: pod('restartPolicyy') }])).toThrow(
      'in.yaml: document 1 (Pod "p"): spec.initContainers[0].restartPolicyy: is not a field of Container. Fix: check the spelling against the Kubernetes API reference, or remove it',
    );
  });

  test('in a projected volume and in a Service: patched too', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p, labels: {app: p}}
spec:
  containers: [{name: c, image: "x:1", volumeMounts: [{name: ca, mountPath: /ca}]}]
  volumes:
    - name: ca
      projected: {sources: [{serviceAccountToken: {path: token}}, {clusterTrustBundle: {name: ca, path: ca.pem}}]}
---
apiVersion: v1
kind: Service
metadata: {name: s}
spec: {selector: {app: p}, ports: [{port: 80}], trafficDistribution: PreferClose}
`;
    const result = importManifests([{ file: 'in.yaml', text }], { from: '..' });
    expect(result.source).toContain("p.apiObject.addJsonPatch(JsonPatch.add('/spec/volumes/0/projected/sources/1/clusterTrustBundle', { name: 'ca', path: 'ca.pem' }));");
    expect(result.source).toContain("s.apiObject.addJsonPatch(JsonPatch.add('/spec/trafficDistribution', 'PreferClose'));");
    // The projection the field is taken from is left empty, which no factory writes: the volume comes over through fromSource.
    expect(result.source).toContain("const ca = Volume.fromSource('ca', { projected: { sources: [{ serviceAccountToken: { path: 'token' } }, {}] } });");
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    expect(synth.errors).toEqual([]);
    expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
  });

  test('a field named like a later one elsewhere in the object is not one', () => {
    // `resources` is a later field of the Pod spec only; in a Deployment's spec it is a misspelling.
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  resources: {}\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec: {containers: [{name: c, image: x}]}\n';
    expect(() => importManifests([{ file: 'in.yaml', text: text.replace('resources: {}', 'resources: {limits: {cpu: 1}}') }])).toThrow(
      'in.yaml: document 1 (Deployment "d"): spec.resources: is not a field of DeploymentSpec. Fix: check the spelling against the Kubernetes API reference, or remove it',
    );
  });
});
