import * as fc from 'fast-check';
import * as path from 'path';
import * as YAML from 'yaml';
import * as peapod from '../../lib';
import { importManifests } from '../../lib/import';
import { manifestDifferences, synthGenerated, typeCheckGenerated } from '../../lib/import/verify';

// projected, downwardAPI, ephemeral, csi and nfs come over through their
// typed factories when every field fits one; any other source, or one of
// these with a field the factory does not model, through Volume.fromSource.
// Either way synth of the code gives back the input.

const pod = (volumes: readonly { readonly name: string; readonly [source: string]: unknown }[]) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: {
    containers: [{ name: 'app', image: 'app:1', volumeMounts: volumes.map((v) => ({ name: v.name, mountPath: `/mnt/${v.name}` })) }],
    volumes,
  },
});

function imported(objects: readonly object[]): { source: string; differences: string[]; notes: readonly string[] } {
  // JSON, which YAML reads as written: no `n` or `on` read as booleans by YAML 1.1.
  const text = objects.map((o) => JSON.stringify(o)).join('\n---\n');
  const result = importManifests([{ file: 'in.yaml', text }], { from: '..' });
  const synth = synthGenerated(result.source, result.className, { '..': peapod });
  return { source: result.source, differences: synth.errors.length > 0 ? synth.errors : manifestDifferences(result.objects, synth.objects), notes: result.notes };
}

const oneVolume = (source: object) => imported([pod([{ name: 'v', ...source }])]);

