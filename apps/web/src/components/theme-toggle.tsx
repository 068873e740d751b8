"use client";
/**
 * Light, dark or the system's choice. The choice lives in a cookie so the server paints the
 * right theme first; this button only flips the class and the cookie. Its name says what it will
 * do ("Use dark theme") and what the theme is now.
 */
import { Monitor, Moon, Sun } from "lucide-react";
import { useState } from "react";

export type Theme = "system" | "light" | "dark";
const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };
/** What pressing the button does, said before it is pressed: the theme it switches to. */
const USE: Record<Theme, string> = { light: "Use light theme", dark: "Use dark theme", system: "Use system theme" };
const NOW: Record<Theme, string> = { system: "the system's", light: "light", dark: "dark" };

export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const Icon = theme === "light" ? Sun : theme === "dark" ? Moon : Monitor;
  return (
    <button
      type="button"
      className="tap inline-flex h-9 items-center justify-center gap-1.5 rounded-md px-2 text-sm hover:bg-muted"
      aria-label={`${USE[NEXT[theme]]} (now: ${NOW[theme]} theme)`}
      title={`${USE[NEXT[theme]]}. Now: ${NOW[theme]} theme.`}
      onClick={() => {
        const next = NEXT[theme];
        const root = document.documentElement;
        root.classList.remove("light", "dark");
        if (next !== "system") root.classList.add(next);
        // biome-ignore lint/suspicious/noDocumentCookie: a plain cookie is all the server needs to paint the theme.
        document.cookie = `atlas-theme=${next}; path=/; max-age=31536000; samesite=lax`;
        setTheme(next);
      }}
    >
      <Icon aria-hidden className="size-4" />
      <span className="max-md:hidden">{USE[NEXT[theme]]}</span>
    </button>
  );
}
