import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { addProblemValidation, App, AppProps, Container, defineRules, Pod, Probe, Problem, Report, Rules } from '../lib';
import { findRule } from '../lib/validation/rules';
import { readFolder, withTempDir } from './_support';

// A container that trips no lint: the baseline for tests about one problem.
const hardened = (name = 'app', image = 'app:1.0') =>
  new Container({
    name,
    image,
    ports: { http: 8080 },
    resources: { requests: { cpu: '100m' }, limits: { memory: '128Mi' } },
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true },
    livenessProbe: Probe.tcp({ port: 'http' }),
    readinessProbe: Probe.tcp({ port: 'http' }),
  });

/** Runs `body` with an App writing into a temporary dist/, and what it wrote and printed. */
function synthIn(props: AppProps, build: (app: App) => void): { files: Record<string, string>; warnings: Problem[]; error?: Error; dir: string[] } {
  return withTempDir((dir) => {
    const outdir = path.join(dir, 'dist');
    const warnings: Problem[] = [];
    const app = new App({ config: {}, ...props, outdir, onWarnings: (w) => warnings.push(...w) });
    build(app);
    let error: Error | undefined;
    try {
      app.synth();
    } catch (e) {
      error = e as Error;
    }
    return { files: readFolder(outdir), warnings, error, dir: fs.readdirSync(dir) };
  });
}

