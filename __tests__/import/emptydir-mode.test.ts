import * as peapod from '../../lib';
import { laterFieldAt } from '../../lib/_later-fields';
import { importManifests } from '../../lib/import';
import { manifestDifferences, synthGenerated } from '../../lib/import/verify';

// emptyDir.mode (Kubernetes 1.37, alpha behind EmptyDirVolumeMode) is a
// later field, not a misspelling: the website's example of it imports
// exactly, the field patched into the Pod's manifest.
describe("an emptyDir's mode", () => {
  test('is a field of Kubernetes 1.37 where an emptyDir holds it, and nowhere else', () => {
    expect(laterFieldAt('spec.volumes[0].emptyDir.mode')).toEqual({ type: 'EmptyDirVolumeSource', field: 'mode', since: '1.37', what: 'emptyDir permission modes' });
    expect(laterFieldAt('spec.volumes[0].hostPath.mode')).toBeUndefined();
  });

  test('comes in through a JsonPatch, with the octal value kubectl reads', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x, volumeMounts: [{name: tmp, mountPath: /tmp}]}]\n  volumes: [{name: tmp, emptyDir: {mode: 01777}}]\n';
    const result = importManifests([{ file: 'in.yaml', text }], { from: '..' });
    expect(result.source).toContain("p.apiObject.addJsonPatch(JsonPatch.add('/spec/volumes/0/emptyDir/mode', 1023));");
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    expect(synth.errors).toEqual([]);
    expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
    expect(synth.objects[0].spec.volumes).toEqual([{ name: 'tmp', emptyDir: { mode: 1023 } }]);
  });
});
