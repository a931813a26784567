import { FirstIndex } from '../../lib/validation/_first-index';
import { validatePodSpec } from '../../lib/validation/pod-spec';
import { formatProblem, Report } from '../../lib/validation/problem';

// What a map from value to first index answers, computed the plain way.
function naiveFirstBefore(values: readonly unknown[], value: unknown, end: number, stringsOnly: boolean): number {
  if (stringsOnly ? typeof value !== 'string' : value === undefined) {
    return -1;
  }
  return values.slice(0, end).findIndex((other) => Object.is(other, value) || (other === 0 && value === 0));
}

describe('FirstIndex', () => {
  // Short lists are scanned and long ones indexed by a map: both must answer alike.
  test.each([5, 33, 80])('finds the first earlier item with the same value in a list of %i', (length) => {
    const values = Array.from({ length }, (_, i) => (i % 7 === 3 ? undefined : i % 11 === 5 ? 42 : `name-${i % 9}`));
    const items = values.map((name) => ({ name }));
    for (const stringsOnly of [true, false]) {
      const index = new FirstIndex(items, 'name', stringsOnly);
      for (let i = 0; i < length; i++) {
        expect([i, index.firstBefore(values[i], i)]).toEqual([i, naiveFirstBefore(values, values[i], i, stringsOnly)]);
      }
      expect(index.has('name-4')).toBe(length > 4);
      expect(index.has(42)).toBe(!stringsOnly && length > 5);
      expect(index.has('missing')).toBe(false);
    }
  });

  test('lists the values that count once each, in order of first appearance', () => {
    const items = [{ name: 'b' }, { name: 'a' }, {}, { name: 'b' }, { name: 7 }, null];
    expect(new FirstIndex(items, 'name', true).values()).toEqual(['b', 'a']);
    expect(new FirstIndex(items, 'name', false).values()).toEqual(['b', 'a', 7]);
  });

  test('treats NaN as equal to itself, as a Map does', () => {
    const items = [{ port: NaN }, { port: NaN }];
    expect(new FirstIndex(items, 'port', false).firstBefore(NaN, 1)).toBe(0);
  });
});

describe('duplicate checks on long lists', () => {
  test('name the first of the duplicates, as on short lists', () => {
    const env = Array.from({ length: 40 }, (_, i) => ({ name: `VAR_${i}`, value: 'x' }));
    env[35] = { name: 'VAR_2', value: '$(VAR_39)' };
    const ports = Array.from({ length: 40 }, (_, i) => ({ name: `p-${i}`, containerPort: 1000 + i }));
    ports[38] = { name: 'p-4', containerPort: 2000 };
    const report = new Report('pod');
    validatePodSpec({ containers: [{ name: 'app', image: 'app:1', env, ports }] }, 'spec', report);
    expect(report.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
      'spec.containers[0].env[35].value: $(VAR_39) in VAR_2 refers to no variable defined before VAR_2 in this container\'s env (container "app"; VAR_39 is defined after VAR_2); Kubernetes would leave it as the literal text. Fix: move VAR_39 above VAR_2 (env-reference-defined)',
      'spec.containers[0].env[35].name: env name "VAR_2" of container "app" is already defined at spec.containers[0].env[2]; the later entry hides it. Fix: remove one of the two entries or rename one (env-name-unique)',
      'spec.containers[0].ports[38].name: port name "p-4" of container "app" is already used by spec.containers[0].ports[4]. Fix: give each port of the container its own name (port-name-unique)',
    ]);
  });
});

describe('shared ports on Pods with many ports', () => {
  // A Pod with few ports and one with many: the problems must not differ.
  test.each([4, 12])('name the first container to declare the port, with %i ports per container', (count) => {
    const ports = (offset: number) => Array.from({ length: count }, (_, i) => ({ containerPort: 8000 + offset + i, ...(i === 1 ? { hostPort: 9000 } : {}) }));
    const report = new Report('pod');
    validatePodSpec({ containers: [{ name: 'a', image: 'a:1', ports: ports(0) }, { name: 'b', image: 'b:1', ports: ports(count - 1) }] }, 'spec', report);
    expect(report.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
      `spec.containers[1].ports[0].containerPort: port ${8000 + count - 1}/TCP of container "b" is already used by container "a" (spec.containers[0].ports[${count - 1}]); containers of a Pod share localhost, so only one can listen on it. Fix: give "b" or "a" another port (port-shared-localhost)`,
      'spec.containers[1].ports[1].hostPort: hostPort 9000/TCP of container "b" is already claimed by spec.containers[0].ports[1].hostPort. Fix: give one of them another `hostPort`, or drop `hostPort` and reach the Pod through a Service (host-port-conflict)',
    ]);
  });
});
