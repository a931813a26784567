import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { App, Container, defineRules, findRule, fixNaming, fixOf, Pod, Problem, projectRules, readConfigFile, Report, resolveProblems, RuleIdOf, ruleIn, Rules } from '../../lib';
import { withTempDir } from '../_support';

const problem = (rule: string, severity: Problem['severity'] = 'warning'): Problem => ({
  rule,
  severity,
  construct: 'c/p',
  field: 'spec',
  message: 'm',
  fix: 'f',
});

function podInChart(): { app: App; chart: Chart; pod: Pod } {
  const app = new App({ outdir: 'never-written', config: {} });
  const chart = new Chart(app, 'chart');
  const pod = new Pod(chart, 'pod', { containers: [new Container({ name: 'app', image: 'app:1.0' })] });
  return { app, chart, pod };
}

describe('defineRules', () => {
  test('registers rules other modules declare, and returns them', () => {
    const rules = defineRules([{ id: 'test-only-rule', severity: 'warning', summary: 's', why: 'w', fix: 'f' }]);
    expect(rules[0].id).toBe('test-only-rule');
    expect(findRule('test-only-rule')).toEqual(rules[0]);
  });

  test('accepts the same definition twice', () => {
    const rule = { id: 'test-twice', severity: 'error', summary: 's', why: 'w', fix: 'f' } as const;
    defineRules([rule]);
    expect(() => defineRules([{ ...rule }])).not.toThrow();
  });

  test('fails when one id gets two definitions', () => {
    defineRules([{ id: 'test-clash', severity: 'error', summary: 's', why: 'w', fix: 'f' }]);
    expect(() => defineRules([{ id: 'test-clash', severity: 'warning', summary: 's', why: 'w', fix: 'f' }])).toThrow(
      'rule "test-clash" is defined twice with different definitions; give one of them another id',
    );
  });

  test('fails on an id that is not kebab-case', () => {
    expect(() => defineRules([{ id: 'hostPathSet', severity: 'warning', summary: 's', why: 'w', fix: 'f' }])).toThrow(
      'rule id "hostPathSet" is not kebab-case; use lower-case words joined by "-"',
    );
  });
});

describe("a rule's fix, written once", () => {
  const OWN = defineRules([
    { id: 'test-fix-default', severity: 'warning', summary: 's', why: 'w', fix: 'Set the labels.' },
    { id: 'test-fix-naming', severity: 'error', summary: 's', why: 'w', ...fixNaming((port: string) => `free ${port}`, ['the port'], ['or pick another']) },
  ]);

  test('a problem reported without a fix takes the definition\'s, as a clause', () => {
    const report = new Report<RuleIdOf<typeof OWN>>('c/p');
    report.warn('test-fix-default', 'spec', 'm');
    report.error('test-fix-naming', 'spec.ports[0]', 'm', ruleIn(OWN, 'test-fix-naming').fixFor('port 80'));
    expect(report.problems.map((p) => p.fix)).toEqual(['set the labels', 'free port 80']);
  });

  test('docs/rules.md shows the fix with its placeholders, as sentences', () => {
    expect(findRule('test-fix-naming')?.fix).toBe('Free the port. Or pick another.');
    expect(fixOf('latest-tag')).toBe('pin a version, such as `nginx:1.27`, or a digest. A digest is written `nginx@sha256:…`');
  });

  test('fails for an id no definition declares', () => {
    expect(() => fixOf('no-such-rule')).toThrow('no rule has the id "no-such-rule", so it has no fix; declare it with defineRules() before reporting it');
  });
});

