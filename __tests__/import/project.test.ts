import * as fs from 'fs';
import * as path from 'path';
import { compilerFor, nativeCompilerFor, PEAPOD_ROOT, peapodSpecifier } from '../../lib/import/_project';
import { typeCheckGenerated } from '../../lib/import/verify';
import { run } from '../../lib/import/cli';
import { withTempDir } from '../_support';
import { wroteChart } from './_problems';

const REPO = path.join(__dirname, '..', '..');
const tutorial = path.join(__dirname, 'fixtures', 'tutorial.yaml');

/** A project like one made by `cdk8s init typescript-app`, with Peapod installed as `node_modules/peapod` (a link to this repository). */
function consumerProject(dir: string, options: { typescript?: 'linked' | 'without-api' } = {}): void {
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', dependencies: { peapod: '*' } }));
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', lib: ['ES2022'], strict: true, skipLibCheck: true, esModuleInterop: true, types: ['node'], typeRoots: [path.join(REPO, 'node_modules', '@types')] } }),
  );
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.mkdirSync(path.join(dir, 'lib'));
  fs.symlinkSync(REPO, path.join(dir, 'node_modules', 'peapod'));
  for (const name of ['cdk8s', 'constructs', 'cdk8s-plus-27']) {
    fs.symlinkSync(path.join(REPO, 'node_modules', name), path.join(dir, 'node_modules', name));
  }
  if (options.typescript === 'linked') {
    fs.symlinkSync(path.join(REPO, 'node_modules', 'typescript'), path.join(dir, 'node_modules', 'typescript'));
  } else if (options.typescript === 'without-api') {
    // As TypeScript 7 is: a typescript package with a compiler but no JavaScript API.
    fs.mkdirSync(path.join(dir, 'node_modules', 'typescript'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'typescript', 'package.json'), JSON.stringify({ name: 'typescript', version: '7.0.0', main: 'index.js' }));
    fs.writeFileSync(path.join(dir, 'node_modules', 'typescript', 'index.js'), 'module.exports = { version: "7.0.0" };\n');
  }
}

describe('the code imports Peapod from wherever Peapod is, found without a flag', () => {
  test('inside this repository: the relative path to lib from where the file goes', () => {
    expect(PEAPOD_ROOT).toBe(fs.realpathSync(REPO));
    expect(peapodSpecifier(path.join(REPO, 'lib', 'charts'))).toBe('..');
    expect(peapodSpecifier(path.join(REPO, 'lib'))).toBe('.');
    expect(peapodSpecifier(REPO)).toBe('./lib');
    expect(peapodSpecifier(path.join(REPO, 'examples', 'legacy'))).toBe('../../lib');
  });

  test("anywhere else, and in a package under node_modules: 'peapod'", () => {
    withTempDir((dir) => expect(peapodSpecifier(dir)).toBe('peapod'));
    expect(peapodSpecifier(path.join(REPO, 'node_modules', 'some-package'))).toBe('peapod');
  });

  test('with -o into lib/charts/ of this repository, the code compiles there and imports from ..', () => {
    const charts = path.join(REPO, 'lib', 'charts-import-test');
    fs.mkdirSync(charts);
    try {
      const out = path.join(charts, 'legacy.ts');
      expect(run(['import', tutorial, '-o', out])).toEqual({ code: 0, stdout: '', stderr: wroteChart('TutorialChart', out) });
      expect(fs.readFileSync(out, 'utf8')).toContain("import { Container, Pod, Volume } from '..';");
    } finally {
      fs.rmSync(charts, { recursive: true, force: true });
    }
  });
});

