import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { chartsWithoutDependencies, OutputFile, outputFiles } from './_chart-order';
import { OutputFolderError, replaceManifests } from './_output-folder';
import { renderedManifest, withinOnePass } from './_synth';
import { stringifyDocument, UnwritableValue } from './_yaml';
import { CONFIG_FILE_NAME, PeapodConfig, projectRules, readConfigFile } from './validation/config';
import { _allConstructs, _attachProjectRules, _declaringConstruct, collectProblems, IAppCheck, IAppChecks } from './validation/engine';
import { Problem } from './validation/problem';
import { plural, warningReport, withConstruct } from './_warnings';
import { ProjectRules } from './validation/rules';

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
   * @default - they are printed to stderr grouped by rule, each rule's fix once with its first places (only the rules when errors follow); every one with PEAPOD_WARNINGS=all
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
 * Otherwise the warnings are printed, and the manifests are written as
 * cdk8s lays them out (file names, order, `yamlOutputType`), by Peapod's
 * writer, which kubectl reads back exactly as declared, into a scratch
 * folder that then takes the output folder's place (see _output-folder.ts).
 */
export class App extends cdk8s.App implements IAppChecks {
  private readonly configSource: string;
  private readonly resolveConfig: () => { rules: ProjectRules; errors: string[] };
  private readonly onWarnings?: (warnings: readonly Problem[]) => void;
  private readonly checks: IAppCheck[] = [];
  private readonly recordMetadata: boolean;

  public constructor(props: AppProps = {}) {
    super(props);
    const file = path.resolve(props.configFile ?? CONFIG_FILE_NAME);
    // Read now, so that a broken file fails at once; rule ids are checked
    // at validation time, once every module has declared its rules.
    const config = props.config ?? readConfigFile(file) ?? {};
    let resolved: { rules: ProjectRules; errors: string[] } | undefined;
    this.resolveConfig = () => (resolved ??= projectRules(config, props.strict));
    this.configSource = props.config ? 'App config' : path.relative(process.cwd(), file) || file;
    this.onWarnings = props.onWarnings;
    // As cdk8s reads it: construct-metadata.json is written beside the manifests.
    this.recordMetadata = props.recordConstructMetadata ?? process.env.CDK8S_RECORD_CONSTRUCT_METADATA === 'true';
    _attachProjectRules(this, () => this.projectRules);
  }

  /** Rule levels and strict mode in force for this app. */
  public get projectRules(): ProjectRules {
    return this.resolveConfig().rules;
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
    return chartsWithoutDependencies(this, _allConstructs(this)) ?? super.charts;
  }

  /** Every problem of the app, errors and warnings, with configured severities, in tree order. */
  public problems(): Problem[] {
    return collectProblems(this, this.checks).problems;
  }

  /**
   * Validates the app, then writes each chart's manifests, as cdk8s lays
   * them out, with Peapod's writer, all or nothing (see the class).
   */
  public synth(): void {
    // One pass: each manifest is rendered once, for validation and writing alike.
    withinOnePass(() => {
      try {
        this.reportProblems();
        const files = outputFiles(this, _allConstructs(this));
        replaceManifests(this.outdir, this.outputFileExtension, (dir) => this.writeFiles(dir, files));
      } catch (error) {
        const failures = failuresIn(error);
        if (failures !== undefined) {
          this.failWith(failures, false);
        }
        throw asSynthError(error, this.outdir);
      }
    });
  }

