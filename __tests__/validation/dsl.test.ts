import { Container, formatProblem, Pod, Volume } from '../../lib';
import { newChart } from '../_support';

/* eslint-disable @typescript-eslint/no-explicit-any -- values that bypass the types on purpose */

// Validation reads the rendered manifest, so values that bypass the types are caught too.
const errorsOf = (pod: Pod) =>
  pod
    .problems()
    .filter((p) => p.severity === 'error')
    .map(formatProblem);

describe('values that bypass the types are validated in the manifest', () => {
  test('an enum given as any', () => {
    const pod = new Pod(newChart(), 'p', { containers: [new Container({ name: 'app', image: 'app:1.0', imagePullPolicy: 'always' as any })] });
    expect(errorsOf(pod)).toEqual([
      'spec.containers[0].imagePullPolicy: imagePullPolicy "always" is not supported; the values are "Always", "IfNotPresent", "Never". Fix: write "Always" (supported-value)',
    ]);
  });

  test('a port and a volume added with mutators', () => {
    const pod = new Pod(newChart(), 'p', {
      containers: [new Container({ name: 'app', image: 'app:1.0' }).addPort({ containerPort: 70000, name: 'Admin' })],
      volumes: [Volume.hostPath('data', '/srv/../etc')],
    });
    expect(errorsOf(pod)).toEqual([
      'spec.volumes[0].hostPath.path: hostPath "/srv/../etc" of volume "data" holds a ".." segment. Fix: give the path on the node, such as `/data/mysql`, without `..` segments (host-path)',
      'spec.containers[0].ports[0].name: port name "Admin" of container "app" may only hold lower-case letters, digits and "-". Fix: rename it to an IANA service name such as "admin" (port-name)',
      'spec.containers[0].ports[0].containerPort: containerPort of container "app" is 70000; it must be a whole number from 1 to 65535. Fix: use the port the process listens on (port-number)',
    ]);
  });

  test('an env list built at run time, which the compiler cannot check', () => {
    const names = ['MESSAGE', 'PROFILE'];
    const env = names.map((name) => ({ name, value: name === 'MESSAGE' ? 'running on $(PROFILE)' : 'production' }));
    const pod = new Pod(newChart(), 'p', { containers: [new Container({ name: 'app', image: 'app:1.0', env })] });
    expect(errorsOf(pod)).toEqual([
      'spec.containers[0].env[0].value: $(PROFILE) in MESSAGE refers to no variable defined before MESSAGE in this container\'s env (container "app"; PROFILE is defined after MESSAGE); Kubernetes would leave it as the literal text. Fix: define PROFILE before MESSAGE, fix the name, or write $$(PROFILE) for the literal text (env-reference-defined)',
    ]);
  });

  test('the escape hatches', () => {
    const pod = new Pod(newChart(), 'p', {
      containers: [new Container({ name: 'app', image: 'app:1.0', extraFields: { stdin: true } })],
      extraSpec: { hostNetwork: true },
    });
    expect(errorsOf(pod)).toEqual([]);
    expect(
      pod
        .problems()
        .filter((p) => p.rule === 'host-network')
        .map(formatProblem),
    ).toEqual(['spec.hostNetwork: the Pod sets hostNetwork: true. Fix: remove `hostNetwork` and expose the Pod through a Service (host-network)']);
  });
});
