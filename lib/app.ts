import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { chartsWithoutDependencies, withChartsInTreeOrder } from './_chart-order';
import { withSynthCaches } from './_synth';
import { CONFIG_FILE_NAME, PeapodConfig, projectRules, readConfigFile } from './validation/config';
import { _attachProjectRules, _withValidated, collectProblems, IAppCheck } from './validation/engine';
import { formatProblem, Problem } from './validation/problem';
import { ProjectRules } from './validation/rules';
import { quoteAmbiguousStrings } from './_yaml-quoting';

/** Properties of an {@link App}. */
export interface AppProps extends cdk8s.AppProps {
  /**
   * The project configuration: rule levels and strict mode.
   * @default - read from `configFile`
   */
  readonly config?: PeapodConfig;
  /**
   * The configuration file, read when `config` is not given.
   * @default - `peapod.config.json` in the working directory, if there is one; otherwise every rule at its default
   */
  readonly configFile?: string;
  /**
   * Warnings fail synth, as errors do.
   * @default - the configuration's `strict`, false when it has none
   */
  readonly strict?: boolean;
  /**
   * Receives the warnings of a synth, before it writes or fails.
   * @default - they are printed to stderr, one per line, with the construct path
   */
  readonly onWarnings?: (warnings: readonly Problem[]) => void;
}

/**
 * A cdk8s App whose synth validates the whole app first and is all or
 * nothing. Every problem of every construct that has `problems()` (Pods,
 * workloads, Services) is collected with the severity the project
 * configuration and per-construct `Rules` give it. Errors, or warnings in
 * strict mode, fail synth with one error listing all of them, and no
 * manifest is left in the output folder, neither partial nor stale.
 * Otherwise the warnings are printed, and the manifests are written to a
 * scratch folder beside the output and moved into place.
 */
export class App extends cdk8s.App {
  private readonly config: PeapodConfig;
  private readonly configSource: string;
  private readonly strict?: boolean;
  private readonly onWarnings: (warnings: readonly Problem[]) => void;
  private readonly checks: IAppCheck[] = [];
  private resolvedConfig?: { rules: ProjectRules; errors: string[] };

  public constructor(props: AppProps = {}) {
    super(props);
    const file = path.resolve(props.configFile ?? CONFIG_FILE_NAME);
    // Read now, so that a broken file fails at once; rule ids are checked
    // at validation time, once every module has declared its rules.
    this.config = props.config ?? readConfigFile(file) ?? {};
    this.configSource = props.config ? 'App config' : path.relative(process.cwd(), file) || file;
    this.strict = props.strict;
    this.onWarnings = props.onWarnings ?? printWarnings;
    _attachProjectRules(this, () => this.projectRules);
  }

  /** Rule levels and strict mode in force for this app. */
  public get projectRules(): ProjectRules {
    return this.resolveConfig().rules;
  }

  private resolveConfig(): { rules: ProjectRules; errors: string[] } {
    this.resolvedConfig ??= projectRules(this.config, this.strict);
    return this.resolvedConfig;
  }

  /**
   * Adds a check over the whole app, run at every synth after the
   * constructs' own problems; its problems obey the same configuration.
   */
  public addCheck(check: IAppCheck): this {
    this.checks.push(check);
    return this;
  }

  /**
   * The charts of this app, sorted topologically, as cdk8s sorts them;
   * without a dependency in the app, found without building cdk8s's
   * dependency graph over every construct.
   */
  public get charts(): cdk8s.Chart[] {
    return chartsWithoutDependencies(this) ?? super.charts;
  }

  /** Every problem of the app, errors and warnings, with configured severities, in tree order. */
  public problems(): Problem[] {
    return collectProblems(this, this.checks).problems;
  }

  public synth(): void {
    // One synth: each manifest is rendered once, for validation and for writing alike.
    withSynthCaches(() => this.validateThenWrite());
  }

  private validateThenWrite(): void {
    // The problems are reported before anything is written, and then
    // dropped: at 10,000 Pods their warnings held 15 MiB through writing.
    this.reportProblems();
    _withValidated(this, () => this.writeAllOrNothing());
  }