describe('App.synth', () => {
  test('writes the manifests and hands the warnings over', () => {
    const result = synthIn({}, (app) => new Pod(new Chart(app, 'web'), 'web', { containers: [hardened('app', 'app:latest')] }));
    expect(result.error).toBeUndefined();
    expect(Object.keys(result.files)).toEqual(['web.k8s.yaml']);
    expect(result.warnings.map((w) => `${w.construct} ${w.rule}`)).toEqual(['web/web latest-tag']);
  });

  test('prints warnings to stderr by default, with the construct path and how to change a rule', () => {
    withTempDir((dir) => {
      const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        const app = new App({ outdir: dir, config: {} });
        new Pod(new Chart(app, 'web'), 'web', { containers: [hardened('app', 'app')] });
        app.synth();
        expect(write.mock.calls.map((call) => call[0]).join('')).toBe(
          '1 warning of 1 rule:\n' +
            '  [web/web] spec.containers[0].image: image "app" of container "app" has no tag, so it means :latest, which moves. Fix: pin a version, such as "app:1.2.3", or a digest (latest-tag)\n' +
            "Change a rule's level in peapod.config.json, or for one construct with Rules.of(construct).set(rule, level, reason); docs/rules.md lists the rules.\n",
        );
      } finally {
        write.mockRestore();
      }
    });
  });

  test('groups repeated warnings by rule, with the fix once and the first places; PEAPOD_WARNINGS=all lists each', () => {
    withTempDir((dir) => {
      const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const printed = (all: boolean) => {
        write.mockClear();
        process.env.PEAPOD_WARNINGS = all ? 'all' : '';
        const app = new App({ outdir: dir, config: {} });
        const chart = new Chart(app, 'web');
        for (const id of ['a', 'b', 'c', 'd', 'e']) {
          new Pod(chart, id, { containers: [hardened('app', `app-${id}`)] });
        }
        new Pod(chart, 'f', {
          containers: [
            new Container({
              name: 'app',
              image: 'app:1.0',
              ports: { http: 8080 },
              resources: { requests: { cpu: '100m' }, limits: { memory: '128Mi' } },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true },
              readinessProbe: Probe.tcp({ port: 'http' }),
            }),
          ],
        });
        app.synth();
        return write.mock.calls.map((call) => call[0]).join('');
      };
      try {
        expect(printed(false)).toBe(
          '6 warnings of 2 rules (PEAPOD_WARNINGS=all lists every one):\n' +
            `  latest-tag, 5 times. Fix: ${findRule('latest-tag')!.fix}\n` +
            '    [web/a] spec.containers[0].image: image "app-a" of container "app" has no tag, so it means :latest, which moves\n' +
            '    [web/b] spec.containers[0].image: image "app-b" of container "app" has no tag, so it means :latest, which moves\n' +
            '    [web/c] spec.containers[0].image: image "app-c" of container "app" has no tag, so it means :latest, which moves\n' +
            '    … and 2 more\n' +
            '  [web/f] spec.containers[0].livenessProbe: container "app" has no liveness probe. Fix: add `livenessProbe: Probe.http({ port: \'http\', path: \'/healthz\' })` or a tcp/exec probe (no-liveness-probe)\n' +
            "Change a rule's level in peapod.config.json, or for one construct with Rules.of(construct).set(rule, level, reason); docs/rules.md lists the rules.\n",
        );
        expect(printed(true).split('\n').filter((line) => line.startsWith('  ['))).toHaveLength(6);
      } finally {
        delete process.env.PEAPOD_WARNINGS;
        write.mockRestore();
      }
    });
  });

  test('before errors, names the rules of the warnings on one line, so that the errors stay in view', () => {
    withTempDir((dir) => {
      const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        const app = new App({ outdir: dir, config: {} });
        const chart = new Chart(app, 'web');
        new Pod(chart, 'a', { containers: [hardened('app', 'app-a')] });
        new Pod(chart, 'b', { containers: [hardened('app', 'app-b')] });
        new Pod(chart, 'Bad_Name', { containers: [hardened('app', 'app:1.0')] });
        expect(() => app.synth()).toThrow('synth failed with 1 error');
        expect(write.mock.calls.map((call) => call[0]).join('')).toBe(
          '2 warnings of 1 rule, shown once the errors below are fixed (PEAPOD_WARNINGS=all shows them now): latest-tag (2)\n',
        );
      } finally {
        write.mockRestore();
      }
    });
  });

  test('reports every error of every chart at once, writes nothing and removes stale manifests', () => {
    const result = withTempDir((dir) => {
      const outdir = path.join(dir, 'dist');
      fs.mkdirSync(outdir);
      fs.writeFileSync(path.join(outdir, 'old.k8s.yaml'), 'stale');
      const app = new App({ outdir, config: {}, onWarnings: () => undefined });
      new Pod(new Chart(app, 'one'), 'Bad_Name', { containers: [hardened()] });
      new Pod(new Chart(app, 'two'), 'shared', { containers: [hardened('a'), hardened('b')] });
      expect(() => app.synth()).toThrow(
        'synth failed with 2 errors; no manifest was written:\n' +
          '  [one/Bad_Name] metadata.name: name "Bad_Name" must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit. Fix: use a DNS-1123 subdomain such as "bad-name" (object-name)\n' +
          '  [two/shared] spec.containers[1].ports[0].containerPort: port 8080/TCP of container "b" is already used by container "a" (spec.containers[0].ports[0]); containers of a Pod share localhost, so only one can listen on it. Fix: give "b" or "a" another port (port-shared-localhost)',
      );
      return { files: readFolder(outdir), dir: fs.readdirSync(dir) };
    });
    expect(result).toEqual({ files: {}, dir: ['dist'] });
  });

  test('in strict mode, fails on warnings and says so', () => {
    const result = synthIn({ strict: true }, (app) => new Pod(new Chart(app, 'web'), 'web', { containers: [hardened('app', 'app')] }));
    expect(result.error?.message).toBe(
      'synth failed with 1 error (strict mode: warnings count as errors); no manifest was written:\n' +
        '  [web/web] spec.containers[0].image: image "app" of container "app" has no tag, so it means :latest, which moves. Fix: pin a version, such as "app:1.2.3", or a digest (latest-tag)',
    );
    expect(result.files).toEqual({});
    expect(result.warnings).toEqual([]);
  });

  test('reads rule levels and strict mode from the configuration file', () => {
    withTempDir((dir) => {
      const configFile = path.join(dir, 'peapod.config.json');
      fs.writeFileSync(configFile, JSON.stringify({ rules: { 'latest-tag': { level: 'error', reason: 'pinned images only' }, 'run-as-non-root': 'off' } }));
      const app = new App({ outdir: path.join(dir, 'dist'), configFile, onWarnings: () => undefined });
      new Pod(new Chart(app, 'web'), 'web', { containers: [hardened('app', 'app')] });
      expect(app.problems().map((p) => `${p.rule} ${p.severity}`)).toEqual(['latest-tag error']);
      expect(() => app.synth()).toThrow('synth failed with 1 error; no manifest was written:\n  [web/web] spec.containers[0].image: image "app"');
    });
  });

  test('fails on a configuration that names an unknown rule, naming the file', () => {
    withTempDir((dir) => {
      const configFile = path.join(dir, 'peapod.config.json');
      fs.writeFileSync(configFile, JSON.stringify({ rules: { 'latest-tags': 'off' } }));
      const app = new App({ outdir: path.join(dir, 'dist'), configFile, onWarnings: () => undefined });
      new Pod(new Chart(app, 'web'), 'web', { containers: [hardened()] });
      expect(() => app.synth()).toThrow(
        `synth failed with 1 error; no manifest was written:\n  [${path.relative(process.cwd(), configFile)}] rules["latest-tags"]: no rule has the id "latest-tags"; did you mean "latest-tag"? (docs/rules.md lists them)`,
      );
    });
  });

  test('applies Rules set on a chart to the Pods in it', () => {
    const result = synthIn({ strict: true }, (app) => {
      const chart = new Chart(app, 'dev');
      Rules.of(chart).suppress('latest-tag', 'dev images are rebuilt on every push');
      new Pod(chart, 'web', { containers: [hardened('app', 'app:latest')] });
    });
    expect(result.error).toBeUndefined();
    expect(Object.keys(result.files)).toEqual(['dev.k8s.yaml']);
  });

  test('reports the errors of other cdk8s validations with the rest', () => {
    const result = synthIn({}, (app) => {
      const chart = new Chart(app, 'c');
      new Pod(chart, 'empty');
      new Construct(chart, 'custom').node.addValidation({ validate: () => ['custom check failed'] });
    });
    expect(result.error?.message).toBe(
      'synth failed with 2 errors; no manifest was written:\n' +
        '  [c/empty] spec.containers: the Pod has no containers. Fix: give the Pod a container with the `containers` prop or `addContainer()` (pod-has-containers)\n' +
        '  [c/custom] custom check failed',
    );
  });
});

