import { fixNaming } from './rules';

/** The fix of one case of a rule: the words, or the words built from the problem's specifics. */
type CaseFix = string | ((...specifics: string[]) => string);
type Specifics<F> = F extends (...specifics: infer A) => string ? A : [];
type Placeholders<C> = { readonly [K in keyof C as C[K] extends string ? never : K]: Specifics<C[K]> };
type FixFor<C> = <K extends keyof C & string>(key: K, ...specifics: Specifics<C[K]>) => string;

/**
 * A rule's fix when its cases need different words (clusterIPs out of
 * order, an address of the wrong family), each written once: a problem
 * prints the fix of its case, `RULE.fixFor('order')` or, for a case built
 * from specifics, `RULE.fixFor('inside', cidr)`; the reference gives every
 * case's fix, with `placeholders` in place of the specifics.
 */
export function fixByCase<const C extends { readonly [key: string]: CaseFix }>(
  cases: C,
  placeholders: Placeholders<C>,
): { readonly fix: string; readonly fixFor: FixFor<C> } {
  const fixFor = (key: string, ...specifics: string[]): string => {
    const fix = cases[key];
    return typeof fix === 'string' ? fix : fix(...specifics);
  };
  const filled = Object.keys(cases).map((key) => fixFor(key, ...((placeholders as { readonly [key: string]: readonly string[] })[key] ?? [])));
  return { ...fixNaming((first: string) => first, [filled[0]], filled.slice(1)), fixFor: fixFor as FixFor<C> };
}
