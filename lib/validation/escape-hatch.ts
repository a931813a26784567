import type { ApiObject } from 'cdk8s';
import type { Unvalidated } from '../_manifest';
import { setOwn } from '../_plain';
import { renderedManifest } from '../_synth';
import type { TypedSchemaProblem } from '../schema/schema-check';
import { Problem, RuleReport } from './problem';
import { defineRules } from './rules';

/** The rule that holds escape-hatch values to the Kubernetes schema. */
export const ESCAPE_HATCH_RULES = defineRules([
  {
    id: 'kubernetes-schema',
    severity: 'error',
    category: 'api-server',
    summary: 'Values given through the escape hatches (`extraSpec`, `extraFields`, `Volume.fromSource`) have the types the Kubernetes 1.27 schema gives their fields.',
    why: 'The escape hatches reach fields Peapod does not model, so no prop type checks them; a value typed `any` (`hostNetwork: "yes"`) would be refused by the API server.',
    fix: 'Give the field a value of the type the Kubernetes API reference lists for it.',
    see: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/',
  },
  {
    id: 'unexpected-value-type',
    severity: 'error',
    summary: 'Every value of an object has a type Peapod can read, so that its checks can run to the end.',
    why: 'The props are typed and escape-hatch values are held to the schema, but a value typed `any`, a JSON patch or an L1 object can still put, say, a string where a list belongs; a check or the render that meets it stops, and the object\'s other problems go unreported.',
    fix: 'Give each field the type the Kubernetes API reference lists for it: look at the values given through `as any`, escape hatches, JSON patches and L1 objects.',
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

/** A manifest as the rules read it, and what the Kubernetes schema found in its escape-hatch values. */
export interface ManifestToValidate<T> {
  /** The manifest, typed: as rendered, or a copy without the escape-hatch values of a JSON type the schema refuses. */
  readonly manifest: Unvalidated<T> & { readonly apiVersion?: string; readonly kind?: string };
  /**
   * The problems the rules recorded in `report`, with those the schema
   * finds in the escape-hatch values: a rule's problem at a value withheld
   * from the rules (a missing command, where the command was not a list)
   * gives way to the schema's, and the schema's at a field a rule reported
   * (an integer out of range, a name in the wrong form) to the rule's,
   * which says more. Call it when the rules are done.
   */
  withSchemaProblems(report: RuleReport): readonly Problem[];
}

/**
 * The manifest of `apiObject` for the rules to read, with the fields set
 * through escape hatches (`hatchFields`, manifest paths such as
 * `spec.hostNetwork` or `spec.containers[0].lifecycle`) held to the
 * Kubernetes 1.27 schema first.
 *
 * Why the rules may read it as `Unvalidated<T>`: what the DSL renders is
 * typed by the compiler (its props, and its render code, which returns
 * `Manifest<…>`), and an escape-hatch value is the one place where a value
 * of any JSON type can enter (typed `any`, or read from JSON). A value that
 * the schema says is of a JSON type its field cannot hold (a string for a
 * boolean, a list or an object) is withheld: the rules read a copy without
 * it, and its schema error is reported. The rest of the manifest is Peapod's
 * own rules' business. The schemas are loaded only when an escape hatch is
 * used: they take about a second to compile.
 */
export function manifestToValidate<T>(apiObject: ApiObject, hatchFields: readonly string[] = []): ManifestToValidate<T> {
  const rendered: unknown = renderedManifest(apiObject);
  if (hatchFields.length === 0) {
    return { manifest: rendered as ManifestToValidate<T>['manifest'], withSchemaProblems: problemsOfReport };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  const { _checkManifestTypes, _fieldPathOf, KUBERNETES_SCHEMA_VERSION } = require('../schema/schema-check') as typeof import('../schema/schema-check');
  // The escape hatches take the L1 spelling (hostIpc), the manifest has the API's (hostIPC).
  const prefixes = hatchFields.map((field) => field.toLowerCase());
  // An unknown field is not the escape hatch's: the converters leave out the fields they do not know (the
  // unknown-field rule reports them), so one in the manifest came from a JsonPatch (a field of a later Kubernetes).
  const problems = _checkManifestTypes(rendered).filter(
    (p) => p.keyword !== 'additionalProperties' && under(p.field.toLowerCase(), prefixes) && !defaultedWhenEmpty(p.field, p.message),
  );
  const withheld: string[] = [];
  const manifest = problems.reduce((m, problem) => withholding(m, problem, withheld, _fieldPathOf), rendered);
  return {
    manifest: manifest as ManifestToValidate<T>['manifest'],
    withSchemaProblems(report: RuleReport): readonly Problem[] {
      const all = new RuleReport(report.construct);
      report.problems.filter((p) => !under(p.field, withheld)).forEach((p) => all.add(p));
      const reported = new Set(all.problems.filter((p) => p.severity === 'error').map((p) => p.field.toLowerCase()));
      for (const problem of problems) {
        if (!reported.has(problem.field.toLowerCase())) {
          all.error('kubernetes-schema', problem.field, `the escape-hatch value ${problem.message}, which the Kubernetes ${KUBERNETES_SCHEMA_VERSION} schema refuses`);
        }
      }
      return all.problems;
    },
  };
}

function problemsOfReport(report: RuleReport): readonly Problem[] {
  return report.problems;
}

// Whether manifest field `field` is one of `paths` or under one.
function under(field: string, paths: readonly string[]): boolean {
  return paths.some((path) => field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`));
}

// `manifest` without the value of the wrong type `problem` found, copied
// along its path only (what the writer writes stays as it is); the field
// path of what it withholds is added to `withheld`. A list element of the
// wrong type withholds its list: the rules read each element by its
// index, which must stay the manifest's.
function withholding(manifest: unknown, problem: TypedSchemaProblem, withheld: string[], fieldPathOf: (keys: readonly string[]) => string): unknown {
  const keys = problem.wrongTypeAt;
  if (keys === undefined) {
    return manifest;
  }
  let end = keys.length;
  while (end > 1 && Array.isArray(valueAt(manifest, keys, end - 1))) {
    end--;
  }
  if (valueAt(manifest, keys, end) === undefined) {
    return manifest; // withheld already, with a value around it
  }
  withheld.push(fieldPathOf(keys.slice(0, end)));
  return copiedWithout(manifest as Record<string, unknown>, keys.slice(0, end));
}

function valueAt(value: unknown, keys: readonly string[], end: number): unknown {
  for (let i = 0; i < end && value !== undefined; i++) {
    value = (value as Record<string, unknown> | null)?.[keys[i]];
  }
  return value;
}

function copiedWithout(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  if (keys.length === 1) {
    delete copy[keys[0]];
  } else {
    setOwn(copy, keys[0], copiedWithout(copy[keys[0]] as Record<string, unknown>, keys.slice(1)));
  }
  return copy;
}
