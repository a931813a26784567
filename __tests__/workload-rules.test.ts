import * as fs from 'fs';
import * as path from 'path';
import { DATA_KEY_RULES } from '../lib/validation/data-keys';
import { REFERENCE_RULES } from '../lib/validation/references';
import { SECRET_DATA_RULES } from '../lib/validation/secret-data';
import { SERVICE_RULES } from '../lib/validation/service';
import { SERVICE_SPEC_RULES } from '../lib/validation/service-spec';
import { WORKLOAD_RULES } from '../lib/validation/workload';

// The rule lists feed the rules documentation: each must list exactly the
// rules its file reports, with the severity it reports them at.
describe.each([
  ['workload.ts', WORKLOAD_RULES],
  ['service.ts', SERVICE_RULES],
  ['service-spec.ts', SERVICE_SPEC_RULES],
  ['data-keys.ts', DATA_KEY_RULES],
  ['references.ts', REFERENCE_RULES],
  ['secret-data.ts', SECRET_DATA_RULES],
])('the rules of lib/validation/%s', (file, rules) => {
  const source = fs.readFileSync(path.join(__dirname, '..', 'lib', 'validation', file), 'utf8');
  // Reported directly, or by checkInteger, which reports errors.
  const reported = [...source.matchAll(/(?:report\.(error|warn)\(\s*|rule: )(?:'([a-z-]+)'|kind === 'ConfigMap' \? '([a-z-]+)' : '([a-z-]+)')/g)].flatMap((m) =>
    [m[2], m[3], m[4]].filter((id) => id !== undefined).map((id) => `${id} ${m[1] === 'warn' ? 'warning' : 'error'}`),
  );

  test('are listed once each, with the severity they are reported at', () => {
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    expect([...new Set(reported)].sort()).toEqual(rules.map((rule) => `${rule.id} ${rule.severity}`).sort());
  });

  test('have every field written', () => {
    for (const rule of rules) {
      expect([rule.summary, rule.why, rule.fix].every((text) => text.length > 10)).toBe(true);
    }
  });
});
