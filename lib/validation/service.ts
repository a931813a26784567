import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import type { SelectablePort } from '../selectable-pods';
import { fixByCase } from './_fix-cases';
import { quoteValue } from './_integer';
import { dns1123LabelError } from './names';
import { RuleReport } from './problem';
import { defineRules, fixNaming, ruleIn } from './rules';

/** The rules that check Services. */
export const SERVICE_RULES = defineRules([
  {
    id: 'service-name-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'the name of a Service is a DNS-1035 label: at most 63 lowercase letters, digits and "-", starting with a letter and ending with a letter or digit',
    why: 'the API server rejects the Service ("a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character"): its name becomes a DNS name and environment variable names in other Pods',
    fix: 'rename the Service with the `name` prop: at most 63 lowercase letters, digits and "-", starting with a letter and ending with a letter or digit',
  },
  {
    id: 'service-selects-pods',
    severity: 'error',
    summary: 'the selector of a Service matches the labels of at least one Pod or Pod template of the app, in its namespace',
    why: 'a Service that selects no Pod has no endpoints: every connection to it fails',
    ...fixByCase(
      {
        labels: "give the target labels, such as `labels: { app: 'myapp' }`",
        namespace: 'create the Service in a chart with the namespace of its target',
        reference: (kind: string) => `target the ${kind} object itself, or give the reference the selector of its Pods`,
      },
      { reference: ['workload'] },
    ),
  },
  {
    id: 'service-target-port-declared',
    severity: 'error',
    summary: 'a Service port that targets a container port by name targets a name a container of its target declares',
    why: 'a named target port that no container declares resolves to nothing, and the Service has no endpoints for it',
    fix: 'declare the port on the container, or target one of the declared ports',
  },
  {
    id: 'service-target-port-number-declared',
    severity: 'warning',
    summary: 'a Service port that targets a port number targets one a container of its target declares',
    why: 'kube-proxy forwards to the number whether a container declares it or not (containerPort is informational), so this works; but an undeclared port is often a typo or a port the image no longer serves',
    fix: 'declare the port on the container so that readers and tools see it, or check the number',
  },
  {
    id: 'service-target-port-protocol',
    severity: 'error',
    summary: 'a Service port that targets a container port by name has the protocol of that container port',
    why: 'Kubernetes resolves a named target port by name and protocol together: a UDP Service port never reaches a port declared as TCP',
    ...fixNaming(
      (container: string, service: string) => `set the Service port's protocol to ${container}, or declare the container port with protocol ${service}`,
      ['that of the container port', "of the Service port"],
    ),
  },
  {
    id: 'service-has-ports',
    category: 'api-server',
    severity: 'error',
    summary: 'a Service that is neither headless nor ExternalName has at least one port',
    why: 'the API server rejects a Service with a cluster IP and no ports ("spec.ports: Required value")',
    fix: 'add a port with the `ports` prop or addPort(), or make the Service headless',
  },
  {
    id: 'service-port-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'port and nodePort of a Service are whole numbers from 1 to 65535 (a nodePort of 0 is unset)',
    why: 'the API server rejects other port numbers ("must be between 1 and 65535, inclusive")',
    fix: 'use a port number from 1 to 65535',
  },
  {
    id: 'service-port-unique',
    category: 'api-server',
    severity: 'error',
    summary: 'no two ports of a Service have the same number and protocol, nor the same nodePort and protocol',
    why: 'the API server rejects the Service ("Duplicate value"): the second port could never be reached',
    ...fixByCase({ port: 'give each port its own number, or another protocol', nodePort: 'give each port its own nodePort, or leave nodePort out to let Kubernetes pick one' }),
  },
  {
    id: 'service-port-name-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'the name of a Service port is a DNS-1123 label: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit',
    why: 'the API server rejects the Service ("a lowercase RFC 1123 label must consist of …"); the name also appears in the DNS SRV records of the port',
    fix: 'rename the port: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit',
  },
  {
    id: 'service-port-name-unique',
    category: 'api-server',
    severity: 'error',
    summary: 'no two ports of a Service share a name',
    why: 'the API server rejects the Service ("spec.ports[1].name: Duplicate value"), and SRV lookups by name would be ambiguous',
    fix: 'give each port its own name',
  },
  {
    id: 'service-port-name-required',
    category: 'api-server',
    severity: 'error',
    summary: 'every port of a Service with more than one port has a name',
    why: 'the API server rejects a Service with several ports when one has no name ("spec.ports[0].name: Required value")',
    fix: 'name each port with `name`, or target a container port by name, which names the Service port too',
  },
  {
    id: 'service-node-port-type',
    category: 'api-server',
    severity: 'error',
    summary: 'a nodePort is not set on a ClusterIP Service',
    why: 'the API server rejects a nodePort on a ClusterIP Service ("may not be used when `type` is \'ClusterIP\'")',
    fix: "set type to 'NodePort' or 'LoadBalancer', or remove the nodePort",
  },
  {
    id: 'service-external-traffic-policy-type',
    category: 'api-server',
    severity: 'error',
    summary: 'externalTrafficPolicy is set only on a NodePort or LoadBalancer Service, or a ClusterIP Service with externalIPs',
    why: 'the policy governs traffic arriving from outside the cluster; the API server rejects it on a Service that takes none ("may only be set for externally-accessible services")',
    fix: "set type to 'NodePort' or 'LoadBalancer', or remove externalTrafficPolicy",
  },
  {
    id: 'service-headless-type',
    category: 'api-server',
    severity: 'error',
    summary: 'a headless Service is not of type NodePort or LoadBalancer',
    why: 'a headless Service has no cluster IP, which NodePort and LoadBalancer Services need (the API server: "may not be set to \'None\' for LoadBalancer services")',
    fix: 'remove headless, or leave type out',
  },
]);

