import { Chart } from 'cdk8s';
import { Container, Deployment, Pod } from '../lib';
import { droppedFields } from '../lib/_dropped-fields';
import { newChart, synthObjects } from './_support';

/* eslint-disable @typescript-eslint/no-explicit-any -- escape-hatch values arrive untyped from JSON and `as any` */

const problemsOf = (build: (chart: Chart) => void): string[] => {
  const chart = newChart();
  build(chart);
  return chart.node.findAll().flatMap((c) => c.node.validate());
};

describe('fields the L1 classes would drop', () => {
  test('a misspelt field in extraSpec or extraFields fails synth instead of vanishing', () => {
    const problems = problemsOf(
      (chart) =>
        new Pod(chart, 'p', {
          containers: [new Container({ name: 'app', image: 'app:1.0', extraFields: { stdinn: true, lifecycle: { preStop: { exec: { commands: ['drain'] } } } } as any })],
          extraSpec: { hostnam: 'web', affinity: { nodeAffinity: { requiredDuringScheduling: { nodeSelectorTerms: [] } } } } as any,
        }),
    );
    expect(problems).toEqual([
      'spec.hostnam: "hostnam" is not a field of the cdk8s-plus-27 k8s types here, so cdk8s would leave it out of the manifest. Fix: correct the spelling; escape hatches take the field names of the k8s types, which differ from the manifest in case only (`hostPid` for `hostPID`) (unknown-field)',
      'spec.affinity.nodeAffinity.requiredDuringScheduling: "requiredDuringScheduling" is not a field of the cdk8s-plus-27 k8s types here, so cdk8s would leave it out of the manifest. Fix: correct the spelling; escape hatches take the field names of the k8s types, which differ from the manifest in case only (`hostPid` for `hostPID`) (unknown-field)',
      'spec.containers[0].stdinn: "stdinn" is not a field of the cdk8s-plus-27 k8s types here, so cdk8s would leave it out of the manifest. Fix: correct the spelling; escape hatches take the field names of the k8s types, which differ from the manifest in case only (`hostPid` for `hostPID`) (unknown-field)',
      'spec.containers[0].lifecycle.preStop.exec.commands: "commands" is not a field of the cdk8s-plus-27 k8s types here, so cdk8s would leave it out of the manifest. Fix: correct the spelling; escape hatches take the field names of the k8s types, which differ from the manifest in case only (`hostPid` for `hostPID`) (unknown-field)',
      // Without the misspelt field, the hook in the manifest has no command, which the API server refuses too.
      'spec.containers[0].lifecycle.preStop.exec.command: the exec action of the preStop hook of container "app" has no command. Fix: build the probe with a `Probe` factory: give an exec action its command, an httpGet action the scheme `HTTP` or `HTTPS` (or none) and header names of letters, digits and `-`, and each port as a number from 1 to 65535 (`8080`, without quotes) or a declared port name (`"http"`) (probe-action)',
    ]);
  });

  test('a misspelt field in a securityContext or toleration, of the Pod or of a container, fails synth too', () => {
    const unknown = (field: string) =>
      `${field}: "${field.slice(field.lastIndexOf('.') + 1)}" is not a field of the cdk8s-plus-27 k8s types here, so cdk8s would leave it out of the manifest. Fix: correct the spelling; escape hatches take the field names of the k8s types, which differ from the manifest in case only (\`hostPid\` for \`hostPID\`) (unknown-field)`;
    const template = {
      labels: { app: 'web' },
      securityContext: { runAsNonRot: true } as any,
      tolerations: [{ key: 'gpu', operator: 'Exists', efect: 'NoSchedule' } as any],
      containers: [
        new Container({ name: 'app', image: 'app:1.0' }),
        new Container({ name: 'sidecar', image: 'proxy:1.0', securityContext: { capabilities: { drop: ['ALL'], ad: ['NET_ADMIN'] } } as any }),
      ],
      initContainers: [new Container({ name: 'setup', image: 'setup:1.0', securityContext: { readOnlyRootFileSystem: true } as any })],
    };
    expect(problemsOf((chart) => new Pod(chart, 'p', template))).toEqual([
      unknown('spec.securityContext.runAsNonRot'),
      unknown('spec.tolerations[0].efect'),
      unknown('spec.containers[1].securityContext.capabilities.ad'),
      unknown('spec.initContainers[0].securityContext.readOnlyRootFileSystem'),
    ]);
    expect(problemsOf((chart) => new Deployment(chart, 'd', { template }))).toEqual([
      unknown('spec.template.spec.securityContext.runAsNonRot'),
      unknown('spec.template.spec.tolerations[0].efect'),
      unknown('spec.template.spec.containers[1].securityContext.capabilities.ad'),
      unknown('spec.template.spec.initContainers[0].securityContext.readOnlyRootFileSystem'),
    ]);
  });

  test('fields the L1 knows pass, whatever their JSON spelling (hostIp renders as hostIP)', () => {
    const chart = newChart();
    new Pod(chart, 'p', {
      containers: [new Container({ name: 'app', image: 'app:1.0', ports: [{ containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' }], extraFields: { stdin: true, lifecycle: {} } })],
      extraSpec: { hostIpc: false, dnsConfig: {}, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }] } } } },
    });
    expect(chart.node.findAll().flatMap((c) => c.node.validate())).toEqual([]);
    expect(synthObjects(chart)[0].spec.containers[0].ports).toEqual([{ containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' }]);
  });

  test('compares lists item by item and leaves L1 values (IntOrString, Quantity) alone', () => {
    expect(droppedFields({ a: [{ b: 1 }, { c: 2 }] }, { a: [{ b: 1 }, {}] }, 'spec')).toEqual(['spec.a[1].c']);
    expect(droppedFields({ port: new (class IntOrString {})() }, { port: 80 }, 'spec')).toEqual([]);
    expect(droppedFields({ gone: [], also: {} }, {}, 'spec')).toEqual([]);
  });
});
