import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import * as peapod from '../../lib';
import { importManifests } from '../../lib/import';
import { run } from '../../lib/import/cli';
import { synthGenerated } from '../../lib/import/verify';
import { withTempDir } from '../_support';

// Input text that would run as code if it reached the source unescaped:
// it ends a comment or a string, writes a marker file, and comments out the rest.
const endings = ['\n', '\u2028', '\u2029', '\r', "'", '`', '${', '*/', '\\'];
const payload = (marker: string, end: string) => `x${end}require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); //${end}`;

// A YAML double-quoted scalar: JSON's escapes are YAML's, and the line separators are written as escapes too.
const yamlString = (value: string) => JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

/** Runs the generated code the unsafe way, with Node's own `require`: only escaping stands between the input and the machine. */
function runUnsandboxed(source: string, className: string): void {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const module = { exports: {} as Record<string, new (...args: unknown[]) => unknown> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (id: string) => (['peapod', './lib', '..'].includes(id) ? peapod : require(id));
  new Function('require', 'module', 'exports', js)(load, module, module.exports);
  const { App } = peapod;
  new module.exports[className](new App({ outdir: path.join(__dirname, '.never-written') }), 'check');
}

const deploymentAndService = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${yamlString(name)}}
spec:
  selector: {matchLabels: {app: web, tier: front}}
  template:
    metadata: {labels: {app: web, tier: front}}
    spec: {containers: [{name: c, image: nginx, ports: [{name: http, containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
`;

const podWith = (text: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
  labels: {app: ok}
  annotations: {example.com/x: ${yamlString(text)}}
spec:
  containers:
    - name: c
      image: nginx
      command: [${yamlString(text)}]
      env: [{name: A, value: ${yamlString(text)}}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: conf, annotations: {example.com/y: ${yamlString(text)}}}
data: {key: ${yamlString(text)}, long: ${yamlString(`${'line '.repeat(10)}\n${text}\n${text}`)}}
`;

describe('input text never runs as code', () => {
  test.each(endings.map((end) => [JSON.stringify(end), end]))('text ending with %s in annotations, env, command and ConfigMap data comes back exactly', (_, end) => {
    withTempDir((dir) => {
      const marker = path.join(dir, 'ran');
      const text = payload(marker, end);
      const result = importManifests([{ file: 'in.yaml', text: podWith(text) }]);
      runUnsandboxed(result.source, result.className);
      expect(fs.existsSync(marker)).toBe(false);
      const synth = synthGenerated(importManifests([{ file: 'in.yaml', text: podWith(text) }], { from: '..' }).source, result.className, { '..': peapod });
      expect(synth.errors).toEqual([]);
      const [pod, configMap] = [synth.objects.find((o) => o.kind === 'Pod'), synth.objects.find((o) => o.kind === 'ConfigMap')];
      expect(pod.metadata.annotations['example.com/x']).toBe(text);
      expect(pod.spec.containers[0].command).toEqual([text]);
      expect(pod.spec.containers[0].env).toEqual([{ name: 'A', value: text }]);
      expect(configMap.metadata.annotations['example.com/y']).toBe(text);
      expect(configMap.data.long).toBe(`${'line '.repeat(10)}\n${text}\n${text}`);
      expect(configMap.data.key).toBe(text);
      expect(fs.existsSync(marker)).toBe(false);
    });
  });

  test.each(['\n', '\u2028', '\u2029'].map((end) => [JSON.stringify(end), end]))(
    'a workload named with %s, which a comment names: refused with a message, nothing ran',
    (_, end) => {
      withTempDir((dir) => {
        const marker = path.join(dir, 'ran');
        const file = path.join(dir, 'in.yaml');
        fs.writeFileSync(file, deploymentAndService(payload(marker, end)));
        const outcome = run(['import', file, '--no-typecheck']);
        expect(fs.existsSync(marker)).toBe(false);
        expect(outcome.code).toBe(1);
        expect(outcome.stdout).toBe('');
        expect(outcome.stderr).toContain('nothing was written');
        // The code itself, run without the round trip's sandbox, does not run it either.
        const result = importManifests([{ file, text: fs.readFileSync(file, 'utf8') }]);
        expect(result.source).toContain('// The input selects by fewer labels than Deployment x\\');
        try {
          runUnsandboxed(result.source, result.className);
        } catch {
          // A name Kubernetes refuses may stop the code; what matters is that the payload did not run.
        }
        expect(fs.existsSync(marker)).toBe(false);
      });
    },
  );

  test.each(['\n', '\u2028'].map((end) => [JSON.stringify(end), end]))('label keys and values with %s: refused with a message, nothing ran', (_, end) => {
    withTempDir((dir) => {
      const marker = path.join(dir, 'ran');
      const file = path.join(dir, 'in.yaml');
      const text = payload(marker, end);
      fs.writeFileSync(file, `apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {${yamlString(text)}: ${yamlString(text)}, app: ${yamlString(text)}}}\nspec: {containers: [{name: c, image: nginx}]}\n`);
      const outcome = run(['import', file, '--no-typecheck']);
      expect(fs.existsSync(marker)).toBe(false);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain('metadata.labels');
      try {
        runUnsandboxed(importManifests([{ file, text: fs.readFileSync(file, 'utf8') }]).source, 'InChart');
      } catch {
        // Refused labels may stop the code; the payload must not run.
      }
      expect(fs.existsSync(marker)).toBe(false);
    });
  });

  test('an input file whose name holds a line feed: the header comments stay comments', () => {
    withTempDir((dir) => {
      // A file name holds no slash: the payload writes its marker into the working directory, which is the temporary one.
      const marker = `ran-${path.basename(dir)}`;
      const statement = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`;
      const file = path.join(dir, `pods x\n${statement}\nx\u2028${statement}\u2028.yaml`);
      fs.writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}\n');
      const outcome = run(['import', file, '--class', 'Pods']);
      // Only the summary of what the bare Pod lacks (probes, resources, …); no note, no error.
      expect(outcome.stderr).toMatch(/^peapod import: 7 lint warnings of 7 rules, [^\n]*\n {2}p: [^\n]*\n$/);
      expect(outcome.code).toBe(0);
      const lines = outcome.stdout.split('\n');
      expect(lines[0]).toBe(`// Imported by \`peapod import\` from pods x\\n${statement}\\nx\\u2028${statement}\\u2028.yaml.`);
      expect(lines[1]).toBe('// It is ordinary code now: edit it, it is not regenerated.');
      expect(outcome.stdout).toContain('\\u2028.yaml. */\nexport class Pods extends Chart {');
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        runUnsandboxed(outcome.stdout, 'Pods');
      } finally {
        process.chdir(cwd);
      }
      expect(fs.existsSync(path.join(dir, marker))).toBe(false);
    });
  });
});

describe('the round trip runs the code in a context of its own', () => {
  const attempt = (body: string) => `export class Evil {\n  public constructor() {\n    ${body}\n  }\n}\n`;

  test('no module but Peapod and its own dependencies', () => {
    withTempDir((dir) => {
      const marker = path.join(dir, 'ran');
      const source = `import * as fs from 'fs';\nfs.writeFileSync(${JSON.stringify(marker)}, 'ran');\nexport class Evil {}\n`;
      expect(() => synthGenerated(source, 'Evil', { peapod })).toThrow(
        'the generated code imports "fs", which the round trip does not serve (it serves peapod, cdk8s, constructs, cdk8s-plus-27/lib/imports/k8s)',
      );
      expect(() => synthGenerated("import 'child_process';\nexport class Evil {}\n", 'Evil', { peapod })).toThrow('the generated code imports "child_process"');
      expect(fs.existsSync(marker)).toBe(false);
    });
  });

  test.each([
    ['process', "process.exit(3);", 'process is not defined'],
    ['Node globals', "(globalThis as any).Buffer.from('x');", "Cannot read properties of undefined (reading 'from')"],
    ['timers', 'setTimeout(() => undefined, 0);', 'setTimeout is not defined'],
    ['the network', "fetch('http://localhost');", 'fetch is not defined'],
    ['eval', "eval('1');", 'Code generation from strings disallowed for this context'],
    ['new Function', "new Function('return 1')();", 'Code generation from strings disallowed for this context'],
  ])('no %s', (_, body, message) => {
    expect(() => synthGenerated(attempt(body), 'Evil', { peapod })).toThrow(message);
  });
});

describe('messages quote the input without obeying it', () => {
  test('terminal escape codes in the input are shown as escapes', () => {
    withTempDir((dir) => {
      const file = path.join(dir, 'in.yaml');
      fs.writeFileSync(file, 'apiVersion: v1\nkind: "Job\\e[2J\\e]0;owned\\a"\nmetadata: {name: j}\n');
      const outcome = run(['import', file]);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain('kind "Job\\u001b[2J\\u001b]0;owned\\u0007" is not one peapod import reads');
      expect(outcome.stderr.includes('\u001b') || outcome.stderr.includes('\u0007')).toBe(false);
    });
  });
});
