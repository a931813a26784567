import * as fs from 'fs';
import * as path from 'path';
import { goYamlValue } from '../lib/_yaml-quoting';
import { checkManifestFiles } from '../lib/schema';
import { withTempDir } from './_support';

/* `npm run validate` reads manifests as kubectl does: YAML 1.1 with go-yaml's reading of plain scalars. */

describe('npm run validate', () => {
  test('flags a plain yes, on or 0X1F where a string belongs, as kubectl reads them', () => {
    withTempDir((dir) => {
      const file = path.join(dir, 'pod.yaml');
      fs.writeFileSync(
        file,
        [
          'apiVersion: v1',
          'kind: Pod',
          'metadata:',
          '  name: web',
          '  labels:',
          '    enabled: on',
          '    plain: web',
          '    quoted: "on"',
          'spec:',
          '  containers:',
          '    - name: app',
          '      image: nginx:1.27',
          '      env:',
          '        - name: DEBUG',
          '          value: yes',
          '        - name: MASK',
          '          value: 0X1F',
          '        - name: OK',
          "          value: 'yes'",
          '',
        ].join('\n'),
      );
      const report = checkManifestFiles([file]);
      expect(report.problems.map((p) => p.replace(`${file}: document 1 (Pod/web) `, ''))).toEqual([
        'metadata.labels.enabled: must be string, got true',
        'spec.containers[0].env[0].value: must be string, got true',
        'spec.containers[0].env[1].value: must be string, got 31',
      ]);
    });
  });

  test('reads plain scalars to the values go-yaml v2 gives them', () => {
    const read: Array<[string, unknown]> = [
      ['yes', true], ['Y', true], ['ON', true], ['yEs', 'yEs'], ['off', false], ['n', false], ['~', null], ['Null', null],
      ['0X1F', 31], ['0x1f', 31], ['0o17', 15], ['017', 15], ['0b101', 5], ['1_000', 1000], ['-0x10', -16], ['+12', 12],
      ['09', 9], ['1e3', 1000], ['.5', 0.5], ['.inf', Infinity], ['-.Inf', -Infinity], ['_1', '_1'], ['2024-01-01', '2024-01-01'], ['web', 'web'], ['0x', '0x'],
    ];
    expect(read.map(([text]) => [text, goYamlValue(text)])).toEqual(read);
    expect(Number.isNaN(goYamlValue('.NaN'))).toBe(true);
  });
});
