/*
 * Texts of problems that many Pods share, written once.
 *
 * An app of 10,000 alike Pods reports the same lint warnings 10,000 times:
 * the same field paths (`spec.containers[0].livenessProbe`) and the same
 * messages (`container "app" has no liveness probe`). Written anew each
 * time, these strings were most of the memory the warnings held and much
 * of the time validation spent. A cache per kind of text hands out one
 * copy; the problems stay plain objects with plain strings.
 */

// Beyond this many texts a cache starts over, so that an app of unlike
// Pods cannot grow it without bound.
const LIMIT = 10_000;

/**
 * Values made from one string by one function, each made once: texts and
 * records of texts of problems, and the answers of name checks (names.ts).
 */
export class MemoByString<T = string> {
  private readonly made = new Map<string, T>();

  public constructor(private readonly make: (value: string) => T) {}

  /** The value for `value`: the one made before, or a new one. */
  public of(value: string): T {
    let text = this.made.get(value);
    if (text === undefined) {
      text = this.make(value);
      if (this.made.size >= LIMIT) {
        this.made.clear();
      }
      this.made.set(value, text);
    }
    return text;
  }
}

// By the spec's path (`spec`, `spec.template.spec`), then list and index.
const containerPaths = new MemoByString((): { readonly containers: string[]; readonly initContainers: string[] } => ({ containers: [], initContainers: [] }));

/**
 * The path of a container, `${at}.${list}[${index}]`
 * (`spec.containers[0]`), the same string for every Pod.
 */
export function containerPath(at: string, list: 'containers' | 'initContainers', index: number): string {
  return (containerPaths.of(at)[list][index] ??= `${at}.${list}[${index}]`);
}
