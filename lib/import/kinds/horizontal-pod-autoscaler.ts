import { fieldOf, JsonObject, listAt, objectAt, text } from '../../validation/_json';
import { CallCode, Code, jsonLiteral, literal, objectOf, stringLiteral } from '../code';
import { FieldReader, isMap, otherKeys } from '../fields';
import { l1Object } from '../l1-literal';
import { Scope } from '../scope';
import { ANY_QUANTITY } from '../_volume-sources';
import { constructStatement, KindConverter, Referable, specOf, unmodeledKeys } from './_kind';

const SCALABLE = ['Deployment', 'StatefulSet'];

/**
 * HorizontalPodAutoscalers of `autoscaling/v2`, as Peapod's class, which
 * takes its target as an object: the Deployment or StatefulSet of the
 * input that `scaleTargetRef` names. Metrics become `Metric` factories.
 */
export const horizontalPodAutoscalerConverter: KindConverter = {
  apiVersion: 'autoscaling/v2',
  unmodeled: (value, objects) => {
    const spec = objectAt(value.spec);
    const other = unmodeledKeys(spec, ['scaleTargetRef', 'minReplicas', 'maxReplicas', 'metrics', 'behavior'], 'spec');
    const ref = spec.scaleTargetRef ?? {};
    if (targetOf(ref, objects) === undefined) {
      other.push(`a target outside the input (${text(fieldOf(ref, 'kind'))} "${text(fieldOf(ref, 'name'))}"; it takes a Deployment or StatefulSet as an object: import its file with this one)`);
    }
    other.push(...unmodeledKeys(ref, ['apiVersion', 'kind', 'name'], 'spec.scaleTargetRef'));
    listAt(spec.metrics).forEach((metric, i) => {
      if (metricFactory(metric) === undefined) {
        other.push(`spec.metrics[${i}] (a ${text(fieldOf(metric, 'type') ?? 'metric')} metric of this shape has no Metric factory)`);
      }
    });
    return other;
  },
  convert: (input) => {
    const { reader, scope, objects } = input;
    const spec = specOf(input);
    // `unmodeled` sent an object without a target of the input to the L1 class.
    const target = targetOf(spec.scaleTargetRef, objects)!;
    target.used = true;
    const maxReplicas = literal(reader.integer(reader.required(spec, 'maxReplicas', 'spec'), 'spec.maxReplicas'));
    const metrics = reader.list(spec.metrics, 'spec.metrics');
    if (metrics) {
      scope.imports.add('Metric');
    }
    const behavior = spec.behavior === undefined ? undefined : l1Object(spec.behavior, 'HorizontalPodAutoscalerBehaviorV2', 'spec.behavior', reader, scope.usage);
    const props = objectOf([
      input.nameEntry,
      ...input.metaEntries(),
      ['target', target.variable],
      ['minReplicas', literal(reader.integer(spec.minReplicas, 'spec.minReplicas'))],
      ['maxReplicas', maxReplicas],
      ['metrics', metrics && { array: metrics.map((metric) => metricFactory(metric)!(reader, scope)) }],
      ['behavior', behavior],
    ]);
    input.add({ group: 1, render: constructStatement(input, 'HorizontalPodAutoscaler', props) });
  },
};

// The Deployment or StatefulSet of the input that a scaleTargetRef names, as Peapod's class.
function targetOf(value: unknown, objects: ReadonlyMap<string, Referable>): Referable | undefined {
  const ref = objectAt(value);
  if (ref.apiVersion !== 'apps/v1' || typeof ref.kind !== 'string' || !SCALABLE.includes(ref.kind) || typeof ref.name !== 'string') {
    return undefined;
  }
  const target = objects.get(`${ref.kind}/${ref.name}`);
  return target && !target.l1 ? target : undefined;
}

type MetricWriter = (reader: FieldReader, scope: Scope) => Code;

/**
 * The `Metric` factory call that renders `metric` exactly, or undefined
 * when there is none (an Object metric, a metric with a selector, a target
 * type the factory does not take).
 */
function metricFactory(metric: unknown): MetricWriter | undefined {
  const type = fieldOf(metric, 'type');
  if (typeof type !== 'string') {
    return undefined;
  }
  const source = objectAt(fieldOf(metric, lowerFirst(type)));
  const target = source.target;
  if (otherKeys(metric as JsonObject, ['type', lowerFirst(type)]).length > 0 || !isMap(target)) {
    return undefined;
  }
  const only = (map: unknown, keys: string[]): map is JsonObject => map !== null && typeof map === 'object' && otherKeys(map as JsonObject, keys).length === 0;
  const quantity = (q: unknown): q is number | string => typeof q === 'number' || (typeof q === 'string' && ANY_QUANTITY.test(q));
  const call = (name: string, ...args: Code[]): MetricWriter => () => ({ call: `Metric.${name}`, args }) satisfies CallCode;
  const utilization = only(target, ['type', 'averageUtilization']) && target.type === 'Utilization' && Number.isInteger(target.averageUtilization);
  const average = only(target, ['type', 'averageValue']) && target.type === 'AverageValue' && quantity(target.averageValue);
  switch (type) {
    case 'Resource':
      if (!only(source, ['name', 'target']) || typeof source.name !== 'string') {
        return undefined;
      }
      return utilization
        ? call('resourceUtilization', stringLiteral(source.name), String(target.averageUtilization))
        : average
          ? call('resourceAverageValue', stringLiteral(source.name), jsonLiteral(target.averageValue))
          : undefined;
    case 'ContainerResource':
      return only(source, ['name', 'container', 'target']) && typeof source.name === 'string' && typeof source.container === 'string' && utilization
        ? call('containerResourceUtilization', stringLiteral(source.container), stringLiteral(source.name), String(target.averageUtilization))
        : undefined;
    case 'Pods':
    case 'External': {
      if (!only(source, ['metric', 'target']) || !only(source.metric, ['name']) || typeof source.metric.name !== 'string') {
        return undefined;
      }
      const name = stringLiteral(source.metric.name);
      if (type === 'Pods') {
        return average ? call('pods', name, jsonLiteral(target.averageValue)) : undefined;
      }
      const value = only(target, ['type', 'value']) && target.type === 'Value' && quantity(target.value);
      return value
        ? call('external', name, objectOf([['value', jsonLiteral(target.value)]]))
        : average
          ? call('external', name, objectOf([['averageValue', jsonLiteral(target.averageValue)]]))
          : undefined;
    }
    default:
      return undefined;
  }
}

// `Resource` → `resource`: the field of a metric of that type.
function lowerFirst(text: string): string {
  return text.length > 0 ? text[0].toLowerCase() + text.slice(1) : text;
}
