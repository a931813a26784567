import type { RuleId } from './rule-ids';
import { fixOf } from './rules';

/** How much a problem matters: an error stops synth, a warning is printed. */
export type Severity = 'error' | 'warning';

/** One problem found in an app, with where it is and how to fix it. */
export interface Problem {
  /** Stable id of the rule that found it, such as `container-name-unique`. */
  readonly rule: string;
  /** Whether it stops synth. */
  readonly severity: Severity;
  /** Path of the construct that declared the offending value. */
  readonly construct: string;
  /** Path of the field in the manifest, such as `spec.containers[1].ports[0].containerPort`. */
  readonly field: string;
  /** What is wrong, with the value received. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /**
   * Why the rule's level was set by hand where the problem is (a container's
   * `rules` prop); such a level wins over the construct's and the project's.
   * @default - the level comes from the construct or the project
   */
  readonly reason?: string;
}

/**
 * Renders a problem on one line, the way synth reports it after the
 * construct path: `field: what is wrong. Fix: how (rule-id)`, without the
 * field for a problem of the whole object.
 */
export function formatProblem(problem: Problem): string {
  return `${problem.field === '' ? '' : `${problem.field}: `}${problem.message}. Fix: ${problem.fix} (${problem.rule})`;
}

/**
 * Collects the problems of one construct. A program that declares rules of
 * its own may name their ids, so that a misspelt one does not compile:
 * `new Report<RuleIdOf<typeof MY_RULES>>(path)`.
 */
export class Report<Id extends string = string> {
  private readonly found: Problem[] = [];

  public constructor(
    /** Path of the construct the problems are about. */
    public readonly construct: string,
  ) {}

  /**
   * Records an error. `fix` names the specifics of this problem; without
   * one, the problem takes the fix of the rule's definition, the words
   * docs/rules.md shows.
   */
  public error(rule: Id, field: string, message: string, fix: string = fixOf(rule)): void {
    this.add({ rule, severity: 'error', construct: this.construct, field, message, fix });
  }

  /** Records a warning; `fix` as for {@link Report.error}. */
  public warn(rule: Id, field: string, message: string, fix: string = fixOf(rule)): void {
    this.add({ rule, severity: 'warning', construct: this.construct, field, message, fix });
  }

  /** Records a problem as it is, such as one found by another report. */
  public add(problem: Problem): void {
    this.found.push(problem);
  }

  /** Everything recorded so far. */
  public get problems(): readonly Problem[] {
    return this.found;
  }
}

/**
 * A report of Peapod's own rules: its ids are {@link RuleId}, derived from
 * the rule definitions, so a misspelt id does not compile. Peapod's modules
 * report through it (a lint rule keeps them from the open `Report`).
 */
export class RuleReport extends Report<RuleId> {}