  /** Hands the warnings to `onWarnings`, then throws a SynthError, leaving no manifest, if anything stops synth. */
  private reportProblems(): void {
    const { problems, otherErrors } = collectProblems(this, this.checks);
    const errors = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity === 'warning');
    const configErrors = this.resolveConfig().errors.map((error) => `[${this.configSource}] ${error}`);
    const failures = [...configErrors, ...errors.map(withConstruct), ...otherErrors];
    // Warnings are reported whether synth goes on or not; the error lists only what stops it.
    if (warnings.length > 0 && this.onWarnings !== undefined) {
      this.onWarnings(warnings);
    } else if (warnings.length > 0) {
      process.stderr.write(warningReport(warnings, process.env.PEAPOD_WARNINGS === 'all', failures.length > 0));
    }
    if (failures.length > 0) {
      this.failWith(failures, this.projectRules.strict);
    }
  }

  // Throws the failure, after removing the manifests of the output folder: none is left, neither partial nor stale.
  private failWith(failures: readonly string[], strict: boolean): never {
    if (fs.existsSync(this.outdir)) {
      try {
        replaceManifests(this.outdir, this.outputFileExtension, () => undefined);
      } catch (error) {
        throw asSynthError(error, this.outdir);
      }
    }
    const mode = strict ? ' (strict mode: warnings count as errors)' : '';
    throw new SynthError(`synth failed with ${plural(failures.length, 'error')}${mode}; no manifest was written:\n  ${failures.join('\n  ')}`);
  }

  // Writes the files into `dir`; a value that cannot be written fails synth, with every such value named.
  private writeFiles(dir: string, files: readonly OutputFile[]): void {
    const unwritable: string[] = [];
    for (const { file, objects } of files) {
      const at = path.join(dir, file);
      fs.mkdirSync(path.dirname(at), { recursive: true });
      writeDocuments(at, objects, unwritable);
    }
    if (this.recordMetadata) {
      const resources = Object.fromEntries(files.flatMap((f) => f.objects).map((object) => [object.name, { path: object.node.path }]));
      fs.writeFileSync(path.join(dir, 'construct-metadata.json'), JSON.stringify({ version: '1.0.0', resources }));
    }
    if (unwritable.length > 0) {
      throw new UnwritableManifests(unwritable);
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

// The values the writer refused, as `[construct] field: problem` lines.
class UnwritableManifests extends Error {
  public constructor(public readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}

// Characters written at a time: few system calls, little text held.
const WRITE_CHUNK = 64 * 1024;

/**
 * Writes the manifests of `objects` to `file` as one YAML stream, a few
 * documents at a time, so that a large chart's text never sits in memory
 * whole. A document that cannot be written is left out, and named in `unwritable`.
 */
function writeDocuments(file: string, objects: readonly cdk8s.ApiObject[], unwritable: string[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    let chunk: string[] = [];
    let length = 0;
    for (let i = 0; i < objects.length; i++) {
      let text: string;
      try {
        text = stringifyDocument(renderedManifest(objects[i]));
      } catch (error) {
        if (!(error instanceof UnwritableValue)) {
          throw error;
        }
        unwritable.push(`[${_declaringConstruct(objects[i]).node.path}] ${error.field}: ${error.problem}`);
        continue;
      }
      // Two pieces: `+` would copy each document's text once more.
      chunk.push(i > 0 ? '---\n' : '', text);
      length += text.length;
      if (length >= WRITE_CHUNK) {
        fs.writeSync(fd, chunk.join(''), null, 'utf8');
        chunk = [];
        length = 0;
      }
    }
    fs.writeSync(fd, chunk.join(''), null, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

// What Node's file system errors mean for a synth.
const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission was denied',
  EPERM: 'the operation is not permitted',
  EXDEV: 'it is on another file system than its parent folder',
  EBUSY: 'it is busy (a mount point?)',
  EIO: 'the disk reported an input/output error',
};

// What cdk8s says when an object cannot be rendered.
const RENDER_FAILED = /^Failed serializing construct at path '([^']*)' with name '[^']*': ([\s\S]*)$/;

/** The problems in `error`, as `[construct] message` lines, when it is about what the app declared. */
function failuresIn(error: unknown): string[] | undefined {
  if (error instanceof UnwritableManifests) {
    return [...error.lines];
  }
  if (!(error instanceof Error) || error instanceof SynthError) {
    return undefined;
  }
  const render = RENDER_FAILED.exec(error.message);
  const at = render ? `[${render[1].replace(/\/Resource$/, '')}] ` : '';
  if (error instanceof RangeError || /Maximum call stack size exceeded/.test(error.message)) {
    return [
      `${at}a value given to an escape hatch (extraSpec, extraFields, securityContext, an L1 object) refers to itself (a cycle) or nests too deeply to render. Fix: give plain data, each object once on its path`,
    ];
  }
  if (render) {
    const hint = /non-simple object of type 'undefined'/.test(render[2]) ? ' (a map with a key "constructor", which the L1 classes cannot render; Peapod\'s own constructs write such keys)' : '';
    return [`${at}cdk8s could not render the object: ${render[2]}${hint}. Fix: give its L1 props plain data`];
  }
  return undefined;
}

/** A Peapod message for what stopped a synth in the output folder or the file system. */
function asSynthError(error: unknown, outdir: string): Error {
  if (error instanceof SynthError) {
    return error;
  }
  if (error instanceof OutputFolderError) {
    return new SynthError(`synth failed: ${error.message}`);
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && WRITE_FAILURES[code] !== undefined) {
    const at = (error as NodeJS.ErrnoException).path ?? outdir;
    return new SynthError(`synth failed: could not write ${at}: ${WRITE_FAILURES[code]} (${code}); the output folder ${outdir} was left as it was. Fix that, then synth again`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
