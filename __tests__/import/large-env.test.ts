import * as path from 'path';
import * as peapod from '../../lib';
import { importManifests } from '../../lib/import';
import { manifestDifferences, synthGenerated, typeCheckGenerated } from '../../lib/import/verify';

// Real Deployments carry 49, 54, 66 env entries; the type-level $(VAR) check of a
// literal list of that length ran out of instantiation depth. The import's code
// must compile whatever the length.
const deployment = (entries: number) => {
  const env = Array.from({ length: entries }, (_, i) => `            - {name: VAR_${i}, value: ${i === 0 ? 'first' : `"x-$(VAR_${i - 1})"`}}`).join('\n');
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: big}
spec:
  selector: {matchLabels: {app: big}}
  template:
    metadata: {labels: {app: big}}
    spec:
      containers:
        - name: app
          image: app:1
          env:
${env}
`;
};

describe('long env lists', () => {
  test.each([10, 49, 54, 66, 200])('%i entries: the code compiles and synthesizes to the input', (entries) => {
    const result = importManifests([{ file: 'big.yaml', text: deployment(entries) }], { from: '..' });
    if (entries > 30) {
      expect(result.source).toContain("import type { EnvVar } from '..';");
      expect(result.source).toContain('const appEnv: EnvVar[] = [');
      expect(result.source).toContain("new Container({ name: 'app', image: 'app:1', env: appEnv })");
    } else {
      expect(result.source).not.toContain('EnvVar');
    }
    expect(typeCheckGenerated([{ path: path.join(__dirname, '..', '..', 'lib', 'imported', 'big.ts'), text: result.source }])).toEqual([]);
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    expect(synth.errors).toEqual([]);
    expect(manifestDifferences(result.objects, synth.objects)).toEqual([]);
  });
});
