/**
 * Events, relations and claim links proposed from sentences, one rule per test: each sentence is
 * written for the rule, with invented names where the rule must not depend on who is named.
 */
import type { ActorKind, ParticipantRole, RelationType, Time } from "@atlas/schema";
import { describe, expect, it } from "vitest";
import type { Draft, ProposalOf } from "../types.js";
import { corroborated, statesOfBodies } from "./corroborate.js";
import { eventTitle } from "./events.js";
import { suggest } from "./index.js";
import { claimLinks } from "./links.js";

const ACTORS: { id: string; name: string; kind: ActorKind; aliases: { name: string; sourceIds: string[] }[] }[] = [
  { id: "brigade-x", name: "Saraya Tahrir", kind: "armed_group", aliases: [] },
  { id: "umbrella-y", name: "National Defence Front", kind: "armed_group", aliases: [{ name: "NDF", sourceIds: [] }] },
  { id: "leader-z", name: "Karim al-Mansouri", kind: "person", aliases: [] },
  { id: "officer-w", name: "Faris al-Jaber", kind: "person", aliases: [] },
  { id: "iran", name: "Iran", kind: "state", aliases: [] },
  { id: "iraq", name: "Iraq", kind: "state", aliases: [] },
  { id: "united-states", name: "United States", kind: "state", aliases: [{ name: "US", sourceIds: [] }] },
  { id: "iran-guard", name: "Revolutionary Guard", kind: "military", aliases: [] },
  { id: "militias-m", name: "Border Militias", kind: "armed_group", aliases: [] },
  { id: "us-congress", name: "United States Congress", kind: "government_body", aliases: [] },
];
const published: Time = { edtf: "2021-06-01", precision: "day", basis: "explicit" };
/** Actors taking part in an account, in one role ("participant" unless said). */
const takingPart = (...actorIds: string[]) => actorIds.map((actorId) => ({ actorId, role: "participant" as const }));
const as = (role: ParticipantRole, ...actorIds: string[]) => actorIds.map((actorId) => ({ actorId, role }));

function run(
  text: string,
  relations: { id: string; type: RelationType; fromId: string; toId: string; time: null; former: boolean }[] = [],
) {
  return suggest({
    text,
    segments: [{ role: "body", start: 0, end: text.length, article: true }],
    published,
    actors: ACTORS,
    places: [{ name: "Baghdad", aliases: [] }],
    relations,
  }).drafts;
}
const of = <K extends Draft["kind"]>(drafts: Draft[], kind: K) =>
  drafts.filter((d) => d.kind === kind) as Draft<ProposalOf<K>>[];
const ties = (text: string, held: Parameters<typeof run>[1] = []) =>
  of(run(text, held), "relation").map(
    (d) =>
      `${d.proposal.from.actorId ?? d.proposal.from.name} ${d.proposal.relationType} ${d.proposal.to.actorId ?? d.proposal.to.name}`,
  );

