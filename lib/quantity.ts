/**
 * Kubernetes resource quantities, typed so that a unit Kubernetes does not
 * know (`'512MB'`, `'2cores'`) is a compile error.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */

/** Binary (power-of-two) suffixes: `Ki`, `Mi`, `Gi`, … */
export type BinarySuffix = 'Ki' | 'Mi' | 'Gi' | 'Ti' | 'Pi' | 'Ei';

/** Decimal (power-of-ten) suffixes, from nano (`n`) to exa (`E`). */
export type DecimalSuffix = 'n' | 'u' | 'm' | 'k' | 'M' | 'G' | 'T' | 'P' | 'E';

/** Any quantity: a number, or a number followed by a Kubernetes suffix. */
export type Quantity = number | `${number}` | `${number}${BinarySuffix | DecimalSuffix}`;

/** CPU: cores as a number (`0.5`, `2`) or millicores (`'500m'`). */
export type CpuQuantity = number | `${number}` | `${number}m`;

/** Memory and storage: bytes as a number, or with a suffix (`'512Mi'`, `'1G'`). */
export type MemoryQuantity = number | `${number}` | `${number}${BinarySuffix | 'k' | 'M' | 'G' | 'T' | 'P' | 'E'}`;

const SUFFIX_FACTORS: Readonly<Record<string, number>> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

// The API server's grammar: sign, digits with an optional fraction, then a
// binary suffix, a decimal suffix or a decimal exponent.
const QUANTITY_PATTERN = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$/;

/**
 * Parses a quantity into its plain numeric value (cores for CPU, bytes for
 * memory), or returns `undefined` when the text is not a Kubernetes quantity.
 * The run-time twin of the {@link Quantity} types, for values that are not
 * literals.
 */
export function parseQuantity(quantity: Quantity | string): number | undefined {
  if (typeof quantity === 'number') {
    return Number.isFinite(quantity) ? quantity : undefined;
  }
  const match = QUANTITY_PATTERN.exec(quantity);
  if (!match) {
    return undefined;
  }
  const [, digits, suffix = ''] = match;
  const factor = suffix.startsWith('e') || suffix.startsWith('E') ? 10 ** Number(suffix.slice(1)) : SUFFIX_FACTORS[suffix];
  return Number(digits) * factor;
}