describe('Rules.of', () => {
  test('a setting applies to the construct and everything under it; the nearest wins', () => {
    const { chart, pod } = podInChart();
    Rules.of(chart).set('latest-tag', 'error', 'images are pinned in this chart');
    Rules.of(pod).set('latest-tag', 'off', 'the dev image is rebuilt on every push');
    expect(Rules.of(chart).settingOf('latest-tag')).toEqual({ level: 'error', reason: 'images are pinned in this chart' });
    expect(Rules.of(pod).settingOf('latest-tag')).toEqual({ level: 'off', reason: 'the dev image is rebuilt on every push' });
    expect(Rules.of(pod).settingOf('no-liveness-probe')).toBeUndefined();
  });

  test('fails on an unknown rule, with the nearest id', () => {
    const { pod } = podInChart();
    expect(() => Rules.of(pod).set('latest-tags', 'off', 'x')).toThrow(
      'Rules.of(chart/pod).set: no rule has the id "latest-tags"; did you mean "latest-tag"? (docs/rules.md lists them)',
    );
  });

  test('fails on a rule of the API server', () => {
    const { pod } = podInChart();
    expect(() => Rules.of(pod).suppress('port-number', 'x')).toThrow(
      'Rules.of(chart/pod).set: rule "port-number" mirrors the Kubernetes API server, which would refuse the manifest; it cannot be set to "off"',
    );
  });

  test('fails without a reason', () => {
    const { pod } = podInChart();
    expect(() => Rules.of(pod).suppress('latest-tag', ' ')).toThrow(
      'Rules.of(chart/pod).set: rule "latest-tag" needs a reason; say why the default does not fit here',
    );
  });

  test('the Pod prop `rules` sets them too', () => {
    const app = new App({ outdir: 'never-written', config: {} });
    const pod = new Pod(new Chart(app, 'c'), 'p', {
      containers: [new Container({ name: 'app', image: 'app' })],
      rules: { 'latest-tag': { level: 'off', reason: 'local image' } },
    });
    expect(pod.problems().filter((p) => p.rule === 'latest-tag')).toEqual([]);
    expect(Rules.of(pod).settingOf('latest-tag')).toEqual({ level: 'off', reason: 'local image' });
  });
});

describe('resolveProblems', () => {
  const { pod } = podInChart();
  const project = (rules: Record<string, 'error' | 'warning' | 'off'>, strict = false) => ({ rules, strict });

  test('keeps the reported severity when nothing is configured', () => {
    expect(resolveProblems(pod, [problem('latest-tag')])).toEqual([problem('latest-tag')]);
  });

  test('applies the project level, and drops problems of rules turned off', () => {
    expect(resolveProblems(pod, [problem('latest-tag'), problem('no-liveness-probe')], project({ 'latest-tag': 'error', 'no-liveness-probe': 'off' }))).toEqual(
      [problem('latest-tag', 'error')],
    );
  });

  test('strict mode turns warnings into errors', () => {
    expect(resolveProblems(pod, [problem('latest-tag')], project({}, true))).toEqual([problem('latest-tag', 'error')]);
  });

  test('a construct setting wins over the project level', () => {
    const { pod: other } = podInChart();
    Rules.of(other).set('latest-tag', 'warning', 'reviewed: the tag is moved by hand');
    expect(resolveProblems(other, [problem('latest-tag')], project({ 'latest-tag': 'error' }))).toEqual([problem('latest-tag')]);
  });

  test('never lowers a rule of the API server', () => {
    expect(resolveProblems(pod, [problem('port-number', 'error')], project({ 'port-number': 'off' }))).toEqual([problem('port-number', 'error')]);
  });

  test('with no setting anywhere in the process, gives back the list itself, yet still raises a rule of the API server', () => {
    // A module registry of its own: no Rules.of() setting made by the tests above.
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('../../lib') as typeof import('../../lib');
      const { Chart: FreshChart, App: Cdk8sApp } = require('cdk8s') as typeof import('cdk8s'); // eslint-disable-line @typescript-eslint/no-require-imports
      const chart = new FreshChart(new Cdk8sApp(), 'chart');
      const list = [problem('latest-tag'), problem('port-number', 'error')];
      expect(fresh.resolveProblems(chart, list)).toBe(list);
      expect(fresh.resolveProblems(chart, [problem('port-number', 'warning'), problem('latest-tag')])).toEqual([problem('port-number', 'error'), problem('latest-tag')]);
      expect(fresh.resolveProblems(chart, list, project({ 'latest-tag': 'off' }))).toEqual([problem('port-number', 'error')]);
    });
  });

  test('gives the same result applied twice', () => {
    const once = resolveProblems(pod, [problem('latest-tag'), problem('no-liveness-probe')], project({ 'no-liveness-probe': 'error' }, true));
    expect(resolveProblems(pod, once, project({ 'no-liveness-probe': 'error' }, true))).toEqual(once);
  });
});

