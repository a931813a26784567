import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { App, Container, Pod } from '../lib';
import { PAUSE_POINTS, replaceManifests } from '../lib/_output-folder';
import { readTree, withTempDir } from './_support';

/*
 * After a kill at any step of the move, the output folder holds the
 * complete previous set or the complete new set (or, between the two
 * renames, nothing, with the complete new set ready for the next synth,
 * which moves it in first); two synths at once never mix; a mount point
 * works too; nothing is left where git sees it.
 */

const CHILD = path.join(__dirname, 'fixtures', 'replace-manifests-child.ts');
const FILES = 20;

function startChild(outdir: string, version: string, pause?: string): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', CHILD, outdir, version, String(FILES)], {
    env: { ...process.env, PEAPOD_SYNTH_PAUSE: pause ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves when the child says it paused at `point`. */
function pausedAt(child: ChildProcess, point: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let said = '';
    child.stderr!.on('data', (data: Buffer) => {
      said += data.toString();
      if (said.includes(`peapod: paused at ${point}`)) {
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before pausing: ${said}`)));
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** Writes a set of FILES manifests of `version` in this process. */
function writeSet(outdir: string, version: string): void {
  replaceManifests(outdir, '.k8s.yaml', (dir) => {
    for (let i = 0; i < FILES; i++) {
      fs.writeFileSync(path.join(dir, `chart-${i}.k8s.yaml`), `version: ${version}\n`);
    }
  });
}

/** The versions the output folder holds, with the user's own file. */
function versions(outdir: string): string[] {
  const files = readTree(outdir);
  expect(files['notes.md']).toBe('mine');
  const manifests = Object.entries(files).filter(([file]) => file.endsWith('.k8s.yaml'));
  expect(manifests.length).toBe(FILES);
  return [...new Set(manifests.map(([, text]) => text))];
}

async function withOldSet(body: (dir: string, outdir: string) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peapod-kill-'));
  try {
    const outdir = path.join(dir, 'dist');
    writeSet(outdir, 'old');
    fs.writeFileSync(path.join(outdir, 'notes.md'), 'mine');
    await body(dir, outdir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('a synth killed while it moves the new set into place', () => {
  jest.setTimeout(60_000);

  test.each(PAUSE_POINTS)('at %s leaves a complete set, and the next synth goes on from there', async (point) => {
    await withOldSet(async (dir, outdir) => {
      const child = startChild(outdir, 'new', point);
      await pausedAt(child, point);
      child.kill('SIGKILL');
      await exited(child);
      if (point === 'written') {
        expect(versions(outdir)).toEqual(['version: old\n']);
      } else if (point === 'swapped') {
        expect(versions(outdir)).toEqual(['version: new\n']);
      } else {
        // Between the two renames: no output folder, the new set complete and marked ready beside it.
        expect(fs.existsSync(outdir)).toBe(false);
        const scratch = fs.readdirSync(dir).find((name) => name.startsWith('.dist.synth-') && !name.endsWith('.lock'))!;
        expect(fs.existsSync(path.join(dir, scratch, 'ready'))).toBe(true);
        expect(versions(path.join(dir, scratch, 'next'))).toEqual(['version: new\n']);
      }
      // The killed synth's lock and scratch folder do not stop the next one, which leaves neither behind.
      writeSet(outdir, 'third');
      expect(versions(outdir)).toEqual(['version: third\n']);
      expect(fs.readdirSync(dir)).toEqual(['dist']);
    });
  });

  test('a synth interrupted between the renames is moved into place by the next synth, before it writes', async () => {
    await withOldSet(async (dir, outdir) => {
      const child = startChild(outdir, 'new', 'swapping');
      await pausedAt(child, 'swapping');
      child.kill('SIGKILL');
      await exited(child);
      let seen: string[] = [];
      expect(() =>
        replaceManifests(outdir, '.k8s.yaml', () => {
          seen = versions(outdir);
          throw new Error('stop before the swap');
        }),
      ).toThrow('stop before the swap');
      expect(seen).toEqual(['version: new\n']);
      // A synth that fails while it writes leaves the output folder as it was.
      expect(versions(outdir)).toEqual(['version: new\n']);
      expect(fs.readdirSync(dir)).toEqual(['dist']);
    });
  });
});

describe('two synths at once', () => {
  jest.setTimeout(60_000);

  test('the second stops with a message naming the first, and changes nothing', async () => {
    await withOldSet(async (_dir, outdir) => {
      const child = startChild(outdir, 'new', 'written');
      await pausedAt(child, 'written');
      try {
        expect(() => writeSet(outdir, 'other')).toThrow(
          new RegExp(`^another synth is writing ${outdir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: process ${child.pid} on .+, since .+\\. Wait for it to finish, then synth again; if that process is not a synth, delete .+\\.dist\\.synth\\.lock$`),
        );
        expect(versions(outdir)).toEqual(['version: old\n']);
      } finally {
        child.kill('SIGKILL');
        await exited(child);
      }
    });
  });

  test('started together, they leave one complete set, never a mix', async () => {
    await withOldSet(async (_dir, outdir) => {
      const children = ['a', 'b', 'c'].map((version) => startChild(outdir, version));
      const results = await Promise.all(children.map(exited));
      const [set] = versions(outdir);
      expect(versions(outdir)).toHaveLength(1);
      expect(['version: a\n', 'version: b\n', 'version: c\n']).toContain(set);
      for (const { code, stderr } of results) {
        expect(code === 0 || /^another synth is writing /.test(stderr)).toBe(true);
      }
    });
  });
});

describe('the output folder', () => {
  test('whose parent is missing fails synth with a message, not a stack trace', () => {
    withTempDir((dir) => {
      const app = new App({ outdir: path.join(dir, 'missing', 'dist'), config: {}, onWarnings: () => undefined });
      new Pod(new Chart(app, 'c'), 'web', { containers: [new Container({ name: 'app', image: 'nginx:1.27' })] });
      expect(() => app.synth()).toThrow(
        `synth failed: cannot write the output folder ${path.join(dir, 'missing', 'dist')}: the folder it is in, ${path.join(dir, 'missing')}, does not exist. Create it, or give an output folder whose parent exists`,
      );
    });
  });

  const root = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  (root ? test : test.skip)('that is a mount point is written file by file, keeping what is not a manifest', () => {
    withTempDir((dir) => {
      const outdir = path.join(dir, 'dist');
      fs.mkdirSync(outdir);
      expect(spawnSync('mount', ['-t', 'tmpfs', 'tmpfs', outdir]).status).toBe(0);
      try {
        writeSet(outdir, 'old');
        fs.writeFileSync(path.join(outdir, 'notes.md'), 'mine');
        fs.writeFileSync(path.join(outdir, 'chart-99.k8s.yaml'), 'stale');
        writeSet(outdir, 'new');
        expect(fs.existsSync(path.join(outdir, 'chart-99.k8s.yaml'))).toBe(false);
        expect(versions(outdir)).toEqual(['version: new\n']);
        expect(fs.readdirSync(dir)).toEqual(['dist']);
      } finally {
        spawnSync('umount', [outdir]);
      }
    });
  });

  (root ? test : test.skip)('on a full disk fails synth with a message, leaving the previous set', () => {
    withTempDir((dir) => {
      const small = path.join(dir, 'small');
      fs.mkdirSync(small);
      expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', small]).status).toBe(0);
      try {
        const outdir = path.join(small, 'dist');
        const synth = (note: string) => {
          const app = new App({ outdir, config: {}, onWarnings: () => undefined });
          const chart = new Chart(app, 'c');
          for (const id of ['a', 'b']) {
            new Pod(chart, id, { annotations: { note }, containers: [new Container({ name: 'app', image: 'nginx:1.27' })] });
          }
          app.synth();
        };
        synth('small');
        const before = readTree(outdir);
        expect(() => synth('x'.repeat(100_000))).toThrow(
          new RegExp(`^synth failed: could not write .+: the disk is full \\(ENOSPC\\); the output folder ${outdir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} was left as it was\\. Fix that, then synth again$`),
        );
        expect(readTree(outdir)).toEqual(before);
        expect(fs.readdirSync(small)).toEqual(['dist']);
      } finally {
        spawnSync('umount', [small]);
      }
    });
  });
});
