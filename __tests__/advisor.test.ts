import * as path from 'path';
import { Chart } from 'cdk8s';
import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import {
  ADVISOR_RULES, advise, Advisor, adviseDesign, App, ClusterProfile, Container, ContainerRole, formatProblem, imageName, isDatabaseImage, MemoryQuantity, NodeProfile, Pod, podCarrier, previewScheduling, Report,
} from '../lib';
import { buildApp, exampleCluster } from '../main';
import { renderPlan, runPlan } from '../scripts/plan';
import { readFolder, withTempDir } from './_support';

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are written by hand as plain JSON */

const LIFECYCLE = '(tutorial question 1: do the containers share a lifecycle? Would one still mean anything once the other stopped?)';
const SCALING = '(tutorial question 2: do they have the same scaling needs?)';
const PACKING = '(tutorial question 3: does the Pod pack well onto nodes? A big Pod needs a big free slot; smaller Pods fill the gaps)';

type Spec = readonly (readonly [name: string, image: string, role?: ContainerRole])[];

/** The design advice for containers given as [name, image, role], formatted as synth prints it. */
function design(containers: Spec): string[] {
  const report = new Report('chart/pod');
  const roles = new Map(containers.filter(([, , role]) => role).map(([name, , role]) => [name, role!]));
  adviseDesign({ containers: containers.map(([name, image]) => ({ name, image })) }, 'spec', report, roles);
  return report.problems.map(formatProblem);
}

const unrelated = (container: string, main: string, index: number) =>
  `spec.containers[${index}]: container "${container}" declares no role that ties it to the main container "${main}" ${LIFECYCLE}. ` +
  `Fix: move "${container}" to a Pod of its own, the default for containers that do not share a lifecycle; if it lives and dies with "${main}", declare its role: 'sidecar', 'log-collector', 'proxy' or 'init' (one-container-per-pod)`;

describe('one-container-per-pod', () => {
  test('a second container without a role: one container per Pod, citing the lifecycle question', () => {
    expect(design([['app', 'app:1.0'], ['worker', 'worker:1.0']])).toEqual([unrelated('worker', 'app', 1)]);
  });

  test('the declared main container is the one the others are tied to, wherever it is', () => {
    expect(design([['cron', 'cron:1.0'], ['app', 'app:1.0', 'main']])).toEqual([unrelated('cron', 'app', 0)]);
  });

  test.each(['sidecar', 'log-collector', 'proxy', 'init'] as const)('a container with role %s is tied to the main one', (role) => {
    expect(design([['app', 'app:1.0'], ['helper', 'helper:1.0', role]])).toEqual([]);
  });

  test('two main containers: two applications in one Pod', () => {
    expect(design([['api', 'api:1.0', 'main'], ['admin', 'admin:1.0', 'main']])).toEqual([
      `spec.containers[1]: container "admin" is declared main, like "api": two applications in one Pod ${LIFECYCLE}. ` +
        `Fix: move "admin" to a Pod of its own, the default for containers that do not share a lifecycle; if it lives and dies with "api", declare its role: 'sidecar', 'log-collector', 'proxy' or 'init' (one-container-per-pod)`,
    ]);
  });

  test('one container, and init containers, need no role', () => {
    expect(design([['app', 'app:1.0']])).toEqual([]);
    const report = new Report('chart/pod');
    adviseDesign({ initContainers: [{ name: 'migrate', image: 'app:1.0' }], containers: [{ name: 'app', image: 'app:1.0' }] }, 'spec', report);
    expect(report.problems).toEqual([]);
  });
});

