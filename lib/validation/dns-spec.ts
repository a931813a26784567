/**
 * The DNS and identity fields of a Pod spec, checked as `ValidatePodSpec`
 * checks them: `dnsPolicy` (validateDNSPolicy), `dnsConfig`
 * (validatePodDNSConfig), `hostname` and `subdomain` (DNS-1123 labels),
 * `hostAliases` (ValidateHostAliases), and the warnings of
 * `pkg/api/pod/warnings.go` about duplicate host-alias IPs and image pull
 * secrets that are named twice or not at all.
 */

import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Unvalidated } from '../_manifest';
import { checkEnum, checkIpAddress, checkName } from './_field-checks';
import { FirstIndex } from './_first-index';
import { quoteValue } from './_integer';
import { RuleReport } from './problem';
import { fixByCase } from './_fix-cases';
import { defineRules, ruleIn } from './rules';

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
    ...fixByCase(
      {
        noConfig: 'add dnsConfig with at least one nameserver, or use another dnsPolicy',
        noNameserver: 'list at least one nameserver IP, such as "1.1.1.1"',
        tooMany: (limit: string) => `keep ${limit} of them`,
        nameserver: 'give the IP address of a DNS server, such as "10.96.0.10"',
        length: 'shorten or drop search domains',
        search: 'use a DNS name, such as "ns1.svc.cluster.local"',
        option: 'name the resolver option, such as { name: "ndots", value: "2" }',
      },
      { tooMany: ['as many as allowed'] },
    ),
    see: 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config',
  },
  {
    id: 'pod-hostname',
    severity: 'error',
    category: 'api-server',
    summary: '`hostname` and `subdomain` are DNS-1123 labels; every `hostAliases` entry has an IP address and DNS-subdomain hostnames.',
    why: 'The API server refuses the Pod (ValidatePodSpec, ValidateHostAliases): "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\'", "must be a valid IP address".',
    ...fixByCase({
      hostname: 'use a DNS-1123 label, such as "web-0"',
      ip: 'give the IP address the hostnames resolve to, such as "10.1.2.3"',
      alias: 'use a lower-case DNS name, such as "db.internal"',
    }),
    see: 'https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/',
  },
  {
    id: 'host-alias-ip-unique',
    severity: 'warning',
    category: 'lint',
    summary: 'No two `hostAliases` entries have the same IP address.',
    why: 'The kubelet writes each entry as a line of /etc/hosts, and `kubectl apply` merges the list by IP: one of the two entries may be dropped. The API server warns: "duplicate ip".',
    fix: 'List all hostnames of the IP in one entry.',
    see: 'https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/',
  },
  {
    id: 'image-pull-secret-name',
    severity: 'warning',
    category: 'lint',
    summary: 'Every `imagePullSecrets` entry names a Secret, and no Secret twice.',
    why: 'An entry without a name gives the kubelet no credentials, and a repeated one may be dropped by `kubectl apply`. The API server warns: "invalid empty name", "duplicate name".',
    ...fixByCase({ unnamed: 'name the Secret that holds the registry credentials, or remove the entry', twice: 'list each pull Secret once' }, {}),
    see: 'https://kubernetes.io/docs/tasks/configure-pod-container/pull-image-private-registry/',
  },
]);

const DNS_CONFIG = ruleIn(DNS_SPEC_RULES, 'dns-config');
const HOSTNAME = ruleIn(DNS_SPEC_RULES, 'pod-hostname');
const PULL_SECRET = ruleIn(DNS_SPEC_RULES, 'image-pull-secret-name');

/** Checks the DNS and identity fields of the Pod spec `spec` at field path `at`. */
export function validateDnsSpec(spec: Unvalidated<k8s.PodSpec>, at: string, report: RuleReport): void {
  // An empty policy is defaulted to ClusterFirst before validation.
  if (spec.dnsPolicy !== '') {
    checkEnum(spec.dnsPolicy, DNS_POLICIES, `${at}.dnsPolicy`, 'dnsPolicy', report);
  }
  if (spec.dnsConfig != null || spec.dnsPolicy === 'None') {
    validateDnsConfig(spec, `${at}.dnsConfig`, report);
  }
  for (const field of ['hostname', 'subdomain'] as const) {
    if (spec[field]) {
      checkName(spec[field], 'dns-label', { rule: 'pod-hostname', at: `${at}.${field}`, what: field, fix: HOSTNAME.fixFor('hostname') }, report);
    }
  }
  validateHostAliases(spec.hostAliases ?? [], `${at}.hostAliases`, report);
  lintImagePullSecrets(spec.imagePullSecrets ?? [], `${at}.imagePullSecrets`, report);
}

