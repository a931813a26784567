import type * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import type { Manifest } from './_manifest';
import { envVarNameError } from './validation/names';
import type { Protocol } from './port';

/**
 * Where a variable's value comes from when it is not a literal. Built by
 * the static factories of {@link EnvValue}.
 */
export interface IEnvValueSource {
  /** @internal */
  _toKube(): Manifest<k8s.EnvVarSource>;
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
  /** A literal variable has no source: `value` and `valueFrom` exclude each other. */
  readonly valueFrom?: never;
}

/** A variable whose value is taken from elsewhere at run time. */
export interface SourcedEnvVar {
  /** Name of the variable. */
  readonly name: string;
  /** The source of the value. */
  readonly valueFrom: IEnvValueSource;
  /** A sourced variable has no literal value: the API server refuses both together. */
  readonly value?: never;
}

/** One entry of a container's `env`. */
export type EnvVar = LiteralEnvVar | SourcedEnvVar;

// Kubernetes reads `$$` as an escaped `$`; replacing it with a character
// that is not `$` keeps `$$(X)` from being taken for a reference.
type Unescape<S extends string> = S extends `${infer Head}$$${infer Tail}` ? `${Head}#${Unescape<Tail>}` : S;
// As the kubelet's expansion reads `$(`: up to the first `)` after it; an unclosed one is text.
type ReferencesIn<S extends string> = S extends `${string}$(${infer Name})${infer Rest}` ? (IsEnvName<Name> extends true ? Name : never) | ReferencesIn<Rest> : never;

type Letter = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z';
type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
type UpperLetter = Uppercase<Letter>;
type EnvNameStart = Letter | UpperLetter | '-' | '.' | '_';
// Whether every character of S is one of C (tail-recursive, so long names are fine).
type AllOf<S extends string, C extends string> = S extends `${infer Head}${infer Tail}` ? (Head extends C ? AllOf<Tail, C> : false) : true;
/** Whether S is a name the API server accepts for a variable: a `$(…)` holding anything else is never a reference. */
type IsEnvName<S extends string> = S extends `${infer Head}${infer Tail}` ? (Head extends EnvNameStart ? AllOf<Tail, EnvNameStart | Digit> : false) : false;

type ServiceLinkProtocol = Protocol;
type NonEmpty<S extends string> = S extends '' ? false : true;
// Each test splits at the first occurrence of its marker, as isServiceLinkVariable() does.
type ServiceLinkShape<S extends string> = S extends `${infer Service}_SERVICE_PORT_${infer Port}`
  ? NonEmpty<Service> extends true ? NonEmpty<Port> : false
  : S extends `${infer Service}_SERVICE_HOST`
    ? NonEmpty<Service>
    : S extends `${infer Service}_SERVICE_PORT`
      ? NonEmpty<Service>
      : S extends `${infer Service}_PORT`
        ? NonEmpty<Service>
        : S extends `${infer Service}_PORT_${infer Port}_${infer Rest}`
          ? NonEmpty<Service> extends true
            ? NonEmpty<Port> extends true
              ? AllOf<Port, Digit> extends true
                ? Rest extends ServiceLinkProtocol | `${ServiceLinkProtocol}_${'PROTO' | 'PORT' | 'ADDR'}` ? true : false
                : false
              : false
            : false
          : false;

/**
 * Whether S is a variable the kubelet defines for every Service of the
 * namespace (`MYAPP_SERVICE_HOST`, `MYAPP_PORT_80_TCP`, …), which a value
 * may use without defining it. The twin of {@link isServiceLinkVariable}.
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#environment-variables
 */
export type IsServiceLinkVariable<S extends string> = AllOf<S, UpperLetter | Digit | '_'> extends true ? ServiceLinkShape<S> : false;

/** The variable names that a value refers to with `$(NAME)`. */
export type EnvReferences<S extends string> = ReferencesIn<Unescape<S>>;

/** The compile-time error for a `$(NAME)` that names no earlier variable. */
export type UndefinedEnvReference<Var extends string, Ref extends string> =
  `$(${Ref}) in ${Var} refers to no variable defined before ${Var} in this container's env`;

