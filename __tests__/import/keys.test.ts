import * as peapod from '../../lib';
import { problemsOf } from './_problems';
import { importManifests } from '../../lib/import';
import { manifestDifferences, synthGenerated } from '../../lib/import/verify';


const objects = (keys: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: c, labels: {${keys}}, annotations: {${keys}}}
data: {${keys}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {${keys}}}
spec:
  selector: {matchLabels: {toString: a}}
  template:
    metadata: {labels: {${keys}}, annotations: {${keys}}}
    spec:
      nodeSelector: {${keys}}
      containers:
        - name: c
          image: nginx
          ports: [{containerPort: 80}]
          env: [{name: A, valueFrom: {configMapKeyRef: {name: c, key: hasOwnProperty}}}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {toString: a, valueOf: c}, ports: [{port: 80}]}
`;

describe('keys that are names of Object.prototype members', () => {
  test('toString, hasOwnProperty and valueOf as labels, annotations, data, nodeSelector and selectors come back exactly', () => {
    const result = importManifests([{ file: 'in.yaml', text: objects('toString: a, hasOwnProperty: b, valueOf: c') }], { from: '..' });
    expect(result.source).toContain("data: { toString: 'a', hasOwnProperty: 'b', valueOf: 'c' }");
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    expect(synth.errors).toEqual([]);
    expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
    const deployment = synth.objects.find((o) => o.kind === 'Deployment');
    expect(deployment.spec.selector).toEqual({ matchLabels: { toString: 'a' } });
    expect(deployment.spec.template.spec.nodeSelector).toEqual({ toString: 'a', hasOwnProperty: 'b', valueOf: 'c' });
    expect(synth.objects.find((o) => o.kind === 'Service').spec.selector).toEqual({ toString: 'a', valueOf: 'c' });
  });

  test('__proto__ and constructor, which cdk8s\'s own rendering cannot write, are refused with a message at each place', () => {
    expect(problemsOf('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, annotations: {constructor: x}}\ndata: {__proto__: a, constructor: b}\n')).toEqual([
      'in.yaml: document 1 (ConfigMap "c"): metadata.annotations.constructor: the key "constructor" cannot be checked by the import\'s round trip, which renders through cdk8s (it loses or refuses the key). Fix: rename the key, or add it in the code after the import',
      'in.yaml: document 1 (ConfigMap "c"): data.__proto__: the key "__proto__" cannot be checked by the import\'s round trip, which renders through cdk8s (it loses or refuses the key). Fix: rename the key, or add it in the code after the import',
      'in.yaml: document 1 (ConfigMap "c"): data.constructor: the key "constructor" cannot be checked by the import\'s round trip, which renders through cdk8s (it loses or refuses the key). Fix: rename the key, or add it in the code after the import',
    ]);
  });

  test('a null entry of a map is refused: Kubernetes stores it as an empty value, it is not absent', () => {
    expect(problemsOf('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {app: ~}}\ndata: {a: null, b: x}\n')).toEqual([
      'in.yaml: document 1 (ConfigMap "c"): metadata.labels.app: is null, which Kubernetes stores as an empty value of the key (and kubectl apply may take for deleting it). Fix: write "" for an empty value, or remove the key',
      'in.yaml: document 1 (ConfigMap "c"): data.a: is null, which Kubernetes stores as an empty value of the key (and kubectl apply may take for deleting it). Fix: write "" for an empty value, or remove the key',
    ]);
  });
});
