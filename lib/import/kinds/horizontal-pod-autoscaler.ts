import { CallCode, Code, jsonLiteral, objectOf, stringLiteral } from '../code';
import { FieldReader, otherKeys, YamlMap } from '../fields';
import { l1Object } from '../l1-literal';
import { Scope } from '../scope';
import { constructStatement, integerCode, KindConverter, Referable, specOf } from './_kind';

/* eslint-disable @typescript-eslint/no-explicit-any -- the input is untyped YAML */

// Peapod's Quantity type: a number, and an optional binary or decimal suffix.
const QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?$/;
const SCALABLE = ['Deployment', 'StatefulSet'];

/**
 * HorizontalPodAutoscalers of `autoscaling/v2`, as Peapod's class, which
 * takes its target as an object: the Deployment or StatefulSet of the
 * input that `scaleTargetRef` names. Metrics become `Metric` factories.
 */
export const horizontalPodAutoscalerConverter: KindConverter = {
  apiVersion: 'autoscaling/v2',
  unmodeled: (value: YamlMap, objects) => {
    const spec = value.spec ?? {};
    const other = otherKeys(spec, ['scaleTargetRef', 'minReplicas', 'maxReplicas', 'metrics', 'behavior']).map((key) => `spec.${key}`);
    const ref = spec.scaleTargetRef ?? {};
    const target = targetOf(ref, objects);
    if (target === undefined) {
      other.push(`a target outside the input (${ref.kind} "${ref.name}"; it takes a Deployment or StatefulSet as an object: import its file with this one)`);
    }
    other.push(...otherKeys(ref, ['apiVersion', 'kind', 'name']).map((key) => `spec.scaleTargetRef.${key}`));
    (Array.isArray(spec.metrics) ? spec.metrics : []).forEach((metric: any, i: number) => {
      if (metricFactory(metric) === undefined) {
        other.push(`spec.metrics[${i}] (a ${metric?.type ?? 'metric'} metric of this shape has no Metric factory)`);
      }
    });
    return other.length > 0 ? other.join(', ') : undefined;
  },
  convert: (input) => {
    const { reader, scope, objects } = input;
    const spec = specOf(input);
    const target = targetOf(spec.scaleTargetRef, objects)!;
    target.used = true;
    const maxReplicas = integerCode(reader, reader.required(spec, 'maxReplicas', 'spec'), 'spec.maxReplicas');
    const metrics = reader.list(spec.metrics, 'spec.metrics');
    if (metrics) {
      scope.imports.add('Metric');
    }
    const behavior = spec.behavior === undefined ? undefined : l1Object(spec.behavior, 'HorizontalPodAutoscalerBehaviorV2', 'spec.behavior', reader, scope.usage);
    const props = objectOf([
      input.nameEntry,
      ...input.metaEntries(),
      ['target', target.variable],
      ['minReplicas', integerCode(reader, spec.minReplicas, 'spec.minReplicas')],
      ['maxReplicas', maxReplicas],
      ['metrics', metrics && { array: metrics.map((metric) => metricFactory(metric)!(reader, scope)) }],
      ['behavior', behavior],
    ]);
    const ref = objects.get(`HorizontalPodAutoscaler/${input.name}`)!;
    input.add({ group: 1, render: constructStatement(input, 'HorizontalPodAutoscaler', props, () => ref.used) });
  },
};

// The Deployment or StatefulSet of the input that a scaleTargetRef names, as Peapod's class.
function targetOf(ref: any, objects: ReadonlyMap<string, Referable>): Referable | undefined {
  if (ref === null || typeof ref !== 'object' || ref.apiVersion !== 'apps/v1' || !SCALABLE.includes(ref.kind)) {
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
function metricFactory(metric: any): MetricWriter | undefined {
  if (metric === null || typeof metric !== 'object') {
    return undefined;
  }
  const source = metric[lowerFirst(String(metric.type))];
  const target = source?.target;
  if (otherKeys(metric, ['type', lowerFirst(String(metric.type))]).length > 0 || target === null || typeof target !== 'object') {
    return undefined;
  }
  const only = (map: any, keys: string[]) => map !== null && typeof map === 'object' && otherKeys(map, keys).length === 0;
  const quantity = (q: unknown) => typeof q === 'number' || (typeof q === 'string' && QUANTITY.test(q));
  const call = (name: string, ...args: Code[]): MetricWriter => () => ({ call: `Metric.${name}`, args }) satisfies CallCode;
  const utilization = only(target, ['type', 'averageUtilization']) && target.type === 'Utilization' && Number.isInteger(target.averageUtilization);
  const average = only(target, ['type', 'averageValue']) && target.type === 'AverageValue' && quantity(target.averageValue);
  switch (metric.type) {
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
      if (metric.type === 'Pods') {
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