  /** Hands the warnings to `onWarnings`, then throws a SynthError if anything stops synth. */
  private reportProblems(): void {
    const { problems, otherErrors } = collectProblems(this, this.checks);
    const errors = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity === 'warning');
    const configErrors = this.resolveConfig().errors.map((error) => `[${this.configSource}] ${error}`);
    // Warnings are reported whether synth goes on or not; the error lists only what stops it.
    if (warnings.length > 0) {
      this.onWarnings(warnings);
    }
    if (errors.length + otherErrors.length + configErrors.length > 0) {
      removeManifests(this.outdir, this.outputFileExtension);
      throw new SynthError(failureMessage([...configErrors, ...errors.map(withConstruct), ...otherErrors], this.projectRules.strict));
    }
  }

  private writeAllOrNothing(): void {
    const outdir = this.outdir;
    const scratch = fs.mkdtempSync(path.join(path.dirname(path.resolve(outdir)), `.${path.basename(outdir)}.synth-`));
    try {
      (this as { outdir: string }).outdir = scratch;
      // Within synth()'s caches and YAML writer.
      withChartsInTreeOrder(() => super.synth());
      quoteAmbiguousStrings(scratch, this.outputFileExtension);
    } catch (error) {
      fs.rmSync(scratch, { recursive: true, force: true });
      removeManifests(outdir, this.outputFileExtension);
      throw asSynthError(error);
    } finally {
      (this as { outdir: string }).outdir = outdir;
    }
    try {
      fs.mkdirSync(outdir, { recursive: true });
      removeManifests(outdir, this.outputFileExtension);
      moveInto(scratch, outdir);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
}

/** The error a failed synth throws: the list of problems, without a stack trace to wade through. */
export class SynthError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'SynthError';
    // Node prints `stack` for an uncaught error; the problems are what matters.
    this.stack = `${this.name}: ${message}`;
  }
}

const HOW_TO_CONFIGURE =
  "Change a rule's level in peapod.config.json, or for one construct with Rules.of(construct).set(rule, level, reason); docs/rules.md lists the rules.";

function withConstruct(problem: Problem): string {
  return `[${problem.construct}] ${formatProblem(problem)}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function failureMessage(errors: readonly string[], strict: boolean): string {
  const mode = strict ? ' (strict mode: warnings count as errors)' : '';
  return `synth failed with ${plural(errors.length, 'error')}${mode}; no manifest was written:\n  ${errors.join('\n  ')}`;
}

function printWarnings(warnings: readonly Problem[]): void {
  process.stderr.write(`${plural(warnings.length, 'warning')}:\n  ${warnings.map(withConstruct).join('\n  ')}\n${HOW_TO_CONFIGURE}\n`);
}

function asSynthError(error: unknown): Error {
  if (error instanceof Error && error.message.startsWith('Validation failed with the following errors:')) {
    const lines = error.message
      .split('\n')
      .slice(1)
      .map((line) => line.trim());
    return new SynthError(failureMessage(lines, false));
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Removes the manifests an App writes from `outdir`: the files ending in
 * `extension` in it and in the folders in it (one per chart with
 * FOLDER_PER_CHART_FILE_PER_RESOURCE, whatever the output type is now, so
 * that switching types leaves none behind), then the folders that this
 * left empty. cdk8s writes no deeper than that; any other file stays.
 */
function removeManifests(outdir: string, extension: string): void {
  if (!fs.existsSync(outdir)) {
    return;
  }
  for (const entry of fs.readdirSync(outdir, { withFileTypes: true })) {
    const at = path.join(outdir, entry.name);
    if (entry.isDirectory()) {
      const files = fs.readdirSync(at);
      const manifests = files.filter((file) => file.endsWith(extension));
      for (const file of manifests) {
        fs.rmSync(path.join(at, file), { force: true });
      }
      if (manifests.length > 0 && manifests.length === files.length) {
        fs.rmdirSync(at);
      }
    } else if (entry.name.endsWith(extension)) {
      fs.rmSync(at, { force: true });
    }
  }
}

/** Moves what is in folder `from` into folder `to`, into the folders `to` already has of the same name. */
function moveInto(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory() && fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
      moveInto(source, target);
    } else {
      fs.renameSync(source, target);
    }
  }
}
