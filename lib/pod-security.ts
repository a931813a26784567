import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { renderedManifest } from './_synth';
import { containerRuleSettings, withContainerRules } from './pod-template';
import { podCarrier } from './scheduling';
import {
  _addModuleCheck,
  _addProblemAugmenter,
  _allConstructs,
  _appFactOncePerPass,
  _declaringConstruct,
  IProblemSource,
  isProblemSource,
  projectRulesOf,
} from './validation/engine';
import {
  atLeast,
  LATEST_POD_SECURITY_MINOR,
  POD_SECURITY_LEVELS,
  POD_SECURITY_MODES,
  PodSecurityLevel,
  podSecurityLevelOf,
  podSecurityMinor,
  PodSecurityMode,
  PodSecurityVersion,
  PodSecurityViolation,
  podSecurityViolations,
  podMetadataPath,
  PodSecurityLabelRule,
  RenderedPod,
} from './validation/pod-security';
import { PodSecurityConfig, PodSecurityModes, podSecurityModesErrors } from './validation/pod-security-config';
import { Problem, Severity } from './validation/problem';
import { RuleSettings } from './validation/rules';
import { fieldOf, namespaceOf, objectAt } from './validation/_json';

export { LATEST_POD_SECURITY_MINOR, POD_SECURITY_CHECK_IDS, POD_SECURITY_LEVELS, POD_SECURITY_MODES, podSecurityLevelOf, podSecurityViolations } from './validation/pod-security';
export type {
  PodSecurityCheckId,
  PodSecurityLevel,
  PodSecurityMode,
  PodSecurityRule,
  PodSecurityVersion,
  PodSecurityViolation,
  RenderedPod,
} from './validation/pod-security';
export type { PodSecurityConfig, PodSecurityModes } from './validation/pod-security-config';

/** The label prefix of the PodSecurity admission on a Namespace. */
export const POD_SECURITY_LABEL_PREFIX = 'pod-security.kubernetes.io/';

// The settings made with PodSecurity.of(), by construct.
interface ConstructSetting {
  readonly modes: PodSecurityModes;
  readonly exempt?: string;
}
const settings = new WeakMap<IConstruct, ConstructSetting>();
// Whether PodSecurity.of() set anything in this process; until it does, an
// app without a podSecurity configuration or Namespace labels has nothing to check.
let anySettings = false;

// Whether no level can be in force anywhere in the app of `scope`, as in most apps: then nothing need be rendered or walked.
function nothingInForce(scope: IConstruct): boolean {
  return !anySettings && projectRulesOf(scope).podSecurity === undefined && namespacesOfApp(scope).size === 0;
}

/**
 * The Pod Security levels of a construct and everything under it (a Chart,
 * a Pod, a workload): the nearest setting wins over those further up, over
 * a Namespace of the app and over `peapod.config.json`.
 *
 * ```ts
 * PodSecurity.of(chart).set({ enforce: 'restricted' });
 * PodSecurity.of(monitoring).exempt('node-exporter reads the node through hostPath');
 * ```
 */
