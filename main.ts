import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  Advisor,
  App,
  AppProps,
  ClusterProfile,
  Container,
  CronJob,
  Deployment,
  EnvValue,
  HorizontalPodAutoscaler,
  Ingress,
  IngressBackend,
  Metric,
  NetworkPeer,
  NetworkPolicy,
  Pod,
  PodDisruptionBudget,
  Probe,
  Rules,
  Secret,
  Service,
  ServiceAccount,
  StatefulSet,
  Volume,
  VolumeClaimTemplate,
} from './lib';

// The tutorial's Pods show the manifest fields it teaches and nothing more;
// MyappChart below shows the production setup these lints ask for.
const TUTORIAL_REASON = 'tutorial example: only the fields the tutorial teaches; see MyappChart for a production setup';
const PRODUCTION_LINTS = [
  'unset-cpu-requirements',
  'unset-memory-requirements',
  'no-liveness-probe',
  'no-readiness-probe',
  'privilege-escalation-container',
  'run-as-non-root',
  'no-read-only-root-fs',
];

function tutorialExample(chart: Chart): void {
  const rules = Rules.of(chart);
  PRODUCTION_LINTS.forEach((rule) => rules.suppress(rule, TUTORIAL_REASON));
}

/** The tutorial's first Pod: one container, env that refers to itself, a GPU node. */
export class KubeExampleChart extends Chart {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    tutorialExample(this);
    new Pod(this, 'kube-example', {
      labels: { app: 'kube-example', project: 'kubernetes_study' },
      nodeSelector: { gpu: 'true' },
      containers: [
        new Container({
          name: 'kube-example',
          image: 'kube-example:1.0',
          imagePullPolicy: 'Always',
          ports: [80],
          env: [
            { name: 'PROFILE', value: 'production' },
            { name: 'CONFIG_DIRECTORY', value: '/config' },
            { name: 'MESSAGE', value: 'This application is running on $(PROFILE)' },
          ],
        }),
      ],
    });
  }
}

/** The tutorial's shared volume: the app writes HTML that nginx serves read-only. */
export class SharedHtmlChart extends Chart {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    tutorialExample(this);
    const html = Volume.emptyDir('html');
    new Pod(this, 'shared-html', {
      labels: { app: 'kube-example', project: 'kubernetes_study' },
      containers: [
        new Container({
          name: 'kube-example',
          image: 'kube-example:1.0',
          role: 'main',
          mounts: [html.mount('/var/html')],
        }),
        new Container({
          name: 'web-server',
          image: 'nginx:1.27',
          // It serves what the app writes: no use without it, so one Pod.
          role: 'sidecar',
          ports: { http: 80 },
          mounts: [html.mount('/usr/share/nginx/html', { readOnly: true })],
        }),
      ],
    });
  }
}

/** The tutorial's hostPath volume: MySQL keeps its data on the node. */
export class MysqlHostPathChart extends Chart {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    tutorialExample(this);
    Rules.of(this)
      .suppress('host-path-set', "the tutorial's hostPath example: MySQL keeps its data in /data/mysql on the node")
      .suppress('writable-host-mount', 'MySQL writes its data files to the hostPath volume');
    const data = Volume.hostPath('host-volume', '/data/mysql');
    new Pod(this, 'mysql', {
      labels: { app: 'mysql', project: 'kubernetes_study' },
      containers: [
        new Container({
          name: 'mysql',
          image: 'mysql:8.4',
          ports: { mysql: 3306 },
          // The image refuses to start without a root password setting.
          env: [{ name: 'MYSQL_RANDOM_ROOT_PASSWORD', value: 'yes' }],
          mounts: [data.mount('/var/lib/mysql')],
        }),
      ],
    });
  }
}

/**
 * Production's answer to a bare Pod: a Deployment keeps copies of `myapp`
 * running, and a Service gives them one stable name and IP; the objects
 * around it (see exposeAndScale) reach it from outside and scale it.
 */
