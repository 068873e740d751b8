/** Export: the formats, what each is for and which tools read it; the whole atlas or a filtered list. */
import { Download } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader, Section } from "@/components/page";
import Link from "@/components/ui/link";
import { EXPORT_FORMATS, exportHref } from "@/lib/exports";

export const metadata: Metadata = {
  title: "Export",
  description:
    "Download the atlas, or any filtered list, as JSON, STIX 2.1, CSV or FollowTheMoney — and which tools read each.",
};

export default function ExportPage() {
  return (
    <>
      <PageHeader title="Export">
        Every record goes out with its evidence. Download the whole atlas here, or export just what you are looking at:
        the <Link href="/timeline">timeline</Link>, <Link href="/claims">claims</Link>,{" "}
        <Link href="/actors">actors</Link> and search results each offer “Export these”, with their filters kept.
      </PageHeader>
      <Section id="formats" title="Formats" description="What each format is for, and which tools read it as it is.">
        <ul className="grid gap-3 md:grid-cols-2">
          {EXPORT_FORMATS.map((f) => (
            <li key={f.format} className="flex flex-col gap-2 rounded-lg border bg-card p-4" data-format={f.format}>
              <h3 className="text-base font-semibold">{f.label}</h3>
              <p className="text-sm">{f.purpose}</p>
              <p className="text-sm">
                <span className="font-medium">Read by: </span>
                {f.tools}
              </p>
              <a
                href={exportHref(f.format)}
                download={f.file}
                className="tap mt-auto inline-flex items-center gap-2 self-start rounded-md bg-primary px-3 py-2 text-sm font-medium text-primary-foreground hover:opacity-90"
              >
                <Download aria-hidden className="size-4" />
                Download the whole atlas as {f.label}
              </a>
              <span className="text-xs text-muted-foreground">Saved as {f.file}</span>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
