import { fieldOf } from './_json';

// Lists up to this long are scanned; longer ones get a map.
const SCAN_LIMIT = 32;

/**
 * Where a value of one field first appears in a list of manifest objects
 * (the names of a container's ports, the paths of its mounts), for the
 * duplicate and reference checks.
 *
 * Validation runs for every Pod at every synth, and most lists hold a few
 * items: scanning those few costs less than allocating a Map or Set for
 * each list of each Pod. A list longer than {@link SCAN_LIMIT} is indexed
 * once by a map, so the checks stay linear in the size of the spec.
 */
export class FirstIndex {
  private index?: Map<unknown, number>;

  /**
   * @param items the list, as rendered
   * @param field the field compared, such as `name`
   * @param stringsOnly only string values count (other values are reported by other rules)
   */
  public constructor(
    private readonly items: readonly unknown[],
    private readonly field: string,
    private readonly stringsOnly: boolean,
  ) {}

  /** The index of the first item before `end` whose field holds `value`, or -1. */
  public firstBefore(value: unknown, end: number): number {
    if (!this.counts(value)) {
      return -1;
    }
    if (this.items.length <= SCAN_LIMIT) {
      for (let i = 0; i < end; i++) {
        const other = fieldOf(this.items[i], this.field);
        if (other === value || (other !== other && value !== value)) {
          return i;
        }
      }
      return -1;
    }
    const first = this.indexed().get(value);
    return first !== undefined && first < end ? first : -1;
  }

  /** Whether any item's field holds `value`. */
  public has(value: unknown): boolean {
    return this.firstBefore(value, this.items.length) >= 0;
  }

  /** The values that count, each once, in the order they first appear. */
  public values(): unknown[] {
    return [...this.indexed().keys()];
  }

  private counts(value: unknown): boolean {
    return this.stringsOnly ? typeof value === 'string' : value !== undefined;
  }

  private indexed(): Map<unknown, number> {
    if (this.index === undefined) {
      this.index = new Map();
      for (let i = 0; i < this.items.length; i++) {
        const value = fieldOf(this.items[i], this.field);
        if (this.counts(value) && !this.index.has(value)) {
          this.index.set(value, i);
        }
      }
    }
    return this.index;
  }
}