describe('peapod import in a project that installed Peapod', () => {
  test("writes code that imports 'peapod', checked with the project's tsconfig where it goes", () => {
    withTempDir((dir) => {
      consumerProject(dir, { typescript: 'linked' });
      const out = path.join(dir, 'lib', 'legacy.ts');
      expect(run(['import', tutorial, '-o', out])).toEqual({ code: 0, stdout: '', stderr: wroteChart('TutorialChart', out) });
      expect(fs.readFileSync(out, 'utf8')).toContain("import { Container, Pod, Volume } from 'peapod';");
    });
  });

  test("the compile check applies the project's tsconfig: one naming type definitions that are not installed fails it", () => {
    withTempDir((dir) => {
      consumerProject(dir, { typescript: 'linked' });
      const config = JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8'));
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...config.compilerOptions, types: ['node', 'not-installed'] } }));
      const out = path.join(dir, 'lib', 'legacy.ts');
      const outcome = run(['import', tutorial, '-o', out]);
      expect(outcome.code).toBe(70);
      expect(outcome.stderr).toContain("does not compile: Cannot find type definition file for 'not-installed'.");
      expect(fs.existsSync(out)).toBe(false);
    });
  });

  test("uses the project's own typescript when it has a compiler API, else the one beside Peapod", () => {
    withTempDir((dir) => {
      consumerProject(dir, { typescript: 'linked' });
      expect(compilerFor(path.join(dir, 'lib')).from).toBe('project');
    });
    withTempDir((dir) => {
      consumerProject(dir, { typescript: 'without-api' });
      expect(compilerFor(path.join(dir, 'lib'))).toMatchObject({ from: 'peapod' });
      const out = path.join(dir, 'lib', 'legacy.ts');
      expect(run(['import', tutorial, '-o', out]).code).toBe(0);
    });
  });
});

describe('the compile check by the native compiler (TypeScript 7), when the project has it', () => {
  const withNative = (dir: string) => {
    consumerProject(dir, { typescript: 'linked' });
    fs.symlinkSync(path.join(REPO, 'node_modules', 'typescript-7'), path.join(dir, 'node_modules', 'typescript-7'));
  };

  test('is found as the project installed it, and run without the Node launcher', () => {
    withTempDir((dir) => {
      withNative(dir);
      expect(nativeCompilerFor(path.join(dir, 'lib'))).toEqual({ command: [expect.stringMatching(/[/\\]lib[/\\]tsc(\.exe)?$/)], version: '7.0.2' });
    });
    withTempDir((dir) => {
      consumerProject(dir, { typescript: 'without-api' });
      // A typescript 7 package without its compiler's executable or launcher is no compiler to run.
      expect(nativeCompilerFor(path.join(dir, 'lib'))).toBeUndefined();
    });
  });

  test('reports errors under the destination name, and leaves nothing behind, not even the folders it made', () => {
    withTempDir((dir) => {
      withNative(dir);
      const broken = "import { Pod } from 'peapod';\nexport const n: number = 'three';\nexport const p: typeof Pod = Pod;\n";
      const destination = path.join(dir, 'lib', 'new', 'deeper', 'legacy.ts');
      expect(typeCheckGenerated([{ path: destination, text: broken }])).toEqual(["legacy.ts:2:14: Type 'string' is not assignable to type 'number'."]);
      expect(fs.readdirSync(dir).sort()).toEqual(['lib', 'node_modules', 'package.json', 'tsconfig.json']);
      expect(fs.readdirSync(path.join(dir, 'lib'))).toEqual([]);
    });
  });

  test("applies the project's tsconfig: its type libraries resolve from the project, a missing one fails the check", () => {
    withTempDir((dir) => {
      withNative(dir);
      const config = JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8'));
      delete config.compilerOptions.typeRoots;
      fs.mkdirSync(path.join(dir, 'node_modules', '@types'));
      fs.symlinkSync(path.join(REPO, 'node_modules', '@types', 'node'), path.join(dir, 'node_modules', '@types', 'node'));
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(config));
      const uses = "export const b: Buffer = Buffer.from('x');\n";
      expect(typeCheckGenerated([{ path: path.join(dir, 'lib', 'legacy.ts'), text: uses }])).toEqual([]);
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...config.compilerOptions, types: ['node', 'not-installed'] } }));
      expect(typeCheckGenerated([{ path: path.join(dir, 'lib', 'legacy.ts'), text: uses }])).toEqual(["Cannot find type definition file for 'not-installed'."]);
      expect(fs.readdirSync(path.join(dir, 'lib'))).toEqual([]);
    });
  });
});
