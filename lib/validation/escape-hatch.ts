import { RuleReport } from './problem';
import { defineRules } from './rules';

/** The rule that holds escape-hatch values to the Kubernetes schema. */
export const ESCAPE_HATCH_RULES = defineRules([
  {
    id: 'kubernetes-schema',
    severity: 'error',
    category: 'api-server',
    summary: 'Values given through the escape hatches (`extraSpec`, `extraFields`) have the types the Kubernetes 1.27 schema gives their fields.',
    why: 'The escape hatches reach fields Peapod does not model, so no prop type checks them; a value typed `any` (`hostNetwork: "yes"`) would be refused by the API server.',
    fix: 'Give the field a value of the type the Kubernetes API reference lists for it.',
    see: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/',
  },
]);

// Fields whose empty value the API server reads as "not set" and defaults
// (restartPolicy Always, dnsPolicy ClusterFirst, operator Equal, every
// effect, imagePullPolicy and protocol by the defaults), though the
// OpenAPI schema's enum leaves "" out.
const DEFAULTED_WHEN_EMPTY: ReadonlySet<string> = new Set(['restartPolicy', 'dnsPolicy', 'operator', 'effect', 'imagePullPolicy', 'protocol', 'terminationMessagePolicy']);

function defaultedWhenEmpty(field: string, message: string): boolean {
  return message.startsWith('must be one of ') && message.endsWith(', got ""') && DEFAULTED_WHEN_EMPTY.has(field.slice(field.lastIndexOf('.') + 1));
}

/**
 * Checks the fields an escape hatch set (`hatchFields`, manifest paths such
 * as `spec.hostNetwork` or `spec.containers[0].lifecycle`) against the
 * Kubernetes 1.27 schema. The rest of the manifest is Peapod's own rules'
 * business. The schemas are loaded only when an escape hatch is used: they
 * take about a second to compile.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function validateEscapeHatchValues(manifest: any, hatchFields: readonly string[], report: RuleReport): void {
  if (hatchFields.length === 0) {
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkManifest, KUBERNETES_SCHEMA_VERSION } = require('../schema/schema-check') as typeof import('../schema/schema-check');
  // The escape hatches take the L1 spelling (hostIpc), the manifest has the API's (hostIPC).
  const prefixes = hatchFields.map((field) => field.toLowerCase());
  // A field a rule of its own has already reported (an integer out of
  // range, a name in the wrong form) needs no second, vaguer message.
  const reported = new Set(report.problems.filter((p) => p.severity === 'error').map((p) => p.field.toLowerCase()));
  for (const problem of checkManifest(manifest)) {
    const field = problem.field.toLowerCase();
    if (!reported.has(field) && !defaultedWhenEmpty(problem.field, problem.message) && prefixes.some((prefix) => field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`))) {
      report.error(
        'kubernetes-schema',
        problem.field,
        `the escape-hatch value ${problem.message}, which the Kubernetes ${KUBERNETES_SCHEMA_VERSION} schema refuses`,
        'give the field a value of the type the Kubernetes API reference lists for it',
      );
    }
  }
}
