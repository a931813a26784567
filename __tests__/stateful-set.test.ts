import { Chart } from 'cdk8s';
import { App, Container, PodSelector, Service, StatefulSet, StatefulSetUpdateStrategy, VolumeClaimTemplate } from '../lib';
import { problemsOf } from './_problems';
import { newChart, synthObjects } from './_support';

const mysql = (data?: VolumeClaimTemplate) =>
  new Container({ name: 'mysql', image: 'mysql:8.4', ports: { mysql: 3306 }, mounts: data ? [data.mount('/var/lib/mysql')] : [] });

const database = (chart: Chart, extra: Partial<ConstructorParameters<typeof StatefulSet>[2]> = {}) => {
  const data = new VolumeClaimTemplate('data', { storage: '10Gi' });
  return new StatefulSet(chart, 'mysql', { volumeClaimTemplates: [data], template: { labels: { app: 'mysql' }, containers: [mysql(data)] }, ...extra });
};

describe('StatefulSet', () => {
  test('defaults: selector from labels, a headless Service made, the claim template mounted by object', () => {
    const chart = newChart();
    const sts = database(chart);
    const [statefulSet, service] = synthObjects(chart);
    expect(statefulSet).toEqual({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'mysql' },
      spec: {
        selector: { matchLabels: { app: 'mysql' } },
        serviceName: 'mysql',
        template: {
          metadata: { labels: { app: 'mysql' } },
          spec: { containers: [{ name: 'mysql', image: 'mysql:8.4', ports: [{ name: 'mysql', containerPort: 3306 }], volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }] }] },
        },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }],
      },
    });
    expect(service).toEqual({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'mysql' }, spec: { clusterIP: 'None', selector: { app: 'mysql' } } });
    expect(sts.service.node.path).toBe('test/mysql/Service');
  });

  test('a Service given, strategies, policies and addVolumeClaimTemplate()', () => {
    const chart = newChart();
    const service = new Service(chart, 'db', { headless: true, target: PodSelector.labels({ app: 'mysql' }), ports: [{ name: 'mysql', port: 3306, targetPort: 3306 }] });
    const logs = new VolumeClaimTemplate('logs', { storage: '1Gi', accessModes: ['ReadWriteOncePod'], storageClassName: 'fast', volumeMode: 'Filesystem', labels: { kind: 'logs' } });
    database(chart, {
      service,
      replicas: 3,
      podManagementPolicy: 'Parallel',
      updateStrategy: StatefulSetUpdateStrategy.rollingUpdate({ partition: 1, maxUnavailable: '50%' }),
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' },
      revisionHistoryLimit: 5,
      startOrdinal: 1,
    }).addVolumeClaimTemplate(logs);
    const spec = synthObjects(chart)[1].spec;
    expect(spec.serviceName).toBe('db');
    expect(spec).toMatchObject({
      replicas: 3,
      podManagementPolicy: 'Parallel',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1, maxUnavailable: '50%' } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' },
      revisionHistoryLimit: 5,
      ordinals: { start: 1 },
    });
    expect(spec.volumeClaimTemplates[1]).toEqual({
      metadata: { name: 'logs', labels: { kind: 'logs' } },
      spec: { accessModes: ['ReadWriteOncePod'], storageClassName: 'fast', volumeMode: 'Filesystem', resources: { requests: { storage: '1Gi' } } },
    });
    expect(StatefulSetUpdateStrategy.onDelete()._toKube()).toEqual({ type: 'OnDelete' });
  });

  test('a Service can target it by name', () => {
    const chart = newChart();
    database(chart);
    const service = new Service(chart, 'reader', { target: StatefulSet.fromName('mysql', { selector: { app: 'mysql' } }), ports: [{ port: 3306, targetPort: 'mysql' }] });
    expect(service.node.validate()).toEqual([]);
  });
});

