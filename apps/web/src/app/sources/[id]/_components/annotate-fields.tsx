/**
 * The annotate form's fields for each kind of record (annotate-form.tsx shows the one chosen), each
 * prefilled from the words: the actors they name, a date they state, a reporting verb's stance.
 * Names and ids are those the workbench's add procedure takes (records.add, through ../actions).
 */
import { ActorKindField } from "@/components/actor-kind-field";
import {
  CheckChip,
  type Choice,
  choicesOf,
  Input,
  Label,
  recordChoices,
  SelectField,
  Textarea,
} from "@/components/ui/form";
import type { KnownActor } from "@/lib/annotate";
import {
  ALIAS_KINDS,
  aliasKindLabel,
  EVENT_KIND_LIST,
  kindLabel,
  RELATION_TYPE_LIST,
  relationVerb,
  STANCE_LIST,
} from "@/lib/labels";
import type { Prefill } from "./use-annotation-draft";

/** A choice of actor: those the words name first, then every actor. */
function ActorField({
  label,
  name,
  defaultValue,
  actors,
  found,
  required = true,
}: {
  label: string;
  name: string;
  defaultValue: string;
  actors: KnownActor[];
  found: string[];
  required?: boolean;
}) {
  const byId = new Map(actors.map((a) => [a.id, a]));
  return (
    <SelectField
      label={label}
      name={name}
      defaultValue={defaultValue}
      required={required}
      empty="— choose an actor —"
      choices={[
        { group: "Named in these words", choices: found.map((id) => ({ value: id, label: byId.get(id)?.name ?? id })) },
        { group: "Every actor", choices: recordChoices(actors, (a) => a.name) },
      ]}
    />
  );
}

/** [id, label] pairs (events, claims) as choices. */
const pairChoices = (pairs: [id: string, label: string][]): Choice[] =>
  pairs.map(([value, label]) => ({ value, label }));

/** What the form found in the words it was prefilled from, said in a line; nothing when it found nothing. */
export function PrefillNote({ prefill, name }: { prefill: Prefill; name: (id: string) => string }) {
  if (!(prefill.verb || prefill.found.length > 0 || prefill.date)) return null;
  return (
    <p className="text-xs text-muted-foreground" data-testid="prefill">
      Found in the words:{" "}
      {[
        prefill.verb && `the reporting verb “${prefill.verb.word}” (${prefill.verb.stance})`,
        prefill.found.length > 0 && `${prefill.found.map(name).join(", ")}`,
        prefill.date && `the date “${prefill.date.words}” (${prefill.date.date})`,
      ]
        .filter(Boolean)
        .join("; ")}
      .
    </p>
  );
}

/** A claim: who makes it and with what stance, what it says and is about, and the claims it bears on. */
export function ClaimFields({
  prefill,
  basis,
  actors,
  events,
  claims,
  name,
}: {
  prefill: Prefill;
  /** The words the prefill came from: the statement starts as them. */
  basis: string;
  actors: KnownActor[];
  events: [id: string, title: string][];
  claims: [id: string, label: string][];
  name: (id: string) => string;
}) {
  const claimant = prefill.found[0] ?? "";
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <ActorField
        label="Who makes the claim"
        name="claimantId"
        defaultValue={claimant}
        actors={actors}
        found={prefill.found}
      />
      <SelectField
        label="Stance"
        name="stance"
        defaultValue={prefill.verb?.stance ?? "asserts"}
        required
        choices={choicesOf(STANCE_LIST, (k) => k)}
      />
      <Label className="sm:col-span-2">
        What the claim says (in your words)
        <Textarea name="statement" defaultValue={basis.replace(/\s+/g, " ")} rows={2} required />
      </Label>
      <fieldset className="flex flex-col gap-1.5 sm:col-span-2">
        <legend className="mb-1 text-xs font-medium text-muted-foreground">What it is about</legend>
        <div className="flex flex-wrap gap-1.5">
          {prefill.found.map((id) => (
            <CheckChip key={id} name="aboutActorIds" value={id} defaultChecked={id !== claimant}>
              {name(id)}
            </CheckChip>
          ))}
        </div>
        <ActorField
          label="Another actor it is about"
          name="aboutActorIds"
          defaultValue=""
          required={false}
          actors={actors}
          found={[]}
        />
      </fieldset>
      <Label>
        When it was said (YYYY-MM-DD, or as written)
        <Input name="said" defaultValue={prefill.date?.date ?? ""} placeholder="e.g. 2021-03-09" />
      </Label>
      <SelectField
        label="An event it is about"
        name="aboutEventIds"
        defaultValue=""
        empty="— none —"
        choices={pairChoices(events)}
      />
      <SelectField
        label="A claim it supports"
        name="supportsIds"
        defaultValue=""
        empty="— none —"
        choices={pairChoices(claims)}
      />
      <SelectField
        label="A claim it contradicts"
        name="contradictsIds"
        defaultValue=""
        empty="— none —"
        choices={pairChoices(claims)}
      />
    </div>
  );
}

