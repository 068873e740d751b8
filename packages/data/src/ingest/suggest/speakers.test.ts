/**
 * Who speaks, and which organisations a name holds, one rule per test: each sentence is written
 * for the rule, with invented names so that no rule can lean on who is named.
 */
import type { ActorKind, Time } from "@atlas/schema";
import { describe, expect, it } from "vitest";
import type { Draft, ProposalOf } from "../types.js";
import { suggest } from "./index.js";

const ACTORS: { id: string; name: string; kind: ActorKind; aliases: { name: string; sourceIds: string[] }[] }[] = [
  { id: "brigade-x", name: "Saraya Tahrir", kind: "armed_group", aliases: [] },
  { id: "brigade-y", name: "Liwa al-Fajr", kind: "armed_group", aliases: [] },
  { id: "leader-z", name: "Karim al-Mansouri", kind: "person", aliases: [] },
  { id: "agency-n", name: "Nahrain News Agency", kind: "media", aliases: [] },
  { id: "service-c", name: "Counter Terrorism Service", kind: "military", aliases: [] },
  { id: "iraq", name: "Iraq", kind: "state", aliases: [] },
  { id: "united-states", name: "United States", kind: "state", aliases: [{ name: "US", sourceIds: [] }] },
];
const published: Time = { edtf: "2021-06-01", precision: "day", basis: "explicit" };

function run(text: string) {
  return suggest({
    text,
    segments: [{ role: "body", start: 0, end: text.length, article: true }],
    published,
    actors: ACTORS,
    places: [{ name: "Baghdad", aliases: [] }],
  }).drafts;
}
const of = <K extends Draft["kind"]>(drafts: Draft[], kind: K) =>
  drafts.filter((d) => d.kind === kind) as Draft<ProposalOf<K>>[];
/** Each statement as "speaker: words". */
const said = (text: string) =>
  of(run(text), "statement").map(
    (s) => `${s.proposal.claimantId ?? s.proposal.claimantName}: ${s.proposal.evidence.quote}`,
  );

