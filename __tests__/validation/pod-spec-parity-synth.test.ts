import { Chart } from 'cdk8s';
import { Container, DaemonSet, Deployment, Pod, Volume, VolumeProjection } from '../../lib';
import { problemsOf } from '../_problems';
import { newChart, synthObjects } from '../_support';

// The valid twins of pod-spec-parity.test.ts written as Peapod programs
// (escape-hatch fields in the spelling of the k8s types): each must
// synthesize, match the Kubernetes schema and draw no error, since the
// API server accepts it. With unusual programs that work as written.

const app = (extra: Partial<ConstructorParameters<typeof Container>[0]> = {}) =>
  new Container({ name: 'app', image: 'app:1.0', ports: { http: 8080 }, ...extra });

const selector = { matchLabels: { app: 'web' } };

const VALID_PROGRAMS: Readonly<Record<string, (chart: Chart) => void>> = {
  'node affinity with every operator, matchFields and preferred weights at the edges': (chart) =>
    new Pod(chart, 'p', {
      containers: [app()],
      extraSpec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64', 'arm64'] }, { key: 'gpu', operator: 'Exists' }, { key: 'spot', operator: 'DoesNotExist' }] },
                { matchExpressions: [{ key: 'example.com/cores', operator: 'Gt', values: ['4'] }, { key: 'example.com/cores', operator: 'Lt', values: ['-1'] }], matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node-1'] }] },
              ],
            },
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 1, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['not a label value!'] }] } },
              { weight: 100, preference: {} },
            ],
          },
        },
      },
    }),
  'pod affinity and anti-affinity with namespaces and an empty namespaceSelector': (chart) =>
    new Pod(chart, 'p', {
      containers: [app()],
      extraSpec: {
        affinity: {
          podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'kubernetes.io/hostname', namespaces: ['team-a'] }] },
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }, namespaceSelector: {}, topologyKey: 'topology.kubernetes.io/zone' } },
            ],
          },
        },
      },
    }),
  'topology spread with minDomains, policies, matchLabelKeys and an empty label value': (chart) =>
    new Pod(chart, 'p', {
      containers: [app()],
      extraSpec: {
        topologySpreadConstraints: [
          { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', minDomains: 3, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore', labelSelector: selector, matchLabelKeys: ['pod-template-hash'] },
          { maxSkew: 2147483647, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: '' }, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] } },
        ],
      },
    }),
  'scheduling fields: priority and runtime classes, preemption, scheduling gates': (chart) =>
    new Pod(chart, 'p', {
      containers: [app()],
      extraSpec: { priorityClassName: 'system-node-critical', runtimeClassName: 'gvisor', preemptionPolicy: 'Never', schedulingGates: [{ name: 'example.com/quota' }, { name: 'ready' }] },
    }),
  // An empty operator (Equal to the API server) is left out: the 1.27 OpenAPI schema's enum refuses it.
  'tolerations: no operator is Equal, a negative tolerationSeconds evicts at once': (chart) =>
    new Pod(chart, 'p', {
      containers: [app()],
      tolerations: [
        { key: 'gpu', value: 'true', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: -1 },
      ],
    }),
  'dnsPolicy None with 3 nameservers (one with leading zeros), 32 search domains and options': (chart) =>
    new Pod(chart, 'p', {
      containers: [app()],
      extraSpec: {
        dnsPolicy: 'None',
        dnsConfig: {
          nameservers: ['1.1.1.1', '2001:db8::53', '010.0.0.10'],
          searches: ['ns1.svc.cluster.local.', 'example.com', ...Array.from({ length: 30 }, (_, i) => `d${i}.example`)],
          options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }],
        },
      },
    }),
  'hostname, subdomain, FQDN and host aliases': (chart) =>
    new Pod(chart, 'p', {
      containers: [app()],
      extraSpec: { hostname: 'web-0', subdomain: 'web', setHostnameAsFqdn: true, hostAliases: [{ ip: '127.0.0.1', hostnames: ['foo.local', 'bar'] }, { ip: '::1' }] },
    }),
  'timing at the edges: the largest deadline, no grace period, a negative grace period (a warning)': (chart) =>
    new Pod(chart, 'p', { containers: [app()], extraSpec: { activeDeadlineSeconds: 2147483647, terminationGracePeriodSeconds: -5 } }),
  'readiness gates with qualified condition types': (chart) =>
    new Pod(chart, 'p', { containers: [app()], extraSpec: { readinessGates: [{ conditionType: 'example.com/lb-ready' }, { conditionType: 'Ready2' }] } }),
  'hostNetwork with hostPort equal to containerPort, and a port without hostPort': (chart) =>
    new Pod(chart, 'p', {
      containers: [app({ ports: { http: { containerPort: 8080, hostPort: 8080 }, metrics: 9090 } })],
      extraSpec: { hostNetwork: true, shareProcessNamespace: true },
    }),
  'securityContext at the edges: user 2147483647, group 0, sysctls with slashes, a Localhost seccomp profile': (chart) =>
    new Pod(chart, 'p', {
      containers: [app()],
      securityContext: {
        runAsUser: 2147483647,
        runAsGroup: 0,
        fsGroup: 2000,
        supplementalGroups: [0, 4000],
        fsGroupChangePolicy: 'OnRootMismatch',
        seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' },
        sysctls: [{ name: 'net.core.somaxconn', value: '1024' }, { name: 'kernel.shm_rmid_forced', value: '1' }, { name: 'net/ipv4/ip_local_port_range', value: '1024 65535' }],
      },
    }),
  'runAsNonRoot with a non-zero user, and a container that runs as root without it': (chart) =>
    new Pod(chart, 'p', {
      securityContext: { runAsNonRoot: true, runAsUser: 1000 },
      containers: [app(), new Container({ name: 'root', image: 'root:1.0', securityContext: { runAsNonRoot: false, runAsUser: 0 } })],
    }),
  'a windows Pod with windowsOptions and none of the Linux-only fields': (chart) =>
    new Pod(chart, 'p', {
      containers: [app({ securityContext: { windowsOptions: { runAsUserName: 'ContainerUser' } } })],
      securityContext: { windowsOptions: { runAsUserName: 'NT AUTHORITY\\NETWORK SERVICE', gmsaCredentialSpecName: 'webapp-gmsa' } },
      extraSpec: { os: { name: 'windows' } },
    }),
  'a linux Pod with Linux-only fields': (chart) =>
    new Pod(chart, 'p', { containers: [app()], securityContext: { runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } }, extraSpec: { os: { name: 'linux' } } }),
  'volume items at the edges: mode 0 and 0777, a path part starting with "..", a label subscript, a token of 10 minutes': (chart) => {
    const container = app();
    new Pod(chart, 'p', {
      containers: [container],
      volumes: [
        Volume.configMap('c', { name: 'app' }, { defaultMode: 0o777, items: [{ key: 'a', path: 'conf/..a', mode: 0 }] }),
        Volume.secret('s', { name: 'tls' }, { defaultMode: 0o400 }),
        Volume.downwardAPI('d', [
          { path: 'labels', field: 'metadata.labels' },
          { path: 'app', field: "metadata.labels['app']" },
          { path: 'cpu', container, resource: 'limits.cpu' },
        ]),
        Volume.projected('p', [
          VolumeProjection.serviceAccountToken({ path: 'token', expirationSeconds: 600, audience: 'vault' }),
          VolumeProjection.configMap({ name: 'ca' }, { items: [{ key: 'ca.crt', path: 'ca.crt' }] }),
          VolumeProjection.downwardAPI([{ path: 'ns', field: 'metadata.namespace' }]),
        ], { defaultMode: 0o644 }),
      ],
    });
  },
  'volume sources with their required fields: emptyDir of size 0, HugePages-2Mi, nfs, csi, ephemeral, iscsi at lun 255': (chart) =>
    new Pod(chart, 'p', {
      containers: [app()],
      volumes: [
        Volume.emptyDir('scratch', { sizeLimit: '0' }),
        Volume.fromSource('huge', { emptyDir: { medium: 'HugePages-2Mi' } }),
        Volume.nfs('nfs', 'nfs.example.com', '/exports'),
        Volume.csi('csi', 'Secrets-Store.csi.k8s.io', { nodePublishSecret: { name: 'creds' } }),
        Volume.ephemeral('eph', { accessModes: ['ReadWriteOncePod'], storage: '1Gi', labels: { app: 'x' } }),
        Volume.fromSource('disk', { iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2001-04.com.example:storage', lun: 255 } }),
      ],
    }),
  'a Deployment whose template sets none of what a long-running workload may not': (chart) =>
    new Deployment(chart, 'd', { template: { labels: { app: 'web' }, containers: [app()], extraSpec: { terminationGracePeriodSeconds: 60 } } }),
};

describe.each(Object.entries(VALID_PROGRAMS))('a program with %s', (_, build) => {
  test('synthesizes with no error', () => {
    const chart = newChart();
    build(chart);
    expect(chart.node.findAll().flatMap((c) => c.node.validate())).toEqual([]);
    expect(synthObjects(chart).length).toBeGreaterThan(0);
  });
});

describe('a workload template', () => {
  test('of a long-running workload refuses activeDeadlineSeconds, as the apps validation does', () => {
    expect(
      problemsOf((chart) => new Deployment(chart, 'd', { template: { labels: { app: 'web' }, containers: [app()], extraSpec: { activeDeadlineSeconds: 600 } } })),
    ).toEqual([
      'spec.template.spec.activeDeadlineSeconds: the Pod template of a Deployment sets activeDeadlineSeconds 600; a Deployment keeps its Pods running, so the API server refuses a deadline. Fix: use a whole number of seconds in range; set a deadline on a Job, or on the Job template of a CronJob, not on a long-running workload (pod-timing)',
    ]);
    expect(
      problemsOf((chart) => new DaemonSet(chart, 'ds', { template: { labels: { app: 'agent' }, containers: [app()], extraSpec: { activeDeadlineSeconds: 600 } } })),
    ).toEqual([
      'spec.template.spec.activeDeadlineSeconds: the Pod template of a DaemonSet sets activeDeadlineSeconds 600; a DaemonSet keeps its Pods running, so the API server refuses a deadline. Fix: use a whole number of seconds in range; set a deadline on a Job, or on the Job template of a CronJob, not on a long-running workload (pod-timing)',
    ]);
  });
});
