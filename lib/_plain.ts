/**
 * A deep copy of data a user handed over to be emitted as given (security
 * contexts, tolerations, escape-hatch fields), made of ordinary objects and
 * arrays. cdk8s looks at `constructor.name` of every object it resolves,
 * so an object without a prototype (`Object.create(null)`, some parsers and
 * generators make them) crashed synth with a TypeError. Instances of classes
 * (IntOrString, Quantity, Lazy values) are kept as they are.
 */
export function plainData<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(plainData) as T;
  }
  if (typeof value === 'object' && value !== null && (Object.getPrototypeOf(value) === null || Object.getPrototypeOf(value) === Object.prototype)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainData(item)])) as T;
  }
  return value;
}

/** `value` without its undefined fields, so that they cannot override the escape hatch's. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key in value) {
    if (value[key] !== undefined) {
      out[key] = value[key];
    }
  }
  return out;
}