describe('peapod.config.json', () => {
  test('is optional', () => {
    expect(readConfigFile(path.join(__dirname, 'no-such-config.json'))).toBeUndefined();
  });

  test('takes levels alone or with a reason', () => {
    withTempDir((dir) => {
      const file = path.join(dir, 'peapod.config.json');
      fs.writeFileSync(file, JSON.stringify({ strict: true, rules: { 'latest-tag': 'error', 'no-liveness-probe': { level: 'off', reason: 'batch' } } }));
      expect(projectRules(readConfigFile(file)!)).toEqual({
        rules: { rules: { 'latest-tag': 'error', 'no-liveness-probe': 'off' }, strict: true },
        errors: [],
      });
    });
  });

  test('fails on a file that is not JSON', () => {
    withTempDir((dir) => {
      const file = path.join(dir, 'peapod.config.json');
      fs.writeFileSync(file, '{ strict: true }');
      expect(() => readConfigFile(file)).toThrow(`${file}: not valid JSON (`);
    });
  });

  test('fails on unknown keys and wrong types', () => {
    withTempDir((dir) => {
      const file = path.join(dir, 'peapod.config.json');
      fs.writeFileSync(file, JSON.stringify({ strict: 'yes', rule: {}, rules: [] }));
      expect(() => readConfigFile(file)).toThrow(
        `${file}: unknown key "rule"; the keys are "strict", "rules", "serviceNodePortRange" and "podSecurity"; "strict" is "yes"; it must be true or false; "rules" must be an object from rule id to "error", "warning" or "off"`,
      );
    });
  });

  test('reports unknown rules, unknown levels and API-server rules', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const levels = { 'no-livenes-probe': 'off', 'latest-tag': 'fatal', 'container-name': 'warning' } as any;
    expect(projectRules({ rules: levels }).errors).toEqual([
      'rules["no-livenes-probe"]: no rule has the id "no-livenes-probe"; did you mean "no-liveness-probe"? (docs/rules.md lists them)',
      'rules["latest-tag"]: level "fatal" of rule "latest-tag" is not one of "error", "warning", "off"',
      'rules["container-name"]: rule "container-name" mirrors the Kubernetes API server, which would refuse the manifest; it cannot be set to "warning"',
    ]);
  });

  test('`strict` of the App wins over the file', () => {
    expect(projectRules({ strict: true }, false).rules.strict).toBe(false);
  });
});

describe('the container prop `rules`', () => {
  const pod = (config: { rules?: Record<string, 'error' | 'warning' | 'off'> } = {}) => {
    const app = new App({ outdir: 'never-written', config });
    return new Pod(new Chart(app, 'c'), 'p', {
      containers: [
        new Container({ name: 'pinned', image: 'app', rules: { 'latest-tag': { level: 'warning', reason: 'the tag is moved by the release job' } } }),
        new Container({ name: 'dev', image: 'tools', rules: { 'latest-tag': { level: 'off', reason: 'a dev tool' } } }),
        new Container({ name: 'other', image: 'other' }),
      ],
    });
  };
  const tagProblems = (p: Pod) =>
    p
      .problems()
      .filter((problem) => problem.rule === 'latest-tag')
      .map((problem) => `${problem.field} ${problem.severity}`);

  test('applies to the problems of that container only', () => {
    expect(tagProblems(pod())).toEqual(['spec.containers[0].image warning', 'spec.containers[2].image warning']);
  });

  test('wins over the project level, and keeps its reason', () => {
    const p = pod({ rules: { 'latest-tag': 'error' } });
    expect(tagProblems(p)).toEqual(['spec.containers[0].image warning', 'spec.containers[2].image error']);
    expect(p.problems().find((problem) => problem.rule === 'latest-tag')?.reason).toBe('the tag is moved by the release job');
  });

  test('fails at once on a setting that cannot be made', () => {
    expect(() => new Container({ name: 'a', image: 'a:1', rules: { 'container-name': { level: 'off', reason: 'x' } } })).toThrow(
      'container "a" rules: rule "container-name" mirrors the Kubernetes API server, which would refuse the manifest; it cannot be set to "off"',
    );
    expect(() => new Container({ name: 'a', image: 'a:1', rules: { 'latest-tag': { level: 'off', reason: '' } } })).toThrow(
      'container "a" rules: rule "latest-tag" needs a reason; say why the default does not fit here',
    );
  });
});
