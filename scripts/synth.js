#!/usr/bin/env node
'use strict';
/*
 * The app command of `cdk8s synth` (see cdk8s.yaml): type-checks the app
 * with the project's tsconfig, then runs it as plain JavaScript.
 *
 *   node scripts/synth.js [entry.ts]      (default: main.ts)
 *
 * Why not `npx ts-node main.ts`, which `cdk8s init` generates: ts-node
 * type-checks every file from scratch on every run with the TypeScript
 * compiler written in JavaScript, then compiles in memory. Here:
 *  - the check and the emit are done by the native TypeScript 7 compiler
 *    (the `typescript-7` dev dependency), several times faster on the
 *    declarations of cdk8s and Node that every check reads;
 *  - the check is incremental (`.build/synth/tsbuildinfo`): only what
 *    changed is checked and emitted again;
 *  - when nothing changed since the last successful check (every project
 *    file the program read, tsconfig.json, package-lock.json, the compiler
 *    version, this script), no compiler is started at all and the
 *    JavaScript emitted last time runs at once.
 * A compile error blocks synth: nothing runs, and stale manifests are
 * removed from the output folder, as a failed Peapod synth does.
 *
 * ts-jest and ts-node keep TypeScript 5 (they need its JavaScript API);
 * `npm test` type-checks the project with both compilers.
 */
const childProcess = require('child_process');
const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const buildDir = path.join(root, '.build', 'synth');
const stampFile = path.join(buildDir, 'checked.json');
const buildInfoFile = path.join(buildDir, 'tsbuildinfo');
const entry = path.resolve(root, process.argv[2] || 'main.ts');
const entryJs = path.join(buildDir, path.relative(root, entry).replace(/\.ts$/, '.js'));
// Inputs outside the project's sources that change what the check says.
const CONFIG_FILES = ['tsconfig.json', 'package-lock.json'];

function main() {
  const compiler = nativeCompiler();
  if (!isStampFresh(compiler.version)) {
    const ok = typecheckAndEmit(compiler);
    if (!ok) {
      removeManifests(process.env.CDK8S_OUTDIR || path.join(root, 'dist'));
      return 1;
    }
  }
  // A failed synth is a report for the user, not a crash: print its list of
  // problems without the source line and stack trace Node adds.
  process.on('uncaughtException', (error) => {
    const report = error instanceof Error && error.name === 'SynthError';
    process.stderr.write(`${report ? error.message : (error && error.stack) || String(error)}\n`);
    process.exit(1);
  });
  // Run the app in this process, as its main module (`require.main === module`), the way ts-node does.
  process.argv.splice(1, process.argv.length - 1, entryJs);
  require('module').runMain();
  return undefined;
}

/** The TypeScript 7 command line compiler: its launcher script and its version. */
function nativeCompiler() {
  const packageJson = require.resolve('typescript-7/package.json', { paths: [root] });
  const { version, bin } = JSON.parse(fs.readFileSync(packageJson, 'utf8'));
  return { version, launcher: path.join(path.dirname(packageJson), bin.tsc) };
}

/** True when the last successful check saw exactly the files that are there now. */
function isStampFresh(compilerVersion) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    return false;
  }
  if (stamp.entry !== path.relative(root, entry) || stamp.typescript !== compilerVersion || !fs.existsSync(entryJs)) {
    return false;
  }
  const fingerprint = fingerprintOf(stamp.files, compilerVersion);
  return fingerprint !== undefined && fingerprint === stamp.fingerprint;
}

/** A hash of the contents of `files` (relative to the root) and the config files; undefined if one is gone. */
function fingerprintOf(files, compilerVersion) {
  const hash = createHash('sha256');
  hash.update(`typescript ${compilerVersion}\0`);
  hash.update(fs.readFileSync(__filename));
  for (const file of [...CONFIG_FILES, ...files]) {
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

/** Checks the program from `entry`; on success emits what changed and records the stamp. */
function typecheckAndEmit(compiler) {
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
      // The app runs on Node; the test runner's globals, which the root
      // tsconfig lists for __tests__, would only be parsed for nothing.
      types: ['node'],
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
  const files = projectFilesOf(buildInfoFile);
  if (files !== undefined) {
    const stamp = { entry: path.relative(root, entry), typescript: compiler.version, files, fingerprint: fingerprintOf(files, compiler.version) };
    fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n');
  }
  return true;
}

/**
 * The project's own files that the last check read, relative to the root,
 * from the compiler's build info; undefined when it cannot be read, and
 * then no stamp is written (every synth runs the incremental check).
 */
function projectFilesOf(buildInfo) {
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

/** Removes the manifests in `outdir` and its chart folders, and the folders left empty, as lib/app.ts does. */
function removeManifests(outdir) {
  if (!fs.existsSync(outdir)) {
    return;
  }
  for (const entry of fs.readdirSync(outdir, { withFileTypes: true })) {
    const at = path.join(outdir, entry.name);
    if (entry.isDirectory()) {
      const files = fs.readdirSync(at);
      const manifests = files.filter((file) => file.endsWith('.k8s.yaml'));
      manifests.forEach((file) => fs.rmSync(path.join(at, file), { force: true }));
      if (manifests.length > 0 && manifests.length === files.length) {
        fs.rmdirSync(at);
      }
    } else if (entry.name.endsWith('.k8s.yaml')) {
      fs.rmSync(at, { force: true });
    }
  }
}

const status = main();
if (status !== undefined) {
  process.exitCode = status;
}
