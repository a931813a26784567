import { Chart } from 'cdk8s';
import { App, ConfigMap, Container, EnvValue, Pod, Volume } from '../lib';
import { problemsOf } from './_problems';
import { newChart, synthObjects, synthYaml } from './_support';

describe('ConfigMap', () => {
  test('defaults: the entries declared, nothing else', () => {
    const chart = newChart();
    new ConfigMap(chart, 'app-config', { data: { LOG_LEVEL: 'info', 'app.yaml': 'port: 8080\n' } });
    expect(synthYaml(chart)).toMatchSnapshot();
  });

  test('an empty ConfigMap is only its name', () => {
    const chart = newChart();
    new ConfigMap(chart, 'empty');
    expect(synthObjects(chart)).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'empty' } }]);
  });

  test('name, binary entries, immutable and the mutators', () => {
    const chart = newChart();
    const config = new ConfigMap(chart, 'config', { name: 'app-config', data: { A: '1' }, binaryData: { 'logo.png': 'iVBORw0KGgo=' }, immutable: true });
    config.addData('B', '2').addBinaryData('icon.png', 'AAAA');
    expect(synthObjects(chart)[0]).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app-config' },
      immutable: true,
      data: { A: '1', B: '2' },
      binaryData: { 'logo.png': 'iVBORw0KGgo=', 'icon.png': 'AAAA' },
    });
    expect(config.entryKeys).toEqual(['A', 'B', 'logo.png', 'icon.png']);
  });

  test('is mounted as a volume by object, and an existing one by name', () => {
    const chart = newChart();
    const config = new ConfigMap(chart, 'config', { data: { 'app.yaml': 'x: 1' } });
    const files = Volume.configMap('config', config, { items: [{ key: 'app.yaml', path: 'app.yaml' }] });
    const shared = Volume.configMap('shared', ConfigMap.fromName('cluster-settings'));
    new Pod(chart, 'p', { containers: [new Container({ name: 'a', image: 'a:1', mounts: [files.mount('/etc/app'), shared.mount('/etc/shared')] })] });
    expect(synthObjects(chart)[1].spec.volumes).toEqual([
      { name: 'config', configMap: { name: 'config', items: [{ key: 'app.yaml', path: 'app.yaml' }] } },
      { name: 'shared', configMap: { name: 'cluster-settings' } },
    ]);
    expect(ConfigMap.fromName('cluster-settings')).toEqual({ kind: 'ConfigMap', name: 'cluster-settings' });
  });
});

describe('ConfigMap fails synth', () => {
  test('when a key is invalid or in both data and binaryData', () => {
    const problems = problemsOf((chart) => new ConfigMap(chart, 'config', { data: { 'log level': 'info', '..hidden': 'x', 'a.bin': 'x' }, binaryData: { 'a.bin': 'AAAA' } }));
    expect(problems).toEqual([
      // In the order of the manifest, whose keys cdk8s sorts.
      'data["..hidden"]: ConfigMap key "..hidden" is "." or starts with "..". Fix: rename the key: at most 253 letters, digits, "-", "_" and "." (data-key-valid)',
      'data["log level"]: ConfigMap key "log level" has characters other than letters, digits, "-", "_" and ".". Fix: rename the key: at most 253 letters, digits, "-", "_" and "." (data-key-valid)',
      'binaryData["a.bin"]: ConfigMap key "a.bin" is also in data. Fix: keep the key in one of data and binaryData (data-key-unique)',
    ]);
  });

  test('when a Pod mounts a key the ConfigMap of this app lacks', () => {
    const problems = problemsOf((chart) => {
      const config = new ConfigMap(chart, 'config', { data: { 'app.yaml': 'x: 1' } });
      const files = Volume.configMap('config', config, { items: [{ key: 'app.yml', path: 'app.yaml' }] });
      new Pod(chart, 'p', { containers: [new Container({ name: 'a', image: 'a:1', mounts: [files.mount('/etc/app')] })] });
    });
    expect(problems).toEqual([
      'spec.volumes[0].configMap.items[0].key: key "app.yml" is not in ConfigMap "config" of this app (it has "app.yaml"). Fix: add "app.yml" to the ConfigMap, use one of its keys, or mark the reference optional (config-map-key-exists)',
    ]);
  });

  test('when an env var of a Pod takes a key the ConfigMap lacks, also one added after the reference was made', () => {
    const problems = problemsOf((chart) => {
      const config = new ConfigMap(chart, 'config');
      const known = config.addData('MODE', 'fast');
      new Pod(chart, 'p', {
        containers: [
          new Container({
            name: 'a',
            image: 'a:1',
            env: [
              { name: 'MODE', valueFrom: EnvValue.fromConfigMap(known, 'MODE') },
              { name: 'SPEED', valueFrom: EnvValue.fromConfigMap(config, 'SPEED') },
            ],
          }),
        ],
      });
    });
    expect(problems).toEqual([
      'spec.containers[0].env[1].valueFrom.configMapKeyRef.key: key "SPEED" is not in ConfigMap "config" of this app (it has "MODE"). Fix: add "SPEED" to the ConfigMap, use one of its keys, or mark the reference optional (config-map-key-exists)',
    ]);
  });

  test('not for optional references, ConfigMaps outside the app, or those of another namespace', () => {
    const app = new App();
    const chart = new Chart(app, 'one', { namespace: 'one' });
    const other = new ConfigMap(new Chart(app, 'two', { namespace: 'two' }), 'config');
    const local = new ConfigMap(chart, 'local');
    new Pod(chart, 'p', {
      containers: [
        new Container({
          name: 'a',
          image: 'a:1',
          env: [
            { name: 'A', valueFrom: EnvValue.fromConfigMap(local, 'MISSING', { optional: true }) },
            { name: 'B', valueFrom: EnvValue.fromConfigMap(ConfigMap.fromName('elsewhere'), 'ANY') },
            { name: 'C', valueFrom: EnvValue.fromConfigMap(other, 'MISSING') },
          ],
        }),
      ],
    });
    expect(app.node.findAll().flatMap((c) => c.node.validate())).toEqual([]);
  });
});
