import { fieldOf, objectAt } from '../../validation/_json';
import { literal } from '../code';
import { KindConverter, unmodeledSelector } from './_kind';
import { addWorkload, checkPodCounts, StrategyShape, unmodeledStrategy, updateStrategy } from './_workload';

const ROLLING = ['maxUnavailable', 'maxSurge'];
const STRATEGY: StrategyShape = { kind: 'DaemonSet', field: 'updateStrategy', className: 'DaemonSetUpdateStrategy', other: 'OnDelete', rollingFields: ROLLING, rule: 'daemon-set-update-strategy' };

/** DaemonSets, as Peapod's `DaemonSet`; Services that select their Pods are made from them. */
export const daemonSetConverter: KindConverter = {
  apiVersion: 'apps/v1',
  unmodeled: (value) => {
    const spec = objectAt(value.spec);
    return [...unmodeledSelector(spec.selector, 'spec.selector'), ...unmodeledStrategy(spec.updateStrategy, ROLLING)];
  },
  convert: (input) => {
    const { reader, scope } = input;
    addWorkload(input, {
      modeled: ['updateStrategy', 'revisionHistoryLimit'],
      l1Spec: 'DaemonSetSpec',
      entries: (spec) => {
        checkPodCounts(reader, fieldOf(spec.updateStrategy, 'rollingUpdate'), ROLLING, 'spec.updateStrategy.rollingUpdate');
        return [
          ['updateStrategy', updateStrategy(reader, scope, spec.updateStrategy, STRATEGY)],
          ['revisionHistoryLimit', literal(reader.integer(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'))],
        ];
      },
    });
  },
};
