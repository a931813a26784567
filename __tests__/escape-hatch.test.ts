import { Chart, IResolver, JsonPatch } from 'cdk8s';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, ConfigMap, Container, Deployment, Pod, Service, Volume } from '../lib';
import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { renderedManifest } from '../lib/_synth';
import { manifestToValidate } from '../lib/validation/escape-hatch';
import { problemsOf } from './_problems';
import { newChart } from './_support';

/* eslint-disable @typescript-eslint/no-explicit-any -- values that bypass the types, as JSON input or `as any` would */

describe('values given through escape hatches', () => {
  test('of the type the Kubernetes schema gives the field pass', () => {
    expect(
      problemsOf((chart) =>
        new Pod(chart, 'p', {
          containers: [new Container({ name: 'app', image: 'app:1', extraFields: { stdin: true, terminationMessagePolicy: 'FallbackToLogsOnError' } })],
          extraSpec: { hostNetwork: false, activeDeadlineSeconds: 30 },
        }),
      ),
    ).toEqual([]);
  });

  test('of another type fail synth, in a Pod and in a workload template', () => {
    expect(
      problemsOf((chart) =>
        new Pod(chart, 'p', {
          containers: [new Container({ name: 'app', image: 'app:1', extraFields: { stdin: 'no' } as any })],
          extraSpec: { hostNetwork: 'yes' } as any,
        }),
      ),
    ).toEqual([
      'spec.containers[0].stdin: the escape-hatch value must be boolean, got "no", which the Kubernetes 1.27 schema refuses. Fix: give the field a value of the type the Kubernetes API reference lists for it (kubernetes-schema)',
      'spec.hostNetwork: the escape-hatch value must be boolean, got "yes", which the Kubernetes 1.27 schema refuses. Fix: give the field a value of the type the Kubernetes API reference lists for it (kubernetes-schema)',
    ]);
    expect(
      problemsOf((chart) =>
        new Deployment(chart, 'd', { template: { labels: { app: 'd' }, containers: [new Container({ name: 'app', image: 'app:1' })], extraSpec: { enableServiceLinks: 'no' } as any } }),
      ),
    ).toEqual([
      'spec.template.spec.enableServiceLinks: the escape-hatch value must be boolean, got "no", which the Kubernetes 1.27 schema refuses. Fix: give the field a value of the type the Kubernetes API reference lists for it (kubernetes-schema)',
    ]);
  });

  test('a field a rule of its own reports gets that message, not the schema\'s as well', () => {
    // The schema refuses 1.5 too ("must be integer"); a number is of the type the rules read, and pod-timing says it better.
    expect(problemsOf((chart) => new Pod(chart, 'p', { containers: [new Container({ name: 'app', image: 'app:1' })], extraSpec: { activeDeadlineSeconds: 1.5 } }))).toEqual([
      'spec.activeDeadlineSeconds: activeDeadlineSeconds is 1.5; it must be a whole number, 1 or more (at most 2147483647). Fix: set the seconds the Pod may run before it is stopped, 1 or more (pod-timing)',
    ]);
  });

  test('of a JSON type the field cannot hold are withheld from the other rules, which report the rest of the Pod', () => {
    const problems = problemsOf((chart) =>
      new Pod(chart, 'p', {
        containers: [
          new Container({ name: 'App', image: 'app:1', extraFields: { lifecycle: { postStart: { exec: { command: ['sh', 2] } } } } as any }),
          new Container({ name: 'log', image: 'log:1', extraFields: { stdin: 'no' } as any }),
        ],
        extraSpec: { activeDeadlineSeconds: '30', hostname: 'Web' } as any,
      }),
    );
    // The command is withheld from the rules: no "has no command" from probe-action, only the schema's message.
    expect(problems).toEqual([
      'spec.hostname: hostname "Web" must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: use a DNS-1123 label, such as "web-0" (pod-hostname)',
      'spec.containers[0].name: container name "App" must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: rename it to a DNS-1123 label such as "app" (container-name)',
      'spec.activeDeadlineSeconds: the escape-hatch value must be integer, got "30", which the Kubernetes 1.27 schema refuses. Fix: give the field a value of the type the Kubernetes API reference lists for it (kubernetes-schema)',
      'spec.containers[0].lifecycle.postStart.exec.command[1]: the escape-hatch value must be string, got 2, which the Kubernetes 1.27 schema refuses. Fix: give the field a value of the type the Kubernetes API reference lists for it (kubernetes-schema)',
      'spec.containers[1].stdin: the escape-hatch value must be boolean, got "no", which the Kubernetes 1.27 schema refuses. Fix: give the field a value of the type the Kubernetes API reference lists for it (kubernetes-schema)',
    ]);
  });

  test('a string where the type has an object or a list reaches the schema as given, not as the object the converter made of it', () => {
    const pod = new Pod(newChart(), 'p', { containers: [new Container({ name: 'app', image: 'app:1' })], extraSpec: { affinity: 'close', topologySpreadConstraints: ['zone'] } as any });
    expect((renderedManifest(pod.apiObject) as k8s.KubePodProps).spec).toMatchObject({ affinity: 'close', topologySpreadConstraints: ['zone'] });
    expect(problemsOf((chart) => new Pod(chart, 'p', { containers: [new Container({ name: 'app', image: 'app:1' })], extraSpec: { affinity: 'close', topologySpreadConstraints: ['zone'] } as any }))).toEqual([
      'spec.affinity: the escape-hatch value must be object, got "close", which the Kubernetes 1.27 schema refuses. Fix: give the field a value of the type the Kubernetes API reference lists for it (kubernetes-schema)',
      'spec.topologySpreadConstraints[0]: the escape-hatch value must be object, got "zone", which the Kubernetes 1.27 schema refuses. Fix: give the field a value of the type the Kubernetes API reference lists for it (kubernetes-schema)',
    ]);
  });

  test('the rules read a copy without such a value; the manifest written keeps it', () => {
    const pod = new Pod(newChart(), 'p', {
      containers: [new Container({ name: 'app', image: 'app:1', extraFields: { lifecycle: { postStart: { exec: { command: ['sh', 2] } } } } as any })],
      extraSpec: { hostNetwork: 'yes', hostname: 'web' } as any,
    });
    const { manifest } = manifestToValidate<k8s.KubePodProps>(pod.apiObject, pod.template.escapeHatchFields('spec'));
    expect(manifest.spec?.hostNetwork).toBeUndefined();
    expect(manifest.spec?.hostname).toBe('web');
    // A list with an element of the wrong type is withheld whole; what holds it stays.
    expect(manifest.spec?.containers?.[0].lifecycle).toEqual({ postStart: { exec: {} } });
    const written = renderedManifest(pod.apiObject) as { spec: { hostNetwork: unknown; containers: { lifecycle: unknown }[] } };
    expect(written.spec.hostNetwork).toBe('yes');
    expect(written.spec.containers[0].lifecycle).toEqual({ postStart: { exec: { command: ['sh', 2] } } });
  });

  test('a modeled field set through extraFields with a value of the wrong type is reported as modeled, once', () => {
    expect(problemsOf((chart) => new Pod(chart, 'p', { containers: [new Container({ name: 'app', image: 'app:1', extraFields: { workingDir: 5 } as any })] }))).toEqual([
      'spec.containers[0].workingDir: extraFields of container "app" sets "workingDir", which Peapod models. Fix: set it with the container\'s `workingDir` prop instead (extra-field-modeled)',
    ]);
  });

  test('its valid twin synthesizes', () => {
    expect(
      problemsOf((chart) =>
        new Pod(chart, 'p', {
          containers: [
            new Container({ name: 'app', image: 'app:1', extraFields: { lifecycle: { postStart: { exec: { command: ['sh', '2'] } } } } }),
            new Container({ name: 'log', image: 'log:1', extraFields: { stdin: false } }),
          ],
          extraSpec: { activeDeadlineSeconds: 30, hostname: 'web' },
        }),
      ),
    ).toEqual([]);
  });

  test('a source given to Volume.fromSource is held to the schema too', () => {
    const volume = Volume.fromSource('disk', { iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2001-04.com.example:storage', lun: '0' } } as any);
    expect(problemsOf((chart) => new Pod(chart, 'p', { containers: [new Container({ name: 'app', image: 'app:1', mounts: [volume.mount('/disk')] })] }))).toEqual([
      'spec.volumes[0].iscsi.lun: the escape-hatch value must be integer, got "0", which the Kubernetes 1.27 schema refuses. Fix: give the field a value of the type the Kubernetes API reference lists for it (kubernetes-schema)',
    ]);
  });

  test('an empty value the API server defaults passes, though the schema\'s enum leaves it out', () => {
    expect(
      problemsOf((chart) =>
        new Pod(chart, 'p', {
          containers: [new Container({ name: 'app', image: 'app:1' })],
          extraSpec: { dnsPolicy: '', preemptionPolicy: '' },
        }),
      ),
    ).toEqual([
      'spec.preemptionPolicy: preemptionPolicy "" is not supported; the values are "PreemptLowerPriority", "Never". Fix: use one of the listed values (supported-value)',
    ]);
  });

  test('only the fields an escape hatch set are held to the schema here', () => {
    // A wrong value of a modeled field is Peapod's own rules' business (supported-value here), reported once.
    const problems = problemsOf((chart) =>
      new Pod(chart, 'p', { restartPolicy: 'always' as any, containers: [new Container({ name: 'app', image: 'app:1' })], extraSpec: { hostname: 'web' } }),
    );
    expect(problems.map((p) => p.slice(p.lastIndexOf('(')))).toEqual(['(supported-value)']);
  });
});

const patchFix = 'Fix: give the field a value of the type the Kubernetes API reference lists for it (kubernetes-schema)';

// A Pod whose first container's name breaks a rule of its own, with `ops` patched onto it.
function patchedPod(...ops: JsonPatch[]): string[] {
  return problemsOf((chart) => {
    const pod = new Pod(chart, 'p', { containers: [new Container({ name: 'App', image: 'app:1', ports: { http: 80 } }), new Container({ name: 'log', image: 'log:1' })] });
    pod.apiObject.addJsonPatch(...ops);
  });
}

const nameProblem =
  'spec.containers[0].name: container name "App" must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: rename it to a DNS-1123 label such as "app" (container-name)';

describe('values a JSON patch sets', () => {
  test('of a JSON type the field cannot hold fail synth, are withheld from the rules, and the rest of the Pod is reported', () => {
    expect(patchedPod(JsonPatch.add('/spec/hostNetwork', 'yes'), JsonPatch.replace('/spec/containers/1/name', 7))).toEqual([
      nameProblem,
      `spec.containers[1].name: the value a JSON patch set must be string, got 7, which the Kubernetes 1.27 schema refuses. ${patchFix}`,
      `spec.hostNetwork: the value a JSON patch set must be boolean, got "yes", which the Kubernetes 1.27 schema refuses. ${patchFix}`,
    ]);
  });

  test('a value where a list belongs is the schema\'s error, not a stopped check', () => {
    // The containers are withheld whole, so neither their rules nor "no containers" speak.
    expect(patchedPod(JsonPatch.add('/spec/containers', 5))).toEqual([`spec.containers: the value a JSON patch set must be array, got 5, which the Kubernetes 1.27 schema refuses. ${patchFix}`]);
  });

  test('an element added at the end of a list with add to /-, or copied, is held to the schema', () => {
    expect(patchedPod(JsonPatch.add('/spec/containers/-', 'sidecar'))).toEqual([
      `spec.containers[2]: the value a JSON patch set must be object, got "sidecar", which the Kubernetes 1.27 schema refuses. ${patchFix}`,
    ]);
    expect(patchedPod(JsonPatch.copy('/spec/containers/0/ports', '/spec/containers/1/command'))).toEqual([
      nameProblem,
      `spec.containers[1].command[0]: the value a JSON patch set must be string, got {"containerPort":80,"name":"http"}, which the Kubernetes 1.27 schema refuses. ${patchFix}`,
    ]);
  });

  test('a value moved to a field of another type is held to the schema at its new place', () => {
    expect(patchedPod(JsonPatch.add('/metadata/annotations', { note: 'x' }), JsonPatch.move('/metadata/annotations', '/spec/containers/1/args'))).toEqual([
      nameProblem,
      `spec.containers[1].args: the value a JSON patch set must be array, got {"note":"x"}, which the Kubernetes 1.27 schema refuses. ${patchFix}`,
    ]);
  });

  const notAppliedFix =
    'Fix: give each patch a path whose parent fields are in the manifest as `dist/` spells it and the earlier patches leave it (`add` the parent object first, such as `add /spec/nodeSelector {}`), and give a `test` the value the field holds (json-patch-not-applied)';

  test('one that cannot be applied is named by its place among the patches, and the other objects are still reported', () => {
    expect(
      problemsOf((chart) => {
        const pod = new Pod(chart, 'p', { containers: [new Container({ name: 'app', image: 'app:1' })] });
        pod.apiObject.addJsonPatch(JsonPatch.add('/spec/hostname', 'web'), JsonPatch.remove('/spec/nodeSelector/gpu'));
        const test = new Pod(chart, 't', { containers: [new Container({ name: 'app', image: 'app:1' })] });
        test.apiObject.addJsonPatch(JsonPatch.test('/spec/hostname', 'db'));
        new Pod(chart, 'q', { containers: [new Container({ name: 'App', image: 'app:1' })] });
      }),
    ).toEqual([
      `JSON patch 2 of 2 cannot be applied (TypeError: Cannot read properties of undefined (reading 'gpu')), so the manifest cannot be written or checked. ${notAppliedFix}`,
      `JSON patch 1 of 1 cannot be applied (TEST_OPERATION_FAILED: Test operation failed), so the manifest cannot be written or checked. ${notAppliedFix}`,
      'spec.containers[0].name: container name "App" must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: rename it to a DNS-1123 label such as "app" (container-name)',
    ]);
  });

  test('that apply, one after the other, synthesize as cdk8s applies them', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'peapod-patches-')) });
    const pod = new Pod(new Chart(app, 'c'), 'p', { nodeSelector: { gpu: 'true' }, containers: [new Container({ name: 'app', image: 'app:1' })] });
    pod.apiObject.addJsonPatch(JsonPatch.remove('/spec/nodeSelector/gpu'), JsonPatch.add('/spec/hostname', 'web'), JsonPatch.test('/spec/hostname', 'web'));
    app.synth();
    const spec = (renderedManifest(pod.apiObject) as { spec: Record<string, unknown> }).spec;
    expect(spec.hostname).toBe('web');
    expect(spec.nodeSelector).toEqual({});
  });

  test('is reported at synth, with nothing written', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'peapod-patch-fails-'));
    const app = new App({ outdir });
    new Pod(new Chart(app, 'c'), 'p', { containers: [new Container({ name: 'app', image: 'app:1' })] }).apiObject.addJsonPatch(JsonPatch.remove('/spec/volumes/0'));
    expect(() => app.synth()).toThrow(/^synth failed with 1 error; no manifest was written:\n {2}\[c\/p\] JSON patch 1 of 1 cannot be applied \([^\n]+\), so the manifest cannot be written or checked\. Fix: [^\n]+ \(json-patch-not-applied\)$/);
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  test('is held to the schema in every kind, not only in Pods', () => {
    expect(
      problemsOf((chart) => {
        const d = new Deployment(chart, 'd', { template: { labels: { app: 'd' }, containers: [new Container({ name: 'app', image: 'app:1', ports: { http: 80 } })] } });
        d.apiObject.addJsonPatch(JsonPatch.replace('/spec/replicas', 'three'));
        new Service(chart, 's', { name: 'Web', target: d, ports: [{ port: 80, targetPort: 'http' }] }).apiObject.addJsonPatch(JsonPatch.add('/spec/ports', 'x'));
        new ConfigMap(chart, 'c', { data: { a: 'b' } }).apiObject.addJsonPatch(JsonPatch.add('/data/x', 5));
      }),
    ).toEqual([
      `spec.replicas: the value a JSON patch set must be integer, got "three", which the Kubernetes 1.27 schema refuses. ${patchFix}`,
      'metadata.name: Service name "Web" is not a DNS-1035 label. Fix: rename the Service with the `name` prop: at most 63 lowercase letters, digits and "-", starting with a letter and ending with a letter or digit (service-name-valid)',
      `spec.ports: the value a JSON patch set must be array, got "x", which the Kubernetes 1.27 schema refuses. ${patchFix}`,
      `data.x: the value a JSON patch set must be string, got 5, which the Kubernetes 1.27 schema refuses. ${patchFix}`,
    ]);
  });

  test('beside escape-hatch values, each is reported once, in the words of what set it', () => {
    expect(
      problemsOf((chart) => {
        const pod = new Pod(chart, 'p', { containers: [new Container({ name: 'app', image: 'app:1' })], extraSpec: { hostNetwork: 'yes', hostIpc: 'no' } as any });
        pod.apiObject.addJsonPatch(JsonPatch.replace('/spec/hostIPC', 'still no'), JsonPatch.add('/spec/hostname', 5));
      }),
    ).toEqual([
      `spec.hostNetwork: the escape-hatch value must be boolean, got "yes", which the Kubernetes 1.27 schema refuses. ${patchFix}`,
      `spec.hostIPC: the value a JSON patch set must be boolean, got "still no", which the Kubernetes 1.27 schema refuses. ${patchFix}`,
      `spec.hostname: the value a JSON patch set must be string, got 5, which the Kubernetes 1.27 schema refuses. ${patchFix}`,
    ]);
  });

  test('the rules read a copy without such a value; the manifest written keeps it', () => {
    const pod = new Pod(newChart(), 'p', { containers: [new Container({ name: 'app', image: 'app:1' })] });
    pod.apiObject.addJsonPatch(JsonPatch.add('/spec/hostNetwork', 'yes'), JsonPatch.add('/spec/hostname', 'web'));
    const { manifest } = manifestToValidate<k8s.KubePodProps>(pod.apiObject);
    expect(manifest.spec?.hostNetwork).toBeUndefined();
    expect(manifest.spec?.hostname).toBe('web');
    expect((renderedManifest(pod.apiObject) as { spec: { hostNetwork: unknown } }).spec.hostNetwork).toBe('yes');
  });

  test('their valid twins synthesize: add, add to /-, replace, remove, move, copy, and a field of a later Kubernetes', () => {
    expect(
      problemsOf((chart) => {
        const pod = new Pod(chart, 'p', { containers: [new Container({ name: 'app', image: 'app:1', ports: { http: 80 } }), new Container({ name: 'log', image: 'log:1' })] });
        pod.apiObject.addJsonPatch(
          JsonPatch.add('/spec/hostNetwork', false),
          JsonPatch.add('/spec/containers/-', { name: 'side', image: 'side:1' }),
          JsonPatch.replace('/spec/containers/1/image', 'log:2'),
          JsonPatch.remove('/spec/containers/1'),
          JsonPatch.add('/metadata/annotations', { note: 'x' }),
          JsonPatch.move('/metadata/annotations', '/spec/nodeSelector'),
          JsonPatch.copy('/spec/containers/0/image', '/spec/containers/1/image'),
          JsonPatch.add('/spec/containers/0/resizePolicy', [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }]),
        );
      }),
    ).toEqual([]);
  });

  test('a remove leaves the rules to say what is missing', () => {
    // The schema has nothing to check where a value is gone; the Pod's own rule names the missing containers.
    expect(patchedPod(JsonPatch.remove('/spec/containers'))).toEqual(problemsOf((chart) => new Pod(chart, 'p', { containers: [] })));
  });
});

