import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { parseIp } from './_ip';
import { checkOneOf } from './_fields';
import { dns1123SubdomainError, portNameError } from './names';
import { RuleReport } from './problem';
import { defineRules } from './rules';

const SEE = 'https://kubernetes.io/docs/concepts/services-networking/ingress/';

/** The rules that check Ingresses. */
export const INGRESS_RULES = defineRules([
  {
    id: 'ingress-has-backend',
    category: 'api-server',
    severity: 'error',
    summary: 'an Ingress has rules or a default backend, and every HTTP rule has at least one path',
    why: 'the API server rejects an Ingress that routes nothing',
    fix: 'add a rule with addRule(), or give a defaultBackend; give every HTTP rule at least one path',
  },
  {
    id: 'ingress-host-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'the host of an Ingress rule or TLS entry is a DNS-1123 subdomain, optionally with "*." as its whole first label, and not an IP address',
    why: 'the API server rejects other hosts; an Ingress routes by the Host header of requests, which holds a name',
    fix: "use a host name such as 'shop.example.com' or '*.example.com'",
    see: `${SEE}#hostname-wildcards`,
  },
  {
    id: 'ingress-path-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'a path of an Ingress has a pathType (Exact, Prefix or ImplementationSpecific); an Exact or Prefix path starts with "/" and has no "//", "/./", "/../" or "%2f", nor ends with "/." or "/.."',
    why: 'the API server rejects the Ingress otherwise',
    fix: 'give each path a pathType of Prefix, Exact or ImplementationSpecific, and write it from "/", such as "/api", without empty, "." or ".." segments or "%2f"',
    see: `${SEE}#path-types`,
  },
  {
    id: 'ingress-backend-port',
    category: 'api-server',
    severity: 'error',
    summary: 'the port of an Ingress backend is a port name (an IANA service name) or a number from 1 to 65535, not both',
    why: 'the API server rejects the Ingress otherwise',
    fix: 'name a port of the Service by its name or its number',
  },
  {
    id: 'ingress-backend-port-exists',
    severity: 'error',
    summary: 'the port of an Ingress backend is a port of its Service, by name or number, and the Service is in the namespace of the Ingress',
    why: 'the Ingress controller finds no endpoints for a port the Service does not have, and answers 503; it looks for the Service only in its own namespace',
    fix: 'name one of the ports of the Service, and create the Service in the namespace of the Ingress',
  },
  {
    id: 'ingress-class-valid',
    category: 'api-server',
    severity: 'error',
    summary: 'ingressClassName is a DNS-1123 subdomain, and is not set together with the kubernetes.io/ingress.class annotation',
    why: 'the API server rejects the Ingress otherwise',
    fix: 'set ingressClassName to the name of an IngressClass of the cluster, and remove the kubernetes.io/ingress.class annotation',
  },
]);

/** How the path of an Ingress rule is matched. */
export const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'] as const;

const WILDCARD_SUBDOMAIN = /^\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const INVALID_PATH_PARTS = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_ENDS = ['/..', '/.'];

/** The ports of a Service of the app that an Ingress backend names. */
export interface BackendService {
  /** The Service's construct path. */
  readonly path: string;
  /** Whether it is in the Ingress's namespace. */
  readonly sameNamespace: boolean;
  /** Its ports' names and numbers. */
  readonly ports: readonly { readonly name?: string; readonly port: number }[];
}

/** Checks a rendered Ingress; `services` gives the Service of each backend by its name. */
export function validateIngress(manifest: Unvalidated<k8s.KubeIngressProps>, services: ReadonlyMap<string, BackendService>, report: RuleReport): void {
  const spec = manifest.spec ?? {};
  const rules = spec.rules ?? [];
  if (rules.length === 0 && spec.defaultBackend === undefined) {
    report.error('ingress-has-backend', 'spec', 'the Ingress has neither rules nor a default backend');
  }
  const className = spec.ingressClassName;
  if (className !== undefined) {
    const error = dns1123SubdomainError(className);
    if (error !== undefined) {
      report.error('ingress-class-valid', 'spec.ingressClassName', `ingressClassName "${className}" ${error}`);
    }
    if (manifest.metadata?.annotations?.['kubernetes.io/ingress.class'] !== undefined) {
      report.error('ingress-class-valid', 'metadata.annotations', 'the kubernetes.io/ingress.class annotation is set together with ingressClassName');
    }
  }
  validateBackend(spec.defaultBackend, 'spec.defaultBackend', services, report);
  rules.forEach((rule, i) => {
    const at = `spec.rules[${i}]`;
    if (rule.host !== undefined) {
      validateHost(rule.host, `${at}.host`, report);
    }
    if (rule.http !== undefined) {
      const paths = rule.http.paths ?? [];
      if (paths.length === 0) {
        report.error('ingress-has-backend', `${at}.http.paths`, `rule ${i} has no paths`);
      }
      paths.forEach((path, j) => {
        validatePath(path, `${at}.http.paths[${j}]`, report);
        validateBackend(path.backend, `${at}.http.paths[${j}].backend`, services, report);
      });
    }
  });
  (spec.tls ?? []).forEach((tls, i) => {
    (tls.hosts ?? []).forEach((host, j) => validateHost(host, `spec.tls[${i}].hosts[${j}]`, report));
  });
}