describe("speakers", () => {
  it("takes a known person whose name as found holds the title for the speaker, not the state before it", () => {
    const text = "U.S. President Karim al-Mansouri said the base was hit.";
    const drafts = suggest({
      text,
      segments: [{ role: "body", start: 0, end: text.length, article: true }],
      published,
      actors: [
        { id: "united-states", name: "United States", kind: "state", aliases: [{ name: "U.S.", sourceIds: [] }] },
        { id: "leader-p", name: "President Karim al-Mansouri", kind: "person", aliases: [] },
      ],
      places: [],
    }).drafts;
    expect(of(drafts, "statement").map((s) => [s.proposal.claimantId, s.proposal.onBehalfOfId])).toEqual([
      ["leader-p", "united-states"],
    ]);
    expect(of(drafts, "relation").map((r) => r.label)).toEqual([
      "President Karim al-Mansouri leads United States (president)",
    ]);
  });

  it("reads a name in quotation marks before a place as the speaker, not the place", () => {
    expect(said("The “Tahrir Resistance” in Iraq claimed responsibility for the attack.")).toEqual([
      "Tahrir Resistance: responsibility for the attack",
    ]);
  });

  it("takes the spokesperson a body speaks through, and the subject of 'one of …', for the speaker", () => {
    expect(
      said("The Ruritanian government, through its spokesperson Anwar Tellawi, denied that the attack took place."),
    ).toEqual(["Anwar Tellawi: that the attack took place"]);
    expect(said("“We will respond,” Karim al-Mansouri, one of the commanders, told Nahrain News Agency.")).toEqual([
      "leader-z: We will respond",
    ]);
  });

  it("reads a role without its article as an appositive, past a name's acronym, and a body not known yet through its official", () => {
    expect(
      said("Anwar Tellawi, head of the media office of Saraya Tahrir, told reporters that two rockets hit."),
    ).toEqual(["Anwar Tellawi: two rockets hit"]);
    expect(said("Two rockets hit the base, an official of Saraya Tahrir (ST) said Sunday.")).toEqual([
      "brigade-x: Two rockets hit the base",
    ]);
    // No one is "in" a person: the place before the role is no speaker, the body the official is of speaks.
    expect(
      said("Two rockets hit a base in Nineveh's Bashiqa, an official of the Ruritanian Union of Workers said Sunday."),
    ).toEqual(["Ruritanian Union of Workers: Two rockets hit a base in Nineveh's Bashiqa"]);
  });

  it("reads a reporting verb the tagger took for a noun at the end of a sentence, after a plural subject", () => {
    expect(said("The forces retreated from the city centre, locals report.")).toEqual([
      "locals: The forces retreated from the city centre",
    ]);
    // (Not a noun that is one: "a damning report.")
    expect(said("The forces retreated, a damning report.")).toEqual([]);
  });

  it("reads a weak verb of denial with what it names ('rejected the results'), not with anything else", () => {
    expect(said("Saraya Tahrir rejected the preliminary election results on Tuesday.")).toEqual([
      "brigade-x: the preliminary election results on Tuesday",
    ]);
    expect(said("Saraya Tahrir dismissed its commander in May.")).toEqual([]);
  });

  it("reads 'as announced by X' as X's words, not the audience after it", () => {
    expect(
      said("Two soldiers were wounded in a drone attack on the base, as announced by Saraya Tahrir today."),
    ).toEqual(["brigade-x: Two soldiers were wounded in a drone attack on the base"]);
    expect(said("The group is still unknown, as reported by a US official to Nahrain News Agency.")).toEqual([
      "US official: The group is still unknown",
    ]);
  });

  it("takes the author of a statement, or the body of a spokesman, named after the verb of an inverted quotation", () => {
    expect(said("“We hold him responsible,” read a statement from Saraya Tahrir, which represents veterans.")).toEqual([
      "brigade-x: We hold him responsible",
    ]);
    expect(said("“The base was hit,” said a spokesman for Saraya Tahrir.")).toEqual(["brigade-x: The base was hit"]);
    // A person, then whom he is with: the person speaks.
    expect(said("“The base was hit,” said Karim al-Mansouri of Saraya Tahrir.")).toEqual([
      "leader-z: The base was hit",
    ]);
  });

  it("takes an unnamed official of a state for the one who speaks, on the state's behalf", () => {
    const statement = of(run("The depot was empty, according to a US defense official."), "statement")[0];
    expect(statement?.proposal).toMatchObject({
      claimantId: null,
      claimantName: "US defense official",
      onBehalfOfId: "united-states",
    });
    expect(said("Another was a logistics hub, two Iraqi security sources said.")).toEqual([
      "Iraqi security sources: Another was a logistics hub",
    ]);
    // Sources described by whom they are close to, or familiar with: the sources speak.
    expect(said("Families are being sent to Darayya, according to sources close to Saraya Tahrir.")).toEqual([
      "sources close to Saraya Tahrir: Families are being sent to Darayya",
    ]);
    // A body's spokesman still speaks for the body, and a state's named office holder is himself.
    expect(said("“The base was hit,” said a spokesman for Saraya Tahrir.")).toEqual(["brigade-x: The base was hit"]);
  });

  it("reads short words before 'according to' as what was said, and a call on someone to act as a demand", () => {
    expect(said("The raid was illegal, according to Saraya Tahrir.")).toEqual(["brigade-x: The raid was illegal"]);
    // Short words that open the sentence before "according to X," are not what was said.
    expect(said("On Monday, according to Saraya Tahrir, three rockets hit the base.")).toEqual([
      "brigade-x: three rockets hit the base",
    ]);
    // Asked about something is no demand; a name with full stops is whom the call is on.
    expect(said("Karim al-Mansouri was asked about the attack that killed two fighters.")).toEqual([]);
    expect(said("Karim al-Mansouri called on the U.S. to withdraw.")).toEqual(["leader-z: on the U.S. to withdraw"]);
    expect(said("Karim al-Mansouri also called on the prime minister “to dissolve the council.”")).toEqual([
      "leader-z: to dissolve the council",
    ]);
    expect(said("Karim al-Mansouri called on the new prime minister to dissolve the council.")).toEqual([
      "leader-z: on the new prime minister to dissolve the council",
    ]);
    // A call with no one to act and nothing to do is no statement.
    expect(said("Karim al-Mansouri called on the families.")).toEqual([]);
  });

  it("takes the speaker of a relative clause from the phrase it follows, or the subject that phrase describes", () => {
    expect(said("It followed the resignation of Karim al-Mansouri, who told his followers to stay home.")).toEqual([
      "leader-z: his followers to stay home",
    ]);
    expect(said("Karim al-Mansouri was a calming figure who urged fighters to go home.")).toEqual([
      "leader-z: fighters to go home",
    ]);
    // A relative clause without commas stands between the subject and its verb.
    expect(said("An officer from Saraya Tahrir who requires anonymity told reporters that the base was hit.")).toEqual([
      "brigade-x: the base was hit",
    ]);
    // "US officials" speak, on the United States' behalf (the annotation guide: unnamed speakers are a group of people).
    expect(said("The group is a worry for US officials, who have accused it of attacks.")).toEqual([
      "US officials: it of attacks",
    ]);
  });

  it("reads 'the group' as the last group named, not the last speaker and not a news agency", () => {
    const text =
      "Liwa al-Fajr said it was ready to fight. The Nahrain News Agency published Saraya Tahrir’s statement. " +
      "Denying involvement, the group said the attack was a mistake.";
    expect(said(text)).toContain("brigade-x: the attack was a mistake");
  });

  it("finds the subject past an adverb, a participle that modifies it, or a verb joined by 'and'", () => {
    expect(said("Karim al-Mansouri further explained that the fatwa worked.")).toEqual(["leader-z: the fatwa worked"]);
    expect(said("Four factions linked to Karim al-Mansouri shunned the move, saying that it was illegal.")).toEqual([
      "Four factions: it was illegal",
    ]);
    expect(said("Karim al-Mansouri even went to Baghdad and said the group would fight.")).toEqual([
      "leader-z: the group would fight",
    ]);
  });

  it("keeps a quotation of several sentences that follows a speaker's words as theirs", () => {
    const text =
      "“We are ready,” Karim al-Mansouri explained. “They must leave the country. Otherwise, they will regret it.” Karim al-Mansouri went on to threaten Baghdad.";
    expect(said(text)).toContain("leader-z: They must leave the country. Otherwise, they will regret it");
  });

  it("takes a statement a medium reports as the words of the one who said them, through the medium", () => {
    const statements = of(
      run(
        "The Nahrain News Agency reported that Saraya Tahrir has threatened Karim al-Mansouri, saying he would regret it.",
      ),
      "statement",
    );
    expect(statements.map((s) => [s.proposal.claimantId, s.proposal.via?.actorId])).toEqual([
      ["brigade-x", "agency-n"],
    ]);
  });

  it("gives a verb joined by 'and' to a reporting verb the same speaker", () => {
    expect(said("Saraya Tahrir has reported that four fighters were killed and has threatened to retaliate.")).toEqual([
      "brigade-x: four fighters were killed",
      "brigade-x: to retaliate",
    ]);
  });

  it("finds the verb whose subject speaks past a participle that modifies a noun, and reads 'attributes … to' as an accusation", () => {
    expect(
      said(
        "Karim al-Mansouri addressed reporters during a briefing held on Tuesday, saying: “We have seen the reports.”",
      ),
    ).toEqual(["leader-z: We have seen the reports"]);
    expect(
      of(run("The United States attributes responsibility to Saraya Tahrir for the attack."), "statement").map((s) => [
        s.proposal.claimantId,
        s.proposal.stance,
      ]),
    ).toEqual([["united-states", "accuses"]]);
  });

  it("takes for a pronoun the actor its own sentence named first, before earlier speakers", () => {
    const text =
      "Liwa al-Fajr said the war was on. Saraya Tahrir struck the militia groups they blame for the attacks on Baghdad.";
    expect(said(text)).toContain("brigade-x: for the attacks on Baghdad");
    // "… militia groups it says are behind attacks": the subject, not the groups.
    expect(said("The United States sanctions Liwa al-Fajr, which it says is behind attacks.")).toEqual([
      "united-states: is behind attacks",
    ]);
  });

  it("gives an opening participle to the main clause's subject: 'Denying involvement, the group said'", () => {
    expect(said("Denying involvement, Saraya Tahrir said that the attack was a provocation.")).toEqual([
      "brigade-x: Denying involvement",
      "brigade-x: the attack was a provocation",
    ]);
  });

  it("reads a reporting verb the tagger took for a noun, between a name and 'as'", () => {
    expect(
      said("Saraya Tahrir is a militia, which the United States regards as the biggest threat to Baghdad."),
    ).toEqual(["united-states: as the biggest threat to Baghdad"]);
  });

  it("does not take a state named as a place for 'it'", () => {
    expect(
      said("Saraya Tahrir lost 25 fighters in strikes in Iraq on Sunday. It said the strikes were a crime."),
    ).toEqual(["brigade-x: the strikes were a crime"]);
  });

  it("gives a participle after a comma, and a pronoun in a second clause, the speaker its sentence already has", () => {
    expect(said("Saraya Tahrir said the toll had risen to 25, and it vowed to exact revenge for the attack.")).toEqual([
      "brigade-x: the toll had risen to 25",
      "brigade-x: to exact revenge for the attack",
    ]);
    // One statement: the participle goes on with the same speaker's words.
    const words = said("Saraya Tahrir said the attack was a mistake, stating: “We regret it.”");
    expect(words).toHaveLength(1);
    expect(words[0]).toMatch(/^brigade-x: the attack was a mistake, stating: “We regret it/);
  });

  it("ends a reported clause where another speaker's attribution begins", () => {
    expect(
      said("Karim al-Mansouri claimed the attack was sabotage and Saraya Tahrir denied that it played a role."),
    ).toEqual(["leader-z: the attack was sabotage", "brigade-x: that it played a role"]);
  });

  it("does not take an accusation without its object for a statement: 'the militia blamed for the attack'", () => {
    expect(said("Officials said the US struck the militia blamed for the attack.")).toEqual([
      "Officials: the US struck the militia blamed for the attack",
    ]);
  });

  it("takes for a pronoun a name its own sentence gives first, even one the atlas does not know yet", () => {
    expect(
      said("After the raid, commander Hamid al-Zubaidi attacked Karim al-Mansouri for what he claimed was a betrayal."),
    ).toEqual(["Hamid al-Zubaidi: was a betrayal"]);
  });

  it("reads people or a body described by where they are as the speaker, not the place, even a known state", () => {
    expect(said("Saraya Tahrir killed the expert, politicians in Basra said.")).toEqual([
      "politicians in Basra: Saraya Tahrir killed the expert",
    ]);
    expect(said("A militia in Iraq announced it had launched a drone attack.")).toEqual([
      "militia in Iraq: it had launched a drone attack",
    ]);
    expect(said("Officials in Iraq said the strike was a crime.")).toEqual([
      "Officials in Iraq: the strike was a crime",
    ]);
  });

  it("takes the name set in apposition after a description as the speaker", () => {
    const [s] = of(
      run("The Secretary-General of Saraya Tahrir, Karim al-Mansouri, said today that the vote was a turning point."),
      "statement",
    );
    expect([s?.proposal.claimantId, s?.proposal.onBehalfOfId, s?.proposal.statement]).toEqual([
      "leader-z",
      "brigade-x",
      "the vote was a turning point",
    ]);
  });

  it("keeps the setting before a quotation out of the words, in the attribution", () => {
    const [s] = of(run('Karim al-Mansouri said in a televised speech, "the parties were suspicious."'), "statement");
    expect([s?.proposal.statement, s?.proposal.attribution.quote]).toEqual([
      "the parties were suspicious",
      "Karim al-Mansouri said in a televised speech",
    ]);
  });

  it("reads 'the group' and a pronoun in its clause as the last group named, not a state whose statement came between", () => {
    const text =
      "Saraya Tahrir fired rockets at the base. An Iraq government statement said the attack was a crime. " +
      "Later, the group issued another statement in which it blamed the US for the escalation.";
    expect(said(text)).toEqual(["iraq: the attack was a crime", "brigade-x: the US for the escalation"]);
  });

  it("takes no one from a negative subject, and the 'according to' source instead", () => {
    expect(said("No group claimed responsibility for the attack, according to the Nahrain News Agency.")).toEqual([
      "agency-n: No group claimed responsibility for the attack",
    ]);
    expect(said("Nobody said the attack was a mistake. None of the factions claimed the attack.")).toEqual([]);
  });

  it("finds the speaker past a setting between commas, and reads 'claimed to have' as said by its subject", () => {
    expect(said("The militias, in a statement, blamed Saraya Tahrir for the attack.")).toEqual([
      "militias: Saraya Tahrir for the attack",
    ]);
    expect(said("Liwa al-Fajr fought on. The militant group claimed to have launched two drones.")).toEqual([
      "brigade-y: to have launched two drones",
    ]);
    // An infinitive after a noun is no one's words: the spokesman rejects, and accuses no one.
    expect(said("The spokesman rejected the US move to accuse Saraya Tahrir of terrorism.")).toEqual([
      "spokesman: the US move to accuse Saraya Tahrir of terrorism",
    ]);
  });

  it("reads 'the military' as the last armed force named, and a media outlet's 'it' as the outlet", () => {
    expect(said("The Counter Terrorism Service raided the house. “It was empty,” the military said.")).toEqual([
      "service-c: It was empty",
    ]);
    expect(
      said(
        "The US denied any role in the strike. The Saudi-based al-Hadath network said two men died. It said the base held missiles.",
      ),
    ).toEqual([
      "united-states: any role in the strike",
      "al-Hadath network: two men died",
      "al-Hadath network: the base held missiles",
    ]);
  });

  it("takes the clause before a closing attribution with whom it was told as the words, and no words never said", () => {
    expect(
      said(
        "Three drones were launched toward a base, two US officials confirmed to the Nahrain News Agency on Saturday.",
      ),
    ).toEqual(["US officials: Three drones were launched toward a base"]);
    expect(
      said("A drone hit the base, the Iraqi military announced Friday, with sources saying two fighters were killed."),
    ).toEqual(["Iraqi military: A drone hit the base", "sources: two fighters were killed"]);
    expect(
      said(
        "A US defense official, speaking on condition of anonymity because they were not authorized to comment to the press, confirmed the attack on the base.",
      ),
    ).toEqual(["US defense official: the attack on the base"]);
  });

  it("takes no answer to a deed, and no passive without its 'was', for a statement", () => {
    expect(said("Saraya Tahrir responded to the decision by killing an expert.")).toEqual([]);
    expect(said("The expert was shot by gunmen believed to be linked to Saraya Tahrir.")).toEqual([]);
    // With its words, an answer is a statement.
    expect(said("Saraya Tahrir responded that the decision was unlawful.")).toEqual([
      "brigade-x: the decision was unlawful",
    ]);
  });

  it("skips two appositives between a speaker and the verb", () => {
    expect(
      said("Karim al-Mansouri, the leader of Saraya Tahrir, the largest militia, told me that he was not there."),
    ).toEqual(["leader-z: he was not there"]);
  });
});