describe('a value of a type the checks do not expect', () => {
  test('that stops the k8s types\' converter is kept as given, for the schema check, and the rest of the Pod is checked', () => {
    // The converters call hostAliases.map() and command.map(): the strings stopped the render itself.
    expect(
      problemsOf((chart) =>
        new Pod(chart, 'p', {
          containers: [new Container({ name: 'App', image: 'app:1', extraFields: { lifecycle: { preStop: { exec: { command: 'nginx -s quit' } } } } as any })],
          extraSpec: { hostAliases: 'db' } as any,
        }),
      ),
    ).toEqual([
      'spec.containers[0].name: container name "App" must be lower-case letters, digits and "-", and start and end with a letter or digit. Fix: rename it to a DNS-1123 label such as "app" (container-name)',
      'spec.containers[0].lifecycle.preStop.exec.command: the escape-hatch value must be array, got "nginx -s quit", which the Kubernetes 1.27 schema refuses. Fix: give the field a value of the type the Kubernetes API reference lists for it (kubernetes-schema)',
      'spec.hostAliases: the escape-hatch value must be array, got "db", which the Kubernetes 1.27 schema refuses. Fix: give the field a value of the type the Kubernetes API reference lists for it (kubernetes-schema)',
    ]);
  });

  test('is reported at synth as an error of the construct, not thrown as a stack trace', () => {
    // With a resolver of its own the app has cdk8s render the object, so its JsonPatch is not held to the schema: the rules meet a number where the containers are.
    const resolver: IResolver = { resolve: () => undefined };
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'peapod-type-error-')), resolvers: [resolver] });
    const pod = new Pod(new Chart(app, 'c'), 'p', { containers: [new Container({ name: 'app', image: 'app:1' })] });
    pod.apiObject.addJsonPatch(JsonPatch.add('/spec/containers', 5));
    expect(() => app.synth()).toThrow(
      /^synth failed with 1 error; no manifest was written:\n {2}\[c\/p\] Peapod's checks of this object stopped at a value of a type they do not expect \(TypeError: [^\n]+\), so its other problems may be missing\. Fix: give each field the type [^\n]+ \(unexpected-value-type\)$/,
    );
  });

  test('names the TypeError, whatever threw it', () => {
    const chart = newChart();
    const pod = new Pod(chart, 'p', { containers: [new Container({ name: 'app', image: 'app:1' })] });
    pod.problems = () => {
      throw new TypeError('spec.containers is not iterable');
    };
    expect(chart.node.findAll().flatMap((c) => c.node.validate())).toEqual([
      "Peapod's checks of this object stopped at a value of a type they do not expect (TypeError: spec.containers is not iterable), so its other problems may be missing. Fix: give each field the type the Kubernetes API reference lists for it: look at the values given through `as any`, escape hatches, JSON patches and L1 objects (unexpected-value-type)",
    ]);
  });

  test('another error is not taken for one', () => {
    const chart = newChart();
    const pod = new Pod(chart, 'p', { containers: [new Container({ name: 'app', image: 'app:1' })] });
    pod.problems = () => {
      throw new RangeError('too deep');
    };
    expect(() => chart.node.findAll().flatMap((c) => c.node.validate())).toThrow('too deep');
  });
});
