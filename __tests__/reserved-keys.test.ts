import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { App, ConfigMap, Container, Deployment, Pod, Secret } from '../lib';
import { readFolder, withTempDir } from './_support';

/*
 * Keys that an object's prototype also has are written exactly where
 * Kubernetes takes them, or refused with a message where its syntax does
 * not: never dropped, never `{}`, never a crash.
 */

const container = () => new Container({ name: 'app', image: 'nginx:1.27' });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests as read back
function synthesize(declare: (chart: Chart) => void): { manifests: any[]; error?: Error } {
  return withTempDir((dir) => {
    const app = new App({ outdir: path.join(dir, 'dist'), config: {}, onWarnings: () => undefined });
    declare(new Chart(app, 'c'));
    try {
      app.synth();
    } catch (error) {
      return { manifests: [], error: error as Error };
    }
    const text = Object.values(readFolder(path.join(dir, 'dist'))).join('---\n');
    return { manifests: parseAllDocuments(text, { version: '1.1' }).map((doc) => doc.toJS()) };
  });
}

describe.each(['constructor', 'toString', 'hasOwnProperty'])('key %s', (key) => {
  const map = (value: string) => JSON.parse(JSON.stringify({ [key]: value, other: 'x' }));

  test('as a label, annotation and nodeSelector key, a label added later, and a selectBy label', () => {
    const { manifests, error } = synthesize((chart) => {
      new Pod(chart, 'web', { labels: map('l'), annotations: map('a'), nodeSelector: map('n'), containers: [container()] }).addLabel('later', 'yes');
      new Pod(chart, 'added', { containers: [container()] }).addLabel(key, 'added');
      new Deployment(chart, 'deploy', { labels: map('w'), annotations: map('wa'), template: { labels: { app: 'd', [key]: 's' }, containers: [container()] }, selectBy: [key] });
    });
    expect(error).toBeUndefined();
    const [web, added, deploy] = manifests;
    expect(web.metadata.labels).toEqual({ [key]: 'l', other: 'x', later: 'yes' });
    expect(web.metadata.annotations).toEqual({ [key]: 'a', other: 'x' });
    expect(web.spec.nodeSelector).toEqual({ [key]: 'n', other: 'x' });
    expect(added.metadata.labels).toEqual({ [key]: 'added' });
    expect(deploy.spec.selector).toEqual({ matchLabels: { [key]: 's' } });
    expect(deploy.metadata).toEqual({ name: 'deploy', labels: { [key]: 'w', other: 'x' }, annotations: { [key]: 'wa', other: 'x' } });
  });

  test('as a ConfigMap and Secret key, given and added', () => {
    const { manifests, error } = synthesize((chart) => {
      new ConfigMap(chart, 'config', { data: map('d') }).addData('more', 'm');
      new ConfigMap(chart, 'added').addData(key, 'added');
      new Secret(chart, 'secret', { stringData: map('s') });
    });
    expect(error).toBeUndefined();
    expect(manifests.map((m) => m.data ?? m.stringData)).toEqual([{ [key]: 'd', more: 'm', other: 'x' }, { [key]: 'added' }, { [key]: 's', other: 'x' }]);
  });
});

describe('key __proto__', () => {
  test('as a ConfigMap and Secret key, which Kubernetes takes, is written exactly', () => {
    const { manifests, error } = synthesize((chart) => {
      new ConfigMap(chart, 'config', { data: JSON.parse('{"__proto__": "d", "a": "x"}') }).addData('__proto__', 'replaced');
      new Secret(chart, 'secret', { stringData: JSON.parse('{"__proto__": "s"}') });
    });
    expect(error).toBeUndefined();
    expect(JSON.stringify(manifests.map((m) => m.data ?? m.stringData))).toBe('[{"__proto__":"replaced","a":"x"},{"__proto__":"s"}]');
  });

  test('as a label, annotation or nodeSelector key, which Kubernetes refuses, fails synth with a message', () => {
    const { error } = synthesize((chart) => {
      new Pod(chart, 'web', { labels: JSON.parse('{"__proto__": "l"}'), nodeSelector: JSON.parse('{"__proto__": "n"}'), containers: [container()] });
    });
    expect(error?.message).toMatch(/^synth failed with \d+ errors; no manifest was written:\n {2}\[c\/web\] metadata\.labels\[__proto__\]: label key "__proto__"/);
    expect(error?.message).toContain('spec.nodeSelector');
  });
});

describe("cdk8s's own rendering", () => {
  test('fails Testing.synth on a key it cannot write, naming the field and the fix', () => {
    const chart = new Chart(new App({ config: {}, onWarnings: () => undefined }), 'c');
    new ConfigMap(chart, 'config', { data: JSON.parse('{"constructor": "d"}') });
    expect(() => Testing.synth(chart)).toThrow(
      '[c/config] data.constructor: cdk8s\'s own rendering (Testing.synth, synthYaml, a cdk8s App) cannot write the key "constructor". Fix: synth with Peapod\'s App, which writes it, or test with app.problems() and the files it writes',
    );
  });
});
