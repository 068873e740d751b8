import { describe, expect, it } from "vitest";
import { fold } from "../text/fold.js";
import { actorNameEntries, type NameEntry, NameResolver } from "./resolver.js";

const entry = (actorId: string, name: string, extra: Partial<NameEntry> = {}): NameEntry => ({
  actorId,
  name,
  origin: "name",
  sourceIds: [],
  ...extra,
});
/** [words found, actor, rule] for each match, with every rule or only names as written. */
const found = (entries: NameEntry[], text: string, rules: "all" | "exact" = "all") =>
  new NameResolver(entries)
    .find(text, { rules })
    .map((m) => [text.slice(m.start, m.end), m.candidates.map((c) => c.actorId).join("|"), m.candidates[0]?.rule]);

describe("fold", () => {
  it("ignores case, diacritics and apostrophes and keeps a map back to the original offsets", () => {
    const text = "Asa’ib\u00a0Ahl al-Haq in Tikrīt";
    const f = fold(text);
    expect(f.text).toBe("asaib ahl al haq in tikrit");
    const at = f.text.indexOf("tikrit");
    expect(text.slice(f.origin[at], (f.origin[at + 5] as number) + 1)).toBe("Tikrīt");
  });
});

describe("names as written (the curated corpus's mentions)", () => {
  it("prefers the longest name: Kifa Haider is not Haider", () => {
    expect(found([entry("h", "Haider"), entry("kh", "Kifa Haider")], "said Kifa Haider, not Haider.", "exact")).toEqual(
      [
        ["Kifa Haider", "kh", "exact"],
        ["Haider", "h", "exact"],
      ],
    );
  });

  it("reads an English name's 'the' after 'of' as there or not, as an article", () => {
    expect(
      found([entry("aah", "League of the Righteous")], "the League of Righteous and the League of the Righteous").map(
        ([words, id]) => [words, id],
      ),
    ).toEqual([
      ["League of Righteous", "aah"],
      ["League of the Righteous", "aah"],
    ]);
    expect(found([entry("x", "Army of the Men")], "the Army of Men and the Army the Men").map(([w]) => w)).toEqual([
      "Army of Men",
    ]);
    // A capital "The" after a lower-case "of" opens a name.
    expect(found([entry("c", "The Cradle")], "the editor of The Cradle said").map(([w]) => w)).toEqual(["The Cradle"]);
  });

  it("matches whole words only", () => {
    expect(found([entry("iraq", "Iraq"), entry("ali", "Ali")], "Iraqi army, Alis and Ali.", "exact")).toEqual([
      ["Ali", "ali", "exact"],
    ]);
  });

  it("finds names before a possessive apostrophe, returning the name without it", () => {
    expect(found([entry("h", "Haider"), entry("iraq", "Iraq")], "Haider’s son and Iraq's soul", "exact")).toEqual([
      ["Haider", "h", "exact"],
      ["Iraq", "iraq", "exact"],
    ]);
  });

  it("treats spellings that differ in apostrophes, hyphens, spaces or case as the same name", () => {
    expect(found([entry("aah", "Asaib Ahl al-Haq")], "Asa’ib Ahl al-Haq and Asaib ahl al Haq", "exact")).toEqual([
      ["Asa’ib Ahl al-Haq", "aah", "exact"],
      ["Asaib ahl al Haq", "aah", "exact"],
    ]);
  });

  it("matches an abbreviation in capitals only: 'it wasn't us' is not the US", () => {
    expect(found([entry("us", "US"), entry("us", "U.S.")], "“it wasn't us,” the US said of U.S. forces")).toEqual([
      ["US", "us", "exact"],
      ["U.S.", "us", "exact"],
    ]);
  });

  it("matches a name scoped to other documents only there", () => {
    const entries = [entry("ali", "Ali", { sourceIds: ["doc-1"] }), entry("sistani", "Ali al-Sistani")];
    const r = new NameResolver(entries);
    expect(r.find("Ali al-Sistani and Ali", { sourceId: "doc-2" }).map((m) => m.candidates[0]?.actorId)).toEqual([
      "sistani",
    ]);
    expect(r.find("Ali al-Sistani and Ali", { sourceId: "doc-1" }).map((m) => m.candidates[0]?.actorId)).toEqual([
      "sistani",
      "ali",
    ]);
  });

  it("does linear work for long texts: 2 MB with 1,000 names", () => {
    const names = Array.from({ length: 1000 }, (_, i) => entry(`n${i}`, `Name${i} Surname${i}`));
    const text = "Name7 Surname7 met Name999 Surname999 in Baghdad. ".repeat(40_000);
    expect(new NameResolver(names).find(text)).toHaveLength(80_000);
  });
});

