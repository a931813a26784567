/**
 * The DNS and identity fields of a Pod spec, checked as `ValidatePodSpec`
 * checks them: `dnsPolicy` (validateDNSPolicy), `dnsConfig`
 * (validatePodDNSConfig), `hostname` and `subdomain` (DNS-1123 labels),
 * `hostAliases` (ValidateHostAliases), and the warnings of
 * `pkg/api/pod/warnings.go` about duplicate host-alias IPs and image pull
 * secrets that are named twice or not at all.
 */

import { JsonObject, listAt, objectAt } from './_json';
import { checkEnum, checkIpAddress, checkName } from './_field-checks';
import { quoteValue } from './_integer';
import { RuleReport } from './problem';
import { defineRules } from './rules';


/** How a Pod's DNS resolver is set up. */
export const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] as const;
/** One of {@link DNS_POLICIES}. */
export type DnsPolicy = (typeof DNS_POLICIES)[number];

// The limits of libc's resolver, as the API server states them.
const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;

/** The rules of a Pod's DNS settings and names. */
export const DNS_SPEC_RULES = defineRules([
  {
    id: 'dns-config',
    severity: 'error',
    category: 'api-server',
    summary:
      '`dnsPolicy: None` comes with a `dnsConfig` that has a nameserver; `dnsConfig` has at most 3 nameservers, each an IP address, at most 32 search domains of at most 2048 characters in all, each a DNS subdomain, and options with names.',
    why: 'The API server refuses the Pod (validatePodDNSConfig): "must provide `dnsConfig` when `dnsPolicy` is None", "must provide at least one DNS nameserver when `dnsPolicy` is None", "must not have more than 3 nameservers", "must be a valid IP address", "must not have more than 32 search paths", "must not have more than 2048 characters (including spaces) in the search list".',
    fix: 'Give dnsConfig the nameservers and search domains the message asks for; drop what is over the limit.',
    see: 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config',
  },
  {
    id: 'pod-hostname',
    severity: 'error',
    category: 'api-server',
    summary: '`hostname` and `subdomain` are DNS-1123 labels; every `hostAliases` entry has an IP address and DNS-subdomain hostnames.',
    why: 'The API server refuses the Pod (ValidatePodSpec, ValidateHostAliases): "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\'", "must be a valid IP address".',
    fix: 'Use lower-case names such as "web-0" and "db.internal", and an IP address such as "10.1.2.3".',
    see: 'https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/',
  },
  {
    id: 'host-alias-ip-unique',
    severity: 'warning',
    category: 'lint',
    summary: 'No two `hostAliases` entries have the same IP address.',
    why: 'The kubelet writes each entry as a line of /etc/hosts, and `kubectl apply` merges the list by IP: one of the two entries may be dropped. The API server warns: "duplicate ip".',
    fix: 'List every hostname of the IP in one entry.',
    see: 'https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/',
  },
  {
    id: 'image-pull-secret-name',
    severity: 'warning',
    category: 'lint',
    summary: 'Every `imagePullSecrets` entry names a Secret, and no Secret twice.',
    why: 'An entry without a name gives the kubelet no credentials, and a repeated one may be dropped by `kubectl apply`. The API server warns: "invalid empty name", "duplicate name".',
    fix: 'Name each pull Secret once, by its metadata.name.',
    see: 'https://kubernetes.io/docs/tasks/configure-pod-container/pull-image-private-registry/',
  },
]);

/** Checks the DNS and identity fields of the Pod spec `spec` at field path `at`. */
export function validateDnsSpec(spec: JsonObject, at: string, report: RuleReport): void {
  // An empty policy is defaulted to ClusterFirst before validation.
  if (spec.dnsPolicy !== '') {
    checkEnum(spec.dnsPolicy, DNS_POLICIES, `${at}.dnsPolicy`, 'dnsPolicy', report);
  }
  if (spec.dnsConfig != null || spec.dnsPolicy === 'None') {
    validateDnsConfig(spec, at, report);
  }
  for (const field of ['hostname', 'subdomain'] as const) {
    if (spec[field] !== undefined && spec[field] !== '') {
      checkName(spec[field], 'dns-label', { rule: 'pod-hostname', at: `${at}.${field}`, what: field, fix: 'use a DNS-1123 label, such as "web-0"' }, report);
    }
  }
  if (spec.hostAliases !== undefined) {
    validateHostAliases(listAt(spec.hostAliases), `${at}.hostAliases`, report);
  }
  if (spec.imagePullSecrets !== undefined) {
    lintImagePullSecrets(listAt(spec.imagePullSecrets), `${at}.imagePullSecrets`, report);
  }
}

