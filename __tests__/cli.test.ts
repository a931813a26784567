import * as fs from 'fs';
import * as path from 'path';
import { runInit } from '../scripts/init';
import { main } from '../scripts/peapod';
import { readTree, withTempDir } from './_support';

/* The `peapod` command line: its help and `peapod init` (without the install, which the packaging test runs). */

const ROOT = path.resolve(__dirname, '..');

function capture(body: () => number): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((text) => ((stdout += String(text)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((text) => ((stderr += String(text)), true));
  try {
    return { code: body(), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('peapod', () => {
  test('--help lists every command with its usage', () => {
    const { code, stdout } = capture(() => main(['--help']));
    expect(code).toBe(0);
    for (const command of ['init', 'synth', 'plan', 'import', 'help']) {
      expect(stdout).toContain(`  peapod ${command} `);
    }
    expect(capture(() => main([])).stdout).toBe(stdout);
  });

  test('an unknown command is refused with the list', () => {
    const { code, stderr } = capture(() => main(['snyth']));
    expect(code).toBe(64);
    expect(stderr).toMatch(/^peapod: unknown command "snyth"\n\nusage: peapod COMMAND/);
  });

  test('help COMMAND prints the options of that command', () => {
    expect(capture(() => main(['help', 'init'])).stdout).toContain('usage: peapod init [DIR] [--no-install] [--peapod SPEC]');
    expect(capture(() => main(['plan', '--help'])).stdout).toContain('usage: peapod plan [ENTRY.ts]');
    expect(capture(() => main(['help', 'synth'])).stdout).toContain('usage: peapod synth [ENTRY.ts]');
    expect(capture(() => main(['help', 'import'])).stdout).toContain('usage: peapod import FILE|FOLDER...');
  });
});

describe('peapod init', () => {
  const context = (messages: string[]) => ({ packageRoot: ROOT, write: (t: string) => messages.push(t), warn: (t: string) => messages.push(t) });

  test('writes the layout, with a package.json that depends on peapod and its peers', () => {
    withTempDir((dir) => {
      const messages: string[] = [];
      const target = path.join(dir, 'My App');
      expect(runInit([target, '--no-install'], context(messages))).toBe(0);
      const files = Object.keys(readTree(target)).sort();
      expect(files).toEqual([
        '.gitignore',
        'README.md',
        '__tests__/__snapshots__/web-chart.test.ts.snap',
        '__tests__/web-chart.test.ts',
        'cdk8s.yaml',
        'dist/web.k8s.yaml',
        'jest.config.js',
        'lib/web-chart.ts',
        'main.ts',
        'package.json',
        'peapod.config.json',
        'tsconfig.json',
      ]);
      const own = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      const written = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8'));
      expect(written.name).toBe('my-app');
      expect(written.dependencies).toEqual({
        peapod: `^${own.version}`,
        cdk8s: `^${own.devDependencies.cdk8s}`,
        'cdk8s-plus-27': `^${own.devDependencies['cdk8s-plus-27']}`,
        constructs: `^${own.devDependencies.constructs}`,
      });
      expect(written.devDependencies['typescript-7']).toBe(own.devDependencies['typescript-7']);
      expect(fs.readFileSync(path.join(target, 'README.md'), 'utf8')).toMatch(/^# my-app\n/);
      // npm run synth is Peapod's own synth; the CLI's output folder is a link Peapod makes, not dist/.
      expect(written.scripts.synth).toBe('peapod synth');
      expect(fs.readFileSync(path.join(target, 'cdk8s.yaml'), 'utf8')).toMatch(/^app: node node_modules\/peapod\/bin\/peapod\.js synth main\.ts\n(#.*\n)*output: \.build\/dist$/m);
      expect(messages.join('')).toContain(`Next: cd ${path.relative(process.cwd(), target)} && npm install && npm run synth && npm test`);
    });
  });

  test('a tarball or folder spec is written as an absolute file: spec', () => {
    withTempDir((dir) => {
      expect(runInit([path.join(dir, 'app'), '--no-install', '--peapod', 'peapod-0.2.0.tgz'], context([]))).toBe(0);
      const written = JSON.parse(fs.readFileSync(path.join(dir, 'app', 'package.json'), 'utf8'));
      expect(written.dependencies.peapod).toBe(`file:${path.resolve('peapod-0.2.0.tgz')}`);
    });
  });

  test('refuses a folder that is not empty, and writes nothing', () => {
    withTempDir((dir) => {
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
      const messages: string[] = [];
      expect(runInit([dir, '--no-install'], context(messages))).toBe(1);
      expect(messages).toEqual([`peapod init: ${dir} is not empty (notes.txt); nothing was written. Fix: name a new or empty folder: peapod init my-app\n`]);
      expect(readTree(dir)).toEqual({ 'notes.txt': 'mine' });
    });
  });
});
