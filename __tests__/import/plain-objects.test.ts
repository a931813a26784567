import * as peapod from '../../lib';
import { importManifests } from '../../lib/import';
import { manifestDifferences, synthGenerated } from '../../lib/import/verify';

// What the DSL cannot express comes over as a plain cdk8s ApiObject, exactly
// as given, with a comment saying why: a Service without a selector here
// (fields of later Kubernetes versions in later-fields.test.ts).

test('a Service without a selector (endpoints managed by hand) comes over as a plain ApiObject; the workload beside it stays a Peapod object', () => {
  const text = `apiVersion: v1
kind: Service
metadata: {name: external-db}
spec:
  ports: [{port: 5432, targetPort: 5432}]
---
apiVersion: v1
kind: Pod
metadata: {name: app, labels: {app: app}}
spec:
  containers: [{name: app, image: "app:1.0"}]
`;
  const result = importManifests([{ file: 'in.yaml', text }], { from: '..' });
  expect(result.source).toContain("import { ApiObject, Chart, ChartProps } from 'cdk8s';");
  expect(result.source).toContain('    // A plain cdk8s ApiObject, not a Peapod Service: it has no selector, so its endpoints are managed by hand or by a\n');
  expect(result.source).toContain(
    "    new ApiObject(this, 'external-db', {\n" +
      "      apiVersion: 'v1',\n" +
      "      kind: 'Service',\n" +
      "      metadata: { name: 'external-db' },\n" +
      '      spec: { ports: [{ port: 5432, targetPort: 5432 }] },\n' +
      '    });\n',
  );
  expect(result.source).toContain("new Pod(this, 'app', {");
  expect(result.notes).toEqual(["in.yaml: document 1 (Service \"external-db\"): spec.selector: Service without a selector written as a plain cdk8s ApiObject, which Peapod's rules do not check"]);
  const synth = synthGenerated(result.source, result.className, { '..': peapod });
  expect(synth.errors).toEqual([]);
  expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
});

test('an empty selector is no selector', () => {
  const result = importManifests([{ file: 'in.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {}, ports: [{port: 80}]}\n' }], { from: '..' });
  expect(result.source).toContain("    new ApiObject(this, 's', {\n      apiVersion: 'v1',\n      kind: 'Service',\n      metadata: { name: 's' },\n      spec: { ports: [{ port: 80 }] },\n    });\n");
  const synth = synthGenerated(result.source, result.className, { '..': peapod });
  expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
});
