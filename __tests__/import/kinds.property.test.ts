import * as fc from 'fast-check';
import * as YAML from 'yaml';
import * as peapod from '../../lib';
import { ImportError, importManifests } from '../../lib/import';
import { manifestDifferences, synthGenerated } from '../../lib/import/verify';

// A workload of each kind with what selects, scales and routes to it, and
// objects of kinds without a Peapod class, in random combinations: what
// the import accepts, synth of its code must give back exactly, and what
// it refuses it refuses with messages, never with a crash.
const dnsLabel = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?$/);
const labels = fc.dictionary(dnsLabel, dnsLabel, { minKeys: 1, maxKeys: 3 });
const count = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('25%', '50%'));

const container = { name: 'app', image: 'registry.example.com/app:1', ports: [{ name: 'http', containerPort: 8080 }], resources: { requests: { cpu: '100m' } } };

const workload = fc.record({ kind: fc.constantFrom('Deployment', 'StatefulSet', 'DaemonSet', 'Job'), name: dnsLabel, labels }).map(({ kind, name, labels: podLabels }) => {
  const template = { metadata: { labels: podLabels }, spec: { containers: [container], ...(kind === 'Job' ? { restartPolicy: 'Never' } : {}) } };
  const spec: { template: { metadata: { labels: Record<string, string> }; spec: { containers: object[] } }; [key: string]: unknown } =
    kind === 'Job' ? { template } : { selector: { matchLabels: podLabels }, template };
  if (kind === 'StatefulSet') {
    spec.serviceName = name;
  }
  return { apiVersion: kind === 'Job' ? 'batch/v1' : 'apps/v1', kind, metadata: { name }, spec };
});

const peer = fc.oneof(
  labels.map((l) => ({ podSelector: { matchLabels: l } })),
  labels.map((l) => ({ namespaceSelector: { matchLabels: l } })),
  fc.constantFrom({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }, { ipBlock: { cidr: '192.168.0.0/24' } }),
);
const policyPort = fc.record({ port: fc.constantFrom(8080, 'http', 53), protocol: fc.constantFrom('TCP', 'UDP') }, { requiredKeys: [] });
const metric = fc.oneof(
  fc.integer({ min: 1, max: 100 }).map((n) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: n } } })),
  fc.constantFrom('500Mi', '1Gi').map((q) => ({ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: q } } })),
  fc.constantFrom('1k', '100').map((q) => ({ type: 'Pods', pods: { metric: { name: 'packets-per-second' }, target: { type: 'AverageValue', averageValue: q } } })),
  fc.constantFrom('30', '2k').map((q) => ({ type: 'External', external: { metric: { name: 'queue-length' }, target: { type: 'Value', value: q } } })),
);

const scenario = fc
  .record({
    workload,
    budget: fc.option(fc.oneof(count.map((n) => ({ minAvailable: n })), count.map((n) => ({ maxUnavailable: n })))),
    policy: fc.option(fc.record({ from: fc.array(peer, { maxLength: 3 }), ports: fc.array(policyPort, { maxLength: 2 }), egress: fc.boolean() })),
    metrics: fc.option(fc.array(metric, { minLength: 1, maxLength: 3 })),
    service: fc.boolean(),
    claim: fc.option(fc.record({ accessModes: fc.subarray(['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'], { minLength: 1 }), storage: fc.constantFrom('1Gi', '500M', '10Gi') })),
    role: fc.option(fc.array(fc.record({ apiGroups: fc.constant(['']), resources: fc.subarray(['pods', 'services', 'configmaps'], { minLength: 1 }), verbs: fc.subarray(['get', 'list', 'watch'], { minLength: 1 }) }), { minLength: 1, maxLength: 2 })),
  })
  .map(({ workload: w, budget, policy, metrics, service, claim, role }) => {
    const name = w.metadata.name;
    const selector = w.kind === 'Job' ? w.spec.template.metadata.labels : (w.spec.selector as { matchLabels: Record<string, string> }).matchLabels;
    const objects: Record<string, unknown>[] = [w];
    if (w.kind === 'StatefulSet') {
      objects.push({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { clusterIP: 'None', selector, ...(service ? { ports: [{ name: 'http', port: 80, targetPort: 'http' }] } : {}) } });
      if (claim) {
        w.spec.volumeClaimTemplates = [{ metadata: { name: 'data' }, spec: { accessModes: claim.accessModes, resources: { requests: { storage: claim.storage } } } }];
        w.spec.template.spec.containers = [{ ...container, volumeMounts: [{ name: 'data', mountPath: '/data' }] }];
      }
    } else if (service) {
      objects.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: `${name}-svc` }, spec: { selector, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } });
      objects.push({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name }, spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: `${name}-svc`, port: { name: 'http' } } } }] } }] } });
    }
    if (budget && w.kind !== 'Job') {
      objects.push({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: `${name}-budget` }, spec: { selector: { matchLabels: selector }, ...budget } });
    }
    if (policy) {
      objects.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: `${name}-policy` },
        spec: { podSelector: { matchLabels: selector }, ingress: [{ ...(policy.from.length ? { from: policy.from } : {}), ...(policy.ports.length ? { ports: policy.ports } : {}) }], ...(policy.egress ? { policyTypes: ['Ingress', 'Egress'] } : {}) },
      });
    }
    if (metrics && (w.kind === 'Deployment' || w.kind === 'StatefulSet')) {
      objects.push({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: `${name}-scaler` }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: w.kind, name }, maxReplicas: 5, metrics } });
    }
    if (role) {
      objects.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: `${name}-role` }, rules: role });
    }
    return objects;
  });

test('any combination of the kinds the import accepts synthesizes back to itself', () => {
  let accepted = 0;
  fc.assert(
    fc.property(scenario, (objects) => {
      const text = objects.map((o) => YAML.stringify(o, { version: '1.1' })).join('---\n');
      let result;
      try {
        result = importManifests([{ file: 'random.yaml', text }], { from: '..' });
      } catch (error) {
        // Refused with messages (such as the Peapod rule that a policy's port name must be declared), not a crash.
        expect(error).toBeInstanceOf(ImportError);
        return;
      }
      const synth = synthGenerated(result.source, result.className, { '..': peapod });
      if (synth.errors.length > 0) {
        // Synth refuses what its rules refuse (an ingress port the Pods do not declare); the import reports that.
        expect(synth.errors.every((e) => / \([a-z0-9-]+\)$/.test(e))).toBe(true);
        return;
      }
      accepted++;
      expect(manifestDifferences(objects, synth.objects)).toEqual([]);
      // Every kind Peapod models comes in as its class; only the Role, which it does not, as an L1 object.
      expect(result.source.replace(/new k8s\.KubeRole\(/g, '')).not.toContain('k8s.Kube');
    }),
    { numRuns: 40, seed: 17 },
  );
  // Most combinations are valid: the property does not hold vacuously.
  expect(accepted).toBeGreaterThan(25);
});
