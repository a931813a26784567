#!/usr/bin/env node
'use strict';
/*
 * Peapod's synth, which `npm run synth` runs (and `cdk8s synth`, as the app
 * command of cdk8s.yaml): type-checks the app with the project's tsconfig,
 * then runs it as plain JavaScript. The same
 * code runs a Peapod user's project (`peapod synth`, which the package's
 * bin hands to this file), so the project is the working directory.
 *
 *   node scripts/synth.js [entry.ts]      (default: main.ts)
 *   peapod synth [entry.ts]               (in a project that installed peapod)
 *
 * Why not `npx ts-node main.ts`, which `cdk8s init` generates: ts-node
 * type-checks every file from scratch on every run with the TypeScript
 * compiler written in JavaScript, then compiles in memory. Here:
 *  - the check and the emit are done by the native TypeScript 7 compiler
 *    when the project has it (the `typescript-7` alias this repo and
 *    `peapod init` projects install, or `typescript` 7 itself), several times
 *    faster on the declarations of cdk8s and Node that every check reads;
 *    otherwise by the project's `typescript` 5, still incrementally;
 *  - the check is incremental (`.build/synth/tsbuildinfo`): only what
 *    changed is checked and emitted again;
 *  - when nothing changed since the last successful check (every project
 *    file the program read, tsconfig.json, the lock file, the compiler
 *    version, this script), no compiler is started at all and the
 *    JavaScript emitted last time runs at once.
 * A compile error blocks synth: nothing runs, and stale manifests are
 * removed from the output folder, as a failed Peapod synth does.
 *
 * `npm run synth` runs this file directly (bin/peapod.js synth): Peapod's
 * App is then the only thing that touches dist/, all or nothing
 * (lib/_output-folder.ts), and a failure prints Peapod's report and exits 1.
 * Two synths of one project run one after the other: a lock file
 * (.build/synth.lock) is held from the check to the end of the app.
 *
 * Under the cdk8s CLI (it sets CDK8S_OUTDIR and
 * CDK8S_RECORD_CONSTRUCT_METADATA for its app), which empties its output
 * folder before it starts the app: when that folder is .build/dist (the
 * `output:` of cdk8s.yaml), the app writes dist/ itself instead, and once
 * it succeeded .build/dist is made a link to dist/, where the CLI lists
 * (and its validation plugins read) the manifests; so the CLI never
 * deletes dist/. A failed synth prints Peapod's report and exits 0 with
 * the CLI's folder absent: the CLI then stops with exit code 1 and one line
 * ("app expected to create ..."), instead of the stack trace it prints for
 * a child's non-zero exit code. Any other folder the CLI names
 * (`--stdout`'s temporary one, `-o DIR`) is written as given.
 *
 * ts-jest and ts-node keep TypeScript 5 (they need its JavaScript API);
 * `npm test` type-checks the project with both compilers.
 */
const childProcess = require('child_process');
const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');

// Inputs outside the project's sources that change what the check says; a missing one counts as empty.
const CONFIG_FILES = ['tsconfig.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml'];

/** The synth of one entry file of the project at `root`: where its check and its JavaScript live. */
function synthTarget(root, entryArg) {
  const entry = path.resolve(root, entryArg || 'main.ts');
  const buildDir = path.join(root, '.build', 'synth');
  return {
    root,
    entry,
    buildDir,
    stampFile: path.join(buildDir, 'checked.json'),
    buildInfoFile: path.join(buildDir, 'tsbuildinfo'),
    entryJs: path.join(buildDir, path.relative(root, entry).replace(/\.tsx?$/, '.js')),
    lockFile: path.join(root, '.build', 'synth.lock'),
  };
}

/** The output folder cdk8s.yaml names (`output:`): the CLI empties it; Peapod links it to dist/ once dist/ is written. */
const CLI_LINK = path.join('.build', 'dist');

/** Releases the project's synth lock when this process holds it (see lockProject). */
let releaseProject;

/**
 * Type-checks the entry and emits its JavaScript, unless nothing changed
 * since the last successful check; returns the emitted entry's path, or
 * undefined when the check failed (its diagnostics are on stderr).
 */
function compileEntry(target) {
  if (!fs.existsSync(target.entry)) {
    throw new UsageError(`there is no ${path.relative(target.root, target.entry) || target.entry} in ${target.root}`);
  }
  const compiler = findCompiler(target.root);
  const release = releaseProject === undefined ? lockProject(target) : undefined;
  try {
    if (!isStampFresh(target, compiler.version) && !typecheckAndEmit(target, compiler)) {
      return undefined;
    }
  } finally {
    release?.();
  }
  return target.entryJs;
}

