import * as fs from 'fs';
import { classifyProblem, corpusUnits, EXPECTED_FILE, Expected, expectedOf, measureCorpus, Outcome, report } from '../../scripts/import-corpus';

// Real manifests, as published (corpus/README.md, corpus/sources.json):
// each file, and each folder as one import, has the outcome pinned in
// corpus/expected.json. A change either way fails here: a regression is a
// bug, an improvement is recorded with `npm run import-corpus -- --update`
// and a review of the diff of expected.json.
const units = corpusUnits();
const expected = JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8')) as Record<string, Expected>;
let outcomes: Map<string, Outcome>;

beforeAll(() => {
  outcomes = new Map(measureCorpus(units).map((o) => [o.id, o]));
}, 300_000);

describe('a corpus of real manifests', () => {
  test('holds at least 150 files, each with its source recorded, and an expectation for every file and folder', () => {
    const files = units.filter((u) => !u.id.endsWith('/')).map((u) => u.id);
    const sources = JSON.parse(fs.readFileSync(EXPECTED_FILE.replace('expected.json', 'sources.json'), 'utf8')) as Record<string, { repo: string; path: string; license: string }>;
    expect(files.length).toBeGreaterThanOrEqual(150);
    expect(Object.keys(sources).sort()).toEqual(files);
    expect(Object.keys(expected).sort()).toEqual(units.map((u) => u.id).sort());
  });

  test.each(units.map((u) => u.id))('%s', (id) => {
    const outcome = outcomes.get(id)!;
    const pinned = { outcome: outcome.outcome, ...(outcome.causes.length > 0 ? { causes: outcome.causes } : {}) };
    // The messages are printed when the outcome changed, to say why.
    expect({ ...pinned, ...(JSON.stringify(pinned) === JSON.stringify(expected[id]) ? {} : { details: outcome.details }) }).toEqual(expected[id]);
  });

  test('no refusal is unclassified, and no bug appears that expected.json does not record', () => {
    const bad = [...outcomes.values()].filter((o) => o.outcome === 'refused: unclassified' || (o.outcome.startsWith('bug:') && expected[o.id]?.outcome !== o.outcome));
    expect(bad).toEqual([]);
  });

  test('the report gives the rates and the causes', () => {
    const text = report([...outcomes.values()]);
    expect(text).toMatch(/^## files: \d+\n\nexact round trip: \d+ of the \d+ the API server and kubectl accept/);
    expect(text).toContain('## causes of files not imported exactly, by number of files');
    expect(expectedOf([...outcomes.values()])).toEqual(expected);
  });
});

describe('the classifier', () => {
  const origin = { file: 'f.yaml', document: 1, prefix: '' };
  const problem = (message: string, extra: { rule?: string; position?: string } = {}) => classifyProblem({ origin, field: 'x', message, fix: '', ...extra });

  test('names the API server for a version it no longer serves, and the import for one it does not read', () => {
    expect(problem('Deployment has apiVersion "extensions/v1beta1", which the API server no longer serves (removed in Kubernetes 1.16)')).toEqual({ outcome: 'refused: API server', cause: 'apiVersion extensions/v1beta1 is no longer served' });
    expect(problem('kind "Foo" is not one peapod import reads: Kubernetes 1.27 serves no such kind in apiVersion "apps/v1"')).toEqual({ outcome: 'refused: API server', cause: 'kind Foo is not served in apiVersion apps/v1' });
    expect(problem('kind "Foo" is not one peapod import reads')).toEqual({ outcome: 'refused: not yet modeled', cause: 'kind Foo is not imported' });
    expect(problem('HorizontalPodAutoscaler has apiVersion "autoscaling/v1"')).toEqual({ outcome: 'refused: not yet modeled', cause: 'apiVersion autoscaling/v1 of HorizontalPodAutoscaler is not imported' });
  });

  test('reads a rule by its category, and the YAML reader by the position it gives', () => {
    expect(problem('[a] spec: x. Fix: y (env-reference-defined)', { rule: 'env-reference-defined' }).outcome).toBe('refused: tutorial rule');
    expect(problem('[a] spec: x. Fix: y (supported-value)', { rule: 'supported-value' }).outcome).toBe('refused: API server');
    expect(problem('YAML syntax error: Tabs are not allowed as indentation', { position: '3:1' }).outcome).toBe("refused: kubectl's YAML reader");
  });

  test('leaves a message it does not know unclassified, values elided', () => {
    expect(problem('something "new" happened')).toEqual({ outcome: 'refused: unclassified', cause: 'something "…" happened' });
  });
});
