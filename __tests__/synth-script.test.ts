import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { readFolder, readTree, withTempDir } from './_support';
import { copyProject as copyInto, ROOT } from './_synth-project';

/*
 * scripts/synth.js, the app command of `cdk8s synth`: it type-checks with
 * the native TypeScript compiler, runs the app, and skips the compiler when
 * nothing changed since the last successful check. Each test works in a
 * copy of the project, so it can edit sources and drop the cache.
 */

const PROJECT_FILES = ['main.ts', 'lib', 'scripts', 'tsconfig.json', 'package.json', 'package-lock.json', 'peapod.config.json'];

interface Run {
  readonly status: number | null;
  readonly stderr: string;
  /** How many times the run started the TypeScript compiler. */
  readonly compilerStarts: number;
}

const copyProject = (dir: string): string => copyInto(path.join(dir, 'project'), PROJECT_FILES);

/** Runs `node scripts/synth.js` in `project`, writing to `outdir`, and counts the compiler starts through a preloaded hook. */
function synth(project: string, outdir: string): Run {
  const log = path.join(project, '..', `spawns-${Date.now()}-${Math.random()}.log`);
  const hook = path.join(project, '..', 'count-spawns.js');
  fs.writeFileSync(
    hook,
    `const cp = require('child_process'); const spawnSync = cp.spawnSync;
     cp.spawnSync = function (file, args, ...rest) {
       require('fs').appendFileSync(process.env.SPAWN_LOG, JSON.stringify(args) + '\\n');
       return spawnSync.call(this, file, args, ...rest);
     };`,
  );
  const run = childProcess.spawnSync(process.execPath, ['--require', hook, path.join(project, 'scripts', 'synth.js')], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, CDK8S_OUTDIR: outdir, SPAWN_LOG: log },
  });
  const spawns = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
  return { status: run.status, stderr: run.stderr, compilerStarts: spawns.filter((line) => line.includes('typescript-7')).length };
}

const committedDist = () => readFolder(path.join(ROOT, 'dist'));

describe('scripts/synth.js', () => {
  test('checks, runs and writes dist/; when nothing changed it runs again without starting the compiler', () => {
    withTempDir((dir) => {
      const project = copyProject(dir);
      const out = path.join(dir, 'out');
      const first = synth(project, out);
      expect(first).toMatchObject({ status: 0, compilerStarts: 1 });
      expect(readFolder(out)).toEqual(committedDist());

      const stamp = JSON.parse(fs.readFileSync(path.join(project, '.build', 'synth', 'checked.json'), 'utf8'));
      expect(stamp.files).toEqual(expect.arrayContaining(['main.ts', path.join('lib', 'index.ts'), path.join('lib', 'pod.ts')]));
      expect(stamp.files.some((file: string) => file.includes('node_modules') || file.startsWith('..'))).toBe(false);

      fs.rmSync(out, { recursive: true });
      const second = synth(project, out);
      expect(second).toMatchObject({ status: 0, compilerStarts: 0 });
      expect(readFolder(out)).toEqual(committedDist());
    });
  });

  test('a changed library file is checked again before the app runs', () => {
    withTempDir((dir) => {
      const project = copyProject(dir);
      const out = path.join(dir, 'out');
      expect(synth(project, out).status).toBe(0);
      fs.appendFileSync(path.join(project, 'lib', 'labels.ts'), '\n// edited\n');
      expect(synth(project, out)).toMatchObject({ status: 0, compilerStarts: 1 });
      fs.appendFileSync(path.join(project, 'tsconfig.json'), '\n');
      expect(synth(project, out)).toMatchObject({ status: 0, compilerStarts: 1 });
      expect(synth(project, out)).toMatchObject({ status: 0, compilerStarts: 0 });
    });
  });

  test('a type error stops synth: the diagnostic is printed, the app does not run and stale manifests are removed', () => {
    withTempDir((dir) => {
      const project = copyProject(dir);
      const out = path.join(dir, 'out');
      expect(synth(project, out).status).toBe(0);
      const main = path.join(project, 'main.ts');
      const source = fs.readFileSync(main, 'utf8');
      fs.writeFileSync(main, `${source}\nexport const replicas: number = 'three';\n`);
      fs.writeFileSync(path.join(out, 'keep-me.txt'), 'not a manifest');
      // Chart folders, as FOLDER_PER_CHART_FILE_PER_RESOURCE writes them.
      fs.mkdirSync(path.join(out, 'web'));
      fs.writeFileSync(path.join(out, 'web', 'Pod.web.k8s.yaml'), 'stale');
      fs.mkdirSync(path.join(out, 'docs'));
      fs.writeFileSync(path.join(out, 'docs', 'Pod.db.k8s.yaml'), 'stale');
      fs.writeFileSync(path.join(out, 'docs', 'notes.md'), 'not a manifest');

      const failed = synth(project, out);
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain("main.ts(");
      expect(failed.stderr).toContain("error TS2322: Type 'string' is not assignable to type 'number'.");
      expect(failed.stderr).toContain('synth stopped: the TypeScript 7.0.2 check of main.ts failed; no manifest was written.');
      expect(readTree(out)).toEqual({ 'docs/notes.md': 'not a manifest', 'keep-me.txt': 'not a manifest' });
      fs.rmSync(path.join(out, 'docs'), { recursive: true });

      // Failing once leaves no stamp behind that would let the broken program run.
      const again = synth(project, out);
      expect(again).toMatchObject({ status: 1, compilerStarts: 1 });

      fs.writeFileSync(main, source);
      expect(synth(project, out)).toMatchObject({ status: 0, compilerStarts: 1 });
      expect(readFolder(out)).toEqual({ ...committedDist(), 'keep-me.txt': 'not a manifest' });
    });
  });
});