describe('split-by-scaling', () => {
  const byImage = (container: string, image: string, index: number, others: string) =>
    `spec.containers[${index}].image: container "${container}" runs "${image}", a database, cache or queue, beside ${others}; ` +
    `they do not scale alike: each copy of the Pod would bring another database ${SCALING}. ` +
    `Fix: run "${container}" in a Pod of its own (a StatefulSet for a database) and reach it through a Service (split-by-scaling)`;

  test('a web server next to a recognisable database image: split, citing the scaling question', () => {
    expect(design([['web', 'nginx:1.27'], ['db', 'mysql:8.4']])).toEqual([byImage('db', 'mysql:8.4', 1, '"web"')]);
  });

  test('the database first: the web server is still the main container, and the advice is not given twice', () => {
    expect(design([['cache', 'docker.io/library/redis:7.4'], ['web', 'web:2.0'], ['db', 'postgres:16']])).toEqual([
      byImage('cache', 'docker.io/library/redis:7.4', 0, '"web", "db"'),
      byImage('db', 'postgres:16', 2, '"cache", "web"'),
    ]);
  });

  test('a container declared a database, whatever its image', () => {
    expect(design([['web', 'web:2.0'], ['store', 'registry.example.com/team/store:3', 'database']])).toEqual([
      `spec.containers[1]: container "store" is declared a database (role 'database'), beside "web"; they do not scale alike: each copy of the Pod would bring another database ${SCALING}. ` +
        'Fix: run "store" in a Pod of its own (a StatefulSet for a database) and reach it through a Service (split-by-scaling)',
    ]);
  });

  test('a database with its own helpers is fine: the helpers scale with it', () => {
    expect(design([['db', 'mysql:8.4'], ['metrics', 'prom/mysqld-exporter:v0.15.1', 'sidecar']])).toEqual([]);
    expect(design([['db', 'postgres:16', 'main'], ['backup', 'backup:1', 'sidecar']])).toEqual([]);
  });

  test('a declared role wins over the image', () => {
    // A per-copy cache the application owns, declared as such.
    expect(design([['app', 'app:1.0'], ['cache', 'redis:7.4', 'sidecar']])).toEqual([]);
  });

  test('images are recognised by repository name only', () => {
    expect(imageName('registry.example.com:5000/team/postgres:16@sha256:0123')).toBe('postgres');
    expect(imageName('MySQL')).toBe('mysql');
    expect(['mysql:8.4', 'bitnami/postgresql:16', 'mongo', 'redis@sha256:abc', 'mariadb:11'].map(isDatabaseImage)).toEqual([true, true, true, true, true]);
    expect(['prometheuscommunity/postgres-exporter:v0.15', 'redis-cli:7', 'nginx:1.27', 'mysql-client:8', 'app:mysql'].map(isDatabaseImage)).toEqual([false, false, false, false, false]);
  });
});

