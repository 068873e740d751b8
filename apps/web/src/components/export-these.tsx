/** "Export these": the list as it is filtered, as JSON, CSV or STIX — one click, the filter kept. */
import { Download } from "lucide-react";
import Link from "@/components/ui/link";
import { EXPORT_FORMATS } from "@/lib/exports";
import { exportHref, type ListName } from "@/lib/lists";
import type { SearchParams } from "@/lib/search-params";

const OFFERED = ["json", "csv", "stix"] as const;

export function ExportThese({ list, params, what }: { list: ListName; params: SearchParams; what: string }) {
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <span className="inline-flex items-center gap-1 text-muted-foreground">
        <Download aria-hidden className="size-4" />
        Export these {what}:
      </span>
      {OFFERED.map((format) => {
        const info = EXPORT_FORMATS.find((f) => f.format === format);
        return (
          <a
            key={format}
            href={exportHref(list, params, format)}
            download
            className="tap inline-flex items-center rounded-md border bg-card px-2.5 py-1 font-medium text-primary hover:bg-muted"
            title={info?.purpose}
          >
            {info?.label ?? format}
          </a>
        );
      })}
      <Link href="/export" className="tap inline-flex items-center text-xs text-muted-foreground underline">
        which format?
      </Link>
    </div>
  );
}
