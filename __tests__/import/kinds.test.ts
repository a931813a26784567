import * as fs from 'fs';
import * as path from 'path';
import * as peapod from '../../lib';
import { importManifests } from '../../lib/import';
import { manifestDifferences, synthGenerated, typeCheckGenerated } from '../../lib/import/verify';
import { problemsOf } from './_problems';

// Manifests of the kinds Peapod models besides Pods, workloads, Services,
// ConfigMaps and Secrets, and of kinds it has no class for, written from
// the Kubernetes API reference and documentation examples.
const FIXTURES = path.join(__dirname, 'fixtures', 'kinds');
const fixtures = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).sort();
const inRepo = (file: string) => path.join(__dirname, '..', '..', 'lib', 'imported', file);

function importFixture(file: string) {
  return importManifests([{ file, text: fs.readFileSync(path.join(FIXTURES, file), 'utf8') }], { from: '..' });
}

function roundTrip(text: string) {
  const result = importManifests([{ file: 'in.yaml', text }], { from: '..' });
  const synth = synthGenerated(result.source, result.className, { '..': peapod });
  return { result, synth, differences: synth.errors.length > 0 ? synth.errors : manifestDifferences(result.objects, synth.objects) };
}

const deployment = (name: string, labels: string, extra = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  selector: {matchLabels: ${labels}}\n  template:\n    metadata: {labels: ${labels}}\n    spec: {containers: [{name: app, image: "registry.example.com/app:1", ports: [{name: http, containerPort: 8080}]${extra}}]}\n`;

describe('each kind imports into Peapod code that synthesizes to the input', () => {
  // Reviewed: each reads as the code one would write by hand, objects passed by variable.
  test.each(fixtures)('%s', (file) => {
    const result = importFixture(file);
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    expect(synth.errors).toEqual([]);
    expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
    expect(synth.objects).toHaveLength(result.objects.length);
    expect(result.source).toMatchSnapshot();
  });

  test('the code of every fixture compiles under the project tsconfig', () => {
    expect(typeCheckGenerated(fixtures.map((file, i) => ({ path: inRepo(`kinds${i}.ts`), text: importFixture(file).source })))).toEqual([]);
  });
});

describe('references between the objects', () => {
  test("a StatefulSet's governing Service comes before it and is passed as an object; the Service selects the Pods by labels", () => {
    const source = importFixture('stateful-set.yaml').source;
    expect(source).toContain("const nginx = new Service(this, 'nginx', {\n      labels: { app: 'nginx' },\n      target: PodSelector.labels({ app: 'nginx' }),");
    expect(source).toContain('      service: nginx,\n      volumeClaimTemplates: [www],');
    expect(source).toContain("mounts: [www.mount('/usr/share/nginx/html')],");
  });

  test("the MySQL tutorial's three files: the StatefulSet takes the Service of another file, and mounts its claim template with a subPath", () => {
    const corpus = path.join(__dirname, 'corpus', 'kubernetes-website', 'application', 'mysql');
    const inputs = ['mysql-configmap.yaml', 'mysql-services.yaml', 'mysql-statefulset.yaml'].map((file) => ({ file, text: fs.readFileSync(path.join(corpus, file), 'utf8') }));
    const result = importManifests(inputs, { from: '..' });
    expect(result.source).toContain('      service: mysqlService,\n      volumeClaimTemplates: [data],\n');
    expect(result.source).toContain("mounts: [data.mount('/var/lib/mysql', { subPath: 'mysql' }), conf.mount('/etc/mysql/conf.d')],");
    expect(result.source).toContain("new Service(this, 'mysql-read', {\n      labels: { app: 'mysql', 'app.kubernetes.io/name': 'mysql', readonly: 'true' },\n      target: mysql,");
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    expect(synth.errors).toEqual([]);
    expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
    // Alone in its file, its governing Service is not in the input: it comes in as the L1 StatefulSet.
    expect(importManifests([inputs[2]], { from: '..' }).source).toContain("new k8s.KubeStatefulSet(this, 'mysql', {");
  });

  test('the headless Service a StatefulSet makes by default is left to it', () => {
    const result = importFixture('stateful-set-made-service.yaml');
    expect(result.source).not.toContain('new Service(');
    expect(result.source).not.toContain('service:');
    expect(result.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toContain('Service/zk');
  });

  test('a Service of a DaemonSet, a Job or a StatefulSet is made from it, as one of a Deployment', () => {
    expect(importFixture('daemon-set.yaml').source).toContain("new Service(this, 'fluentd', { target: fluentdElasticsearch,");
    const job = 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: seed}\nspec:\n  template:\n    metadata: {labels: {app: seed}}\n    spec:\n      restartPolicy: Never\n      containers: [{name: seed, image: "registry.example.com/seed:1", ports: [{name: http, containerPort: 8080}]}]\n';
    const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: seed-status}\nspec: {selector: {app: seed}, ports: [{port: 80, targetPort: http}]}\n';
    const { result, differences } = roundTrip(`${service}---\n${job}`);
    expect(result.source).toContain("new Service(this, 'seed-status', { target: seed, ports: [{ port: 80, targetPort: 'http' }] });");
    expect(differences).toEqual([]);
  });

  test('an autoscaler, a budget and a policy take the Deployment they scale or select as an object', () => {
    const source = importFixture('autoscaler-budget-policy.yaml').source;
    expect(source).toContain('const phpApache = new Deployment(');
    expect(source).toContain('      target: phpApache,\n');
    expect(source).toContain("new PodDisruptionBudget(this, 'php-pdb', { selector: phpApache, minAvailable: 2 });");
    expect(source).toContain("new NetworkPolicy(this, 'test-network-policy', {\n      selector: phpApache,");
    expect(source).toContain("new NetworkPolicy(this, 'default-deny-ingress', { selector: PodSelector.labels({}), policyTypes: ['Ingress'] });");
  });

  test('an Ingress takes the Services of the input and the TLS Secret as objects, others by name', () => {
    const source = importFixture('ingress.yaml').source;
    expect(source).toContain("{ path: '/api', pathType: 'Exact', backend: IngressBackend.service(web, 80) },");
    expect(source).toContain("defaultBackend: IngressBackend.fromServiceName('default-http-backend', 80),");
    expect(source).toContain("tls: [{ hosts: ['https-example.foo.com'], secret: testsecretTls }],");
  });

  test('a Job as kubectl shows it: the selector and Pod labels the API server made are left out, with a note each', () => {
    const result = importFixture('job-exported.yaml');
    expect(result.notes).toEqual(
      expect.arrayContaining([
        'job-exported.yaml: document 1 (Job "pi"): spec.selector: left out: the API server makes it',
        'job-exported.yaml: document 1 (Job "pi"): spec.template.metadata.labels.batch.kubernetes.io/controller-uid: left out: the API server adds it',
        'job-exported.yaml: document 1 (Job "pi"): metadata.annotations.batch.kubernetes.io/job-tracking: left out: kubectl or a controller writes it',
      ]),
    );
    expect(result.objects[0].spec.selector).toBeUndefined();
    expect(result.objects[0].spec.template.metadata).toBeUndefined();
  });

  test('a Pod runs as the ServiceAccount of the input by object, as another by ServiceAccount.fromName', () => {
    const source = importFixture('service-account.yaml').source;
    expect(source).toContain('      serviceAccount: buildRobot,\n');
    expect(source).toContain("const prometheusServiceAccount = ServiceAccount.fromName('prometheus');");
    expect(source).toContain('imagePullSecrets: [registryCredentialsSecret, mirrorCredentials],');
  });

  test('objects of several namespaces refer to those of their own; Namespaces and a ClusterRole are in none', () => {
    const source = importFixture('namespaces.yaml').source;
    expect(source).toContain("const webServiceAccount = new ServiceAccount(shopNamespace, 'web-serviceaccount', { name: 'web' });");
    expect(source).toContain("new ServiceAccount(opsNamespace, 'web');");
    expect(source).toContain('        serviceAccount: webServiceAccount,\n');
    expect(source).toContain("new k8s.KubeClusterRole(this, 'viewer', {");
    expect(source).not.toContain('JsonPatch.remove');
  });

  test('a Service in front of a ReplicationController selects its Pods by labels', () => {
    const source = importFixture('kinds-without-a-class.yaml').source;
    expect(source).toContain("new k8s.KubeReplicationController(this, 'nginx', {");
    expect(source).toContain("target: PodSelector.labels({ app: 'nginx' }),");
  });
});

describe('what Peapod has no class for comes in as the L1 object, exactly', () => {
  test('kinds of Kubernetes 1.27 without a class: their typed L1 class, checked against its schema', () => {
    const source = importFixture('kinds-without-a-class.yaml').source;
    for (const cls of ['KubePersistentVolumeClaim', 'KubeRole', 'KubeRoleBinding', 'KubeLimitRange', 'KubeHorizontalPodAutoscaler']) {
      expect(source).toContain(`new k8s.${cls}(this, `);
    }
    expect(source).toContain("resources: { requests: { storage: k8s.Quantity.fromString('8Gi') } },");
  });

  test('a custom resource: a plain ApiObject, as given, with a note; cluster-scoped objects leave the chart namespace out', () => {
    const result = importFixture('custom-resources.yaml');
    expect(result.source).toContain("new ApiObject(this, 'shop-tls', {\n      apiVersion: 'cert-manager.io/v1',\n      kind: 'Certificate',");
    expect(result.source).toContain("shop.addJsonPatch(JsonPatch.remove('/metadata/namespace'));");
    expect(result.source).toContain("secretReader.addJsonPatch(JsonPatch.remove('/metadata/namespace'));");
    expect(result.notes).toEqual([
      'custom-resources.yaml: document 3 (Certificate "shop-tls"): comes in as a plain ApiObject, as given: "cert-manager.io/v1" is not an API group of Kubernetes 1.27 (a custom resource), so no schema checks its fields',
    ]);
  });

  test('an object of a modeled kind with what its class does not write: its L1 class, with a note that says what', () => {
    expect(importFixture('not-modeled-fields.yaml').notes).toEqual([
      'not-modeled-fields.yaml: document 1 (CronJob "report"): comes in as k8s.KubeCronJob, the L1 class: Peapod\'s CronJob does not model spec.jobTemplate.metadata (labels and annotations of its Jobs)',
      'not-modeled-fields.yaml: document 3 (StatefulSet "cache"): comes in as k8s.KubeStatefulSet, the L1 class: Peapod\'s StatefulSet does not model a governing Service outside the input (Service "cache-peers", which it takes as an object: import the Service\'s file with this one)',
      "not-modeled-fields.yaml: document 4 (NetworkPolicy \"from-monitoring\"): comes in as k8s.KubeNetworkPolicy, the L1 class: Peapod's NetworkPolicy does not model spec.podSelector.matchExpressions",
      'not-modeled-fields.yaml: document 2 (Ingress "minimal"): comes in as k8s.KubeIngress, the L1 class: Peapod\'s Ingress does not model spec.rules[0].http.paths[0]: a path left out (Peapod writes "/"), spec.rules[0].http.paths[0].backend.resource (a backend that is not a Service)',
    ]);
  });

  test('a DaemonSet selecting by matchExpressions: its L1 class, where a Deployment is refused', () => {
    const text = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector:\n    matchLabels: {app: agent}\n    matchExpressions: [{key: tier, operator: In, values: [node]}]\n  template:\n    metadata: {labels: {app: agent, tier: node}}\n    spec: {containers: [{name: agent, image: "registry.example.com/agent:1"}]}\n';
    const { result, differences } = roundTrip(text);
    expect(result.notes).toEqual(['in.yaml: document 1 (DaemonSet "agent"): comes in as k8s.KubeDaemonSet, the L1 class: Peapod\'s DaemonSet does not model spec.selector.matchExpressions']);
    expect(differences).toEqual([]);
  });

  test('an autoscaler whose target is not in the input, or with an Object metric: its L1 class', () => {
    const hpa = (metric: string) =>
      `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 4\n  metrics: [${metric}]\n`;
    const outside = roundTrip(hpa('{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}}'));
    expect(outside.result.source).toContain("new k8s.KubeHorizontalPodAutoscalerV2(this, 'web', {");
    expect(outside.result.notes).toEqual([
      'in.yaml: document 1 (HorizontalPodAutoscaler "web"): comes in as k8s.KubeHorizontalPodAutoscalerV2, the L1 class: Peapod\'s HorizontalPodAutoscaler does not model a target outside the input (Deployment "web"; it takes a Deployment or StatefulSet as an object: import its file with this one)',
    ]);
    expect(outside.differences).toEqual([]);
    const object = roundTrip(`${deployment('web', '{app: web}', ', resources: {requests: {cpu: 100m}}')}---\n${hpa('{type: Object, object: {metric: {name: requests-per-second}, describedObject: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: main-route}, target: {type: Value, value: 10k}}}')}`);
    expect(object.result.source).toContain("new k8s.KubeHorizontalPodAutoscalerV2(this, 'web-horizontalpodautoscaler', {");
    expect(object.differences).toEqual([]);
  });

  test('an apiVersion removed before Kubernetes 1.27, or a kind its version does not have, is refused', () => {
    expect(problemsOf('apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: old}\nspec: {backend: {serviceName: web, servicePort: 80}}\n')).toEqual([
      'in.yaml: document 1: apiVersion: Ingress has apiVersion "extensions/v1beta1", which the API server no longer serves (removed in Kubernetes 1.22). Fix: use apiVersion: networking.k8s.io/v1',
    ]);
    expect(problemsOf('apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: restricted}\nspec: {}\n')).toEqual([
      'in.yaml: document 1: apiVersion: PodSecurityPolicy has apiVersion "policy/v1beta1", which the API server no longer serves (removed in Kubernetes 1.25). Fix: use the apiVersion the cluster serves for the kind (`kubectl api-resources` lists them)',
    ]);
    expect(problemsOf('apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBindings\nmetadata: {name: x}\n')).toEqual([
      'in.yaml: document 1: kind: kind "ClusterRoleBindings" is not one peapod import reads: Kubernetes 1.27 serves no such kind in apiVersion "rbac.authorization.k8s.io/v1". Fix: correct the kind or the apiVersion (`kubectl api-resources` lists what a cluster serves); keep a kind of a later Kubernetes in YAML',
    ]);
  });

  test('a Kubernetes API version later than 1.27 comes in as a plain ApiObject, with a note', () => {
    const { result, differences } = roundTrip('apiVersion: resource.k8s.io/v1beta1\nkind: DeviceClass\nmetadata: {name: gpu}\nspec:\n  selectors:\n  - cel: {expression: "device.driver == \'gpu.example.com\'"}\n');
    expect(result.source).toContain("new ApiObject(this, 'gpu', {\n      apiVersion: 'resource.k8s.io/v1beta1',");
    expect(result.notes).toEqual([
      'in.yaml: document 1 (DeviceClass "gpu"): comes in as a plain ApiObject, as given: "resource.k8s.io/v1beta1" is an API version of a Kubernetes later than 1.27, whose schema Peapod does not have, so no schema checks its fields',
    ]);
    expect(differences).toEqual([]);
  });

  test('a field an L1 class does not have is refused, as for the other kinds', () => {
    expect(problemsOf('apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, storageClass: fast}\n')).toEqual([
      'in.yaml: document 1 (PersistentVolumeClaim "data"): spec.storageClass: is not a field of PersistentVolumeClaimSpec. Fix: check the spelling against the Kubernetes API reference, or remove it',
    ]);
  });
});

describe('API-server rules the import enforces on the new kinds, each with its message', () => {
  const job = (restartPolicy: string, extra = '') =>
    `apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec:\n${extra}  template:\n    spec:\n${restartPolicy}      containers: [{name: migrate, image: "registry.example.com/migrate:1"}]\n`;
  const statefulSet = (claim: string, extra = '') =>
    `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n${extra}  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: "postgres:16", volumeMounts: [{name: data, mountPath: /var/lib/postgresql}]}]}\n  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec: ${claim}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec: {clusterIP: None, selector: {app: db}}\n`;

  test('job-restart-policy: a Job without restartPolicy, or with Always', () => {
    expect(problemsOf(job(''))).toEqual([
      'in.yaml: document 1 (Job "migrate"): spec.template.spec.restartPolicy: is missing, and a Job\'s Pods would get Always, which Kubernetes refuses for a Job. Fix: add restartPolicy: OnFailure or Never (job-restart-policy)',
    ]);
    expect(problemsOf(job('      restartPolicy: Always\n'))).toEqual([
      'in.yaml: document 1 (Job "migrate"): spec.template.spec.restartPolicy: is "Always", but a Job\'s Pods must end. Fix: use restartPolicy: OnFailure or Never (job-restart-policy)',
    ]);
    expect(roundTrip(job('      restartPolicy: OnFailure\n')).differences).toEqual([]);
  });

  test('job-field-valid and cron-job-field-valid: values outside the API\'s sets', () => {
    expect(problemsOf(job('      restartPolicy: Never\n', '  completionMode: indexed\n'))).toEqual([
      'in.yaml: document 1 (Job "migrate"): spec.completionMode: is "indexed"; expected one of "NonIndexed", "Indexed". Fix: use one of those values, spelled as shown (job-field-valid)',
    ]);
    const cron = (policy: string) => `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: "0 3 * * *"\n  concurrencyPolicy: ${policy}\n  jobTemplate:\n    spec:\n      template:\n        spec: {restartPolicy: OnFailure, containers: [{name: backup, image: "registry.example.com/backup:1"}]}\n`;
    expect(problemsOf(cron('Skip'))).toEqual([
      'in.yaml: document 1 (CronJob "nightly"): spec.concurrencyPolicy: is "Skip"; expected one of "Allow", "Forbid", "Replace". Fix: use one of those values, spelled as shown (cron-job-field-valid)',
    ]);
    expect(roundTrip(cron('Forbid')).differences).toEqual([]);
  });

  test('stateful-set-claim-template-valid: a claim template without access modes or storage', () => {
    expect(problemsOf(statefulSet('{resources: {requests: {storage: 5Gi}}}'))).toEqual([
      "in.yaml: document 1 (StatefulSet \"db\"): spec.volumeClaimTemplates[0].spec.accessModes: is missing: a claim needs at least one access mode, and is refused when it is made without one. Fix: add accessModes: ['ReadWriteOnce'] (stateful-set-claim-template-valid)",
    ]);
    expect(problemsOf(statefulSet('{accessModes: [ReadWriteOnce]}'))).toEqual([
      "in.yaml: document 1 (StatefulSet \"db\"): spec.volumeClaimTemplates[0].spec.resources.requests.storage: is missing: the claim of each Pod asks for no storage, and is refused when it is made. Fix: add resources.requests.storage, such as '10Gi' (stateful-set-claim-template-valid)",
    ]);
    expect(problemsOf(statefulSet('{accessModes: [ReadWriteOnly], resources: {requests: {storage: 5Gi}}}'))).toEqual([
      'in.yaml: document 1 (StatefulSet "db"): spec.volumeClaimTemplates[0].spec.accessModes[0]: is "ReadWriteOnly"; expected one of "ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod". Fix: use one of those values, spelled as shown (stateful-set-claim-template-valid)',
    ]);
    const valid = roundTrip(statefulSet('{accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}'));
    expect(valid.result.source).toContain("const data = new VolumeClaimTemplate('data', { storage: '5Gi' });");
    expect(valid.differences).toEqual([]);
  });

  test('stateful-set-claim-template-valid from synth: ReadWriteOncePod beside another mode', () => {
    const { differences } = roundTrip(statefulSet('{accessModes: [ReadWriteOnce, ReadWriteOncePod], resources: {requests: {storage: 5Gi}}}'));
    expect(differences).toEqual([
      '[imported/db] spec.volumeClaimTemplates[0].spec.accessModes: claim template "data" combines ReadWriteOncePod with other access modes. Fix: give each claim template a name of its own (a DNS-1123 label such as "data", not the name of a volume of the Pod template), accessModes such as [\'ReadWriteOnce\'] (ReadWriteOncePod alone), and a storage size such as \'10Gi\' (stateful-set-claim-template-valid)',
    ]);
  });

  test('stateful-set-pod-management-policy, stateful-set-update-strategy, stateful-set-claim-retention-policy', () => {
    const claim = '{accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}';
    expect(problemsOf(statefulSet(claim, '  podManagementPolicy: OneByOne\n  updateStrategy: {type: Rolling}\n  persistentVolumeClaimRetentionPolicy: {whenDeleted: Keep}\n'))).toEqual([
      'in.yaml: document 1 (StatefulSet "db"): spec.persistentVolumeClaimRetentionPolicy.whenDeleted: is "Keep"; expected one of "Retain", "Delete". Fix: use one of those values, spelled as shown (stateful-set-claim-retention-policy)',
      'in.yaml: document 1 (StatefulSet "db"): spec.podManagementPolicy: is "OneByOne"; expected one of "OrderedReady", "Parallel". Fix: use one of those values, spelled as shown (stateful-set-pod-management-policy)',
      'in.yaml: document 1 (StatefulSet "db"): spec.updateStrategy.type: is "Rolling"; expected one of "RollingUpdate", "OnDelete". Fix: use one of those values, spelled as shown (stateful-set-update-strategy)',
    ]);
    const valid = roundTrip(statefulSet(claim, '  podManagementPolicy: OrderedReady\n  updateStrategy: {type: OnDelete}\n  persistentVolumeClaimRetentionPolicy: {whenDeleted: Retain}\n'));
    expect(valid.result.source).toContain('updateStrategy: StatefulSetUpdateStrategy.onDelete(),');
    expect(valid.differences).toEqual([]);
  });

  test('stateful-set-service-headless from synth: a governing Service with a cluster IP', () => {
    const text = statefulSet('{accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}').replace('spec: {clusterIP: None, selector: {app: db}}', 'spec: {selector: {app: db}, ports: [{port: 5432}]}');
    expect(roundTrip(text).differences).toEqual([
      '[imported/db] spec.serviceName: Service "db" (imported/db-service) has a cluster IP, so the StatefulSet\'s Pods get no DNS names of their own. Fix: make the Service headless (`headless: true`), or leave `service` out to have one made (stateful-set-service-headless)',
    ]);
  });

  test('daemon-set-update-strategy: an unknown strategy type; a strategy without one gets RollingUpdate, with a note', () => {
    const daemonSet = (strategy: string) => `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  updateStrategy: ${strategy}\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec: {containers: [{name: agent, image: "registry.example.com/agent:1"}]}\n`;
    expect(problemsOf(daemonSet('{type: Recreate}'))).toEqual([
      'in.yaml: document 1 (DaemonSet "agent"): spec.updateStrategy.type: is "Recreate"; expected one of "RollingUpdate", "OnDelete". Fix: use one of those values, spelled as shown (daemon-set-update-strategy)',
    ]);
    const valid = roundTrip(daemonSet('{rollingUpdate: {maxSurge: "25%", maxUnavailable: 0}}'));
    expect(valid.result.source).toContain("updateStrategy: DaemonSetUpdateStrategy.rollingUpdate({ maxUnavailable: 0, maxSurge: '25%' }),");
    expect(valid.result.notes).toEqual(['in.yaml: document 1 (DaemonSet "agent"): spec.updateStrategy.type: written as RollingUpdate, the default Kubernetes applies']);
    expect(valid.differences).toEqual([]);
  });

  test('pdb-budget-valid: both minAvailable and maxUnavailable, an unknown eviction policy, an amount that is neither count nor percentage', () => {
    const pdb = (spec: string) => `${deployment('web', '{app: web}')}---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {selector: {matchLabels: {app: web}}, ${spec}}\n`;
    expect(problemsOf(pdb('minAvailable: 1, maxUnavailable: 1, unhealthyPodEvictionPolicy: Always'))).toEqual([
      'in.yaml: document 2 (PodDisruptionBudget "web"): spec.maxUnavailable: is set beside minAvailable, and a budget takes one of the two. Fix: keep minAvailable or maxUnavailable (pdb-budget-valid)',
      'in.yaml: document 2 (PodDisruptionBudget "web"): spec.unhealthyPodEvictionPolicy: is "Always"; expected one of "IfHealthyBudget", "AlwaysAllow". Fix: use one of those values, spelled as shown (pdb-budget-valid)',
    ]);
    expect(problemsOf(pdb('minAvailable: half'))).toEqual([
      'in.yaml: document 2 (PodDisruptionBudget "web"): spec.minAvailable: is "half"; expected a count or a percentage. Fix: write a number (1) or a percentage ("25%")',
    ]);
    const valid = roundTrip(pdb('maxUnavailable: "20%"'));
    expect(valid.result.source).toContain("new PodDisruptionBudget(this, 'web-poddisruptionbudget', { name: 'web', selector: web, maxUnavailable: '20%' });");
    expect(valid.differences).toEqual([]);
  });

  test('network-policy-types-valid, network-policy-port-valid, network-policy-peer-valid', () => {
    const policy = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api}\nspec:\n  podSelector: {matchLabels: {app: api}}\n${spec}`;
    expect(problemsOf(policy('  policyTypes: [Inbound]\n  ingress: [{from: [{}], ports: [{port: 80, protocol: HTTP}]}]\n'))).toEqual([
      'in.yaml: document 1 (NetworkPolicy "api"): spec.policyTypes[0]: is "Inbound"; expected one of "Ingress", "Egress". Fix: use one of those values, spelled as shown (network-policy-types-valid)',
      'in.yaml: document 1 (NetworkPolicy "api"): spec.ingress[0].from[0]: names no peer. Fix: give the peer a podSelector, a namespaceSelector or an ipBlock (network-policy-peer-valid)',
      'in.yaml: document 1 (NetworkPolicy "api"): spec.ingress[0].ports[0].protocol: is "HTTP"; expected one of "TCP", "UDP", "SCTP". Fix: use one of those values, spelled as shown (network-policy-port-valid)',
    ]);
    const valid = roundTrip(policy('  policyTypes: [Egress]\n  egress: [{to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}], ports: [{port: 53, protocol: UDP}]}]\n'));
    expect(valid.result.source).toContain("to: [NetworkPeer.pods(PodSelector.labels({ 'k8s-app': 'kube-dns' }), {})]");
    expect(valid.differences).toEqual([]);
  });

  test('ingress-path-valid and ingress-backend-port: a path without pathType, a port by neither name nor number', () => {
    const ingress = (path: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  rules:\n  - http:\n      paths:\n      - ${path}\n`;
    expect(problemsOf(ingress('{path: /, backend: {service: {name: web, port: {name: http, number: 80}}}}'))).toEqual([
      'in.yaml: document 1 (Ingress "web"): spec.rules[0].http.paths[0].pathType: is missing, and Kubernetes refuses a path without one. Fix: add pathType: Prefix, Exact or ImplementationSpecific (ingress-path-valid)',
      'in.yaml: document 1 (Ingress "web"): spec.rules[0].http.paths[0].backend.service.port: names a port by neither or both of name and number. Fix: give the port a name or a number (ingress-backend-port)',
    ]);
    expect(problemsOf(ingress('{path: /, pathType: Regex, backend: {service: {name: web, port: {number: 80}}}}'))).toEqual([
      'in.yaml: document 1 (Ingress "web"): spec.rules[0].http.paths[0].pathType: is "Regex"; expected one of "Exact", "Prefix", "ImplementationSpecific". Fix: use one of those values, spelled as shown (ingress-path-valid)',
    ]);
    expect(roundTrip(ingress('{path: /, pathType: ImplementationSpecific, backend: {service: {name: web, port: {number: 80}}}}')).differences).toEqual([]);
  });
});