describe("relations", () => {
  it.each([
    [
      "a role of a body named with its head noun",
      "Karim al-Mansouri, head of the Saraya Tahrir force, spoke.",
      "leader-z leads brigade-x",
    ],
    [
      "a tie of a body set off by dashes, described in other words",
      "Saraya Tahrir — an armed faction linked to Shia cleric Karim al-Mansouri — fought.",
      "brigade-x linked_to leader-z",
    ],
    [
      "a halt of its own hostilities against a foe",
      "Saraya Tahrir announced a suspension of hostilities against the Border Militias.",
      "brigade-x opposes militias-m",
    ],
    [
      "one's representative, who speaks for one",
      "The attack drew condemnation from Mansouri representative Faris al-Jaber.",
      "officer-w spokesperson_of leader-z",
    ],
    [
      "a role said outright",
      "Karim al-Mansouri is the leader of the National Defence Front.",
      "leader-z leads umbrella-y",
    ],
    [
      "a lieutenant named by whose he is",
      "Posters showed Karim al-Mansouri's Iraqi lieutenant Faris al-Jaber.",
      "officer-w deputy_of leader-z",
    ],
    [
      "a rank is no lieutenant",
      "Saraya Tahrir's Lieutenant General Faris al-Jaber spoke.",
      "officer-w member_of brigade-x",
    ],
    [
      "the subject's role, said after 'with'",
      "Saraya Tahrir is led by no one but is overseen by the National Defence Front, with Karim al-Mansouri its chairman.",
      "leader-z leads brigade-x",
    ],
    [
      "a body's overseer",
      "Saraya Tahrir, which is overseen by the National Defence Front, paraded.",
      "brigade-x subordinate_of umbrella-y",
    ],
    ["who backs the subject, said first", "Backed by Iran, Saraya Tahrir fought on.", "brigade-x backed_by iran"],
    [
      "a designation in a reduced passive",
      "It met the Revolutionary Guard, branded a terrorist organization by the United States.",
      "iran-guard designated_by united-states",
    ],
    [
      "a killing said as a noun, with its killer before it",
      "They marked the anniversary of the US killing of Karim al-Mansouri.",
      "united-states killed leader-z",
    ],
    [
      "a numbered unit a new name leads, by the surname after the full name",
      "The sanctions named Anwar Tellawi. Officials said Tellawi is the leader of the 40th Brigade militia.",
      "Anwar Tellawi leads 40th Brigade",
    ],
    [
      "a body before a role, in an apposition",
      "Faris al-Jaber, a Saraya Tahrir member, said so.",
      "officer-w member_of brigade-x",
    ],
    [
      "a qualified role after the body",
      "Faris al-Jaber, a senior NDF commander, spoke.",
      "officer-w commands umbrella-y",
    ],
    [
      "integration into a body",
      "Saraya Tahrir has since been formally integrated into the National Defence Front.",
      "brigade-x part_of umbrella-y",
    ],
    [
      "fighters who battled alongside",
      "Saraya Tahrir fighters had battled alongside the Border Militias in 2017.",
      "brigade-x allied_with militias-m",
    ],
    [
      "a lieutenant",
      "Posters showed Karim al-Mansouri and his Iraqi lieutenant Faris al-Jaber.",
      "officer-w subordinate_of leader-z",
    ],
    [
      "a title of a body before a name",
      "Spokesman of the National Defence Front Faris al-Jaber said the raid was legal.",
      "officer-w spokesperson_of umbrella-y",
    ],
    [
      "a head before a name",
      "Head of Saraya Tahrir Karim al-Mansouri rejected the results.",
      "leader-z leads brigade-x",
    ],
    [
      "'led by' with a title between",
      "The State of Law Coalition led by former Prime Minister Faris al-Jaber won 37 seats.",
      "officer-w leads State of Law Coalition",
    ],
    [
      "'led by' after a bracket",
      "Saraya Tahrir (Liwa) led by the commander Karim al-Mansouri fought.",
      "leader-z leads brigade-x",
    ],
  ])("reads %s", (_, text, tie) => {
    expect(ties(text)).toEqual([tie]);
  });

  it.each([
    [
      "a designation written into a word, before the name",
      "The raid killed the leader of U.S.-designated Saraya Tahrir.",
      ["brigade-x designated_by united-states"],
    ],
    [
      "a role of a designated group",
      "Karim al-Mansouri, the leader of US designated Saraya Tahrir, fled.",
      ["leader-z leads brigade-x", "brigade-x designated_by united-states"],
    ],
    [
      "a designation and a proxy described after the name",
      "Saraya Tahrir, another U.S.-designated Iranian proxy, fired rockets.",
      ["brigade-x backed_by iran", "brigade-x designated_by united-states"],
    ],
    [
      "a tie of a plural subject, for each",
      "The bases are used by Saraya Tahrir and the Border Militias, which are both linked to Iran.",
      ["militias-m linked_to iran", "brigade-x linked_to iran"],
    ],
    [
      "a plural head noun after the names",
      "The bases are used by the Saraya Tahrir and Border Militias groups, which are both linked to Iran.",
      ["militias-m linked_to iran", "brigade-x linked_to iran"],
    ],
    [
      "a group's plural role, then each who holds it",
      "Washington listed Saraya Tahrir and its leaders, Karim al-Mansouri and Faris al-Jaber, on Friday.",
      ["leader-z leads brigade-x", "officer-w leads brigade-x"],
    ],
    [
      "a group speaking through its role's holder",
      "Saraya Tahrir, through its spokesman Karim al-Mansouri, denied the attack.",
      ["leader-z spokesperson_of brigade-x"],
    ],
    [
      "a role over a part of the group: one of its people, not its head",
      "Saraya Tahrir's head of force deployments Karim al-Mansouri left the city.",
      ["leader-z member_of brigade-x"],
    ],
    [
      "a role over a part of the group, with no possessive",
      "Saraya Tahrir chief of staff Karim al-Mansouri left the city.",
      ["leader-z member_of brigade-x"],
    ],
    [
      "a role over a part of the group, its holder between commas",
      "Saraya Tahrir's head of security, Karim al-Mansouri, left the city.",
      ["leader-z member_of brigade-x"],
    ],
    [
      "a role over a part of a group whose name is a plural",
      "The Border Militias' head of force deployments Karim al-Mansouri left the city.",
      ["leader-z member_of militias-m"],
    ],
    [
      "no person's role over a part of his work",
      "Karim al-Mansouri's chief of staff Faris al-Jaber left the city.",
      [],
    ],
    [
      "no 'through its' role without the comma that sets it after the group",
      "Washington warned Saraya Tahrir through its spokesman Karim al-Mansouri on Sunday.",
      [],
    ],
  ])("reads %s", (_, text, expected) => {
    expect(ties(text)).toEqual(expected);
  });

  it("takes a proxy's backer from a state's whole adjective, and none from a word that names no one", () => {
    expect(ties("Saraya Tahrir, a Syrian proxy, fired rockets.")).toEqual(["brigade-x backed_by Syria"]);
    expect(ties("Saraya Tahrir, a Shiite proxy, fired rockets.")).toEqual([]);
  });

  it("shares a tie with every name of a list, before a plural subject's verb or after a plural role", () => {
    expect(
      ties("Saraya Tahrir, the National Defence Front and the Border Militias, which are all linked to Iran, grew."),
    ).toEqual(["militias-m linked_to iran", "umbrella-y linked_to iran", "brigade-x linked_to iran"]);
    expect(
      ties("Washington listed Saraya Tahrir and its spokesmen, Karim al-Mansouri and Faris al-Jaber, on Friday."),
    ).toEqual(["leader-z spokesperson_of brigade-x", "officer-w spokesperson_of brigade-x"]);
  });

  it("keeps a tie to the last of a list when nothing makes the subject plural, and a singular role to its holder", () => {
    expect(ties("The bases are used by Saraya Tahrir and the Border Militias, which is linked to Iran.")).toEqual([
      "militias-m linked_to iran",
    ]);
    expect(
      ties("Washington listed Saraya Tahrir and its leader, Karim al-Mansouri and Faris al-Jaber, on Friday."),
    ).toEqual(["leader-z leads brigade-x"]);
  });

  it("reads 'group spokesman X' and 'the militia's commander X' as the group named before, not 'militia commander X'", () => {
    expect(ties("Saraya Tahrir fired rockets, according to group spokesman Faris al-Jaber.")).toEqual([
      "officer-w spokesperson_of brigade-x",
    ]);
    expect(ties("Saraya Tahrir fired rockets. The militia's commander Faris al-Jaber confirmed it.")).toEqual([
      "officer-w commands brigade-x",
    ]);
    expect(ties("Saraya Tahrir fired rockets. Iraqi militia commander Faris al-Jaber denied it.")).toEqual([]);
  });

  it("reads a tie in an aside ('a channel close to Y') and a quoted name after its role", () => {
    expect(
      ties("The video was published by Nahrain Media, a Telegram channel close to Saraya Tahrir, on Monday."),
    ).toEqual(["Nahrain Media linked_to brigade-x"]);
    expect(ties('Earlier, the security official of Saraya Tahrir, "Faris al-Jaber," rejected the results.')).toEqual([
      "officer-w member_of brigade-x",
    ]);
    // Or after its title; a capitalized word that is no title is another name, and no tie.
    expect(ties("A spokesman for Saraya Tahrir, Col. Faris al-Jaber, denied it.")).toEqual([
      "officer-w spokesperson_of brigade-x",
    ]);
    expect(ties("A spokesman for Saraya Tahrir, Baghdad Faris al-Jaber, denied it.")).toEqual([]);
    // An adverb of manner before "fighting alongside" keeps the tie.
    expect(ties("He said Saraya Tahrir is powerfully fighting alongside the National Defence Front.")).toEqual([
      "brigade-x allied_with umbrella-y",
    ]);
  });

  it("reads ties written into a name, a possessive or a verb", () => {
    expect(ties("Iran-backed Saraya Tahrir fired rockets.")).toContain("brigade-x backed_by iran");
    expect(ties("Karim al-Mansouri’s Saraya Tahrir grew.")).toContain("leader-z leads brigade-x");
    expect(ties("Iran's Revolutionary Guard trained them.")).toContain("iran-guard part_of iran");
    expect(ties("Karim al-Mansouri, who heads Saraya Tahrir, spoke.")).toContain("leader-z leads brigade-x");
    expect(ties("Saraya Tahrir, which was created by Karim al-Mansouri, grew.")).toContain(
      "leader-z founded brigade-x",
    );
    expect(ties("Saraya Tahrir, which is closely linked to Iran, grew.")).toContain("brigade-x linked_to iran");
    // Backing said with a hedge; two roles joined by "and", each its own tie.
    expect(ties("Saraya Tahrir, which is believed to be funded by Iran, grew.")).toContain("brigade-x backed_by iran");
    expect(ties("Faris al-Jaber, a senior leader of Saraya Tahrir, spoke.")).toContain("officer-w member_of brigade-x");
    const both = ties("Karim al-Mansouri, the founder and leader of the Saraya Tahrir militia, spoke.");
    expect(both).toContain("leader-z founded brigade-x");
    expect(both).toContain("leader-z leads brigade-x");
    expect(both).not.toContain("leader-z member_of brigade-x");
  });

  it("reads a clause after a tie's object as telling of the noun the tie describes", () => {
    expect(ties("Border units aligned with Iran, which were integrated into the NDF, withdrew.")).not.toContain(
      "iran part_of umbrella-y",
    );
    expect(ties("Saraya Tahrir, which was integrated into the NDF, withdrew.")).toContain(
      "brigade-x part_of umbrella-y",
    );
    // A person after the tie is the clause's subject.
    expect(ties("Fighters loyal to Karim al-Mansouri, who heads Saraya Tahrir, withdrew.")).toContain(
      "leader-z leads brigade-x",
    );
  });

  it("reads a part in defeating another as opposing it", () => {
    expect(ties("Saraya Tahrir was crucial to defeating the NDF in the north.")).toContain(
      "brigade-x opposes umbrella-y",
    );
    expect(ties("Saraya Tahrir helped defeat the NDF.")).toContain("brigade-x opposes umbrella-y");
    expect(ties("Saraya Tahrir, formed in 2014 to fight the NDF, grew.")).toContain("brigade-x opposes umbrella-y");
    expect(ties("Saraya Tahrir helped the NDF.")).not.toContain("brigade-x opposes umbrella-y");
  });

  it("reads enmity said of a name: a foe, an enemy, a critic of another", () => {
    expect(ties("Saraya Tahrir, the powerful militia and arch-foe of the NDF, grew.")).toContain(
      "brigade-x opposes umbrella-y",
    );
    expect(ties("Karim al-Mansouri, a vocal critic of Saraya Tahrir, spoke.")).toContain("leader-z opposes brigade-x");
    expect(ties("Karim al-Mansouri, a friend of Saraya Tahrir, spoke.")).not.toContain("leader-z opposes brigade-x");
    // Not of a name inside a phrase, nor of a state that only describes the group named.
    expect(ties("A breakaway faction of Saraya Tahrir is a bitter rival of the NDF.")).not.toContain(
      "brigade-x opposes umbrella-y",
    );
    expect(ties("Karim al-Mansouri, a critic of Iran-backed factions, spoke.")).not.toContain("leader-z opposes iran");
  });

  it("reads ties a verb states of its subject, and no subject after a preposition", () => {
    expect(ties("Saraya Tahrir fought the National Defence Front for a decade.")).toContain(
      "brigade-x opposes umbrella-y",
    );
    expect(ties("Saraya Tahrir, which has long battled the NDF, grew.")).toContain("brigade-x opposes umbrella-y");
    expect(ties("Saraya Tahrir is fighting alongside the National Defence Front.")).toContain(
      "brigade-x allied_with umbrella-y",
    );
    expect(ties("Karim al-Mansouri joined Saraya Tahrir in 2014.")).toContain("leader-z member_of brigade-x");
    expect(ties("Saraya Tahrir receives money and weapons from Iran.")).toContain("brigade-x backed_by iran");
    expect(ties("Saraya Tahrir is equipped and financed by Iran.")).toContain("brigade-x backed_by iran");
    expect(ties("Saraya Tahrir pledged allegiance to Karim al-Mansouri.")).toContain("brigade-x linked_to leader-z");
    expect(ties("He grew up in Saraya Tahrir fighting alongside Iran.")).not.toContain("brigade-x allied_with iran");
  });

  it("reads belonging under an umbrella, past a state that names it", () => {
    expect(
      ties("Saraya Tahrir is a militia falling under the umbrella of Iraq's National Defence Front (NDF)."),
    ).toContain("brigade-x part_of umbrella-y");
  });

  it("takes a group's own head noun as the group, and a state's possessive as no end of a tie", () => {
    expect(ties("Karim al-Mansouri, founder of the Saraya Tahrir network, spoke.")).toContain(
      "leader-z founded brigade-x",
    );
    expect(ties("Karim al-Mansouri, who heads Iraq’s second largest party, spoke.")).toEqual([]);
  });

  it("labels one of a group's commanders by rank or role before the name", () => {
    expect(ties("Saraya Tahrir Gen. Faris al-Jaber spoke.")).toContain("officer-w member_of brigade-x");
    expect(ties("NDF Deputy Commander Faris al-Jaber spoke.")).toContain("officer-w member_of umbrella-y");
  });

  it("makes an office the atlas holds more evidence for it, and reads a state's office", () => {
    const held = [
      { id: "z-leads-x", type: "leads" as const, fromId: "leader-z", toId: "brigade-x", time: null, former: false },
    ];
    const [office] = of(run("Since President Karim al-Mansouri took office, little changed.", held), "relation");
    expect(office?.proposal).toMatchObject({ relationType: "leads", existing: { id: "z-leads-x" } });
    expect(ties("Former Iranian Defence Minister, Faris al-Jaber said so.")).toContain("officer-w employed_by iran");
  });

  it("reads the state in a title only the United States gives, and in no other", () => {
    expect(ties("Secretary of State Faris al-Jaber arrived in Baghdad.")).toContain(
      "officer-w employed_by united-states",
    );
    expect(ties("Sen. Karim al-Mansouri, a Democrat, objected.")).toContain("leader-z member_of us-congress");
    expect(ties("Special Representative Faris al-Jaber arrived.").filter((t) => t.startsWith("officer-w"))).toEqual([]);
  });

  it("reads belonging stated with a copula, members listed after 'including', and a press secretary", () => {
    expect(
      ties("Saraya Tahrir is regarded as the preeminent armed faction within the National Defence Front."),
    ).toContain("brigade-x part_of umbrella-y");
    const listed = ties("They struck Border Militias including Saraya Tahrir and Liwa al-Fath.");
    expect(listed).toEqual(expect.arrayContaining(["brigade-x part_of militias-m", "Liwa al-Fath part_of militias-m"]));
    expect(ties("Revolutionary Guard Press Secretary Karim al-Mansouri spoke.")).toContain(
      "leader-z spokesperson_of iran-guard",
    );
  });

  it("reads backing in a description after the name, and a role followed by a rank", () => {
    expect(ties("Saraya Tahrir, the most influential Iran-backed militia in Baghdad, spoke.")).toContain(
      "brigade-x backed_by iran",
    );
    expect(ties("Saraya Tahrir, a network of shadow militia groups backed by Iran, spoke.")).toContain(
      "brigade-x backed_by iran",
    );
    expect(ties("Revolutionary Guard press secretary Maj. Gen. Karim al-Mansouri spoke.")).toContain(
      "leader-z spokesperson_of iran-guard",
    );
  });

  it("reads a designation without its 'was', and a state's body named right after the state", () => {
    expect(
      ties("Saraya Tahrir is the only militia designated as a terrorist organization by the United States."),
    ).toContain("brigade-x designated_by united-states");
    expect(ties("The Iran Revolutionary Guard trained them.")).toContain("iran-guard part_of iran");
  });

  it("reads a state's body from the state's word in a name the atlas does not know", () => {
    expect(ties("The Iranian Interior Ministry denied it.")).toContain("Iranian Interior Ministry part_of iran");
    expect(ties("The U.S. Commerce Department denied it.")).toContain("U.S. Commerce Department part_of united-states");
    // The state's own government is no body of it; a lower-case description is no name.
    expect(ties("The Iranian Government denied it.")).toEqual([]);
    expect(ties("An Iraqi judicial council ruled on it.")).toEqual([]);
  });

  it("reads a role past the words that describe the group ('of the Iran-backed Iraqi Shi'ite X')", () => {
    const tied = ties(
      "Karim al-Mansouri, Secretary-General of the Iran-backed Iraqi Shi'ite Saraya Tahrir militia, spoke.",
    );
    expect(tied).toEqual(expect.arrayContaining(["leader-z leads brigade-x", "brigade-x backed_by iran"]));
    // The backing is the group's, not its commander's.
    expect(ties("Karim al-Mansouri, the commander of the Iran-backed Saraya Tahrir, spoke.")).not.toContain(
      "leader-z backed_by iran",
    );
    // A place after "in" is where the group is, not what it belongs to.
    expect(ties("Saraya Tahrir, the most influential Iran-backed militia in Iraq, spoke.")).not.toContain(
      "brigade-x part_of iraq",
    );
    expect(ties("Saraya Tahrir is a major militia within the Iraqi National Defence Front.")).toContain(
      "brigade-x part_of umbrella-y",
    );
  });

  it("reads a tie after a group's head noun, an acronym's bracket, and a second tie joined by 'and'", () => {
    expect(
      ties("Rivals fought the Saraya Tahrir militia, which was created by the firebrand cleric Karim al-Mansouri."),
    ).toContain("leader-z founded brigade-x");
    expect(
      ties("He led the National Defence Front (NDF), a grouping of mostly Shia militias backed by Iran."),
    ).toContain("umbrella-y backed_by iran");
    expect(
      ties(
        "Saraya Tahrir, a network of militia groups backed by Iran and affiliated with the Revolutionary Guard, spoke.",
      ),
    ).toEqual(expect.arrayContaining(["brigade-x backed_by iran", "brigade-x linked_to iran-guard"]));
  });

  it("reads a second relative clause joined by 'and who' as the same subject's", () => {
    expect(
      ties("Karim al-Mansouri, who leads the Saraya Tahrir group and who was sanctioned by the United States, spoke."),
    ).toEqual(expect.arrayContaining(["leader-z leads brigade-x", "leader-z sanctioned_by united-states"]));
    expect(
      ties("Karim al-Mansouri, who leads Saraya Tahrir and who met a United States envoy, spoke.").filter((t) =>
        t.includes("united-states"),
      ),
    ).toEqual([]);
  });

  it("reads leading and command in the passive", () => {
    expect(ties("Saraya Tahrir, which is headed by Karim al-Mansouri, grew.")).toContain("leader-z leads brigade-x");
    expect(ties("Saraya Tahrir, commanded by Faris al-Jaber, advanced.")).toContain("officer-w commands brigade-x");
    expect(ties("Saraya Tahrir, which headed for Baghdad with Karim al-Mansouri, grew.")).toEqual([]);
  });

  it("reads backing stated as a backer's support for someone", () => {
    expect(ties("Iran’s support for Saraya Tahrir grew.")).toContain("brigade-x backed_by iran");
    expect(ties("Iran denied any support for Saraya Tahrir.").filter((t) => t.includes("backed_by"))).toEqual([]);
  });

  it("reads a role of 'the group' or of a name's word as the group named last", () => {
    expect(ties("Saraya Tahrir fired rockets. Karim al-Mansouri, the group's spokesman, confirmed it.")).toContain(
      "leader-z spokesperson_of brigade-x",
    );
    expect(ties("The Border Militias struck. Faris al-Jaber, the Militias' commander, spoke.")).toContain(
      "officer-w commands militias-m",
    );
    expect(ties("Saraya Tahrir grew. The former leader of this militia, Karim al-Mansouri, spoke.")).toContain(
      "leader-z leads brigade-x",
    );
    expect(ties("Saraya Tahrir grew. Faris al-Jaber, the country's president, spoke.")).toEqual([]);
    expect(ties("Saraya Tahrir fired rockets. Faris al-Jaber, a spokesman for the militia, confirmed it.")).toContain(
      "officer-w spokesperson_of brigade-x",
    );
    // The body named last before the role, however far back the sentence starts.
    expect(
      ties(
        "Saraya Tahrir won many seats in Baghdad in the election held last year in Iraq. The head of this militia, Karim al-Mansouri, met Border Militias leaders.",
      ),
    ).toContain("leader-z leads brigade-x");
    // A militia the words go on to name is that one, not the one named before.
    expect(
      ties("Saraya Tahrir fired rockets. Faris al-Jaber, a spokesman for the militia Liwa al-Fath, spoke."),
    ).not.toContain("officer-w spokesperson_of brigade-x");
    // A state's forces are no group; with no group named there is nothing to tie.
    expect(ties("The Revolutionary Guard struck. Faris al-Jaber, the group's commander, spoke.")).toEqual([]);
    expect(ties("Faris al-Jaber, the group's commander, spoke.")).toEqual([]);
  });

  it("reads a tie after a quoted name's closing mark", () => {
    expect(ties("It came from the “National Defence Front” allied with Iran.")).toContain(
      "umbrella-y allied_with iran",
    );
    expect(ties("It came from the “National Defence Front” and Iran.")).toEqual([]);
  });

  it("reads a state's office after the name, alliance, sanctions issued, and 'X and other Iran-backed groups'", () => {
    expect(ties("Karim al-Mansouri – Iran's most powerful military commander – died.")).toContain(
      "leader-z employed_by iran",
    );
    expect(ties("Saraya Tahrir, allied with Iran, grew.")).toContain("brigade-x allied_with iran");
    expect(ties("The United States on Friday issued sanctions targeting Saraya Tahrir.")).toContain(
      "brigade-x sanctioned_by united-states",
    );
    expect(ties("It warned Saraya Tahrir and all other Iran-backed groups.")).toContain("brigade-x backed_by iran");
  });

  it("reads opposition written into a word or stated as a fight against", () => {
    expect(ties("Saraya Tahrir is an Iranian-sponsored, anti-American Shiite militia.")).toContain(
      "brigade-x opposes united-states",
    );
    expect(
      ties("On Tuesday, Saraya Tahrir declared a halt to its operations against the National Defence Front."),
    ).toContain("brigade-x opposes umbrella-y");
    expect(ties("The National Defence Front war against Saraya Tahrir went on.")).toContain(
      "umbrella-y opposes brigade-x",
    );
  });

  it("reads kin after a name's possessive or a pronoun's, a child always the first end", () => {
    expect(ties("Karim al-Mansouri's son, Faris al-Jaber, spoke.")).toContain("officer-w kin_of leader-z");
    expect(ties("Karim al-Mansouri's father, Faris al-Jaber, spoke.")).toContain("leader-z kin_of officer-w");
    // "his" is the person named last before it, in the sentence before if need be.
    expect(
      ties("Faris al-Jaber wept at the grave. He said that his own father, Karim al-Mansouri, had chosen the militia."),
    ).toContain("officer-w kin_of leader-z");
    expect(ties("Reporters met Faris al-Jaber and his brother Karim al-Mansouri.")).toContain(
      "leader-z kin_of officer-w",
    );
    // No person before the pronoun in its paragraph, or no kin word: no kin.
    expect(ties("The militia said his brother, Karim al-Mansouri, was held.")).toEqual([]);
    expect(ties("Faris al-Jaber spoke.\n\nA portrait hangs. His father, Karim al-Mansouri, wept.")).toEqual([]);
    expect(ties("Faris al-Jaber praised his ally, Karim al-Mansouri.").filter((t) => t.includes("kin_of"))).toEqual([]);
  });

  it("reads a sentence opening on 'The militia' as about the group named last", () => {
    expect(
      ties("Saraya Tahrir grew. The militia declared a halt to its operations against the National Defence Front."),
    ).toContain("brigade-x opposes umbrella-y");
    expect(ties("Iran grew. The group declared a halt to its operations against the National Defence Front.")).toEqual(
      [],
    );
    expect(ties("Saraya Tahrir grew. Reporters said the militia has links to the National Defence Front.")).toEqual([]);
  });

  it("reads a call for jihad or war against someone as opposition", () => {
    expect(ties("Karim al-Mansouri, calling for jihad against Saraya Tahrir, spoke.")).toContain(
      "leader-z opposes brigade-x",
    );
    expect(ties("Karim al-Mansouri called for a war on the National Defence Front.")).toContain(
      "leader-z opposes umbrella-y",
    );
    expect(ties("Karim al-Mansouri called for talks with Saraya Tahrir.")).toEqual([]);
    // A place the call was made in is no subject of it.
    expect(ties("He spoke in Saraya Tahrir calling for jihad against the NDF.")).not.toContain(
      "brigade-x opposes umbrella-y",
    );
  });

  it("says who killed whom only as the sentence states it, active or passive", () => {
    // A participle with a preposition after it is passive: the group named before is no killer.
    const reduced = ties(
      "A photo of Karim al-Mansouri, the Saraya Tahrir commander killed alongside Faris al-Jaber in a US drone strike.",
    );
    expect(reduced.filter((t) => t.startsWith("brigade-x killed"))).toEqual([]);
    expect(ties("A US drone strike killed Karim al-Mansouri in Baghdad.")).toContain("united-states killed leader-z");
    expect(ties("Karim al-Mansouri was killed on January 3 in a US drone strike.")).toContain(
      "united-states killed leader-z",
    );
    expect(ties("The US said Saraya Tahrir killed Karim al-Mansouri.").filter((t) => t.includes("killed"))).toEqual([]);
  });

  it("says who was killed in a relative clause, and who was killed alongside", () => {
    expect(ties("Karim al-Mansouri, who was killed in a US drone strike in 2020, founded Saraya Tahrir.")).toContain(
      "united-states killed leader-z",
    );
    expect(ties("Karim al-Mansouri was killed alongside Faris al-Jaber in a US drone strike.")).toEqual(
      expect.arrayContaining(["united-states killed leader-z", "united-states killed officer-w"]),
    );
    // Someone the clause only places, or named after the clause ends, was not killed.
    expect(
      ties("Karim al-Mansouri, who was in Baghdad when a US drone strike killed Faris al-Jaber, fled."),
    ).not.toContain("united-states killed leader-z");
    expect(ties("Karim al-Mansouri was killed in a US drone strike, and Faris al-Jaber fled.")).not.toContain(
      "united-states killed officer-w",
    );
  });
});

