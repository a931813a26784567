import * as fs from 'fs';
import * as path from 'path';
import * as peapod from '../../lib';
import { ImportError, importManifests } from '../../lib/import';
import { manifestDifferences, synthGenerated } from '../../lib/import/verify';

// Real manifests, as published: the Kubernetes website's content/en/examples
// and the microservices demo's kubernetes-manifests (both Apache-2.0; see
// corpus/README.md). Each file must import with an exact round trip, or be
// refused for the reason recorded here: a rule the API server also enforces
// (or kubectl's YAML reader), a rule the tutorial makes stricter, or a
// feature listed as not yet modeled.
const CORPUS = path.join(__dirname, 'corpus');

/** Why a file is refused, by the start of each problem's message; a file not listed imports exactly. */
const REFUSED: Readonly<Record<string, readonly string[]>> = {
  // Not yet modeled: one chart holds one namespace.
  'microservices-demo/frontend.yaml': ['is not set, but microservices-demo/frontend.yaml document 1 is in "opentelemetry-demo"; a chart has one namespace'],
  // A field of Kubernetes 1.28 (sidecar containers); Peapod's types are 1.27's.
  'kubernetes-website/application-deployment-sidecar.yaml': ['is a field of Kubernetes 1.28 and later (sidecar init containers)'],
  // The tutorial's rule: $(PROTOCOL) before PROTOCOL is defined stays literal text.
  'kubernetes-website/pods-inject-dependent-envars.yaml': ['$(PROTOCOL) in UNCHANGED_REFERENCE refers to no variable defined before UNCHANGED_REFERENCE'],
  // kubectl refuses it too: a tab in the indentation.
  'kubernetes-website/pods-inject-pod-multiple-secret-env-variable.yaml': ['YAML syntax error: Tabs are not allowed as indentation'],
  // The API server refuses it: required node affinity takes nodeSelectorTerms, not preferences.
  'kubernetes-website/pods-pod-with-node-affinity.yaml': ['is a list; expected a mapping'],
};

const files = (fs.readdirSync(CORPUS, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).filter((f) => f.endsWith('.yaml')).sort();

function outcomeOf(file: string): { exact: true } | { exact: false; problems: string[] } {
  const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
  try {
    const result = importManifests([{ file, text }], { from: '..' });
    const synth = synthGenerated(result.source, result.className, { '..': peapod });
    const differences = synth.errors.length > 0 ? synth.errors : manifestDifferences(result.objects, synth.objects);
    return differences.length === 0 ? { exact: true } : { exact: false, problems: differences };
  } catch (error) {
    if (error instanceof ImportError) {
      return { exact: false, problems: error.problems.map((p) => p.message) };
    }
    throw error;
  }
}

describe('a corpus of real manifests', () => {
  test('holds the files the expectations name', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const file of Object.keys(REFUSED)) {
      expect(files).toContain(file);
    }
  });

  test.each(files)('%s', (file) => {
    const outcome = outcomeOf(file);
    const refused = REFUSED[file];
    if (refused === undefined) {
      expect(outcome).toEqual({ exact: true });
    } else {
      expect(outcome.exact).toBe(false);
      const problems = outcome.exact ? [] : outcome.problems;
      expect(problems).toHaveLength(refused.length);
      refused.forEach((start, i) => expect(problems[i].startsWith(start)).toBe(true));
    }
  });
});
