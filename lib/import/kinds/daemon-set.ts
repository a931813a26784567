import { YamlMap } from '../fields';
import { integerCode, KindConverter, unmodeledSelector } from './_kind';
import { addWorkload, checkPodCounts, unmodeledStrategy, updateStrategy } from './_workload';

const ROLLING = ['maxUnavailable', 'maxSurge'];

/** DaemonSets, as Peapod's `DaemonSet`; Services that select their Pods are made from them. */
export const daemonSetConverter: KindConverter = {
  apiVersion: 'apps/v1',
  unmodeled: (value: YamlMap) => {
    const strategy = unmodeledStrategy(value.spec?.updateStrategy, ROLLING);
    const other = [...unmodeledSelector(value.spec?.selector, 'spec.selector'), ...(strategy ? [strategy] : [])];
    return other.length > 0 ? other.join(', ') : undefined;
  },
  convert: (input) => {
    const { reader, scope } = input;
    addWorkload(input, {
      modeled: ['updateStrategy', 'revisionHistoryLimit'],
      l1Spec: 'DaemonSetSpec',
      entries: (spec) => {
        checkPodCounts(reader, spec.updateStrategy?.rollingUpdate, ROLLING, 'spec.updateStrategy.rollingUpdate');
        return [
          ['updateStrategy', updateStrategy(reader, scope, spec.updateStrategy, { className: 'DaemonSetUpdateStrategy', rollingFields: ROLLING, rule: 'daemon-set-update-strategy' })],
          ['revisionHistoryLimit', integerCode(reader, spec.revisionHistoryLimit, 'spec.revisionHistoryLimit')],
        ];
      },
    });
  },
};
