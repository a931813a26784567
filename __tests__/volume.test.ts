import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { Container, Pod, Volume, VolumeProjection } from '../lib';
import { problemsOf } from './_problems';
import { newChart, synthObjects } from './_support';

/* eslint-disable @typescript-eslint/no-explicit-any -- values that bypass the types, as JSON input or `as any` would */

// A Pod whose one container mounts every volume given, read-only, at /v/<name>.
function podWith(volumes: readonly Volume[]): any {
  const chart = newChart();
  const app = new Container({ name: 'app', image: 'app:1.0', mounts: volumes.map((v) => v.mount(`/v/${v.name}`, { readOnly: true })) });
  new Pod(chart, 'pod', { containers: [app] });
  return synthObjects(chart)[0].spec;
}

describe('volume factories', () => {
  test('projected: a ServiceAccount token, ConfigMap and Secret keys and Pod fields in one directory', () => {
    const app = new Container({ name: 'app', image: 'app:1.0' });
    const volume = Volume.projected(
      'identity',
      [
        VolumeProjection.serviceAccountToken({ path: 'token', audience: 'vault', expirationSeconds: 3600 }),
        VolumeProjection.configMap({ name: 'ca' }, { items: [{ key: 'ca.crt', path: 'ca.crt' }] }),
        VolumeProjection.secret({ name: 'tls' }, { optional: true }),
        VolumeProjection.downwardAPI([
          { path: 'labels', field: 'metadata.labels' },
          { path: 'app', field: "metadata.labels['app']" },
          { path: 'mem', container: app, resource: 'limits.memory', divisor: '1Mi' },
        ]),
      ],
      { defaultMode: 0o440 },
    );
    expect(volume.kind).toBe('projected');
    expect(podWith([volume]).volumes).toEqual([
      {
        name: 'identity',
        projected: {
          defaultMode: 0o440,
          sources: [
            { serviceAccountToken: { path: 'token', audience: 'vault', expirationSeconds: 3600 } },
            { configMap: { name: 'ca', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { secret: { name: 'tls', optional: true } },
            {
              downwardAPI: {
                items: [
                  { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
                  { path: 'app', fieldRef: { fieldPath: "metadata.labels['app']" } },
                  { path: 'mem', resourceFieldRef: { containerName: 'app', resource: 'limits.memory', divisor: '1Mi' } },
                ],
              },
            },
          ],
        },
      },
    ]);
  });

  test('downwardAPI, ephemeral, csi and nfs', () => {
    const volumes = [
      Volume.downwardAPI('podinfo', [{ path: 'name', field: 'metadata.name', mode: 0o444 }]),
      Volume.ephemeral('scratch', { accessModes: ['ReadWriteOncePod'], storage: '1Gi', storageClassName: 'fast', labels: { app: 'web' } }),
      Volume.csi('secrets', 'secrets-store.csi.k8s.io', { readOnly: true, volumeAttributes: { secretProviderClass: 'vault-db' }, nodePublishSecret: { name: 'creds' } }),
      Volume.nfs('share', 'nfs.example.com', '/exports/share'),
    ];
    expect(volumes.map((v) => v.kind)).toEqual(['downwardAPI', 'ephemeral', 'csi', 'nfs']);
    expect(podWith(volumes).volumes).toEqual([
      { name: 'podinfo', downwardAPI: { items: [{ path: 'name', fieldRef: { fieldPath: 'metadata.name' }, mode: 0o444 }] } },
      {
        name: 'scratch',
        ephemeral: { volumeClaimTemplate: { metadata: { labels: { app: 'web' } }, spec: { accessModes: ['ReadWriteOncePod'], storageClassName: 'fast', resources: { requests: { storage: '1Gi' } } } } },
      },
      { name: 'secrets', csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'vault-db' }, nodePublishSecretRef: { name: 'creds' } } },
      { name: 'share', nfs: { server: 'nfs.example.com', path: '/exports/share' } },
    ]);
  });

  test('fromSource takes any other source in the spelling of the k8s types, and mounts like the others', () => {
    const iscsi = Volume.fromSource('disk', { iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2001-04.com.example:storage', lun: 0, fsType: 'ext4' } });
    const scaleIo = Volume.fromSource('old', { scaleIo: { gateway: 'https://gw', system: 'sys', volumeName: 'v', secretRef: { name: 's' } } });
    expect([iscsi.kind, scaleIo.kind]).toEqual(['iscsi', 'scaleIO']);
    const spec = podWith([iscsi]);
    expect(spec.volumes).toEqual([{ name: 'disk', iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2001-04.com.example:storage', lun: 0, fsType: 'ext4' } }]);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'disk', mountPath: '/v/disk', readOnly: true }]);
  });

  test('fromSource keeps a copy of its own: a later change to the object given does not reach the manifest; k8s quantities stay as given', () => {
    const source = { ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: k8s.Quantity.fromString('1Gi') } } } } } };
    const volume = Volume.fromSource('scratch', source);
    source.ephemeral.volumeClaimTemplate.spec.accessModes.push('ReadOnlyMany');
    expect(podWith([volume]).volumes).toEqual([
      { name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } },
    ]);
  });

  test('fromSource refuses a source with no volume type or several, at once', () => {
    expect(() => Volume.fromSource('x', {})).toThrow('Volume.fromSource("x"): the source has no volume type; give exactly one, such as { emptyDir: {} }');
    expect(() => Volume.fromSource('x', { emptyDir: {}, nfs: { server: 's', path: '/p' } })).toThrow(
      'Volume.fromSource("x"): the source has 2 volume types (emptyDir, nfs); give exactly one, such as { emptyDir: {} }',
    );
    expect(() => Volume.fromSource('x', { emptyDirr: {} } as any)).toThrow('Volume.fromSource("x"): the source has "emptyDirr", which is not a volume type; give exactly one, such as { emptyDir: {} }');
  });

  test('a field of a source given as is that the k8s types do not know fails synth instead of vanishing', () => {
    const volume = Volume.fromSource('share', { nfs: { server: 'nfs.example.com', path: '/exports', readonly: true } as any });
    expect(problemsOf((chart) => new Pod(chart, 'pod', { containers: [new Container({ name: 'app', image: 'app:1.0', mounts: [volume.mount('/data')] })] }))).toEqual([
      'spec.volumes[0].nfs.readonly: "readonly" is not a field of the cdk8s-plus-27 k8s types here, so cdk8s would leave it out of the manifest. Fix: correct the spelling; escape hatches take the field names of the k8s types, which differ from the manifest in case only (`hostPid` for `hostPID`) (unknown-field)',
    ]);
  });

  test('values out of range fail synth with the API server\'s rules', () => {
    const volumes = [
      Volume.projected('token', [VolumeProjection.serviceAccountToken({ path: '../token', expirationSeconds: 60 })]),
      Volume.nfs('share', 'nfs.example.com', 'exports'),
      Volume.ephemeral('scratch', { accessModes: [], storage: '0' }),
      Volume.downwardAPI('info', [{ path: 'ip', field: 'status.podIP' as any }], { defaultMode: 0o1000 }),
    ];
    expect(problemsOf((chart) => new Pod(chart, 'pod', { containers: [new Container({ name: 'app', image: 'app:1.0', mounts: volumes.map((v) => v.mount(`/v/${v.name}`)) })] }))).toEqual([
      'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: expirationSeconds of the serviceAccountToken source 0 of projected volume "token" is 60; it must be a whole number from 600 to 4294967296. Fix: let the token live 600 seconds (10 minutes) or more, such as 3600, or leave expirationSeconds out for 1 hour (volume-items)',
      'spec.volumes[0].projected.sources[0].serviceAccountToken.path: path "../token" of serviceAccountToken source 0 of projected volume "token" holds a ".." segment. Fix: give each item a key and a relative path of its own, each projected source one kind and the name of its object, and modes such as 0o644 (volume-items)',
      'spec.volumes[1].nfs.path: path "exports" of nfs volume "share" is not absolute. Fix: give the field the message names a value it allows; a `Volume` factory asks for the required fields (volume-source-fields)',
      'spec.volumes[2].ephemeral.volumeClaimTemplate.spec.accessModes: the volumeClaimTemplate of ephemeral volume "scratch" has no accessModes. Fix: give the field the message names a value it allows; a `Volume` factory asks for the required fields (volume-source-fields)',
      'spec.volumes[2].ephemeral.volumeClaimTemplate.spec.resources.requests.storage: storage request "0" of the volumeClaimTemplate of ephemeral volume "scratch" is not a quantity above 0. Fix: give the field the message names a value it allows; a `Volume` factory asks for the required fields (volume-source-fields)',
      'spec.volumes[3].downwardAPI.defaultMode: defaultMode of downwardAPI volume "info" is 512; it must be a whole number from 0 to 511. Fix: use file mode bits from 0 to 0777 (octal; 511 in decimal), such as 0o644 (volume-items)',
      'spec.volumes[3].downwardAPI.items[0].fieldRef.fieldPath: fieldPath "status.podIP" of item 0 of downwardAPI volume "info" is not a field a downwardAPI volume can hold; the fields are "metadata.name", "metadata.namespace", "metadata.labels", "metadata.annotations", "metadata.uid", and status fields such as the Pod IP reach a container through env valueFrom. Fix: give each item a key and a relative path of its own, each projected source one kind and the name of its object, and modes such as 0o644 (volume-items)',
    ]);
  });

});

// Never called: these lines exist to be type-checked (an unused @ts-expect-error fails tsc with TS2578).
export function volumeTypesRejectedAtCompileTime(): void {
  // @ts-expect-error -- a status field cannot be a file of a downwardAPI volume
  Volume.downwardAPI('x', [{ path: 'ip', field: 'status.podIP' }]);
  // @ts-expect-error -- access modes are spelt out
  Volume.ephemeral('x', { accessModes: ['RWO'], storage: '1Gi' });
  // @ts-expect-error -- fromSource takes the k8s types' source fields only
  Volume.fromSource('x', { emptyDirr: {} });
  // @ts-expect-error -- a resource file names its container by object, not by a name string
  Volume.downwardAPI('x', [{ path: 'cpu', container: 'app', resource: 'limits.cpu' }]);
}