// The references of a literal entry that no earlier entry defines (and the kubelet does not either).
type Undefined<Entry, Defined extends string> = Entry extends { readonly name: infer Name extends string; readonly value: infer Value extends string }
  ? Exclude<EnvReferences<Value>, Defined> extends infer Ref extends string
    ? Ref extends unknown
      ? IsServiceLinkVariable<Ref> extends true
        ? never
        : UndefinedEnvReference<Name, Ref>
      : never
    : never
  : never;

type NameOf<Entry> = Entry extends { readonly name: infer Name extends string } ? Name : never;

// Walks the list once, carrying the names defined so far, and builds the
// list again with each entry that refers to an undefined variable replaced
// by the error text; `never` when no entry does. Tail-recursive, so the
// compiler handles lists of hundreds of entries.
type Marked<E extends readonly unknown[], Defined extends string, Done extends readonly unknown[], Failed extends boolean> = E extends readonly [
  infer Head,
  ...infer Tail,
]
  ? [Undefined<Head, Defined>] extends [never]
    ? Marked<Tail, Defined | NameOf<Head>, [...Done, Head], Failed>
    : Marked<Tail, Defined | NameOf<Head>, [...Done, Undefined<Head, Defined>], true>
  : Failed extends true
    ? readonly [...Done]
    : never;

/**
 * Checks an env list written as literals: each `$(NAME)` must name a
 * variable defined earlier in the list (or a Service-link variable of the
 * kubelet). It is the list itself when every reference resolves; otherwise
 * the list with each bad entry replaced by the error text, so the compiler
 * says, at that entry, "Type '{ name: string; value: string; }' is not
 * assignable to type '"$(X) in Y refers to no variable defined before Y in
 * this container's env"'". A list that is not a literal is not checked here.
 * `Defined` names variables defined before the list.
 */
export type CheckedEnv<E extends readonly EnvVar[], Defined extends string = never> = [Marked<E, Defined, [], false>] extends [never]
  ? E
  : Marked<E, Defined, [], false>;

/**
 * The run-time twin of {@link EnvReferences}: the names a value refers to,
 * in order, for values that are not literals. It reads the text as the
 * kubelet's expansion does: `$$` is an escaped `$`, a `$(` runs to the
 * first `)` after it, and an unclosed `$(` is text; a `$(…)` whose content
 * is not a valid variable name (`$(date +%s)`) can name no variable and is
 * not a reference.
 * @see https://github.com/kubernetes/kubernetes/blob/master/third_party/forked/golang/expansion/expand.go
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
      const name = value.slice(i + 2, close);
      if (envVarNameError(name) === undefined) {
        names.push(name);
      }
      i = close;
    }
  }
  return names;
}

const SERVICE_LINK_NAME = /^[A-Z0-9_]+$/;
const SERVICE_LINK_PORT_REST = /^[0-9]+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?$/;

/**
 * Whether `name` is a variable the kubelet defines for the Services of the
 * namespace (`MYAPP_SERVICE_HOST`, `MYAPP_SERVICE_PORT_HTTP`, `MYAPP_PORT`,
 * `MYAPP_PORT_80_TCP_ADDR`, …), so that `$(NAME)` resolves without an env
 * entry. The run-time twin of {@link IsServiceLinkVariable}, test for test.
 */
export function isServiceLinkVariable(name: string): boolean {
  if (!SERVICE_LINK_NAME.test(name)) {
    return false;
  }
  const servicePort = name.indexOf('_SERVICE_PORT_');
  if (servicePort >= 0) {
    return servicePort > 0 && name.length > servicePort + '_SERVICE_PORT_'.length;
  }
  for (const suffix of ['_SERVICE_HOST', '_SERVICE_PORT', '_PORT']) {
    if (name.endsWith(suffix)) {
      return name.length > suffix.length;
    }
  }
  const port = name.indexOf('_PORT_');
  return port > 0 && SERVICE_LINK_PORT_REST.test(name.slice(port + '_PORT_'.length));
}
