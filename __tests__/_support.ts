import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing, Yaml } from 'cdk8s';
import { App } from '../lib';
import { assertManifestsMatchSchema } from '../lib/schema';

/** A fresh chart in an app whose output folder is never written. */
export function newChart(id = 'test'): Chart {
  return new Chart(new App({ outdir: path.join(os.tmpdir(), 'peapod-never-written') }), id);
}

/**
 * The chart's manifests as YAML text, the way `cdk8s synth` writes them.
 * Throws when a manifest does not match the Kubernetes schema.
 */
export function synthYaml(chart: Chart): string {
  return Yaml.stringify(...synthObjects(chart));
}

/**
 * The chart's manifests as objects. Every manifest a test synthesizes is
 * checked against the Kubernetes 1.27 schema (unknown fields included), so
 * no test can pass on output the API server would refuse.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function synthObjects(chart: Chart): any[] {
  const manifests = Testing.synth(chart);
  assertManifestsMatchSchema(manifests, `chart "${chart.node.path}"`);
  return manifests;
}

/** Runs `body` with a temporary folder that is removed afterwards, whatever happens. */
export function withTempDir<T>(body: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peapod-test-'));
  try {
    return body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The files of a folder, name to content. */
export function readFolder(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) {
    return {};
  }
  return Object.fromEntries(fs.readdirSync(dir).sort().map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]));
}

/**
 * The files of a folder and of the folders in it, at any depth, by path
 * relative to it (with "/"), to content; an empty folder as `name/`.
 */
export function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string, prefix: string): void => {
    const entries = fs.readdirSync(at, { withFileTypes: true });
    if (entries.length === 0 && prefix !== '') {
      files[prefix] = '';
    }
    for (const entry of entries) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) {
        walk(full, `${prefix}${entry.name}/`);
      } else {
        files[`${prefix}${entry.name}`] = fs.readFileSync(full, 'utf8');
      }
    }
  };
  if (fs.existsSync(dir)) {
    walk(dir, '');
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
