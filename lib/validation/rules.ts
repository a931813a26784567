import { IConstruct } from 'constructs';
import { hasKeys } from '../_plain';
import type { PodSecurityConfig } from './pod-security-config';
import { Problem, Severity } from './problem';
import type { RuleId, RuleIdInput } from './rule-ids';

/**
 * Where a rule comes from, which decides whether it can be configured.
 *
 * - `api-server`: Kubernetes refuses the manifest. Always an error; no
 *   configuration can lower it, since the apply would fail anyway.
 * - `peapod`: stricter than the API server, for manifests Kubernetes accepts
 *   but that break at run time (a port two containers share, a dangling
 *   `$(VAR)`). An error by default; may be lowered with a reason.
 * - `lint`: a best practice, named as kube-linter or Polaris name it. A
 *   warning by default; may be raised, lowered or turned off.
 * - `pod-security`: a check of the Pod Security Standards, as the
 *   PodSecurity admission runs it. Silent until a level is set for the Pod
 *   (`podSecurity` in the configuration, `PodSecurity.of()`, a Namespace's
 *   labels); then an error under `enforce`, a warning under `warn` and
 *   `audit`. May be changed like a `peapod` rule.
 */
export type RuleCategory = 'api-server' | 'peapod' | 'lint' | 'pod-security';

/** What a rule checks, why, and how to fix it: one entry of `docs/rules.md`. */
export interface RuleDefinition {
  /** Stable id, kebab-case, as it appears in messages and in configuration. */
  readonly id: string;
  /** Severity when neither the project nor a construct configures it. */
  readonly severity: Severity;
  /** What the rule checks, in one line. */
  readonly summary: string;
  /** Why it matters: what goes wrong on the cluster otherwise. */
  readonly why: string;
  /** How to fix a problem it reports. */
  readonly fix: string;
  /**
   * Where the rule comes from.
   * @default - `peapod` for an error, `lint` for a warning
   */
  readonly category?: RuleCategory;
  /**
   * A page of the Kubernetes documentation about the checked field.
   * @default - none
   */
  readonly see?: string;
}

/**
 * A rule's fix, written once for docs/rules.md and for the problems it
 * reports. `fixFor` builds the fix of one problem from its specifics (the
 * names of the containers involved); `fix`, the text of the reference, is
 * the same words with `placeholders` in place of the specifics, and `also`
 * adds the fixes of the rule's other cases, in the words their calls use.
 */
export function fixNaming<A extends readonly string[]>(
  fixFor: (...specifics: A) => string,
  placeholders: A,
  also: readonly string[] = [],
): { readonly fix: string; readonly fixFor: (...specifics: A) => string } {
  return { fix: [fixFor(...placeholders), ...also].map(asSentence).join(' '), fixFor };
}

