import { Container, formatProblem, Pod, PodProps, PodTemplate, Report } from '../../lib';
import { newChart } from '../_support';

const container = new Container({ name: 'app', image: 'app:1.0' });

function podProblems(props: PodProps, rule: string): string[] {
  const pod = new Pod(newChart(), 'pod', { containers: [container], ...props });
  return pod
    .problems()
    .filter((p) => p.rule === rule)
    .map(formatProblem);
}

describe('rule object-name', () => {
  test('accepts a DNS-1123 subdomain of 253 characters', () => {
    expect(podProblems({ name: `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}` }, 'object-name')).toEqual([]);
  });
  test('reports a name with capitals and underscores, and one that is too long', () => {
    expect(podProblems({ name: 'Kube_Example' }, 'object-name')).toEqual([
      'metadata.name: name "Kube_Example" must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: use a DNS-1123 subdomain such as "kube-example" (object-name)',
    ]);
    expect(podProblems({ name: 'a'.repeat(254) }, 'object-name')).toEqual([
      `metadata.name: name "${'a'.repeat(254)}" is 254 characters long; at most 253 are allowed. Fix: use a DNS-1123 subdomain such as "${'a'.repeat(253)}" (object-name)`,
    ]);
  });
});

describe('rule label-key', () => {
  test('accepts prefixed and plain keys, in labels and nodeSelector', () => {
    expect(podProblems({ labels: { 'app.kubernetes.io/name': 'web', Tier_1: 'x' }, nodeSelector: { gpu: 'true' } }, 'label-key')).toEqual([]);
  });
  test('reports a bad prefix, an empty name and a long name part', () => {
    expect(podProblems({ labels: { 'Example.com/app': 'x', 'example.com/': 'y' }, nodeSelector: { ['n'.repeat(64)]: 'z' } }, 'label-key')).toEqual([
      'metadata.labels[Example.com/app]: label key "Example.com/app" has a prefix "Example.com" that must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: use a key such as `app` or `example.com/tier` (label-key)',
      'metadata.labels[example.com/]: label key "example.com/" has an empty name part. Fix: use a key such as `app` or `example.com/tier` (label-key)',
      `spec.nodeSelector[${'n'.repeat(64)}]: label key "${'n'.repeat(64)}" has a name part of 64 characters; at most 63 are allowed. Fix: use a key such as \`app\` or \`example.com/tier\` (label-key)`,
    ]);
  });
});

describe('rule label-value', () => {
  test('accepts empty values and 63 characters', () => {
    expect(podProblems({ labels: { a: '', b: 'v'.repeat(63), project: 'kubernetes_study' } }, 'label-value')).toEqual([]);
  });
  test('reports spaces, length, and a boolean that bypassed the types', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const gpu = { gpu: true } as any;
    expect(podProblems({ labels: { note: 'runs on GPU', long: 'v'.repeat(64) }, nodeSelector: gpu }, 'label-value')).toEqual([
      'metadata.labels[note]: label value "runs on GPU" of "note" must be empty or letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: use a value such as "runs-on-gpu", or move free text to an annotation (label-value)',
      `metadata.labels[long]: label value "${'v'.repeat(64)}" of "long" is 64 characters long; at most 63 are allowed. Fix: use a value such as "${'v'.repeat(63)}", or move free text to an annotation (label-value)`,
      'spec.nodeSelector[gpu]: label value true of "gpu" is a boolean, not a string. Fix: quote it: "true" (label-value)',
    ]);
  });
});

describe('rule annotation-key', () => {
  test('accepts qualified keys, whatever their case', () => {
    expect(podProblems({ annotations: { 'example.com/Owner': 'team a: platform & ops' } }, 'annotation-key')).toEqual([]);
  });
  test('reports a key with a space', () => {
    expect(podProblems({ annotations: { 'owner team': 'a' } }, 'annotation-key')).toEqual([
      'metadata.annotations[owner team]: annotation key "owner team" has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: use a key such as `example.com/owner` (annotation-key)',
    ]);
  });
});

describe('rule annotations-size', () => {
  test('accepts 256 KiB in all', () => {
    expect(podProblems({ annotations: { a: 'x'.repeat(256 * 1024 - 1) } }, 'annotations-size')).toEqual([]);
  });
  test('reports one byte more', () => {
    expect(podProblems({ annotations: { a: 'x'.repeat(256 * 1024) } }, 'annotations-size')).toEqual([
      'metadata.annotations: annotations total 262145 bytes; at most 262144 (256 KiB) are allowed. Fix: move large values into a ConfigMap and mount it (annotations-size)',
    ]);
  });
});

test('a workload template reports its labels at spec.template.metadata', () => {
  const template = new PodTemplate({ labels: { 'bad key': 'v' }, containers: [container] });
  const report = new Report('deployment');
  template.validate(template.spec(), 'spec.template.spec', report);
  expect(report.problems.filter((p) => p.rule === 'label-key').map(formatProblem)).toEqual([
    'spec.template.metadata.labels[bad key]: label key "bad key" has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit. Fix: use a key such as `app` or `example.com/tier` (label-key)',
  ]);
});
