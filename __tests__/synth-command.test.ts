import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PAUSE_POINTS } from '../lib/_output-folder';
import { readTree } from './_support';
import { copyProject, ROOT } from './_synth-project';

/*
 * The README's synth command, `npm run synth` (node bin/peapod.js synth,
 * that is scripts/synth.js), run as a user runs it, in a copy of this
 * project whose main.ts writes 12 manifests naming the set they belong to
 * (PEAPOD_TEST_SET): killed at each step of the write it leaves the
 * complete previous set or the complete new one; a failure prints Peapod's
 * report and nothing else, and exits 1; two at once do not mix. The same
 * holds through `cdk8s synth`, whose output folder (cdk8s.yaml) is not dist/.
 */

const CHARTS = 12;
const TEST_MAIN = `import { Chart } from 'cdk8s';
import { App, ConfigMap, Container, Pod } from './lib';

// The synth command's test app: PEAPOD_TEST_SET names its set, PEAPOD_TEST_BREAK adds a Pod that fails synth.
const set = process.env.PEAPOD_TEST_SET ?? 'one';
const app = new App();
for (let i = 0; i < ${CHARTS}; i++) {
  new ConfigMap(new Chart(app, \`chart-\${i}\`), 'settings', { data: { SET: set } });
}
if (process.env.PEAPOD_TEST_BREAK) {
  new Pod(new Chart(app, 'broken'), 'clash', {
    containers: [new Container({ name: 'a', image: 'a:1', ports: { http: 80 } }), new Container({ name: 'b', image: 'b:1', ports: { web: 80 } })],
  });
}
app.synth();
`;

let dir: string;
let project: string;
let dist: string;

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface Started {
  readonly child: ChildProcess;
  /** Resolves when the child printed `text` on stderr. */
  said(text: string): Promise<void>;
  readonly finished: Promise<Finished>;
}

