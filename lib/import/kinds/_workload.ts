import { fieldOf, JsonObject } from '../../validation/_json';
import { Code, jsonLiteral, objectOf } from '../code';
import { convertWorkload, WorkloadKind } from '../convert';
import { FieldReader } from '../fields';
import { Scope } from '../scope';
import { addTarget, KindInput, specOf, unmodeledKeys } from './_kind';

/**
 * Converts a workload that selects its Pods by `spec.selector` (a
 * DaemonSet, a StatefulSet) and adds its statement, which Services of the
 * input that select its Pods follow. `before` is written ahead of it.
 */
export function addWorkload(input: KindInput, own: WorkloadKind, before: () => string[] = () => []): void {
  const workload = convertWorkload(input.reader, input.scope, specOf(input), input.kind, input.variable, own);
  if (workload) {
    addTarget(input, objectOf([input.nameEntry, ...input.metaEntries(), ...workload.entries]), workload, before);
  }
}

/** A Deployment's `strategy`, or a DaemonSet's or StatefulSet's `updateStrategy`. */
export interface StrategyShape {
  readonly kind: string;
  readonly field: 'strategy' | 'updateStrategy';
  /** `DaemonSetUpdateStrategy`. */
  readonly className: string;
  /** The type besides RollingUpdate, which its factory is named after. */
  readonly other: 'Recreate' | 'OnDelete';
  /** The fields of `rollingUpdate`. */
  readonly rollingFields: readonly string[];
  /** The rule the API server's check of the type is mirrored by. */
  readonly rule?: string;
  /** Whether the counts of the rolling update are checked here (a DaemonSet's and StatefulSet's are checked with its spec). */
  readonly checkCounts?: boolean;
}

/**
 * The strategy as `XStrategy.rollingUpdate({…})`, `.recreate()` or
 * `.onDelete()`. A strategy without a type gets RollingUpdate, the default
 * Kubernetes applies, with a note. Fields the factories do not write are
 * problems; a DaemonSet or StatefulSet with one came in as its L1 class already.
 */
export function updateStrategy(reader: FieldReader, scope: Scope, value: unknown, shape: StrategyShape): Code | undefined {
  const at = `spec.${shape.field}`;
  const strategy = reader.map(value, at);
  if (!strategy) {
    return undefined;
  }
  scope.imports.add(shape.className);
  reader.otherFields(strategy, ['type', 'rollingUpdate'], at, `is not a field of a ${shape.kind} strategy`);
  if (strategy.type === undefined) {
    strategy.type = 'RollingUpdate';
    reader.note(`${at}.type`, 'written as RollingUpdate, the default Kubernetes applies');
  }
  const type = reader.oneOf(strategy.type, `${at}.type`, ['RollingUpdate', shape.other], shape.rule);
  if (type === shape.other) {
    if (strategy.rollingUpdate !== undefined) {
      reader.problem(`${at}.rollingUpdate`, `is set on a ${shape.other} strategy`, 'remove it; Kubernetes rejects it');
    }
    return `${shape.className}.${shape.other === 'Recreate' ? 'recreate' : 'onDelete'}()`;
  }
  const rolling = reader.map(strategy.rollingUpdate, `${at}.rollingUpdate`);
  if (!rolling) {
    return `${shape.className}.rollingUpdate()`;
  }
  if (shape.checkCounts) {
    checkPodCounts(reader, rolling, shape.rollingFields, `${at}.rollingUpdate`);
  }
  const entries = shape.rollingFields.map((key) => [key, rolling[key] === undefined ? undefined : jsonLiteral(rolling[key])] as const);
  reader.otherFields(rolling, shape.rollingFields, `${at}.rollingUpdate`, 'is not a field of a rolling update');
  return { call: `${shape.className}.rollingUpdate`, args: [objectOf(entries)] };
}

/** What of an update strategy the DSL does not write: a rolling update beside OnDelete, unknown fields. */
export function unmodeledStrategy(strategy: unknown, rollingFields: readonly string[]): string[] {
  if (strategy === null || typeof strategy !== 'object') {
    return [];
  }
  const { type, rollingUpdate } = strategy as JsonObject;
  if (type === 'OnDelete' && rollingUpdate !== undefined) {
    return ['spec.updateStrategy.rollingUpdate beside type OnDelete'];
  }
  return [...unmodeledKeys(strategy, ['type', 'rollingUpdate'], 'spec.updateStrategy'), ...unmodeledKeys(rollingUpdate, rollingFields, 'spec.updateStrategy.rollingUpdate')];
}

/** Values of a count or percentage field (`maxUnavailable`): a whole number or `N%`. */
export function checkPodCounts(reader: FieldReader, map: unknown, keys: readonly string[], at: string): void {
  for (const key of keys) {
    const amount = fieldOf(map, key);
    if (amount !== undefined && !(typeof amount === 'number' && Number.isInteger(amount)) && !(typeof amount === 'string' && /^[0-9]+%$/.test(amount))) {
      reader.problem(`${at}.${key}`, `is ${JSON.stringify(amount)}; expected a count or a percentage`, 'write a number (1) or a percentage ("25%")');
    }
  }
}