describe('pod-packs-poorly', () => {
  const node = (name: string, cpu: number, memory: MemoryQuantity): NodeProfile => ({ name, allocatable: { cpu, memory } });
  const pod = (requests: any, nodeSelector?: any) => ({ kind: 'Pod', metadata: { name: 'big' }, spec: { nodeSelector, containers: [{ name: 'app', image: 'app:1.0', resources: { requests } }] } });
  const packing = (manifest: any, nodes: NodeProfile[], packingThreshold?: number) =>
    advise(manifest, { construct: 'chart/big', profile: new ClusterProfile(nodes), packingThreshold }).map(formatProblem);

  test('more than half of every node it can run on: warns with the share of each', () => {
    expect(packing(pod({ cpu: 3, memory: '2Gi' }), [node('node-a', 4, '16Gi'), node('node-b', 5, '4Gi')])).toEqual([
      `spec.containers: one copy of the Pod requests 75% of node node-a (3 CPU of 4), 60% of node node-b (3 CPU of 5): more than 50% of any node it can run on ${PACKING}. ` +
        'Fix: lower the resource requests, or split the Pod into smaller ones that fit the free room nodes have (pod-packs-poorly)',
    ]);
  });

  test('the share is the scarcest resource of the node', () => {
    expect(packing(pod({ cpu: 1, memory: '12Gi' }), [node('node-a', 4, '16Gi')])[0]).toContain('requests 75% of node node-a (12Gi memory of 16Gi)');
  });

  test('no warning when one node it can run on has room for more', () => {
    expect(packing(pod({ cpu: 3 }), [node('node-a', 4, '16Gi'), node('node-b', 8, '16Gi')])).toEqual([]);
    expect(packing(pod({ cpu: 2 }), [node('node-a', 4, '16Gi')])).toEqual([]);
    expect(packing(pod({}), [node('node-a', 4, '16Gi')])).toEqual([]);
  });

  test('only the nodes it can run on count', () => {
    const gpuOnly = pod({ cpu: 3 }, { gpu: 'true' });
    expect(packing(gpuOnly, [{ ...node('gpu', 4, '16Gi'), labels: { gpu: 'true' } }, node('big', 64, '256Gi')])[0]).toContain('requests 75% of node gpu (3 CPU of 4): more than 50%');
  });

  test('the threshold is configurable', () => {
    expect(packing(pod({ cpu: 2 }), [node('node-a', 4, '16Gi')], 0.25)[0]).toContain('requests 50% of node node-a (2 CPU of 4): more than 25% of any node');
    expect(packing(pod({ cpu: 3 }), [node('node-a', 4, '16Gi')], 0.8)).toEqual([]);
  });

  test('a Pod that fits no node gets the error, not the packing advice', () => {
    expect(advise(pod({ cpu: 8 }), { profile: new ClusterProfile([node('node-a', 4, '16Gi')]) }).map((p) => p.rule)).toEqual(['pod-fits-no-node']);
  });
});

describe('advise', () => {
  test('a manifest that runs no Pods has no findings', () => {
    expect(advise({ kind: 'Service', metadata: { name: 's' }, spec: {} })).toEqual([]);
  });

  test('a workload template is advised like a Pod, at its own field path, on the manifest name by default', () => {
    const deployment = { kind: 'Deployment', metadata: { name: 'shop' }, spec: { template: { spec: { containers: [{ name: 'web', image: 'shop:1' }, { name: 'db', image: 'mariadb:11' }] } } } };
    expect(advise(deployment).map((p) => [p.construct, p.rule, p.field, p.severity])).toEqual([['shop', 'split-by-scaling', 'spec.template.spec.containers[1].image', 'warning']]);
  });

  test('without a profile there is no scheduling or packing finding', () => {
    const big = { kind: 'Pod', metadata: { name: 'p' }, spec: { nodeSelector: { gpu: 'true' }, containers: [{ name: 'a', resources: { requests: { cpu: 1000 } } }] } };
    expect(advise(big)).toEqual([]);
  });
});

describe('ADVISOR_RULES', () => {
  test('each rule has a unique id and says what, why and how to fix', () => {
    expect(ADVISOR_RULES.map((rule) => rule.id)).toEqual(['one-container-per-pod', 'split-by-scaling', 'pod-packs-poorly', 'pod-fits-no-node', 'replicas-fit-partly']);
    for (const rule of ADVISOR_RULES) {
      expect([rule.summary, rule.why, rule.fix].every((text) => text.length > 20)).toBe(true);
    }
    expect(ADVISOR_RULES.filter((rule) => rule.severity === 'error').map((rule) => rule.id)).toEqual(['pod-fits-no-node']);
  });
});