describe("criticism", () => {
  it("reads criticism of a thing as a statement, as condemnation is, with a time phrase before the verb", () => {
    const [said] = of(
      run("Karim al-Mansouri on Saturday criticized a visit by Saraya Tahrir to the border."),
      "statement",
    );
    expect(said?.proposal).toMatchObject({ claimantId: "leader-z", stance: "condemns" });
  });
});

describe("words not said", () => {
  it("reads no criticism that was not made, avoided, or said of its subject", () => {
    expect(said("Karim al-Mansouri did not criticize Saraya Tahrir by name.")).toEqual([]);
    expect(said("Karim al-Mansouri has refrained from criticizing Saraya Tahrir.")).toEqual([]);
    const stances = of(
      run("Saraya Tahrir, long criticized for its rocket attacks, said on Sunday that the talks failed."),
      "statement",
    ).map((x) => x.proposal.stance);
    expect(stances).not.toContain("condemns");
  });
});

/** Each statement as its speaker, its stance and the words claimed. */
const stanced = (text: string) =>
  of(run(text), "statement").map((s) => [s.proposal.claimantId, s.proposal.stance, s.proposal.evidence.quote]);

describe("blame told by a verb and its noun", () => {
  it("reads 'pointed the finger at', 'laid the blame on' and 'held X responsible' as accusations of whom they name", () => {
    expect(stanced("Karim al-Mansouri pointed the finger at Saraya Tahrir.")).toEqual([
      ["leader-z", "accuses", "Saraya Tahrir"],
    ]);
    expect(stanced("Karim al-Mansouri laid the blame on Saraya Tahrir for the blast.")).toEqual([
      ["leader-z", "accuses", "Saraya Tahrir for the blast"],
    ]);
    expect(stanced("Karim al-Mansouri held Saraya Tahrir responsible for the blast.")[0]?.slice(0, 2)).toEqual([
      "leader-z",
      "accuses",
    ]);
    // Whom it holds responsible is the words claimed; talks held are no blame, nor is a passive.
    expect(stanced("Karim al-Mansouri held Saraya Tahrir responsible for attacks on the NDF.")[0]?.[2]).toBe(
      "Saraya Tahrir responsible for attacks on the NDF",
    );
    expect(stanced("Karim al-Mansouri held talks with officials responsible for security.")).toEqual([]);
    expect(stanced("Saraya Tahrir was held responsible for the attack.")).toEqual([]);
    // Blame in the first person is words quoted.
    expect(stanced("We hold Saraya Tahrir fully responsible for the repercussions.")).toEqual([]);
    // Blame due or wished is none: "must hold", "refused to hold".
    expect(stanced("Karim al-Mansouri refused to hold Saraya Tahrir responsible for the blast.")).toEqual([]);
  });

  it("reads responsibility taken as claimed, by a state's body and not the state it is of", () => {
    expect(stanced("Saraya Tahrir on Sunday formally took responsibility for the rocket attack on the base.")).toEqual([
      ["brigade-x", "alleges", "responsibility for the rocket attack on the base"],
    ]);
    expect(stanced("The Counter Terrorism Service assumed full responsibility for the raid.")).toEqual([
      ["service-c", "alleges", "full responsibility for the raid"],
    ]);
    expect(said("The Counter Terrorism Service of Iraq said the raid was over.")).toEqual([
      "service-c: the raid was over",
    ]);
    // (Its acronym in brackets inside the subject: "the Counter Terrorism Service (CTS) of Iraq".)
    expect(said("The Counter Terrorism Service (CTS) of Iraq said the raid was over.")).toEqual([
      "service-c: the raid was over",
    ]);
    // What someone must take, or would not, is not taken.
    expect(stanced("Saraya Tahrir must take responsibility for the attack.")).toEqual([]);
    expect(stanced("Saraya Tahrir refused to take responsibility for the attack.")).toEqual([]);
  });

  it("reads 'who' after a thing as the name the phrase ends with", () => {
    expect(said("Karim al-Mansouri pointed the finger at Saraya Tahrir, who denied any role in the attack.")).toContain(
      "brigade-x: any role in the attack",
    );
  });
});