describe('volume sources with a typed factory', () => {
  test.each([
    [
      'projected',
      { projected: { defaultMode: 0o440, sources: [{ serviceAccountToken: { path: 'token', audience: 'vault', expirationSeconds: 7200 } }, { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } }] } },
      [
        "const v = Volume.projected(\n      'v',\n      [",
        "VolumeProjection.serviceAccountToken({ path: 'token', audience: 'vault', expirationSeconds: 7200 }),",
        "VolumeProjection.downwardAPI([{ path: 'labels', field: 'metadata.labels' }]),",
        '{ defaultMode: 0o440 },',
      ],
    ],
    ['projected with one token', { projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } }, ["const v = Volume.projected('v', [VolumeProjection.serviceAccountToken({ path: 'token' })]);"]],
    [
      'downwardAPI',
      { downwardAPI: { items: [{ path: 'app', fieldRef: { fieldPath: "metadata.labels['app']" }, mode: 0o400 }, { path: 'mem', resourceFieldRef: { containerName: 'app', resource: 'limits.memory', divisor: '1Mi' } }] } },
      ["{ path: 'app', field: 'metadata.labels[\\'app\\']', mode: 0o400 },", "{ path: 'mem', container: { name: 'app' }, resource: 'limits.memory', divisor: '1Mi' },"],
    ],
    [
      'ephemeral',
      { ephemeral: { volumeClaimTemplate: { metadata: { labels: { type: 'scratch' } }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '1Gi' } } } } } },
      ["const v = Volume.ephemeral('v', {\n      accessModes: ['ReadWriteOnce'],\n      storage: '1Gi',\n      storageClassName: 'fast',\n      labels: { type: 'scratch' },\n    });"],
    ],
    ['csi', { csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'vault' } } }, ["const v = Volume.csi('v', 'secrets-store.csi.k8s.io', {\n      readOnly: true,\n      volumeAttributes: { secretProviderClass: 'vault' },\n    });"]],
    ['nfs', { nfs: { server: 'nfs.example.com', path: '/exports', readOnly: true } }, ["const v = Volume.nfs('v', 'nfs.example.com', '/exports', { readOnly: true });"]],
    [
      'downwardAPI with a divisor and a default mode',
      { downwardAPI: { items: [{ path: 'cpu', resourceFieldRef: { containerName: 'app', resource: 'requests.cpu', divisor: '1m' } }, { path: 'x', fieldRef: { fieldPath: 'metadata.uid' } }], defaultMode: 0o444 } },
      ["{ path: 'cpu', container: { name: 'app' }, resource: 'requests.cpu', divisor: '1m' },", '{ defaultMode: 0o444 },'],
    ],
    ['csi with a file system', { csi: { driver: 'csi.example.com', fsType: 'ext4' } }, ["const v = Volume.csi('v', 'csi.example.com', { fsType: 'ext4' });"]],
    ['nfs without options', { nfs: { server: '10.0.0.4', path: '/' } }, ["const v = Volume.nfs('v', '10.0.0.4', '/');"]],
  ])('%s', (_, source, lines) => {
    const { source: code, differences } = oneVolume(source);
    for (const line of lines) {
      expect(code).toContain(line);
    }
    expect(code).not.toContain('fromSource');
    expect(differences).toEqual([]);
  });

  test('ConfigMaps and Secrets of a projection and a CSI secret are object references: the variable of one in the input, one fromName constant for one outside', () => {
    const volumes = [
      { name: 'both', projected: { sources: [{ configMap: { name: 'settings', items: [{ key: 'a', path: 'a.txt' }] } }, { secret: { name: 'creds', optional: true } }] } },
      { name: 'vault', csi: { driver: 'secrets-store.csi.k8s.io', nodePublishSecretRef: { name: 'creds' } } },
    ];
    const { source, differences } = imported([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } },
      pod(volumes),
    ]);
    expect(source).toContain("const settings = new ConfigMap(this, 'settings', { data: { a: '1' } });");
    expect(source).toContain("const credsSecret = Secret.fromName('creds');");
    expect(source.match(/Secret\.fromName/g)).toHaveLength(1);
    expect(source).toContain("VolumeProjection.configMap(settings, { items: [{ key: 'a', path: 'a.txt' }] }),");
    expect(source).toContain('VolumeProjection.secret(credsSecret, { optional: true }),');
    expect(source).toContain("nodePublishSecret: credsSecret");
    expect(differences).toEqual([]);
  });

  test('the code of every factory compiles', () => {
    const volumes = [
      { name: 'all', projected: { defaultMode: 0o440, sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }, { configMap: { name: 'cfg', optional: true } }, { downwardAPI: { items: [{ path: 'l', fieldRef: { fieldPath: "metadata.labels['app']" } }] } }] } },
      { name: 'info', downwardAPI: { items: [{ path: 'mem', resourceFieldRef: { containerName: 'app', resource: 'limits.memory', divisor: '1Mi' } }] } },
      { name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Block', resources: { requests: { storage: '1Gi' } } } } } },
      { name: 'vault', csi: { driver: 'secrets-store.csi.k8s.io', nodePublishSecretRef: { name: 'creds' } } },
      { name: 'share', nfs: { server: 'nfs.example.com', path: '/exports' } },
    ];
    const result = importManifests([{ file: 'in.yaml', text: JSON.stringify(pod(volumes)) }], { from: '..' });
    expect(typeCheckGenerated([{ path: path.join(__dirname, '..', '..', 'lib', 'imported', 'volumes.ts'), text: result.source }])).toEqual([]);
  });

  test('a ConfigMap from outside named by env entries, envFrom, a volume and a projection is one fromName constant', () => {
    const cfg = { name: 'shared' };
    const { source, differences } = imported([
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'app:1',
              env: ['A', 'B', 'C'].map((key) => ({ name: key, valueFrom: { configMapKeyRef: { ...cfg, key } } })),
              envFrom: [{ configMapRef: cfg }],
              volumeMounts: [{ name: 'whole', mountPath: '/whole' }, { name: 'some', mountPath: '/some' }],
            },
          ],
          volumes: [
            { name: 'whole', configMap: cfg },
            { name: 'some', projected: { sources: [{ configMap: { ...cfg, items: [{ key: 'A', path: 'a' }] } }] } },
          ],
        },
      },
    ]);
    expect(source.match(/ConfigMap\.fromName\('shared'\)/g)).toHaveLength(1);
    // The declaration, three env entries, envFrom, the volume and the projection.
    expect(source.match(/sharedConfigMap/g)).toHaveLength(7);
    expect(differences).toEqual([]);
  });

  test('a projected key missing from a ConfigMap of the input is refused, as synth would refuse it', () => {
    const text = [
      YAML.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } }),
      YAML.stringify(pod([{ name: 'v', projected: { sources: [{ configMap: { name: 'settings', items: [{ key: 'b', path: 'b.txt' }] } }] } }])),
    ].join('---\n');
    expect(() => importManifests([{ file: 'in.yaml', text }], { from: '..' })).toThrow(
      'in.yaml: document 2 (Pod "p"): spec.volumes[0].projected.sources[0].configMap.items[0].key: key "b" is not in ConfigMap "settings" of the input. Fix: add "b" to the ConfigMap, or mark the reference optional',
    );
  });

  test('apiVersion v1 of a downwardAPI fieldRef, which the API server writes, is left out with a note', () => {
    const { source, differences, notes } = oneVolume({ downwardAPI: { items: [{ path: 'name', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } }] } });
    expect(source).toContain("const v = Volume.downwardAPI('v', [{ path: 'name', field: 'metadata.name' }]);");
    expect(notes).toEqual(['in.yaml: document 1 (Pod "p"): spec.volumes[0].downwardAPI.items[0].fieldRef.apiVersion: left out: "v1" is the default']);
    expect(differences).toEqual([]);
  });
});

