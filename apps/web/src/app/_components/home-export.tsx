/** "Export": a download for each format of the whole atlas, with what it holds and its file name. */
import { Download } from "lucide-react";
import { Section } from "@/components/page";
import Link from "@/components/ui/link";
import { EXPORT_FORMATS, exportHref } from "@/lib/exports";

export function HomeExport() {
  return (
    <Section
      id="export"
      title="Export"
      description={
        <>
          The whole atlas as files, every record with its evidence. Accepted review work is included.{" "}
          <Link href="/export" className="text-primary underline">
            What each format is for, and which tools read it
          </Link>
          ; every filtered list also offers “Export these”.
        </>
      }
    >
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {EXPORT_FORMATS.map((f) => (
          <li key={f.format}>
            <a
              href={exportHref(f.format)}
              download={f.file}
              className="flex h-full gap-3 rounded-lg border bg-card p-4 hover:border-primary"
            >
              <Download aria-hidden className="mt-0.5 size-5 shrink-0 text-primary" />
              <span className="flex flex-col gap-0.5">
                <span className="font-medium">{f.label}</span>
                <span className="text-sm text-muted-foreground">{f.description}</span>
                <code className="text-xs text-muted-foreground">{f.file}</code>
              </span>
            </a>
          </li>
        ))}
      </ul>
    </Section>
  );
}
