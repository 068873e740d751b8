/**
 * A dossier: an actor's profile in the form journalists cite (the Mapping Militants Project's,
 * Militia Spotlight's), built only from the atlas's records. Every line carries footnotes to the
 * verbatim words that state it; a field the documents say nothing about says NOT_REPORTED — never
 * blank, never filled from outside knowledge. Renderers print what is here and decide nothing.
 */
import { z } from "zod";
import { ActorRef, Quote, SourceRef } from "../queries/types.js";

export const NOT_REPORTED = "Not reported in the sources.";

export const DossierPart = z
  .object({
    text: z.string(),
    actorId: z.string().optional().describe("The text names this actor (a renderer may link it)."),
    eventId: z.string().optional().describe("The text names this event."),
    claimId: z.string().optional().describe("The text is this claim."),
  })
  .meta({ id: "DossierPart", description: "A piece of a dossier line, linked to the record it names." });
export type DossierPart = z.infer<typeof DossierPart>;

export const DossierLine = z
  .object({
    parts: z.array(DossierPart).min(1),
    notes: z.array(z.int()).describe("Footnote numbers: the quotes that state this line."),
  })
  .meta({ id: "DossierLine", description: "One statement of a dossier, with its footnotes." });
export type DossierLine = z.infer<typeof DossierLine>;

export const DossierSection = z
  .object({
    id: z.string(),
    title: z.string(),
    reported: z.boolean().describe(`False when the documents say nothing; the one line then says "${NOT_REPORTED}"`),
    lines: z.array(DossierLine).min(1),
  })
  .meta({ id: "DossierSection", description: "A field of the dossier." });
export type DossierSection = z.infer<typeof DossierSection>;

export const DossierNote = z
  .object({
    n: z.int(),
    quote: Quote,
    citation: z.string().describe('The source as a footnote names it: "Title, Publisher, 3 January 2020".'),
  })
  .meta({ id: "DossierNote", description: "A footnote: the verbatim quote and the source it comes from." });
export type DossierNote = z.infer<typeof DossierNote>;

export const Dossier = z
  .object({
    actor: ActorRef.extend({ description: z.string() }),
    template: z.enum(["group", "person"]).describe("person for people; group for every other kind of actor."),
    sections: z.array(DossierSection),
    notes: z.array(DossierNote),
    sources: z.array(SourceRef).describe("The sources the footnotes cite, newest first."),
  })
  .meta({ id: "Dossier", description: "An actor's citable profile: every line footnoted to a quote." });
export type Dossier = z.infer<typeof Dossier>;

export const DossierFile = z
  .object({ contentType: z.string(), filename: z.string(), body: z.string() })
  .meta({ id: "DossierFile", description: "A dossier rendered as a file (Markdown with footnotes)." });
export type DossierFile = z.infer<typeof DossierFile>;
