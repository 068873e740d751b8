/** Every page of the explorer, with something on it that only real data puts there. */
export interface PageCase {
  name: string;
  path: string;
  /** A level-1 heading the page must show. */
  heading: RegExp;
  /** Text only the API's data can produce. */
  text: RegExp;
}

export const PAGES: PageCase[] = [
  { name: "home", path: "/", heading: /Who Iraq's armed groups are/, text: /Inside Iraq's Iranian-Backed Militias/ },
  { name: "search", path: "/search?q=Khalazi", heading: /Results for “Khalazi”/, text: /Qais al-Khazali/ },
  { name: "actors", path: "/actors", heading: /^Actors$/, text: /Kataib Hezbollah/ },
  { name: "actor", path: "/actors/kataib-hezbollah", heading: /^Kataib Hezbollah$/, text: /Abu Mahdi al-Muhandis/ },
  {
    name: "dossier",
    path: "/actors/qais-al-khazali/dossier",
    heading: /^Qais al-Khazali$/,
    text: /Designated by United States/,
  },
  { name: "timeline", path: "/timeline", heading: /^Timeline$/, text: /Kataib Hezbollah sends units to Syria/ },
  {
    name: "event",
    path: "/events/2020-01-08-iranian-missile-attack-on-us-hosting-bases",
    heading: /Iran fires missiles at two Iraqi facilities/,
    text: /80 American servicemen/,
  },
  {
    name: "event-sources",
    path: "/events/2019-12-us-strikes-on-kataib-hezbollah",
    heading: /US air strikes on Kataib Hezbollah/,
    text: /Sources differ on deaths/,
  },
  {
    name: "timeline-window",
    path: "/timeline?from=Dec%202019%20%E2%80%93%20Jan%202020&inside=1",
    heading: /^Timeline$/,
    text: /December 2019 to January 2020/,
  },
  { name: "claims", path: "/claims", heading: /^Claims$/, text: /denied/ },
  {
    name: "claim",
    path: "/claims/kh-denies-embassy-rocket-attack",
    heading: /Kataib Hezbollah/,
    text: /denied its involvement/,
  },
  {
    name: "relation",
    path: "/relations/hadi-al-amiri.leads.badr-organization",
    heading: /^Hadi al-Amiri leads Badr Organization$/,
    text: /the leader of the Badr Organization/,
  },
  { name: "contradictions", path: "/claims/contradictions", heading: /^Contradictions$/, text: /Iranian officials/ },
  { name: "sources", path: "/sources", heading: /^Sources$/, text: /Bloomberg View/ },
  {
    name: "reader",
    path: "/sources/2020-party-by-day-fighters-by-night",
    heading: /Iranian-backed militias play political party by day/,
    text: /Sundays of January 2020/,
  },
  {
    name: "source-grade",
    path: "/sources/2020-party-by-day-fighters-by-night/grade",
    heading: /Iranian-backed militias play political party by day/,
    text: /Reliability: (not graded|[A-F] \()/,
  },
  { name: "graph", path: "/graph", heading: /^Relation graph$/, text: /Popular Mobilization Forces/ },
  { name: "graph-ego", path: "/graph?actor=kataib-hezbollah", heading: /Relations of Kataib Hezbollah/, text: /Iran/ },
  { name: "map", path: "/map?place=baghdad", heading: /Map: Baghdad/, text: /GeoNames 98182/ },
  { name: "export", path: "/export", heading: /^Export$/, text: /OpenCTI/ },
];