export class PodSecurity {
  /** The Pod Security settings of `scope`. */
  public static of(scope: IConstruct): PodSecurity {
    return new PodSecurity(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /** Sets levels here and below; modes not given are inherited. Throws on a level or version that is not one. */
  public set(modes: PodSecurityModes): this {
    const where = `PodSecurity.of(${this.scope.node.path || 'app'}).set`;
    const errors = Object.keys(modes ?? {}).some((key) => key === 'namespaces' || key === 'exemptions')
      ? [`"namespaces" and "exemptions" belong in peapod.config.json's podSecurity, not on a construct`]
      : podSecurityModesErrors(modes, where);
    if (errors.length > 0) {
      throw new Error(errors.join('; '));
    }
    settings.set(this.scope, { ...settings.get(this.scope), modes: { ...settings.get(this.scope)?.modes, ...modes } });
    anySettings = true;
    return this;
  }

  /**
   * Exempts the Pods here and below from every mode, as the admission
   * exempts a namespace; their level is still shown by the plan.
   */
  public exempt(reason: string): this {
    if (typeof reason !== 'string' || reason.trim().length === 0) {
      throw new Error(`PodSecurity.of(${this.scope.node.path || 'app'}).exempt: give a reason; say why these Pods need not meet the level`);
    }
    settings.set(this.scope, { modes: settings.get(this.scope)?.modes ?? {}, exempt: reason });
    anySettings = true;
    return this;
  }
}

/** A mode in force for a Pod: its level and version, and where they were set. */
export interface PodSecurityModeInForce {
  /** The level checked. */
  readonly level: PodSecurityLevel;
  /** The version of the standard checked. */
  readonly version: PodSecurityVersion;
  /** Where the level was set: `PodSecurity.of(chart)`, `Namespace payments`, `peapod.config.json`. */
  readonly from: string;
}

/** The Pod Security standing of one Pod or Pod template of the app. */
export interface PodSecurityStatus {
  /** Path of the construct that declared it. */
  readonly construct: string;
  /** The manifest's kind. */
  readonly kind: string;
  /** The manifest's `metadata.name`. */
  readonly name: string;
  /** Its namespace; `undefined` for the namespace kubectl applies to. */
  readonly namespace?: string;
  /** Field path of the Pod spec in the manifest. */
  readonly at: string;
  /** The highest level of the standard it meets (version latest, Kubernetes 1.27). */
  readonly level: PodSecurityLevel;
  /** The modes in force for it. */
  readonly modes: { readonly [mode in PodSecurityMode]?: PodSecurityModeInForce };
  /** Why it is exempt from every mode, if it is. */
  readonly exempt?: string;
  /** The next level up and exactly what to change to meet it; `undefined` at `restricted`. */
  readonly next?: { readonly level: PodSecurityLevel; readonly changes: readonly PodSecurityViolation[] };
  /** Whether `enforce` refuses it. */
  readonly refused: boolean;
}

// One Pod spec a manifest of the app carries.
interface CarriedPod extends RenderedPod {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

// The Pod a construct's manifest carries, if it is an ApiObject whose manifest carries one.
function carriedPod(construct: IConstruct): CarriedPod | undefined {
  // The pass's rendering, which validation and the writer read too.
  const manifest: unknown = ApiObject.isApiObject(construct) ? renderedManifest(construct) : undefined;
  const carrier = manifest === undefined ? undefined : podCarrier(manifest);
  if (carrier === undefined) {
    return undefined;
  }
  const metadata = podMetadataPath(carrier.at).split('.').reduce(fieldOf, manifest);
  const namespace = namespaceOf(objectAt(manifest));
  const annotations = fieldOf(metadata, 'annotations');
  return {
    kind: carrier.kind,
    name: carrier.name,
    namespace: typeof namespace === 'string' && namespace !== '' ? namespace : undefined,
    spec: carrier.spec,
    at: carrier.at,
    annotations: annotations == null ? undefined : objectAt(annotations),
  };
}

interface NamespaceLabels {
  readonly modes: PodSecurityModes;
  readonly errors: readonly string[];
}

// The pod-security labels of each Namespace object of the app, by name.
function namespacesOfApp(scope: IConstruct): ReadonlyMap<string, NamespaceLabels> {
  return _appFactOncePerPass(scope, 'pod-security-namespaces', () => {
    const found = new Map<string, NamespaceLabels>();
    for (const construct of _allConstructs(scope)) {
      if (!ApiObject.isApiObject(construct) || construct.kind !== 'Namespace') {
        continue;
      }
      // A Namespace of cdk8s, cdk8s-plus or a program, read as JSON.
      const metadata = objectAt(fieldOf(renderedManifest(construct), 'metadata'));
      if (typeof metadata.name === 'string') {
        found.set(metadata.name, namespaceLabels(metadata.name, objectAt(metadata.labels)));
      }
    }
    return found;
  });
}

// The admission's reading of the labels: an unknown level is restricted
// (privileged for audit, which fails open), an unknown version latest.
function namespaceLabels(name: string, labels: { [key: string]: unknown }): NamespaceLabels {
  const modes: Record<string, string> = {};
  const errors: string[] = [];
  for (const mode of POD_SECURITY_MODES) {
    const level = labels[`${POD_SECURITY_LABEL_PREFIX}${mode}`];
    if (level !== undefined) {
      const known = POD_SECURITY_LEVELS.includes(level as PodSecurityLevel);
      modes[mode] = known ? String(level) : mode === 'audit' ? 'privileged' : 'restricted';
      if (!known) {
        errors.push(`Namespace "${name}" has label ${POD_SECURITY_LABEL_PREFIX}${mode}: ${JSON.stringify(level)}, not a level; the admission reads it as "${modes[mode]}"`);
      }
    }
    const version = labels[`${POD_SECURITY_LABEL_PREFIX}${mode}-version`];
    if (version !== undefined) {
      const known = typeof version === 'string' && podSecurityMinor(version) !== undefined;
      modes[`${mode}-version`] = known ? version : 'latest';
      if (!known) {
        errors.push(`Namespace "${name}" has label ${POD_SECURITY_LABEL_PREFIX}${mode}-version: ${JSON.stringify(version)}, not "latest" or "v1.x"; the admission reads it as "latest"`);
      }
    }
  }
  return { modes: modes as PodSecurityModes, errors };
}

interface Resolved {
  readonly modes: { [mode in PodSecurityMode]?: PodSecurityModeInForce };
  readonly exempt?: string;
  readonly labelErrors: readonly string[];
}

// The modes in force for a Pod of `construct`, mode by mode and version by
// version from the nearest source that sets it, as the admission falls
// back from a namespace's labels to its configured defaults.
function resolve(construct: IConstruct, pod: CarriedPod): Resolved {
  const config: PodSecurityConfig = projectRulesOf(construct).podSecurity ?? {};
  const sources: { modes: PodSecurityModes; from: string }[] = [];
  let exempt: string | undefined;
  for (let scope: IConstruct | undefined = construct; scope !== undefined; scope = scope.node.scope) {
    const setting = settings.get(scope);
    if (setting !== undefined) {
      exempt ??= setting.exempt === undefined ? undefined : `PodSecurity.of(${scope.node.path || 'app'}).exempt: ${setting.exempt}`;
      sources.push({ modes: setting.modes, from: `PodSecurity.of(${scope.node.path || 'app'})` });
    }
  }
  let labelErrors: readonly string[] = [];
  if (pod.namespace !== undefined) {
    const labels = namespacesOfApp(construct).get(pod.namespace);
    if (labels !== undefined) {
      sources.push({ modes: labels.modes, from: `Namespace "${pod.namespace}"` });
      labelErrors = labels.errors;
    }
    const configured = config.namespaces?.[pod.namespace];
    if (configured !== undefined) {
      sources.push({ modes: configured, from: `podSecurity.namespaces["${pod.namespace}"] of the configuration` });
    }
    const reason = config.exemptions?.namespaces?.[pod.namespace];
    exempt ??= reason === undefined ? undefined : `namespace "${pod.namespace}" is exempt: ${reason}`;
  }
  sources.push({ modes: config, from: 'podSecurity of the configuration' });
  const runtimeClass = fieldOf(pod.spec, 'runtimeClassName');
  const runtimeReason = typeof runtimeClass === 'string' ? config.exemptions?.runtimeClasses?.[runtimeClass] : undefined;
  exempt ??= runtimeReason === undefined ? undefined : `runtime class "${runtimeClass}" is exempt: ${runtimeReason}`;
  const modes: { [mode in PodSecurityMode]?: PodSecurityModeInForce } = {};
  for (const mode of POD_SECURITY_MODES) {
    const source = sources.find((s) => s.modes[mode] !== undefined);
    if (source !== undefined) {
      const version = sources.find((s) => s.modes[`${mode}-version`] !== undefined)?.modes[`${mode}-version`] ?? 'latest';
      modes[mode] = { level: source.modes[mode]!, version, from: source.from };
    }
  }
  return { modes, exempt, labelErrors };
}

const SEVERITY: Readonly<Record<PodSecurityMode, Severity>> = { enforce: 'error', warn: 'warning', audit: 'warning' };

// What each mode means for the Pod, in the message.
function consequence(mode: PodSecurityMode, kind: string): string {
  if (mode === 'enforce') {
    return kind === 'Pod' ? 'the API server refuses the Pod' : 'the API server refuses its Pods';
  }
  return mode === 'warn' ? 'kubectl warns' : 'the audit log records it';
}

// The lints that read the fields some checks read, and the checks whose
// problem stands for theirs: one message for one field, naming both ids.
const SAME_FIELD_LINTS: Readonly<Record<string, readonly string[]>> = {
  'pss-host-namespaces': ['host-network', 'host-pid', 'host-ipc'],
  'pss-privileged': ['privileged-container'],
  'pss-host-path-volumes': ['host-path-set'],
  'pss-restricted-volumes': ['host-path-set'],
  'pss-allow-privilege-escalation': ['privilege-escalation-container'],
  'pss-run-as-non-root': ['run-as-non-root'],
  'pss-run-as-user': ['run-as-non-root'],
};

/**
 * The Pod Security problems of one problem source, merged with its own:
 * each violation of a mode in force, at the severity of its mode (the
 * strictest mode when several forbid one field). A lint of the same field
 * is folded into it.
 */
function augment(source: IProblemSource, own: readonly Problem[]): readonly Problem[] {
  if (nothingInForce(source)) {
    return own;
  }
  const added: Problem[] = [];
  for (const child of source.node.children) {
    const pod = carriedPod(child);
    if (pod !== undefined) {
      added.push(...withTemplateRules(source, pod.at, problemsOfPod(source.node.path, source, pod)));
    }
  }
  if (added.length === 0) {
    return own;
  }
  const folded = new Set<Problem>();
  const merged = added.map((problem) => {
    const lints = SAME_FIELD_LINTS[problem.rule];
    const lint = lints === undefined ? undefined : own.find((p) => !folded.has(p) && lints.includes(p.rule) && sameSubject(p.field, problem.field));
    if (lint === undefined) {
      return problem;
    }
    folded.add(lint);
    return {
      ...problem,
      severity: lint.severity === 'error' ? 'error' : problem.severity,
      message: `${problem.message}; the lint ${lint.rule} reports the same field`,
    } satisfies Problem;
  });
  return [...own.filter((p) => !folded.has(p)), ...merged];
}

/** What a Pod or workload says of its containers' own rule settings (the `rules` prop of a Container). */
interface ContainersWithRules {
  readonly template?: {
    readonly podContainers?: readonly { readonly rules?: RuleSettings }[];
    readonly podInitContainers?: readonly { readonly rules?: RuleSettings }[];
  };
}

// A container's own setting of a rule wins over its Pod's, as for every other rule.
function withTemplateRules(source: IConstruct, at: string, problems: Problem[]): Problem[] {
  const template = (source as ContainersWithRules).template;
  const settings = problems.length === 0 ? undefined : containerRuleSettings(at, template?.podContainers ?? [], template?.podInitContainers ?? []);
  return settings === undefined ? problems : withContainerRules(problems, settings);
}

// Two fields about one thing: the same field, or for run-as-non-root, the
// security context of one container (the lint reports runAsUser where the
// check reports runAsNonRoot).
function sameSubject(lint: string, check: string): boolean {
  if (lint === check) {
    return true;
  }
  const context = (field: string) => field.replace(/\.(runAsNonRoot|runAsUser)$/, '');
  return /\.(runAsNonRoot|runAsUser)$/.test(lint) && context(lint) === context(check);
}

function problemsOfPod(path: string, construct: IConstruct, pod: CarriedPod): Problem[] {
  const resolved = resolve(construct, pod);
  const labelRule: PodSecurityLabelRule = 'pod-security-label';
  const problems: Problem[] = resolved.labelErrors.map((message) => ({
    rule: labelRule,
    severity: 'error',
    construct: path,
    field: 'metadata.namespace',
    message,
    fix: 'correct the label on the Namespace',
  }));
  if (resolved.exempt !== undefined) {
    return problems;
  }
  // The strictest mode first, so that a field two modes forbid is reported once, as the stricter.
  const byField = new Map<string, Problem>();
  for (const mode of POD_SECURITY_MODES) {
    const inForce = resolved.modes[mode];
    if (inForce === undefined || inForce.level === 'privileged') {
      continue;
    }
    const minor = podSecurityMinor(inForce.version) ?? LATEST_POD_SECURITY_MINOR;
    for (const violation of podSecurityViolations(pod, inForce.level, minor)) {
      const key = `${violation.rule} ${violation.field}`;
      if (byField.has(key)) {
        continue;
      }
      byField.set(key, {
        rule: violation.rule,
        severity: SEVERITY[mode],
        construct: path,
        field: violation.field,
        message: `violates PodSecurity "${inForce.level}:${inForce.version}" (${mode}: ${consequence(mode, pod.kind)}): ${violation.reason} (${violation.detail})`,
        fix: violation.fix,
      });
    }
  }
  problems.push(...byField.values());
  return problems;
}

_addProblemAugmenter(augment);

// Manifests that carry a Pod but belong to no problem source (a
// cdk8s-plus Deployment, a plain ApiObject) are checked over the whole app.
_addModuleCheck({
  check: (root) => {
    if (nothingInForce(root)) {
      return [];
    }
    const problems: Problem[] = [];
    for (const construct of _allConstructs(root)) {
      // The ApiObjects of a problem source are checked with its problems (augment()).
      const parent = construct.node.scope;
      const pod = parent !== undefined && isProblemSource(parent) ? undefined : carriedPod(construct);
      if (pod !== undefined) {
        const owner = _declaringConstruct(construct);
        problems.push(...problemsOfPod(owner.node.path, owner, pod));
      }
    }
    return problems;
  },
});

/**
 * The Pod Security standing of every Pod and Pod template at or under
 * `scope` (an App, a Chart, a Pod), in tree order: its level, the modes in force, and what to
 * change for the next level up. Covers every manifest that carries a Pod
 * spec, whatever construct made it.
 */
export function podSecurityOf(scope: IConstruct): PodSecurityStatus[] {
  const statuses: PodSecurityStatus[] = [];
  for (const construct of scope.node.findAll()) {
    const pod = carriedPod(construct);
    if (pod === undefined) {
      continue;
    }
    const owner = _declaringConstruct(construct);
    const resolved = resolve(owner, pod);
    const level = podSecurityLevelOf(pod);
    const nextLevel = POD_SECURITY_LEVELS[POD_SECURITY_LEVELS.indexOf(level) + 1];
    const enforce = resolved.modes.enforce;
    const refused =
      resolved.exempt === undefined &&
      enforce !== undefined &&
      podSecurityViolations(pod, enforce.level, podSecurityMinor(enforce.version) ?? LATEST_POD_SECURITY_MINOR).length > 0;
    statuses.push({
      construct: owner.node.path,
      kind: pod.kind,
      name: pod.name,
      namespace: pod.namespace,
      at: pod.at,
      level,
      modes: resolved.modes,
      exempt: resolved.exempt,
      next: nextLevel === undefined ? undefined : { level: nextLevel, changes: podSecurityViolations(pod, nextLevel) },
      refused,
    });
  }
  return statuses;
}

/** The Pod Security part of `npm run plan`: each Pod's level, what is in force, and what to change for the next level. */
export function renderPodSecurity(statuses: readonly PodSecurityStatus[]): string {
  const lines = ['Pod Security (standard as of Kubernetes 1.27):'];
  for (const status of statuses) {
    const modes = POD_SECURITY_MODES.filter((mode) => status.modes[mode] !== undefined).map((mode) => {
      const inForce = status.modes[mode]!;
      const meets = atLeast(status.level, inForce.level) ? 'met' : 'NOT MET';
      return `${mode} ${inForce.level}:${inForce.version} ${meets}`;
    });
    const inForce = status.exempt !== undefined ? `exempt (${status.exempt})` : modes.length > 0 ? modes.join(', ') : 'nothing enforced';
    lines.push(`  ${status.construct}  (${status.kind} ${status.name})  level ${status.level}; ${inForce}`);
    if (status.next !== undefined) {
      lines.push(`    to reach ${status.next.level}:`);
      for (const change of status.next.changes) {
        lines.push(`      ${change.field}: ${change.reason} (${change.detail}). Fix: ${change.fix} (${change.rule})`);
      }
    }
  }
  return lines.join('\n');
}