describe('volume sources through Volume.fromSource', () => {
  test.each([
    ['iscsi, which has no factory', { iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2001-04.com.example:storage', lun: 0, fsType: 'ext4' } }],
    ['an ephemeral claim restored from a snapshot', { ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], dataSource: { kind: 'VolumeSnapshot', name: 'snap', apiGroup: 'snapshot.storage.k8s.io' }, resources: { requests: { storage: '1Gi' } } } } } }],
    ['an ephemeral claim with a storage limit', { ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' }, limits: { storage: '2Gi' } } } } } }],
    ['an ephemeral claim that selects its volume', { ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadOnlyMany'], selector: { matchLabels: { disk: 'ssd' } }, resources: { requests: { storage: '1Gi' } } } } } }],
  ])('%s', (_, source) => {
    const { source: code, differences } = oneVolume(source);
    expect(code).toContain("const v = Volume.fromSource('v', {");
    expect(differences).toEqual([]);
  });
});

// Arbitrary sources of the five kinds, valid as the API server validates them: each comes over
// through its factory, and synth gives it back.
const name = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const relativePath = fc.stringMatching(/^[a-z][a-z0-9_.]{0,8}$/).filter((p) => !p.includes('..'));
const mode = fc.integer({ min: 0, max: 0o777 });
const field = fc.oneof(
  fc.constantFrom('metadata.name', 'metadata.namespace', 'metadata.labels', 'metadata.annotations', 'metadata.uid'),
  name.map((key) => `metadata.labels['${key}']`),
  name.map((key) => `metadata.annotations['${key}']`),
);
const resource = fc.constantFrom('limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory', 'limits.ephemeral-storage');
const downwardItems = (paths: readonly string[]) =>
  fc.tuple(
    ...paths.map((path) =>
      fc.oneof(
        fc.record({ path: fc.constant(path), fieldRef: fc.record({ fieldPath: field }), mode }, { requiredKeys: ['path', 'fieldRef'] }),
        fc.record(
          { path: fc.constant(path), resourceFieldRef: fc.record({ containerName: fc.constant('app'), resource, divisor: fc.constantFrom('1', '1m', '1Mi', '1Gi') }, { requiredKeys: ['containerName', 'resource'] }) },
          { requiredKeys: ['path', 'resourceFieldRef'] },
        ),
      ),
    ),
  );
const paths = fc.uniqueArray(relativePath, { minLength: 1, maxLength: 4 });

const projectedSource = paths.chain((ps) =>
  fc
    .tuple(
      ...ps.map((path, i) =>
        fc.oneof(
          fc.record({ serviceAccountToken: fc.record({ path: fc.constant(path), audience: name, expirationSeconds: fc.integer({ min: 600, max: 86400 }) }, { requiredKeys: ['path'] }) }),
          fc.record({ configMap: fc.record({ name: name.map((n) => `c${i}${n}`), items: fc.constant([{ key: 'k', path }]), optional: fc.constant(true) }, { requiredKeys: ['name', 'items', 'optional'] }) }),
          fc.record({ secret: fc.record({ name: name.map((n) => `s${i}${n}`), items: fc.constant([{ key: 'k', path, mode: 0o400 }]), optional: fc.constant(true) }, { requiredKeys: ['name', 'items', 'optional'] }) }),
          downwardItems([path]).map((items) => ({ downwardAPI: { items } })),
        ),
      ),
    )
    .chain((sources) => fc.record({ sources: fc.constant(sources), defaultMode: mode }, { requiredKeys: ['sources'] })),
);

const source = fc.oneof(
  projectedSource.map((projected) => ({ kind: 'projected', source: { projected } })),
  paths.chain((ps) => fc.record({ items: downwardItems(ps), defaultMode: mode }, { requiredKeys: ['items'] })).map((downwardAPI) => ({ kind: 'downwardAPI', source: { downwardAPI } })),
  fc
    .record(
      {
        // ReadWriteOncePod goes alone (the API server refuses it beside another mode).
        accessModes: fc.oneof(fc.constant(['ReadWriteOncePod']), fc.uniqueArray(fc.constantFrom('ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'), { minLength: 1, maxLength: 2 })),
        storageClassName: name,
        volumeMode: fc.constantFrom('Filesystem', 'Block'),
        storage: fc.constantFrom('1Gi', '500Mi', 1073741824),
        labels: fc.dictionary(name, name, { minKeys: 1, maxKeys: 2 }),
      },
      { requiredKeys: ['accessModes', 'storage'] },
    )
    .map(({ storage, labels, ...spec }) => ({
      kind: 'ephemeral',
      source: { ephemeral: { volumeClaimTemplate: { ...(labels ? { metadata: { labels } } : {}), spec: { ...spec, resources: { requests: { storage } } } } } },
    })),
  fc
    .record({ driver: fc.constantFrom('secrets-store.csi.k8s.io', 'csi.example.com'), readOnly: fc.boolean(), fsType: fc.constantFrom('ext4', 'xfs'), volumeAttributes: fc.dictionary(name, fc.string({ maxLength: 8 }), { maxKeys: 2 }) }, { requiredKeys: ['driver'] })
    .map((csi) => ({ kind: 'csi', source: { csi } })),
  fc
    .record({ server: fc.constantFrom('nfs.example.com', '10.0.0.4'), path: fc.constantFrom('/', '/exports', '/srv/data'), readOnly: fc.boolean() }, { requiredKeys: ['server', 'path'] })
    .map((nfs) => ({ kind: 'nfs', source: { nfs } })),
);

test('property: a valid projected, downwardAPI, ephemeral, csi or nfs volume comes over through its factory, exactly', () => {
  fc.assert(
    fc.property(source, ({ kind, source: volumeSource }) => {
      const { source: code, differences } = oneVolume(volumeSource);
      expect(differences).toEqual([]);
      expect(code).toContain(`Volume.${kind}(`);
      expect(code).not.toContain('fromSource');
    }),
    { numRuns: 60 },
  );
});