describe("what the new readers must not read", () => {
  it("ties no one a list of the killed does not name, no object of a word, no one the sanctions named by a possessive", () => {
    expect(
      ties("They marked the anniversary of the US killing of Karim al-Mansouri and angered Faris al-Jaber.").filter(
        (t) => t.includes("killed"),
      ),
    ).toEqual(["united-states killed leader-z"]);
    expect(ties("The nephew of Karim al-Mansouri is a commander in Saraya Tahrir.")).toEqual([]);
    expect(
      ties(
        "The US sanctioned Saraya Tahrir in 2019. In 2022, Karim al-Mansouri was designated for corruption by Iran.",
      ).filter((t) => t.startsWith("leader-z")),
    ).toEqual(["leader-z designated_by iran"]);
    expect(ties("The US sanctioned Saraya Tahrir. The sanctions hit Karim al-Mansouri's allies hardest.")).toEqual([
      "brigade-x sanctioned_by united-states",
    ]);
    expect(ties("Backed by Iran, Iraq's Border Militias have grown stronger.")).toEqual([]);
    expect(ties("Karim al-Mansouri, labelled a moderate by Iran, left Saraya Tahrir.")).toEqual([]);
    // Another's attacks, or what a body is linked to that is no one: no foe, no tie.
    expect(ties("Saraya Tahrir condemned the wave of attacks against the Border Militias.")).toEqual([]);
    expect(ties("Saraya Tahrir, a faction linked to the killing of Karim al-Mansouri, denied it.")).toEqual([]);
    // Attacks another is urged to halt; a state's forces; a name that only modifies a noun.
    expect(ties("Iraq urged the armed factions to halt their attacks on the Border Militias.")).toEqual([]);
    expect(ties("Karim al-Mansouri, the commander of Iraq forces in Mosul, was removed.")).toEqual([]);
    expect(ties("Saraya Tahrir, the militia group linked to the United States embassy attack, denied it.")).toEqual([]);
    // A party's representative sits for it; a person's speaks for him.
    expect(ties("Faris al-Jaber, a representative of Saraya Tahrir in parliament, spoke.")).toEqual([
      "officer-w member_of brigade-x",
    ]);
  });

  it("proposes no new actor that ends on an article, where a known name follows it ('Head of Al-…')", () => {
    const text = "Head of Al-Fateh Alliance Anwar Tellawi objected on Tuesday.";
    const drafts = suggest({
      text,
      segments: [{ role: "body", start: 0, end: text.length, article: true }],
      published,
      actors: [{ id: "fatah", name: "Fatah Alliance", kind: "coalition", aliases: [] }],
      places: [],
    }).drafts;
    expect(of(drafts, "actor").map((a) => a.proposal.name)).toEqual(["Anwar Tellawi"]);
  });

  it("proposes no event for an operation of no army, gunfire no accident, a label no designation, a decision debated", () => {
    const kinds = (text: string) => of(run(text), "event").map((e) => e.proposal.eventKind);
    expect(kinds("Civil defence teams began rescue operations in Baghdad on Monday.")).toEqual([]);
    expect(kinds("Two soldiers were killed in the exchange of fire with Saraya Tahrir on Monday.")).toEqual(["attack"]);
    expect(kinds("Officials condemned what they labelled terrorist attacks on the airport on Monday.")).toEqual([
      "attack",
    ]);
    expect(kinds("Lawmakers are debating a decision to expel US troops.")).toEqual([]);
    // Whose decision it was takes part in it.
    const [relieved] = of(
      run("Faris al-Jaber's decision to relieve Karim al-Mansouri was announced on Sunday."),
      "event",
    );
    expect(relieved?.proposal.participants.map((p) => `${p.actorId} ${p.role}`)).toEqual([
      "officer-w initiator",
      "leader-z subject",
    ]);
  });
});