describe("names as transliterations write them", () => {
  const atlas = [
    entry("kh", "Kataib Hezbollah"),
    entry("muhandis", "Abu Mahdi al-Muhandis"),
    entry("amiri", "Hadi al-Amiri"),
    entry("khazali", "Qais al-Khazali"),
    entry("kadhimi", "Mustafa al-Kadhimi"),
    entry("abdul-mahdi", "Adel Abdul-Mahdi"),
    entry("pmf", "Popular Mobilization Forces"),
    entry("pmf", "PMF", { origin: "alias" }),
  ];

  it.each([
    ["vowels", "Kataeb Hizballah", "kh"],
    ["apostrophes", "Kata’ib Hizbullah", "kh"],
    ["the article and vowels", "Abu Mahdi al-Mohandes", "muhandis"],
    ["e for i", "Hadi al-Ameri", "amiri"],
    ["q for k, ay for ai, doubled letters", "Kais al-Khazzali", "khazali"],
    ["dh for z and d", "Mustafa al-Kazemi", "kadhimi"],
    ["kh for k, d for dh", "Mustafa Khadimi", "kadhimi"],
    ["Abd al- for Abdul", "Adel Abd al-Mahdi", "abdul-mahdi"],
    ["a body's head noun in the singular", "Popular Mobilization Force", "pmf"],
  ])("reads %s: %s", (_, written, id) => {
    expect(found(atlas, `Then ${written} spoke.`)).toEqual([[written, id, "transliteration"]]);
  });

  it("says when only the article differs, and keeps exact names exact", () => {
    expect(found(atlas, "Khazali said Qais Khazali and Qais al-Khazali")).toEqual([
      ["Qais Khazali", "khazali", "spelling"],
      ["Qais al-Khazali", "khazali", "exact"],
    ]);
  });

  it("reads an acronym's plural, and a name in Arabic script by its consonants", () => {
    expect(found(atlas, "The PMFs grew.")).toEqual([["PMFs", "pmf", "exact"]]);
    expect(found([entry("kh", "Kataib Hezbollah")], "أعلنت كتائب حزب الله")).toEqual([
      ["كتائب حزب الله", "kh", "arabic-script"],
    ]);
  });

  it("does not make a lower-case word or a short name a transliteration", () => {
    expect(found([entry("amiri", "Amiri")], "the amir and Amir met Omar.")).toEqual([]);
  });

  it("reads a name spelled otherwise whose own last word the text writes in lower case", () => {
    const fatah = [entry("fatah", "Fatah Alliance")];
    expect(found(fatah, "a statement from the Fatih alliance said")).toEqual([
      ["Fatih alliance", "fatah", "transliteration"],
    ]);
    // Another common word after it is no part of the name.
    expect(found(fatah, "the fatih alliance and the Fatih coalition")).toEqual([]);
  });

  it("proposes both actors when the words could name either, and links neither", () => {
    const r = new NameResolver([entry("a", "Ali Hussein"), entry("b", "Ali Husain")]);
    expect(r.find("Ali Husayn said")[0]?.candidates.map((c) => c.actorId)).toEqual(["a", "b"]);
    // The closer spelling wins where one is closer: the article alone is nearer than a transliteration.
    const s = new NameResolver([entry("a", "Hadi al-Amiri"), entry("b", "Hadi al-Ameri")]);
    expect(s.find("Hadi Amiri said")[0]?.candidates.map((c) => c.actorId)).toEqual(["a"]);
  });

  it("makes a known person's distinctive surname a name on its own, beside a title but not inside another name", () => {
    const r = new NameResolver(
      actorNameEntries([
        { id: "kadhimi", name: "Mustafa al-Kadhimi", kind: "person", aliases: [] },
        { id: "sadr", name: "Muqtada al-Sadr", kind: "person", aliases: [] },
      ]),
    );
    const text = "Prime Minister Kadhimi met Sadr. Mohammad al-Sadr, his father, and Sadr City.";
    expect(
      r.find(text).map((m) => [text.slice(m.start, m.end), m.candidates[0]?.actorId, m.candidates[0]?.rule]),
    ).toEqual([
      ["Kadhimi", "kadhimi", "short-form"],
      ["Sadr", "sadr", "short-form"],
    ]);
  });

  it("reads paraphrases of a state's forces and of groups backed by a state", () => {
    const r = new NameResolver(
      actorNameEntries([
        { id: "us-forces", name: "U.S. forces", aliases: [] },
        { id: "iran-backed", name: "Iran-backed militias", aliases: [] },
        { id: "parliament", name: "Iraqi parliament", aliases: [] },
      ]),
    );
    const text = "American troops left; pro-Iranian groups stayed, and Iraq's parliament voted.";
    expect(
      r.find(text).map((m) => [text.slice(m.start, m.end), m.candidates[0]?.actorId, m.candidates[0]?.rule]),
    ).toEqual([
      ["American troops", "us-forces", "paraphrase"],
      ["pro-Iranian groups", "iran-backed", "paraphrase"],
      ["Iraq's parliament", "parliament", "paraphrase"],
    ]);
    // The forces a state backs are the groups it backs, not its own forces; a state's forces stay its own.
    const backed = "Iranian-backed forces attacked a convoy; US forces answered.";
    expect(r.find(backed).map((m) => [backed.slice(m.start, m.end), m.candidates[0]?.actorId])).toEqual([
      ["Iranian-backed forces", "iran-backed"],
      ["US forces", "us-forces"],
    ]);
  });

  it("reads a body named for what it is against, either way round, with the target's other names", () => {
    const r = new NameResolver(
      actorNameEntries([
        { id: "coalition", name: "U.S.-led coalition against ISIS", aliases: [] },
        {
          id: "islamic-state",
          name: "Islamic State",
          aliases: [
            { name: "ISIS", sourceIds: [] },
            { name: "Daesh", sourceIds: [] },
          ],
        },
        { id: "anti-corruption", name: "anti-corruption commission", aliases: [] },
      ]),
    );
    const text =
      "The international anti-ISIS coalition said the anti-Daesh coalition and the coalition against the Islamic State are one; the Commission against Corruption is another.";
    expect(
      r
        .find(text)
        .filter((m) => m.candidates[0]?.rule === "paraphrase")
        .map((m) => [text.slice(m.start, m.end), m.candidates[0]?.actorId]),
    ).toEqual([
      ["international anti-ISIS coalition", "coalition"],
      ["anti-Daesh coalition", "coalition"],
      ["coalition against the Islamic State", "coalition"],
    ]);
  });

  it("reads a state's security forces as its forces, but not a paraphrase that qualifies the next word", () => {
    const r = new NameResolver(
      actorNameEntries([
        { id: "security", name: "Syrian security forces", aliases: [] },
        { id: "syria", name: "Syria", aliases: [] },
      ]),
    );
    const text =
      "Syrian troops fired; rockets hit Syrian military bases. The Syrian military said it responded, and the Syrian military conducted strikes.";
    expect(
      r
        .find(text)
        .filter((m) => m.candidates[0]?.rule === "paraphrase")
        .map((m) => [text.slice(m.start, m.end), m.candidates[0]?.actorId]),
    ).toEqual([
      ["Syrian troops", "security"],
      ["Syrian military", "security"],
      ["Syrian military", "security"],
    ]);
  });

  it("reads a state's soldiers or troops as its army or its forces, both proposed, and its forces as its forces only", () => {
    const r = new NameResolver(
      actorNameEntries([
        { id: "security", name: "Syrian security forces", aliases: [] },
        { id: "army", name: "Syrian Army", aliases: [] },
      ]),
    );
    const text = "Syrian soldiers and Syrian forces advanced.";
    expect(r.find(text).map((m) => [text.slice(m.start, m.end), m.candidates.map((c) => c.actorId).sort()])).toEqual([
      ["Syrian soldiers", ["army", "security"]],
      ["Syrian forces", ["security"]],
    ]);
  });

  it("names a body led by a state without its target, and by the own name after a dash", () => {
    const r = new NameResolver(
      actorNameEntries([
        { id: "coalition", name: "U.S.-led coalition against the Ogres", aliases: [] },
        { id: "task-force", name: "Joint Task Force – Operation Stone Bridge", aliases: [] },
      ]),
    );
    const text = "The US-led global coalition and Operation Stone Bridge said the Joint Task Force was ready.";
    expect(r.find(text).map((m) => [text.slice(m.start, m.end), m.candidates[0]?.actorId])).toEqual([
      ["US-led global coalition", "coalition"],
      ["Operation Stone Bridge", "task-force"],
    ]);
  });

  it("finds a name with a vowel sounded between its last two consonants (Hashd / Hashed), not in a short word", () => {
    const entries = [entry("hashd", "Hashd"), entry("badr", "Badr Organization"), entry("amr", "Amr")];
    expect(found(entries, "Hashed fighters, the Bader Organization and Amer.")).toEqual([
      ["Hashed", "hashd", "transliteration"],
      ["Bader Organization", "badr", "transliteration"],
    ]);
  });

  it("names a body by its name without its head noun, not when a state's adjective or a person's name is left", () => {
    const r = new NameResolver(
      actorNameEntries([
        { id: "hashd", name: "Tribal Mobilization Forces", kind: "armed_group", aliases: [] },
        { id: "isf", name: "Syrian Security Forces", kind: "military", aliases: [] },
        { id: "brigades", name: "Imam Hadi Brigades", kind: "armed_group", aliases: [] },
      ]),
    );
    const text = "The Tribal Mobilization said Syrian Security officials met Imam Hadi.";
    expect(
      r.find(text).map((m) => [text.slice(m.start, m.end), m.candidates[0]?.actorId, m.candidates[0]?.rule]),
    ).toEqual([["Tribal Mobilization", "hashd", "short-form"]]);
  });

  it("names a body by its name without the state that opens it, not when any state's body could be named so", () => {
    const r = new NameResolver(
      actorNameEntries([
        { id: "senate", name: "United States Senate", kind: "government_body", aliases: [] },
        { id: "guard", name: "Iranian Border Guard Command", kind: "military", aliases: [] },
        { id: "army", name: "Syrian Army", kind: "military", aliases: [] },
        { id: "person", name: "Iraqi Ahmed Salman", kind: "person", aliases: [] },
      ]),
    );
    const text =
      "The Senate and the Border Guard Command met the Army and Ahmed Salman; the senate, the Kurdish National Senate and Turkey's Border Guard Command did not.";
    expect(
      r.find(text).map((m) => [text.slice(m.start, m.end), m.candidates[0]?.actorId, m.candidates[0]?.rule]),
    ).toEqual([
      ["Senate", "senate", "short-form"],
      ["Border Guard Command", "guard", "short-form"],
    ]);
  });

  it("offers a known name with a typing slip (two letters swapped, or one changed in a long word), never a first name's namesake", () => {
    const r = new NameResolver([
      entry("khazali", "Qais al-Khazali"),
      entry("copsey", "Kevin Copsey"),
      entry("muhandis", "Abu Mahdi al-Muhandis"),
    ]);
    expect(r.nearMisses("Qais al-Khalazi").map((c) => [c.actorId, c.confidence])).toEqual([["khazali", 0.6]]);
    expect(r.nearMisses("Abu Mahdi al-Muhandiz").map((c) => c.actorId)).toEqual(["muhandis"]);
    expect(r.nearMisses("Kevin Copley")).toEqual([]);
    expect(r.nearMisses("Qais al-Khazali")).toEqual([]);
  });

  it("takes a capital for its government only where it acts, not where it is a place or part of a name", () => {
    const r = new NameResolver([entry("us", "Washington", { origin: "outside", metonym: true })]);
    const text = "Washington warned Tehran. Officials in Washington met. The Washington Post reported.";
    expect(r.find(text).map((m) => text.slice(m.start, m.end))).toEqual(["Washington"]);
    // A possessive is the government's, even after "to": "in retaliation to Washington’s support".
    const owned = "Militias struck in retaliation to Washington’s support for Israel.";
    expect(r.find(owned).map((m) => owned.slice(m.start, m.end))).toEqual(["Washington"]);
  });
});
