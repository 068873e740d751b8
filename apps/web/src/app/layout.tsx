import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import type { Theme } from "@/components/theme-toggle";
import "./globals.css";

// Every page reads live data (and needs a fresh CSP nonce): never prerender at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Militia Atlas", template: "%s — Militia Atlas" },
  description:
    "Who Iraq's armed groups are, what happened and who said what — every fact traced to the exact words of a source document.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fcfbf8" },
    { media: "(prefers-color-scheme: dark)", color: "#1b1d24" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme cookie decides the first paint's theme (every page is dynamic anyway).
  const cookieStore = await cookies();
  const stored = cookieStore.get("atlas-theme")?.value;
  const theme: Theme = stored === "light" || stored === "dark" ? stored : "system";
  return (
    <html lang="en" className={theme === "system" ? undefined : theme}>
      <body className="min-h-screen bg-background text-foreground antialiased">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-primary px-3 py-2 text-primary-foreground focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
        >
          Skip to content
        </a>
        <SiteHeader theme={theme} />
        <main id="main" className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 pt-4 pb-10 text-xs text-muted-foreground">
          <p>
            Militia Atlas: every actor, relation, event and claim links to the verbatim words of a source. Claims are
            shown as claims, with who made them; dates never claim more precision than the sources give.
          </p>
        </footer>
      </body>
    </html>
  );
}
