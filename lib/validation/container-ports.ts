/**
 * Every check of a container's ports, in one place: each port's number,
 * name and protocol (validateContainerPorts), `hostPort` under
 * `hostNetwork` (validatePodHostNetworkDeps), a `hostIP` without a
 * `hostPort` (the warning of pkg/api/pod/warnings.go), a probe's port by
 * name, and the ports that clash within a Pod: two containers on one
 * localhost port (the tutorial's rule), two claims of one node port
 * (checkHostPortConflicts). What a Pod Security level says of host ports
 * is pod-security.ts's, a Service's `targetPort` service.ts's.
 */

import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { PROTOCOLS } from '../port';
import { checkEnum } from './_field-checks';
import { FirstIndex } from './_first-index';
import { fieldOf, listAt, objectAt } from './_json';
import { isPortNumber, quoteValue } from './_integer';
import { containerPath } from './_shared-text';
import { ContainerAt, ContainerManifest, PROBE_KINDS } from './container-spec';
import { suggestName } from './metadata';
import { portNameError } from './names';
import { POD_LIFECYCLE_RULES } from './pod-lifecycle';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
import { defineRules, fixNaming, ruleIn } from './rules';

/** The rules of container ports that the Kubernetes API server enforces. */
export const CONTAINER_PORT_API_RULES = defineRules([
  {
    id: 'port-name',
    severity: 'error',
    category: 'api-server',
    summary: 'Port names are IANA service names: at most 15 characters of `[-a-z0-9]`, at least one letter, no `--`, no `-` at either end.',
    why: 'The API server refuses other names; Services and probes refer to ports by them.',
    ...fixNaming((name: string) => `rename it to an IANA service name such as ${name}`, ['"http-metrics"']),
    see: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports',
  },
  {
    id: 'port-name-unique',
    severity: 'error',
    category: 'api-server',
    summary: 'No two ports of one container share a name.',
    why: 'The API server refuses the Pod: a Service or probe naming the port would be ambiguous.',
    fix: 'Give each port of the container its own name.',
  },
  {
    id: 'port-number',
    severity: 'error',
    category: 'api-server',
    summary: '`containerPort` is a whole number from 1 to 65535, and so is `hostPort` when set.',
    why: 'The API server refuses other numbers.',
    fix: 'Use the port the process listens on.',
  },
  {
    id: 'host-port-conflict',
    severity: 'error',
    category: 'api-server',
    summary: "No two ports of a Pod's containers claim the same `hostPort`, protocol and host IP.",
    why: 'The API server refuses the Pod (checkHostPortConflicts says Duplicate value: "8080/TCP"): one node port cannot be forwarded to two places.',
    fix: 'Give one of them another `hostPort`, or drop `hostPort` and reach the Pod through a Service.',
  },
]);

/** Peapod's own rules of container ports, stricter than the API server. */
export const CONTAINER_PORT_PEAPOD_RULES = defineRules([
  {
    id: 'port-shared-localhost',
    severity: 'error',
    category: 'peapod',
    summary: 'No two containers of a Pod declare the same port and protocol, and no container declares one twice.',
    why: 'Containers of a Pod share one IP and talk over `localhost`: only one of them can listen on a port, the other fails to bind at run time. The API server only warns.',
    ...fixByCase(
      { shared: (container: string, other: string) => `give ${container} or ${other} another port`, twice: 'remove one of the two declarations' },
      { shared: ['one container', 'the other'] },
    ),
    see: 'https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking',
  },
  {
    id: 'probe-port',
    severity: 'error',
    category: 'peapod',
    summary: "A probe that names its port (`port: 'http'`) names a port its container declares; a port number need not be declared.",
    why: 'The API server accepts any name, but the kubelet cannot resolve an undeclared one and the probe fails forever. A number reaches the port whether or not `containerPort` lists it, which is informational.',
    fix: 'Declare the port on the container, or probe its number.',
  },
]);

/** Warnings about container ports Kubernetes accepts. */
export const CONTAINER_PORT_LINT_RULES = defineRules([
  {
    id: 'host-ip-without-host-port',
    severity: 'warning',
    summary: 'A port that sets `hostIP` also sets `hostPort`.',
    why: 'Without a hostPort nothing is bound on the node, so the hostIP does nothing. The API server warns about it.',
    fix: 'Add the `hostPort`, or remove `hostIP`.',
  },
]);

const PORT_NAME = ruleIn(CONTAINER_PORT_API_RULES, 'port-name');
const PORT_SHARED_LOCALHOST = ruleIn(CONTAINER_PORT_PEAPOD_RULES, 'port-shared-localhost');
// host-namespaces covers more than ports; its definition stays with its other checks.
const HOST_NAMESPACES = ruleIn(POD_LIFECYCLE_RULES, 'host-namespaces');

