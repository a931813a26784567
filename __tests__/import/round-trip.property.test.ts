import * as fc from 'fast-check';
import * as YAML from 'yaml';
import * as peapod from '../../lib';
import { importManifests } from '../../lib/import';
import { manifestDifferences, synthGenerated } from '../../lib/import/verify';

// Pods built from the fields the import models, in random combinations:
// whatever it accepts, synth of its code must give back.
const dnsLabel = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?$/);
const envName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/);
const text = fc.string({ maxLength: 12 }).filter((s) => !s.includes('$'));
const cpu = fc.constantFrom('100m', '0.5', 1, 2);

const volume = (name: string) =>
  fc.oneof(
    fc.constant({ name, emptyDir: {} }),
    fc.record({ name: fc.constant(name), emptyDir: fc.record({ medium: fc.constant('Memory') }) }),
    fc.record({ name: fc.constant(name), hostPath: fc.record({ path: fc.constantFrom('/data', '/var/log'), type: fc.constantFrom('Directory', 'DirectoryOrCreate') }, { requiredKeys: ['path'] }) }),
    fc.record({ name: fc.constant(name), configMap: fc.record({ name: dnsLabel, defaultMode: fc.constantFrom(0o644, 0o400), optional: fc.boolean() }, { requiredKeys: ['name'] }) }),
    fc.record({ name: fc.constant(name), secret: fc.record({ secretName: dnsLabel, optional: fc.boolean() }, { requiredKeys: ['secretName'] }) }),
    fc.record({ name: fc.constant(name), persistentVolumeClaim: fc.record({ claimName: dnsLabel, readOnly: fc.boolean() }, { requiredKeys: ['claimName'] }) }),
  );

const podArbitrary = fc
  .record({
    name: dnsLabel,
    labels: fc.dictionary(dnsLabel, dnsLabel, { maxKeys: 3 }),
    nodeSelector: fc.dictionary(dnsLabel, dnsLabel, { maxKeys: 2 }),
    volumeNames: fc.uniqueArray(dnsLabel, { maxLength: 3 }),
    containerNames: fc.uniqueArray(dnsLabel, { minLength: 1, maxLength: 3 }),
    ports: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 6 }),
    portNames: fc.boolean(),
    env: fc.uniqueArray(fc.record({ name: envName, value: text }), { maxLength: 4, selector: (e) => e.name }),
    policy: fc.constantFrom(undefined, 'Always', 'IfNotPresent', 'Never'),
    resources: fc.option(fc.record({ requests: fc.record({ cpu, memory: fc.constantFrom('64Mi', '1Gi') }) })),
    seed: fc.nat(),
  })
  .chain((p) =>
    fc.tuple(fc.constant(p), fc.tuple(...p.volumeNames.map(volume))).map(([pod, volumes]) => {
      // Ports are dealt out to the containers, so none is used twice in the Pod.
      const containers = pod.containerNames.map((name, i) => {
        const mine = pod.ports.filter((_, j) => j % pod.containerNames.length === i);
        const mounts = volumes.filter((_, j) => (j + i + pod.seed) % 2 === 0).map((v, j) => ({ name: v.name, mountPath: `/mnt/${v.name}`, ...(j % 2 ? { readOnly: true } : {}) }));
        return {
          name,
          image: `${name}:1.${i}`,
          ...(pod.policy ? { imagePullPolicy: pod.policy } : {}),
          ...(mine.length ? { ports: mine.map((port, k) => ({ ...(pod.portNames ? { name: `p${k}-${port}` } : {}), containerPort: port })) } : {}),
          ...(i === 0 && pod.env.length ? { env: pod.env } : {}),
          ...(mounts.length ? { volumeMounts: mounts } : {}),
          ...(i === 0 && pod.resources ? { resources: pod.resources } : {}),
        };
      });
      return {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: pod.name, ...(Object.keys(pod.labels).length ? { labels: pod.labels } : {}) },
        spec: {
          ...(Object.keys(pod.nodeSelector).length ? { nodeSelector: pod.nodeSelector } : {}),
          containers,
          ...(volumes.length ? { volumes } : {}),
        },
      };
    }),
  );

test('any Pod the import accepts synthesizes back to itself', () => {
  fc.assert(
    fc.property(podArbitrary, (pod) => {
      const result = importManifests([{ file: 'random.yaml', text: YAML.stringify(pod, { version: '1.1' }) }], { from: '..' });
      const synth = synthGenerated(result.source, result.className, { '..': peapod });
      expect(synth.errors).toEqual([]);
      expect(manifestDifferences([pod], synth.objects)).toEqual([]);
    }),
    { numRuns: 60, seed: 8 },
  );
});
