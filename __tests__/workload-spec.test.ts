import { Chart, JsonPatch } from 'cdk8s';
import { Container, Deployment, DeploymentProps, DeploymentStrategy, ReplicaSet } from '../lib';
import { newChart, synthObjects } from './_support';

// ValidateDeploymentSpec and ValidateReplicaSetSpec (pkg/apis/apps/validation)
// on the rendered object: each invalid case with its exact message, and a
// valid twin that synthesizes.

const web = () => new Container({ name: 'web', image: 'nginx:1.27', ports: { http: 80 } });
const template = { labels: { app: 'web', tier: 'front' }, containers: [web()] };

function deployment(chart: Chart, props: Partial<DeploymentProps> = {}, patches: JsonPatch[] = []): Deployment {
  const made = new Deployment(chart, 'web', { template, ...props });
  made.apiObject.addJsonPatch(...patches);
  return made;
}

const errors = (props: Partial<DeploymentProps>, patches: JsonPatch[] = []) => deployment(newChart(), props, patches).node.validate();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function validSpec(props: Partial<DeploymentProps>, patches: JsonPatch[] = []): any {
  const chart = newChart();
  deployment(chart, props, patches);
  return synthObjects(chart)[0].spec;
}

describe('the rendered selector matches the rendered template', () => {
  test('a JsonPatch that changes a template label fails', () => {
    expect(errors({}, [JsonPatch.replace('/spec/template/metadata/labels/app', 'web-v2')])).toEqual([
      'spec.template.metadata.labels: the selector\'s app=web does not match the template labels (app=web-v2, tier=front), so the Deployment would never see its own Pods. Fix: change the JsonPatch so that the selector and the template labels agree, or drop it and let Peapod derive the selector (workload-selector-matches-template)',
    ]);
    expect(validSpec({}, [JsonPatch.add('/spec/template/metadata/labels/version', 'v2')]).template.metadata.labels).toEqual({ app: 'web', tier: 'front', version: 'v2' });
  });

  test('matchExpressions are matched as the API server does', () => {
    const expressions = [
      { key: 'tier', operator: 'In', values: ['back'] },
      { key: 'app', operator: 'DoesNotExist' },
      { key: 'app', operator: 'Has' },
    ];
    expect(errors({}, [JsonPatch.add('/spec/selector/matchExpressions', expressions)])).toEqual([
      'spec.selector.matchExpressions[2].operator: operator "Has" of matchExpressions[2] of the selector of the Deployment is not a selector operator; the operators are "In", "NotIn", "Exists", "DoesNotExist". Fix: use one of the listed operators; they are case-sensitive (label-selector)',
      'spec.template.metadata.labels: the selector\'s tier In (back), app DoesNotExist, app Has does not match the template labels (app=web, tier=front), so the Deployment would never see its own Pods. Fix: change the JsonPatch so that the selector and the template labels agree, or drop it and let Peapod derive the selector (workload-selector-matches-template)',
    ]);
    // An operator that differs from a listed one in case only gets that one as its fix.
    expect(errors({}, [JsonPatch.add('/spec/selector/matchExpressions', [{ key: 'app', operator: 'exists' }])])[0]).toBe(
      'spec.selector.matchExpressions[0].operator: operator "exists" of matchExpressions[0] of the selector of the Deployment is not a selector operator; the operators are "In", "NotIn", "Exists", "DoesNotExist". Fix: write "Exists" (label-selector)',
    );
    const matching = [
      { key: 'tier', operator: 'In', values: ['front', 'edge'] },
      { key: 'track', operator: 'NotIn', values: ['canary'] },
      { key: 'app', operator: 'Exists' },
      { key: 'canary', operator: 'DoesNotExist' },
    ];
    expect(validSpec({}, [JsonPatch.add('/spec/selector/matchExpressions', matching)]).selector.matchExpressions).toHaveLength(4);
  });

  test('the selector is a valid label selector', () => {
    const problems = errors({}, [JsonPatch.add('/spec/selector/matchExpressions', [{ key: 'tier', operator: 'In' }, { key: 'app', operator: 'Exists', values: ['web'] }])]);
    expect(problems.filter((line) => line.endsWith('(label-selector)'))).toEqual([
      'spec.selector.matchExpressions[0].values: matchExpressions[0] of the selector of the Deployment has operator In and no values. Fix: list the label values to match, or use operator Exists (label-selector)',
      'spec.selector.matchExpressions[1].values: matchExpressions[1] of the selector of the Deployment has operator Exists and 1 value. Fix: remove the values, or use operator In or NotIn (label-selector)',
    ]);
  });

  test('an empty selector fails', () => {
    expect(errors({}, [JsonPatch.replace('/spec/selector', {})])).toEqual([
      "spec.selector: the Deployment's selector is empty, which the API server refuses. Fix: select by the template labels, or leave spec.selector to Peapod (workload-selector-labels)",
    ]);
    expect(validSpec({}, [JsonPatch.replace('/spec/selector', { matchExpressions: [{ key: 'app', operator: 'Exists' }] })]).selector).toEqual({ matchExpressions: [{ key: 'app', operator: 'Exists' }] });
  });

  test('for a ReplicaSet too', () => {
    const rs = new ReplicaSet(newChart(), 'rs', { template });
    rs.apiObject.addJsonPatch(JsonPatch.remove('/spec/template/metadata/labels/tier'));
    expect(rs.node.validate()).toEqual([
      "spec.template.metadata.labels: the selector's tier=front does not match the template labels (app=web), so the ReplicaSet would never see its own Pods. Fix: change the JsonPatch so that the selector and the template labels agree, or drop it and let Peapod derive the selector (workload-selector-matches-template)",
    ]);
  });
});