describe('StatefulSet fails synth', () => {
  test('when its governing Service is not headless or does not select its Pods', () => {
    expect(
      problemsOf((chart) => {
        database(chart, { service: new Service(chart, 'db', { target: PodSelector.labels({ app: 'other' }), ports: [{ port: 3306, targetPort: 3306 }] }) });
      }),
    ).toEqual([
      'spec.serviceName: Service "db" (test/db) has a cluster IP, so the StatefulSet\'s Pods get no DNS names of their own. Fix: make the Service headless (`headless: true`), or leave `service` out to have one made (stateful-set-service-headless)',
      "spec.serviceName: Service \"db\" (test/db) selects app=other, which does not match the StatefulSet's Pods. Fix: target the StatefulSet with the Service, and create both in one namespace (stateful-set-service-selects-pods)",
    ]);
  });

  test('when its name makes Pod names that are not DNS labels', () => {
    expect(
      problemsOf((chart) => {
        new StatefulSet(chart, 'sts', { name: 'db.main', service: new Service(chart, 'db', { headless: true, target: PodSelector.labels({ app: 'mysql' }) }), template: { labels: { app: 'mysql' }, containers: [mysql()] } });
      }),
    ).toEqual([
      'metadata.name: the first Pod would be named "db.main-0", which must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: rename the StatefulSet with lower-case letters, digits and "-" only (stateful-set-name)',
    ]);
  });

  test('when its governing Service is in another namespace', () => {
    const app = new App();
    const service = new Service(new Chart(app, 'other', { namespace: 'other' }), 'db', { headless: true, target: PodSelector.labels({ app: 'mysql' }) });
    const sts = database(new Chart(app, 'data', { namespace: 'data' }), { service });
    expect(sts.node.validate()).toEqual([
      'spec.serviceName: Service "db" (other/db) is in another namespace than the StatefulSet. Fix: target the StatefulSet with the Service, and create both in one namespace (stateful-set-service-selects-pods)',
    ]);
  });

  test('when policies and the update strategy are not supported', () => {
    expect(
      problemsOf((chart) => {
        database(chart, {
          podManagementPolicy: 'Ordered' as never,
          startOrdinal: -1,
          updateStrategy: StatefulSetUpdateStrategy.rollingUpdate({ partition: -1, maxUnavailable: 0 }),
          persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep' as never },
        });
      }),
    ).toEqual([
      'spec.podManagementPolicy: "Ordered" is not supported; the values are "OrderedReady", "Parallel". Fix: use one of OrderedReady, Parallel (stateful-set-pod-management-policy)',
      'spec.updateStrategy.rollingUpdate.partition: partition is -1; it must be a whole number, 0 or more (at most 2147483647). Fix: set partition to 0 or more, or leave it out (stateful-set-update-strategy)',
      'spec.updateStrategy.rollingUpdate.maxUnavailable: maxUnavailable is 0; it must be more than 0. Fix: use StatefulSetUpdateStrategy.rollingUpdate() (partition 0 or more, maxUnavailable a count of Pods such as 1 or a percentage such as "25%", more than 0) or .onDelete(), which takes no rollingUpdate options (stateful-set-update-strategy)',
      'spec.persistentVolumeClaimRetentionPolicy.whenDeleted: "Keep" is not supported; the values are "Retain", "Delete". Fix: use one of Retain, Delete (stateful-set-claim-retention-policy)',
      'spec.ordinals.start: start is -1; it must be a whole number, 0 or more (at most 2147483647). Fix: set start to 0 or more, or leave it out (stateful-set-field-valid)',
    ]);
  });

  test('when the template has a deadline, or a claim template is invalid', () => {
    expect(
      problemsOf((chart) => {
        const bad = new VolumeClaimTemplate('Data', { storage: 0, accessModes: ['ReadWriteOncePod', 'ReadOnlyMany'] });
        const twice = new VolumeClaimTemplate('logs', { storage: '1Gi', accessModes: [] });
        new StatefulSet(chart, 'mysql', {
          volumeClaimTemplates: [bad, twice, new VolumeClaimTemplate('logs', { storage: '1Gi' })],
          template: { labels: { app: 'mysql' }, extraSpec: { activeDeadlineSeconds: 60 }, containers: [mysql()] },
        });
      }),
    ).toEqual([
      'spec.template.spec.activeDeadlineSeconds: the Pod template of a StatefulSet sets activeDeadlineSeconds 60; a StatefulSet keeps its Pods running, so the API server refuses a deadline. Fix: use a whole number of seconds in range; set a deadline on a Job, or on the Job template of a CronJob, not on a long-running workload (pod-timing)',
      'spec.volumeClaimTemplates[0].metadata.name: claim template name "Data" must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: give each claim template a name of its own (a DNS-1123 label such as "data", not the name of a volume of the Pod template), accessModes such as [\'ReadWriteOnce\'] (ReadWriteOncePod alone), and a storage size such as \'10Gi\' (stateful-set-claim-template-valid)',
      'spec.volumeClaimTemplates[0].spec.accessModes: claim template "Data" combines ReadWriteOncePod with other access modes. Fix: give each claim template a name of its own (a DNS-1123 label such as "data", not the name of a volume of the Pod template), accessModes such as [\'ReadWriteOnce\'] (ReadWriteOncePod alone), and a storage size such as \'10Gi\' (stateful-set-claim-template-valid)',
      'spec.volumeClaimTemplates[0].spec.resources.requests.storage: claim template "Data" requests storage 0; it must be more than 0. Fix: give each claim template a name of its own (a DNS-1123 label such as "data", not the name of a volume of the Pod template), accessModes such as [\'ReadWriteOnce\'] (ReadWriteOncePod alone), and a storage size such as \'10Gi\' (stateful-set-claim-template-valid)',
      'spec.volumeClaimTemplates[1].spec.accessModes: claim template "logs" has no access mode. Fix: give each claim template a name of its own (a DNS-1123 label such as "data", not the name of a volume of the Pod template), accessModes such as [\'ReadWriteOnce\'] (ReadWriteOncePod alone), and a storage size such as \'10Gi\' (stateful-set-claim-template-valid)',
      'spec.volumeClaimTemplates[2].metadata.name: claim template name "logs" is already used by spec.volumeClaimTemplates[1]. Fix: give each claim template a name of its own (a DNS-1123 label such as "data", not the name of a volume of the Pod template), accessModes such as [\'ReadWriteOnce\'] (ReadWriteOncePod alone), and a storage size such as \'10Gi\' (stateful-set-claim-template-valid)',
    ]);
  });

  test('a claim template that is mounted but not listed is added, and its mount does not dangle', () => {
    const chart = newChart();
    const data = new VolumeClaimTemplate('data', { storage: '1Gi' });
    const sts = new StatefulSet(chart, 'mysql', { template: { labels: { app: 'mysql' }, containers: [mysql(data)] } });
    expect(sts.node.validate()).toEqual([]);
    const spec = synthObjects(chart)[0].spec;
    expect(spec.volumeClaimTemplates.map((claim: { metadata: { name: string } }) => claim.metadata.name)).toEqual(['data']);
    expect(spec.template.spec.volumes).toBeUndefined();
  });
});
