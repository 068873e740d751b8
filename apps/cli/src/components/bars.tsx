/** The three fixed lines: the panes across the top, the view's title, the keys along the bottom. */
import type { Line, Seg } from "../doc.js";
import { cell, width as textWidth } from "../format/text.js";
import { SECTION_LABELS, SECTIONS, type Section } from "../state/views.js";
import type { Theme } from "../theme.js";
import { StyledLine } from "./styled-line.js";

/** Left and right parts on one line, the left cut when they do not both fit. */
function spread(left: Seg[], right: Seg[], columns: number): Line {
  const rightText = right.map((s) => s.text).join("");
  const room = Math.max(0, columns - textWidth(rightText) - 1);
  const leftText = left.map((s) => s.text).join("");
  if (textWidth(leftText) <= room) return [...left, { text: " ".repeat(room - textWidth(leftText) + 1) }, ...right];
  return [{ text: cell(leftText, room), tone: left[0]?.tone }, { text: " " }, ...right];
}

export function Header({
  section,
  via,
  columns,
  theme,
}: {
  section: Section;
  /** Where the data comes from, in full and in one word for narrow screens. */
  via: { long: string; short: string };
  columns: number;
  theme: Theme;
}) {
  const tabs: Seg[] = [{ text: "Militia Atlas ", tone: "title" }];
  SECTIONS.forEach((s, i) => {
    const label = `${i + 1} ${SECTION_LABELS[s]}`;
    if (s === section) tabs.push(theme.color ? { text: ` ${label} `, tone: "focus" } : { text: `[${label}]` });
    else tabs.push({ text: ` ${label} ` });
  });
  // The source in full, in one word, or not at all: the panes matter more.
  const tabsWidth = textWidth(tabs.map((t) => t.text).join(""));
  const label = [via.long, via.short].find((l) => tabsWidth + 1 + textWidth(l) <= columns);
  if (!label) return <StyledLine line={[{ text: cell(tabs.map((t) => t.text).join(""), columns) }]} theme={theme} />;
  return <StyledLine line={spread(tabs, [{ text: label, tone: "muted" }], columns)} theme={theme} />;
}

export function TitleBar({
  title,
  position,
  columns,
  theme,
}: {
  title: Seg[];
  position: string;
  columns: number;
  theme: Theme;
}) {
  return <StyledLine line={spread(title, [{ text: position, tone: "muted" }], columns)} theme={theme} />;
}

export const FOOTER_KEYS = "↑↓/jk move  Enter open  Esc back  Tab pane  / search  ? help  q quit";
export const FOOTER_READER = "↑↓/jk scroll  m mark words  Esc back  Tab pane  / search  ? help  q quit";
export const FOOTER_EDITING = "type your search  Enter search  Esc cancel  Backspace erase";

export function Footer({ text, columns, theme }: { text: string; columns: number; theme: Theme }) {
  return <StyledLine line={[{ text: cell(text, columns).trimEnd(), tone: "muted" }]} theme={theme} />;
}
