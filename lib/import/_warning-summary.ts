/**
 * What the import says of the lint warnings its chart raises: the input
 * carries them (no probes, no resources, a moving image tag), and synth of
 * the chart will print them in full. The import says so once, a line per
 * rule with its count and the objects, rather than a line per container.
 */
import { plural } from '../_warnings';
import type { Problem } from '../validation/problem';

/** Objects named on a line before "and N more". */
const OBJECTS_PER_LINE = 4;

/** The summary for standard error, empty when there is no warning; the warnings are those of the round trip's synth. */
export function warningSummary(warnings: readonly Problem[]): string {
  if (warnings.length === 0) {
    return '';
  }
  const byRule = new Map<string, { count: number; objects: Set<string> }>();
  for (const warning of warnings) {
    let group = byRule.get(warning.rule);
    if (group === undefined) {
      group = { count: 0, objects: new Set() };
      byRule.set(warning.rule, group);
    }
    group.count++;
    // `imported/web/Resource` → `web`: the construct id, which is the object's name unless two kinds share it.
    const [, object] = warning.construct.split('/');
    group.objects.add(object ?? warning.construct);
  }
  // Rules raised by the same objects share a line: most inputs lack the same few things everywhere.
  const byObjects = new Map<string, string[]>();
  for (const [rule, { count, objects }] of byRule) {
    const names = [...objects];
    const key = names.slice(0, OBJECTS_PER_LINE).join(', ') + (names.length > OBJECTS_PER_LINE ? `, and ${names.length - OBJECTS_PER_LINE} more` : '');
    byObjects.set(key, [...(byObjects.get(key) ?? []), count === 1 ? rule : `${rule} (${count})`]);
  }
  const lines = [...byObjects].map(([objects, rules]) => `  ${objects}: ${rules.join(', ')}`);
  const head = `peapod import: ${plural(warnings.length, 'lint warning')} of ${plural(byRule.size, 'rule')}, for what the input lacks; synth of the chart prints each`;
  return `${head} (fix the code, or set the rule's level in peapod.config.json with a reason; docs/rules.md says why each matters):\n${lines.join('\n')}\n`;
}
