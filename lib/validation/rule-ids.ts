import type { RuleDefinition } from './rules';

/** The ids of a table of rules returned by `defineRules`, as a union of string literals. */
export type RuleIdOf<R extends readonly RuleDefinition[]> = R[number]['id'];

// Every table of Peapod's own rules. A module that declares rules adds its
// table here; a type query loads no module.
type PeapodRuleTables =
  | typeof import('../advisor/rules').ADVISOR_RULES
  | (typeof import('./container-fields'))['CONTAINER_FIELD_API_RULES' | 'CONTAINER_FIELD_LINT_RULES' | 'CONTAINER_FIELD_PEAPOD_RULES']
  | (typeof import('./container-ports'))['CONTAINER_PORT_API_RULES' | 'CONTAINER_PORT_LINT_RULES' | 'CONTAINER_PORT_PEAPOD_RULES']
  | (typeof import('./container-spec'))['CONTAINER_API_RULES' | 'CONTAINER_TUTORIAL_RULES']
  | typeof import('./daemon-set').DAEMON_SET_RULES
  | typeof import('./data-keys').DATA_KEY_RULES
  | typeof import('./dns-spec').DNS_SPEC_RULES
  | typeof import('./escape-hatch').ESCAPE_HATCH_RULES
  | typeof import('./_field-checks').FIELD_CHECK_RULES
  | typeof import('./horizontal-pod-autoscaler').HPA_RULES
  | typeof import('./ingress').INGRESS_RULES
  | typeof import('./job').JOB_RULES
  | typeof import('./label-selector').LABEL_SELECTOR_RULES
  | typeof import('./metadata').METADATA_RULES
  | typeof import('./network-policy').NETWORK_POLICY_RULES
  | typeof import('./pod-disruption-budget').PDB_RULES
  | typeof import('./pod-lifecycle').POD_LIFECYCLE_RULES
  | typeof import('./pod-lints').POD_LINT_RULES
  | (typeof import('./pod-security'))['POD_SECURITY_LABEL_RULES' | 'POD_SECURITY_RULES']
  | typeof import('./pod-security-context').POD_SECURITY_CONTEXT_RULES
  | (typeof import('./pod-spec'))['POD_SPEC_API_RULES' | 'POD_SPEC_PEAPOD_RULES']
  | typeof import('./references').REFERENCE_RULES
  | typeof import('./scheduling-spec').SCHEDULING_SPEC_RULES
  | typeof import('./secret-data').SECRET_DATA_RULES
  | typeof import('./service').SERVICE_RULES
  | typeof import('./service-account').SERVICE_ACCOUNT_RULES
  | typeof import('./service-spec').SERVICE_SPEC_RULES
  | typeof import('./stateful-set').STATEFUL_SET_RULES
  | typeof import('./volume-sources').VOLUME_SOURCE_RULES
  | typeof import('./workload').WORKLOAD_RULES;

/**
 * The id of one of Peapod's own rules (`latest-tag`, `port-shared-localhost`, …),
 * derived from the rule definitions: an id no definition declares does not compile
 * where a `RuleId` is asked for.
 */
export type RuleId = RuleIdOf<PeapodRuleTables>;

/**
 * A rule id as users write it (`Rules.of(x).set()`, the `rules` props): any
 * string, checked when set, with Peapod's own ids offered for completion.
 */
export type RuleIdInput = RuleId | (string & {});