function lintImagePullSecrets(secrets: readonly unknown[], at: string, report: RuleReport): void {
  if (secrets.length === 0) {
    return;
  }
  const seen = new Map<unknown, number>();
  for (let i = 0; i < secrets.length; i++) {
    const name = objectAt(secrets[i]).name;
    if (name === undefined || name === '') {
      report.warn('image-pull-secret-name', `${at}[${i}].name`, `image pull secret ${i} has no name`, 'name the Secret that holds the registry credentials, or remove the entry');
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      report.warn('image-pull-secret-name', `${at}[${i}].name`, `image pull secret ${quoteValue(name)} is already listed at ${at}[${first}]`, 'list each pull Secret once');
    } else {
      seen.set(name, i);
    }
  }
}

function validateDnsConfig(spec: JsonObject, at: string, report: RuleReport): void {
  const configAt = `${at}.dnsConfig`;
  const config = spec.dnsConfig == null ? undefined : objectAt(spec.dnsConfig);
  const nameservers = listAt(config?.nameservers);
  if (spec.dnsPolicy === 'None') {
    if (config === undefined) {
      report.error('dns-config', configAt, 'dnsPolicy is "None" and the Pod has no dnsConfig, so it would have no resolver', 'add dnsConfig with at least one nameserver, or use another dnsPolicy');
      return;
    }
    if (nameservers.length === 0) {
      report.error('dns-config', `${configAt}.nameservers`, 'dnsPolicy is "None" and dnsConfig lists no nameserver', 'list at least one nameserver IP, such as "1.1.1.1"');
      return;
    }
  }
  if (config === undefined) {
    return;
  }
  if (nameservers.length > MAX_NAMESERVERS) {
    report.error('dns-config', `${configAt}.nameservers`, `dnsConfig lists ${nameservers.length} nameservers; at most ${MAX_NAMESERVERS} are allowed`, `keep ${MAX_NAMESERVERS} of them`);
  }
  for (let i = 0; i < nameservers.length; i++) {
    checkIpAddress(nameservers[i], { rule: 'dns-config', at: `${configAt}.nameservers[${i}]`, what: 'nameserver', fix: 'give the IP address of a DNS server, such as "10.96.0.10"' }, report);
  }
  const searches = listAt(config.searches);
  if (searches.length > MAX_SEARCH_PATHS) {
    report.error('dns-config', `${configAt}.searches`, `dnsConfig lists ${searches.length} search domains; at most ${MAX_SEARCH_PATHS} are allowed`, `keep ${MAX_SEARCH_PATHS} of them`);
  }
  const length = searches.map((s) => String(s)).join(' ').length;
  if (length > MAX_SEARCH_CHARS) {
    report.error('dns-config', `${configAt}.searches`, `the search domains of dnsConfig total ${length} characters with the spaces between them; at most ${MAX_SEARCH_CHARS} are allowed`, 'shorten or drop search domains');
  }
  for (let i = 0; i < searches.length; i++) {
    const search = searches[i];
    // A trailing dot (an absolute domain) is allowed.
    checkName(typeof search === 'string' ? search.replace(/\.$/, '') : search, 'dns-subdomain', { rule: 'dns-config', at: `${configAt}.searches[${i}]`, what: 'search domain', fix: 'use a DNS name, such as "ns1.svc.cluster.local"' }, report);
  }
  const options = listAt(config.options);
  for (let i = 0; i < options.length; i++) {
    const name = objectAt(options[i]).name;
    if (typeof name !== 'string' || name.length === 0) {
      report.error('dns-config', `${configAt}.options[${i}]`, `dnsConfig option ${i} has ${name === undefined || name === '' ? 'no name' : `name ${quoteValue(name)}`}`, 'name the resolver option, such as { name: "ndots", value: "2" }');
    }
  }
}

function validateHostAliases(aliases: readonly unknown[], at: string, report: RuleReport): void {
  if (aliases.length === 0) {
    return; // as for most Pods: no map for them
  }
  const ips = new Map<unknown, number>();
  for (let i = 0; i < aliases.length; i++) {
    const alias = objectAt(aliases[i]);
    const aliasAt = `${at}[${i}]`;
    checkIpAddress(alias.ip, { rule: 'pod-hostname', at: `${aliasAt}.ip`, what: 'ip', of: `host alias ${i}`, fix: 'give the IP address the hostnames resolve to, such as "10.1.2.3"' }, report);
    const hostnames = listAt(alias.hostnames);
    for (let j = 0; j < hostnames.length; j++) {
      checkName(hostnames[j], 'dns-subdomain', { rule: 'pod-hostname', at: `${aliasAt}.hostnames[${j}]`, what: 'hostname', of: `host alias ${i}`, fix: 'use a lower-case DNS name, such as "db.internal"' }, report);
    }
    const first = ips.get(alias.ip);
    if (first !== undefined) {
      report.warn('host-alias-ip-unique', `${aliasAt}.ip`, `host alias IP ${quoteValue(alias.ip)} is already listed at ${at}[${first}]`, 'list all hostnames of the IP in one entry');
    } else if (alias.ip !== undefined) {
      ips.set(alias.ip, i);
    }
  }
}
