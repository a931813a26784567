import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';

/**
 * Where a variable's value comes from when it is not a literal. Built by
 * the static factories of {@link EnvValue}.
 */
export interface IEnvValueSource {
  /** @internal */
  _toKube(): k8s.EnvVarSource;
}

/** A variable with a literal value; `$(NAME)` refers to a variable defined earlier. */
export interface LiteralEnvVar {
  /** Name of the variable. */
  readonly name: string;
  /**
   * The value. `$(NAME)` expands to a variable defined earlier in the same
   * container; `$$(NAME)` is the escaped, literal text `$(NAME)`.
   * @see https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/
   */
  readonly value: string;
}

/** A variable whose value is taken from elsewhere at run time. */
export interface SourcedEnvVar {
  /** Name of the variable. */
  readonly name: string;
  /** The source of the value. */
  readonly valueFrom: IEnvValueSource;
}

/** One entry of a container's `env`. */
export type EnvVar = LiteralEnvVar | SourcedEnvVar;

// Kubernetes reads `$$` as an escaped `$`; replacing it with a character
// that is not `$` keeps `$$(X)` from being taken for a reference.
type Unescape<S extends string> = S extends `${infer Head}$$${infer Tail}` ? `${Head}#${Unescape<Tail>}` : S;
type ReferencesIn<S extends string> = S extends `${string}$(${infer Name})${infer Rest}` ? Name | ReferencesIn<Rest> : never;

/** The variable names that a value refers to with `$(NAME)`. */
export type EnvReferences<S extends string> = ReferencesIn<Unescape<S>>;

/** The compile-time error for a `$(NAME)` that names no earlier variable. */
export type UndefinedEnvReference<Var extends string, Ref extends string> =
  `$(${Ref}) in ${Var} refers to no variable defined before ${Var} in this container's env`;

type CheckEntry<Entry, Defined extends string> = Entry extends { readonly name: infer Name extends string; readonly value: infer Value extends string }
  ? [Exclude<EnvReferences<Value>, Defined>] extends [never]
    ? Entry
    : Entry & { readonly [Message in UndefinedEnvReference<Name, Exclude<EnvReferences<Value>, Defined>>]: 'define it earlier in the list' }
  : Entry;

type NameOf<Entry> = Entry extends { readonly name: infer Name extends string } ? Name : never;

/**
 * Checks an env list written as literals: each `$(NAME)` must name a
 * variable defined earlier in the list. An entry with a bad reference gains
 * a required property named after the error, so the compiler's message
 * reads "Property '$(X) in Y refers to no variable defined before Y …' is missing".
 */
export type CheckedEnv<E extends readonly EnvVar[], Defined extends string = never> = E extends readonly [infer Head, ...infer Tail extends readonly EnvVar[]]
  ? readonly [CheckEntry<Head, Defined>, ...CheckedEnv<Tail, Defined | NameOf<Head>>]
  : E;

/**
 * The run-time twin of {@link EnvReferences}: the names a value refers to,
 * in order, for values that are not literals.
 */
export function envReferences(value: string): string[] {
  const names: string[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '$') {
      continue;
    }
    const next = value[i + 1];
    if (next === '$') {
      i++;
    } else if (next === '(') {
      const close = value.indexOf(')', i + 2);
      if (close < 0) {
        break;
      }
      names.push(value.slice(i + 2, close));
      i = close;
    }
  }
  return names;
}