describe('Advisor', () => {
  const profile = new ClusterProfile([{ name: 'node-a', allocatable: { cpu: 4, memory: '8Gi' } }]);

  /** An app with an advisor and one chart holding what `build` adds. */
  function appWith(build: (chart: Chart) => void, props: { profile?: ClusterProfile; packingThreshold?: number } = { profile }) {
    const app = new App({ outdir: path.join(__dirname, 'never-written') });
    const advisor = new Advisor(app, 'advisor', props);
    build(new Chart(app, 'shop'));
    return advisor;
  }

  test('reports on the construct that declared the Pod, reading the roles of its containers', () => {
    const advisor = appWith((chart) => {
      new Pod(chart, 'web', {
        containers: [
          new Container({ name: 'web', image: 'shop:1' }),
          new Container({ name: 'logs', image: 'fluent-bit:3', role: 'log-collector' }),
          new Container({ name: 'cron', image: 'shop:1' }),
        ],
      });
    });
    expect(advisor.findings().map((p) => `${p.construct} ${p.field} ${p.rule}`)).toEqual(['shop/web spec.containers[2] one-container-per-pod']);
  });

  test('the plan lists each Pod with where it can land', () => {
    const advisor = appWith((chart) => {
      new Pod(chart, 'web', { containers: [new Container({ name: 'web', image: 'shop:1', resources: { requests: { cpu: 1 } } })] });
      new Pod(chart, 'batch', { containers: [new Container({ name: 'batch', image: 'batch:1', resources: { requests: { cpu: 3 } } })] });
    });
    expect(advisor.plan().map((entry) => [entry.construct, entry.preview?.nodes[0].copies, entry.problems.map((p) => p.rule)])).toEqual([
      ['shop/web', 4, []],
      ['shop/batch', 1, ['pod-packs-poorly']],
    ]);
  });

  test('workloads are read from their manifests, whatever construct renders them', () => {
    const advisor = appWith((chart) => {
      new k8s.KubeDeployment(chart, 'api', {
        spec: {
          replicas: 6,
          selector: { matchLabels: { app: 'api' } },
          template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'api:3', resources: { requests: { cpu: k8s.Quantity.fromString('1500m') } } }] } },
        },
      });
    });
    const [entry] = advisor.plan();
    expect([entry.construct, entry.preview?.placed, entry.problems.map((p) => `${p.field} ${p.rule}`)]).toEqual(['shop/api', 2, ['spec.replicas replicas-fit-partly']]);
  });

  test('without a profile the plan has no preview, and only the design advice runs', () => {
    const advisor = appWith((chart) => {
      new Pod(chart, 'huge', { nodeSelector: { gpu: 'true' }, containers: [new Container({ name: 'a', image: 'a:1', resources: { requests: { cpu: 64 } } })] });
    }, {});
    expect(advisor.plan()).toEqual([{ construct: 'shop/huge', problems: [] }]);
  });

  test('its warnings reach the App once per synth, with the construct that declared the Pod', () => {
    withTempDir((outdir) => {
      const seen: string[][] = [];
      const app = new App({ outdir, onWarnings: (warnings) => seen.push(warnings.filter((w) => w.rule === 'one-container-per-pod').map((w) => `[${w.construct}] ${formatProblem(w)}`)) });
      new Advisor(app, 'advisor', { profile });
      for (const id of ['one', 'two']) {
        new Pod(new Chart(app, id), 'pod', { containers: [new Container({ name: 'a', image: 'a:1' }), new Container({ name: 'b', image: 'b:1' })] });
      }
      app.synth();
      expect(seen).toEqual([[`[one/pod] ${unrelated('b', 'a', 1)}`, `[two/pod] ${unrelated('b', 'a', 1)}`]]);
      expect(Object.keys(readFolder(outdir))).toEqual(['one.k8s.yaml', 'two.k8s.yaml']);
      // A second synth reports them again.
      app.synth();
      expect(seen).toHaveLength(2);
      expect(seen[1]).toEqual(seen[0]);
    });
  });

  test('a Pod changed after a first look is looked at again', () => {
    let pod: Pod | undefined;
    const advisor = appWith((chart) => {
      pod = new Pod(chart, 'web', { containers: [new Container({ name: 'web', image: 'shop:1' })] });
    });
    expect(advisor.findings()).toEqual([]);
    pod!.addContainer(new Container({ name: 'db', image: 'postgres:16' }));
    expect(advisor.findings().map((p) => p.rule)).toEqual(['split-by-scaling']);
  });

  test('its findings obey the rule settings of the construct they are about', () => {
    withTempDir((outdir) => {
      const seen: string[] = [];
      const app = new App({ outdir, onWarnings: (warnings) => seen.push(...warnings.filter((w) => w.rule === 'one-container-per-pod').map((w) => w.construct)) });
      new Advisor(app, 'advisor');
      for (const id of ['one', 'two']) {
        new Pod(new Chart(app, id), 'pod', {
          containers: [new Container({ name: 'a', image: 'a:1' }), new Container({ name: 'b', image: 'b:1' })],
          rules: id === 'two' ? { 'one-container-per-pod': { level: 'off', reason: 'b is a debugging shell, removed before release' } } : {},
        });
      }
      app.synth();
      expect(seen).toEqual(['one/pod']);
    });
  });

  test('an app has one Advisor', () => {
    const app = new App();
    new Advisor(app, 'advisor');
    expect(() => new Advisor(new Chart(app, 'c'), 'again')).toThrow(
      'Advisor "again": the app already has an Advisor at "advisor", and each would report every Pod. Fix: keep one Advisor per app',
    );
  });

  test('Advisor.of finds the advisor of the app', () => {
    const advisor = appWith(() => undefined);
    expect(Advisor.of(advisor.node.root)).toBe(advisor);
    expect(Advisor.of(new App())).toBeUndefined();
  });

  test.each([0, 1.5, Number.NaN])('fails on a packing threshold of %p', (threshold) => {
    expect(() => new Advisor(new App(), 'advisor', { packingThreshold: threshold })).toThrow(
      `Advisor "advisor": packingThreshold is ${threshold}; it is a share of a node, above 0 and at most 1. Fix: use a value such as 0.5 (half a node)`,
    );
  });
});

