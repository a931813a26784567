import * as fs from 'fs';
import { PodSecurityConfig, podSecurityConfigErrors } from './pod-security-config';
import { ByRuleId, PortRange, ProjectRules, ruleLevelError, RuleLevel } from './rules';

/** The name of the project configuration file, looked up in the working directory. */
export const CONFIG_FILE_NAME = 'peapod.config.json';

/** A rule's level in the configuration: the level alone, or with the reason. */
export type ConfiguredLevel = RuleLevel | { readonly level: RuleLevel; readonly reason?: string };

/**
 * The project configuration, the content of `peapod.config.json`. JSON has
 * no comments, so a `$comment` key may hold a note.
 *
 * ```json
 * {
 *   "strict": true,
 *   "rules": {
 *     "latest-tag": "error",
 *     "no-liveness-probe": { "level": "off", "reason": "batch Pods only; they exit when done" }
 *   }
 * }
 * ```
 */
export interface PeapodConfig {
  /**
   * Warnings fail synth, as errors do.
   * @default false
   */
  readonly strict?: boolean;
  /**
   * Levels of rules by id: `error`, `warning` or `off`. Rules that mirror
   * the Kubernetes API server are always errors.
   * @default - every rule at the severity docs/rules.md gives it
   */
  readonly rules?: ByRuleId<ConfiguredLevel>;
  /**
   * The ports a Service's `nodePort` may take on the cluster, as its API
   * server's `--service-node-port-range` flag gives them: `"30000-32767"`,
   * or one port. A nodePort outside it is refused when the Service is applied.
   * @default "30000-32767", Kubernetes' default
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport
   */
  readonly serviceNodePortRange?: string;
  /**
   * Pod Security levels: `enforce` fails synth for Pods below it, `warn`
   * and `audit` warn; also per namespace, with exemptions.
   * @default - no level: each Pod's level is shown by `npm run plan`, nothing is enforced
   */
  readonly podSecurity?: PodSecurityConfig;
}

// The keys a configuration file may hold, besides `$comment`.
const CONFIG_KEYS = ['strict', 'rules', 'serviceNodePortRange', 'podSecurity'] as const;

/**
 * Reads a configuration file, or returns `undefined` when there is none.
 * Throws when the file is not JSON or not a {@link PeapodConfig}.
 */
export function readConfigFile(file: string): PeapodConfig | undefined {
  if (!fs.existsSync(file)) {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message}); fix the syntax`, { cause: error });
  }
  const wrong = configShapeErrors(parsed);
  if (wrong.length > 0) {
    throw new Error(`${file}: ${wrong.join('; ')}`);
  }
  return parsed as PeapodConfig;
}

// The shape only; rule ids are checked by projectRules, once every module
// has declared its rules.
function configShapeErrors(config: unknown): string[] {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    return ['must hold a JSON object such as { "strict": false, "rules": {} }'];
  }
  const errors: string[] = [];
  for (const key of Object.keys(config)) {
    if (key !== '$comment' && !(CONFIG_KEYS as readonly string[]).includes(key)) {
      const names = CONFIG_KEYS.map((name) => `"${name}"`);
      errors.push(`unknown key "${key}"; the keys are ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);
    }
  }
  const { strict, rules, serviceNodePortRange, podSecurity } = config as { strict?: unknown; rules?: unknown; serviceNodePortRange?: unknown; podSecurity?: unknown };
  if (strict !== undefined && typeof strict !== 'boolean') {
    errors.push(`"strict" is ${JSON.stringify(strict)}; it must be true or false`);
  }
  if (rules !== undefined && (typeof rules !== 'object' || rules === null || Array.isArray(rules))) {
    errors.push(`"rules" must be an object from rule id to "error", "warning" or "off"`);
  }
  if (serviceNodePortRange !== undefined && parsePortRange(serviceNodePortRange) === undefined) {
    errors.push(
      `"serviceNodePortRange" is ${JSON.stringify(serviceNodePortRange)}; write it as the API server's --service-node-port-range takes it, such as "30000-32767", with ports from 1 to 65535`,
    );
  }
  if (podSecurity !== undefined) {
    errors.push(...podSecurityConfigErrors(podSecurity));
  }
  return errors;
}

/**
 * The project rules a configuration gives, and what is wrong with it: an
 * unknown rule id, a level that is not `error`, `warning` or `off`, or a
 * level below error for a rule the API server enforces.
 */
export function projectRules(config: PeapodConfig, strictOverride?: boolean): { rules: ProjectRules; errors: string[] } {
  const levels: { [rule: string]: RuleLevel } = {};
  const errors: string[] = [];
  for (const [rule, configured] of Object.entries(config.rules ?? {})) {
    const level = typeof configured === 'object' && configured !== null ? configured.level : configured;
    const wrong = ruleLevelError(rule, level);
    if (wrong !== undefined) {
      errors.push(`rules["${rule}"]: ${wrong}`);
    } else {
      levels[rule] = level;
    }
  }
  const range = config.serviceNodePortRange === undefined ? undefined : parsePortRange(config.serviceNodePortRange);
  if (config.serviceNodePortRange !== undefined && range === undefined) {
    errors.push(`serviceNodePortRange: ${JSON.stringify(config.serviceNodePortRange)} is not a port range such as "30000-32767"`);
  }
  const { podSecurity } = config;
  const podSecurityErrors = podSecurity === undefined ? [] : podSecurityConfigErrors(podSecurity);
  errors.push(...podSecurityErrors);
  const rules: ProjectRules = {
    rules: levels,
    strict: strictOverride ?? config.strict ?? false,
    ...(range ? { serviceNodePortRange: range } : {}),
    ...(podSecurity !== undefined && podSecurityErrors.length === 0 ? { podSecurity } : {}),
  };
  return { rules, errors };
}

/** A port range as `--service-node-port-range` takes it (`"30000-32767"`, or one port), or `undefined` when it is not one. */
export function parsePortRange(value: unknown): PortRange | undefined {
  const match = typeof value === 'string' ? /^\s*([0-9]{1,5})\s*(?:-\s*([0-9]{1,5})\s*)?$/.exec(value) : null;
  if (!match) {
    return undefined;
  }
  const min = Number(match[1]);
  const max = Number(match[2] ?? match[1]);
  return min >= 1 && min <= max && max <= 65535 ? { min, max } : undefined;
}
