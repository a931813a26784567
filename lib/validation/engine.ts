import { ApiObject } from 'cdk8s';
import { IConstruct, IValidation } from 'constructs';
import { renamedKeysIn } from '../_plain';
import { checkUnderPlainApp } from '../_plain-app';
import { oncePerPass, withinOnePass } from '../_synth';
import { formatProblem, Problem, RuleReport } from './problem';
// Declares the rule problemsOf reports, unexpected-value-type.
import './escape-hatch';
import { DEFAULT_PROJECT_RULES, ProjectRules, resolveProblems } from './rules';

/** A construct that can say what is wrong with it: Pods, workloads, Services. */
export interface IProblemSource extends IConstruct {
  /** Every problem of the construct, errors and warnings. */
  problems(): readonly Problem[];
}

/** The construct that declared an ApiObject: an L2 construct renders its manifest as the child `Resource`, and what is found in it belongs to the L2. @internal */
export function _declaringConstruct(apiObject: IConstruct): IConstruct {
  return apiObject.node.id === 'Resource' && apiObject.node.scope ? apiObject.node.scope : apiObject;
}

/** Whether a construct reports problems through `problems()`. */
export function isProblemSource(construct: IConstruct): construct is IProblemSource {
  return typeof (construct as Partial<IProblemSource>).problems === 'function';
}

/**
 * Adds to a problem source's own problems those a module finds in what it
 * renders, and may fold its own into them (the Pod Security checks of a
 * Pod spec, merged with the lints of the same fields). Returns `own` when
 * it has nothing to add.
 */
export type ProblemAugmenter = (source: IProblemSource, own: readonly Problem[]) => readonly Problem[];

const augmenters: ProblemAugmenter[] = [];

/** Registers an augmenter; a module calls it once, at its top level, as it declares its rules. @internal */
export function _addProblemAugmenter(augmenter: ProblemAugmenter): void {
  augmenters.push(augmenter);
}

const moduleChecks: IAppCheck[] = [];

/**
 * Registers a check that every Peapod App runs at synth, besides those
 * given to `addCheck()`; a module calls it once, at its top level. @internal
 */
export function _addModuleCheck(check: IAppCheck): void {
  moduleChecks.push(check);
}

/**
 * The problems of a source: its own `problems()`, with what the augmenters
 * add. A TypeError on the way (a rule, or the render of a value given
 * through `as any` or a JSON patch, met a value of a type it does not
 * expect) is reported as one error of the source, not thrown at the user
 * as a stack trace.
 */
export function problemsOf(source: IProblemSource): readonly Problem[] {
  try {
    let problems = source.problems();
    for (const augment of augmenters) {
      problems = augment(source, problems);
    }
    return problems;
  } catch (error) {
    // A render fails as cdk8s's Error, with the TypeError as its cause.
    const typeError = error instanceof TypeError ? error : error instanceof Error && error.cause instanceof TypeError ? error.cause : undefined;
    if (typeError === undefined) {
      throw error;
    }
    const report = new RuleReport(source.node.path);
    report.error('unexpected-value-type', '', `Peapod's checks of this object stopped at a value of a type they do not expect (${typeError}), so its other problems may be missing`);
    return report.problems;
  }
}

const projectRulesByRoot = new WeakMap<IConstruct, () => ProjectRules>();
// One owner object per app and fact, for oncePerPass's cache.
const factOwners = new WeakMap<IConstruct, Record<string, object>>();

/**
 * Facts about the whole app that several constructs look up while they
 * validate (such as every Pod's labels) are computed once per synth or
 * validation pass, so validation stays linear in the size of the app.
 * Outside one (a direct `problems()` call) `compute` runs every time, since
 * the tree may have changed since.
 */
export function _appFactOncePerPass<T>(scope: IConstruct, fact: string, compute: () => T): T {
  const root = scope.node.root;
  let owners = factOwners.get(root);
  if (owners === undefined) {
    owners = {};
    factOwners.set(root, owners);
  }
  return oncePerPass((owners[fact] ??= {}), compute);
}

/**
 * Every construct of the app `scope` belongs to, in tree order; within a
 * synth or validation pass, walked once for all who ask (the pass itself,
 * and facts such as every Pod's labels). @internal
 */
export function _allConstructs(scope: IConstruct): readonly IConstruct[] {
  return _appFactOncePerPass(scope, 'all-constructs', () => scope.node.root.node.findAll());
}

/**
 * Makes `rules()` the project configuration of every construct under
 * `root`; it is asked at validation time, when every module has declared
 * its rules. @internal
 */
export function _attachProjectRules(root: IConstruct, rules: () => ProjectRules): void {
  projectRulesByRoot.set(root, rules);
}

/** The project configuration that applies to `construct`: its App's, or the defaults. */
export function projectRulesOf(construct: IConstruct): ProjectRules {
  return projectRulesByRoot.get(construct.node.root)?.() ?? DEFAULT_PROJECT_RULES;
}

/** `problems` with the severities configured for `construct` and its project. */
export function effectiveProblems(construct: IConstruct, problems: readonly Problem[]): readonly Problem[] {
  return resolveProblems(construct, problems, projectRulesOf(construct));
}