/** Why a Service selects no Pod of the app. */
export const SERVICE_SELECTS_PODS = ruleIn(SERVICE_RULES, 'service-selects-pods');
const PORT_UNIQUE = ruleIn(SERVICE_RULES, 'service-port-unique');
const TARGET_PORT_PROTOCOL = ruleIn(SERVICE_RULES, 'service-target-port-protocol');

/** A Pod or Pod template of the app, for the selector check. */
export interface SelectablePods {
  readonly namespace?: string;
  readonly labels: { readonly [key: string]: string };
}

/** What a Service's validation needs besides the manifest. */
export interface ServiceFacts {
  /** Construct path of the target, for the messages. */
  readonly target: string;
  /** The ports the target's containers declare; `undefined` when unknown (Pods outside the app), and then not checked. */
  readonly targetPorts: readonly SelectablePort[] | undefined;
  /** The Pods and Pod templates of the app that the Service's selector picks (at least). */
  readonly pods: readonly SelectablePods[];
  /**
   * Whether Pods outside the app are trusted to match the selector (a plain label selector, a reference by name).
   * @default false - the selector must match Pods of the app
   */
  readonly trusted?: boolean;
}

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Why `name` is not a DNS-1035 label, the rule of Service names, or `undefined` when it is one. */
export function serviceNameError(name: string): string | undefined {
  return name.length > 63 || !DNS1035_LABEL.test(name) ? 'is not a DNS-1035 label' : undefined;
}

/** Checks a rendered Service manifest and records every problem in `report`. */
export function validateService(manifest: Unvalidated<k8s.KubeServiceProps>, facts: ServiceFacts, report: RuleReport): void {
  const spec = manifest.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  const name = manifest.metadata?.name ?? '';
  if (serviceNameError(name) !== undefined) {
    report.error('service-name-valid', 'metadata.name', `Service name "${name}" is not a DNS-1035 label`);
  }
  validateSelector(spec.selector ?? {}, manifest.metadata?.namespace, facts, report);

  const headless = spec.clusterIP === 'None';
  // An ExternalName Service takes no cluster IP at all: service-external-name reports it.
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    report.error('service-headless-type', 'spec.clusterIP', `a headless Service cannot be of type ${type}`);
  }
  // apiservice.ExternallyAccessible: a ClusterIP Service with external IPs takes outside traffic too.
  const external = type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);
  if (spec.externalTrafficPolicy !== undefined && !external) {
    report.error(
      'service-external-traffic-policy-type',
      'spec.externalTrafficPolicy',
      `externalTrafficPolicy "${spec.externalTrafficPolicy}" is set on a Service of type ${type}, which takes no traffic from outside the cluster`,
    );
  }
  const ports = spec.ports ?? [];
  if (ports.length === 0 && !headless && type !== 'ExternalName') {
    report.error('service-has-ports', 'spec.ports', 'the Service has no ports');
  }

  const names = new Map<string, number>();
  const numbers = new Map<string, number>();
  const nodePorts = new Map<string, number>();
  ports.forEach((port, i) => {
    const at = `spec.ports[${i}]`;
    for (const field of ['port', 'nodePort'] as const) {
      const value = port[field];
      // A nodePort of 0 is Go's zero value: unset, and Kubernetes picks one.
      if (value !== undefined && !(field === 'nodePort' && value === 0) && !(Number.isInteger(value) && value >= 1 && value <= 65535)) {
        report.error('service-port-valid', `${at}.${field}`, `${field} is ${quoteValue(value)}; it must be a whole number from 1 to 65535`);
      }
    }
    const hasNodePort = port.nodePort !== undefined && port.nodePort !== 0;
    // Only ClusterIP forbids it ("may not be used when `type` is 'ClusterIP'"); an ExternalName Service ignores it.
    if (hasNodePort && type === 'ClusterIP') {
      report.error('service-node-port-type', `${at}.nodePort`, `nodePort ${port.nodePort} is set on a Service of type ${type}`);
    }
    const protocol = port.protocol ?? 'TCP';
    const nodePortFirst = hasNodePort ? claim(nodePorts, `${port.nodePort}/${protocol}`, i) : undefined;
    if (nodePortFirst !== undefined) {
      report.error('service-port-unique', `${at}.nodePort`, `nodePort ${port.nodePort}/${protocol} is already used by spec.ports[${nodePortFirst}]`, PORT_UNIQUE.fixFor('nodePort'));
    }
    const portFirst = claim(numbers, `${port.port}/${protocol}`, i);
    if (portFirst !== undefined) {
      report.error('service-port-unique', `${at}.port`, `port ${port.port}/${protocol} is already used by spec.ports[${portFirst}]`, PORT_UNIQUE.fixFor('port'));
    }

    if (port.name === undefined) {
      if (ports.length > 1) {
        report.error('service-port-name-required', `${at}.name`, `port ${port.port} has no name, and the Service has ${ports.length} ports`);
      }
    } else if (dns1123LabelError(port.name) !== undefined) {
      report.error('service-port-name-valid', `${at}.name`, `port name "${port.name}" is not a DNS-1123 label`);
    } else {
      const nameFirst = claim(names, port.name, i);
      if (nameFirst !== undefined) {
        report.error('service-port-name-unique', `${at}.name`, `port name "${port.name}" is already used by spec.ports[${nameFirst}]`);
      }
    }

    // Without a targetPort, Kubernetes forwards to the container port of the same number.
    if (port.targetPort === undefined) {
      validateTargetPort(port.port, protocol, `${at}.port`, facts, report, ' (targetPort is not set, so it is the port itself)');
    } else {
      validateTargetPort(port.targetPort, protocol, `${at}.targetPort`, facts, report);
    }
  });
}