/** A mention of a known actor, or (alias) another name of one: which actor, and for an alias what kind of name. */
export function NamedActorFields({
  kind,
  prefill,
  actors,
}: {
  kind: "mention" | "alias";
  prefill: Prefill;
  actors: KnownActor[];
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <ActorField
        label={kind === "mention" ? "The actor the words name" : "The actor this is another name of"}
        name="actorId"
        defaultValue={prefill.found[0] ?? ""}
        actors={actors}
        found={prefill.found}
      />
      {kind === "alias" && (
        <>
          <SelectField
            label="What kind of name"
            name="aliasKind"
            defaultValue="spelling"
            choices={choicesOf(ALIAS_KINDS, aliasKindLabel)}
          />
          <CheckChip name="documentOnly" className="self-start">
            Only in this document (a first name, say)
          </CheckChip>
        </>
      )}
    </div>
  );
}

/** Evidence for an event: one the atlas has, or (no event chosen) a new one's kind, time and title. */
export function EventFields({
  prefill,
  events,
  eventId,
  setEventId,
}: {
  prefill: Prefill;
  events: [id: string, title: string][];
  /** The event chosen, "" for a new one: the form holds it, so it outlives a switch of kind. */
  eventId: string;
  setEventId: (id: string) => void;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField
        label="The event these words are about"
        className="sm:col-span-2"
        name="eventId"
        value={eventId}
        onChange={(e) => setEventId(e.target.value)}
        empty="— a new event —"
        choices={pairChoices(events)}
      />
      {eventId === "" && (
        <>
          <SelectField
            label="Kind"
            name="eventKind"
            defaultValue=""
            required
            empty="— choose —"
            choices={choicesOf(EVENT_KIND_LIST, kindLabel)}
          />
          <Label>
            When (YYYY-MM-DD, or as written)
            <Input name="time" defaultValue={prefill.date?.date ?? ""} required />
          </Label>
          <Label className="sm:col-span-2">
            Title
            <Input name="title" required />
          </Label>
        </>
      )}
    </div>
  );
}

/** A relation between two actors (the first two the words name), and since when it holds. */
export function RelationFields({ prefill, actors }: { prefill: Prefill; actors: KnownActor[] }) {
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <ActorField
        label="From"
        name="fromId"
        defaultValue={prefill.found[0] ?? ""}
        actors={actors}
        found={prefill.found}
      />
      <SelectField
        label="Relation"
        name="relationType"
        defaultValue=""
        required
        empty="— choose —"
        choices={choicesOf(RELATION_TYPE_LIST, relationVerb)}
      />
      <ActorField label="To" name="toId" defaultValue={prefill.found[1] ?? ""} actors={actors} found={prefill.found} />
      <Label>
        Since when (optional)
        <Input name="time" defaultValue={prefill.date?.date ?? ""} />
      </Label>
    </div>
  );
}

/** A new actor: its name (the words, unless given), kind and description. */
export function NewActorFields({ basis }: { basis: string }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Label>
        Name (the words, unless given)
        <Input name="name" defaultValue={basis.replace(/\s+/g, " ")} />
      </Label>
      <ActorKindField name="actorKind" />
      <Label className="sm:col-span-2">
        Description
        <Textarea name="description" rows={2} required />
      </Label>
    </div>
  );
}
