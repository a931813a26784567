/**
 * The name grammars of the Kubernetes API server, as predicates that say
 * what is wrong with a value (or `undefined` when it is fine). Messages are
 * phrased to follow "name \"x\" …" in a problem report.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */

import { MemoByString } from './_shared-text';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const PORT_NAME_CHARS = /^[-a-z0-9]+$/;

/*
 * The checks of names an app repeats in every Pod (container "app", port
 * "http", env var "PROFILE", label key "app") remember their answers, up to
 * the limit of MemoByString: a lookup costs less than the regular expression,
 * and validation asks for every name of every Pod at every synth. Names that
 * are mostly unique (object names, label values) are checked anew each time.
 */
function remembered(check: (value: string) => string | undefined): (value: string) => string | undefined {
  // null: checked, and fine.
  const answers = new MemoByString((value) => check(value) ?? null);
  return (value) => answers.of(value) ?? undefined;
}

// What is wrong with `value` as text of at most `max` characters in `form`, which `words` describe.
function formError(value: string, max: number, form: RegExp, words: string): string | undefined {
  if (value.length === 0) {
    return 'is empty';
  }
  if (value.length > max) {
    return `is ${value.length} characters long; at most ${max} are allowed`;
  }
  return form.test(value) ? undefined : words;
}

/** A DNS-1123 label: container, volume and port-less object names. */
export const dns1123LabelError = remembered((value: string) =>
  formError(value, 63, DNS1123_LABEL, 'must be lower-case letters, digits and "-", and start and end with a letter or digit'),
);

/** A DNS-1123 subdomain: object names such as a Pod's `metadata.name`. */
export function dns1123SubdomainError(value: string): string | undefined {
  return formError(value, 253, DNS1123_SUBDOMAIN, 'must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit');
}

/**
 * A qualified name, the form of label and annotation keys: an optional
 * DNS-1123 subdomain prefix and `/`, then a name of at most 63 characters.
 */
export const qualifiedNameError = remembered((value: string): string | undefined => {
  const slash = value.indexOf('/');
  const prefix = slash >= 0 ? value.slice(0, slash) : undefined;
  const name = slash >= 0 ? value.slice(slash + 1) : value;
  if (prefix !== undefined) {
    const wrong = dns1123SubdomainError(prefix);
    if (wrong !== undefined) {
      return `has a prefix "${prefix}" that ${wrong}`;
    }
  }
  if (name.length === 0) {
    return 'has an empty name part';
  }
  if (name.length > 63) {
    return `has a name part of ${name.length} characters; at most 63 are allowed`;
  }
  if (!QUALIFIED_NAME_PART.test(name)) {
    return 'has a name part that is not letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  }
  return undefined;
});

/** A label value: empty, or at most 63 characters of the qualified-name alphabet. */
export function labelValueError(value: string): string | undefined {
  if (value.length > 63) {
    return `is ${value.length} characters long; at most 63 are allowed`;
  }
  if (value.length > 0 && !QUALIFIED_NAME_PART.test(value)) {
    return 'must be empty or letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  }
  return undefined;
}

/**
 * An IANA service name, the form of port names: at most 15 characters of
 * `[-a-z0-9]`, at least one letter, no `--`, no `-` at either end.
 */
export const portNameError = remembered((value: string): string | undefined => {
  const wrong = formError(value, 15, PORT_NAME_CHARS, 'may only hold lower-case letters, digits and "-"');
  if (wrong !== undefined) {
    return wrong;
  }
  if (!/[a-z]/.test(value)) {
    return 'must hold at least one letter';
  }
  if (value.includes('--')) {
    return 'must not hold "--"';
  }
  if (value.startsWith('-') || value.endsWith('-')) {
    return 'must not start or end with "-"';
  }
  return undefined;
});

/**
 * An environment variable name in the form every Kubernetes version
 * accepts: letters, digits, `_`, `-` and `.`, not starting with a digit.
 */
export const envVarNameError = remembered((value: string) =>
  formError(value, Infinity, ENV_VAR_NAME, 'must be letters, digits, "_", "-" and ".", and not start with a digit'),
);

/**
 * A path that stays below where it is used: relative, with no `..`
 * segment. Kubernetes requires it of `subPath` and key paths.
 */
export function descendingPathError(value: string): string | undefined {
  if (value.startsWith('/')) {
    return 'is absolute; it must be relative';
  }
  return value.split('/').includes('..') ? 'holds a ".." segment' : undefined;
}