/**
 * Takes the lock on checking and running the project's synth, waiting
 * while another running process holds it (after saying so once); returns
 * the function that releases it. Two synths of one project then neither
 * emit the same JavaScript at once nor write dist/ at once.
 */
function lockProject(target) {
  const { takeLock, sleep } = outputFolderModule();
  fs.mkdirSync(path.dirname(target.lockFile), { recursive: true });
  let said = false;
  takeLock(target.lockFile, (holder) => {
    if (!said) {
      process.stderr.write(`peapod synth: waiting for another synth of this project to finish (process ${holder.pid} on ${holder.host}, since ${holder.since}; ${path.relative(target.root, target.lockFile)})\n`);
      said = true;
    }
    sleep(100);
  });
  let held = true;
  return () => {
    if (held) {
      held = false;
      fs.rmSync(target.lockFile, { force: true });
    }
  };
}

/** lib/_output-folder.ts as built into this package (build/lib): the lock and the all-or-nothing write. */
function outputFolderModule() {
  const file = path.join(__dirname, '..', 'build', 'lib', '_output-folder.js');
  if (!fs.existsSync(file)) {
    throw new UsageError(`Peapod's build is missing (${file}); run npm run build in ${path.dirname(__dirname)}`);
  }
  outputFolderLib = require(file);
  return outputFolderLib;
}

/** The module outputFolderModule loaded, once it did. */
let outputFolderLib;

const USAGE = `usage: peapod synth [ENTRY.ts]   (node scripts/synth.js [ENTRY.ts] in this repository)

Type-checks ENTRY (default main.ts) with the project's tsconfig.json and the
project's TypeScript compiler (typescript-7, else typescript), then runs it.
The check is incremental (.build/synth) and skipped when no file it read
changed. The app writes dist/, all or nothing; a failure exits 1. It is the
project's synth script (\`"synth": "peapod synth"\` in package.json), and
the app command of cdk8s synth, in cdk8s.yaml:

  app: node node_modules/peapod/bin/peapod.js synth main.ts
  output: .build/dist     # the CLI empties this folder, not dist/; it becomes a link to dist/`;

function main(args) {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return undefined;
  }
  const target = synthTarget(process.cwd(), args[0]);
  output = outputOf(target.root);
  const unknown = args.find((arg) => arg.startsWith('-'));
  if (unknown !== undefined) {
    return fail(`peapod synth: unknown option ${unknown}\n${USAGE}`);
  }
  let entryJs;
  try {
    releaseProject = lockProject(target);
    process.on('exit', releaseProject);
    entryJs = compileEntry(target);
    if (entryJs === undefined) {
      // As a failed Peapod synth does: no manifest is left, neither stale nor partial.
      if (fs.existsSync(output.outdir)) {
        outputFolderModule().replaceManifests(output.outdir, '.k8s.yaml', () => undefined);
      }
      return fail();
    }
  } catch (error) {
    if (error instanceof UsageError || (outputFolderLib !== undefined && error instanceof outputFolderLib.OutputFolderError)) {
      return fail(`synth stopped: ${error.message}`);
    }
    throw error;
  }
  // A failed synth is a report for the user, not a crash: print its list of
  // problems without the source line and stack trace Node adds.
  process.on('uncaughtException', (error) => {
    const report = error instanceof Error && error.name === 'SynthError';
    fail(report ? error.message : (error && error.stack) || String(error));
  });
  if (output.link !== undefined) {
    // The app writes dist/ (its default outdir is CDK8S_OUTDIR); the CLI gets a link to it once that succeeded.
    process.env.CDK8S_OUTDIR = output.outdir;
    process.on('exit', (code) => {
      if (code === 0 && !failed) {
        linkCliFolder(output.link, output.outdir);
      }
    });
  } else if (output.cliFolder === undefined) {
    // Run directly, synth says what it wrote, as the CLI does (which lists them itself when it runs the app).
    const before = folderState(output.outdir);
    process.on('exit', (code) => {
      if (code === 0 && !failed && folderState(output.outdir) !== before) {
        listManifests(target.root, output.outdir);
      }
    });
  }
  // Run the app in this process, as its main module (`require.main === module`), the way ts-node does.
  process.argv.splice(1, process.argv.length - 1, entryJs);
  require('module').runMain();
  return undefined;
}

