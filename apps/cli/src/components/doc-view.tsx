/** A viewport onto a document: the rows from `scroll`, the cursor's item marked "›" in a two-column gutter. */
import { Box } from "ink";
import type { Doc, Line } from "../doc.js";
import type { Geometry } from "../state/geometry.js";
import type { Theme } from "../theme.js";
import { StyledLine } from "./styled-line.js";

export function DocView({
  doc,
  geo,
  cursor,
  scroll,
  theme,
}: {
  doc: Doc;
  geo: Geometry;
  cursor: number;
  scroll: number;
  theme: Theme;
}) {
  const rows: { line: Line; item: number; first: boolean }[] = [];
  doc.items.forEach((item, i) => {
    item.lines.forEach((line, n) => {
      rows.push({ line, item: i, first: n === 0 });
    });
  });
  const visible = rows.slice(scroll, scroll + geo.height);
  const mark: Line = [{ text: "› ", tone: "accent" }];
  const none: Line = [{ text: "  " }];
  return (
    <Box flexDirection="column" height={geo.height} overflow="hidden">
      {visible.map((r, i) => (
        <StyledLine
          key={i}
          line={r.line}
          theme={theme}
          prefix={doc.mode === "cursor" && r.item === cursor && r.first ? mark : none}
        />
      ))}
    </Box>
  );
}