// A construct from another module, as the workloads will be: its own rules, a problems() method.
const WIDGET_RULES = defineRules([
  { id: 'widget-has-size', severity: 'error', summary: 'A widget has a size.', why: 'Tests the open registry.', fix: 'Give it a size.' },
  { id: 'widget-is-blue', severity: 'warning', summary: 'A widget is blue.', why: 'Tests the open registry.', fix: 'Paint it blue.' },
]);

class Widget extends Construct {
  public calls = 0;
  public constructor(
    scope: Construct,
    id: string,
    private readonly props: { size?: number; color?: string },
  ) {
    super(scope, id);
    addProblemValidation(this);
  }
  public problems(): readonly Problem[] {
    this.calls++;
    const report = new Report(this.node.path);
    if (this.props.size === undefined) {
      report.error(WIDGET_RULES[0].id, 'spec.size', 'the widget has no size', 'give it a size');
    }
    if (this.props.color !== 'blue') {
      report.warn(WIDGET_RULES[1].id, 'spec.color', `the widget is ${this.props.color}`, 'paint it blue');
    }
    return report.problems;
  }
}

describe('problem sources from other modules', () => {
  test('are collected, obey the configuration, and are validated once per synth', () => {
    let widget: Widget | undefined;
    const result = synthIn({ config: { rules: { 'widget-is-blue': 'error' } } }, (app) => {
      widget = new Widget(new Chart(app, 'c'), 'w', { size: 1, color: 'red' });
    });
    expect(result.error?.message).toBe(
      'synth failed with 1 error; no manifest was written:\n  [c/w] spec.color: the widget is red. Fix: paint it blue (widget-is-blue)',
    );
    expect(widget?.calls).toBe(1);
  });

  test('fail Testing.synth through addProblemValidation, with configured severities', () => {
    const app = new App({ outdir: 'never-written', config: { rules: { 'widget-has-size': 'off' } } });
    const chart = new Chart(app, 'c');
    new Widget(chart, 'unsized', { color: 'blue' });
    expect(() => Testing.synth(chart)).not.toThrow();
    const strict = new App({ outdir: 'never-written', config: { strict: true } });
    const strictChart = new Chart(strict, 'c');
    new Widget(strictChart, 'red', { size: 1, color: 'red' });
    expect(() => Testing.synth(strictChart)).toThrow('[c/red] spec.color: the widget is red. Fix: paint it blue (widget-is-blue)');
  });

  test('a successful synth validates each source once', () => {
    let widget: Widget | undefined;
    const result = synthIn({}, (app) => {
      widget = new Widget(new Chart(app, 'c'), 'w', { size: 1, color: 'blue' });
    });
    expect(result.error).toBeUndefined();
    expect(widget?.calls).toBe(1);
  });
});

describe('App.addCheck', () => {
  test('adds problems about the whole app that obey the settings of the construct they name', () => {
    const result = synthIn({}, (app) => {
      const chart = new Chart(app, 'c');
      new Widget(chart, 'quiet', { size: 1, color: 'blue' });
      Rules.of(new Widget(chart, 'loud', { size: 1, color: 'blue' })).suppress('widget-is-blue', 'checked by hand');
      app.addCheck({
        check: () => [
          { rule: 'widget-is-blue', severity: 'error', construct: 'c/quiet', field: 'spec', message: 'no node fits it', fix: 'add a node' },
          { rule: 'widget-is-blue', severity: 'error', construct: 'c/loud', field: 'spec', message: 'no node fits it', fix: 'add a node' },
        ],
      });
    });
    expect(result.error?.message).toBe(
      'synth failed with 1 error; no manifest was written:\n  [c/quiet] spec: no node fits it. Fix: add a node (widget-is-blue)',
    );
  });
});
