/** The explorer's pure view: a function of the state, the built screen, the scroll position and the size. */
import { Box } from "ink";
import type { Line, Seg } from "../doc.js";
import { markFooter } from "../screens/mark-panel.js";
import type { Screen } from "../screens/screen.js";
import type { AppState } from "../state/app-state.js";
import type { Geometry } from "../state/geometry.js";
import type { Theme } from "../theme.js";
import { FOOTER_EDITING, FOOTER_KEYS, FOOTER_READER, Footer, Header, TitleBar } from "./bars.js";
import { DocView } from "./doc-view.js";
import { StyledLine } from "./styled-line.js";
import type { Size } from "./use-terminal-size.js";

export function position(geo: Geometry, cursor: number, scroll: number): string {
  if (geo.total === 0) return "";
  if (geo.mode === "scroll") {
    return `lines ${scroll + 1}–${Math.min(geo.total, scroll + geo.height)} of ${geo.total}`;
  }
  const count = geo.selectable.filter(Boolean).length;
  if (count === 0 || cursor < 0) return "";
  return `${geo.selectable.slice(0, cursor + 1).filter(Boolean).length}/${count}`;
}

export interface AppViewProps {
  state: AppState;
  screen: Screen;
  geo: Geometry;
  cursor: number;
  scroll: number;
  size: Size;
  /** Lines under the document: marking a span, its form, what the last write did. */
  panel: Line[];
  via: { long: string; short: string };
  theme: Theme;
}

export function AppView({ state, screen, geo, cursor, scroll, size, panel, via, theme }: AppViewProps) {
  const footer = state.search.editing
    ? FOOTER_EDITING
    : state.mark
      ? markFooter(state.mark)
      : screen.doc.reader && !state.help
        ? FOOTER_READER
        : FOOTER_KEYS;
  const searchBox = state.section === "search" && !state.help && state.stacks.search.length === 1;
  const title: Seg[] = searchBox
    ? state.search.editing
      ? [{ text: "Search: ", tone: "title" }, { text: `${state.search.text}█` }]
      : [
          { text: screen.title, tone: "title" },
          { text: "  / to search", tone: "muted" },
        ]
    : [{ text: screen.title, tone: "title" }];
  return (
    <Box flexDirection="column" width={size.columns} height={size.rows}>
      <Header section={state.section} via={via} columns={size.columns} theme={theme} />
      <TitleBar title={title} position={position(geo, cursor, scroll)} columns={size.columns} theme={theme} />
      <DocView doc={screen.doc} geo={geo} cursor={cursor} scroll={scroll} theme={theme} />
      {panel.map((line, i) => (
        <StyledLine key={i} line={line} theme={theme} />
      ))}
      <Footer text={footer} columns={size.columns} theme={theme} />
    </Box>
  );
}
