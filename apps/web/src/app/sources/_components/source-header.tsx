/** A document's page header, on its reader and its grade page: its title under "Sources / …". */
import type { ReactNode } from "react";
import { PageHeader } from "@/components/page";
import Link from "@/components/ui/link";

export function SourceHeader({ title, where, children }: { title: string; where: ReactNode; children: ReactNode }) {
  return (
    <PageHeader
      title={title}
      eyebrow={
        <>
          <Link href="/sources" className="hover:underline">
            Sources
          </Link>
          <span aria-hidden>/</span>
          {where}
        </>
      }
    >
      {children}
    </PageHeader>
  );
}
