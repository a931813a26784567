import { UNHEALTHY_POD_EVICTION_POLICIES } from '../../validation/pod-disruption-budget';
import { objectAt } from '../../validation/_json';
import { jsonLiteral, literal, objectOf } from '../code';
import { constructStatement, KindConverter, matchLabelsOf, selectionOf, specOf, unmodeledKeys, unmodeledSelector } from './_kind';
import { checkPodCounts } from './_workload';

/** PodDisruptionBudgets, as Peapod's `PodDisruptionBudget`, made from the workload of the input whose Pods they protect. */
export const podDisruptionBudgetConverter: KindConverter = {
  apiVersion: 'policy/v1',
  unmodeled: (value) => {
    const spec = objectAt(value.spec);
    const other = [...unmodeledKeys(spec, ['selector', 'minAvailable', 'maxUnavailable', 'unhealthyPodEvictionPolicy'], 'spec'), ...unmodeledSelector(spec.selector, 'spec.selector')];
    if (spec.selector === undefined) {
      other.push('a budget without a selector (it protects no Pods)');
    }
    if (spec.minAvailable === undefined && spec.maxUnavailable === undefined) {
      other.push('a budget without minAvailable or maxUnavailable');
    }
    return other;
  },
  convert: (input) => {
    const { reader } = input;
    const spec = specOf(input);
    if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
      reader.problem('spec.maxUnavailable', 'is set beside minAvailable, and a budget takes one of the two', 'keep minAvailable or maxUnavailable', 'pdb-budget-valid');
    }
    checkPodCounts(reader, spec, ['minAvailable', 'maxUnavailable'], 'spec');
    const selector = reader.map(spec.selector, 'spec.selector') ?? {};
    const selection = selectionOf(input, matchLabelsOf(reader, selector, 'spec.selector'));
    const props = objectOf([
      input.nameEntry,
      ...input.metaEntries(),
      ['selector', selection.code],
      ['minAvailable', spec.minAvailable === undefined ? undefined : jsonLiteral(spec.minAvailable)],
      ['maxUnavailable', spec.minAvailable !== undefined || spec.maxUnavailable === undefined ? undefined : jsonLiteral(spec.maxUnavailable)],
      ['unhealthyPodEvictionPolicy', literal(reader.oneOf(spec.unhealthyPodEvictionPolicy, 'spec.unhealthyPodEvictionPolicy', UNHEALTHY_POD_EVICTION_POLICIES, 'pdb-budget-valid'))],
    ]);
    input.add({ group: 1, after: selection.after, render: constructStatement(input, 'PodDisruptionBudget', props) });
  },
};
