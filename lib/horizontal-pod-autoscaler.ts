import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { fromEscapeHatch, Manifest } from './_manifest';
import { Construct } from 'constructs';
import { IReplicaScaler } from './_app-pods';
import { KindManifest, KindObject } from './_kind-object';
import { Deployment } from './deployment';
import { ObjectMetaProps } from './object-meta';
import { Quantity } from './quantity';
import { StatefulSet } from './stateful-set';
import { manifestToValidate } from './validation/escape-hatch';
import { validateHorizontalPodAutoscaler } from './validation/horizontal-pod-autoscaler';
import { RuleReport } from './validation/problem';

/** A resource of the containers that an autoscaler measures. */
export type MetricResource = 'cpu' | 'memory' | (string & {});

/**
 * What a HorizontalPodAutoscaler measures, and the value it keeps it at.
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#support-for-metrics-apis
 */
export class Metric {
  /**
   * The average use of a resource across the Pods, as a percentage of what
   * they request (`Metric.resourceUtilization('cpu', 70)`). Every container
   * must request the resource.
   */
  public static resourceUtilization(resource: MetricResource, averageUtilization: number): Metric {
    return new Metric({ type: 'Resource', resource: { name: resource, target: { type: 'Utilization', averageUtilization } } });
  }

  /** The average use of a resource across the Pods, as an amount (`Metric.resourceAverageValue('memory', '400Mi')`). */
  public static resourceAverageValue(resource: MetricResource, averageValue: Quantity): Metric {
    return new Metric({ type: 'Resource', resource: { name: resource, target: { type: 'AverageValue', averageValue: averageValue } } });
  }

  /** A resource of one container, as a percentage of its request. */
  public static containerResourceUtilization(container: string, resource: MetricResource, averageUtilization: number): Metric {
    return new Metric({ type: 'ContainerResource', containerResource: { container, name: resource, target: { type: 'Utilization', averageUtilization } } });
  }

  /** A custom metric that each Pod reports (`packets-per-second`), averaged over the Pods. */
  public static pods(name: string, averageValue: Quantity): Metric {
    return new Metric({ type: 'Pods', pods: { metric: { name }, target: { type: 'AverageValue', averageValue: averageValue } } });
  }

  /** A metric from outside the cluster (a queue's length), as a total or an average per Pod. */
  public static external(name: string, target: { readonly value: Quantity } | { readonly averageValue: Quantity }): Metric {
    const metricTarget: Manifest<k8s.MetricTargetV2> =
      'value' in target ? { type: 'Value', value: target.value } : { type: 'AverageValue', averageValue: target.averageValue };
    return new Metric({ type: 'External', external: { metric: { name }, target: metricTarget } });
  }

  private constructor(private readonly spec: Manifest<k8s.MetricSpecV2>) {}

  /** @internal */
  public _toKube(): Manifest<k8s.MetricSpecV2> {
    return this.spec;
  }
}

/** What an autoscaler can scale: a Deployment or a StatefulSet of this app. */
export type ScalableWorkload = Deployment | StatefulSet;

/** Properties of a {@link HorizontalPodAutoscaler}. */
export interface HorizontalPodAutoscalerProps extends ObjectMetaProps {
  /** The Deployment or StatefulSet whose replicas the autoscaler sets. Leave its `replicas` out. */
  readonly target: ScalableWorkload;
  /** The most replicas it scales to. */
  readonly maxReplicas: number;
  /**
   * The fewest replicas it scales to.
   * @default - not emitted; Kubernetes uses 1
   */
  readonly minReplicas?: number;
  /**
   * What it measures. With several, it takes the largest count any of them asks for.
   * @default - not emitted; Kubernetes keeps average CPU utilization at 80%
   */
  readonly metrics?: readonly Metric[];
  /**
   * How fast it scales up and down (stabilization windows, policies); emitted as given and validated.
   * @default - not emitted; Kubernetes scales up at once and down after 5 minutes of stability
   * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#configurable-scaling-behavior
   */
  readonly behavior?: k8s.HorizontalPodAutoscalerBehaviorV2;
}

/**
 * Sets the replicas of a Deployment or StatefulSet from what its Pods use,
 * which is what `kubectl scale` does by hand. Renders an `autoscaling/v2`
 * `HorizontalPodAutoscaler`; the target is an object of the app.
 *
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
 */
export class HorizontalPodAutoscaler extends KindObject<k8s.KubeHorizontalPodAutoscalerV2Props, HorizontalPodAutoscalerProps> implements IReplicaScaler {
  /** The workload it scales. */
  public readonly target: ScalableWorkload;

  private readonly metrics: Metric[];

  public constructor(scope: Construct, id: string, props: HorizontalPodAutoscalerProps) {
    super(scope, id, props, 'autoscaling/v2', 'HorizontalPodAutoscaler');
    this.target = props.target;
    this.metrics = [...(props.metrics ?? [])];
  }

  /** The workload it scales. */
  public get scaled(): ScalableWorkload {
    return this.target;
  }

  /** The fewest replicas it leaves its target: minReplicas, or Kubernetes' default of 1. */
  public get minimumReplicas(): number {
    return this.props.minReplicas ?? 1;
  }

  /** Adds a metric after the others. */
  public addMetric(metric: Metric): this {
    this.metrics.push(metric);
    return this;
  }

  /** @internal */
  protected _spec(): Manifest<k8s.HorizontalPodAutoscalerSpecV2> {
    const { minReplicas, maxReplicas, behavior } = this.props;
    return {
      scaleTargetRef: { apiVersion: this.target.apiObject.apiVersion, kind: this.target.apiObject.kind, name: this.target.name },
      minReplicas,
      maxReplicas,
      metrics: this.metrics.length > 0 ? this.metrics.map((m) => m._toKube()) : undefined,
      // Given as the k8s types spell it; their converter leaves out what they do not know, as before.
      behavior: behavior && fromEscapeHatch(behavior, 'toJson_HorizontalPodAutoscalerBehaviorV2', 'spec.behavior', []),
    };
  }

  /** Its rules, and what they need of its target: its namespace, replicas and the requests of its containers. @internal */
  protected _validate(manifest: KindManifest<k8s.KubeHorizontalPodAutoscalerV2Props>, report: RuleReport): void {
    const targetSpec = manifestToValidate<k8s.KubeDeploymentProps | k8s.KubeStatefulSetProps>(this.target.apiObject).manifest.spec ?? {};
    const containers = this.target.template.podContainers.map((c) => ({ name: c.name, requests: Object.keys(c._toKube().resources?.requests ?? {}) }));
    validateHorizontalPodAutoscaler(
      manifest,
      {
        path: this.target.node.path,
        sameNamespace: this.target.apiObject.metadata.namespace === this.apiObject.metadata.namespace,
        replicas: targetSpec.replicas,
        containers,
      },
      report,
    );
  }
}