/**
 * Checks each port of the container of `entry` on its own, and the ports
 * its probes call by name; `hostNetwork` says whether the Pod shares the
 * node's network.
 */
export function validateContainerPorts(entry: ContainerAt, hostNetwork: boolean, report: RuleReport): void {
  const { container: c, path } = entry;
  const ports = c.ports ?? [];
  const names = new FirstIndex(ports, 'name', false);
  for (let i = 0; i < ports.length; i++) {
    const { name, protocol, containerPort, hostPort, hostIP } = ports[i];
    const at = `${path}.ports[${i}]`;
    if (name !== undefined) {
      const wrong = portNameError(name);
      if (wrong !== undefined) {
        report.error('port-name', `${at}.name`, `port name ${JSON.stringify(name)} of container "${c.name}" ${wrong}`, PORT_NAME.fixFor(`"${suggestPortName(name)}"`));
      }
      const first = names.firstBefore(name, i);
      if (first >= 0) {
        report.error('port-name-unique', `${at}.name`, `port name "${name}" of container "${c.name}" is already used by ${path}.ports[${first}]`);
      }
    }
    if (!isPortNumber(containerPort)) {
      report.error('port-number', `${at}.containerPort`, `containerPort of container "${c.name}" is ${JSON.stringify(containerPort)}; it must be a whole number from 1 to 65535`);
    }
    if (hostPort !== undefined && !isPortNumber(hostPort)) {
      report.error('port-number', `${at}.hostPort`, `hostPort of container "${c.name}" is ${JSON.stringify(hostPort)}; it must be a whole number from 1 to 65535`);
    }
    checkEnum(protocol, PROTOCOLS, `${at}.protocol`, 'protocol', report);
    // Under hostNetwork an unset hostPort is defaulted to the containerPort. Init containers are not checked, as in Kubernetes;
    // nor is a port without a containerPort, which port-number reports (its fix would name no number).
    if (hostNetwork && !entry.init && hostPort !== undefined && hostPort !== 0 && hostPort !== containerPort && isPortNumber(containerPort)) {
      report.error(
        'host-namespaces',
        `${at}.hostPort`,
        `hostPort ${quoteValue(hostPort)} of container "${c.name}" differs from its containerPort ${quoteValue(containerPort)}; under hostNetwork the container listens on the node itself`,
        HOST_NAMESPACES.fixFor('hostPort', quoteValue(containerPort)),
      );
    }
    if (hostIP && !hostPort) {
      report.warn('host-ip-without-host-port', `${at}.hostIP`, `port ${containerPort} of container "${c.name}" sets hostIP "${hostIP}" but no hostPort`);
    }
  }
  // Read by name first: most containers have no probe. The probes of an init container that runs to completion are init-container-probes'.
  if ((c.livenessProbe != null || c.readinessProbe != null || c.startupProbe != null) && (!entry.init || entry.longRunning)) {
    for (const kind of PROBE_KINDS) {
      checkProbePort(c[kind], kind, `${path}.${kind}`, c, names, report);
    }
  }
}

// A probe that calls a port by a name the container does not declare (`portNames`) reaches nothing.
function checkProbePort(probe: Unvalidated<k8s.Probe> | undefined, kind: string, at: string, c: ContainerManifest, portNames: FirstIndex, report: RuleReport): void {
  const port = probe?.httpGet?.port ?? probe?.tcpSocket?.port;
  // A port name that is no IANA service name (such as "8080") is probe-action's.
  if (typeof port === 'string' && portNameError(port) === undefined && !portNames.has(port)) {
    const declared = portNames
      .values()
      .map((n) => `"${n}"`)
      .join(', ');
    report.error(
      'probe-port',
      `${at}.${probe?.httpGet ? 'httpGet' : 'tcpSocket'}.port`,
      `${kind} of container "${c.name}" calls port "${port}", which the container does not declare (${declared.length > 0 ? `it declares ${declared}` : 'it names no ports'})`,
    );
  }
}

