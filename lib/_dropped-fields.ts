/**
 * Finds the fields of what Peapod declared that did not reach the
 * manifest. The cdk8s L1 classes copy only the fields they know, so a
 * misspelt field given through an escape hatch (`extraSpec`, `extraFields`)
 * or a value typed `any` would otherwise vanish without a word.
 *
 * `declared` is the object handed to the L1 class (its keys are the L1
 * property names, such as `hostIp`), `rendered` the manifest JSON (where
 * the same field is `hostIP`): keys are matched without regard to case,
 * which is the only way the two spellings differ in a Pod spec. Values that
 * are not plain objects (IntOrString, Quantity) are the L1's own and are
 * not looked into. Returns the manifest paths of the dropped fields.
 */
export function droppedFields(declared: unknown, rendered: unknown, at: string): string[] {
  if (Array.isArray(declared)) {
    return Array.isArray(rendered) ? declared.flatMap((item, i) => droppedFields(item, rendered[i], `${at}[${i}]`)) : [];
  }
  if (!isPlainObject(declared) || !isPlainObject(rendered)) {
    return [];
  }
  const renderedKeys = new Map(Object.keys(rendered).map((key) => [key.toLowerCase(), key]));
  return Object.entries(declared).flatMap(([key, value]) => {
    if (value === undefined || isEmpty(value)) {
      return []; // nothing is lost, whether or not the L1 kept it
    }
    const match = renderedKeys.get(key.toLowerCase());
    return match === undefined ? [`${at}.${key}`] : droppedFields(value, rendered[match], `${at}.${match}`);
  });
}

function isEmpty(value: unknown): boolean {
  return Array.isArray(value) ? value.length === 0 : isPlainObject(value) && Object.keys(value).length === 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
