import { Chart } from 'cdk8s';
import { App, Container, Deployment, Pod, Secret, ServiceAccount } from '../lib';
import { problemsOf } from './_problems';
import { newChart, synthObjects } from './_support';

const app = () => new Container({ name: 'app', image: 'app:1' });

describe('ServiceAccount', () => {
  test('defaults, and a Pod that runs as it by object', () => {
    const chart = newChart();
    const account = new ServiceAccount(chart, 'myapp');
    new Pod(chart, 'pod', { serviceAccount: account, containers: [app()] });
    const [sa, pod] = synthObjects(chart);
    expect(sa).toEqual({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'myapp' } });
    expect(pod.spec.serviceAccountName).toBe('myapp');
  });

  test('token automounting, pull secrets, and one that exists already', () => {
    const chart = newChart();
    const registry = Secret.fromName('registry');
    new ServiceAccount(chart, 'quiet', { automountServiceAccountToken: false, imagePullSecrets: [registry], labels: { team: 'web' } });
    new Deployment(chart, 'web', { template: { labels: { app: 'web' }, serviceAccount: ServiceAccount.fromName('builder'), containers: [app()] } });
    const [sa, deployment] = synthObjects(chart);
    expect(sa).toEqual({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'quiet', labels: { team: 'web' } }, automountServiceAccountToken: false, imagePullSecrets: [{ name: 'registry' }] });
    expect(deployment.spec.template.spec.serviceAccountName).toBe('builder');
  });
});

describe('a Pod running as a ServiceAccount fails synth', () => {
  test('when the account is of another namespace', () => {
    const root = new App();
    const account = new ServiceAccount(new Chart(root, 'iam', { namespace: 'iam' }), 'myapp');
    const pod = new Pod(new Chart(root, 'apps', { namespace: 'apps' }), 'pod', { serviceAccount: account, containers: [app()] });
    expect(pod.node.validate()).toEqual([
      'spec.serviceAccountName: ServiceAccount "myapp" (iam/myapp) is in namespace "iam", the Pod in "apps". Fix: create the ServiceAccount in the chart of the Pod, or use ServiceAccount.fromName() for one that exists there (service-account-namespace)',
    ]);
  });

  test('when it is given twice, by object and by name', () => {
    expect(
      problemsOf((chart) => {
        new Pod(chart, 'pod', { serviceAccount: ServiceAccount.fromName('a'), serviceAccountName: 'b', containers: [app()] });
      }),
    ).toEqual(['spec.serviceAccountName: serviceAccount is "a" and serviceAccountName is "b". Fix: keep the `serviceAccount` prop and remove `serviceAccountName` (service-account-given-twice)']);
  });

  test('when its name is not a DNS subdomain', () => {
    expect(problemsOf((chart) => new ServiceAccount(chart, 'My_App'))).toEqual([expect.stringMatching(/^metadata\.name: .*"My_App".*\(object-name\)$/)]);
  });
});

// Type tests: compiled by `npm test` (tsc), never run.
export function typeTests(chart: Chart): void {
  // @ts-expect-error a Pod takes the ServiceAccount object, not a name string
  new Pod(chart, 'p', { serviceAccount: 'myapp', containers: [app()] });
}
