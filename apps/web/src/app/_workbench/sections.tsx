/**
 * The workbench on a record's page: its grade with the form to set it, the forms to correct and
 * retire it, and — for a retired record — who retired it, when and why, with Restore. Each form
 * is sent with the version the page was drawn at (the record's history says which).
 */
import type { ReactNode } from "react";
import { GradeDetails } from "@/components/grades";
import { PageHeader, Section } from "@/components/page";
import { RecordHistory as HistorySection, historyTime } from "@/components/record-history";
import { SignInToWrite } from "@/components/sign-in-to-write";
import Link from "@/components/ui/link";
import { type CorrectableType, formFields } from "@/lib/corrections";
import { relationVerb } from "@/lib/labels";
import { recordPageHref } from "@/lib/links";
import type { ClaimSummary, Quote } from "@/lib/types";
import { getHistory } from "@/trpc/records";
import { signedIn } from "@/trpc/write";
import {
  AddEvidenceForm,
  EditRecordForm,
  type EvidenceChoice,
  GradeForm,
  RemoveAliasForm,
  RemoveEvidenceForm,
  RestoreForm,
  RetireForm,
} from "./forms";

type History = Awaited<ReturnType<typeof getHistory>>;

/** Signed out, a record's forms ask to sign in and come back to its page. */
const signIn = (type: CorrectableType | "source", id: string) => (
  <SignInToWrite next={recordPageHref(type, id) ?? "/"} what="Grades and corrections" />
);

/** The record's version, or 1 when its history cannot be read (a write then says what is wrong). */
async function versionOf(type: CorrectableType | "source", id: string): Promise<number> {
  try {
    return (await getHistory(type, id)).version;
  } catch {
    return 1;
  }
}

type Grade = ClaimSummary["credibility"] | ClaimSummary["sources"][number]["reliability"];

/** A claim's credibility or a source's reliability, who gave it and why, and the form to set it. */
export async function GradeSection({ type, id, grade }: { type: "claim" | "source"; id: string; grade: Grade }) {
  const version = await versionOf(type, id);
  return (
    <Section
      id="grade"
      title="Grade"
      description={
        type === "claim"
          ? "How credible the information is, on the Admiralty scale (1 confirmed … 5 improbable, 6 cannot be judged)."
          : "How reliable the source is, on the Admiralty scale (A completely reliable … E unreliable, F cannot be judged)."
      }
    >
      <GradeDetails label={type === "claim" ? "Credibility" : "Reliability"} grade={grade} />
      {(await signedIn()) ? (
        <GradeForm type={type} id={id} version={version} current={grade ? String(grade.grade) : ""} />
      ) : (
        signIn(type, id)
      )}
    </Section>
  );
}

function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="rounded-lg border bg-card p-4 [&[open]>summary]:mb-3">
      <summary className="cursor-pointer font-medium focus-visible:outline-2 focus-visible:outline-ring">
        {summary}
      </summary>
      {children}
    </details>
  );
}

