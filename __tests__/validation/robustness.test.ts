import * as fc from 'fast-check';
import { Report } from '../../lib';
import { validateAnnotations, validateLabels, validateObjectName } from '../../lib/validation/metadata';
import { cleanSpec, specProblems } from './_spec';

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are written as manifest JSON */

// Every path to a value in a JSON tree, as lists of keys.
function paths(value: any, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') {
    return [prefix];
  }
  return [prefix, ...Object.keys(value).flatMap((key) => paths(value[key], [...prefix, Array.isArray(value) ? Number(key) : key]))];
}

function replaced(spec: any, path: (string | number)[], value: unknown): any {
  if (path.length === 0) {
    return value;
  }
  const copy: any = Array.isArray(spec) ? [...spec] : { ...spec };
  copy[path[0]] = replaced(spec[path[0]], path.slice(1), value);
  return copy;
}

const richSpec = (): any => {
  const spec = cleanSpec();
  spec.volumes = [
    { name: 'v', hostPath: { path: '/data', type: 'Directory' } },
    { name: 'c', configMap: { name: 'c', items: [{ key: 'k', path: 'p' }] } },
  ];
  spec.volumes.push(
    { name: 'p', projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 600 } }, { downwardAPI: { items: [{ path: 'l', fieldRef: { fieldPath: 'metadata.labels' } }] } }] } },
    { name: 'e', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } },
  );
  spec.nodeSelector = { gpu: 'true' };
  // The Pod-level fields of the parity rules (scheduling-spec, dns-spec, pod-lifecycle, pod-security-context).
  Object.assign(spec, {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }], matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n'] }] }] },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'b', operator: 'Exists' }] } }],
      },
      podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, podAffinityTerm: { labelSelector: { matchLabels: { a: 'b' } }, topologyKey: 'k' } }] },
    },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'z', whenUnsatisfiable: 'DoNotSchedule', minDomains: 2, labelSelector: { matchExpressions: [{ key: 'a', operator: 'In', values: ['b'] }] }, matchLabelKeys: ['h'] }],
    schedulingGates: [{ name: 'g' }],
    dnsPolicy: 'None',
    dnsConfig: { nameservers: ['1.1.1.1'], searches: ['a.b'], options: [{ name: 'ndots' }] },
    hostAliases: [{ ip: '10.0.0.1', hostnames: ['h'] }],
    activeDeadlineSeconds: 10,
    readinessGates: [{ conditionType: 'x/y' }],
    os: { name: 'linux' },
  });
  Object.assign(spec.securityContext, { runAsUser: 1, supplementalGroups: [1], seccompProfile: { type: 'Localhost', localhostProfile: 'p' }, sysctls: [{ name: 'a.b', value: '1' }], windowsOptions: { runAsUserName: 'u' } });
  spec.initContainers = [{ name: 'init', image: 'init:1', restartPolicy: 'Always', ports: [{ containerPort: 9000, hostPort: 9000, hostIP: '1.2.3.4' }] }];
  Object.assign(spec.containers[0], {
    env: [
      { name: 'A', value: '$(B)' },
      { name: 'B', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
    ],
    envFrom: [{ configMapRef: { name: 'x' } }],
    args: ['$(A)'],
    volumeMounts: [{ name: 'v', mountPath: '/v', subPath: 'x' }],
    startupProbe: { grpc: { port: 9090 }, successThreshold: 1 },
  });
  return spec;
};

// Fixed seed and bounded runs in npm test; FUZZ_SEED and FUZZ_RUNS widen the search by hand.
describe('validatePodSpec', () => {
  // Any JSON value, except objects with keys that shadow Object.prototype
  // (`toString`, `valueOf`, …), which no manifest field is named after.
  const json = fc.jsonValue().filter(function plain(value: unknown): boolean {
    if (value === null || typeof value !== 'object') {
      return true;
    }
    return Object.entries(value).every(([key, inner]) => !(key in Object.prototype) && plain(inner));
  });

  test('never throws, whatever JSON replaces any part of a spec', () => {
    const spec = richSpec();
    const allPaths = paths(spec);
    fc.assert(
      fc.property(fc.constantFrom(...allPaths), json, (path, value) => {
        expect(() => specProblems(replaced(spec, path, value))).not.toThrow();
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 42), numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  });
});

describe('the metadata checks', () => {
  test('never throw, whatever JSON they are given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const report = new Report('test');
        validateObjectName(value, 'metadata.name', report);
        validateLabels(value, 'metadata.labels', report);
        validateAnnotations(value, 'metadata.annotations', report);
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 42), numRuns: Number(process.env.FUZZ_RUNS ?? 1000) },
    );
  });
});
