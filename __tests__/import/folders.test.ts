import * as fs from 'fs';
import * as path from 'path';
import * as peapod from '../../lib';
import { chartsPerFolder } from '../../lib/import/_folders';
import { run } from '../../lib/import/cli';
import { synthGenerated } from '../../lib/import/verify';
import { withTempDir } from '../_support';

// peapod import FOLDER --chart-per-folder -o OUTDIR: a chart class a folder, each in a file of its own.

const deployment = (name: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers: [{name: ${name}, image: "${name}:1.0", ports: [{name: http, containerPort: 8080}]}]\n`;
const service = (name: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  selector: {app: ${name}}\n  ports: [{name: http, port: 80, targetPort: http}]\n`;

function tree(dir: string, files: Readonly<Record<string, string>>): string {
  const root = path.join(dir, 'manifests');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('charts per folder', () => {
  test('are named after the folder, from the folder given', () => {
    const input = (file: string) => ({ file, text: '' });
    const charts = chartsPerFolder(['m'], [input('m/a.yaml'), input('m/apps/db/b.yaml'), input('m/apps/db/c.yaml'), input('m/apps/web 2/d.yaml'), input('m/apps-db/e.yaml')]);
    expect(charts.map((c) => [c.file, c.className, c.inputs.map((i) => i.file)])).toEqual([
      ['m.ts', 'MChart', ['m/a.yaml']],
      ['apps-db.ts', 'AppsDbChart', ['m/apps/db/b.yaml', 'm/apps/db/c.yaml']],
      ['apps-web-2.ts', 'AppsWeb2Chart', ['m/apps/web 2/d.yaml']],
      // apps-db/ and apps/db/ would share a name: the second gets a number.
      ['apps-db-2.ts', 'AppsDb2Chart', ['m/apps-db/e.yaml']],
    ]);
  });

  test('each folder becomes a file; a Service selecting the Pods of another folder names their chart', () => {
    withTempDir((dir) => {
      const root = tree(dir, { 'web/deployment.yaml': deployment('web'), 'edge/service.yaml': service('web'), 'db/all.yaml': `${deployment('db')}---\n${service('db')}` });
      const out = path.join(dir, 'charts');
      const outcome = run(['import', root, '--chart-per-folder', '-o', out, '--from', 'peapod', '--no-typecheck']);
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toBe('');
      expect(outcome.stderr).toMatch(/^peapod import: 14 lint warnings of 7 rules, for what the input lacks;[^\n]*\n {2}db, web: [^\n]*\n/);
      expect(outcome.stderr).toContain(`peapod import: wrote DbChart to ${path.join(out, 'db.ts')}\n`);
      expect(fs.readdirSync(out).sort()).toEqual(['db.ts', 'edge.ts', 'web.ts']);
      const edge = fs.readFileSync(path.join(out, 'edge.ts'), 'utf8');
      expect(edge).toContain(
        '    // Selects the Pods of Deployment "web" of WebChart, another chart of this import.\n' +
          "    new Service(this, 'web', { target: PodSelector.labels({ app: 'web' }), ports: [{ port: 80, targetPort: 'http' }] });\n",
      );
      // Within one folder the Service is made from its workload, as in one chart.
      const db = fs.readFileSync(path.join(out, 'db.ts'), 'utf8');
      expect(db).toContain("new Service(this, 'db-service', { name: 'db', target: db, ports: [{ port: 80, targetPort: 'http' }] });");
      for (const [file, className] of [['db.ts', 'DbChart'], ['edge.ts', 'EdgeChart'], ['web.ts', 'WebChart']]) {
        expect(synthGenerated(fs.readFileSync(path.join(out, file), 'utf8'), className, { peapod }).errors).toEqual([]);
      }
    });
  });

  test('needs -o OUTDIR, takes no --class, and writes nothing when one folder has a problem', () => {
    withTempDir((dir) => {
      const root = tree(dir, { 'web/deployment.yaml': deployment('web'), 'bad/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {restartPolicy: Always}\n' });
      expect(run(['import', root, '--chart-per-folder']).stderr).toMatch(/^peapod import: --chart-per-folder needs -o OUTDIR, the folder the charts go to\n/);
      expect(run(['import', root, '--chart-per-folder', '-o', dir, '--class', 'X']).stderr).toMatch(/^peapod import: --chart-per-folder names each class after its folder, so --class does not apply\n/);
      const out = path.join(dir, 'charts');
      expect(run(['import', root, '--chart-per-folder', '-o', out, '--no-typecheck'])).toEqual({
        code: 1,
        stdout: '',
        stderr: `peapod import found 1 problem; nothing was written:\n  ${path.join(root, 'bad', 'pod.yaml')}: document 1 (Pod "p"): spec.containers: is missing. Fix: add at least one container\n`,
      });
      expect(fs.existsSync(out)).toBe(false);
    });
  });

  test('writes every chart or none: a folder where one file goes leaves the others unwritten, and no scratch file', () => {
    withTempDir((dir) => {
      const root = tree(dir, { 'web/deployment.yaml': deployment('web'), 'edge/service.yaml': service('web'), 'db/all.yaml': `${deployment('db')}---\n${service('db')}` });
      const out = path.join(dir, 'charts');
      fs.mkdirSync(path.join(out, 'edge.ts'), { recursive: true });
      const outcome = run(['import', root, '--chart-per-folder', '-o', out, '--from', 'peapod', '--no-typecheck']);
      expect(outcome.code).toBe(73);
      expect(outcome.stderr).toContain(`peapod import: cannot write ${path.join(out, 'edge.ts')}: it is a folder, and peapod import replaces only a regular file; name a file; nothing was written\n`);
      expect(outcome.stderr).not.toContain('wrote');
      expect(fs.readdirSync(out)).toEqual(['edge.ts']);
    });
  });
});
