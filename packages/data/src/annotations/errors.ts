/** A refusal that names every problem: the file, the record and the field, and what to do. */
export interface Problem {
  file: string;
  record?: string | undefined;
  field?: string | undefined;
  message: string;
}

export const formatProblem = (p: Problem): string =>
  `${[p.file, p.record && `record "${p.record}"`, p.field].filter(Boolean).join(" › ")}: ${p.message}`;

export class AnnotationError extends Error {
  constructor(readonly problems: Problem[]) {
    const shown = problems.slice(0, 50).map(formatProblem);
    const more = problems.length > 50 ? `\n…and ${problems.length - 50} more` : "";
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in the annotations:\n${shown.join("\n")}${more}`,
    );
    this.name = "AnnotationError";
  }
}
