import * as fs from 'fs';
import * as path from 'path';
import { Chart, YamlOutputType } from 'cdk8s';
import { App, Container, Pod } from '../lib';
import { readTree, withTempDir } from './_support';

/*
 * Every yamlOutputType behaves as the default one: manifests are quoted
 * for go-yaml, a failed synth leaves no manifest behind, and a chart or
 * resource that is gone leaves no stale manifest, also in the chart
 * folders of FOLDER_PER_CHART_FILE_PER_RESOURCE. Files that are not
 * manifests stay where they are.
 */

const OUTPUT_TYPES = [
  ['FILE_PER_APP', YamlOutputType.FILE_PER_APP],
  ['FILE_PER_CHART', YamlOutputType.FILE_PER_CHART],
  ['FILE_PER_RESOURCE', YamlOutputType.FILE_PER_RESOURCE],
  ['FOLDER_PER_CHART_FILE_PER_RESOURCE', YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE],
] as const;

// What each output type writes for charts "one" (Pods web and cache) and "two" (Pod db).
const WRITTEN: Record<YamlOutputType, { full: string[]; oneWebOnly: string[] }> = {
  [YamlOutputType.FILE_PER_APP]: { full: ['app.k8s.yaml'], oneWebOnly: ['app.k8s.yaml'] },
  [YamlOutputType.FILE_PER_CHART]: { full: ['one.k8s.yaml', 'two.k8s.yaml'], oneWebOnly: ['one.k8s.yaml'] },
  [YamlOutputType.FILE_PER_RESOURCE]: { full: ['Pod.cache.k8s.yaml', 'Pod.db.k8s.yaml', 'Pod.web.k8s.yaml'], oneWebOnly: ['Pod.web.k8s.yaml'] },
  [YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE]: {
    full: ['one/Pod.cache.k8s.yaml', 'one/Pod.web.k8s.yaml', 'two/Pod.db.k8s.yaml'],
    oneWebOnly: ['one/Pod.web.k8s.yaml'],
  },
};

// Files of the user's in the output folder, which no synth may remove; one
// in the folder of chart "one", into which a synth then moves its manifests.
const USER_FILES = { 'keep/notes.md': 'mine', 'notes.txt': 'mine too', 'one/notes.md': 'about chart one' };

interface Shape {
  readonly pods: Readonly<Record<string, readonly string[]>>;
  readonly broken?: boolean;
}

/** Synthesizes charts of Pods, labelled with a value go-yaml misreads, into `outdir`; returns the error, if any. */
function synthesize(outdir: string, yamlOutputType: YamlOutputType, shape: Shape, outputFileExtension?: string): Error | undefined {
  const app = new App({ outdir, yamlOutputType, outputFileExtension, config: {}, onWarnings: () => undefined });
  for (const [chartId, pods] of Object.entries(shape.pods)) {
    const chart = new Chart(app, chartId);
    for (const pod of pods) {
      new Pod(chart, pod, { labels: { version: '0o17' }, containers: [new Container({ name: 'app', image: 'app:1.0' })] });
    }
  }
  if (shape.broken) {
    new Pod(new Chart(app, 'broken'), 'Bad_Name', { containers: [new Container({ name: 'app', image: 'app:1.0' })] });
  }
  try {
    app.synth();
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

const FULL: Shape = { pods: { one: ['web', 'cache'], two: ['db'] } };
const ONE_WEB_ONLY: Shape = { pods: { one: ['web'] } };

function addUserFiles(outdir: string): void {
  for (const [file, content] of Object.entries(USER_FILES)) {
    fs.mkdirSync(path.dirname(path.join(outdir, file)), { recursive: true });
    fs.writeFileSync(path.join(outdir, file), content);
  }
}

describe.each(OUTPUT_TYPES)('yamlOutputType %s', (_name, type) => {
  test('writes every manifest with the strings go-yaml would misread quoted, and nothing else', () => {
    withTempDir((dir) => {
      const outdir = path.join(dir, 'dist');
      expect(synthesize(outdir, type, FULL)).toBeUndefined();
      const written = readTree(outdir);
      expect(Object.keys(written)).toEqual(WRITTEN[type].full);
      for (const text of Object.values(written)) {
        expect(text).toContain('\n    version: "0o17"\n');
        expect(text).not.toContain('version: 0o17');
      }
      // No scratch folder is left beside the output.
      expect(fs.readdirSync(dir)).toEqual(['dist']);
    });
  });

  test('removes the manifests of charts and resources that are gone, and keeps the files that are not manifests', () => {
    withTempDir((dir) => {
      const outdir = path.join(dir, 'dist');
      expect(synthesize(outdir, type, FULL)).toBeUndefined();
      addUserFiles(outdir);
      expect(synthesize(outdir, type, ONE_WEB_ONLY)).toBeUndefined();
      const written = readTree(outdir);
      expect(Object.keys(written)).toEqual([...WRITTEN[type].oneWebOnly, ...Object.keys(USER_FILES)].sort());
      const manifests = WRITTEN[type].oneWebOnly.map((file) => written[file]).join('');
      expect(manifests).toContain('name: web');
      expect(manifests).not.toMatch(/name: (cache|db)\n/);
      expect(fs.readdirSync(dir)).toEqual(['dist']);
    });
  });

  test('a failed synth leaves no manifest, however deep, and keeps the files that are not manifests', () => {
    withTempDir((dir) => {
      const outdir = path.join(dir, 'dist');
      expect(synthesize(outdir, type, FULL)).toBeUndefined();
      addUserFiles(outdir);
      const error = synthesize(outdir, type, { ...FULL, broken: true });
      expect(error?.message).toBe(
        'synth failed with 1 error; no manifest was written:\n' +
          '  [broken/Bad_Name] metadata.name: name "Bad_Name" must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: use a DNS-1123 subdomain such as "bad-name" (object-name)',
      );
      expect(readTree(outdir)).toEqual(USER_FILES);
      expect(fs.readdirSync(dir)).toEqual(['dist']);
    });
  });
});

describe('output folders', () => {
  test('switching from folders per chart to a file per chart leaves no manifest of the folders behind', () => {
    withTempDir((dir) => {
      const outdir = path.join(dir, 'dist');
      expect(synthesize(outdir, YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE, FULL)).toBeUndefined();
      expect(synthesize(outdir, YamlOutputType.FILE_PER_CHART, FULL)).toBeUndefined();
      expect(Object.keys(readTree(outdir))).toEqual(['one.k8s.yaml', 'two.k8s.yaml']);
    });
  });

  test("remove only files with the app's outputFileExtension, and keep a chart folder that holds other files", () => {
    withTempDir((dir) => {
      const outdir = path.join(dir, 'dist');
      const type = YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE;
      expect(synthesize(outdir, type, FULL, '.manifest.yaml')).toBeUndefined();
      fs.writeFileSync(path.join(outdir, 'two', 'Pod.db.k8s.yaml'), 'not written by this app');
      fs.writeFileSync(path.join(outdir, 'one', 'README.md'), 'about chart one');
      expect(synthesize(outdir, type, { pods: {} }, '.manifest.yaml')).toBeUndefined();
      expect(readTree(outdir)).toEqual({ 'one/README.md': 'about chart one', 'two/Pod.db.k8s.yaml': 'not written by this app' });
    });
  });
});