describe('scripts/synth.js under the cdk8s CLI', () => {
  const cli = (project: string, args: readonly string[]) =>
    childProcess.spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s'), '--no-check-upgrade', 'synth', ...args], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, CDK8S_OUTDIR: '', CDK8S_RECORD_CONSTRUCT_METADATA: '' },
    });

  test('cdk8s synth --stdout prints the manifests and leaves the committed dist/ as it is', () => {
    withTempDir((dir) => {
      const project = copyProject(dir);
      fs.cpSync(path.join(ROOT, 'cdk8s.yaml'), path.join(project, 'cdk8s.yaml'));
      fs.cpSync(path.join(ROOT, 'dist'), path.join(project, 'dist'), { recursive: true });
      const run = cli(project, ['--stdout']);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('kind: Deployment');
      expect(readFolder(path.join(project, 'dist'))).toEqual(committedDist());
    });
  });

  test("a failed synth shows Peapod's report, then one line of the CLI, and no stack trace", () => {
    withTempDir((dir) => {
      const project = copyProject(dir);
      fs.cpSync(path.join(ROOT, 'cdk8s.yaml'), path.join(project, 'cdk8s.yaml'));
      const main = path.join(project, 'main.ts');
      const clash =
        "const app = buildApp(); new Pod(new Chart(app, 'broken'), 'clash', { containers: [new Container({ name: 'a', image: 'a:1', ports: { http: 80 } }), new Container({ name: 'b', image: 'b:1', ports: { web: 80 } })] }); app.synth();";
      fs.writeFileSync(main, fs.readFileSync(main, 'utf8').replace('buildApp().synth();', clash));
      for (const args of [[], ['--stdout']]) {
        const run = cli(project, args);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('synth failed with 1 error; no manifest was written:\n  [broken/clash] ');
        expect(run.stderr).not.toMatch(/non-zero exit code|at ChildProcess|^\s+at /m);
        expect(run.stderr.trim().split('\n').pop()).toMatch(/^ERROR: synthesis failed, app expected to create "/);
      }
    });
  });

  test('run by itself, a failed synth exits 1', () => {
    withTempDir((dir) => {
      const project = copyProject(dir);
      fs.rmSync(path.join(project, 'main.ts'));
      const run = childProcess.spawnSync(process.execPath, [path.join(project, 'scripts', 'synth.js')], { cwd: project, encoding: 'utf8', env: { ...process.env, CDK8S_OUTDIR: path.join(dir, 'out') } });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(`synth stopped: there is no main.ts in ${project}\n`);
    });
  });
});
