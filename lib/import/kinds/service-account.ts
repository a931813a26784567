import { objectOf } from '../code';
import { otherKeys, YamlMap } from '../fields';
import { constructStatement, KindConverter, secretReference } from './_kind';

/** ServiceAccounts, as Peapod's `ServiceAccount`; Pods of the input that run as one take it by object. */
export const serviceAccountConverter: KindConverter = {
  apiVersion: 'v1',
  unmodeled: (value: YamlMap) => {
    const other = otherKeys(value, ['apiVersion', 'kind', 'metadata', 'automountServiceAccountToken', 'imagePullSecrets']);
    const pullSecrets = Array.isArray(value.imagePullSecrets) ? value.imagePullSecrets : [];
    if (pullSecrets.some((s: unknown) => s === null || typeof s !== 'object' || otherKeys(s as YamlMap, ['name']).length > 0 || typeof (s as YamlMap).name !== 'string')) {
      other.push('imagePullSecrets other than by name');
    }
    return other.length > 0 ? other.join(', ') : undefined;
  },
  convert: (input) => {
    const { reader, scope, value, objects } = input;
    const automount = reader.boolean(value.automountServiceAccountToken, 'automountServiceAccountToken');
    const pullSecrets = reader.list(value.imagePullSecrets, 'imagePullSecrets');
    const props = objectOf([
      input.nameEntry,
      ...input.metaEntries(),
      ['automountServiceAccountToken', automount === undefined ? undefined : String(automount)],
      ['imagePullSecrets', pullSecrets && { array: pullSecrets.map((s: YamlMap) => secretReference(scope, s.name)) }],
    ]);
    const ref = objects.get(`ServiceAccount/${input.name}`)!;
    input.add({ group: 0, render: constructStatement(input, 'ServiceAccount', props, () => ref.used) });
  },
};
