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

// A value of the JSON type of `value`, or none for a field (not for an element of a list): what can reach validation
// there. Props are typed by the compiler, and a value of another JSON type
// set through an escape hatch is withheld by the schema check before the
// rules read the manifest (escape-hatch.ts), so the rules read typed shapes.
function sameType(value: unknown, field: boolean): fc.Arbitrary<unknown> {
  const some = ((): fc.Arbitrary<unknown> => {
    switch (typeof value) {
      case 'string':
        return fc.oneof(fc.string(), fc.constantFrom('', '..', '/', 'a:b', '$(A)', 'In', 'Always', '0.5', '1Gi', '-1'));
      case 'number':
        return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 65536, 2 ** 53));
      case 'boolean':
        return fc.boolean();
      default:
        // A list with some of its elements (repeated too), or an object with some of its fields.
        return Array.isArray(value)
          ? fc.array(fc.constantFrom(...(value.length > 0 ? value : [undefined])), { maxLength: 4 }).map((items) => items.filter((item) => item !== undefined))
          : fc.subarray(Object.keys(value as object)).map((keys) => Object.fromEntries(keys.map((key) => [key, (value as any)[key]])));
    }
  })();
  return field ? fc.oneof(some, fc.constant(undefined)) : some;
}

// Fixed seed and bounded runs in npm test; FUZZ_SEED and FUZZ_RUNS widen the search by hand.
describe('validatePodSpec', () => {
  test('never throws, whatever value of its JSON type replaces any part of a spec', () => {
    const spec = richSpec();
    const allPaths = paths(spec).filter((path) => path.length > 0);
    const at = (path: readonly (string | number)[]): unknown => path.reduce((value: any, key) => value[key], spec);
    fc.assert(
      fc.property(
        fc.constantFrom(...allPaths).chain((path) => sameType(at(path), typeof path[path.length - 1] === 'string').map((value) => [path, value] as const)),
        ([path, value]) => {
          expect(() => specProblems(replaced(spec, path, value))).not.toThrow();
        },
      ),
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
