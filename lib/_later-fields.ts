/**
 * Fields of the Kubernetes API newer than 1.27, the version of the
 * cdk8s-plus-27 k8s types Peapod builds on. The L1 classes do not know
 * them and leave them out of the manifest, like a misspelt field; the
 * messages about such a field say which it is, so that a user does not
 * look for a typo in `restartPolicy: Always` on an init container.
 * One list, read by synth's dropped-field check and by the importer.
 */
export const LATER_FIELDS = [
  { type: 'Container', field: 'restartPolicy', since: '1.28', what: 'sidecar init containers' },
  { type: 'Container', field: 'restartPolicyRules', since: '1.34', what: 'container restart rules' },
  { type: 'PodSpec', field: 'resources', since: '1.32', what: 'Pod-level resources' },
  { type: 'PodSpec', field: 'hostnameOverride', since: '1.34', what: 'hostname overrides' },
  { type: 'LifecycleHandler', field: 'sleep', since: '1.29', what: 'sleep lifecycle hooks' },
  { type: 'Lifecycle', field: 'stopSignal', since: '1.33', what: 'container stop signals' },
  { type: 'SecurityContext', field: 'appArmorProfile', since: '1.30', what: 'AppArmor profiles as a field' },
  { type: 'PodSecurityContext', field: 'appArmorProfile', since: '1.30', what: 'AppArmor profiles as a field' },
  { type: 'PodSecurityContext', field: 'supplementalGroupsPolicy', since: '1.31', what: 'supplemental group policies' },
  { type: 'PodSecurityContext', field: 'seLinuxChangePolicy', since: '1.32', what: 'SELinux relabelling policies' },
  { type: 'VolumeMount', field: 'recursiveReadOnly', since: '1.30', what: 'recursive read-only mounts' },
  { type: 'Volume', field: 'image', since: '1.31', what: 'image volumes' },
  { type: 'VolumeProjection', field: 'clusterTrustBundle', since: '1.29', what: 'ClusterTrustBundle projections' },
  { type: 'EmptyDirVolumeSource', field: 'mode', since: '1.37', what: 'emptyDir permission modes' },
  { type: 'EnvVarSource', field: 'fileKeyRef', since: '1.34', what: 'env values read from files' },
  { type: 'PodAffinityTerm', field: 'matchLabelKeys', since: '1.29', what: 'match label keys in Pod affinity' },
  { type: 'PodAffinityTerm', field: 'mismatchLabelKeys', since: '1.29', what: 'mismatch label keys in Pod affinity' },
  { type: 'ServiceSpec', field: 'trafficDistribution', since: '1.30', what: 'Service traffic distribution' },
  { type: 'JobSpec', field: 'podReplacementPolicy', since: '1.28', what: 'Job Pod replacement policies' },
  { type: 'JobSpec', field: 'backoffLimitPerIndex', since: '1.28', what: 'per-index backoff limits' },
  { type: 'JobSpec', field: 'maxFailedIndexes', since: '1.28', what: 'per-index backoff limits' },
  { type: 'JobSpec', field: 'successPolicy', since: '1.30', what: 'Job success policies' },
  { type: 'JobSpec', field: 'managedBy', since: '1.30', what: 'Jobs managed by other controllers' },
  { type: 'PersistentVolumeClaimSpec', field: 'volumeAttributesClassName', since: '1.29', what: 'volume attributes classes' },
] as const;

/** A field of a Kubernetes version later than the 1.27 types. */
export type LaterField = (typeof LATER_FIELDS)[number];

/** The L1 types that hold a later field. */
export type LaterFieldType = LaterField['type'];

// Where, in a manifest path, an object of each type stands: the path up to the field.
const PARENT_PATHS: Readonly<Record<LaterFieldType, RegExp>> = {
  Container: /(^|\.)(containers|initContainers|ephemeralContainers)\[\d+\]$/,
  PodSpec: /(^|\.)spec$/,
  LifecycleHandler: /\.lifecycle\.(postStart|preStop)$/,
  Lifecycle: /\]\.lifecycle$/,
  SecurityContext: /\]\.securityContext$/,
  PodSecurityContext: /(^|\.)spec\.securityContext$/,
  VolumeMount: /\.volumeMounts\[\d+\]$/,
  Volume: /(^|\.)volumes\[\d+\]$/,
  VolumeProjection: /\.projected\.sources\[\d+\]$/,
  EmptyDirVolumeSource: /(^|\.)volumes\[\d+\]\.emptyDir$/,
  EnvVarSource: /\.valueFrom$/,
  PodAffinityTerm: /\.(podAffinity|podAntiAffinity)\.(requiredDuringSchedulingIgnoredDuringExecution\[\d+\]|preferredDuringSchedulingIgnoredDuringExecution\[\d+\]\.podAffinityTerm)$/,
  ServiceSpec: /^spec$/,
  JobSpec: /(^|\.)(jobTemplate\.)?spec$/,
  PersistentVolumeClaimSpec: /(volumeClaimTemplates\[\d+\]|ephemeral\.volumeClaimTemplate)\.spec$/,
};

/** The later field that `field` of the L1 type `type` is, if it is one (for the importer, which knows the type). */
export function laterFieldOf(type: string, field: string): LaterField | undefined {
  return LATER_FIELDS.find((later) => later.type === type && later.field === field);
}

/**
 * The later field at a manifest path (`spec.initContainers[0].restartPolicy`),
 * judged by the field's name and the shape of the path that leads to it.
 * `kind` narrows the types for paths that do not tell them apart (a
 * Service's `spec` and a Pod's).
 */
export function laterFieldAt(path: string, kind = 'Pod'): LaterField | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0) {
    return undefined;
  }
  const parent = path.slice(0, dot);
  const field = path.slice(dot + 1);
  return LATER_FIELDS.find((later) => later.field === field && fitsKind(later.type, kind) && PARENT_PATHS[later.type].test(parent));
}

function fitsKind(type: LaterFieldType, kind: string): boolean {
  if (type === 'ServiceSpec') {
    return kind === 'Service';
  }
  if (type === 'JobSpec') {
    return kind === 'Job' || kind === 'CronJob';
  }
  return kind !== 'Service';
}

/** What a message says of a later field after its name: that it is spelt right, and which version has it. */
export function laterFieldDetail(later: LaterField): string {
  return `is a field of Kubernetes ${later.since} and later (${later.what}), not of the Kubernetes 1.27 types of cdk8s-plus-27 that Peapod builds on; it is spelt right`;
}

/** The message of synth's dropped-field check about a later field. */
export function laterFieldMessage(name: string, later: LaterField): string {
  return `"${name}" ${laterFieldDetail(later)}, but cdk8s would leave it out of the manifest`;
}

/**
 * How to set a later field anyway: a JsonPatch on the object's `apiObject`,
 * which Peapod renders in the manifest's own field names, so the patch
 * keeps what the 1.27 types of an escape hatch would drop.
 */
export function laterFieldFix(later: LaterField): string {
  return `if the cluster runs Kubernetes ${later.since} or later, add the field with a cdk8s JsonPatch on the manifest object (pod.apiObject.addJsonPatch(JsonPatch.add(path, value))) instead of the escape hatch; otherwise remove it`;
}
