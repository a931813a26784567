import * as fs from 'fs';
import * as path from 'path';
import { run, temporaryName } from '../../lib/import/cli';
import { withTempDir } from '../_support';
import { wroteChart } from './_problems';

const tutorial = path.join(__dirname, 'fixtures', 'tutorial.yaml');
const importTo = (out: string) => run(['import', tutorial, '-o', out, '--no-typecheck']);

describe('peapod import -o FILE writes safely', () => {
  test('a new file: written whole, nothing else left in the folder', () => {
    withTempDir((dir) => {
      const out = path.join(dir, 'legacy.ts');
      expect(importTo(out)).toEqual({ code: 0, stdout: '', stderr: wroteChart('TutorialChart', out) });
      expect(fs.readFileSync(out, 'utf8')).toContain('export class TutorialChart extends Chart {');
      expect(fs.readdirSync(dir)).toEqual(['legacy.ts']);
    });
  });

  test('symbolic links planted where a temporary file would be are not written through', () => {
    withTempDir((dir) => {
      const out = path.join(dir, 'legacy.ts');
      const victim = path.join(dir, 'victim');
      fs.writeFileSync(victim, 'precious');
      // The names the command used to write to, and others like them.
      for (const name of [`.legacy.ts.${process.pid}.tmp`, '.legacy.ts.tmp', 'legacy.ts.tmp']) {
        fs.symlinkSync(victim, path.join(dir, name));
      }
      expect(importTo(out).code).toBe(0);
      expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
      expect(fs.readdirSync(dir).sort()).toEqual([`.legacy.ts.${process.pid}.tmp`, '.legacy.ts.tmp', 'legacy.ts', 'legacy.ts.tmp', 'victim'].sort());
    });
  });

  test('the temporary file has a name nobody can guess: 96 random bits, different each time', () => {
    const names = new Set(Array.from({ length: 100 }, () => temporaryName('/work/lib/legacy.ts')));
    expect(names.size).toBe(100);
    for (const name of names) {
      expect(name).toMatch(/^\/work\/lib\/\.legacy\.ts\.[0-9a-f]{24}\.tmp$/);
    }
  });

  test('a symbolic link at FILE is refused, and neither it nor what it points to changes', () => {
    withTempDir((dir) => {
      const victim = path.join(dir, 'victim');
      fs.writeFileSync(victim, 'precious');
      const out = path.join(dir, 'legacy.ts');
      fs.symlinkSync(victim, out);
      expect(importTo(out)).toEqual({
        code: 73,
        stdout: '',
        stderr: `peapod import: cannot write ${out}: it is a symbolic link, and peapod import replaces only a regular file; name a file; nothing was written\n`,
      });
      expect(fs.lstatSync(out).isSymbolicLink()).toBe(true);
      expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
    });
  });

  test('a folder or a device at FILE is refused', () => {
    withTempDir((dir) => {
      expect(importTo(dir).stderr).toBe(`peapod import: cannot write ${dir}: it is a folder, and peapod import replaces only a regular file; name a file; nothing was written\n`);
    });
    expect(importTo('/dev/null')).toEqual({
      code: 73,
      stdout: '',
      stderr: 'peapod import: cannot write /dev/null: it is a device, and peapod import replaces only a regular file; name a file; nothing was written\n',
    });
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  test.each([0o444, 0o640, 0o755])('a file of mode %o keeps its mode', (mode) => {
    withTempDir((dir) => {
      const out = path.join(dir, 'legacy.ts');
      fs.writeFileSync(out, 'old');
      fs.chmodSync(out, mode);
      expect(importTo(out).code).toBe(0);
      expect(fs.statSync(out).mode & 0o7777).toBe(mode);
      expect(fs.readFileSync(out, 'utf8')).toContain('export class TutorialChart');
    });
  });

  test('a folder that does not exist: a message, nothing left behind', () => {
    withTempDir((dir) => {
      const out = path.join(dir, 'missing', 'legacy.ts');
      expect(importTo(out)).toEqual({ code: 73, stdout: '', stderr: `peapod import: cannot write ${out}: the folder ${path.join(dir, 'missing')} does not exist; nothing was written\n` });
      expect(fs.readdirSync(dir)).toEqual([]);
    });
  });
});

describe('peapod import FOLDER', () => {
  test('reads the manifests of the folder and of the folders under it into one chart, matching Services to workloads across files', () => {
    withTempDir((dir) => {
      const manifests = path.join(dir, 'manifests');
      fs.mkdirSync(path.join(manifests, 'web', 'deep'), { recursive: true });
      fs.writeFileSync(path.join(manifests, 'web', 'service.yml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: http}]}\n');
      fs.writeFileSync(
        path.join(manifests, 'web', 'deep', 'deployment.yaml'),
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: a, image: nginx, ports: [{name: http, containerPort: 80}]}]}\n',
      );
      fs.writeFileSync(path.join(manifests, 'config.json'), JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'conf' }, data: { a: 'b' } }));
      fs.writeFileSync(path.join(manifests, 'README.md'), '# not a manifest\n');
      const out = path.join(dir, 'chart.ts');
      expect(run(['import', manifests, '-o', out, '--no-typecheck'])).toEqual({ code: 0, stdout: '', stderr: wroteChart('ManifestsChart', out) });
      const source = fs.readFileSync(out, 'utf8');
      expect(source).toContain('// Imported by `peapod import` from config.json, deployment.yaml, service.yml.');
      expect(source).toContain("new Service(this, 'web-service', { name: 'web', target: web, ports: [{ port: 80, targetPort: 'http' }] });");
    });
  });

  test('a folder without manifests: a message', () => {
    withTempDir((dir) => {
      expect(run(['import', dir])).toEqual({ code: 66, stdout: '', stderr: `peapod import: ${dir} holds no .yaml, .yml or .json file\n` });
    });
  });
});
