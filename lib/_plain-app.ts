import * as os from 'os';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { warningReport } from './_warnings';
import { CONFIG_FILE_NAME, projectRules, readConfigFile } from './validation/config';
import { Problem } from './validation/problem';
import { ProjectRules } from './validation/rules';

/** What the check needs of the validation engine (passed in: the engine calls this file). */
export interface EngineHooks {
  readonly attachProjectRules: (root: IConstruct, rules: () => ProjectRules) => void;
  readonly problemsOf: (root: IConstruct) => readonly Problem[];
}

/*
 * Peapod constructs under an app that is not Peapod's (`new cdk8s.App()`,
 * `Testing.app()`): cdk8s validates and writes. The project's
 * peapod.config.json still sets the rule levels and strict mode (errors,
 * and warnings in strict mode, fail cdk8s's validation through each
 * construct's own validation), and the warnings are printed as Peapod's
 * App prints them, once for each validation that finds other warnings
 * than the last. What only Peapod's App does: the YAML writer kubectl
 * reads back exactly, keys such as `constructor`, and the all-or-nothing
 * write; an app that writes files (not Testing.app()'s) is told so, once.
 */

const checked = new WeakSet<IConstruct>();

/** Makes the validation of the app `root` (not Peapod's) apply peapod.config.json and print Peapod's warnings. */
export function checkUnderPlainApp(root: IConstruct, engine: EngineHooks): void {
  if (checked.has(root)) {
    return;
  }
  checked.add(root);
  // Read now, so that a broken file fails at once; rule ids are checked at validation time, once every module has declared its rules.
  const config = readConfigFile(path.resolve(CONFIG_FILE_NAME)) ?? {};
  let resolved: { rules: ProjectRules; errors: string[] } | undefined;
  const rules = () => (resolved ??= projectRules(config));
  engine.attachProjectRules(root, () => rules().rules);
  let printed = '';
  let noted = false;
  // The app's own validation, which cdk8s runs before those of the constructs in it.
  root.node.addValidation({
    validate: () => {
      const { rules: project, errors } = rules();
      if (!noted && writesFiles(root)) {
        process.stderr.write(WRITER_NOTE);
        noted = true;
      }
      const warnings = project.strict ? [] : engine.problemsOf(root).filter((p) => p.severity === 'warning');
      const report = warnings.length > 0 ? warningReport(warnings, process.env.PEAPOD_WARNINGS === 'all') : '';
      if (report !== printed) {
        process.stderr.write(report);
        printed = report;
      }
      return errors.map((error) => `${CONFIG_FILE_NAME}: ${error}`);
    },
  });
}

// Said once per app that writes files with cdk8s's own writer.
const WRITER_NOTE =
  "note: this app is cdk8s's App, so its synth writes with cdk8s's YAML writer, which kubectl may read differently (a label value on becomes true, 0o17 a number), and not all or nothing. Fix: create it with Peapod's App (import { App } from 'peapod')\n";

// A cdk8s App whose output folder is not one of Testing.app()'s temporary folders.
function writesFiles(root: IConstruct): boolean {
  const outdir = (root as { outdir?: unknown }).outdir;
  return typeof outdir === 'string' && !path.resolve(outdir).startsWith(path.join(os.tmpdir(), 'cdk8s.outdir.'));
}
