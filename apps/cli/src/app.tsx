/**
 * The full-screen explorer: state (reducer), keys (hook) and a pure view, in the ink-ui manner.
 * The data arrives through the same Atlas interface the subcommands use; until it is connected
 * the frame is drawn with "connecting…", so the first frame never waits for the database.
 */
import { useApp, useStdin } from "ink";
import { type Dispatch, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { AppView } from "./components/app-view.js";
import { type Size, useTerminalSize } from "./components/use-terminal-size.js";
import type { Atlas, SourceDetail, Via } from "./data.js";
import { DocBuilder } from "./doc.js";
import { allActors, allEvents } from "./pages.js";
import { type Cache, type Request, type Resource, useResource } from "./resources.js";
import { actorScreen } from "./screens/actor.js";
import { actorsScreen } from "./screens/actors.js";
import { claimScreen } from "./screens/claim.js";
import { claimsScreen, contradictionsScreen } from "./screens/claims.js";
import { eventScreen } from "./screens/event.js";
import { eventsScreen } from "./screens/events.js";
import { helpScreen } from "./screens/help.js";
import { markPanel } from "./screens/mark-panel.js";
import { type ReaderMarking, readerScreen } from "./screens/reader.js";
import type { Screen } from "./screens/screen.js";
import { searchScreen } from "./screens/search.js";
import { sourceScreen } from "./screens/source.js";
import { sourcesScreen } from "./screens/sources.js";
import type { Action, AppState, Nav } from "./state/app-state.js";
import { cursorOf, ensureVisible, geometryOf } from "./state/geometry.js";
import { highlight, type Lists, type Mark, openAfter, recordFor, wordsOf } from "./state/mark.js";
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
  if (v.kind === "contradictions") return { kind: "contradictions" };
  return { kind: v.kind, id: v.id };
}

function buildScreen(
  { help, actorSort, view, marking }: { help: boolean; actorSort: ActorSort; view: View; marking?: ReaderMarking },
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
    case "contradictions":
      return contradictionsScreen(loaded.value, b);
    case "sources":
      return sourcesScreen(loaded.value, b);
    case "search":
      return searchScreen(loaded.value, b);
    case "actor":
      return actorScreen(loaded.value, loaded.dossier, b);
    case "event":
      return eventScreen(loaded.value, b);
    case "claim":
      return claimScreen(loaded.value, b);
    case "source":
      return view.kind === "reader"
        ? readerScreen(loaded.value, view.focus, b, marking)
        : sourceScreen(loaded.value, b);
  }
}

function viaLabel(via: Via | undefined): { long: string; short: string } {
  if (!via) return { long: "connecting…", short: "…" };
  if (via.kind === "api") return { long: `API ${via.url.replace(/^https?:\/\//, "")}`, short: "API" };
  return { long: `embedded ${via.engine}`, short: "embedded" };
}

export function App({ atlas, status: statusText, theme, size: fixedSize, cache, initialSection, onQuit }: AppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const size = useTerminalSize(fixedSize);
  const [state, dispatch] = useAppState(initialSection);
  const nav = state.stacks[state.section].at(-1) ?? currentNav(state);
  const request = state.help ? null : requestFor(state, nav);
  // Each write bumps it: what was loaded before is loaded again (the reader shows the new record).
  const [generation, setGeneration] = useState(0);
  const resource = useResource(atlas, request, cache, generation);
  const help = state.help !== null;
  const { actorSort } = state;
  const { view } = nav;
  // The document in the reader, when marking can happen there.
  const source =
    !help && view.kind === "reader" && resource?.status === "ready" && resource.loaded.kind === "source"
      ? resource.loaded.value
      : null;
  const words = useMemo(() => (source ? wordsOf(source.text) : []), [source]);
  const { mark, status } = state;
  const marked = mark && source?.id === mark.sourceId ? highlight(mark, words) : null;
  const markKey = marked ? JSON.stringify(marked) : "";
  // Typing in the form changes the mark but not what is highlighted: the text is not laid out again.
  const marking = useMemo(() => marked ?? undefined, [markKey]);
  const lists = usePickerLists(atlas, mark, generation);
  // Two columns are the cursor's gutter.
  const docWidth = Math.max(20, size.columns - GUTTER);
  const panel = markPanel(mark, status, source, words, lists, size.columns);
  const bodyHeight = Math.max(1, size.rows - 3 - panel.length);
  const onWritten = useCallback(() => setGeneration((g) => g + 1), []);
  useSubmit(atlas, mark, source, lists, dispatch, onWritten);
  // Rebuilt when what is shown changes, not on every cursor move.
  const screen = useMemo(
    () =>
      buildScreen(
        { help, actorSort, view, ...(marking ? { marking } : {}) },
        resource,
        new DocBuilder(docWidth, theme),
        atlas ? null : (statusText ?? "Connecting…"),
      ),
    [help, actorSort, view, marking, resource, docWidth, theme, atlas, statusText],
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
      panel={panel}
      via={viaLabel(atlas?.via)}
      theme={theme}
    />
  );
}

/** The actors and events the form's pickers choose from, loaded when a form first needs them. */
function usePickerLists(atlas: Atlas | null, mark: Mark | null, generation: number): Lists {
  const [lists, setLists] = useState<Lists & { generation: number }>({ actors: null, events: null, generation });
  const needed = mark?.phase.kind === "form";
  const loading = useRef<number | null>(null);
  useEffect(() => {
    if (!atlas || !needed || loading.current === generation) return;
    loading.current = generation;
    Promise.all([allActors(atlas), allEvents(atlas)]).then(
      ([actors, events]) => setLists({ actors, events, generation }),
      // Unreadable lists leave the pickers empty; the form says no actor matches.
      () => setLists({ actors: [], events: [], generation }),
    );
  }, [atlas, needed, generation]);
  return lists.generation === generation ? lists : { actors: null, events: null };
}

/**
 * Sends the form when it is submitted: the record through the workbench's add (the same as
 * `atlas add`), under the reviewer whose token atlas holds. What was written, or why not, goes
 * to the status line; a refusal writes nothing and leaves the form to correct.
 */
function useSubmit(
  atlas: Atlas | null,
  mark: Mark | null,
  source: SourceDetail | null,
  lists: Lists,
  dispatch: Dispatch<Action>,
  written: () => void,
) {
  const sent = useRef<Mark | null>(null);
  useEffect(() => {
    const p = mark?.phase;
    if (!mark || p?.kind !== "form" || !p.sending || sent.current === mark) return;
    sent.current = mark;
    if (!atlas || !source) {
      dispatch({ type: "mark/sent", written: false, status: { tone: "warn", text: "Not connected yet; try again." } });
      return;
    }
    const built = recordFor(p.form, p.span, source, lists);
    if ("problem" in built) {
      dispatch({ type: "mark/sent", written: false, status: { tone: "warn", text: built.problem } });
      return;
    }
    atlas
      .write(`add the ${built.record.kind}`, (w) => w.records.add(built))
      .then(
        (result) => {
          written();
          const made = result.records.map((r) => `${r.recordType} ${r.recordId}`).join(", ");
          dispatch({
            type: "mark/sent",
            written: true,
            status: {
              tone: "ok",
              text: `Written by ${result.reviewer}: ${made}`,
              open: openAfter(built.record, result.records),
            },
          });
        },
        (e: Error) => dispatch({ type: "mark/sent", written: false, status: { tone: "warn", text: e.message } }),
      );
  }, [atlas, mark, source, lists, dispatch, written]);
}
