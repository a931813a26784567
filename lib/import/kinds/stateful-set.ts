import { CLAIM_RETENTION_POLICIES, POD_MANAGEMENT_POLICIES } from '../../validation/stateful-set';
import { ACCESS_MODES, VOLUME_MODES } from '../../volume';
import { fieldOf, listAt, objectAt } from '../../validation/_json';
import { camelCase, Code, jsonLiteral, literal, objectOf, print, stringLiteral } from '../code';
import { FieldReader, isMap, otherKeys } from '../fields';
import { Declaration, Scope } from '../scope';
import { MEMORY } from '../_volume-sources';
import { KindConverter, Referable, unmodeledKeys, unmodeledSelector } from './_kind';
import { addWorkload, checkPodCounts, StrategyShape, unmodeledStrategy, updateStrategy } from './_workload';

const ROLLING = ['partition', 'maxUnavailable'];
const STRATEGY: StrategyShape = { kind: 'StatefulSet', field: 'updateStrategy', className: 'StatefulSetUpdateStrategy', other: 'OnDelete', rollingFields: ROLLING, rule: 'stateful-set-update-strategy' };
const CLAIM_SPEC = ['accessModes', 'storageClassName', 'volumeMode', 'resources'];

/**
 * StatefulSets, as Peapod's `StatefulSet`. Its governing Service
 * (`serviceName`) is taken from the input: left to the StatefulSet when
 * it is the headless Service Peapod makes by default, else written before
 * it and passed as `service`. Claim templates become `VolumeClaimTemplate`
 * objects that the containers mount.
 */
