/** What the validation commands share: the `--only <id…>` argument and how a refusal is printed. */
import { AnnotationError } from "../annotations/errors.js";

/** The ids after `--only`, or undefined without it; exits 2 when `--only` names none. */
export function onlyArgument(example: string): string[] | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf("--only");
  if (at === -1) return undefined;
  const only = args.slice(at + 1).filter((a) => !a.startsWith("--"));
  if (only.length === 0) {
    console.error(`--only needs one or more source ids, e.g. --only ${example}`);
    process.exit(2);
  }
  return only;
}

/** Runs a validation; prints every annotation problem and exits 1 when there are any. */
export function reportingProblems(run: () => void): void {
  try {
    run();
  } catch (e) {
    if (e instanceof AnnotationError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}
