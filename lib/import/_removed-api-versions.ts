/**
 * API versions the API server no longer serves, with the Kubernetes
 * release that removed them (the deprecated API migration guide). Old
 * published manifests still use them; `kubectl apply` of one fails with
 * "no matches for kind", so the import names the removal rather than a
 * mere mismatch. The first entry that matches wins: `extensions/v1beta1`
 * lost its Ingress later than its workloads.
 */
export const REMOVED_API_VERSIONS: readonly { readonly apiVersion: string; readonly kinds: readonly string[]; readonly removedIn: string }[] = [
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], removedIn: '1.22' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], removedIn: '1.27' },
  ...removed('1.16', 'extensions/v1beta1 apps/v1beta1 apps/v1beta2'),
  ...removed(
    '1.22',
    'networking.k8s.io/v1beta1 rbac.authorization.k8s.io/v1beta1 rbac.authorization.k8s.io/v1alpha1 admissionregistration.k8s.io/v1beta1 apiextensions.k8s.io/v1beta1 ' +
      'apiregistration.k8s.io/v1beta1 authentication.k8s.io/v1beta1 authorization.k8s.io/v1beta1 certificates.k8s.io/v1beta1 coordination.k8s.io/v1beta1 ' +
      'scheduling.k8s.io/v1beta1 storage.k8s.io/v1beta1',
  ),
  ...removed('1.25', 'batch/v1beta1 policy/v1beta1 autoscaling/v2beta1 discovery.k8s.io/v1beta1 events.k8s.io/v1beta1 node.k8s.io/v1beta1'),
  ...removed('1.26', 'autoscaling/v2beta2 flowcontrol.apiserver.k8s.io/v1beta1'),
];

// The API versions (separated by spaces) that `release` removed for every kind.
function removed(release: string, versions: string): { apiVersion: string; kinds: readonly string[]; removedIn: string }[] {
  return versions.split(' ').map((apiVersion) => ({ apiVersion, kinds: [], removedIn: release }));
}

/** The release that removed `apiVersion` for `kind` (an empty `kinds` stands for every kind), or undefined when it is served. */
export function removedIn(apiVersion: string, kind: string): string | undefined {
  return REMOVED_API_VERSIONS.find((r) => r.apiVersion === apiVersion && (r.kinds.length === 0 || r.kinds.includes(kind)))?.removedIn;
}