/**
 * Makes the errors of a problem source fail cdk8s validation (`Testing.synth`,
 * `app.synthYaml()`, a plain cdk8s App), with severities as configured.
 * Peapod's App.synth() asks each problem source itself and does not run
 * this hook.
 *
 * Call it in the constructor of every construct that has `problems()`.
 */
export function addProblemValidation(source: IProblemSource): void {
  source.node.addValidation(new ProblemValidation(source));
  const root = source.node.root;
  if (!projectRulesByRoot.has(root)) {
    // Not under Peapod's App: its validation applies the configuration and prints the warnings.
    checkUnderPlainApp(root, { attachProjectRules: _attachProjectRules, problemsOf: (r) => collectProblems(r).problems });
  }
}

// One per problem source: a small object rather than a closure, since an
// app may hold thousands.
class ProblemValidation implements IValidation {
  public constructor(private readonly source: IProblemSource) {}

  public validate(): string[] {
    const problems = effectiveProblems(this.source, problemsOf(this.source)).filter((p) => p.severity === 'error');
    const errors = problems.map(formatProblem);
    if (problems.some((p) => p.rule === 'unexpected-value-type')) {
      return errors; // the render may be what failed
    }
    // Here cdk8s renders the manifests (Testing.synth, synthYaml, a cdk8s App), and it cannot hold some keys.
    for (const child of this.source.node.children) {
      for (const field of ApiObject.isApiObject(child) ? renamedKeysIn(child.toJson()) : []) {
        errors.push(
          `${field}: cdk8s's own rendering (Testing.synth, synthYaml, a cdk8s App) cannot write the key "${field.slice(field.lastIndexOf('.') + 1)}". Fix: synth with Peapod's App, which writes it, or test with app.problems() and the files it writes`,
        );
      }
    }
    return errors;
  }
}

/** What {@link collectProblems} finds. */
export interface CollectedProblems {
  /** The problems of every problem source, with configured severities, in tree order. */
  readonly problems: Problem[];
  /** Errors of other cdk8s validations, as `[construct path] message`. */
  readonly otherErrors: string[];
}

/**
 * A check over the whole app rather than one construct, such as a
 * scheduling preview that needs every Pod and the cluster's nodes. Its
 * problems name the construct they are about by path (`chart/pod`), and
 * obey that construct's rule settings.
 */
export interface IAppCheck {
  /** Every problem found in the app under `root`. */
  check(root: IConstruct): readonly Problem[];
}

/** An app that runs checks over the whole app at synth, as Peapod's App does. */
export interface IAppChecks extends IConstruct {
  /** Adds a check that runs at every synth. */
  addCheck(check: IAppCheck): unknown;
}

/** Whether `construct` runs checks over the whole app (Peapod's App), told by its shape rather than its class. */
export function runsAppChecks(construct: IConstruct): construct is IAppChecks {
  return typeof (construct as Partial<IAppChecks>).addCheck === 'function';
}

/**
 * Every problem of the tree under `root`, from every construct that has
 * `problems()` and from `checks`, plus the errors of other constructs'
 * cdk8s validations, so that one synth reports them all.
 */
export function collectProblems(root: IConstruct, checks: readonly IAppCheck[] = []): CollectedProblems {
  // Within one pass nothing changes the tree: renders and whole-app facts are computed once.
  return withinOnePass(() => collectInPass(root, checks));
}

function collectInPass(root: IConstruct, checks: readonly IAppCheck[]): CollectedProblems {
  // Each construct's list as it is, joined once at the end: pushing every
  // problem of a large app onto one growing list cost more than the join.
  const lists: (readonly Problem[])[] = [];
  const otherErrors: string[] = [];
  for (const construct of root.node.root === root ? _allConstructs(root) : root.node.findAll()) {
    if (construct === root) {
      // The App itself gathers problems; it has none of its own.
      continue;
    }
    if (isProblemSource(construct)) {
      // Resolved again: what the augmenters added is not yet (resolving twice changes nothing).
      const resolved = effectiveProblems(construct, problemsOf(construct));
      if (resolved.length > 0) {
        lists.push(resolved);
      }
    } else {
      // Most constructs (each Pod's L1 object) have no validation, and no error.
      for (const message of construct.node.validate()) {
        otherErrors.push(`[${construct.node.path}] ${message}`);
      }
    }
  }
  for (const check of moduleChecks.length > 0 ? [...moduleChecks, ...checks] : checks) {
    for (const problem of check.check(root)) {
      lists.push(effectiveProblems(constructAt(root, problem.construct), [problem]));
    }
  }
  return { problems: joined(lists), otherErrors };
}

// The lists one after another, in one list allocated at its full length
// (Array.prototype.flat() takes several times longer).
function joined(lists: readonly (readonly Problem[])[]): Problem[] {
  let length = 0;
  for (const list of lists) {
    length += list.length;
  }
  const all = new Array<Problem>(length);
  let next = 0;
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      all[next++] = list[i];
    }
  }
  return all;
}

// The construct at a path such as `chart/pod`, or the nearest one above it that exists.
function constructAt(root: IConstruct, path: string): IConstruct {
  let found = root;
  for (const id of path.split('/').filter((part) => part.length > 0)) {
    const child = found.node.tryFindChild(id);
    if (child === undefined) {
      break;
    }
    found = child;
  }
  return found;
}
