/**
 * API versions the API server no longer serves, with the Kubernetes
 * release that removed them (the deprecated API migration guide). Old
 * published manifests still use them; `kubectl apply` of one fails with
 * "no matches for kind", so the import names the removal rather than a
 * mere mismatch. The first entry that matches wins: `extensions/v1beta1`
 * lost its Ingress later than its workloads.
 */
export const REMOVED_API_VERSIONS = [
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], removedIn: '1.22' },
  { apiVersion: 'extensions/v1beta1', kinds: [], removedIn: '1.16' },
  { apiVersion: 'apps/v1beta1', kinds: [], removedIn: '1.16' },
  { apiVersion: 'apps/v1beta2', kinds: [], removedIn: '1.16' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: [], removedIn: '1.22' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: [], removedIn: '1.22' },
  { apiVersion: 'batch/v1beta1', kinds: [], removedIn: '1.25' },
  { apiVersion: 'policy/v1beta1', kinds: [], removedIn: '1.25' },
  { apiVersion: 'autoscaling/v2beta1', kinds: [], removedIn: '1.25' },
  { apiVersion: 'autoscaling/v2beta2', kinds: [], removedIn: '1.26' },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kinds: [], removedIn: '1.22' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: [], removedIn: '1.22' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: [], removedIn: '1.22' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: [], removedIn: '1.22' },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: [], removedIn: '1.22' },
  { apiVersion: 'authorization.k8s.io/v1beta1', kinds: [], removedIn: '1.22' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: [], removedIn: '1.22' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: [], removedIn: '1.22' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: [], removedIn: '1.22' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], removedIn: '1.27' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: [], removedIn: '1.22' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: [], removedIn: '1.25' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: [], removedIn: '1.25' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: [], removedIn: '1.25' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: [], removedIn: '1.26' },
] as const satisfies readonly { apiVersion: string; kinds: readonly string[]; removedIn: string }[];

/** The release that removed `apiVersion` for `kind` (an empty `kinds` stands for every kind), or undefined when it is served. */
export function removedIn(apiVersion: string, kind: string): string | undefined {
  return REMOVED_API_VERSIONS.find((r) => r.apiVersion === apiVersion && (r.kinds.length === 0 || (r.kinds as readonly string[]).includes(kind)))?.removedIn;
}