/** Edit the record's fields, or retire it, each with a reason. */
export async function CorrectRecord({
  type,
  id,
  values,
  evidence,
  names,
}: {
  type: CorrectableType;
  id: string;
  values: Record<string, string>;
  /** The record's own quotes, any of which can be removed (but not the last). */
  evidence: Quote[];
  /** An actor's own name and other names, any of the others can be removed. */
  names?: { name: string; aliases: string[] };
}) {
  // The documents its quotes come from, offered first when adding more words.
  const sources = [...new Map(evidence.map((q) => [q.sourceId, q.source.title])).entries()].map(([id, title]) => ({
    id,
    title,
  }));
  const quotes: EvidenceChoice[] = evidence.map((q) => ({
    span: `${q.sourceId}:${q.start}-${q.end}`,
    quote: q.quote,
    source: q.source.title,
  }));
  const version = await versionOf(type, id);
  return (
    <Section
      id="correct"
      title="Correct this record"
      description={`Version ${version}. Every change goes into the history under your name, with your reason.`}
    >
      {(await signedIn()) ? (
        <div className="flex flex-col gap-3">
          <Disclosure summary={`Edit this ${type}`}>
            <EditRecordForm type={type} id={id} version={version} fields={formFields(type)} values={values} />
          </Disclosure>
          <Disclosure summary="Add evidence">
            <p className="mb-3 text-sm text-muted-foreground">
              More words that state this {type}: a document's id and its exact words (or select them in the document's
              reader).
            </p>
            <AddEvidenceForm type={type} id={id} version={version} sources={sources} />
          </Disclosure>
          {quotes.length > 0 ? (
            <Disclosure summary="Remove evidence">
              <p className="mb-3 text-sm text-muted-foreground">
                Quotes that do not state this {type}. It keeps at least one.
              </p>
              <RemoveEvidenceForm type={type} id={id} version={version} quotes={quotes} />
            </Disclosure>
          ) : null}
          {names ? (
            <Disclosure summary="Remove a name">
              <p className="mb-3 text-sm text-muted-foreground">
                A name the actor does not go by. The mentions found by that name go with it; its own name is changed
                under “Edit this actor”, not removed.
              </p>
              <RemoveAliasForm id={id} version={version} name={names.name} aliases={names.aliases} />
            </Disclosure>
          ) : null}
          <Disclosure summary={`Retire this ${type}`}>
            <p className="mb-3 text-sm text-muted-foreground">
              A retired {type} leaves every view and export. Nothing is deleted: it stays in the history and can be
              restored.
            </p>
            <RetireForm type={type} id={id} version={version} />
          </Disclosure>
        </div>
      ) : (
        signIn(type, id)
      )}
    </Section>
  );
}

/** Where each kind of record is listed: a retired record's page links back there. */
const LISTED: Record<CorrectableType, { href: string; label: string }> = {
  actor: { href: "/actors", label: "Actors" },
  claim: { href: "/claims", label: "Claims" },
  event: { href: "/timeline", label: "Timeline" },
  relation: { href: "/graph", label: "Graph" },
};

/** The history of a record if it is retired, else null (an unknown id, or a record in the atlas). */
async function retiredHistory(type: CorrectableType, id: string): Promise<History | null> {
  try {
    const history = await getHistory(type, id);
    return history.retired ? history : null;
  } catch {
    return null;
  }
}

/** What a retired record's history says it was: a name, a title, a statement, or a relation's ends. */
const nameOf = (before: unknown): string | null => {
  if (!before || typeof before !== "object") return null;
  const b = before as Record<string, unknown>;
  if (typeof b.fromId === "string" && typeof b.type === "string" && typeof b.toId === "string") {
    return `${b.fromId} ${relationVerb(b.type)} ${b.toId}`;
  }
  const name = b.statement ?? b.title ?? b.name;
  return typeof name === "string" ? name : null;
};

/**
 * A record's page when it is retired — what it was, who retired it, when and why, Restore, and
 * its history — or null when it is not (the page then draws the record). Every record page starts
 * with it.
 */
export async function retiredPage(type: CorrectableType, id: string): Promise<ReactNode | null> {
  const history = await retiredHistory(type, id);
  if (!history) return null;
  const retired = history.entries.findLast((e) => e.action === "retired");
  const listed = LISTED[type];
  return (
    <>
      <PageHeader
        title={nameOf(retired?.before) ?? id}
        eyebrow={
          <Link href={listed.href} className="hover:underline">
            {listed.label}
          </Link>
        }
      >
        <p role="status" className="text-foreground">
          This {type} was retired
          {retired ? (
            <>
              {" "}
              by <span className="font-medium">{retired.reviewer}</span> on{" "}
              <time dateTime={retired.at}>{historyTime(retired.at)}</time>
              {retired.reason ? <>: “{retired.reason}”</> : null}
            </>
          ) : null}
          . It is out of every view and export; restore it to bring it back as it was.
        </p>
      </PageHeader>
      <Section id="restore" title="Restore">
        {(await signedIn()) ? <RestoreForm type={type} id={id} version={history.version} /> : signIn(type, id)}
      </Section>
      <HistorySection type={type} id={id} />
    </>
  );
}
