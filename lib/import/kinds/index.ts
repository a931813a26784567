import { KindConverter } from './_kind';
import { removedIn } from '../_removed-api-versions';
import { isKubernetesGroup, isServedVersion, l1ClassOf } from './l1-object';
import { daemonSetConverter } from './daemon-set';
import { horizontalPodAutoscalerConverter } from './horizontal-pod-autoscaler';
import { ingressConverter } from './ingress';
import { cronJobConverter, jobConverter } from './job';
import { networkPolicyConverter } from './network-policy';
import { podDisruptionBudgetConverter } from './pod-disruption-budget';
import { serviceAccountConverter } from './service-account';
import { statefulSetConverter } from './stateful-set';

export type { Item, KindInput, Referable } from './_kind';
export { addTarget, constructStatement } from './_kind';
export { convertL1, convertPlain, isClusterScoped, l1ClassOf, plainMetadata } from './l1-object';

/** The converters of the kinds that convert.ts does not convert itself, by kind (and nothing else: no prototype). */
export const KIND_CONVERTERS: Readonly<Record<string, KindConverter>> = Object.assign(Object.create(null) as Record<string, KindConverter>, {
  ServiceAccount: serviceAccountConverter,
  DaemonSet: daemonSetConverter,
  StatefulSet: statefulSetConverter,
  Job: jobConverter,
  CronJob: cronJobConverter,
  HorizontalPodAutoscaler: horizontalPodAutoscalerConverter,
  PodDisruptionBudget: podDisruptionBudgetConverter,
  NetworkPolicy: networkPolicyConverter,
  Ingress: ingressConverter,
});

/**
 * The order objects are converted in: those others refer to first
 * (ConfigMaps, Secrets, ServiceAccounts), then Pods and workloads, then
 * what selects or scales them, then Services, then Ingresses (which name
 * Services).
 */
export function kindRank(kind: string): number {
  return RANKS.get(kind) ?? 1;
}

const RANKS = new Map([
  ['ConfigMap', 0],
  ['Secret', 0],
  ['ServiceAccount', 0.5],
  ['HorizontalPodAutoscaler', 2],
  ['PodDisruptionBudget', 2],
  ['NetworkPolicy', 2],
  ['Service', 3],
  ['Ingress', 4],
]);

/** How an object of `kind` and `apiVersion` comes in. */
export type KindRoute =
  | { readonly route: 'peapod' }
  | { readonly route: 'l1'; readonly className: string }
  | { readonly route: 'plain'; readonly why: string }
  | { readonly route: 'refused'; readonly message: string; readonly fix: string };

/**
 * A kind Peapod models, at the apiVersion its class renders, comes in as
 * that class; another kind or version of Kubernetes 1.27 as its L1 class; a
 * kind of another API group (a custom resource) as a plain ApiObject; and a
 * Kubernetes apiVersion that 1.27 does not serve is refused.
 */
export function routeOf(kind: string, apiVersion: string, apiVersions: Readonly<Record<string, string>>): KindRoute {
  if (apiVersions[kind] === apiVersion) {
    return { route: 'peapod' };
  }
  const className = l1ClassOf(apiVersion, kind);
  if (className !== undefined) {
    return { route: 'l1', className };
  }
  if (!isKubernetesGroup(apiVersion)) {
    return { route: 'plain', why: `${JSON.stringify(apiVersion)} is not an API group of Kubernetes 1.27 (a custom resource), so no schema checks its fields` };
  }
  const removed = removedIn(apiVersion, kind);
  if (removed === undefined && !isServedVersion(apiVersion)) {
    // A version Kubernetes added after 1.27 (resource.k8s.io/v1beta1, …), which 1.27's schema does not know.
    return { route: 'plain', why: `${JSON.stringify(apiVersion)} is an API version of a Kubernetes later than 1.27, whose schema Peapod does not have, so no schema checks its fields` };
  }
  if (kind in apiVersions) {
    return {
      route: 'refused',
      message: `${kind} has apiVersion "${apiVersion}"${removed ? `, which the API server no longer serves (removed in Kubernetes ${removed})` : ''}`,
      fix: `use apiVersion: ${apiVersions[kind]}`,
    };
  }
  return removed
    ? {
        route: 'refused',
        message: `${kind} has apiVersion "${apiVersion}", which the API server no longer serves (removed in Kubernetes ${removed})`,
        fix: 'use the apiVersion the cluster serves for the kind (`kubectl api-resources` lists them)',
      }
    : {
        route: 'refused',
        message: `kind "${kind}" is not one peapod import reads: Kubernetes 1.27 serves no such kind in apiVersion "${apiVersion}"`,
        fix: 'correct the kind or the apiVersion (`kubectl api-resources` lists what a cluster serves); keep a kind of a later Kubernetes in YAML',
      };
}
