/**
 * Protocols a container port can carry.
 * @see https://kubernetes.io/docs/reference/networking/service-protocols/
 */
export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
/** One of {@link PROTOCOLS}. */
export type Protocol = (typeof PROTOCOLS)[number];

/** Options of a port besides its number. */
export interface PortOptions {
  /**
   * The protocol.
   * @default - not emitted; Kubernetes treats the port as TCP
   */
  readonly protocol?: Protocol;
  /**
   * A port on the node forwarded to this one. Rarely needed; it limits
   * where the Pod can be scheduled.
   * @default - no host port
   */
  readonly hostPort?: number;
  /**
   * The host IP to bind `hostPort` to.
   * @default - not emitted; all host addresses
   */
  readonly hostIP?: string;
}

/** A port with its number and options. */
export interface PortSpec extends PortOptions {
  /** The port the container listens on, 1–65535. */
  readonly containerPort: number;
}

/** A port in a list, where the name is optional. */
export interface ListedPort extends PortSpec {
  /**
   * The port's name, an IANA service name (at most 15 characters of
   * `[a-z0-9-]`). Services and probes refer to the port by it.
   * @default - an unnamed port
   */
  readonly name?: string;
}

/**
 * A container's ports: a map from name to number (`{ http: 80 }`) or to a
 * {@link PortSpec}, or a list where names are optional (`[80, { containerPort: 53, protocol: 'UDP' }]`).
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports
 */
export type Ports = { readonly [name: string]: number | PortSpec } | readonly (number | ListedPort)[];

type PortNumberOf<Entry> = Entry extends number ? Entry : Entry extends { readonly containerPort: infer N extends number } ? N : never;

/** The names a port declaration gives. */
export type PortNames<P> = P extends readonly unknown[]
  ? P[number] extends infer Entry ? (Entry extends { readonly name: infer N extends string } ? N : never) : never
  : keyof P & string;

/** The port numbers a port declaration gives. */
export type PortNumbers<P> = P extends readonly unknown[] ? PortNumberOf<P[number]> : PortNumberOf<P[keyof P]>;

/**
 * A port a probe may call: the name of a port the container declares, or
 * any number. A number need not be declared (the kubelet probes it all the
 * same; `containerPort` is informational), and synth checks it is 1–65535.
 * A name must be declared: the kubelet resolves it from the container's
 * ports, so a container that declares none (P is the unconstrained `Ports`)
 * takes numbers only.
 */
export type PortReference<P> = (Ports extends P ? never : PortNames<P>) | number;
