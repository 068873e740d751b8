/**
 * Grades beside a claim: its credibility (1–6) and the reliability (A–F) of each source that
 * reports it, on the Admiralty scale. A grade is an opinion with a name on it, so each says who
 * gave it, when and why; an ungraded one says "not graded", never a default.
 */
import { describeGrade } from "@atlas/schema";
import type { Choice } from "@/components/ui/form";
import type { ClaimSummary } from "@/lib/types";
import { cn } from "@/lib/utils";

type Credibility = ClaimSummary["credibility"];
type Reliability = ClaimSummary["sources"][number]["reliability"];

/** A scale's grades as choices: "B — Usually reliable". */
export function gradeChoices(scale: Record<string, string>): Choice[] {
  return Object.entries(scale).map(([grade, words]) => ({ value: grade, label: `${grade} — ${words}` }));
}

/** Who gave a grade, when and why, in one line. */
export function gradedBy(grade: NonNullable<Credibility | Reliability>): string {
  return `Graded by ${grade.by} on ${grade.at.slice(0, 10)}: ${grade.reason}`;
}

function Grade({
  label,
  grade,
  data,
}: {
  label: string;
  grade: Credibility | Reliability;
  data: Record<string, string | number>;
}) {
  return (
    <span
      className={cn("inline-flex items-baseline gap-1", !grade && "text-muted-foreground")}
      title={grade ? gradedBy(grade) : undefined}
      {...data}
    >
      <span className="text-muted-foreground">{label}</span>
      <span className={cn(grade && "font-medium text-foreground")}>{describeGrade(grade)}</span>
    </span>
  );
}

/** A claim's credibility and its sources' reliability, in one line. */
export function ClaimGrades({
  claim,
  className,
}: {
  claim: Pick<ClaimSummary, "credibility" | "sources">;
  className?: string;
}) {
  const several = claim.sources.length > 1;
  return (
    <p className={cn("flex flex-wrap items-baseline gap-x-3 gap-y-0.5 text-xs", className)}>
      <Grade
        label="Credibility"
        grade={claim.credibility}
        data={{ "data-credibility": claim.credibility?.grade ?? "none" }}
      />
      {claim.sources.map((s) => (
        <Grade
          key={s.id}
          label={several ? `Source reliability (${s.title}):` : "Source reliability"}
          grade={s.reliability}
          data={{ "data-reliability": s.reliability?.grade ?? "none", "data-source": s.id }}
        />
      ))}
    </p>
  );
}

/** A grade with who gave it and why, for a record's own page. */
export function GradeDetails({ label, grade }: { label: string; grade: Credibility | Reliability }) {
  return (
    <div className="flex flex-col gap-0.5 text-sm">
      <p>
        <span className="text-muted-foreground">{label}: </span>
        <span className="font-medium" data-grade={grade?.grade ?? "none"}>
          {describeGrade(grade)}
        </span>
      </p>
      {grade && <p className="text-muted-foreground">{gradedBy(grade)}</p>}
    </div>
  );
}
