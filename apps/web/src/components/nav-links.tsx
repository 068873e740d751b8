"use client";
/**
 * The main navigation's links, marking the current section. A client component because the root
 * layout is not re-rendered on client-side navigation, so only the router knows the current path.
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const NAV = [
  { href: "/actors", label: "Actors" },
  { href: "/timeline", label: "Timeline" },
  { href: "/claims", label: "Claims" },
  { href: "/claims/contradictions", label: "Contradictions" },
  { href: "/sources", label: "Sources" },
  { href: "/graph", label: "Graph" },
  { href: "/map", label: "Map" },
  { href: "/review", label: "Review" },
  { href: "/changes", label: "Changes" },
  { href: "/export", label: "Export" },
];

const isCurrent = (pathname: string, href: string) =>
  href === "/claims"
    ? pathname === "/claims" || (pathname.startsWith("/claims/") && !pathname.startsWith("/claims/contradictions"))
    : pathname === href || pathname.startsWith(`${href}/`) || (href === "/timeline" && pathname.startsWith("/events/"));

/** The links as a row (wide screens) or a column (the phone's menu). */
export function NavLinks({ column = false }: { column?: boolean }) {
  const pathname = usePathname() ?? "/";
  return (
    <ul className={cn("flex gap-1 text-sm whitespace-nowrap", column && "flex-col gap-0")}>
      {NAV.map((item) => {
        const current = isCurrent(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              prefetch={false}
              aria-current={current ? "page" : undefined}
              className={cn(
                "tap inline-flex items-center border-b-2 border-transparent px-2.5 py-2 text-muted-foreground hover:text-foreground",
                column && "w-full border-b-0 border-l-2 px-3",
                current && "border-primary font-medium text-foreground",
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
