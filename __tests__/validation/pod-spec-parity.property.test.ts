import fc from 'fast-check';
import { Report } from '../../lib';
import { validatePodSpec } from '../../lib/validation/pod-spec';
import { cleanSpec } from './_spec';

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are written as manifest JSON */

// Refuse nothing that works: Pod-level fields drawn from the grammars the
// API server accepts draw no error, whatever their combination.

const segment = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,8}[a-z0-9])?$/);
const labelName = fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,10}[A-Za-z0-9])?$/);
const labelKey = fc.oneof(labelName, fc.tuple(segment, segment, labelName).map(([a, b, name]) => `${a}.${b}/${name}`));
const labelValue = fc.oneof(fc.constant(''), labelName);
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.'));
const ip = fc.oneof(ipv4, fc.constantFrom('::1', '2001:db8::53', 'fe80::1'));
const subdomain = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'));

const requirement = fc.oneof(
  fc.record({ key: labelKey, operator: fc.constantFrom('In', 'NotIn'), values: fc.array(labelValue, { minLength: 1, maxLength: 3 }) }),
  fc.record({ key: labelKey, operator: fc.constantFrom('Exists', 'DoesNotExist') }),
  fc.record({ key: labelKey, operator: fc.constantFrom('Gt', 'Lt'), values: fc.integer().map((n) => [String(n)]) }),
);
const selectorRequirement = fc.oneof(
  fc.record({ key: labelKey, operator: fc.constantFrom('In', 'NotIn'), values: fc.array(labelValue, { minLength: 1, maxLength: 3 }) }),
  fc.record({ key: labelKey, operator: fc.constantFrom('Exists', 'DoesNotExist') }),
);
const labelSelector = fc.record({ matchLabels: fc.dictionary(labelKey, labelValue, { maxKeys: 3 }), matchExpressions: fc.array(selectorRequirement, { maxLength: 3 }) }, { requiredKeys: [] });
const podAffinityTerm = fc.record(
  { labelSelector, namespaceSelector: labelSelector, namespaces: fc.array(segment, { maxLength: 2 }), topologyKey: labelKey },
  { requiredKeys: ['labelSelector', 'topologyKey'] },
);

const affinity = fc.record({
  nodeAffinity: fc.record({
    requiredDuringSchedulingIgnoredDuringExecution: fc.record({
      nodeSelectorTerms: fc.array(
        fc.record({ matchExpressions: fc.array(requirement, { maxLength: 3 }), matchFields: fc.array(fc.record({ key: fc.constant('metadata.name'), operator: fc.constantFrom('In', 'NotIn'), values: subdomain.map((n) => [n]) }), { maxLength: 1 }) }, { requiredKeys: [] }),
        { minLength: 1, maxLength: 2 },
      ),
    }),
    preferredDuringSchedulingIgnoredDuringExecution: fc.array(fc.record({ weight: fc.integer({ min: 1, max: 100 }), preference: fc.record({ matchExpressions: fc.array(requirement, { maxLength: 2 }) }) }), { maxLength: 2 }),
  }, { requiredKeys: [] }),
  podAntiAffinity: fc.record({
    requiredDuringSchedulingIgnoredDuringExecution: fc.array(podAffinityTerm, { maxLength: 2 }),
    preferredDuringSchedulingIgnoredDuringExecution: fc.array(fc.record({ weight: fc.integer({ min: 1, max: 100 }), podAffinityTerm }), { maxLength: 2 }),
  }, { requiredKeys: [] }),
}, { requiredKeys: [] });

// Distinct {topologyKey, whenUnsatisfiable}, minDomains only with DoNotSchedule.
const spread = fc
  .uniqueArray(fc.tuple(labelKey, fc.constantFrom('DoNotSchedule', 'ScheduleAnyway')), { maxLength: 3, selector: ([key, when]) => `${key}|${when}` })
  .chain((pairs) =>
    fc.tuple(
      ...pairs.map(([topologyKey, whenUnsatisfiable]) =>
        fc.record({
          maxSkew: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          topologyKey: fc.constant(topologyKey),
          whenUnsatisfiable: fc.constant(whenUnsatisfiable),
          labelSelector: fc.constant({ matchLabels: { app: 'web' } }),
          ...(whenUnsatisfiable === 'DoNotSchedule' ? { minDomains: fc.integer({ min: 1, max: 10 }) } : {}),
          nodeAffinityPolicy: fc.constantFrom('Honor', 'Ignore'),
        }),
      ),
    ),
  );

const id = fc.integer({ min: 0, max: 2 ** 31 - 1 });

const podFields = fc.record(
  {
    affinity,
    topologySpreadConstraints: spread,
    dnsConfig: fc.record({ nameservers: fc.array(ip, { minLength: 1, maxLength: 3 }), searches: fc.array(subdomain, { maxLength: 32 }), options: fc.array(fc.record({ name: segment }), { maxLength: 2 }) }),
    hostAliases: fc.array(fc.record({ ip, hostnames: fc.array(subdomain, { maxLength: 2 }) }), { maxLength: 3 }),
    hostname: segment,
    activeDeadlineSeconds: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    terminationGracePeriodSeconds: fc.nat(),
    readinessGates: fc.array(fc.record({ conditionType: labelKey }), { maxLength: 2 }),
    tolerations: fc.array(
      fc.oneof(
        fc.record({ key: labelKey, operator: fc.constant('Exists'), effect: fc.constantFrom('NoSchedule', 'NoExecute', 'PreferNoSchedule', '') }),
        fc.record({ key: labelKey, operator: fc.constantFrom('Equal', ''), value: labelValue, effect: fc.constant('NoExecute'), tolerationSeconds: fc.integer() }),
      ),
      { maxLength: 3 },
    ),
    securityContext: fc.record({ runAsNonRoot: fc.constant(true), runAsUser: fc.integer({ min: 1, max: 2 ** 31 - 1 }), runAsGroup: id, fsGroup: id, supplementalGroups: fc.array(id, { maxLength: 3 }) }),
  },
  { requiredKeys: [] },
);

test('Pod-level fields in the grammars the API server accepts draw no error', () => {
  fc.assert(
    fc.property(podFields, (fields: any) => {
      const spec = { ...cleanSpec(), ...fields, dnsPolicy: fields.dnsConfig ? 'None' : undefined };
      const report = new Report('test');
      validatePodSpec(spec, 'spec', report);
      expect(report.problems.filter((p) => p.severity === 'error').map((p) => `${p.field}: ${p.message} (${p.rule})`)).toEqual([]);
    }),
    { seed: 20261201, numRuns: 200 },
  );
});