/**
 * Where this synth writes (`outdir`), and the folder the cdk8s CLI expects
 * to find it in when that is not the same (`link`): by default `dist`;
 * under the CLI its folder, except the link folder of cdk8s.yaml, which
 * stands for dist/.
 */
function outputOf(root) {
  const given = process.env.CDK8S_OUTDIR;
  const dist = path.join(root, 'dist');
  if (!given) {
    return { outdir: dist };
  }
  const folder = path.resolve(root, given);
  if (runByCdk8sCli() && folder === path.join(root, CLI_LINK)) {
    return { outdir: dist, cliFolder: folder, link: folder };
  }
  return { outdir: folder, cliFolder: runByCdk8sCli() ? folder : undefined };
}

/** What outputOf gave for this run. */
let output;
/** Set once the run failed, so that no link tells the CLI it succeeded. */
let failed = false;

// The identity and time of a folder: a synth that wrote it swapped in another folder, or changed it in place (a mount point).
function folderState(dir) {
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  return stat === undefined ? 'absent' : `${stat.ino} ${stat.mtimeMs}`;
}

function listManifests(root, outdir) {
  if (!fs.existsSync(outdir)) {
    return;
  }
  const manifests = [];
  for (const entry of fs.readdirSync(outdir, { withFileTypes: true })) {
    const at = path.join(outdir, entry.name);
    const inFolder = entry.isDirectory() ? fs.readdirSync(at).map((file) => path.join(at, file)) : [at];
    manifests.push(...inFolder.filter((file) => file.endsWith('.k8s.yaml')));
  }
  const lines = manifests.map((file) => `  - ${path.relative(root, file)}\n`).join('');
  fs.writeSync(1, `Synthesized into ${path.relative(root, outdir) || outdir}:\n${lines}`);
}

// The CLI's folder becomes a link to the folder the app wrote (a junction on Windows, which needs no privilege).
function linkCliFolder(link, outdir) {
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.rmSync(link, { recursive: true, force: true });
  if (process.platform === 'win32') {
    fs.symlinkSync(outdir, link, 'junction');
  } else {
    fs.symlinkSync(path.relative(path.dirname(link), outdir), link, 'dir');
  }
}

/**
 * True when the cdk8s CLI started this process: it sets both variables for
 * its app command (and nothing else sets the second).
 */
function runByCdk8sCli() {
  return process.env.CDK8S_OUTDIR !== undefined && process.env.CDK8S_RECORD_CONSTRUCT_METADATA !== undefined;
}

/**
 * Ends a failed synth after printing `message`. Under the cdk8s CLI, when
 * its output folder can be left absent (it is empty: the CLI emptied it or
 * made it, and a failed synth writes nothing there), exits 0 so the CLI
 * reports the missing folder in one line and exits 1; otherwise exits 1.
 */
function fail(message) {
  failed = true;
  if (message) {
    process.stderr.write(`${message}\n`);
  }
  const cliFolder = output?.cliFolder;
  if (cliFolder !== undefined) {
    try {
      fs.rmdirSync(cliFolder);
    } catch (error) {
      if (error.code !== 'ENOENT') {
        process.exit(1);
      }
    }
    process.exit(0);
  }
  process.exit(1);
}

class UsageError extends Error {}

/**
 * The compiler that checks the project at `root`, from the project's own
 * packages: `typescript-7` (the native compiler under an alias), else
 * `typescript` (7 or 5). Its launcher script and its version.
 */
function findCompiler(root) {
  for (const name of ['typescript-7', 'typescript']) {
    let packageJson;
    try {
      packageJson = require.resolve(`${name}/package.json`, { paths: [root] });
    } catch {
      continue;
    }
    const { version, bin } = JSON.parse(fs.readFileSync(packageJson, 'utf8'));
    return { version, launcher: path.join(path.dirname(packageJson), typeof bin === 'string' ? bin : bin.tsc) };
  }
  throw new UsageError(
    `synth needs a TypeScript compiler in the project (${root}): install the native one with \`npm install --save-dev typescript-7@npm:typescript@7\`, or \`npm install --save-dev typescript\``,
  );
}

/** True when the last successful check saw exactly the files that are there now. */
function isStampFresh(target, compilerVersion) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(target.stampFile, 'utf8'));
  } catch {
    return false;
  }
  if (stamp.entry !== path.relative(target.root, target.entry) || stamp.typescript !== compilerVersion || !fs.existsSync(target.entryJs)) {
    return false;
  }
  const fingerprint = fingerprintOf(target.root, stamp.files, compilerVersion);
  return fingerprint !== undefined && fingerprint === stamp.fingerprint;
}