describe('counts and deadlines', () => {
  test('are whole numbers within an int32, quoted as given', () => {
    expect(errors({ replicas: 2 ** 31, minReadySeconds: '10' as never, revisionHistoryLimit: 0.5 })).toEqual([
      'spec.replicas: replicas is 2147483648; it must be a whole number, 0 or more (at most 2147483647). Fix: set replicas to 0 or more, or leave it out to let `kubectl scale` and autoscalers own it (workload-replicas-valid)',
      'spec.minReadySeconds: minReadySeconds is "10"; it must be a whole number, 0 or more (at most 2147483647). Fix: set minReadySeconds to 0 or more, or leave it out (workload-field-valid)',
      'spec.revisionHistoryLimit: revisionHistoryLimit is 0.5; it must be a whole number, 0 or more (at most 2147483647). Fix: set revisionHistoryLimit to 0 or more, or leave it out (workload-field-valid)',
    ]);
    expect(validSpec({ replicas: 0, minReadySeconds: 0, revisionHistoryLimit: 0, paused: true })).toMatchObject({ replicas: 0, minReadySeconds: 0, revisionHistoryLimit: 0, paused: true });
  });

  test('progressDeadlineSeconds exceeds minReadySeconds, which is 0 when not set', () => {
    expect(errors({ progressDeadlineSeconds: 0 })).toEqual([
      'spec.progressDeadlineSeconds: progressDeadlineSeconds is 0, not more than minReadySeconds (0, its default). Fix: make progressDeadlineSeconds greater than minReadySeconds (workload-field-valid)',
    ]);
    expect(validSpec({ progressDeadlineSeconds: 1 }).progressDeadlineSeconds).toBe(1);
  });
});

describe('the strategy', () => {
  test('Recreate takes no rollingUpdate; the type is Recreate or RollingUpdate', () => {
    expect(errors({ strategy: DeploymentStrategy.recreate() }, [JsonPatch.add('/spec/strategy/rollingUpdate', { maxSurge: 1 })])).toEqual([
      'spec.strategy.rollingUpdate: rollingUpdate is set, but the strategy type is Recreate. Fix: remove rollingUpdate, or use type RollingUpdate (deployment-strategy)',
    ]);
    expect(errors({ strategy: DeploymentStrategy.recreate() }, [JsonPatch.replace('/spec/strategy/type', 'recreate')])).toEqual([
      'spec.strategy.type: strategy type "recreate" is not supported; the values are "Recreate", "RollingUpdate". Fix: write "Recreate" (supported-value)',
    ]);
    expect(validSpec({ strategy: DeploymentStrategy.recreate() }).strategy).toEqual({ type: 'Recreate' });
  });

  test('amounts are as the API server reads them: a string that is not a percentage counts as its number', () => {
    expect(errors({ strategy: DeploymentStrategy.rollingUpdate({ maxSurge: '0' as never, maxUnavailable: 0 }) })).toEqual([
      'spec.strategy.rollingUpdate.maxSurge: maxSurge is "0"; a percentage is written as digits and "%". Fix: write a whole number of Pods (1) or a percentage ("25%") (deployment-rolling-update-valid)',
      'spec.strategy.rollingUpdate: maxSurge and maxUnavailable are both 0, so a rollout could never replace a Pod. Fix: let maxSurge or maxUnavailable be more than 0 (deployment-rolling-update-valid)',
    ]);
    // One left out defaults to 25%; maxSurge may exceed 100%.
    expect(validSpec({ strategy: DeploymentStrategy.rollingUpdate({ maxUnavailable: 0 }) }).strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } });
    expect(validSpec({ strategy: DeploymentStrategy.rollingUpdate({ maxSurge: '200%', maxUnavailable: 0 }) }).strategy.rollingUpdate.maxSurge).toBe('200%');
  });
});
