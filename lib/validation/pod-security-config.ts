import { isPlainObject } from '../_plain';
import { POD_SECURITY_LEVELS, POD_SECURITY_MODES, PodSecurityLevel, podSecurityMinor, PodSecurityMode, PodSecurityVersion } from './pod-security';

/**
 * The levels of the PodSecurity admission's modes, as a namespace's
 * `pod-security.kubernetes.io/<mode>` and `<mode>-version` labels give
 * them, and as the admission's configuration gives its defaults.
 */
export interface PodSecurityModes {
  /**
   * Pods below this level are refused: synth fails.
   * @default - inherited (a construct's from further up, a namespace's from the project); nothing is enforced at the top
   */
  readonly enforce?: PodSecurityLevel;
  /**
   * The version of the standard `enforce` checks.
   * @default 'latest' (the standard as of Kubernetes 1.27)
   */
  readonly 'enforce-version'?: PodSecurityVersion;
  /**
   * Pods below this level make kubectl print a warning: synth warns.
   * @default - inherited, as for `enforce`
   */
  readonly warn?: PodSecurityLevel;
  /**
   * The version of the standard `warn` checks.
   * @default 'latest'
   */
  readonly 'warn-version'?: PodSecurityVersion;
  /**
   * Pods below this level are recorded in the audit log: synth warns.
   * @default - inherited, as for `enforce`
   */
  readonly audit?: PodSecurityLevel;
  /**
   * The version of the standard `audit` checks.
   * @default 'latest'
   */
  readonly 'audit-version'?: PodSecurityVersion;
}

/**
 * The `podSecurity` part of `peapod.config.json`: the levels of the
 * project, levels per namespace, and exemptions as the admission
 * configures them, each with its reason.
 *
 * ```json
 * "podSecurity": {
 *   "enforce": "baseline", "warn": "restricted",
 *   "namespaces": { "payments": { "enforce": "restricted" } },
 *   "exemptions": { "namespaces": { "monitoring": "node-exporter reads the node's /proc and /sys" } }
 * }
 * ```
 */
export interface PodSecurityConfig extends PodSecurityModes {
  /**
   * Levels by namespace, over the project's (a namespace of the app with
   * `pod-security.kubernetes.io/*` labels wins over these).
   * @default - every namespace has the project's levels
   */
  readonly namespaces?: { readonly [namespace: string]: PodSecurityModes };
  /**
   * Pods the admission does not check, by namespace or by runtime class
   * name, each with the reason.
   * @default - none
   */
  readonly exemptions?: {
    readonly namespaces?: { readonly [namespace: string]: string };
    readonly runtimeClasses?: { readonly [runtimeClass: string]: string };
  };
}

const MODE_KEYS: readonly string[] = POD_SECURITY_MODES.flatMap((mode) => [mode, `${mode}-version`]);

/** What is wrong with a `podSecurity` configuration, one entry per mistake. */
export function podSecurityConfigErrors(config: unknown, where = 'podSecurity'): string[] {
  const errors = podSecurityModesErrors(config, where, ['namespaces', 'exemptions']);
  if (!isPlainObject(config)) {
    return errors;
  }
  if (config.namespaces !== undefined) {
    if (!isPlainObject(config.namespaces)) {
      errors.push(`"${where}.namespaces" must be an object from namespace to levels`);
    } else {
      for (const [namespace, modes] of Object.entries(config.namespaces)) {
        errors.push(...podSecurityModesErrors(modes, `${where}.namespaces.${namespace}`));
      }
    }
  }
  if (config.exemptions !== undefined) {
    errors.push(...exemptionErrors(config.exemptions, `${where}.exemptions`));
  }
  return errors;
}

/** What is wrong with the levels of one construct or namespace; `otherKeys` are the keys allowed besides the modes. */
export function podSecurityModesErrors(modes: unknown, where: string, otherKeys: readonly string[] = []): string[] {
  if (!isPlainObject(modes)) {
    return [`"${where}" must be an object such as { "enforce": "restricted" }`];
  }
  const errors: string[] = [];
  for (const [key, value] of Object.entries(modes)) {
    if (POD_SECURITY_MODES.includes(key as PodSecurityMode)) {
      if (!POD_SECURITY_LEVELS.includes(value as PodSecurityLevel)) {
        errors.push(`"${where}.${key}" is ${JSON.stringify(value)}; it must be one of ${POD_SECURITY_LEVELS.map((l) => `"${l}"`).join(', ')}`);
      }
    } else if (MODE_KEYS.includes(key)) {
      if (typeof value !== 'string' || podSecurityMinor(value) === undefined) {
        errors.push(`"${where}.${key}" is ${JSON.stringify(value)}; it must be "latest" or a version such as "v1.27"`);
      }
    } else if (!otherKeys.includes(key) && key !== '$comment') {
      errors.push(`"${where}" has an unknown key "${key}"; the keys are ${[...MODE_KEYS, ...otherKeys].map((k) => `"${k}"`).join(', ')}`);
    }
  }
  return errors;
}

function exemptionErrors(exemptions: unknown, where: string): string[] {
  if (!isPlainObject(exemptions)) {
    return [`"${where}" must be an object such as { "namespaces": { "kube-system": "why" } }`];
  }
  const errors: string[] = [];
  for (const [kind, reasons] of Object.entries(exemptions)) {
    if (kind !== 'namespaces' && kind !== 'runtimeClasses') {
      errors.push(`"${where}" has an unknown key "${kind}"; the keys are "namespaces" and "runtimeClasses" (usernames are not known at synth)`);
    } else if (!isPlainObject(reasons)) {
      errors.push(`"${where}.${kind}" must be an object from name to the reason for the exemption`);
    } else {
      for (const [name, reason] of Object.entries(reasons)) {
        if (typeof reason !== 'string' || reason.trim().length === 0) {
          errors.push(`"${where}.${kind}.${name}" needs a reason: say why these Pods need not meet the level`);
        }
      }
    }
  }
  return errors;
}
