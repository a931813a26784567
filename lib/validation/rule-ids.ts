import type { ADVISOR_RULES } from '../advisor/rules';
import type { CONTAINER_FIELD_API_RULES, CONTAINER_FIELD_LINT_RULES, CONTAINER_FIELD_PEAPOD_RULES } from './container-fields';
import type { CONTAINER_PORT_API_RULES, CONTAINER_PORT_LINT_RULES, CONTAINER_PORT_PEAPOD_RULES } from './container-ports';
import type { CONTAINER_API_RULES, CONTAINER_TUTORIAL_RULES } from './container-spec';
import type { DAEMON_SET_RULES } from './daemon-set';
import type { DATA_KEY_RULES } from './data-keys';
import type { DNS_SPEC_RULES } from './dns-spec';
import type { ESCAPE_HATCH_RULES } from './escape-hatch';
import type { HPA_RULES } from './horizontal-pod-autoscaler';
import type { INGRESS_RULES } from './ingress';
import type { JOB_RULES } from './job';
import type { LABEL_SELECTOR_RULES } from './label-selector';
import type { METADATA_RULES } from './metadata';
import type { NETWORK_POLICY_RULES } from './network-policy';
import type { PDB_RULES } from './pod-disruption-budget';
import type { POD_LIFECYCLE_RULES } from './pod-lifecycle';
import type { POD_LINT_RULES } from './pod-lints';
import type { POD_SECURITY_LABEL_RULES, POD_SECURITY_RULES } from './pod-security';
import type { POD_SECURITY_CONTEXT_RULES } from './pod-security-context';
import type { POD_SPEC_API_RULES, POD_SPEC_PEAPOD_RULES } from './pod-spec';
import type { REFERENCE_RULES } from './references';
import type { RuleDefinition } from './rules';
import type { FIELD_CHECK_RULES } from './_field-checks';
import type { SCHEDULING_SPEC_RULES } from './scheduling-spec';
import type { SECRET_DATA_RULES } from './secret-data';
import type { SERVICE_RULES } from './service';
import type { SERVICE_ACCOUNT_RULES } from './service-account';
import type { SERVICE_SPEC_RULES } from './service-spec';
import type { STATEFUL_SET_RULES } from './stateful-set';
import type { VOLUME_SOURCE_RULES } from './volume-sources';
import type { WORKLOAD_RULES } from './workload';

/** The ids of a table of rules returned by `defineRules`, as a union of string literals. */
export type RuleIdOf<R extends readonly RuleDefinition[]> = R[number]['id'];

// Every table of Peapod's own rules. A module that declares rules adds its
// table here; the imports are type-only, so no module is loaded for them.
type PeapodRuleTables = [
  typeof ADVISOR_RULES,
  typeof CONTAINER_API_RULES,
  typeof CONTAINER_FIELD_API_RULES,
  typeof CONTAINER_FIELD_LINT_RULES,
  typeof CONTAINER_FIELD_PEAPOD_RULES,
  typeof CONTAINER_PORT_API_RULES,
  typeof CONTAINER_PORT_LINT_RULES,
  typeof CONTAINER_PORT_PEAPOD_RULES,
  typeof CONTAINER_TUTORIAL_RULES,
  typeof DAEMON_SET_RULES,
  typeof DATA_KEY_RULES,
  typeof DNS_SPEC_RULES,
  typeof ESCAPE_HATCH_RULES,
  typeof FIELD_CHECK_RULES,
  typeof HPA_RULES,
  typeof INGRESS_RULES,
  typeof JOB_RULES,
  typeof LABEL_SELECTOR_RULES,
  typeof METADATA_RULES,
  typeof NETWORK_POLICY_RULES,
  typeof PDB_RULES,
  typeof POD_LIFECYCLE_RULES,
  typeof POD_LINT_RULES,
  typeof POD_SECURITY_CONTEXT_RULES,
  typeof POD_SECURITY_LABEL_RULES,
  typeof POD_SECURITY_RULES,
  typeof POD_SPEC_API_RULES,
  typeof POD_SPEC_PEAPOD_RULES,
  typeof REFERENCE_RULES,
  typeof SCHEDULING_SPEC_RULES,
  typeof SECRET_DATA_RULES,
  typeof SERVICE_ACCOUNT_RULES,
  typeof SERVICE_RULES,
  typeof SERVICE_SPEC_RULES,
  typeof STATEFUL_SET_RULES,
  typeof VOLUME_SOURCE_RULES,
  typeof WORKLOAD_RULES,
];

/**
 * The id of one of Peapod's own rules (`latest-tag`, `port-shared-localhost`, …),
 * derived from the rule definitions: an id no definition declares does not compile
 * where a `RuleId` is asked for.
 */
export type RuleId = RuleIdOf<PeapodRuleTables[number]>;

/**
 * A rule id as users write it (`Rules.of(x).set()`, the `rules` props): any
 * string, checked when set, with Peapod's own ids offered for completion.
 */
export type RuleIdInput = RuleId | (string & {});