export class MyappChart extends Chart {
  /** The Deployment of myapp, for the objects of other charts that refer to it. */
  public readonly myapp: Deployment;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    // myapp does not call the Kubernetes API: no token in its Pods.
    const account = new ServiceAccount(this, 'myapp-account', { name: 'myapp', automountServiceAccountToken: false });
    // The app writes only to /tmp; the rest of its file system stays read-only.
    const tmp = Volume.emptyDir('tmp', { sizeLimit: '64Mi' });
    const myapp = new Deployment(this, 'myapp', {
      // No replicas: the autoscaler owns the count (see exposeAndScale).
      // Select by `app` alone: a selector cannot change once applied, and other labels may.
      selectBy: ['app'],
      template: {
        labels: { app: 'myapp', project: 'kubernetes_study' },
        securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
        serviceAccount: account,
        containers: [
          new Container({
            name: 'myapp',
            image: 'kube-example:1.0',
            // A user other than root may not bind ports below 1024; the Service still answers on 80.
            ports: { http: 8080 },
            env: [
              { name: 'PROFILE', value: 'production' },
              // Each copy has its own IP and name; the Pod tells the container both.
              { name: 'POD_IP', valueFrom: EnvValue.fromField('status.podIP') },
              { name: 'POD_NAME', valueFrom: EnvValue.fromField('metadata.name') },
            ],
            mounts: [tmp.mount('/tmp')],
            // Sized so that several copies fit on one node of the example cluster.
            resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
            readinessProbe: Probe.http({ port: 'http', path: '/' }),
            livenessProbe: Probe.http({ port: 'http', path: '/', periodSeconds: 20 }),
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
          }),
        ],
      },
    });
    const service = new Service(this, 'myapp-service', {
      name: 'myapp',
      target: myapp,
      ports: [{ port: 80, targetPort: 'http' }],
    });
    this.myapp = myapp;
    exposeAndScale(this, myapp, service);
  }
}

// ---------------------------------------------------------------------------
// The rest of a real app (issue 16): myapp reached from outside and scaled,
// and the tutorial's MySQL as production runs it.

/** myapp behind an Ingress, scaled by an autoscaler, and kept available through node drains. */
function exposeAndScale(chart: Chart, myapp: Deployment, service: Service<'http', readonly [{ port: 80; targetPort: 'http' }]>): void {
  new Ingress(chart, 'myapp-ingress', {
    name: 'myapp',
    // The certificate is issued outside this repository (cert-manager, or `kubectl create secret tls myapp-tls`).
    tls: [{ hosts: ['myapp.example.com'], secret: Secret.fromName('myapp-tls') }],
    rules: [{ host: 'myapp.example.com', paths: [{ path: '/', pathType: 'Prefix', backend: IngressBackend.service(service, 'http') }] }],
  });
  // What `kubectl scale deployment myapp --replicas=3` did by hand, from CPU use.
  new HorizontalPodAutoscaler(chart, 'myapp-autoscaler', {
    name: 'myapp',
    target: myapp,
    minReplicas: 2,
    maxReplicas: 6,
    metrics: [Metric.resourceUtilization('cpu', 70)],
  });
  // A drain may take one copy at a time; the autoscaler keeps at least two.
  new PodDisruptionBudget(chart, 'myapp-budget', { name: 'myapp', selector: myapp, minAvailable: 1 });
}

/** Properties of the {@link DatabaseChart}. */
export interface DatabaseChartProps {
  /** The only Pods that may connect to MySQL (besides its backup). */
  readonly clients: Deployment;
}

/**
 * The tutorial's MySQL as production runs it: a StatefulSet whose Pod keeps
 * its own volume claim (in place of the hostPath of MysqlHostPathChart), its
 * headless Service, a NetworkPolicy that lets only myapp and the backup in,
 * and a nightly backup.
 */