/** A hash of the contents of `files` (relative to the root) and the config files; undefined if one of `files` is gone. */
function fingerprintOf(root, files, compilerVersion) {
  const hash = createHash('sha256');
  hash.update(`typescript ${compilerVersion}\0`);
  hash.update(fs.readFileSync(__filename));
  for (const file of CONFIG_FILES) {
    hash.update(`\0${file}\0`);
    try {
      hash.update(fs.readFileSync(path.join(root, file)));
    } catch {
      hash.update('\0absent');
    }
  }
  for (const file of files) {
    let content;
    try {
      content = fs.readFileSync(path.join(root, file));
    } catch {
      return undefined;
    }
    hash.update(`\0${file}\0`);
    hash.update(content);
  }
  return hash.digest('hex');
}

/** Checks the program from the entry; on success emits what changed and records the stamp. */
function typecheckAndEmit(target, compiler) {
  const { root, entry, buildDir, stampFile, buildInfoFile } = target;
  if (!fs.existsSync(path.join(root, 'tsconfig.json'))) {
    throw new UsageError(`there is no tsconfig.json in ${root}, the project's folder`);
  }
  fs.mkdirSync(buildDir, { recursive: true });
  fs.rmSync(stampFile, { force: true });
  // A project of its own, extending the root tsconfig: the app's entry only
  // (not the tests), emitted as JavaScript into the build folder.
  const configFile = path.join(buildDir, 'tsconfig.json');
  const relative = (file) => path.relative(buildDir, file).split(path.sep).join('/');
  const config = {
    extends: relative(path.join(root, 'tsconfig.json')),
    compilerOptions: {
      noEmit: false,
      noEmitOnError: true,
      outDir: '.',
      rootDir: relative(root),
      incremental: true,
      tsBuildInfoFile: relative(buildInfoFile),
      // The manifests are the product; declarations and maps of the app are not needed to run it.
      declaration: false,
      sourceMap: false,
      // The app runs on Node; the test runner's globals, which a tsconfig
      // often lists for the tests, would only be parsed for nothing.
      types: hasPackage(root, '@types/node') ? ['node'] : [],
    },
    files: [relative(entry)],
    include: [],
  };
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2) + '\n');
  const pretty = process.stderr.isTTY ? 'true' : 'false';
  const run = childProcess.spawnSync(process.execPath, [compiler.launcher, '--project', configFile, '--pretty', pretty], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.error) {
    throw run.error;
  }
  process.stderr.write(run.stdout + run.stderr);
  if (run.status !== 0) {
    process.stderr.write(`synth stopped: the TypeScript ${compiler.version} check of ${path.relative(root, entry)} failed; no manifest was written.\n`);
    return false;
  }
  const files = projectFilesOf(root, entry, buildInfoFile);
  if (files !== undefined) {
    const stamp = { entry: path.relative(root, entry), typescript: compiler.version, files, fingerprint: fingerprintOf(root, files, compiler.version) };
    fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n');
  }
  return true;
}

function hasPackage(root, name) {
  try {
    require.resolve(`${name}/package.json`, { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

/**
 * The project's own files that the last check read, relative to the root,
 * from the compiler's build info; undefined when it cannot be read, and
 * then no stamp is written (every synth runs the incremental check).
 */
function projectFilesOf(root, entry, buildInfo) {
  let fileNames;
  try {
    fileNames = JSON.parse(fs.readFileSync(buildInfo, 'utf8')).fileNames;
  } catch {
    return undefined;
  }
  if (!Array.isArray(fileNames) || !fileNames.includes(path.relative(path.dirname(buildInfo), entry).split(path.sep).join('/'))) {
    return undefined;
  }
  return fileNames
    // A bare name (`lib.es2022.d.ts`) is one of the compiler's own declaration files.
    .filter((name) => typeof name === 'string' && name.includes('/'))
    .map((name) => path.relative(root, path.resolve(path.dirname(buildInfo), name)))
    .filter((file) => !file.startsWith('..') && !path.isAbsolute(file) && !file.split(path.sep).includes('node_modules'))
    .sort();
}

module.exports = { main, synthTarget, compileEntry, UsageError };

if (require.main === module) {
  main(process.argv.slice(2));
}