describe("speech told by its noun", () => {
  it("reads who a noun of speech comes from: its 'that' clause, or the sentence that tells it", () => {
    expect(
      said("The strikes began after assurances from Saraya Tahrir that its fighters had withdrawn from the city."),
    ).toEqual(["brigade-x: its fighters had withdrawn from the city"]);
    expect(said("The attack drew strong condemnation from Karim al-Mansouri, who lashed out at Liwa al-Fajr.")).toEqual(
      ["leader-z: The attack drew strong condemnation from Karim al-Mansouri, who lashed out at Liwa al-Fajr"],
    );
  });

  it("reads no threat or warning from someone without what it says: a danger is not words", () => {
    expect(said("Baghdad faces the threat from Saraya Tahrir and warnings from the weather.")).toEqual([]);
  });

  it("reads no speech that was not said, and no relative clause for what was said", () => {
    expect(said("The attack drew no condemnation from Saraya Tahrir.")).toEqual([]);
    expect(said("Officials were still awaiting confirmation from Liwa al-Fajr before releasing the names.")).toEqual(
      [],
    );
    expect(said("The strike came hours after a statement from Saraya Tahrir that was posted on Telegram.")).toEqual([]);
    expect(said("The growing power of Saraya Tahrir has raised alarm over the future of the state.")).toEqual([]);
    expect(said("Gunmen killed a man identified as Karim al-Mansouri in Basra.")).toEqual([]);
  });

  it("reads a verb that reports with its noun ('raised concerns over'), and a characterization by 'identified … as'", () => {
    expect(said("Karim al-Mansouri raised concerns over the new law.")).toEqual([
      "leader-z: concerns over the new law",
    ]);
    expect(said("The Nahrain News Agency identified the commander as a founder of Liwa al-Fajr.")).toEqual([
      "agency-n: the commander as a founder of Liwa al-Fajr",
    ]);
    // No one says it: a thing raises fears; the police identify bodies, no words.
    expect(said("The strike raised fears of war. Police identified the bodies on Monday.")).toEqual([]);
  });
});