describe('the example app and npm run plan', () => {
  test("the tutorial's gpu Pod lands on the GPU node only, and the app has no findings", () => {
    const advisor = Advisor.of(buildApp({ outdir: path.join(__dirname, 'never-written') }))!;
    expect(advisor.profile).toBe(exampleCluster);
    const plan = advisor.plan();
    expect(plan.map((entry) => [entry.construct, entry.preview!.fittingNodes])).toEqual([
      ['kube-example/kube-example', ['gpu-node']],
      ['shared-html/shared-html', ['gpu-node', 'cpu-node']],
      ['mysql/mysql', ['gpu-node', 'cpu-node']],
      ['myapp/myapp', ['gpu-node', 'cpu-node']],
      ['database/mysql', ['gpu-node', 'cpu-node']],
      ['database/mysql-backup', ['gpu-node', 'cpu-node']],
    ]);
    expect(plan[0].preview!.nodes[1].reasons).toEqual(['has label gpu=false instead of gpu=true']);
    expect(plan.flatMap((entry) => entry.problems)).toEqual([]);
  });

  test('on a cluster without a GPU node, the gpu Pod fails synth and says why for each node', () => {
    const noGpu = new ClusterProfile([
      { name: 'control-plane', allocatable: { cpu: 2, memory: '4Gi' }, taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
      { name: 'worker', labels: { gpu: 'false' }, allocatable: { cpu: 4, memory: '16Gi' } },
    ]);
    withTempDir((outdir) => {
      expect(() => buildApp({ outdir, profile: noGpu }).synth()).toThrow(
        'synth failed with 1 error; no manifest was written:\n' +
          '  [kube-example/kube-example] spec: the Pod fits no node of the cluster profile, so the scheduler would leave it Pending: ' +
          'control-plane: missing label gpu=true and taint node-role.kubernetes.io/control-plane:NoSchedule not tolerated; worker: has label gpu=false instead of gpu=true. ' +
          "Fix: change the nodeSelector or the node's labels so that node worker, the closest (fewest failed checks), takes it, or add a node that takes it to the cluster profile (pod-fits-no-node)",
      );
      expect(readFolder(outdir)).toEqual({});
    });
  });

  test('npm run plan prints a table per Pod', () => {
    let out = '';
    expect(runPlan([], (text) => (out += text))).toBe(0);
    expect(out).toMatchSnapshot();
  });

  test('the table of a Deployment that fits partly, with the findings', () => {
    const profile = new ClusterProfile([
      { name: 'node-a', labels: { disk: 'ssd' }, allocatable: { cpu: 4, memory: '8Gi' } },
      { name: 'node-b', labels: { disk: 'ssd' }, allocatable: { cpu: 2, memory: '8Gi' } },
      { name: 'node-c', allocatable: { cpu: 16, memory: '64Gi' } },
    ]);
    const deployment = {
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 5, template: { spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'web', image: 'web:1', resources: { requests: { cpu: '1500m', memory: '1Gi' } } }] } } },
    };
    const entry = { construct: 'shop/web', preview: previewScheduling(podCarrier(deployment)!, profile), problems: advise(deployment, { construct: 'shop/web', profile }) };
    expect(renderPlan([entry], profile)).toMatchSnapshot();
  });

  test('npm run plan -- --profile FILE --json: a real cluster dump, for machines; exit 1 on an error', () => {
    let out = '';
    expect(runPlan(['--json', '--profile', path.join(__dirname, 'fixtures', 'nodes-kubectl.yaml')], (text) => (out += text))).toBe(1);
    const plan = JSON.parse(out);
    expect(plan.nodes).toEqual(['cp-1', 'gpu-1', 'worker-1']);
    expect(plan.entries.map((entry: any) => [entry.construct, entry.preview.fittingNodes, entry.problems.map((p: any) => p.rule)])).toEqual([
      ['kube-example/kube-example', [], ['pod-fits-no-node']],
      ['shared-html/shared-html', ['worker-1'], []],
      ['mysql/mysql', ['worker-1'], []],
      ['myapp/myapp', ['worker-1'], []],
      ['database/mysql', ['worker-1'], []],
      ['database/mysql-backup', ['worker-1'], []],
    ]);
    expect(plan.entries[0].preview.nodes[1].reasons).toEqual(['taint nvidia.com/gpu=present:NoSchedule not tolerated']);
    // The GPU node only lacks a toleration: the fix points there.
    expect(plan.entries[0].problems[0].fix).toBe(
      "tolerate the node's taints so that node gpu-1, the closest (fewest failed checks), takes it, or add a node that takes it to the cluster profile",
    );
  });

  test('npm run plan rejects an unknown argument', () => {
    expect(() => runPlan(['--yaml'], () => undefined)).toThrow(
      'unknown argument "--yaml". usage: peapod plan [ENTRY.ts] [--profile FILE] [--json]   (npm run plan -- ...; ENTRY defaults to main.ts)',
    );
  });
});