function lintImagePullSecrets(secrets: readonly Unvalidated<k8s.LocalObjectReference>[], at: string, report: RuleReport): void {
  const names = new FirstIndex(secrets, 'name', true);
  for (let i = 0; i < secrets.length; i++) {
    const { name } = secrets[i];
    const first = names.firstBefore(name, i);
    if (!name) {
      report.warn('image-pull-secret-name', `${at}[${i}].name`, `image pull secret ${i} has no name`, PULL_SECRET.fixFor('unnamed'));
    } else if (first >= 0) {
      report.warn(
        'image-pull-secret-name',
        `${at}[${i}].name`,
        `image pull secret ${quoteValue(name)} is already listed at ${at}[${first}]`,
        PULL_SECRET.fixFor('twice'),
      );
    }
  }
}

function validateDnsConfig(spec: Unvalidated<k8s.PodSpec>, at: string, report: RuleReport): void {
  const config = spec.dnsConfig;
  const nameservers = config?.nameservers ?? [];
  if (spec.dnsPolicy === 'None' && (config == null || nameservers.length === 0)) {
    const missing = config == null ? 'the Pod has no dnsConfig, so it would have no resolver' : 'dnsConfig lists no nameserver';
    report.error(
      'dns-config',
      config == null ? at : `${at}.nameservers`,
      `dnsPolicy is "None" and ${missing}`,
      DNS_CONFIG.fixFor(config == null ? 'noConfig' : 'noNameserver'),
    );
    return;
  }
  if (config == null) {
    return;
  }
  if (nameservers.length > MAX_NAMESERVERS) {
    report.error(
      'dns-config',
      `${at}.nameservers`,
      `dnsConfig lists ${nameservers.length} nameservers; at most ${MAX_NAMESERVERS} are allowed`,
      DNS_CONFIG.fixFor('tooMany', `${MAX_NAMESERVERS}`),
    );
  }
  for (let i = 0; i < nameservers.length; i++) {
    checkIpAddress(nameservers[i], { rule: 'dns-config', at: `${at}.nameservers[${i}]`, what: 'nameserver', fix: DNS_CONFIG.fixFor('nameserver') }, report);
  }
  const searches = config.searches ?? [];
  if (searches.length > MAX_SEARCH_PATHS) {
    report.error(
      'dns-config',
      `${at}.searches`,
      `dnsConfig lists ${searches.length} search domains; at most ${MAX_SEARCH_PATHS} are allowed`,
      DNS_CONFIG.fixFor('tooMany', `${MAX_SEARCH_PATHS}`),
    );
  }
  const length = searches.join(' ').length;
  if (length > MAX_SEARCH_CHARS) {
    report.error(
      'dns-config',
      `${at}.searches`,
      `the search domains of dnsConfig total ${length} characters with the spaces between them; at most ${MAX_SEARCH_CHARS} are allowed`,
      DNS_CONFIG.fixFor('length'),
    );
  }
  for (let i = 0; i < searches.length; i++) {
    // A trailing dot (an absolute domain) is allowed.
    checkName(
      searches[i].replace(/\.$/, ''),
      'dns-subdomain',
      { rule: 'dns-config', at: `${at}.searches[${i}]`, what: 'search domain', fix: DNS_CONFIG.fixFor('search') },
      report,
    );
  }
  const options = config.options ?? [];
  for (let i = 0; i < options.length; i++) {
    if (!options[i].name) {
      report.error('dns-config', `${at}.options[${i}]`, `dnsConfig option ${i} has no name`, DNS_CONFIG.fixFor('option'));
    }
  }
}

function validateHostAliases(aliases: readonly Unvalidated<k8s.HostAlias>[], at: string, report: RuleReport): void {
  const ips = new FirstIndex(aliases, 'ip', false);
  for (let i = 0; i < aliases.length; i++) {
    const { ip, hostnames = [] } = aliases[i];
    const aliasAt = `${at}[${i}]`;
    checkIpAddress(ip, { rule: 'pod-hostname', at: `${aliasAt}.ip`, what: 'ip', of: `host alias ${i}`, fix: HOSTNAME.fixFor('ip') }, report);
    for (let j = 0; j < hostnames.length; j++) {
      checkName(
        hostnames[j],
        'dns-subdomain',
        { rule: 'pod-hostname', at: `${aliasAt}.hostnames[${j}]`, what: 'hostname', of: `host alias ${i}`, fix: HOSTNAME.fixFor('alias') },
        report,
      );
    }
    const first = ips.firstBefore(ip, i);
    if (first >= 0) {
      report.warn('host-alias-ip-unique', `${aliasAt}.ip`, `host alias IP ${quoteValue(ip)} is already listed at ${at}[${first}]`);
    }
  }
}