describe("organisations named after a state", () => {
  it("proposes the organisation, not a mention of the state, when a state's name opens it", () => {
    const drafts = run("US Central Command confirmed that three drones were fired. U.S. Army trainers watched.");
    expect(of(drafts, "actor").map((a) => a.proposal.name)).toEqual(["US Central Command", "U.S. Army"]);
    expect(of(drafts, "mention")).toEqual([]);
    expect(said("US Central Command confirmed that three drones were fired.")).toEqual([
      "US Central Command: three drones were fired",
    ]);
  });

  it("types a name 'X of Y' by its head X when X is a head word ('Axis of Resistance' is a coalition)", () => {
    const names = (text: string) => of(run(text), "actor").map((a) => `${a.proposal.name} (${a.proposal.actorKind})`);
    expect(names("The Axis of Defiance said it would respond.")).toEqual(["Axis of Defiance (coalition)"]);
    expect(names("The Ministry of Resistance Affairs said so.")).toEqual([
      "Ministry of Resistance Affairs (government_body)",
    ]);
  });

  it("proposes organisations whose names hold a stop word, an acronym, a leading 'The' or a nationality before a rank", () => {
    const names = (text: string) => of(run(text), "actor").map((a) => `${a.proposal.name} (${a.proposal.actorKind})`);
    expect(names("Erin Evers, the researcher for Human Rights Watch, said so.")).toContain(
      "Human Rights Watch (organization)",
    );
    expect(names("It was IRNA in Tehran that published it. A source told the AFP news agency.")).toEqual([
      "IRNA (media)",
      "AFP (media)",
    ]);
    expect(names("The Cradle (@TheCradleMedia) August 29, 2022")).toEqual(["The Cradle (media)"]);
    expect(names("It failed, according to British Army Maj. Gen. Kevin Copsey.")).toEqual([
      "British Army (military)",
      "Kevin Copsey (person)",
    ]);
  });

  it("splits two names joined by 'and' or a hyphen when one is known, and keeps a hyphenated surname", () => {
    const names = (text: string) => of(run(text), "actor").map((a) => a.proposal.name);
    expect(names("Militias including Saraya Tahrir and Kataib Sayyid al-Shuhada crossed.")).toEqual([
      "Kataib Sayyid al-Shuhada",
    ]);
    expect(names("Tensions soar over the Israel-Hamas war, and the US-Hamas talks stalled.")).toEqual(["Hamas"]);
    expect(names("Foreign Minister Hossein Amir-Abdollahian warned.")).toEqual(["Hossein Amir-Abdollahian"]);
  });

  it("proposes an institution written with a lower-case noun after a state's or a movement's adjective", () => {
    const names = (text: string) => of(run(text), "actor").map((a) => `${a.proposal.name} (${a.proposal.actorKind})`);
    expect(names("He was sentenced by a Kuwait court and fought with the Iranian army.")).toEqual([
      "Kuwait court (government_body)",
      "Iranian army (military)",
    ]);
    expect(names("He leads the Sadrist movement.")).toEqual(["Sadrist movement (armed_group)"]);
    expect(names("Syrian security forces arrested him.")).toEqual(["Syrian security forces (military)"]);
    // A lower-case noun after any capitalized word is no institution.
    expect(names("Karim al-Mansouri government officials spoke.")).toEqual([]);
  });

  it("proposes an organisation whose name ends in a country or holds a rank, and no 'Strip' as an actor", () => {
    const names = (text: string) => of(run(text), "actor").map((a) => `${a.proposal.name} (${a.proposal.actorKind})`);
    expect(names("The Islamic Resistance in Iraq claimed it. The Central Bank of Iraq froze funds.")).toEqual([
      "Islamic Resistance in Iraq (armed_group)",
      "Central Bank of Iraq (organization)",
    ]);
    expect(names("It was shot down, said the Directorate General of Counter Terrorism.")).toEqual([
      "Directorate General of Counter Terrorism (government_body)",
    ]);
    expect(names("It backs the United States in its war against the Gaza Strip.")).toEqual([]);
  });

  it("proposes no acronym as new when it is the initials of a known actor's name", () => {
    const names = (text: string) => of(run(text), "actor").map((a) => a.proposal.name);
    // The gazetteer knows both acronyms as organisations; only CTS spells a known name's initials.
    expect(names("Fighters said CTS raided the house. A source told AFP.")).toEqual(["AFP"]);
  });

  it("offers a known person whose name has a typing slip as that person, for the reviewer, and not as new", () => {
    const drafts = run("Karim al-Masnouri said the group would fight.");
    expect(of(drafts, "actor")).toEqual([]);
    expect(of(drafts, "mention").map((m) => [m.quote, m.proposal.actorId, m.proposal.candidates[0]?.actorId])).toEqual([
      ["Karim al-Masnouri", null, "leader-z"],
    ]);
  });

  it("ends words said in an opening concession at its comma", () => {
    expect(said("Though Saraya Tahrir denied responsibility, the US struck its depots.")).toEqual([
      "brigade-x: responsibility",
    ]);
    // A speaker in the main clause says the whole sentence, concession and all.
    expect(said("Despite the strikes, the militia will not retreat, Karim al-Mansouri said.")).toEqual([
      "leader-z: Despite the strikes, the militia will not retreat",
    ]);
  });

  it("reads a body that acts at the very end of a text without failing", () => {
    expect(() => run("Saraya Tahrir fought in Baghdad. US forces later struck the militia")).not.toThrow();
  });

  it("proposes a person a family story names once, as someone's kin, and keeps that first name apart", () => {
    const text =
      "Nadia Salman spoke for the shrine. Sattar Jabbar mourned. " +
      "A sniper killed his brother, Salman, in an ambush in the fall of 2014, he said. " +
      "Salman’s son, Yasser, sat listening.";
    const people = of(run(text), "actor").map((a) => [a.proposal.name, a.proposal.actorKind]);
    // Salman the brother is not Nadia Salman's surname; Yasser is a person by one name.
    expect(people).toEqual(
      expect.arrayContaining([
        ["Salman", "person"],
        ["Yasser", "person"],
      ]),
    );
    // "he" is the one whose brother Salman is, not Salman.
    expect(said(text).find((s) => s.includes("sniper"))).toBe(
      "Sattar Jabbar: A sniper killed his brother, Salman, in an ambush in the fall of 2014",
    );
  });

  it("learns a name the text gives a known group, after 'aka' or as an alternative before it", () => {
    const linked = (text: string) =>
      of(run(text), "mention")
        .filter((m) => m.proposal.actorId === "brigade-x")
        .map((m) => m.quote);
    const aka = "He founded the Saraya Tahrir network, aka the “Liberation Companies.” The Liberation Companies grew.";
    // The defining words are a mention too, and no new actor.
    expect(linked(aka)).toEqual(["Saraya Tahrir", "Liberation Companies", "Liberation Companies"]);
    expect(of(run(aka), "actor")).toEqual([]);
    const or =
      "The fighters, called Border Guard Units (BGU) or Saraya Tahrir, grew. Later the BGU and the Border Guard Units split.";
    expect(linked(or)).toEqual(["Border Guard Units", "BGU", "Saraya Tahrir", "BGU", "Border Guard Units"]);
    expect(of(run(or), "actor").map((a) => a.proposal.name)).toEqual([]);
    // "so-called", "recalled": not a definition.
    expect(linked("The so-called Border Guard Units or Saraya Tahrir grew. The Border Guard Units split.")).toEqual([
      "Saraya Tahrir",
    ]);
  });

  it("keeps the mention of the state before a known organisation or a person", () => {
    const drafts = run("US Secretary Karim al-Mansouri met US officials.");
    expect(of(drafts, "mention").map((m) => m.proposal.actorId)).toEqual([
      "united-states",
      "leader-z",
      "united-states",
    ]);
  });

  it("reads a pronoun that tags the words before it as someone named before the sentence, never one of those words' people", () => {
    const text =
      "Karim al-Mansouri, a commander, spoke to reporters. A sniper killed his brother Salman in 2014, he said. " +
      "Rockets hit the base in the spring, he said.";
    expect(said(text)).toEqual([
      "leader-z: to reporters",
      "leader-z: A sniper killed his brother Salman in 2014",
      "leader-z: Rockets hit the base in the spring",
    ]);
  });

  it("gives words someone was quoted as saying to the one quoted, through the one quoting", () => {
    const drafts = run(
      "Nahrain News Agency quoted a statement by Saraya Tahrir as saying that the base was hit. " +
        "The channel quoted an informed source as saying that two aircraft were damaged.",
    );
    expect(
      of(drafts, "statement").map((s) => [
        s.proposal.claimantId ?? s.proposal.claimantName,
        s.proposal.via?.actorId ?? null,
        s.proposal.evidence.quote,
      ]),
    ).toEqual([
      ["brigade-x", "agency-n", "the base was hit"],
      ["informed source", null, "two aircraft were damaged"],
    ]);
  });

  it("reads an organisation's name that opens with a title word, and a name right after a known one", () => {
    const names = (text: string) => of(run(text), "actor").map((a) => `${a.proposal.name} (${a.proposal.actorKind})`);
    expect(names("The decision is upon the General Command of the Armed Forces.")).toEqual([
      "General Command of the Armed Forces (military)",
    ]);
    expect(names("The State of Law Coalition won 37 seats.")).toEqual(["State of Law Coalition (coalition)"]);
    // A lower-case head word ends a group's name, unless the name is only adjectives or an acronym.
    expect(names("Members of the Sadrist movement protested. Shiite factions and US forces gathered.")).toEqual([
      "Sadrist movement (armed_group)",
    ]);
    // An outlet's edition is the outlet's kind; "Former" opens no name.
    expect(names("Al Arabiya English reported the attack.")).toEqual(["Al Arabiya English (media)"]);
    expect(names("Former Iraqi prime minister and Kurdish official Hoshyar Zebari said so.")).toEqual([
      "Hoshyar Zebari (person)",
    ]);
    expect(names("Spokesman of the Counter Terrorism Service Sabah al-Numan said the raid was legal.")).toEqual([
      "Sabah al-Numan (person)",
    ]);
  });

  it("reads an office holder's title apart from the body, an outlet by 'The' or its noun, an English-word surname", () => {
    const names = (text: string) =>
      of(run(text), "actor").map(
        (a) =>
          `${a.proposal.name} (${a.proposal.actorKind})${a.proposal.shortNames.length ? ` ${a.proposal.shortNames}` : ""}`,
      );
    expect(
      names("“Clashes go on,” Khudeda Alias, Chairman of the Autonomous Administration Council, told The New Arab."),
    ).toEqual([
      "Khudeda Alias (person)",
      "Autonomous Administration Council (government_body)",
      "The New Arab (media)",
    ]);
    expect(names("Hoshyar Zebari said so in comments to the US-funded Al Hurra television.")).toEqual([
      "Hoshyar Zebari (person)",
      "Al Hurra (media)",
    ]);
    // A plural category is still no name: every word of it is an English word.
    expect(names("F-15 Strike Eagles and the Specially Designated Global Terrorists.")).toEqual([]);
    // An acronym in brackets after a name is its short name, whatever its letters; so is the name
    // without its head word.
    expect(
      names(
        "The army attacked the Kurdistan Workers Party (PKK) and Ezidxane Security Forces. PKK and Ezidxane Security fled.",
      ),
    ).toEqual([
      "Kurdistan Workers Party (political_party) PKK",
      "Ezidxane Security Forces (military) Ezidxane Security",
    ]);
  });

  it("takes an acronym the text gives a new name in brackets as that name from then on", () => {
    const drafts = run(
      "Hundreds stormed the offices of the Kurdistan Democratic Party (KDP) in Baghdad. " +
        "They acted outside the law, Hoshyar Zebari, a KDP member, said.",
    );
    expect(of(drafts, "actor").map((a) => [a.proposal.name, a.proposal.shortNames])).toEqual([
      ["Kurdistan Democratic Party", ["KDP"]],
      ["Hoshyar Zebari", []],
    ]);
    expect(
      of(drafts, "relation").map((r) => `${r.proposal.from.name} ${r.proposal.relationType} ${r.proposal.to.name}`),
    ).toEqual(["Hoshyar Zebari member_of Kurdistan Democratic Party"]);
  });

  it("does not read 'the group' as a body named only as another's tie", () => {
    const text =
      "Saraya Tahrir claimed the attack. In a statement published by Nahrain News Agency, a channel close to " +
      "Liwa al-Fajr, the group said it fired 24 rockets.";
    expect(said(text)).toContain("brigade-x: it fired 24 rockets");
  });

  it("reads a subtitle as prose: who it names, who speaks and their ties", () => {
    const title = "Commander arrested";
    const subtitle = "Police say Faris al-Jaber, Anbar head of Saraya Tahrir, has been arrested.";
    const body = "The arrest came at dawn.";
    const text = `${title}\n\n${subtitle}\n\n${body}`;
    const drafts = suggest({
      text,
      segments: [
        { role: "headline", start: 0, end: title.length, article: true },
        { role: "subtitle", start: title.length + 2, end: title.length + 2 + subtitle.length, article: true },
        { role: "body", start: text.length - body.length, end: text.length, article: true },
      ],
      published,
      actors: ACTORS,
      places: [],
    }).drafts;
    expect(
      of(drafts, "relation").map((r) => `${r.proposal.from.name} ${r.proposal.relationType} ${r.proposal.to.actorId}`),
    ).toEqual(["Faris al-Jaber member_of brigade-x"]);
    expect(of(drafts, "statement").map((st) => st.proposal.evidence.quote)).toEqual([
      "Faris al-Jaber, Anbar head of Saraya Tahrir, has been arrested",
    ]);
  });
});
