#!/usr/bin/env node
'use strict';
/*
 * The app command of `cdk8s synth` (see cdk8s.yaml): type-checks the app
 * with the project's tsconfig, then runs it as plain JavaScript.
 *
 *   node scripts/synth.js [entry.ts]      (default: main.ts)
 *
 * Why not `npx ts-node main.ts`, which `cdk8s init` generates: ts-node
 * type-checks every file from scratch on every run, then compiles in
 * memory. Here the check is incremental and remembered:
 *  - inputs unchanged since the last successful check (every project
 *    source file the program read, tsconfig.json, package-lock.json, the
 *    TypeScript version): no compiler is loaded at all, the JavaScript
 *    emitted last time runs at once;
 *  - otherwise an incremental program (`.build/synth/tsbuildinfo`)
 *    re-checks only what changed, emits the changed files, and the app
 *    runs after the check passes.
 * A compile error blocks synth: nothing runs, and stale manifests are
 * removed from the output folder, as a failed Peapod synth does.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const buildDir = path.join(root, '.build', 'synth');
const stampFile = path.join(buildDir, 'checked.json');
const entry = path.resolve(root, process.argv[2] || 'main.ts');
const entryJs = path.join(buildDir, path.relative(root, entry).replace(/\.ts$/, '.js'));
// Inputs outside the project's sources that change what the check says.
const CONFIG_FILES = ['tsconfig.json', 'package-lock.json'];

function main() {
  if (!isStampFresh()) {
    const ok = typecheckAndEmit();
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

/** True when the last successful check saw exactly the files that are there now. */
function isStampFresh() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    return false;
  }
  if (stamp.entry !== path.relative(root, entry) || !fs.existsSync(entryJs)) {
    return false;
  }
  const fingerprint = fingerprintOf(stamp.files, stamp.typescript);
  return fingerprint !== undefined && fingerprint === stamp.fingerprint;
}

/** A hash of the contents of `files` (relative to the root) and the config files; undefined if one is gone. */
function fingerprintOf(files, typescriptVersion) {
  const hash = crypto.createHash('sha256');
  hash.update(`typescript ${typescriptVersion}\0`);
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
function typecheckAndEmit() {
  const ts = require('typescript');
  const configPath = path.join(root, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => report(ts, [diagnostic]),
  });
  if (!config) {
    return false;
  }
  const options = {
    ...config.options,
    noEmit: false,
    outDir: buildDir,
    rootDir: root,
    incremental: true,
    tsBuildInfoFile: path.join(buildDir, 'tsbuildinfo'),
    // The manifests are the product; declarations and maps of the app are not needed to run it.
    declaration: false,
    sourceMap: false,
    // The app's program sees Node's globals, not the test runner's: the
    // tsconfig lists jest's for __tests__, and 340 KB of declarations
    // that the app never uses would be parsed on every check.
    types: (config.options.types || []).filter((name) => name === 'node' || !/jest/.test(name)),
  };
  const host = ts.createIncrementalCompilerHost(options);
  const program = ts.createIncrementalProgram({ rootNames: [entry], options, host });
  const diagnostics = [
    ...config.errors,
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getSemanticDiagnostics(),
  ];
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (diagnostics.length > 0) {
    report(ts, diagnostics);
  }
  if (errors.length > 0) {
    process.stderr.write(`synth stopped: ${errors.length} TypeScript error${errors.length === 1 ? '' : 's'}; no manifest was written.\n`);
    return false;
  }
  const emitted = program.emit();
  const emitErrors = emitted.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (emitErrors.length > 0) {
    report(ts, emitErrors);
    return false;
  }
  const files = program
    .getProgram()
    .getSourceFiles()
    .map((file) => path.relative(root, file.fileName))
    .filter((file) => !file.startsWith('..') && !file.split(path.sep).includes('node_modules'))
    .sort();
  const stamp = { entry: path.relative(root, entry), typescript: ts.version, files, fingerprint: fingerprintOf(files, ts.version) };
  fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n');
  return true;
}

function report(ts, diagnostics) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' };
  const format = process.stderr.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
  process.stderr.write(format(diagnostics, host));
}

function removeManifests(outdir) {
  if (!fs.existsSync(outdir)) {
    return;
  }
  for (const file of fs.readdirSync(outdir)) {
    if (file.endsWith('.k8s.yaml')) {
      fs.rmSync(path.join(outdir, file), { force: true });
    }
  }
}

const status = main();
if (status !== undefined) {
  process.exitCode = status;
}
