import * as fs from 'fs';
import * as path from 'path';
import { ruleDefinitions } from '../../lib';
import { renderRulesDoc, RULES_DOC } from '../../scripts/rules-doc';

const root = path.join(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? (entry.name === '__snapshots__' ? [] : filesUnder(full)) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('docs/rules.md', () => {
  test('is what `npm run rules-doc` writes from the rules in the code', () => {
    // If this fails, run `npm run rules-doc` and commit docs/rules.md.
    expect(fs.readFileSync(RULES_DOC, 'utf8')).toEqual(renderRulesDoc());
  });
});

// The ids the library reports are checked by the compiler: Report's ids are RuleId,
// a union derived from the definitions (types.test.ts holds the @ts-expect-error lines).
describe('the rule registry', () => {
  const ids = new Set(ruleDefinitions().map((rule) => rule.id));

  test('has, for every rule, a test that expects one of its messages exactly', () => {
    const tests = filesUnder(path.join(root, '__tests__'))
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    expect([...ids].filter((id) => !tests.includes(`(${id})'`) && !tests.includes(`(${id})\``) && !tests.includes(`(${id})",`))).toEqual([]);
  });
});
