import { CallCode, Code, jsonLiteral, objectOf } from '../code';
import { convertWorkload, WorkloadKind } from '../convert';
import { FieldReader, otherKeys, YamlMap } from '../fields';
import { Scope } from '../scope';
import { Target } from '../_targets';
import { constructStatement, KindInput, specOf } from './_kind';

/* eslint-disable @typescript-eslint/no-explicit-any -- the input is untyped YAML */

/**
 * Converts a workload that selects its Pods by `spec.selector` (a
 * DaemonSet, a StatefulSet) and adds its statement, which Services of the
 * input that select its Pods follow. `before` is written ahead of it.
 */
export function addWorkload(input: KindInput, own: WorkloadKind, before: () => string[] = () => []): Target | undefined {
  const { reader, scope, kind, name, variable } = input;
  const workload = convertWorkload(reader, scope, specOf(input), kind, variable, own);
  if (!workload) {
    return undefined;
  }
  const target: Target = { kind, name, variable, selector: workload.selector, labels: workload.labels, ports: workload.ports, used: false };
  input.targets.add(target);
  const ref = input.objects.get(`${kind}/${name}`)!;
  const render = constructStatement(input, kind, objectOf([input.nameEntry, ...input.metaEntries(), ...workload.entries]), () => target.used || ref.used, workload.patches);
  input.add({ group: 1, target, render: () => [...before(), ...workload.statements, ...render()] });
  return target;
}

/** The update strategy types of DaemonSets and StatefulSets, and the fields of their rolling update. */
export interface StrategyShape {
  /** `DaemonSetUpdateStrategy`. */
  readonly className: string;
  /** The fields of `rollingUpdate`. */
  readonly rollingFields: readonly string[];
  /** The rule the API server's check of the type is mirrored by. */
  readonly rule: string;
}

/**
 * `spec.updateStrategy` of a DaemonSet or StatefulSet as
 * `XUpdateStrategy.rollingUpdate({…})` or `.onDelete()`. A strategy without
 * a type gets RollingUpdate, the default Kubernetes applies, with a note.
 */
export function updateStrategy(reader: FieldReader, scope: Scope, value: any, shape: StrategyShape): Code | undefined {
  const strategy = reader.map(value, 'spec.updateStrategy');
  if (!strategy) {
    return undefined;
  }
  scope.imports.add(shape.className);
  if (strategy.type === undefined) {
    strategy.type = 'RollingUpdate';
    reader.note('spec.updateStrategy.type', 'written as RollingUpdate, the default Kubernetes applies');
  }
  const type = reader.oneOf(strategy.type, 'spec.updateStrategy.type', ['RollingUpdate', 'OnDelete'], shape.rule);
  if (type === 'OnDelete') {
    return `${shape.className}.onDelete()`;
  }
  const rolling = reader.map(strategy.rollingUpdate, 'spec.updateStrategy.rollingUpdate');
  if (!rolling) {
    return `${shape.className}.rollingUpdate()`;
  }
  const entries = shape.rollingFields.map((key) => [key, rolling[key] === undefined ? undefined : jsonLiteral(rolling[key])] as const);
  const call: CallCode = { call: `${shape.className}.rollingUpdate`, args: [objectOf(entries)] };
  return call;
}

/** What of an update strategy the DSL does not write: a rolling update beside OnDelete, unknown fields. */
export function unmodeledStrategy(strategy: any, rollingFields: readonly string[]): string | undefined {
  if (strategy === null || typeof strategy !== 'object') {
    return undefined;
  }
  if (strategy.type === 'OnDelete' && strategy.rollingUpdate !== undefined) {
    return 'spec.updateStrategy.rollingUpdate beside type OnDelete';
  }
  const rolling = strategy.rollingUpdate;
  const other = [
    ...otherKeys(strategy, ['type', 'rollingUpdate']).map((key) => `spec.updateStrategy.${key}`),
    ...(rolling !== null && typeof rolling === 'object' ? otherKeys(rolling, rollingFields).map((key) => `spec.updateStrategy.rollingUpdate.${key}`) : []),
  ];
  return other.length > 0 ? other.join(', ') : undefined;
}

/** Values of a count or percentage field (`maxUnavailable`): a whole number or `N%`. */
export function checkPodCounts(reader: FieldReader, map: YamlMap | undefined, keys: readonly string[], at: string): void {
  for (const key of keys) {
    const amount = map?.[key];
    if (amount !== undefined && !(typeof amount === 'number' && Number.isInteger(amount)) && !(typeof amount === 'string' && /^[0-9]+%$/.test(amount))) {
      reader.problem(`${at}.${key}`, `is ${JSON.stringify(amount)}; expected a count or a percentage`, 'write a number (1) or a percentage ("25%")');
    }
  }
}
