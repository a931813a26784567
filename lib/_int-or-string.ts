import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';

/** A count or percentage (`1`, `'25%'`), or a port by number or name, as the L1 IntOrString. */
export function intOrString(value: number | string | undefined): k8s.IntOrString | undefined {
  return value === undefined ? undefined : typeof value === 'number' ? k8s.IntOrString.fromNumber(value) : k8s.IntOrString.fromString(value);
}
