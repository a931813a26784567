import { listAt } from '../../validation/_json';
import { literal, objectOf } from '../code';
import { isMap, otherKeys } from '../fields';
import { constructStatement, keyedReference, KindConverter } from './_kind';

/** ServiceAccounts, as Peapod's `ServiceAccount`; Pods of the input that run as one take it by object. */
export const serviceAccountConverter: KindConverter = {
  apiVersion: 'v1',
  unmodeled: (value) => {
    const other = otherKeys(value, ['apiVersion', 'kind', 'metadata', 'automountServiceAccountToken', 'imagePullSecrets']);
    if (!listAt(value.imagePullSecrets).every((s) => isMap(s) && otherKeys(s, ['name']).length === 0 && typeof s.name === 'string')) {
      other.push('imagePullSecrets other than by name');
    }
    return other;
  },
  convert: (input) => {
    const { reader, scope, value } = input;
    const pullSecrets = reader.list(value.imagePullSecrets, 'imagePullSecrets');
    const props = objectOf([
      input.nameEntry,
      ...input.metaEntries(),
      ['automountServiceAccountToken', literal(reader.boolean(value.automountServiceAccountToken, 'automountServiceAccountToken'))],
      // Each a mapping of a name only: `unmodeled` sent any other to the L1 class.
      ['imagePullSecrets', pullSecrets && { array: pullSecrets.map((s, i) => keyedReference(reader, scope, 'Secret', (s as { name: string }).name, undefined, undefined, `imagePullSecrets[${i}]`)) }],
    ]);
    input.add({ group: 0, render: constructStatement(input, 'ServiceAccount', props) });
  },
};
