import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { Chart, Testing } from 'cdk8s';
import { Container, Pod } from '../lib';
import { withTempDir } from './_support';

/*
 * Peapod constructs under cdk8s's own App (Testing.app(), new cdk8s.App()):
 * peapod.config.json applies and the warnings are printed, as under
 * Peapod's App; errors fail Testing.synth.
 */

function inProject<T>(config: object | undefined, body: () => T): T {
  return withTempDir((dir) => {
    if (config !== undefined) {
      fs.writeFileSync(path.join(dir, 'peapod.config.json'), JSON.stringify(config));
    }
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      return body();
    } finally {
      process.chdir(cwd);
    }
  });
}

function printedBy(body: () => void): string {
  const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    body();
    return write.mock.calls.map((call) => call[0]).join('');
  } finally {
    write.mockRestore();
  }
}

const untagged = () => new Pod(new Chart(Testing.app(), 'test'), 'web', { containers: [new Container({ name: 'app', image: 'app' })] });

describe('Peapod constructs under Testing.app()', () => {
  test('print their warnings, grouped as Peapod prints them, when Testing.synth validates', () => {
    inProject(undefined, () => {
      const pod = untagged();
      const printed = printedBy(() => Testing.synth(pod.node.scope as Chart));
      expect(printed).toMatch(/^\d+ warnings of \d+ rules/);
      expect(printed).toContain('[test/web] spec.containers[0].image: image "app" of container "app" has no tag, so it means :latest, which moves. Fix: pin a version, such as "app:1.2.3", or a digest (latest-tag)');
    });
  });

  test("follow the project's peapod.config.json: a rule set to error fails Testing.synth", () => {
    inProject({ rules: { 'latest-tag': 'error' } }, () => {
      const pod = untagged();
      expect(() => printedBy(() => Testing.synth(pod.node.scope as Chart))).toThrow(
        '[test/web] spec.containers[0].image: image "app" of container "app" has no tag, so it means :latest, which moves. Fix: pin a version, such as "app:1.2.3", or a digest (latest-tag)',
      );
    });
  });

  test('in strict mode fail on warnings', () => {
    inProject({ strict: true }, () => {
      const pod = untagged();
      expect(() => printedBy(() => Testing.synth(pod.node.scope as Chart))).toThrow('(latest-tag)');
    });
  });
});

describe("Peapod constructs under cdk8s's own App", () => {
  test('say once that its synth writes with cdk8s\'s writer, not all or nothing, and how to fix that', () => {
    inProject(undefined, () => {
      const app = new cdk8s.App({ outdir: 'dist' });
      new Pod(new Chart(app, 'web'), 'web', { containers: [new Container({ name: 'app', image: 'app:1.0' })] });
      const printed = printedBy(() => app.synth());
      expect(printed.split('\n')[0]).toBe(
        "note: this app is cdk8s's App, so its synth writes with cdk8s's YAML writer, which kubectl may read differently (a label value on becomes true, 0o17 a number), and not all or nothing. Fix: create it with Peapod's App (import { App } from 'peapod')",
      );
      expect(printed.match(/^note:/gm)).toHaveLength(1);
    });
  });

  test('under Testing.app() say nothing of the writer', () => {
    inProject(undefined, () => {
      expect(printedBy(() => Testing.synth(untagged().node.scope as Chart))).not.toContain('note:');
    });
  });
});