// A fix as problems print it (`give "web" another port`) as a sentence of the reference.
function asSentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith('.') ? '' : '.'}`;
}

/** What a rule can be set to: a severity, or `off` to drop its problems. */
export type RuleLevel = Severity | 'off';

/** The setting of one rule for a construct and everything under it. */
export interface RuleSetting {
  /** The severity its problems get, or `off`. */
  readonly level: RuleLevel;
  /** Why the default does not fit here; required, so that a reviewer can judge it. */
  readonly reason: string;
}

/**
 * Values by rule id: any id, checked when given (a program may declare rules
 * of its own), with Peapod's own ids offered for completion.
 */
export type ByRuleId<T> = { readonly [rule in RuleId]?: T } & { readonly [rule: string]: T };

/** Rule settings by rule id. */
export type RuleSettings = ByRuleId<RuleSetting>;

const registry = new Map<string, RuleDefinition>();
// The fix of each rule as a problem prints it, after "Fix: ".
const fixes = new Map<string, string>();
// The ids of the rules whose category is `api-server`.
const apiServerRules = new Set<string>();

/**
 * Declares rules, so that they appear in `docs/rules.md`, obey the project
 * configuration and per-construct settings, and are known to `Rules.of()`.
 * Call it once at the top level of the module that reports them; declaring
 * the same definition twice is harmless, two different ones with one id throw.
 * Returns the definitions, so a module can export them as it declares them.
 */
export function defineRules<const R extends readonly RuleDefinition[]>(rules: R): R {
  for (const rule of rules) {
    const known = registry.get(rule.id);
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(rule)) {
      throw new Error(`rule "${rule.id}" is defined twice with different definitions; give one of them another id`);
    }
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(rule.id)) {
      throw new Error(`rule id "${rule.id}" is not kebab-case; use lower-case words joined by "-"`);
    }
    registry.set(rule.id, rule);
    fixes.set(rule.id, asClause(rule.fix));
    if (categoryOf(rule) === 'api-server') {
      apiServerRules.add(rule.id);
    }
  }
  return rules;
}

/**
 * The fix of rule `id` as a problem prints it: the sentence of its
 * definition as a clause ("Set the field." gives "set the field").
 * Throws for an id no definition declares.
 */
export function fixOf(id: string): string {
  const fix = fixes.get(id);
  if (fix === undefined) {
    throw new Error(`no rule has the id "${id}", so it has no fix; declare it with defineRules() before reporting it`);
  }
  return fix;
}

// A sentence of the reference as the clause a problem prints after "Fix: ":
// a first word such as "Set" in lower case (not "PodSecurity" or "`x`"), no final period.
function asClause(sentence: string): string {
  const clause = sentence.endsWith('.') ? sentence.slice(0, -1) : sentence;
  return /^[A-Z][a-z]+\b/.test(clause) && !/^(Kubernetes|Peapod)\b/.test(clause) ? `${clause.charAt(0).toLowerCase()}${clause.slice(1)}` : clause;
}

/**
 * The definition of rule `id` in the table `rules`, with its own type: a
 * module reads a rule's `fixFor` (see {@link fixNaming}) from it.
 */
export function ruleIn<const R extends readonly RuleDefinition[], I extends R[number]['id']>(rules: R, id: I): Extract<R[number], { readonly id: I }> {
  const rule = rules.find((r) => r.id === id);
  if (rule === undefined) {
    throw new Error(`no rule of the table has the id "${id}"`);
  }
  return rule as Extract<R[number], { readonly id: I }>;
}

/** Every declared rule, sorted by id. */
export function ruleDefinitions(): readonly RuleDefinition[] {
  return [...registry.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** The rule with this id, if one is declared. */
export function findRule(id: string): RuleDefinition | undefined {
  return registry.get(id);
}

/** The category of a rule, with its default applied. */
export function categoryOf(rule: RuleDefinition): RuleCategory {
  return rule.category ?? (rule.severity === 'error' ? 'peapod' : 'lint');
}

/**
 * Why `level` cannot be given to rule `id`, or `undefined` when it can.
 * Shared by the project configuration and {@link Rules}.
 */
export function ruleLevelError(id: string, level: unknown): string | undefined {
  const rule = registry.get(id);
  if (rule === undefined) {
    const near = nearestRuleId(id);
    return `no rule has the id "${id}"${near ? `; did you mean "${near}"?` : ''} (docs/rules.md lists them)`;
  }
  if (level !== 'error' && level !== 'warning' && level !== 'off') {
    return `level ${JSON.stringify(level)} of rule "${id}" is not one of "error", "warning", "off"`;
  }
  if (categoryOf(rule) === 'api-server' && level !== 'error') {
    return `rule "${id}" mirrors the Kubernetes API server, which would refuse the manifest; it cannot be set to "${level}"`;
  }
  return undefined;
}

// Ids a typo is most likely to have meant: the one with the fewest edits, if few.
function nearestRuleId(id: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const known of registry.keys()) {
    const distance = editDistance(id, known);
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Throws when a rule setting is not one that can be made: an unknown rule,
 * an invalid level, a rule of the API server, or an empty reason. `where`
 * starts the message.
 */
export function checkRuleSetting(where: string, rule: string, setting: RuleSetting): void {
  const wrong = ruleLevelError(rule, setting?.level);
  if (wrong !== undefined) {
    throw new Error(`${where}: ${wrong}`);
  }
  if (typeof setting.reason !== 'string' || setting.reason.trim().length === 0) {
    throw new Error(`${where}: rule "${rule}" needs a reason; say why the default does not fit here`);
  }
}

const settingsByConstruct = new WeakMap<IConstruct, Map<string, RuleSetting>>();
// Whether any construct was given a rule setting in this process; until
// one is, resolving problems need not look for settings up the tree.
let anyConstructSettings = false;

/**
 * Rule settings of one construct, which apply to it and to every construct
 * under it (set them on a Chart for all of its Pods). The nearest setting
 * wins over those further up and over the project configuration.
 *
 * ```ts
 * Rules.of(pod).set('latest-tag', 'off', 'the dev image is rebuilt on every push');
 * ```
 */
export class Rules {
  /** The rule settings of `scope`. */
  public static of(scope: IConstruct): Rules {
    return new Rules(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Sets the level of a rule here and below. Throws when the rule is
   * unknown, the level invalid, the rule one the API server enforces, or
   * the reason empty.
   */
  public set(rule: RuleIdInput, level: RuleLevel, reason: string): this {
    checkRuleSetting(`Rules.of(${this.scope.node.path || 'app'}).set`, rule, { level, reason });
    const settings = settingsByConstruct.get(this.scope) ?? new Map<string, RuleSetting>();
    settingsByConstruct.set(this.scope, settings.set(rule, { level, reason }));
    anyConstructSettings = true;
    return this;
  }

  /** Turns a rule off here and below; short for `set(rule, 'off', reason)`. */
  public suppress(rule: RuleIdInput, reason: string): this {
    return this.set(rule, 'off', reason);
  }

  /** The setting of a rule that applies here: this construct's, or the nearest one above. */
  public settingOf(rule: RuleIdInput): RuleSetting | undefined {
    if (!anyConstructSettings) {
      return undefined;
    }
    for (let scope: IConstruct | undefined = this.scope; scope !== undefined; scope = scope.node.scope) {
      const setting = settingsByConstruct.get(scope)?.get(rule);
      if (setting !== undefined) {
        return setting;
      }
    }
    return undefined;
  }
}

/** Ports from `min` to `max`, both included. */
export interface PortRange {
  readonly min: number;
  readonly max: number;
}

/** Project-wide rule levels and strict mode, as read from `peapod.config.json`. */
export interface ProjectRules {
  /** Levels by rule id. */
  readonly rules: ByRuleId<RuleLevel>;
  /** Warnings fail synth. */
  readonly strict: boolean;
  /**
   * The ports a Service's nodePort may take on the cluster (`serviceNodePortRange`).
   * @default - 30000–32767, Kubernetes' default
   */
  readonly serviceNodePortRange?: PortRange;
  /**
   * Pod Security levels of the project.
   * @default - none: nothing is enforced
   */
  readonly podSecurity?: PodSecurityConfig;
}

/** No configuration: every rule at its default, warnings do not fail. */
export const DEFAULT_PROJECT_RULES: ProjectRules = { rules: {}, strict: false };

/**
 * The problems of `construct` with their configured severities: a
 * construct setting wins over the project's, which wins over the severity
 * reported; `off` drops the problem; strict mode turns warnings into
 * errors. Rules the API server enforces keep their severity. Applying it
 * twice gives the same result. When nothing changes (no setting applies,
 * as for most constructs) the list itself is returned, not a copy.
 */
export function resolveProblems(construct: IConstruct, problems: readonly Problem[], project: ProjectRules = DEFAULT_PROJECT_RULES): readonly Problem[] {
  // Nothing is configured: every problem keeps the severity it was reported with, unless a rule of the API server was reported as a warning.
  if (!anyConstructSettings && !project.strict && !hasKeys(project.rules) && problems.every((p) => p.severity === 'error' || !apiServerRules.has(p.rule))) {
    return problems;
  }
  const rules = Rules.of(construct);
  // Copied from the first problem that changes or is dropped.
  let resolved: Problem[] | undefined;
  for (let i = 0; i < problems.length; i++) {
    const problem = problems[i];
    const locked = apiServerRules.has(problem.rule);
    // A level set where the problem is (a container) has already been applied.
    const setHere = problem.reason !== undefined;
    const level: RuleLevel = locked
      ? 'error'
      : setHere
        ? problem.severity
        : (rules.settingOf(problem.rule)?.level ?? project.rules[problem.rule] ?? problem.severity);
    const severity: Severity | undefined = level === 'off' ? undefined : project.strict ? 'error' : level;
    if (resolved === undefined && severity === problem.severity) {
      continue;
    }
    resolved ??= problems.slice(0, i);
    if (severity !== undefined) {
      resolved.push(severity === problem.severity ? problem : { ...problem, severity });
    }
  }
  return resolved ?? problems;
}
