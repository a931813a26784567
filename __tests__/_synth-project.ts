import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/*
 * A copy of this project in a temporary folder, for the tests that run
 * scripts/synth.js as a user does, and edit its sources or kill it.
 */

export const ROOT = path.resolve(__dirname, '..');

/**
 * Copies `files` of this project into `project`, links node_modules, and
 * builds the one module of the package build that scripts/synth.js loads
 * (lib/_output-folder.ts) from this tree's source, so a stale build/ is
 * never what is tested.
 */
export function copyProject(project: string, files: readonly string[]): string {
  for (const file of files) {
    fs.cpSync(path.join(ROOT, file), path.join(project, file), { recursive: true });
  }
  fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(project, 'node_modules'), 'dir');
  const source = fs.readFileSync(path.join(ROOT, 'lib', '_output-folder.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  fs.mkdirSync(path.join(project, 'build', 'lib'), { recursive: true });
  fs.writeFileSync(path.join(project, 'build', 'lib', '_output-folder.js'), js);
  return project;
}