/** Starts `command` in the project, in a process group of its own (so that a kill reaches npm, sh and node alike). */
function start(command: readonly string[], env: Record<string, string> = {}): Started {
  const child = spawn(command[0], command.slice(1), {
    cwd: project,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CDK8S_OUTDIR: undefined, CDK8S_RECORD_CONSTRUCT_METADATA: undefined, PEAPOD_SYNTH_PAUSE: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  const waiting: Array<{ text: string; resolve: () => void }> = [];
  child.stdout!.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr!.on('data', (data: Buffer) => {
    stderr += data.toString();
    waiting.filter((w) => stderr.includes(w.text)).forEach((w) => w.resolve());
  });
  const finished = new Promise<Finished>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return {
    child,
    finished,
    said: (text) =>
      new Promise<void>((resolve, reject) => {
        if (stderr.includes(text)) {
          return resolve();
        }
        waiting.push({ text, resolve });
        void finished.then((f) => reject(new Error(`exited with ${f.code} before saying ${JSON.stringify(text)}: ${f.stderr}`)));
      }),
  };
}

const npmSynth = (env: Record<string, string> = {}) => start(['npm', 'run', 'synth'], env);
const cdk8sSynth = (env: Record<string, string> = {}) => start([process.execPath, path.join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s'), '--no-check-upgrade', 'synth'], env);

async function killGroup(run: Started): Promise<void> {
  process.kill(-run.child.pid!, 'SIGKILL');
  await run.finished;
}

/** What `npm run synth` prints on stdout before the script's own output. */
const NPM_HEADER = /^\n> peapod@[^ ]+ synth\n> node bin\/peapod\.js synth\n\n/;

/** The set a folder holds: the one value every manifest names, after checking there are all of them and the user's file. */
function setIn(folder: string): string {
  const files = readTree(folder);
  expect(files['notes.md']).toBe('mine');
  const manifests = Object.entries(files).filter(([file]) => file.endsWith('.k8s.yaml'));
  expect(manifests.map(([file]) => file).sort()).toEqual(Array.from({ length: CHARTS }, (_, i) => `chart-${i}.k8s.yaml`).sort());
  const sets = new Set(manifests.map(([, text]) => /SET: (\w+)/.exec(text)?.[1]));
  expect(sets.size).toBe(1);
  return [...sets][0]!;
}

/** Nothing of a synth is left in the project beside dist/: no scratch folder, no lock. */
function expectNoLeftovers(): void {
  expect(fs.readdirSync(project).filter((name) => name.includes('synth'))).toEqual([]);
  expect(fs.readdirSync(path.join(project, '.build')).filter((name) => name !== 'synth' && name !== 'dist')).toEqual([]);
}

async function synthSet(set: string): Promise<Finished> {
  const run = await npmSynth({ PEAPOD_TEST_SET: set }).finished;
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return run;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peapod-synth-command-'));
  project = path.join(dir, 'project');
  dist = path.join(project, 'dist');
  copyProject(project, ['lib', 'bin', 'scripts', 'tsconfig.json', 'package.json', 'package-lock.json', 'cdk8s.yaml']);
  fs.writeFileSync(path.join(project, 'main.ts'), TEST_MAIN);
  // The first synth type-checks; the later ones find nothing changed and run at once.
  await synthSet('old');
  fs.writeFileSync(path.join(dist, 'notes.md'), 'mine');
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

jest.setTimeout(60_000);

describe('npm run synth', () => {
  test('writes dist/ and lists what it wrote, after npm\'s own header', async () => {
    const run = await synthSet('listed');
    expect(run.stdout.replace(NPM_HEADER, '')).toBe(`Synthesized into dist:\n${Array.from({ length: CHARTS }, (_, i) => `  - dist/chart-${i}.k8s.yaml\n`).sort().join('')}`);
    expect(setIn(dist)).toBe('listed');
    expectNoLeftovers();
  });

  test.each(PAUSE_POINTS)('killed at %s leaves the complete previous or new set, and the next synth goes on', async (point) => {
    await synthSet('previous');
    const run = npmSynth({ PEAPOD_TEST_SET: 'new', PEAPOD_SYNTH_PAUSE: point });
    await run.said(`peapod: paused at ${point}`);
    await killGroup(run);
    if (point === 'written') {
      expect(setIn(dist)).toBe('previous');
    } else if (point === 'swapped') {
      expect(setIn(dist)).toBe('new');
    } else {
      // Between the two renames: dist/ absent, the complete new set beside it, marked ready.
      expect(fs.existsSync(dist)).toBe(false);
      const scratch = fs.readdirSync(project).find((name) => name.startsWith('.dist.synth-') && !name.endsWith('.lock'))!;
      expect(fs.existsSync(path.join(project, scratch, 'ready'))).toBe(true);
      expect(setIn(path.join(project, scratch, 'next'))).toBe('new');
    }
    await synthSet('after');
    expect(setIn(dist)).toBe('after');
    expectNoLeftovers();
  });

  test("a failed synth prints Peapod's report and nothing else, exits 1 and leaves no manifest", async () => {
    await synthSet('previous');
    const run = await npmSynth({ PEAPOD_TEST_BREAK: '1' }).finished;
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`${NPM_HEADER.source}$`));
    expect(run.stderr).toMatch(/^\d+ warnings? of \d+ rules?, shown once the errors below are fixed \(PEAPOD_WARNINGS=all shows them now\): [^\n]+\nsynth failed with 1 error; no manifest was written:\n {2}\[broken\/clash\] spec\.containers\[1\]\.ports\[0\]\.containerPort: port 80\/TCP of container "b" is already used by container "a" [^\n]+\(port-shared-localhost\)\n$/);
    expect(readTree(dist)).toEqual({ 'notes.md': 'mine' });
    expectNoLeftovers();
  });

  test('two at once run one after the other: the second waits, saying so, and dist/ holds one complete set', async () => {
    await synthSet('previous');
    const first = npmSynth({ PEAPOD_TEST_SET: 'first', PEAPOD_SYNTH_PAUSE: 'written' });
    await first.said('peapod: paused at written');
    const second = npmSynth({ PEAPOD_TEST_SET: 'second' });
    await second.said('peapod synth: waiting for another synth of this project to finish (process ');
    expect(setIn(dist)).toBe('previous');
    // Killed, the first leaves its lock behind; the second takes it over and writes its set.
    await killGroup(first);
    expect(await second.finished).toMatchObject({ code: 0 });
    expect(setIn(dist)).toBe('second');

    const results = await Promise.all(['a', 'b', 'c'].map((set) => npmSynth({ PEAPOD_TEST_SET: set }).finished));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(['a', 'b', 'c']).toContain(setIn(dist));
    expectNoLeftovers();
  });
});

describe('cdk8s synth, with the output folder of cdk8s.yaml', () => {
  test('writes dist/ through Peapod, and lists it through the link .build/dist', async () => {
    await synthSet('previous');
    const run = await cdk8sSynth({ PEAPOD_TEST_SET: 'cli' }).finished;
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(`Synthesizing application\n${Array.from({ length: CHARTS }, (_, i) => `  - .build/dist/chart-${i}.k8s.yaml\n`).sort().join('')}`);
    expect(setIn(dist)).toBe('cli');
    expect(fs.readlinkSync(path.join(project, '.build', 'dist'))).toBe(path.join('..', 'dist'));
  });

  test('killed before the swap, leaves the previous dist/ (the CLI empties only its own folder)', async () => {
    await synthSet('previous');
    const run = cdk8sSynth({ PEAPOD_TEST_SET: 'new', PEAPOD_SYNTH_PAUSE: 'written' });
    await run.said('peapod: paused at written');
    await killGroup(run);
    expect(setIn(dist)).toBe('previous');
  });

  test("a failed synth prints Peapod's report, then the CLI's one line, and exits 1", async () => {
    const run = await cdk8sSynth({ PEAPOD_TEST_BREAK: '1' }).finished;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\nsynth failed with 1 error; no manifest was written:\n {2}\[broken\/clash\] [^\n]+\nERROR: synthesis failed, app expected to create "\.build\/dist"\n$/);
    expect(fs.existsSync(path.join(project, '.build', 'dist'))).toBe(false);
  });

  test('--stdout prints the manifests and leaves dist/ as it is', async () => {
    await synthSet('previous');
    const before = readTree(dist);
    const run = await start([process.execPath, path.join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s'), '--no-check-upgrade', 'synth', '--stdout'], { PEAPOD_TEST_SET: 'stdout' }).finished;
    expect(run.code).toBe(0);
    expect(run.stdout.match(/SET: stdout/g)).toHaveLength(CHARTS);
    expect(readTree(dist)).toEqual(before);
  });
});