describe("a subject's second tie", () => {
  it("reads a second tie of the subject joined by 'but', in a participle ending in -en", () => {
    expect(ties("Saraya Tahrir is backed by Iran but is overseen by the National Defence Front.")).toEqual([
      "brigade-x backed_by iran",
      "brigade-x subordinate_of umbrella-y",
    ]);
  });
});

describe("sanctions told, then whom they named", () => {
  it("takes the sanctioner of the sanctions told before for those they targeted, or who were designated for a cause", () => {
    expect(
      ties(
        "The United States sanctioned two militia leaders on Thursday. The sanctions targeted militia leaders Karim al-Mansouri and Faris al-Jaber. Saraya Tahrir and the Border Militias were designated for abuses.",
      ).filter((t) => t.includes("sanctioned_by")),
    ).toEqual([
      "leader-z sanctioned_by united-states",
      "officer-w sanctioned_by united-states",
      "brigade-x sanctioned_by united-states",
      "militias-m sanctioned_by united-states",
    ]);
    // With no sanctions told before, no one to name.
    expect(ties("The sanctions targeted Karim al-Mansouri.").filter((t) => t.includes("sanctioned_by"))).toEqual([]);
  });
});

describe("events", () => {
  it("tells one happening per clause, each of its own kind", () => {
    const events = of(
      run("In March, the US ordered strikes on Saraya Tahrir sites after another attack killed two contractors."),
      "event",
    );
    expect(events.map((e) => e.proposal.eventKind)).toEqual(["strike", "attack"]);
  });

  it("tells an offensive the tagger reads as an adjective, a warrant for an arrest and deaths in an accident", () => {
    const kinds = (text: string) => of(run(text), "event").map((e) => e.proposal.eventKind);
    expect(kinds("Saraya Tahrir started an offensive on Friday to take the town.")).toEqual(["battle"]);
    expect(kinds("The remark was offensive to Saraya Tahrir.")).toEqual([]);
    // A court's warrant orders an arrest that has not been made; nobody inflicts an accident's deaths.
    expect(kinds("Iraq issued a warrant for the arrest of Karim al-Mansouri on Monday.")).toEqual(["trial"]);
    expect(kinds("At least 90 people were killed in a ferry accident in Baghdad.")).toEqual(["death"]);
  });

  it("tells happenings a verb says with the words after it, and an operation said to have begun, not one aimed at", () => {
    const kinds = (text: string) => of(run(text), "event").map((e) => e.proposal.eventKind);
    expect(kinds("Saraya Tahrir opened fire on the convoy on Monday.")).toEqual(["attack"]);
    expect(kinds("Residents of Baghdad took up arms on Monday.")).toEqual(["mobilization"]);
    expect(kinds("Saraya Tahrir laid siege to the villages in June.")).toEqual(["battle"]);
    expect(kinds("Saraya Tahrir launched a ground operation on Monday aimed at freeing the town.")).toEqual(["battle"]);
    // Words near the verb that make no such phrase; a name; an operation still to come.
    expect(kinds("Iraq opened an investigation into the fire on Monday.")).toEqual([]);
    expect(kinds("Operation Tahrir said the base was safe on Monday.")).toEqual([]);
    expect(kinds("We will see the start of these operations in the next few days.")).toEqual([]);
  });

  it("tells a decision taken, and the means by which a subject responded, as happenings of their own", () => {
    const events = of(
      run(
        "Saraya Tahrir responded to the government's decision to relieve Karim al-Mansouri of his posts by assassinating Faris al-Jaber.",
      ),
      "event",
    );
    expect(
      events.map((e) => [e.proposal.eventKind, e.proposal.participants.map((p) => `${p.actorId} ${p.role}`)]),
    ).toEqual([
      ["appointment", ["leader-z subject"]],
      ["killing", ["brigade-x perpetrator", "officer-w victim"]],
    ]);
    // A decision's "to" is no plan: "threatened to relieve" still tells nothing that happened.
    expect(of(run("Saraya Tahrir threatened to relieve Karim al-Mansouri of his posts."), "event")).toEqual([]);
  });

  it("makes an attack that killed an attack, with its dead in the source's words", () => {
    const [event] = of(run("A rocket attack on the base killed dozens of soldiers on Friday."), "event");
    expect(event?.proposal.eventKind).toBe("attack");
    expect(event?.proposal.fatalities[0]).toMatchObject({ low: 24, expression: "dozens" });
  });

  it("draws the taxonomy's lines: a state's attack is a strike, a group's strike an attack, the counted dead no killing", () => {
    const kinds = (text: string) => of(run(text), "event").map((e) => e.proposal.eventKind);
    expect(kinds("On Monday Iran attacked two bases hosting US forces.")).toEqual(["strike"]);
    expect(kinds("US forces launched an air strike against Saraya Tahrir depots.")).toEqual(["strike"]);
    expect(kinds("Saraya Tahrir struck the base with drones on Monday.")).toEqual(["attack"]);
    expect(kinds("Saraya Tahrir killed Karim al-Mansouri on Monday.")).toEqual(["killing"]);
    expect(kinds("Saraya Tahrir killed dozens of soldiers on Monday.")).toEqual(["attack"]);
    expect(kinds("In western Iraq, two drones targeted the airbase.")).toEqual(["attack"]);
    // A state's aircraft named by its adjective strike, though no actor is named; a group's do not.
    expect(kinds("Turkish drones attacked two vehicles near Sinjar on Monday.")).toEqual(["strike"]);
    expect(kinds("An Israeli warplane struck a weapons depot near Qaim on Monday.")).toEqual(["strike"]);
    expect(kinds("Militia drones attacked two bases on Monday.")).toEqual(["attack"]);
    // (The aircraft must be who acts, not named in an opening phrase.)
    expect(kinds("Near the wreckage of a Turkish drone, gunmen attacked a checkpoint on Monday.")).toEqual(["attack"]);
    expect(kinds("On Monday, Turkish drones attacked two vehicles near Sinjar.")).toEqual(["strike"]);
    // A deployment is a state's decision; a group's, or its supporters', a mobilization.
    expect(kinds("The United States deployed 3,000 troops to Kuwait on Monday.")).toEqual(["policy"]);
    expect(kinds("Saraya Tahrir deployed fighters to the border on Monday.")).toEqual(["mobilization"]);
    expect(kinds("On Monday his supporters deployed in Baghdad.")).toEqual(["mobilization"]);
    // (The group must be who deploys, not named in an opening phrase or one commas set off.)
    expect(kinds("To curb the militias, the prime minister sent 2,000 troops to the border on Monday.")).toEqual([
      "policy",
    ]);
    expect(
      kinds("Karim al-Mansouri, under pressure from the militias, deployed troops to the border on Monday."),
    ).toEqual(["policy"]);
    expect(kinds("On Monday, his supporters deployed in Baghdad.")).toEqual(["mobilization"]);
    expect(kinds("On Monday, Saraya Tahrir, the militia, deployed fighters to the border.")).toEqual(["mobilization"]);
    // Sending fighters is a deployment; sending a letter is none. A participle that describes the
    // subject ("a militia fighting in Syria") leaves the news to the sentence's verb.
    expect(kinds("A militia fighting in Syria has sent more than 1,000 extra fighters to Aleppo.")).toEqual([
      "mobilization",
    ]);
    expect(kinds("Saraya Tahrir sent a letter to the prime minister on Monday.")).toEqual([]);
    // (Nor to a verb that "never" negates, which tells no happening: the participle's is the news.)
    expect(kinds("Saraya Tahrir never attacked the base.")).toEqual([]);
    expect(kinds("Fighters attacking the base on Monday were never arrested.")).toEqual(["attack"]);
    expect(kinds("The US blamed Saraya Tahrir for a barrage that killed a contractor.")).toEqual(["attack"]);
    // A state that kills a named person strikes; the person is the strike's victim.
    const [killed] = of(run("On Friday the US killed Karim al-Mansouri near the airport."), "event");
    expect(killed?.proposal).toMatchObject({
      eventKind: "strike",
      participants: [
        { actorId: "united-states", role: "perpetrator" },
        { actorId: "leader-z", role: "victim" },
      ],
    });
  });

  it("tells the happening after an opening clause of time as its own, with its own actor", () => {
    const kinds = (text: string) =>
      of(run(text), "event").map((e) => [e.proposal.eventKind, e.proposal.participants[0]?.actorId]);
    expect(kinds("Since Karim al-Mansouri took office in January, Saraya Tahrir has attacked the base twice.")).toEqual(
      [
        ["appointment", "leader-z"],
        ["attack", "brigade-x"],
      ],
    );
  });

  it("reads a colon before a capital as the start of a clause with its own actor", () => {
    const [strike] = of(run("The reply shocked Saraya Tahrir: The US struck its depots on Monday."), "event");
    expect(strike?.proposal.participants[0]).toMatchObject({ actorId: "united-states", role: "perpetrator" });
  });

  it("does not take a denial in an opening concession as blame for the sentence's own happening", () => {
    const [strike] = of(
      run("Though Saraya Tahrir denied responsibility, the US attacked its depots on Monday."),
      "event",
    );
    expect(strike?.proposal.eventKind).toBe("strike");
    expect(strike?.proposal.participants[0]).toMatchObject({ actorId: "united-states", role: "perpetrator" });
  });

  it("tells a founding by groups that joined to form it, and none by those that only went or plan to", () => {
    const kinds = (text: string) => of(run(text), "event").map((e) => e.proposal.eventKind);
    expect(kinds("In 2018, Saraya Tahrir joined with other units to form a new coalition.")).toEqual(["founding"]);
    expect(kinds("Rival factions came together to form a new alliance in 2019.")).toEqual(["founding"]);
    expect(kinds("In 2018, fighters came to Baghdad to form a militia.")).toEqual([]);
    expect(kinds("In 2018, Saraya Tahrir planned to form an alliance.")).toEqual([]);
  });

  it("tells an explosion whose cause is not said as a happening of no kind, and one with a bomb as an attack", () => {
    const kinds = (text: string) => of(run(text), "event").map((e) => e.proposal.eventKind);
    expect(kinds("Smoke rose after an explosion at a Saraya Tahrir depot on Monday.")).toEqual(["other"]);
    expect(kinds("A car bomb explosion at a Saraya Tahrir depot killed two on Monday.")[0]).toBe("attack");
    expect(kinds("An explosion caused by a drone hit a Saraya Tahrir depot on Monday.")[0]).toBe("attack");
    // What the depot held, or a car in the place's name, does not say why it blew up.
    expect(kinds("An explosion at a Saraya Tahrir depot storing rockets and drones on Monday wounded two.")[0]).toBe(
      "other",
    );
    expect(kinds("Smoke rose after an explosion at a car dealership in Baghdad on Monday.")).toEqual(["other"]);
    // A happening of no kind retells nothing, even with a participant and a time in common.
    const held = {
      id: "held-other",
      kind: "other" as const,
      title: "Something",
      time: { edtf: "2021-05", precision: "month" as const, basis: "explicit" as const },
      participants: takingPart("brigade-x"),
    };
    const on: Time = { edtf: "2021-05-31", precision: "day", basis: "explicit" };
    expect(
      corroborated(
        { kind: "other", time: on, participants: takingPart("brigade-x"), placeId: null },
        [held],
        new Map(),
      ),
    ).toBeNull();
  });

  it("tells land freed as a battle, and people freed as a release", () => {
    const kinds = (text: string) => of(run(text), "event").map((e) => e.proposal.eventKind);
    expect(kinds("Saraya Tahrir freed three villages near the border in 2017.")).toEqual(["battle"]);
    expect(kinds("He said 5,000 sq km of territory have been freed from the militants.")).toEqual(["battle"]);
    expect(kinds("Saraya Tahrir freed two hostages in 2010.")).toEqual(["release"]);
    // Published, not freed: a statement, a video.
    expect(kinds("In a statement released on Monday, Saraya Tahrir said the talks failed.")).toEqual([]);
    expect(kinds("Saraya Tahrir released a video of the convoy.")).toEqual([]);
    expect(kinds("Saraya Tahrir released the Turkish workers in 2016.")).toEqual(["release"]);
  });

  it("tells an appointment when a person is chosen, named or relieved, and none when no one is", () => {
    const events = (text: string) =>
      of(run(text), "event").map(
        (e) =>
          `${e.proposal.eventKind}: ${e.proposal.participants.map((p) => `${p.actorId ?? p.name} ${p.role}`).join(", ")}`,
      );
    expect(events("Saraya Tahrir have chosen Faris al-Jaber as their new commander.")).toEqual([
      "appointment: brigade-x initiator, officer-w subject",
    ]);
    expect(events("Karim al-Mansouri relieved Faris al-Jaber of his posts on Saturday.")).toEqual([
      "appointment: leader-z initiator, officer-w subject",
    ]);
    expect(events("Faris al-Jaber was named chief of staff.")).toEqual(["appointment: officer-w subject"]);
    // Not a choice of anyone: a thing named, a choice to act, a time "of our choosing".
    expect(events("A militia named Saraya Tahrir grew.")).toEqual([]);
    expect(events("Saraya Tahrir chose to stay home.")).toEqual([]);
    expect(events("“We will respond at a time of our choosing,” Karim al-Mansouri said.")).toEqual([]);
    // A defeat is a battle's end.
    expect(events("The volunteers were critical to the defeat of Saraya Tahrir in 2017.")[0]).toMatch(/^battle/);
  });

  it("reads a call to arms as a mobilization by the one who made it, in its own 'when' clause", () => {
    const events = of(
      run(
        "Saraya Tahrir was formed in 2014 when volunteers answered a call to arms from the cleric Karim al-Mansouri.",
      ),
      "event",
    );
    expect(events.map((e) => e.proposal.eventKind)).toEqual(["founding", "mobilization"]);
    expect(events[1]?.proposal.participants).toMatchObject([{ actorId: "leader-z", role: "initiator" }]);
    // A call alone is no mobilization.
    expect(of(run("In 2014 Karim al-Mansouri made a call to the press."), "event")).toEqual([]);
  });

  it("takes a pronoun that acts for the actor it stands for, and a person's strike stays a strike", () => {
    const [released] = of(run("Karim al-Mansouri was held for years. He was released in 2010."), "event");
    expect(released?.proposal.participants.map((p) => [p.actorId, p.span?.quote])).toEqual([["leader-z", "He"]]);
    const [ordered] = of(run("Karim al-Mansouri spoke. In March, he ordered strikes on five sites."), "event");
    expect(ordered?.proposal.eventKind).toBe("strike");
    // "the militia" that acts is the last group named, not the person named since.
    const [, again] = of(
      run("Saraya Tahrir attacked the base in May. Karim al-Mansouri spoke. The militia attacked it again in June."),
      "event",
    );
    expect(again?.proposal.participants.map((p) => [p.actorId, p.role, p.span?.quote])).toEqual([
      ["brigade-x", "perpetrator", "The militia"],
    ]);
  });

  it("tells a halt or a suspension as a policy, and nothing that did not happen ('no truce')", () => {
    const [halt] = of(run("On Tuesday, Saraya Tahrir declared a halt to its operations against US forces."), "event");
    expect(halt?.proposal.eventKind).toBe("policy");
    expect(of(run("Saraya Tahrir says: no truce, no retreat."), "event")).toEqual([]);
  });

  it("reads taking office, a hunger strike, threatened attacks, a founding in the passive, and a word joined to a name", () => {
    const kinds = (text: string) => of(run(text), "event").map((e) => e.proposal.eventKind);
    const [office] = of(run("Since Karim al-Mansouri took office in January, little changed."), "event");
    expect(office?.proposal).toMatchObject({ eventKind: "appointment", participants: [{ role: "subject" }] });
    expect(kinds("On Monday, Karim al-Mansouri began a hunger strike.")).toEqual(["protest"]);
    expect(kinds("On Monday, Saraya Tahrir published a video threatening attacks against US forces.")).toEqual([]);
    expect(kinds("The US warned that Saraya Tahrir would be held responsible for any attack on its forces.")).toEqual(
      [],
    );
    expect(kinds("Most of these factions were created in 2004.")).toEqual(["founding"]);
    expect(kinds("Karim al-Mansouri spoke for the US-designated group.")).toEqual([]);
    expect(kinds("Saraya Tahrir won 47 seats in 2018.")).toEqual(["election"]);
    expect(kinds("The debate over war powers went on in 2021; the US is not at war with Saraya Tahrir.")).toEqual([]);
  });

  it("dates a happening told again without a date from the account that dates it, not from publication", () => {
    const text = [
      "Saraya Tahrir commander arrested",
      "Iraqi forces have arrested Karim al-Mansouri, the military said.",
      "Karim al-Mansouri was arrested early on Wednesday, a statement added.",
      "Saraya Tahrir has repeatedly attacked US forces.",
    ].join("\n\n");
    const headlineEnd = text.indexOf("\n\n");
    const drafts = suggest({
      text,
      segments: [
        { role: "headline", start: 0, end: headlineEnd, article: true },
        { role: "body", start: headlineEnd + 2, end: text.length, article: true },
      ],
      published,
      actors: ACTORS,
      places: [],
    }).drafts;
    const times = of(drafts, "event").map((e) => [e.proposal.eventKind, e.proposal.time?.edtf]);
    expect(times).toEqual([
      ["capture", "2021-05-26"],
      ["capture", "2021-05-26"],
      ["capture", "2021-05-26"],
      // A habit no day dates: some time before publication.
      ["attack", "../2021-06-01"],
    ]);
    // The headline says so: its date is another sentence's.
    expect(of(drafts, "event")[0]?.proposal.time).toMatchObject({
      basis: "inferred",
      note: expect.stringContaining("another account of it in the document"),
    });
  });

  it("dates a headline's sanctions from the body, calls a funeral no killing, and takes a state for too little to retell an undated event", () => {
    const text = "US sanctions Saraya Tahrir\n\nThe United States on Friday issued sanctions targeting Saraya Tahrir.";
    const headlineEnd = text.indexOf("\n\n");
    const drafts = suggest({
      text,
      segments: [
        { role: "headline", start: 0, end: headlineEnd, article: true },
        { role: "body", start: headlineEnd + 2, end: text.length, article: true },
      ],
      published,
      actors: ACTORS,
      places: [],
    }).drafts;
    expect(of(drafts, "event").map((e) => e.proposal.time?.edtf)).toEqual(["2021-05-28", "2021-05-28"]);
    expect(
      of(run("Mourners attend a funeral for Karim al-Mansouri, killed in Baghdad."), "event")[0]?.proposal.eventKind,
    ).toBe("other");
    const undated: Time = { edtf: "../2021-06-01", precision: "day", basis: "explicit" };
    const invasion = {
      id: "invasion",
      kind: "battle" as const,
      title: "Invasion",
      time: { edtf: "2003", precision: "year" as const, basis: "explicit" as const },
      participants: takingPart("united-states", "iraq", "saddam-hussein"),
    };
    const names = new Map<string, string>();
    // The same state named twice is one state in common: too little for an account with no date.
    // Two states are too little as well (each takes part in everything); with a person besides, enough.
    expect(
      corroborated(
        { kind: "battle", time: undated, participants: takingPart("united-states", "united-states"), placeId: null },
        [invasion],
        names,
        { states: new Set(["united-states", "iraq"]) },
      ),
    ).toBeNull();
    expect(
      corroborated(
        { kind: "battle", time: undated, participants: takingPart("united-states", "iraq"), placeId: null },
        [invasion],
        names,
        { states: new Set(["united-states", "iraq"]) },
      ),
    ).toBeNull();
    expect(
      corroborated(
        {
          kind: "battle",
          time: undated,
          participants: takingPart("united-states", "iraq", "saddam-hussein"),
          placeId: null,
        },
        [invasion],
        names,
        { states: new Set(["united-states", "iraq"]) },
      )?.id,
    ).toBe("invasion");
    // A country as the place in common counts as little as a state.
    const inIraq = { kind: "battle" as const, time: invasion.time, participants: [], placeId: "iraq" };
    expect(corroborated(inIraq, [{ ...invasion, placeId: "iraq" }], names)?.id).toBe("invasion");
    expect(
      corroborated(inIraq, [{ ...invasion, placeId: "iraq" }], names, { broadPlaces: new Set(["iraq"]) }),
    ).toBeNull();
  });

  it("reads one day's happening as an episode of a campaign held over years, not the campaign retold", () => {
    const war = {
      id: "war",
      kind: "battle" as const,
      title: "The war",
      time: { edtf: "2014/2017", precision: "year" as const, basis: "explicit" as const },
      participants: takingPart("iraq", "brigade-x", "leader-z"),
    };
    const account = (edtf: string, precision: "day" | "year") => ({
      kind: "battle" as const,
      time: { edtf, precision, basis: "explicit" as const },
      participants: takingPart("brigade-x", "leader-z"),
      placeId: null,
    });
    expect(corroborated(account("2016-10-17", "day"), [war], new Map())).toBeNull();
    expect(corroborated(account("2016", "year"), [war], new Map())?.id).toBe("war");
  });

  it("reads a state and its forces as one side: enough to retell an event of the same day, not one of another", () => {
    const sides = statesOfBodies([
      { id: "united-states", name: "United States", kind: "state" },
      { id: "us-troops", name: "U.S. forces", kind: "military" },
      { id: "brigade-x", name: "Saraya Tahrir", kind: "armed_group" },
    ]);
    expect([...sides]).toEqual([["us-troops", "united-states"]]);
    const day = (edtf: string): Time => ({ edtf, precision: "day", basis: "explicit" });
    const held = {
      id: "rocket-attack",
      kind: "attack" as const,
      title: "Rocket attack on a base",
      time: day("2019-12-27"),
      participants: takingPart("us-troops"),
    };
    const account = { kind: "attack" as const, participants: takingPart("united-states"), placeId: null };
    const names = new Map<string, string>();
    const match = corroborated({ ...account, time: day("2019-12-27") }, [held], names, { sides });
    expect(match?.id).toBe("rocket-attack");
    expect(match?.why).toContain("united-states here, us-troops there: one side");
    expect(
      corroborated({ ...account, time: { edtf: "2019-12", precision: "month", basis: "explicit" } }, [held], names, {
        sides,
      }),
    ).toBeNull();
  });

  it("tells no happening in a blow of words: 'struck a unifying tone', 'a scathing attack'", () => {
    const kinds = (text: string) => of(run(text), "event").map((e) => e.proposal.eventKind);
    expect(kinds("Karim al-Mansouri condemned the vandalism but also struck a unifying tone.")).toEqual([]);
    expect(kinds("Karim al-Mansouri issued a scathing attack on the prime minister.")).toEqual([]);
    // Only "strike" and "hit" say it of words: a raid on a home, a deal passed are happenings.
    expect(kinds("Security forces raided the home of Karim al-Mansouri in Baghdad.")).toEqual(["capture"]);
    // An attempt to come is no happening yet.
    expect(kinds("Karim al-Mansouri has 30 days to try and form a new militia.")).toEqual([]);
    expect(kinds("Karim al-Mansouri formed a new militia in Baghdad.")).toEqual(["founding"]);
    // A government formed, a premier designated: an appointment, not a founding or a sanction.
    expect(kinds("Karim al-Mansouri was tasked last week with forming a new government.")).toEqual(["appointment"]);
    expect(kinds("Karim al-Mansouri was designated prime minister on Sunday.")).toEqual(["appointment"]);
    // "the designated prime minister X" only names his office; it tells nothing that happened.
    expect(kinds("The designated prime minister Karim al-Mansouri spoke to reporters.")).toEqual([]);
    expect(kinds("The United States designated Saraya Tahrir a terrorist group in 2019.")).toEqual(["sanction"]);
    expect(kinds("Saraya Tahrir struck a depot in Baghdad with drones.")).toEqual(["attack"]);
    expect(kinds("Saraya Tahrir carried out a deadly attack on a convoy in Baghdad.")).toEqual(["attack"]);
  });

  it("reads who acted and who was acted upon where the words say so, and leaves out names that only qualify", () => {
    const roles = (text: string) =>
      of(run(text), "event").map((e) => e.proposal.participants.map((p) => `${p.actorId ?? p.name}:${p.role}`));
    // The one a deed is laid on acts in it, though named after the verb.
    expect(roles("A rocket barrage killed a contractor in May, an attack the US blamed on Saraya Tahrir.")).toEqual([
      ["brigade-x:alleged_perpetrator"],
    ]);
    // A name that qualifies another word, or names a tie, takes no part.
    expect(
      roles("Saraya Tahrir, a faction with strong ties to Iran, attacked US-supplied convoys in Baghdad."),
    ).toEqual([["brigade-x:perpetrator"]]);
    // A transitive verb with no object after it is passive: those named before it are acted upon.
    expect(roles("Karim al-Mansouri detained again")).toEqual([["leader-z:target"]]);
    expect(roles("Karim al-Mansouri is top of the list among those captured.")).toEqual([["leader-z:target"]]);
    // …but not in an object relative: "Baghdad, which Saraya Tahrir seized in May".
    expect(roles("Baghdad, which Saraya Tahrir seized in May, is calm.")).toEqual([["brigade-x:perpetrator"]]);
    // "where" opens a clause of its own: its subject is not the sentence's.
    expect(roles("The Border Militias fled the town, where the Revolutionary Guard seized the depot in May.")).toEqual([
      ["iran-guard:perpetrator"],
    ]);
  });

  it("does not take a strike in answer for the attack it answers: one who acts here is acted upon there", () => {
    const days = (edtf: string): Time => ({ edtf, precision: "day", basis: "explicit" });
    const attacks = {
      id: "militia-attacks",
      kind: "attack" as const,
      title: "Militia attacks on a state's forces",
      time: { edtf: "2018/2021", precision: "year" as const, basis: "explicit" as const },
      participants: [...as("perpetrator", "brigade-x"), ...as("target", "us-troops")],
      placeId: "iraq",
    };
    const strikes = {
      id: "strikes-on-brigade",
      kind: "strike" as const,
      title: "Strikes on the brigade",
      time: days("2019-12-29/2020-01-02"),
      participants: [...as("perpetrator", "us-troops"), ...as("target", "brigade-x")],
      placeId: "western-iraq",
    };
    const sides = new Map([["us-troops", "united-states"]]);
    // "The United States struck the brigade's facilities in Iraq": the strikes, though the attacks
    // share both actors and the place.
    const struck = {
      kind: "strike" as const,
      time: days("../2020-01-03"),
      participants: [...as("perpetrator", "united-states"), ...as("target", "brigade-x")],
      placeId: "iraq",
    };
    expect(corroborated(struck, [attacks, strikes], new Map(), { sides })?.id).toBe("strikes-on-brigade");
    expect(corroborated(struck, [attacks], new Map(), { sides })).toBeNull();
    // One told only as taking part is on neither side: the attacks are still met.
    expect(
      corroborated({ ...struck, participants: takingPart("united-states", "brigade-x") }, [attacks], new Map(), {
        sides,
      })?.id,
    ).toBe("militia-attacks");
  });

  it("ties two accounts twice by one person attacked or killed in both: a person is killed once", () => {
    const held = {
      id: "airport-strike",
      kind: "strike" as const,
      title: "Strike at the airport",
      time: { edtf: "2020-01-03", precision: "day" as const, basis: "explicit" as const },
      participants: [...as("perpetrator", "united-states"), ...as("victim", "leader-z")],
    };
    // Undated, with the state and the person: a state is half a tie, the person struck in both two.
    const account = {
      kind: "strike" as const,
      time: { edtf: "../2020-03-11", precision: "day" as const, basis: "inferred" as const },
      participants: [...as("perpetrator", "united-states"), ...as("target", "leader-z")],
      placeId: null,
    };
    const weights = { states: new Set(["united-states"]), people: new Set(["leader-z"]) };
    expect(corroborated(account, [held], new Map(), weights)?.id).toBe("airport-strike");
    expect(corroborated(account, [held], new Map(), { states: weights.states })).toBeNull();
    // The person acting in one of them is no such tie.
    expect(
      corroborated(
        { ...account, participants: [...as("perpetrator", "united-states"), ...as("perpetrator", "leader-z")] },
        [held],
        new Map(),
        weights,
      ),
    ).toBeNull();
  });

  it("meets an account told to the day with the one happening of its kind the atlas holds that day, not one of two", () => {
    const day = (edtf: string): Time => ({ edtf, precision: "day", basis: "explicit" });
    const rockets = {
      id: "rockets",
      kind: "attack" as const,
      title: "Rockets",
      time: day("2019-12-27"),
      participants: takingPart("x"),
    };
    const account = { kind: "attack" as const, time: day("2019-12-27"), participants: takingPart(), placeId: null };
    const names = new Map<string, string>();
    expect(corroborated(account, [rockets], names)?.why).toContain(
      "same day (2019-12-27): the only one the atlas holds that day",
    );
    expect(corroborated(account, [rockets, { ...rockets, id: "other" }], names)).toBeNull();
    expect(corroborated({ ...account, time: day("2019-12-28") }, [rockets], names)).toBeNull();
    expect(corroborated(account, [rockets], names, { sameDocument: true })).toBeNull();
  });

  it("asks more of two accounts in one document: a participant that is no state, the place or the day", () => {
    const held = {
      id: "january-attacks",
      kind: "attack" as const,
      title: "Attacks in January",
      time: { edtf: "2020-01", precision: "month" as const, basis: "explicit" as const },
      participants: takingPart("brigade-x", "united-states", "iraq"),
    };
    const account = {
      kind: "strike" as const,
      time: { edtf: "2020-01-03", precision: "day" as const, basis: "explicit" as const },
      participants: takingPart("united-states", "iraq", "leader-z"),
      placeId: null,
    };
    const states = new Set(["united-states", "iraq"]);
    // Two states in common are enough between documents (one is not), not within one.
    expect(
      corroborated({ ...account, participants: takingPart("united-states") }, [held], new Map(), { states }),
    ).toBeNull();
    expect(corroborated(account, [held], new Map(), { states })?.id).toBe("january-attacks");
    expect(corroborated(account, [held], new Map(), { states, sameDocument: true })).toBeNull();
    expect(
      corroborated({ ...account, participants: takingPart("brigade-x") }, [held], new Map(), {
        states,
        sameDocument: true,
      })?.id,
    ).toBe("january-attacks");
  });

  it("calls violence against protesters a crackdown, and the deed a sentence judges its own happening", () => {
    const kinds = (text: string) => of(run(text), "event").map((e) => e.proposal.eventKind);
    expect(kinds("Saraya Tahrir has been attacking protesters in Baghdad since October.")).toEqual(["crackdown"]);
    expect(kinds("On Monday, dozens of demonstrators were killed in Baghdad.")).toEqual(["crackdown"]);
    expect(
      kinds("He was sentenced to death by a Kuwait court in 1983, for his role in attacking the US embassy."),
    ).toEqual(["trial", "attack"]);
  });

  it("dates what came before the rest of its sentence by that date, unless its own clause dates it", () => {
    const times = (text: string) => of(run(text), "event").map((e) => e.proposal.time?.edtf);
    expect(
      times("In March 2020, the US ordered strikes on five sites after another attack killed two contractors."),
    ).toEqual(["2020-03", "../2020-03"]);
    expect(times("In March 2020, the US ordered strikes in retaliation for an attack on January 3, 2020.")).toEqual([
      "2020-03",
      "2020-01-03",
    ]);
    // A count that ends on "after" was resolved as the day of what follows it, not of what came then.
    expect(
      times(
        "Saraya Tahrir announced a truce on Tuesday. The truce came two days after a drone attack killed three soldiers.",
      ),
    ).toEqual(["2021-06-01", "2021-06-01", "2021-05-30"]);
  });

  it("dates what someone reports in the present perfect by the day told, and an act announced so on that day", () => {
    const times = (text: string) =>
      of(run(text), "event").map((e) => `${e.proposal.eventKind} ${e.proposal.time?.edtf}`);
    expect(times("On May 3, 2021, a US official said that Saraya Tahrir has withdrawn from Baghdad.")).toEqual([
      "policy ../2021-05-03",
    ]);
    expect(times("On May 3, 2021, the Treasury has sanctioned Saraya Tahrir.")).toEqual(["sanction 2021-05-03"]);
    // (A day after it in its sentence dates it, not the telling: "… has attacked the base on May 2".)
    expect(
      times("On May 3, 2021, an official said that Saraya Tahrir has attacked the base on May 2, 2021."),
    ).not.toContainEqual(expect.stringMatching(/\.\.\//));
  });

  it("dates a clause by its own date, and what came 'before' a dated clause by that date", () => {
    const times = (text: string) =>
      of(run(text), "event").map((e) => `${e.proposal.eventKind} ${e.proposal.time?.edtf}`);
    expect(times("Saraya Tahrir attacked the US embassy before the US struck its base on May 3, 2021.")).toEqual([
      "attack ../2021-05-03",
      "strike 2021-05-03",
    ]);
    expect(
      times("On May 1, 2021, Saraya Tahrir attacked the US embassy before the US struck its base on May 3, 2021."),
    ).toEqual(["attack 2021-05-01", "strike 2021-05-03"]);
    // One clause: its date is the sentence's.
    expect(times("Saraya Tahrir attacked the US embassy on May 3, 2021.")).toEqual(["attack 2021-05-03"]);
    // Of two dates that nest, the finer: "Last year" holds "22nd of January, 2014".
    expect(times("Last year in 22nd of January, 2014, Saraya Tahrir attacked the US embassy.")).toEqual([
      "attack 2014-01-22",
    ]);
    // (Written together: a finer date further on may be another happening's, as a relative clause's.)
    expect(
      times("During 2014, Saraya Tahrir, which had been founded on 3 March 2014, attacked the US embassy."),
    ).toEqual(["attack 2014"]);
  });

  it("dates what 'and then' follows as before the next clause's date, which shares the one who acts", () => {
    const told = (text: string) =>
      of(run(text), "event").map(
        (e) =>
          `${e.proposal.time?.edtf} ${e.proposal.participants.map((p) => `${p.actorId ?? p.name}:${p.role}`).join(",")}`,
      );
    expect(told("The US sanctioned Saraya Tahrir and then sanctioned Karim al-Mansouri in December 2019.")).toEqual([
      "../2019-12 united-states:initiator,brigade-x:subject",
      "2019-12 united-states:initiator,leader-z:subject",
    ]);
    // A clause with its own subject keeps it; one "and" without "then" is one sanction.
    expect(
      told("The US sanctioned Saraya Tahrir in May 2019, and then Iran sanctioned Karim al-Mansouri in December 2019."),
    ).toEqual(["2019-05 united-states:initiator,brigade-x:subject", "2019-12 iran:initiator,leader-z:subject"]);
    expect(told("The US sanctioned Saraya Tahrir and Karim al-Mansouri in December 2019.")).toEqual([
      "2019-12 united-states:initiator,brigade-x:subject,leader-z:subject",
    ]);
  });

  it("dates a cause the sentence gives ('in light of', 'in the wake of') as before its date", () => {
    const times = (text: string) =>
      of(run(text), "event").map((e) => `${e.proposal.eventKind} ${e.proposal.time?.edtf}`);
    expect(
      times("On May 3, 2021, Saraya Tahrir attacked the US embassy in the wake of a US strike on its base."),
    ).toEqual(["attack 2021-05-03", "strike ../2021-05-03"]);
    expect(times("On May 3, 2021, Saraya Tahrir attacked the US embassy in light of the war in Syria.")).toEqual([
      "attack 2021-05-03",
      "battle ../2021-05-03",
    ]);
    // "in" that opens no cause leaves the sentence one happening on its day.
    expect(times("On May 3, 2021, Saraya Tahrir attacked the US embassy in a raid that wounded two guards.")).toEqual([
      "attack 2021-05-03",
    ]);
  });

  it("dates how things stand now ('is designated', 'has been sanctioned') by publication, not by an earlier sentence", () => {
    const times = (text: string) =>
      of(run(text), "event").map((e) => `${e.proposal.eventKind} ${e.proposal.time?.edtf}`);
    const before = "In May 2018, Saraya Tahrir won 47 seats in the election. ";
    expect(times(`${before}Saraya Tahrir is the only militia designated as a terrorist group by the US.`)).toEqual([
      "election 2018-05",
      "sanction ../2021-06-01",
    ]);
    expect(times(`${before}Saraya Tahrir has been sanctioned by the US.`)).toEqual([
      "election 2018-05",
      "sanction ../2021-06-01",
    ]);
    // Told in the past, it may well be the day the paragraph was telling of.
    expect(times(`${before}Saraya Tahrir was designated as a terrorist group by the US.`)).toEqual([
      "election 2018-05",
      "sanction 2018-05",
    ]);
  });

  it("leaves a habit undated by another sentence's day", () => {
    const times = of(
      run("Saraya Tahrir attacked the base on Monday. Saraya Tahrir has repeatedly attacked US forces."),
      "event",
    ).map((e) => e.proposal.time?.edtf);
    expect(times).toEqual(["2021-05-31", "../2021-06-01"]);
  });

  it("dates what happened 'since' a day up to the time of writing", () => {
    const [attacks] = of(run("Saraya Tahrir has attacked US forces 58 times since Oct. 17."), "event");
    expect(attacks?.proposal.time?.edtf).toBe("2020-10-17/2021-06-01");
  });

  it("reads a month named alone in the year the text was telling of", () => {
    const dates = of(run("The group struck on November 3, 2019. In December, the group struck again."), "date");
    expect(dates.map((d) => d.proposal.time.edtf)).toEqual(["2019-11-03", "2019-12"]);
  });
});

describe("what has not happened, and who only hears of it", () => {
  const events = (text: string) => of(run(text), "event");
  it("proposes no event for what would happen on a condition, or what someone stands ready to do", () => {
    expect(events("Saraya Tahrir said its fighters are ready to direct strikes at the American enemy.")).toEqual([]);
    expect(events("If the United States intervenes in the war, Saraya Tahrir will attack its bases.")).toEqual([]);
    expect(events("Saraya Tahrir threatened on Sunday to launch attacks on US bases.")).toEqual([]);
    // A modal alone leaves the happening: the fire was real, its toll uncertain.
    expect(events("Saraya Tahrir attacked the US embassy on Sunday, which might have caused deaths.")).toHaveLength(1);
  });

  it("does not make the one told of it a participant: an outlet, an official it was said to", () => {
    const [attack] = events(
      "Saraya Tahrir attacked a base in Baghdad on Monday, two officials confirmed to the National Defence Front.",
    );
    expect(attack?.proposal.participants.map((p) => p.actorId)).toEqual(["brigade-x"]);
  });
});

describe("an event's title", () => {
  it("is the clause around what happened, from the start of a word", () => {
    const sentence =
      "The Iraqi capital and a number of major cities have been tense after the preliminary results of elections came out, with several factions rejecting them.";
    const title = eventTitle(sentence, "elections");
    expect(title).toMatch(/^(?:The|Iraqi|capital|and|a|number|of|major|cities)\b/);
    expect(sentence.replace(/…$/, "")).toContain(title.replace(/…$/, ""));
  });
});

describe("claim links", () => {
  const names = new Map([["brigade-x", "Saraya Tahrir"]]);
  const claim = (stance: "accuses" | "denies" | "asserts", statement: string, eventIds: string[] = []) => ({
    id: `c-${stance}`,
    claimantId: "someone",
    stance,
    statement,
    actorIds: ["brigade-x"],
    eventIds,
  });

  it("sets a denial against an accusation on the same subject, and 'no casualties' against a toll", () => {
    const denial = {
      claimantId: "brigade-x",
      stance: "denies" as const,
      statement: "Saraya Tahrir had no part in the rocket attack",
      actorIds: [],
      eventIds: [],
    };
    expect(
      claimLinks(denial, [claim("accuses", "Saraya Tahrir carried out the rocket attack")], names).contradicts.map(
        (c) => c.id,
      ),
    ).toEqual(["c-accuses"]);
    const none = {
      claimantId: "army",
      stance: "asserts" as const,
      statement: "There were no casualties in the attack",
      actorIds: [],
      eventIds: ["e1"],
    };
    const toll = claimLinks(none, [claim("asserts", "80 people were killed in the attack", ["e1"])], names);
    expect(toll.contradicts[0]?.why).toContain("no casualties against a toll");
  });

  it("supports a claim restated in largely the same words, and leaves unrelated subjects alone", () => {
    const same = {
      claimantId: "other",
      stance: "accuses" as const,
      statement: "Saraya Tahrir carried out the rocket attack on the base",
      actorIds: ["brigade-x"],
      eventIds: [],
    };
    expect(
      claimLinks(same, [claim("accuses", "Saraya Tahrir carried out the rocket attack")], names).supports.map(
        (c) => c.id,
      ),
    ).toEqual(["c-accuses"]);
    const elsewhere = { ...same, actorIds: ["iran"] };
    expect(claimLinks(elsewhere, [claim("accuses", "Saraya Tahrir carried out the rocket attack")], names)).toEqual({
      supports: [],
      contradicts: [],
    });
  });
});

describe("numbered units and Arabic names", () => {
  const names = (text: string) => of(run(text), "actor").map((d) => `${d.proposal.name} (${d.proposal.actorKind})`);
  const mentions = (text: string) => of(run(text), "mention").map((d) => d.quote);

  it("reads a group's numbered unit as part of it, and a role before it as the unit's", () => {
    expect(ties("Yusuf Darwish, the commander of the NDF 80th Brigade, was killed on Monday.")).toEqual([
      "Yusuf Darwish commands 80th Brigade",
      "80th Brigade part_of umbrella-y",
    ]);
    expect(ties("Saraya Tahrir's 30th Brigade withdrew on Monday.")).toEqual(["30th Brigade part_of brigade-x"]);
    // A unit's name that runs on through "of" into a known group's ends before it.
    expect(names("Officials said the 12th Brigade of Saraya Tahrir withdrew.")).toEqual(["12th Brigade (armed_group)"]);
    expect(ties("Officials said the 12th Brigade of Saraya Tahrir withdrew.")).toEqual([
      "12th Brigade part_of brigade-x",
    ]);
    // (Not a body that no number names: "the Media Office of Saraya Tahrir" proposes no "Media Office".)
    expect(names("The Media Office of Saraya Tahrir said the convoy was hit.")).toEqual([]);
  });

  it("keeps a state's name written with the Arabic article inside a group's name, and a name before 'group' a group", () => {
    expect(mentions("The Islamic Resistance Ahrar al-Iraq Brigade issued a statement.")).toEqual([]);
    expect(names("The Islamic Resistance Ahrar al-Iraq Brigade issued a statement.")).toEqual([
      "Islamic Resistance Ahrar al-Iraq Brigade (armed_group)",
    ]);
    expect(names("It is likely that the Ahrar al-Iraq group will attack again.")).toEqual([
      "Ahrar al-Iraq (armed_group)",
    ]);
    // (A kunya names a person, whose faction it is: "the Abu Fadak al-Mohammedawi faction".)
    expect(names("Officials said the Abu Hassan al-Tamimi faction had taken control.")).not.toContain(
      "Abu Hassan al-Tamimi (armed_group)",
    );
    // The state written alone, or opening a sentence, is the state.
    expect(mentions("Officials in Iraq said al-Iraq would not bow.")).toEqual(["Iraq", "Iraq"]);
  });
});

describe("ties of a list, of an outlet's people and of a group led", () => {
  it("gives each name of a listed object the tie", () => {
    expect(ties("Saraya Tahrir is allied with the National Defence Front and the Border Militias.")).toEqual([
      "brigade-x allied_with umbrella-y",
      "brigade-x allied_with militias-m",
    ]);
    expect(
      ties("Saraya Tahrir is fighting alongside Iran, the armed group Border Militias and the National Defence Front."),
    ).toEqual(["brigade-x allied_with iran", "brigade-x allied_with militias-m", "brigade-x allied_with umbrella-y"]);
    // (Not what follows a list's end: "… Iran, which attacked the Border Militias".)
    expect(ties("Saraya Tahrir is allied with Iran, which attacked the Border Militias.")).toEqual([
      "brigade-x allied_with iran",
    ]);
    // (Nor a name after ", and" that closes the object's clause: two listed names take no comma.)
    expect(ties("Saraya Tahrir, which is backed by Iran, and the Border Militias have threatened the US.")).toEqual([
      "brigade-x backed_by iran",
    ]);
    expect(ties("Saraya Tahrir is allied with Iran, and the Border Militias are backed by Iran.")).toEqual([
      "brigade-x allied_with iran",
      "militias-m backed_by iran",
    ]);
    expect(ties("Saraya Tahrir is allied with Iran, the National Defence Front, and the Border Militias.")).toEqual([
      "brigade-x allied_with iran",
      "brigade-x allied_with umbrella-y",
      "brigade-x allied_with militias-m",
    ]);
  });

  it("reads an outlet's correspondent as employed by it, and a group 'headed by' its leader after its noun", () => {
    expect(ties("Yusuf Darwish, a Baghdad correspondent for Sawt Tahrir, said the shooting lasted minutes.")).toEqual([
      "Yusuf Darwish employed_by Sawt Tahrir",
    ]);
    expect(ties("Saraya Tahrir, the paramilitary group headed by Karim al-Mansouri, deployed on Friday.")).toEqual([
      "leader-z leads brigade-x",
    ]);
  });
});

describe("names that carry a title, and titles written with a hyphen", () => {
  it("keeps an honorific in a group's name, and reads 'Deputy-Commander of' as 'deputy commander of'", () => {
    const names = of(run("Offices of the Imam Ali Brigade were burned on Thursday."), "actor").map(
      (d) => d.proposal.name,
    );
    expect(names).toEqual(["Imam Ali Brigade"]);
    // (A person's honorific is still a title: "Sheikh Yusuf Darwish" is Yusuf Darwish.)
    expect(of(run("Sheikh Yusuf Darwish said the group would respond."), "actor").map((d) => d.proposal.name)).toEqual([
      "Yusuf Darwish",
    ]);
    expect(ties("Karim al-Mansouri, Deputy-Commander of Saraya Tahrir, was killed.")).toEqual([
      "leader-z member_of brigade-x",
    ]);
  });
});

describe("responsibility claimed", () => {
  it("makes the one who claims a happening its participant, by its own word", () => {
    const [event] = of(run("Saraya Tahrir on Monday took responsibility for the rocket attack on the base."), "event");
    expect(event?.proposal.participants.map((p) => p.actorId)).toContain("brigade-x");
    // One who only says something about it is not.
    const [told] = of(run("Saraya Tahrir said on Monday that rockets attacked the base."), "event");
    expect(told?.proposal.participants.map((p) => p.actorId) ?? []).not.toContain("brigade-x");
  });
});
