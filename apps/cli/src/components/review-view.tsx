/** The review's pure view: where the data comes from, the screen's title, the document, a status line and the keys. */
import { Box } from "ink";
import type { Line } from "../doc.js";
import type { ReviewScreen } from "../screens/review.js";
import type { Geometry } from "../state/geometry.js";
import type { Theme } from "../theme.js";
import { position } from "./app-view.js";
import { Footer, TitleBar } from "./bars.js";
import { DocView } from "./doc-view.js";
import { StyledLine } from "./styled-line.js";
import type { Size } from "./use-terminal-size.js";

export const REVIEW_FOOTERS = {
  documents: "↑↓/jk move  Enter open  q quit",
  document: "↑↓ move  a accept  r reject  e edit  A accept all  n/p next  Esc back  q quit",
  form: "Tab/↑↓ field  ←→ choose  type to change  Enter accept  Esc cancel",
  confirm: "y/Enter accept them all  any other key cancel",
  prompt: "type a confidence (0–1)  Enter accept them  Esc cancel",
} as const;

export interface ReviewViewProps {
  screen: ReviewScreen;
  geo: Geometry;
  cursor: number;
  scroll: number;
  size: Size;
  via: string;
  /** The lines above the keys (at least one): a question, a result, or what is being done. */
  status: Line[];
  footer: keyof typeof REVIEW_FOOTERS;
  theme: Theme;
}

export function ReviewView({ screen, geo, cursor, scroll, size, via, status, footer, theme }: ReviewViewProps) {
  return (
    <Box flexDirection="column" width={size.columns} height={size.rows}>
      <TitleBar
        title={[{ text: "Militia Atlas · Review", tone: "title" }]}
        position={via}
        columns={size.columns}
        theme={theme}
      />
      <TitleBar
        title={[{ text: screen.title, tone: "title" }]}
        position={footer === "form" ? "" : position(geo, cursor, scroll)}
        columns={size.columns}
        theme={theme}
      />
      <DocView doc={screen.doc} geo={geo} cursor={cursor} scroll={scroll} theme={theme} />
      {status.map((line, i) => (
        <StyledLine key={i} line={line} theme={theme} />
      ))}
      <Footer text={REVIEW_FOOTERS[footer]} columns={size.columns} theme={theme} />
    </Box>
  );
}