function suggestPortName(value: string): string {
  const cleaned = suggestName(value, 15)
    .replace(/\./g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return /[a-z]/.test(cleaned) ? cleaned : `port-${cleaned}`.slice(0, 15).replace(/-+$/, '');
}

/**
 * Records the ports that clash between the containers of a Pod spec:
 * `running` are the containers that run side by side and share localhost
 * (the containers, then the sidecars), `containers` the Pod's containers,
 * whose host ports must differ.
 */
export function checkPortClashes(running: readonly ContainerAt[], containers: readonly ContainerAt[], report: RuleReport): void {
  for (const { entry, index, key, first } of repeatedPorts(running, localhostKey)) {
    const { container, path } = entry;
    const at = `${path}.ports[${index}].containerPort`;
    const firstAt = `${first.entry.path}.ports[${first.index}]`;
    if (first.entry.container === container) {
      report.error('port-shared-localhost', at, `port ${key} is declared twice by container "${container.name}", first at ${firstAt}`, PORT_SHARED_LOCALHOST.fixFor('twice'));
    } else {
      report.error(
        'port-shared-localhost',
        at,
        `port ${key} of container "${container.name}" is already used by container "${first.entry.container.name}" (${firstAt}); containers of a Pod share localhost, so only one can listen on it`,
        PORT_SHARED_LOCALHOST.fixFor('shared', `"${container.name}"`, `"${first.entry.container.name}"`),
      );
    }
  }
  for (const { entry, index, key, first } of repeatedPorts(containers, hostPortKey)) {
    report.error(
      'host-port-conflict',
      `${entry.path}.ports[${index}].hostPort`,
      `hostPort ${key} of container "${entry.container.name}" is already claimed by ${first.entry.path}.ports[${first.index}].hostPort`,
    );
  }
}

/**
 * Records in `report` the ports of a Pod spec (at field path `at`) that two
 * of its containers, or one container twice, declare: the check of
 * `port-shared-localhost` alone, for a spec that is not yet a Peapod Pod
 * (the importer's input, which may hold anything: containers and ports
 * are read with `?.`).
 */
export function validateSharedPorts(spec: unknown, at: string, report: RuleReport): void {
  const { containers, initContainers } = objectAt(spec);
  const entries = listAt(containers).map((container, i): ContainerAt => ({ container: container as ContainerManifest, path: containerPath(at, 'containers', i), longRunning: true, init: false }));
  // As validatePodSpec orders them: the containers, then the init containers that run beside them.
  listAt(initContainers).forEach((container, i) => {
    if (fieldOf(container, 'restartPolicy') === 'Always') {
      entries.push({ container: container as ContainerManifest, path: containerPath(at, 'initContainers', i), longRunning: true, init: true });
    }
  });
  checkPortClashes(entries, [], report);
}

// The keys that make two ports clash, or undefined for a port the check skips.
type PortKey = (port: Unvalidated<k8s.ContainerPort> | undefined) => string | undefined;
const localhostKey: PortKey = (port) => (typeof port?.containerPort === 'number' ? `${port.containerPort}/${port.protocol ?? 'TCP'}` : undefined);
const hostPortKey: PortKey = (port) => (port?.hostPort ? `${port.hostPort}/${port.protocol ?? 'TCP'}${port.hostIP ? ` on ${port.hostIP}` : ''}` : undefined);

/** Where a port is: its container, and its index in the container's ports. */
interface PortAt {
  readonly entry: ContainerAt;
  readonly index: number;
}

/** A port whose key an earlier port has already, with that first port. */
interface RepeatedPort extends PortAt {
  readonly key: string;
  readonly first: PortAt;
}

const NO_REPEATS: readonly RepeatedPort[] = Object.freeze([]);

// Up to this many ports, repeats are found by comparing each port with those before it.
const FEW_PORTS = 16;

/**
 * The ports of `entries` that repeat the key of an earlier one. Most Pods
 * declare a port or two: those are compared with the ports before them,
 * and a map is built only for many, so that the check stays linear.
 */
function repeatedPorts(entries: readonly ContainerAt[], keyOf: PortKey): readonly RepeatedPort[] {
  let count = 0;
  for (const entry of entries) {
    count += entry.container?.ports?.length ?? 0;
  }
  if (count < 2) {
    return NO_REPEATS;
  }
  const seen = count > FEW_PORTS ? new Map<string, PortAt>() : undefined;
  let repeats: RepeatedPort[] | undefined;
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e];
    const ports = entry.container?.ports ?? [];
    for (let index = 0; index < ports.length; index++) {
      const key = keyOf(ports[index]);
      if (key === undefined) {
        continue;
      }
      const first = seen ? seen.get(key) : firstPortBefore(entries, keyOf, key, e, index);
      if (first !== undefined) {
        (repeats ??= []).push({ entry, index, key, first });
      } else {
        seen?.set(key, { entry, index });
      }
    }
  }
  return repeats ?? NO_REPEATS;
}

// The first port before port `index` of entry `end` whose key is `key`.
function firstPortBefore(entries: readonly ContainerAt[], keyOf: PortKey, key: string, end: number, index: number): PortAt | undefined {
  for (let e = 0; e <= end; e++) {
    const entry = entries[e];
    const ports = entry.container?.ports ?? [];
    const stop = e === end ? index : ports.length;
    for (let i = 0; i < stop; i++) {
      if (keyOf(ports[i]) === key) {
        return { entry, index: i };
      }
    }
  }
  return undefined;
}