export class DatabaseChart extends Chart {
  public constructor(scope: Construct, id: string, props: DatabaseChartProps) {
    super(scope, id);
    // Created outside this repository: `kubectl create secret generic mysql-credentials --from-literal=root-password=…`.
    const credentials = Secret.fromName('mysql-credentials');
    const rootPassword = { name: 'MYSQL_ROOT_PASSWORD', valueFrom: EnvValue.fromSecret(credentials, 'root-password') } as const;
    // The mysql image runs as user 999 when it is not started as root; the volumes are made writable for it.
    const podSecurity = { runAsNonRoot: true, runAsUser: 999, runAsGroup: 999, fsGroup: 999, seccompProfile: { type: 'RuntimeDefault' } };
    const containerSecurity = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
    const data = new VolumeClaimTemplate('data', { storage: '10Gi' });
    const socket = Volume.emptyDir('run', { sizeLimit: '16Mi' });
    const tmp = Volume.emptyDir('tmp', { sizeLimit: '256Mi' });
    const mysql = new StatefulSet(this, 'mysql', {
      replicas: 1,
      // `role` sets these Pods apart from the tutorial's bare mysql Pod, which has the same app label.
      selectBy: ['app', 'role'],
      template: {
        labels: { app: 'mysql', role: 'database', project: 'kubernetes_study' },
        securityContext: podSecurity,
        containers: [
          new Container({
            name: 'mysql',
            image: 'mysql:8.4',
            ports: { mysql: 3306 },
            env: [rootPassword],
            mounts: [data.mount('/var/lib/mysql'), socket.mount('/var/run/mysqld'), tmp.mount('/tmp')],
            resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1Gi' } },
            readinessProbe: Probe.tcp({ port: 'mysql', periodSeconds: 10 }),
            livenessProbe: Probe.tcp({ port: 'mysql', initialDelaySeconds: 30, periodSeconds: 20 }),
            securityContext: containerSecurity,
          }),
        ],
      },
    });
    // Every night at 02:30 UTC, a dump of every database onto a claim made for backups.
    const backups = Volume.persistentVolumeClaim('backups', { name: 'mysql-backups' });
    const backup = new CronJob(this, 'mysql-backup', {
      schedule: '30 2 * * *',
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      jobTemplate: {
        backoffLimit: 2,
        template: {
          labels: { app: 'mysql-backup', project: 'kubernetes_study' },
          restartPolicy: 'OnFailure',
          securityContext: podSecurity,
          containers: [
            new Container({
              name: 'dump',
              image: 'mysql:8.4',
              command: ['sh', '-c', 'mysqldump -h mysql-0.mysql -u root --all-databases --single-transaction > /backups/all-`date +%F`.sql'],
              env: [{ name: 'MYSQL_PWD', valueFrom: EnvValue.fromSecret(credentials, 'root-password') }],
              mounts: [backups.mount('/backups')],
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
              securityContext: containerSecurity,
            }),
          ],
        },
      },
    });
    new NetworkPolicy(this, 'mysql-clients', {
      name: 'mysql-clients',
      selector: mysql,
      ingress: [{ from: [NetworkPeer.pods(props.clients), NetworkPeer.pods(backup)], ports: [{ port: 'mysql' }] }],
    });
  }
}

/**
 * The example cluster of the tutorial: one node with a GPU (`gpu=true`) and
 * one without (`gpu=false`). `npm run plan` shows where each Pod lands; a
 * real cluster's `kubectl get nodes -o yaml` works too (`npm run plan -- --profile nodes.yaml`).
 */
export const exampleCluster = new ClusterProfile([
  {
    name: 'gpu-node',
    labels: { gpu: 'true', 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' },
    allocatable: { cpu: 8, memory: '30Gi', pods: 110, 'nvidia.com/gpu': 1 },
  },
  {
    name: 'cpu-node',
    labels: { gpu: 'false', 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' },
    allocatable: { cpu: 4, memory: '15Gi', pods: 110 },
  },
]);

/** Properties of the example app. */
export interface ExampleAppProps extends AppProps {
  /**
   * The cluster the design advisor previews scheduling on.
   * @default exampleCluster
   */
  readonly profile?: ClusterProfile;
}

/** Builds the example app; `cdk8s synth` runs this file and writes `dist/`. */
export function buildApp(props: ExampleAppProps = {}): App {
  const { profile = exampleCluster, ...appProps } = props;
  const app = new App(appProps);
  // With a profile, a Pod that fits no node fails synth; see `npm run plan`.
  new Advisor(app, 'advisor', { profile });
  new KubeExampleChart(app, 'kube-example');
  new SharedHtmlChart(app, 'shared-html');
  new MysqlHostPathChart(app, 'mysql');
  const myapp = new MyappChart(app, 'myapp');
  new DatabaseChart(app, 'database', { clients: myapp.myapp });
  return app;
}

if (require.main === module) {
  buildApp().synth();
}
