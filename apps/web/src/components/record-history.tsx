/**
 * A record's history on its page: every change, oldest first — who, when, which version, what
 * changed (before → after) and why. The same entries `atlas history <id>` prints.
 */
import { describeChange, type RecordType } from "@atlas/data/workbench";
import type { ReactNode } from "react";
import { Empty, Section } from "@/components/page";
import type { ChangeView } from "@/lib/types";
import { load } from "@/trpc/load";
import { getHistory } from "@/trpc/records";

/** A time as the history shows it: 2026-12-06 10:00:00 UTC. */
export const historyTime = (at: string) => at.replace("T", " ").replace(/\.\d+Z$/, " UTC");

/** One change: when, who, the version it made, what changed and why; `record` names the record (in the change feed). */
export function ChangeEntry({ entry: e, record }: { entry: ChangeView; record?: ReactNode }) {
  return (
    <li className="rounded-md border p-2">
      <p>
        <time dateTime={e.at} className="tabular-nums">
          {historyTime(e.at)}
        </time>{" "}
        · <span className="font-medium">{e.reviewer}</span>
        {record ? <> · {record}</> : null} · version {e.version}
      </p>
      <p className="break-words">{describeChange(e)}</p>
      {e.reason && <p className="text-muted-foreground">Why: {e.reason}</p>}
    </li>
  );
}

export async function RecordHistory({ type, id }: { type: RecordType; id: string }) {
  const result = await load("the record's history", () => getHistory(type, id));
  if (!result.ok) {
    return (
      <Section id="history" title="History">
        <Empty>{result.failure.message}</Empty>
      </Section>
    );
  }
  const { entries, version } = result.data;
  return (
    <Section
      id="history"
      title="History"
      count={entries.length}
      description={`Version ${version}. Every change made in the atlas, with who made it and why.`}
    >
      {entries.length === 0 ? (
        <Empty>No changes: as the curated data has it.</Empty>
      ) : (
        <ol className="flex flex-col gap-2 text-sm">
          {entries.map((e) => (
            <ChangeEntry key={`${e.version}-${e.at}`} entry={e} />
          ))}
        </ol>
      )}
    </Section>
  );
}