describe('container roles', () => {
  test('a role is read by the advisor, never emitted', () => {
    const container = new Container({ name: 'logs', image: 'fluent-bit:3', role: 'log-collector' });
    expect(container.role).toBe('log-collector');
    expect(container._toKube()).toEqual({ name: 'logs', image: 'fluent-bit:3' });
  });
});

// Never called: these lines exist to be type-checked; `npm test` runs tsc first,
// so a check that disappears leaves an unused directive and fails the build.
function rejectedAtCompileTime(): void {
  // @ts-expect-error 'helper' is not a ContainerRole
  new Container({ name: 'a', image: 'a:1', role: 'helper' });
  // @ts-expect-error 'GB' is not a Kubernetes memory unit
  new ClusterProfile([{ name: 'n', allocatable: { cpu: 1, memory: '16GB' } }]);
  // @ts-expect-error 'NoSchedul' is not a TaintEffect
  new ClusterProfile([{ name: 'n', allocatable: { cpu: 1, memory: '1Gi' }, taints: [{ key: 'k', effect: 'NoSchedul' }] }]);
  // @ts-expect-error node labels are strings
  new ClusterProfile([{ name: 'n', labels: { gpu: true }, allocatable: { cpu: 1, memory: '1Gi' } }]);
}

export { rejectedAtCompileTime };