function validateHost(host: string, at: string, report: RuleReport): void {
  const why = parseIp(host) !== undefined
    ? 'is an IP address, not a DNS name'
    : host.includes('*')
      ? host.length > 253 || !WILDCARD_SUBDOMAIN.test(host)
        ? 'is not a wildcard DNS-1123 subdomain: "*" may only be the whole first label, as in "*.example.com"'
        : undefined
      : dns1123SubdomainError(host);
  if (why !== undefined) {
    report.error('ingress-host-valid', at, `host "${host}" ${why}`);
  }
}

function validatePath(path: Unvalidated<k8s.HttpIngressPath>, at: string, report: RuleReport): void {
  const type = path.pathType;
  if (type === undefined) {
    report.error('ingress-path-valid', `${at}.pathType`, 'the path has no pathType');
    return;
  }
  if (!checkOneOf(type, PATH_TYPES, `${at}.pathType`, 'ingress-path-valid', report)) {
    return;
  }
  const value = path.path ?? '';
  if (type === 'ImplementationSpecific') {
    if (value !== '' && !value.startsWith('/')) {
      report.error('ingress-path-valid', `${at}.path`, `path "${value}" does not start with "/"`);
    }
    return;
  }
  if (!value.startsWith('/')) {
    report.error('ingress-path-valid', `${at}.path`, `path "${value}" of pathType ${type} is not an absolute path`);
    return;
  }
  const part = INVALID_PATH_PARTS.find((p) => value.includes(p)) ?? INVALID_PATH_ENDS.find((p) => value.endsWith(p));
  if (part !== undefined) {
    report.error('ingress-path-valid', `${at}.path`, `path "${value}" of pathType ${type} contains "${part}"`);
  }
}

function validateBackend(backend: Unvalidated<k8s.IngressBackend> | undefined, at: string, services: ReadonlyMap<string, BackendService>, report: RuleReport): void {
  const serviceRef = backend?.service;
  if (serviceRef === undefined) {
    return;
  }
  const port = serviceRef.port ?? {};
  const portAt = `${at}.service.port`;
  const nameError = port.name === undefined ? undefined : portNameError(port.name);
  const wrong =
    port.name !== undefined && port.number !== undefined
      ? ['', `the port has both a name ("${port.name}") and a number (${port.number})`]
      : port.name === undefined && port.number === undefined
        ? ['', 'the port has neither a name nor a number']
        : port.number !== undefined && !(Number.isInteger(port.number) && port.number >= 1 && port.number <= 65535)
          ? ['.number', `port number ${port.number} is not from 1 to 65535`]
          : nameError !== undefined
            ? ['.name', `port name "${port.name}" ${nameError}`]
            : undefined;
  if (wrong !== undefined) {
    report.error('ingress-backend-port', `${portAt}${wrong[0]}`, wrong[1]);
    return;
  }
  const service = serviceRef.name === undefined ? undefined : services.get(serviceRef.name);
  if (service === undefined) {
    return;
  }
  if (!service.sameNamespace) {
    report.error(
      'ingress-backend-port-exists',
      `${at}.service.name`,
      `Service "${serviceRef.name}" (${service.path}) is in another namespace than the Ingress`,
    );
    return;
  }
  const found = service.ports.some((p) => (port.name !== undefined ? p.name === port.name : p.port === port.number));
  if (!found) {
    const list = service.ports.map((p) => (p.name ? `${p.name} (${p.port})` : `${p.port}`)).join(', ');
    report.error(
      'ingress-backend-port-exists',
      portAt,
      `Service "${serviceRef.name}" (${service.path}) has no port ${port.name !== undefined ? `named "${port.name}"` : port.number} (${list ? `it has ${list}` : 'it has no ports'})`,
    );
  }
}
