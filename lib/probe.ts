import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Building, Manifest } from './_manifest';

/**
 * When and how often a probe runs, and how its results count.
 * @see https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
export interface ProbeTiming {
  /**
   * Seconds after the container starts before the first probe.
   * @default - not emitted; Kubernetes starts probing at once
   */
  readonly initialDelaySeconds?: number;
  /**
   * Seconds between probes.
   * @default - not emitted; Kubernetes probes every 10 seconds
   */
  readonly periodSeconds?: number;
  /**
   * Seconds before a probe times out.
   * @default - not emitted; Kubernetes waits 1 second
   */
  readonly timeoutSeconds?: number;
  /**
   * Consecutive successes after a failure for the probe to pass again.
   * Must be 1 for liveness and startup probes.
   * @default - not emitted; Kubernetes uses 1
   */
  readonly successThreshold?: number;
  /**
   * Consecutive failures for the probe to count as failed.
   * @default - not emitted; Kubernetes uses 3
   */
  readonly failureThreshold?: number;
  /**
   * Grace period in seconds when a failed liveness or startup probe kills the container.
   * @default - not emitted; the Pod's termination grace period applies
   */
  readonly terminationGracePeriodSeconds?: number;
}

/** The fields of {@link ProbeTiming}, as a probe in the manifest spells them. */
export const PROBE_TIMING_FIELDS = [
  'initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds',
] as const satisfies readonly (keyof ProbeTiming)[];

/** The fields of a probe in the manifest that say how it probes; a probe sets exactly one. */
export const PROBE_HANDLER_FIELDS = ['httpGet', 'tcpSocket', 'grpc', 'exec'] as const;

/** Options of an HTTP GET probe. */
export interface HttpProbeOptions<Port> extends ProbeTiming {
  /** The port to call: the name of a port the container declares, or a number from 1 to 65535. */
  readonly port: Port;
  /**
   * The path to request.
   * @default - not emitted; Kubernetes requests `/`
   */
  readonly path?: string;
  /**
   * The scheme.
   * @default - not emitted; Kubernetes uses HTTP
   */
  readonly scheme?: 'HTTP' | 'HTTPS';
  /**
   * The host to connect to.
   * @default - not emitted; the Pod's IP
   */
  readonly host?: string;
  /**
   * Headers to send.
   * @default - no extra headers
   */
  readonly headers?: { readonly [name: string]: string };
}

/** Options of a TCP connect probe. */
export interface TcpProbeOptions<Port> extends ProbeTiming {
  /** The port to open: the name of a port the container declares, or a number from 1 to 65535. */
  readonly port: Port;
  /**
   * The host to connect to.
   * @default - not emitted; the Pod's IP
   */
  readonly host?: string;
}

/** Options of a gRPC health probe. */
export interface GrpcProbeOptions<Port extends number> extends ProbeTiming {
  /** The port number of the gRPC server; Kubernetes takes no port name here. */
  readonly port: Port;
  /**
   * The service name sent in the health check request.
   * @default - not emitted; the server's overall health
   */
  readonly service?: string;
}

/** Options of a probe that runs a command in the container. */
export interface ExecProbeOptions extends ProbeTiming {
  /** The command and its arguments; exit status 0 means healthy. No shell is involved. */
  readonly command: readonly string[];
}

/**
 * A liveness, readiness or startup probe. Probes that use the network name
 * the port they call, and the container they are given to must declare that
 * port: a name it does not declare is a compile error.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Probe
 */
export class Probe<Port extends string | number = string | number> {
  /** Passes when an HTTP GET to the port returns a status from 200 to 399. */
  public static http<const Port extends string | number>(options: HttpProbeOptions<Port>): Probe<Port> {
    const headers = options.headers ? Object.entries(options.headers).map(([name, value]) => ({ name, value })) : undefined;
    return new Probe(options.port, options, {
      httpGet: { port: options.port, path: options.path, scheme: options.scheme, host: options.host, httpHeaders: headers },
    });
  }

  /** Passes when a TCP connection to the port opens. */
  public static tcp<const Port extends string | number>(options: TcpProbeOptions<Port>): Probe<Port> {
    return new Probe(options.port, options, { tcpSocket: { port: options.port, host: options.host } });
  }

  /** Passes when the gRPC health service on the port answers SERVING. */
  public static grpc<const Port extends number>(options: GrpcProbeOptions<Port>): Probe<Port> {
    return new Probe(options.port, options, { grpc: { port: options.port, service: options.service } });
  }

  /** Passes when the command exits with status 0. */
  public static exec(options: ExecProbeOptions): Probe<never> {
    return new Probe<never>(undefined, options, { exec: { command: [...options.command] } });
  }

  private constructor(
    /** The port the probe calls, if it uses the network. */
    public readonly port: Port | undefined,
    private readonly timing: ProbeTiming,
    private readonly handler: Manifest<k8s.Probe>,
  ) {}

  /** @internal */
  public _toKube(): Manifest<k8s.Probe> {
    const out: Building<Manifest<k8s.Probe>> = { ...this.handler };
    for (const field of PROBE_TIMING_FIELDS) {
      if (this.timing[field] !== undefined) out[field] = this.timing[field];
    }
    return out as Manifest<k8s.Probe>;
  }
}
