/** Where an object of the input came from. */
export interface Origin {
  /** The file, or `-` for standard input. */
  readonly file: string;
  /** 1-based index of the YAML document in the file. */
  readonly document: number;
  /** `Kind "name"` of the object, once known. */
  readonly object?: string;
  /** Field path of the object inside its document (`items[2]` in a List), or empty. */
  readonly prefix: string;
}

/** Something in the input that stops the import. */
export interface ImportProblem {
  readonly origin: Origin;
  /** Field path in the object, such as `spec.containers[0].image`; empty for the whole document. */
  readonly field: string;
  /** What is wrong, with the value. */
  readonly message: string;
  /** What to change in the input. */
  readonly fix: string;
  /** The Peapod rule the input breaks, if it is one. */
  readonly rule?: string;
  /** `line:column` in the file, when known. */
  readonly position?: string;
}

/** One problem on one line: `file:line:col: document N (Kind "name"): field: message. Fix: fix (rule)`. */
export function formatImportProblem(problem: ImportProblem): string {
  const o = problem.origin;
  const place = `${o.file}${problem.position ? `:${problem.position}` : ''}: document ${o.document}${o.object ? ` (${o.object})` : ''}`;
  const field = [o.prefix, problem.field].filter((part) => part.length > 0).join('.');
  return `${place}: ${field ? `${field}: ` : ''}${problem.message}. Fix: ${problem.fix}${problem.rule ? ` (${problem.rule})` : ''}`;
}

/** The error `importManifests` throws: every problem of the input, none of the output. */
export class ImportError extends Error {
  public constructor(
    /** Every problem found, in input order. */
    public readonly problems: readonly ImportProblem[],
  ) {
    super(`peapod import found ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written:\n  ${problems.map(formatImportProblem).join('\n  ')}`);
    this.name = 'ImportError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** Collects problems, and the notes about what the import changed on the way. */
export class Findings {
  /** What stops the import. */
  public readonly problems: ImportProblem[] = [];
  /** What the import changed on the way, as the place and what was changed there. */
  public readonly placedNotes: { readonly place: string; readonly message: string }[] = [];

  /** Records a problem of the object from `origin`. */
  public problem(origin: Origin, field: string, message: string, fix: string, rule?: string): void {
    this.problems.push({ origin, field, message, fix, rule });
  }

  /** Records a change the import made to the object from `origin`. */
  public note(origin: Origin, field: string, message: string): void {
    const where = [origin.prefix, field].filter((p) => p.length > 0).join('.');
    const place = `${origin.file}: document ${origin.document}${origin.object ? ` (${origin.object})` : ''}${where ? `: ${where}` : ''}`;
    this.placedNotes.push({ place, message });
  }
}
