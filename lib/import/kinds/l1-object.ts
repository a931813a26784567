import type * as K8s from 'cdk8s-plus-27/lib/imports/k8s';
import { fieldOf, objectAt } from '../../validation/_json';
import { commentText, jsonLiteral, objectOf } from '../code';
import { FieldReader, YamlMap } from '../fields';
import { l1Object } from '../l1-literal';
import { Scope } from '../scope';
import { constructStatement, KindInput } from './_kind';

/**
 * Objects of kinds Peapod has no class for. A kind of Kubernetes 1.27
 * comes in as the L1 class cdk8s-plus-27's `k8s` module has for it
 * (`k8s.KubeReplicationController`), checked against its schema and
 * rendered by it exactly; a kind of an API group Kubernetes does not
 * serve (a custom resource) comes in as a plain `ApiObject`, as given.
 */

let classes: ReadonlyMap<string, string> | undefined;
// cdk8s-plus-27's k8s module (about 50 ms to load): only when an object is not of a kind Peapod models.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not with the importer
const loadK8s = (): typeof K8s => require('cdk8s-plus-27/lib/imports/k8s') as typeof K8s;
let groups: ReadonlySet<string> | undefined;

/** The name of the L1 class for `apiVersion` and `kind` (`KubeReplicationController`), if cdk8s-plus-27 has one. */
export function l1ClassOf(apiVersion: string, kind: string): string | undefined {
  classes ??= new Map(
    Object.entries(loadK8s()).flatMap(([name, value]) => {
      const { kind, apiVersion } = objectAt(fieldOf(value, 'GVK'));
      return typeof kind === 'string' && typeof apiVersion === 'string' ? [[`${apiVersion}/${kind}`, name] as const] : [];
    }),
  );
  return classes.get(`${apiVersion}/${kind}`);
}

/**
 * Whether `apiVersion` is of an API group Kubernetes itself serves (or
 * served: `extensions`), rather than one a CustomResourceDefinition adds.
 */
export function isKubernetesGroup(apiVersion: string): boolean {
  l1ClassOf('', '');
  groups ??= new Set(['extensions', ...[...classes!.keys()].map((key) => groupOf(key.slice(0, key.lastIndexOf('/'))))]);
  return groups.has(groupOf(apiVersion));
}

/** Whether Kubernetes 1.27 serves `apiVersion` (`apps/v1`) for some kind. */
export function isServedVersion(apiVersion: string): boolean {
  l1ClassOf('', '');
  return [...classes!.keys()].some((key) => key.slice(0, key.lastIndexOf('/')) === apiVersion);
}

// `apps` of `apps/v1`, `` of `v1` (the core group).
function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

/**
 * Kinds of Kubernetes 1.27 that are not in a namespace. cdk8s gives every
 * object of a chart the chart's namespace, so the code takes it out again
 * for these.
 */
export const CLUSTER_SCOPED_KINDS = [
  'Namespace', 'Node', 'PersistentVolume', 'ComponentStatus', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'CSIDriver', 'CSINode',
  'VolumeAttachment', 'CustomResourceDefinition', 'APIService', 'PriorityClass', 'RuntimeClass', 'IngressClass', 'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'CertificateSigningRequest', 'ClusterTrustBundle',
  'FlowSchema', 'PriorityLevelConfiguration', 'ClusterCIDR', 'IPAddress', 'ResourceClass', 'StorageVersion', 'TokenReview', 'SelfSubjectReview',
  'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview',
] as const;

/** Whether objects of `kind` (of a Kubernetes API group) are outside any namespace. */
export function isClusterScoped(apiVersion: unknown, kind: string): boolean {
  return typeof apiVersion === 'string' && isKubernetesGroup(apiVersion) && (CLUSTER_SCOPED_KINDS as readonly string[]).includes(kind);
}

/** Writes the object as `new k8s.<className>(this, id, props)`, its fields checked against the L1 schema. */
export function convertL1(input: KindInput, className: string, chartNamespace: () => string | undefined): void {
  const { reader, scope, value } = input;
  const fields: YamlMap = Object.create(null);
  for (const [key, item] of Object.entries(value)) {
    if (key !== 'apiVersion' && key !== 'kind') {
      fields[key] = item;
    }
  }
  // The namespace is the chart's, as for every object of the chart.
  const { namespace: _namespace, ...metadata } = value.metadata; // eslint-disable-line @typescript-eslint/no-unused-vars -- left out on purpose
  fields.metadata = metadata;
  const props = l1Object(fields, `${className}Props`, '', reader, scope.usage);
  if (props === undefined) {
    return;
  }
  scope.usage.usesK8s = true;
  input.add({ group: 1, render: () => constructStatement(input, `k8s.${className}`, props, () => false, clusterScopePatch(input, chartNamespace))() });
}

/** Writes the object as `new ApiObject(this, id, { apiVersion, kind, … })`, as given. */
export function convertPlain(input: KindInput, why: string, chartNamespace: () => string | undefined): void {
  const { scope, value } = input;
  const { namespace: _namespace, ...metadata } = value.metadata; // eslint-disable-line @typescript-eslint/no-unused-vars -- the chart's
  if (!plainMetadata(input.reader, scope, value.metadata)) {
    return;
  }
  const entries = Object.entries(value).map(([key, item]) => [key, key === 'metadata' ? jsonLiteral(metadata) : jsonLiteral(item)] as const);
  scope.usage.usesApiObject = true;
  input.reader.note('', `comes in as a plain ApiObject, as given: ${why}`);
  input.add({ group: 1, render: () => constructStatement(input, 'ApiObject', objectOf(entries), () => false, clusterScopePatch(input, chartNamespace))() });
}

/**
 * Whether the metadata of an object written as a plain ApiObject is typed as
 * the API server reads any object's metadata, and cdk8s's types too (its
 * labels, annotations and owner references); a problem for each field that is not.
 */
export function plainMetadata(reader: FieldReader, scope: Scope, metadata: YamlMap): boolean {
  return l1Object(metadata, 'ObjectMeta', 'metadata', reader, scope.usage, true, true) !== undefined;
}

// A cluster-scoped object in a chart with a namespace: cdk8s gives it the chart's, which the API server would refuse.
function clusterScopePatch(input: KindInput, chartNamespace: () => string | undefined): string[] {
  if (!isClusterScoped(input.value.apiVersion, input.kind) || input.value.metadata.namespace !== undefined || chartNamespace() === undefined) {
    return [];
  }
  input.scope.usage.usesJsonPatch = true;
  return [`// ${commentText(`A ${input.kind} is in no namespace: cdk8s would give it the chart's.`)}`, `${input.variable}.addJsonPatch(JsonPatch.remove('/metadata/namespace'));`];
}