export const statefulSetConverter: KindConverter = {
  apiVersion: 'apps/v1',
  clean: (value, reader) => {
    // `kubectl get` shows the claim templates as whole PersistentVolumeClaims, with what the API server writes.
    listAt(fieldOf(value.spec, 'volumeClaimTemplates')).forEach((claim, i) => {
      if (!isMap(claim)) {
        return;
      }
      if (claim.apiVersion === 'v1' && claim.kind === 'PersistentVolumeClaim') {
        delete claim.apiVersion;
        delete claim.kind;
        reader.note(`spec.volumeClaimTemplates[${i}]`, 'left out apiVersion: v1 and kind: PersistentVolumeClaim, which the API server writes');
      }
      if (claim.status !== undefined) {
        delete claim.status;
        reader.note(`spec.volumeClaimTemplates[${i}].status`, 'left out: the API server writes it');
      }
    });
  },
  unmodeled: (value, objects) => {
    const spec = objectAt(value.spec);
    const other = [...unmodeledSelector(spec.selector, 'spec.selector'), ...unmodeledStrategy(spec.updateStrategy, ROLLING), ...unmodeledKeys(spec.ordinals, ['start'], 'spec.ordinals')];
    listAt(spec.volumeClaimTemplates).forEach((claim, i) => {
      const at = `spec.volumeClaimTemplates[${i}]`;
      const claimSpec = fieldOf(claim, 'spec');
      const resources = fieldOf(claimSpec, 'resources');
      other.push(...unmodeledKeys(claim, ['metadata', 'spec'], at), ...unmodeledKeys(fieldOf(claim, 'metadata'), ['name', 'labels'], `${at}.metadata`));
      other.push(...unmodeledKeys(claimSpec, CLAIM_SPEC, `${at}.spec`), ...unmodeledKeys(resources, ['requests'], `${at}.spec.resources`));
      other.push(...unmodeledKeys(fieldOf(resources, 'requests'), ['storage'], `${at}.spec.resources.requests`));
    });
    const service = typeof spec.serviceName === 'string' ? objects.get(`Service/${spec.serviceName}`) : undefined;
    if (typeof spec.serviceName === 'string' && service === undefined) {
      other.push(`a governing Service outside the input (Service "${spec.serviceName}", which it takes as an object: import the Service's file with this one)`);
    } else if (service?.l1) {
      other.push(`a governing Service that is not Peapod's Service (Service "${service.name}" comes in as an L1 or plain object)`);
    }
    return other;
  },
  convert: (input) => {
    const { reader, scope, value, objects } = input;
    const spec = objectAt(value.spec);
    const claims = convertClaims(reader, scope, spec.volumeClaimTemplates);
    const serviceName = reader.string(reader.required(spec, 'serviceName', 'spec', 'add serviceName: the name of the headless Service that governs the StatefulSet'), 'spec.serviceName');
    const service = serviceName === undefined ? undefined : objects.get(`Service/${serviceName}`);
    let serviceCode: Code | undefined;
    if (service && service.governing === undefined) {
      const made = isDefaultService(service, input.name, fieldOf(spec.selector, 'matchLabels'));
      service.governing = { made };
      if (!made) {
        service.used = true;
        serviceCode = service.variable;
      }
    } else if (service) {
      // Governed by a StatefulSet before this one, whose code declares it.
      serviceCode = service.variable;
    }
    addWorkload(
      input,
      {
        modeled: ['replicas', 'serviceName', 'volumeClaimTemplates', 'podManagementPolicy', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'revisionHistoryLimit', 'ordinals'],
        l1Spec: 'StatefulSetSpec',
        claims: new Map(claims.map((c) => [c.name, c.variable])),
        entries: (s) => {
          checkPodCounts(reader, fieldOf(s.updateStrategy, 'rollingUpdate'), ['maxUnavailable'], 'spec.updateStrategy.rollingUpdate');
          const retention = reader.map(s.persistentVolumeClaimRetentionPolicy, 'spec.persistentVolumeClaimRetentionPolicy');
          const retentionEntries = ['whenDeleted', 'whenScaled'].map((key) => {
            const at = `spec.persistentVolumeClaimRetentionPolicy.${key}`;
            return [key, literal(reader.oneOf(retention?.[key], at, CLAIM_RETENTION_POLICIES, 'stateful-set-claim-retention-policy'))] as const;
          });
          reader.otherFields(retention ?? {}, ['whenDeleted', 'whenScaled'], 'spec.persistentVolumeClaimRetentionPolicy', 'is not a field of a claim retention policy');
          const policy = reader.oneOf(s.podManagementPolicy, 'spec.podManagementPolicy', POD_MANAGEMENT_POLICIES, 'stateful-set-pod-management-policy');
          const ordinals = reader.map(s.ordinals, 'spec.ordinals');
          return [
            ['service', serviceCode],
            ['volumeClaimTemplates', claims.length > 0 ? { array: claims.map((c) => c.variable) } : undefined],
            ['podManagementPolicy', literal(policy)],
            ['updateStrategy', updateStrategy(reader, scope, s.updateStrategy, STRATEGY)],
            ['persistentVolumeClaimRetentionPolicy', retention && objectOf(retentionEntries)],
            ['revisionHistoryLimit', literal(reader.integer(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'))],
            ['startOrdinal', ordinals && literal(reader.integer(ordinals.start, 'spec.ordinals.start'))],
          ];
        },
      },
      () => [...claims.map((c) => c.statement), ...(service?.governing?.render ? takeRender(service) : [])],
    );
  },
};

// The governing Service's statement, written once, by the first StatefulSet that it governs.
function takeRender(service: Referable): string[] {
  const render = service.governing!.render!;
  service.governing!.render = undefined;
  return render();
}

// Whether the Service is the one `new StatefulSet` makes when given none: headless, named like it, selecting its Pods, nothing else.
function isDefaultService(service: Referable, name: string, matchLabels: unknown): boolean {
  const { metadata, spec } = service.value;
  return (
    service.name === name &&
    otherKeys(service.value, ['apiVersion', 'kind', 'metadata', 'spec']).length === 0 &&
    otherKeys(objectAt(metadata), ['name', 'namespace']).length === 0 &&
    isMap(spec) &&
    otherKeys(spec, ['clusterIP', 'selector']).length === 0 &&
    spec.clusterIP === 'None' &&
    JSON.stringify(sorted(spec.selector)) === JSON.stringify(sorted(matchLabels))
  );
}

function sorted(map: unknown): [string, unknown][] | undefined {
  return map !== null && typeof map === 'object' ? Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : undefined;
}

// `const data = new VolumeClaimTemplate('data', { storage: '10Gi', … });` for each claim template.
function convertClaims(reader: FieldReader, scope: Scope, value: unknown): Declaration[] {
  return (reader.list(value, 'spec.volumeClaimTemplates') ?? []).flatMap((item, i) => {
    const at = `spec.volumeClaimTemplates[${i}]`;
    const claim = reader.map(item, at) ?? {};
    const metadata = reader.map(reader.required(claim, 'metadata', at), `${at}.metadata`) ?? {};
    const name = reader.string(reader.required(metadata, 'name', `${at}.metadata`, 'add name: the name the containers mount the claim by'), `${at}.metadata.name`);
    const spec = reader.map(reader.required(claim, 'spec', at), `${at}.spec`) ?? {};
    const storage = fieldOf(fieldOf(spec.resources, 'requests'), 'storage');
    if (storage === undefined) {
      reader.problem(`${at}.spec.resources.requests.storage`, 'is missing: the claim of each Pod asks for no storage, and is refused when it is made', "add resources.requests.storage, such as '10Gi'", 'stateful-set-claim-template-valid');
    } else if (!(typeof storage === 'number' || (typeof storage === 'string' && MEMORY.test(storage)))) {
      reader.problem(`${at}.spec.resources.requests.storage`, `is ${JSON.stringify(storage)}, which is not an amount of storage`, "write an amount such as '10Gi' or '500M'", 'stateful-set-claim-template-valid');
    }
    const modes = reader.list(spec.accessModes, `${at}.spec.accessModes`);
    if (modes === undefined || modes.length === 0) {
      reader.problem(`${at}.spec.accessModes`, 'is missing: a claim needs at least one access mode, and is refused when it is made without one', "add accessModes: ['ReadWriteOnce']", 'stateful-set-claim-template-valid');
    }
    const accessModes = (modes ?? []).map((mode, j) => reader.oneOf(mode, `${at}.spec.accessModes[${j}]`, ACCESS_MODES, 'stateful-set-claim-template-valid'));
    const storageClassName = reader.string(spec.storageClassName, `${at}.spec.storageClassName`);
    const volumeMode = reader.oneOf(spec.volumeMode, `${at}.spec.volumeMode`, VOLUME_MODES);
    const labels = reader.stringMap(metadata.labels, `${at}.metadata.labels`);
    if (name === undefined) {
      return [];
    }
    scope.imports.add('VolumeClaimTemplate');
    const variable = scope.names.claim(camelCase(name), camelCase(`${name}-claim`), 'claim');
    const props = objectOf([
      ['storage', storage === undefined ? undefined : jsonLiteral(storage)],
      ['accessModes', accessModes.length === 1 && accessModes[0] === 'ReadWriteOnce' ? undefined : { array: accessModes.map((m) => stringLiteral(m ?? '')) }],
      ['storageClassName', literal(storageClassName)],
      ['volumeMode', literal(volumeMode)],
      ['labels', labels && jsonLiteral(labels)],
    ]);
    const statement = `const ${variable} = ${print({ call: 'new VolumeClaimTemplate', args: [stringLiteral(name), props] }, '    ', variable.length + 9)};`;
    return [{ name, variable, statement }];
  });
}
