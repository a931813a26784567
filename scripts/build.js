#!/usr/bin/env node
'use strict';
/*
 * `npm run build` (and `prepare`, so a clone or a git install builds too):
 * compiles lib/ and the command line into build/ with declarations
 * (tsconfig.build.json), then writes the Kubernetes schemas the escape-hatch
 * check needs beside the compiled schema reader, so that the package does
 * not need kubernetes-models at run time.
 *
 * The native TypeScript 7 compiler does it in about a second; the
 * TypeScript 5 one is used when it is the only compiler installed.
 */
const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const build = path.join(root, 'build');

function compilerLauncher() {
  for (const name of ['typescript-7', 'typescript']) {
    try {
      const packageJson = require.resolve(`${name}/package.json`, { paths: [root] });
      return path.join(path.dirname(packageJson), JSON.parse(fs.readFileSync(packageJson, 'utf8')).bin.tsc);
    } catch {
      // not installed: try the next
    }
  }
  throw new Error('npm run build needs typescript or typescript-7 installed (they are development dependencies: run npm ci)');
}

const run = childProcess.spawnSync(process.execPath, [compilerLauncher(), '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) {
  process.exit(run.status ?? 1);
}
const { loadFromModels, SCHEMA_BUNDLE } = require(path.join(build, 'lib', 'schema', 'load-schemas.js'));
fs.writeFileSync(path.join(build, 'lib', 'schema', SCHEMA_BUNDLE), JSON.stringify(Object.fromEntries(loadFromModels())));
