import { findRule } from './validation/rules';
import { formatProblem, Problem } from './validation/problem';

/*
 * How synth prints warnings by default: grouped by rule, each group with
 * its count, the rule's fix once and its first few places, so that the
 * one error of a first app is not buried under its warnings (errors come
 * after, in the failure). PEAPOD_WARNINGS=all prints every warning in full.
 */

/** Warnings shown per rule before "… and N more". */
const PLACES_PER_RULE = 3;

const HOW_TO_CONFIGURE =
  "Change a rule's level in peapod.config.json, or for one construct with Rules.of(construct).set(rule, level, reason); docs/rules.md lists the rules.";

/** `count` and `noun`, plural unless the count is one. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** One problem on one line, after its construct path. */
export function withConstruct(problem: Problem): string {
  return `[${problem.construct}] ${formatProblem(problem)}`;
}

/**
 * The text synth prints for `warnings`; every one in full when `all`.
 * When errors follow (`beforeErrors`), one line naming the rules, so that
 * the errors are what the user sees.
 */
export function warningReport(warnings: readonly Problem[], all: boolean, beforeErrors = false): string {
  if (all) {
    return `${plural(warnings.length, 'warning')}:\n  ${warnings.map(withConstruct).join('\n  ')}\n${HOW_TO_CONFIGURE}\n`;
  }
  const groups = new Map<string, { count: number; first: Problem[] }>();
  for (const warning of warnings) {
    let group = groups.get(warning.rule);
    if (group === undefined) {
      group = { count: 0, first: [] };
      groups.set(warning.rule, group);
    }
    group.count++;
    if (group.first.length < PLACES_PER_RULE) {
      group.first.push(warning);
    }
  }
  if (beforeErrors) {
    const rules = [...groups].map(([rule, { count }]) => (count === 1 ? rule : `${rule} (${count})`)).join(', ');
    return `${plural(warnings.length, 'warning')} of ${plural(groups.size, 'rule')}, shown once the errors below are fixed (PEAPOD_WARNINGS=all shows them now): ${rules}\n`;
  }
  const lines = [`${plural(warnings.length, 'warning')} of ${plural(groups.size, 'rule')}${warnings.length > groups.size ? ' (PEAPOD_WARNINGS=all lists every one)' : ''}:`];
  for (const [rule, { count, first }] of groups) {
    if (count === 1) {
      lines.push(`  ${withConstruct(first[0])}`);
      continue;
    }
    lines.push(`  ${rule}, ${count} times. Fix: ${findRule(rule)?.fix ?? first[0].fix}`);
    for (const problem of first) {
      lines.push(`    [${problem.construct}] ${problem.field}: ${problem.message}`);
    }
    if (count > first.length) {
      lines.push(`    … and ${count - first.length} more`);
    }
  }
  return `${lines.join('\n')}\n${HOW_TO_CONFIGURE}\n`;
}
