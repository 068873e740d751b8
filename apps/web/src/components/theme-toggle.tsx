"use client";
/**
 * Light, dark or the system's choice. The choice lives in a cookie so the server paints the
 * right theme first; this button only flips the class and the cookie.
 */
import { Monitor, Moon, Sun } from "lucide-react";
import { useState } from "react";

export type Theme = "system" | "light" | "dark";
const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<Theme, string> = { system: "Theme: system", light: "Theme: light", dark: "Theme: dark" };

export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const Icon = theme === "light" ? Sun : theme === "dark" ? Moon : Monitor;
  return (
    <button
      type="button"
      className="inline-flex size-9 items-center justify-center rounded-md hover:bg-muted"
      aria-label={`${LABEL[theme]} (change)`}
      title={`${LABEL[theme]} — click to change`}
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
    </button>
  );
}
