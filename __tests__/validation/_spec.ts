import { formatProblem, Report } from '../../lib';
import { validatePodSpec } from '../../lib/validation/pod-spec';

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are written as manifest JSON */

/** A container that breaks no rule and trips no lint. */
export function cleanContainer(name = 'app', port = 8080): any {
  return {
    name,
    image: 'app:1.0',
    ports: [{ name: 'http', containerPort: port }],
    resources: { requests: { cpu: '100m' }, limits: { memory: '128Mi' } },
    livenessProbe: { tcpSocket: { port: 'http' } },
    readinessProbe: { httpGet: { port: 'http', path: '/ready' } },
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true },
  };
}

/** A Pod spec that breaks no rule and trips no lint. */
export function cleanSpec(): any {
  return { securityContext: { runAsNonRoot: true }, containers: [cleanContainer()] };
}

/** The formatted problems of a spec, all of them or those of one rule. */
export function specProblems(spec: any, rule?: string, at = 'spec'): string[] {
  const report = new Report('test');
  validatePodSpec(spec, at, report);
  return report.problems.filter((p) => rule === undefined || p.rule === rule).map(formatProblem);
}

/** One rule's test: a spec it accepts, one it rejects, and the exact messages. */
export interface RuleCase {
  readonly rule: string;
  /** Changes a clean spec into one near the rule's edge that it accepts. */
  readonly valid: (spec: any) => void;
  /** Changes a clean spec into one it rejects. */
  readonly invalid: (spec: any) => void;
  /** The rule's messages for the invalid spec, exactly. */
  readonly messages: readonly string[];
}

/** A clean spec changed by `change`. */
export function specWith(change: (spec: any) => void): any {
  const spec = cleanSpec();
  change(spec);
  return spec;
}

/** Tests each case: its valid spec has no problem of its rule, its invalid one exactly its messages. */
export function describeRuleCases(cases: readonly RuleCase[]): void {
  describe.each(cases.map((c) => [c.rule, c] as const))('rule %s', (rule, c) => {
    test('accepts the valid case', () => {
      expect(specProblems(specWith(c.valid), rule)).toEqual([]);
    });
    test('reports the invalid case with the exact message', () => {
      expect(specProblems(specWith(c.invalid), rule)).toEqual(c.messages);
    });
  });
}