// Records that ports[i] uses `key`; returns the index of the port that used it first, if another did.
function claim(seen: Map<string, number>, key: string, i: number): number | undefined {
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, i);
  }
  return first;
}

function validateSelector(selector: { readonly [key: string]: string | undefined }, namespace: string | undefined, facts: ServiceFacts, report: RuleReport): void {
  const pairs = Object.entries(selector);
  if (pairs.length === 0) {
    report.error('service-selects-pods', 'spec.selector', `the target ${facts.target} has no labels, so the Service would select no Pods`, SERVICE_SELECTS_PODS.fixFor('labels'));
    return;
  }
  if (facts.trusted) {
    return;
  }
  const matches = facts.pods.some((pods) => pods.namespace === namespace && pairs.every(([key, value]) => pods.labels[key] === value));
  if (!matches) {
    const text = pairs.map(([key, value]) => `${key}=${value}`).join(',');
    report.error(
      'service-selects-pods',
      'spec.selector',
      `selector ${text} matches no Pod of this app in namespace "${namespace ?? 'default'}"`,
      SERVICE_SELECTS_PODS.fixFor('namespace'),
    );
  }
}

function validateTargetPort(target: number | string | undefined, protocol: string, at: string, facts: ServiceFacts, report: RuleReport, implied = ''): void {
  if (target === undefined || facts.targetPorts === undefined) {
    return;
  }
  const targetPorts = facts.targetPorts;
  const declared = targetPorts.filter((port) => (typeof target === 'number' ? port.containerPort === target : port.name === target));
  if (typeof target === 'string' && declared.length > 0 && !declared.some((port) => (port.protocol ?? 'TCP') === protocol)) {
    report.error(
      'service-target-port-protocol',
      at,
      `target port "${target}" is declared by ${facts.target} for ${declared.map((port) => port.protocol ?? 'TCP').join(', ')}, but this Service port is ${protocol}`,
      TARGET_PORT_PROTOCOL.fixFor(declared[0].protocol ?? 'TCP', protocol),
    );
    return;
  }
  if (declared.length > 0) {
    return;
  }
  const list = targetPorts.map((port) => (port.name ? `${port.name} (${port.containerPort})` : `${port.containerPort}`)).join(', ');
  const message = `target port ${JSON.stringify(target)}${implied} is not declared by any container of ${facts.target} (${list ? `they declare ${list}` : 'they declare no ports'})`;
  if (typeof target === 'number') {
    // kube-proxy forwards to a port number whether a container declares it or not (containerPort is informational).
    report.warn('service-target-port-number-declared', at, message);
  } else {
    report.error('service-target-port-declared', at, message);
  }
}
