import { Severity } from './problem';

/** What a validation rule checks, for the rules documentation and its registry. */
export interface RuleDescription {
  /** The rule id that problems carry, such as `workload-replicas-valid`. */
  readonly id: string;
  /** Severity unless configured otherwise. */
  readonly severity: Severity;
  /** What the rule checks, in one line. */
  readonly summary: string;
  /** Why it matters: what Kubernetes or the running Pod would do otherwise. */
  readonly why: string;
  /** The usual fix. */
  readonly fix: string;
}
