/**
 * The labels that Kubernetes itself puts on every node, at hand so that a
 * selector does not depend on a typed-out key.
 *
 * @see https://kubernetes.io/docs/reference/labels-annotations-taints/
 */
export const WellKnownNodeLabels = {
  /** Operating system of the node: `linux` or `windows`. */
  OS: 'kubernetes.io/os',
  /** CPU architecture of the node, as Go names it: `amd64`, `arm64`, … */
  ARCH: 'kubernetes.io/arch',
  /** The node's hostname label. */
  HOSTNAME: 'kubernetes.io/hostname',
  /** The failure zone the node runs in. */
  ZONE: 'topology.kubernetes.io/zone',
  /** The region the node runs in. */
  REGION: 'topology.kubernetes.io/region',
  /** The cloud provider's instance type of the node. */
  INSTANCE_TYPE: 'node.kubernetes.io/instance-type',
} as const;

/** Operating systems a node reports in `kubernetes.io/os`. */
export const NODE_OPERATING_SYSTEMS = ['linux', 'windows'] as const;
/** One of {@link NODE_OPERATING_SYSTEMS}. (`& {}` keeps the name in the compiler's messages.) */
export type NodeOs = (typeof NODE_OPERATING_SYSTEMS)[number] & {};

/** Architectures a node reports in `kubernetes.io/arch`. */
export const NODE_ARCHITECTURES = ['amd64', 'arm64', 'arm', 'ppc64le', 's390x', 'riscv64'] as const;
/** One of {@link NODE_ARCHITECTURES}. (`& {}` keeps the name in the compiler's messages.) */
export type NodeArch = (typeof NODE_ARCHITECTURES)[number] & {};

/**
 * Node labels a Pod requires, emitted as a literal `spec.nodeSelector`.
 * Values are strings (`{ gpu: 'true' }`, never `{ gpu: true }`); the
 * well-known OS and architecture labels only take the values nodes report.
 *
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector
 */
export type NodeSelector = {
  readonly 'kubernetes.io/os'?: NodeOs;
  readonly 'kubernetes.io/arch'?: NodeArch;
  readonly [key: string]: string | undefined;
};
