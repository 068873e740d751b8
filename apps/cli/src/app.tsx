/**
 * The full-screen explorer: state (reducer), keys (hook) and a pure view, in the ink-ui manner.
 * The data arrives through the same Atlas interface the subcommands use; until it is connected
 * the frame is drawn with "connecting…", so the first frame never waits for the database.
 */
import { useApp, useStdin } from "ink";
import { useEffect, useMemo } from "react";
import { AppView } from "./components/app-view.js";
import { type Size, useTerminalSize } from "./components/use-terminal-size.js";
import type { Atlas, Via } from "./data.js";
import { DocBuilder } from "./doc.js";
import { type Cache, type Request, type Resource, useResource } from "./resources.js";
import { actorScreen } from "./screens/actor.js";
import { actorsScreen } from "./screens/actors.js";
import { claimScreen } from "./screens/claim.js";
import { claimsScreen } from "./screens/claims.js";
import { eventScreen } from "./screens/event.js";
import { eventsScreen } from "./screens/events.js";
import { helpScreen } from "./screens/help.js";
import { readerScreen } from "./screens/reader.js";
import type { Screen } from "./screens/screen.js";
import { searchScreen } from "./screens/search.js";
import { sourceScreen } from "./screens/source.js";
import { sourcesScreen } from "./screens/sources.js";
import type { AppState, Nav } from "./state/app-state.js";
import { cursorOf, ensureVisible, geometryOf } from "./state/geometry.js";
import { useAppKeys } from "./state/use-app-keys.js";
import { currentNav, useAppState } from "./state/use-app-state.js";
import type { ActorSort, Section, View } from "./state/views.js";
import type { Theme } from "./theme.js";

/** Columns left of every document line, for the cursor mark. */
export const GUTTER = 2;

export interface AppProps {
  atlas: Atlas | null;
  /** What the connection is doing while `atlas` is null. */
  status?: string;
  theme: Theme;
  /** A fixed size (tests, one-frame output); otherwise the terminal's, following resizes. */
  size?: Size;
  /** Resources already loaded (the one-frame output renders without waiting). */
  cache?: Cache;
  initialSection?: Section;
  onQuit?: () => void;
}

/** What the view on top of a section's stack needs loaded. */
export function requestFor(state: AppState, nav: Nav): Request | null {
  const v = nav.view;
  if (v.kind === "list") {
    if (state.section === "search") return state.search.query ? { kind: "search", q: state.search.query } : null;
    return { kind: state.section };
  }
  if (v.kind === "reader") return { kind: "source", id: v.id };
  return { kind: v.kind, id: v.id };
}

function buildScreen(
  { help, actorSort, view }: { help: boolean; actorSort: ActorSort; view: View },
  resource: Resource | null,
  b: DocBuilder,
  connecting: string | null,
): Screen {
  if (help) return helpScreen(b);
  if (!resource) return searchScreen(null, b);
  if (resource.status === "loading") {
    b.note(connecting ?? "Loading…", 0);
    return { title: connecting ? "Connecting" : "Loading", doc: b.build() };
  }
  if (resource.status === "error") {
    b.text([{ text: resource.message, tone: "warn" }]);
    b.note("Esc goes back.", 0);
    return { title: resource.notFound ? "Not found" : "Error", doc: b.build() };
  }
  const { loaded } = resource;
  switch (loaded.kind) {
    case "actors":
      return actorsScreen(loaded.value, actorSort, b);
    case "events":
      return eventsScreen(loaded.value, b);
    case "claims":
      return claimsScreen(loaded.value, b);
    case "sources":
      return sourcesScreen(loaded.value, b);
    case "search":
      return searchScreen(loaded.value, b);
    case "actor":
      return actorScreen(loaded.value, b);
    case "event":
      return eventScreen(loaded.value, b);
    case "claim":
      return claimScreen(loaded.value, b);
    case "source":
      return view.kind === "reader" ? readerScreen(loaded.value, view.focus, b) : sourceScreen(loaded.value, b);
  }
}

function viaLabel(via: Via | undefined): { long: string; short: string } {
  if (!via) return { long: "connecting…", short: "…" };
  if (via.kind === "api") return { long: `API ${via.url.replace(/^https?:\/\//, "")}`, short: "API" };
  return { long: `embedded ${via.engine}`, short: "embedded" };
}

export function App({ atlas, status, theme, size: fixedSize, cache, initialSection, onQuit }: AppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const size = useTerminalSize(fixedSize);
  const [state, dispatch] = useAppState(initialSection);
  const nav = state.stacks[state.section].at(-1) ?? currentNav(state);
  const request = state.help ? null : requestFor(state, nav);
  const resource = useResource(atlas, request, cache);
  const bodyHeight = Math.max(1, size.rows - 3);
  // Two columns are the cursor's gutter.
  const docWidth = Math.max(20, size.columns - GUTTER);
  const help = state.help !== null;
  const { actorSort } = state;
  const { view } = nav;
  // Rebuilt when what is shown changes, not on every cursor move.
  const screen = useMemo(
    () =>
      buildScreen(
        { help, actorSort, view },
        resource,
        new DocBuilder(docWidth, theme),
        atlas ? null : (status ?? "Connecting…"),
      ),
    [help, actorSort, view, resource, docWidth, theme, atlas, status],
  );
  const geo = useMemo(() => geometryOf(screen.doc, bodyHeight), [screen.doc, bodyHeight]);
  const active = currentNav(state);
  const cursor = cursorOf(geo, active.cursor);
  const scroll = ensureVisible(geo, cursor, active.scroll);
  useEffect(() => {
    if (!state.quit) return;
    onQuit?.();
    exit();
  }, [state.quit, onQuit, exit]);
  useAppKeys(dispatch, { doc: screen.doc, geo }, { isActive: isRawModeSupported && !state.quit });
  return (
    <AppView
      state={state}
      screen={screen}
      geo={geo}
      cursor={cursor}
      scroll={scroll}
      size={size}
      via={viaLabel(atlas?.via)}
      theme={theme}
    />
  );
}
