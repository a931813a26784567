/**
 * `peapod init [DIR]`: a new project in Peapod's layout, depending on this
 * package: package.json, tsconfig.json, cdk8s.yaml (the fast synth),
 * main.ts, lib/, dist/, __tests__/ (jest with ts-jest, a snapshot test),
 * README.md, .gitignore and peapod.config.json; then `npm install` in it.
 * The files are templates/init/ of the package; package.json is written
 * here, with the versions this package is built and tested with.
 */
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const USAGE = `usage: peapod init [DIR] [--no-install] [--peapod SPEC]

Creates a Peapod project in DIR (default: the current folder), which must
be empty or not exist yet, then runs npm install in it.

  --no-install     write the files only
  --peapod SPEC    the dependency on peapod to write (default: ^VERSION of this
                   peapod; a path or a .tgz from npm pack tries an unreleased build)`;

/** Where init reads its templates and writes its messages. */
export interface InitContext {
  /** The folder of the peapod package (its package.json and templates/). */
  readonly packageRoot: string;
  readonly write: (text: string) => void;
  readonly warn: (text: string) => void;
}

/** Template file names that npm would drop or rename when it packs the package. */
const RENAMED: Readonly<Record<string, string>> = { _gitignore: '.gitignore' };

/** The development tools of a new project; their versions are the ones this package uses. */
const DEV_TOOLS = ['@types/jest', '@types/node', 'cdk8s-cli', 'jest', 'ts-jest', 'typescript', 'typescript-7'] as const;

/** The libraries a Peapod program imports besides peapod: its peer dependencies. */
const PEERS = ['cdk8s', 'cdk8s-plus-27', 'constructs'] as const;

interface OwnPackage {
  readonly version: string;
  readonly peerDependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
}

/** Runs the command; returns its exit code. */
export function runInit(args: readonly string[], context: InitContext): number {
  let dir: string | undefined;
  let install = true;
  let spec: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') {
      context.write(`${USAGE}\n`);
      return 0;
    } else if (arg === '--no-install') {
      install = false;
    } else if (arg === '--peapod' && args[i + 1] !== undefined) {
      spec = args[++i];
    } else if (!arg.startsWith('-') && dir === undefined) {
      dir = arg;
    } else {
      context.warn(`peapod init: unknown argument "${arg}"\n${USAGE}\n`);
      return 64;
    }
  }
  const target = path.resolve(dir ?? '.');
  const existing = fs.existsSync(target) ? fs.readdirSync(target).filter((name) => name !== '.git') : [];
  if (existing.length > 0) {
    context.warn(`peapod init: ${target} is not empty (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''}); nothing was written. Fix: name a new or empty folder: peapod init my-app\n`);
    return 1;
  }
  const own = JSON.parse(fs.readFileSync(path.join(context.packageRoot, 'package.json'), 'utf8')) as OwnPackage;
  const name = packageName(path.basename(target));
  const templates = path.join(context.packageRoot, 'templates', 'init');
  fs.mkdirSync(target, { recursive: true });
  copyTemplates(templates, target, { name });
  fs.writeFileSync(path.join(target, 'package.json'), `${JSON.stringify(projectPackage(name, own, spec ? resolveSpec(spec) : `^${own.version}`), null, 2)}\n`);
  context.write(`peapod init: wrote a Peapod project to ${target}\n`);
  if (install) {
    context.write('peapod init: npm install\n');
    const npm = childProcess.spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--no-audit', '--no-fund'], { cwd: target, stdio: 'inherit' });
    if (npm.status !== 0) {
      context.warn(`peapod init: npm install failed in ${target}; run it there again once the cause is fixed\n`);
      return 1;
    }
  }
  const cd = path.relative(process.cwd(), target);
  context.write(`\nNext:${cd ? ` cd ${cd} &&` : ''}${install ? '' : ' npm install &&'} npm run synth && npm test\n`);
  return 0;
}

/** The new project's package.json: Peapod and its peers as dependencies, the tools as development dependencies. */
function projectPackage(name: string, own: OwnPackage, peapodSpec: string): object {
  const pick = (names: readonly string[], versions: Readonly<Record<string, string>>) =>
    Object.fromEntries(names.map((dependency) => [dependency, versions[dependency]]));
  return {
    name,
    version: '0.1.0',
    private: true,
    scripts: {
      synth: 'peapod synth',
      test: 'tsc --noEmit -p . && jest',
      plan: 'peapod plan',
      import: 'peapod import',
    },
    dependencies: { peapod: peapodSpec, ...pick(PEERS, caretOf(own.devDependencies)) },
    devDependencies: pick(DEV_TOOLS, caretOf(own.devDependencies)),
  };
}

/** Exact versions as caret ranges (`2.70.106` to `^2.70.106`); ranges and aliases as they are. */
function caretOf(versions: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(versions).map(([name, version]) => [name, /^\d/.test(version) ? `^${version}` : version]));
}

/** A path to a folder or a tarball becomes an absolute `file:` spec, so it works from the new folder. */
function resolveSpec(spec: string): string {
  return /^[./]/.test(spec) || spec.endsWith('.tgz') ? `file:${path.resolve(spec)}` : spec;
}

/** A valid npm package name from a folder name. */
function packageName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return name || 'peapod-app';
}

function copyTemplates(from: string, to: string, values: { readonly name: string }): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const destination = path.join(to, RENAMED[entry.name] ?? entry.name);
    if (entry.isDirectory()) {
      fs.mkdirSync(destination, { recursive: true });
      copyTemplates(source, destination, values);
    } else {
      fs.writeFileSync(destination, fs.readFileSync(source, 'utf8').split('{{name}}').join(values.name));
    }
  }
}
