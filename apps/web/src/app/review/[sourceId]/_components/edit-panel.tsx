/**
 * The edit form of one suggestion, opened by ?edit=<id>: the fields its kind allows (the review
 * model's EDIT_FIELDS), filled with the values accepting would use now (the API's effective
 * values). Each field also carries what the form showed (o.<field>), so only what the reviewer
 * changed is sent. Save keeps it a suggestion; "Accept with these values" accepts it in one step.
 */
import { describeTime, PARTICIPANT_ROLES } from "@atlas/schema";
import { ActorKindField } from "@/components/actor-kind-field";
import { Button, ButtonLink } from "@/components/ui/button";
import { CheckChip, type Choice, choicesOf, Input, Label, SelectField, Textarea } from "@/components/ui/form";
import {
  ALIAS_KINDS,
  aliasKindLabel,
  EVENT_KIND_LIST,
  eventKindDescription,
  kindLabel,
  RELATION_TYPE_LIST,
  relationDescription,
  roleLabel,
  STANCE_LIST,
  stanceDescription,
} from "@/lib/labels";
import { formValues, originalTime } from "@/lib/review";
import type { ActorRef, EventSummary, Place, Suggestion } from "@/lib/types";
import { words } from "@/lib/utils";
import { ActionForm } from "../../_components/action-form";
import { reviewSuggestion } from "../../actions";
import { type CardContext, isKind, type SuggestionOf } from "./card-context";
import { titleOf } from "./found";
import { RejectButton } from "./suggestion-card";

export interface EditOptions {
  actors: ActorRef[];
  events: Pick<EventSummary, "id" | "title" | "time">[];
  places: Pick<Place, "id" | "name">[];
}

const ROLES = Object.keys(PARTICIPANT_ROLES);

const actorChoices = (actors: ActorRef[]): Choice[] =>
  actors.map((a) => ({ value: a.id, label: `${a.name} — ${kindLabel(a.kind)}` }));

const eventChoices = (events: EditOptions["events"]): Choice[] =>
  events.map((e) => ({ value: e.id, label: `${e.title} (${describeTime(e.time)})` }));

/** The values the form showed, posted back next to the fields (see lib/review.ts). */
function Originals({ s }: { s: Suggestion }) {
  const shown = formValues(s);
  const inputs = Object.entries(shown).flatMap(([field, value]) =>
    (Array.isArray(value) ? value : [value]).map((v, i) => (
      <input key={`${field}:${i}`} type="hidden" name={`o.${field}`} value={v} />
    )),
  );
  const times = (["time", "said"] as const).map((f) => {
    const t = originalTime(s, f);
    return t ? <input key={`t.${f}`} type="hidden" name={`t.${f}`} value={JSON.stringify(t)} /> : null;
  });
  return (
    <>
      {inputs}
      {times}
    </>
  );
}

function Hint({ children }: { children: React.ReactNode }) {
  return <span className="font-normal">{children}</span>;
}

/** A date field, typed as EDTF, with the forms it takes. */
function EdtfField({ label, name, defaultValue }: { label: string; name: string; defaultValue: string }) {
  return (
    <Label>
      <span>
        {label} <Hint>(EDTF: 2021-03-14, 2021-03, 2021, 2019-12/2020-01…)</Hint>
      </span>
      <Input name={name} defaultValue={defaultValue} />
    </Label>
  );
}

/** Who took part and how: the effective participants, and blank rows to add more. */
function ParticipantRows({
  participants,
  actors,
}: {
  participants: { actorId: string; role: string }[];
  actors: ActorRef[];
}) {
  const rows = [...participants, ...Array.from({ length: Math.max(1, 3 - participants.length) }, () => null)];
  const roles = choicesOf(ROLES, roleLabel);
  return (
    <fieldset className="flex flex-col gap-2 sm:col-span-2">
      <legend className="mb-1 text-xs font-medium text-muted-foreground">Who took part, and how</legend>
      {rows.map((p, i) => (
        <div key={i} className="grid gap-2 sm:grid-cols-[2fr_1fr]">
          <SelectField
            label={`Participant ${i + 1}`}
            hideLabel
            name="f.participants.actor"
            defaultValue={p?.actorId ?? ""}
            empty="—"
            choices={actorChoices(actors)}
          />
          <SelectField
            label={`Role of participant ${i + 1}`}
            hideLabel
            name="f.participants.role"
            defaultValue={p?.role ?? "participant"}
            choices={roles}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** What the form shows of each field: the text of one, the values of a list. */
type Shown = ReturnType<typeof formValues>;
interface FieldsProps<S extends Suggestion> {
  s: S;
  options: EditOptions;
  str: (f: keyof Shown) => string;
  list: (f: keyof Shown) => string[];
}

function MentionFields({ s, options, str }: FieldsProps<SuggestionOf<"mention">>) {
  const candidates = s.proposal.candidates.map((c) => c.actorId);
  return (
    <SelectField
      label="The actor these words refer to"
      name="f.actorId"
      defaultValue={str("actorId")}
      empty={s.effective.actorId ? undefined : "Choose: the words could name several actors"}
      choices={[
        {
          group: "Proposed",
          choices: candidates.length > 1 ? actorChoices(options.actors.filter((a) => candidates.includes(a.id))) : [],
        },
        { group: "Every actor", choices: actorChoices(options.actors) },
      ]}
    />
  );
}

function ActorFields({ options, str }: FieldsProps<SuggestionOf<"actor">>) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Label>
        Name
        <Input name="f.name" defaultValue={str("name")} maxLength={200} />
      </Label>
      <ActorKindField name="f.actorKind" defaultValue={str("actorKind")} />
      <Label className="sm:col-span-2">
        <span>
          Description <Hint>(one or two sentences)</Hint>
        </span>
        <Textarea name="f.description" defaultValue={str("description")} maxLength={1000} />
      </Label>
      <Label>
        <span>
          Id <Hint>(blank: made from the name)</Hint>
        </span>
        <Input
          name="f.id"
          defaultValue={str("id")}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          title="lowercase letters, digits and hyphens, like kataib-hezbollah"
        />
      </Label>
      <SelectField
        label="Or the same as an existing actor"
        name="f.mergeInto"
        defaultValue={str("mergeInto")}
        empty="No — a new actor"
        choices={actorChoices(options.actors)}
      />
      <SelectField
        label={
          <span>
            …and the name is its <Hint>(when the same as an existing actor)</Hint>
          </span>
        }
        name="f.aliasKind"
        defaultValue={str("aliasKind")}
        choices={choicesOf(ALIAS_KINDS, aliasKindLabel)}
      />
    </div>
  );
}

function EventFields({ s, options, str }: FieldsProps<SuggestionOf<"date"> | SuggestionOf<"event">>) {
  const corroborates = isKind(s, "event") ? s.proposal.corroborates : null;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <EdtfField label="Date" name="f.time" defaultValue={str("time")} />
      <SelectField
        label="Or this document’s account of an existing event"
        name="f.eventId"
        defaultValue={str("eventId")}
        empty="No — a new event"
        choices={[
          {
            group: "Proposed: the same event",
            choices: corroborates ? [{ value: corroborates.id, label: corroborates.title }] : [],
          },
          { group: "Every event", choices: eventChoices(options.events) },
        ]}
      />
      <SelectField
        label="Kind of event"
        name="f.eventKind"
        defaultValue={str("eventKind")}
        choices={choicesOf(EVENT_KIND_LIST, words, eventKindDescription)}
      />
      <SelectField
        label="Place"
        name="f.placeId"
        defaultValue={str("placeId")}
        empty="Not given"
        choices={options.places.map((p) => ({ value: p.id, label: p.name }))}
      />
      <Label className="sm:col-span-2">
        Title
        <Input name="f.title" defaultValue={str("title")} maxLength={200} />
      </Label>
      <Label className="sm:col-span-2">
        Summary
        <Textarea name="f.summary" defaultValue={str("summary")} maxLength={2000} />
      </Label>
      <ParticipantRows participants={s.effective.participants} actors={options.actors} />
    </div>
  );
}

function RelationFields({ s, options, str }: FieldsProps<SuggestionOf<"relation">>) {
  const held = [s.proposal.existing].filter((m) => m !== null);
  const notYet = (id: string | null, name: string) => (id ? undefined : `${name} — not an actor yet`);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField
        label="From"
        name="f.fromId"
        defaultValue={str("fromId")}
        empty={notYet(s.effective.fromId, s.effective.fromName)}
        choices={actorChoices(options.actors)}
      />
      <SelectField
        label="Relation"
        name="f.relationType"
        defaultValue={str("relationType")}
        choices={choicesOf(RELATION_TYPE_LIST, words, relationDescription)}
      />
      <SelectField
        label="To"
        name="f.toId"
        defaultValue={str("toId")}
        empty={notYet(s.effective.toId, s.effective.toName)}
        choices={actorChoices(options.actors)}
      />
      <Label>
        <span>
          Role <Hint>(in the text’s words; blank: none)</Hint>
        </span>
        <Input name="f.role" defaultValue={str("role")} maxLength={200} />
      </Label>
      <EdtfField label="When" name="f.time" defaultValue={str("time")} />
      <SelectField
        label="Or evidence of a relation the atlas holds"
        name="f.relationId"
        defaultValue={str("relationId")}
        empty="No — a new relation"
        choices={held.map((m) => ({ value: m.id, label: m.title }))}
      />
      <div className="flex items-end">
        <CheckChip name="f.former" value="true" defaultChecked={str("former") === "true"}>
          The text says it has ended (former)
        </CheckChip>
      </div>
    </div>
  );
}

function StatementFields({
  s,
  options,
  str,
  list,
  ctx,
}: FieldsProps<SuggestionOf<"statement">> & { ctx: CardContext }) {
  const v = s.effective;
  const links = [
    ...s.proposal.supports.map((m) => ({ ...m, field: "supportsIds" as const })),
    ...s.proposal.contradicts.map((m) => ({ ...m, field: "contradictsIds" as const })),
    ...v.supportsIds
      .filter((id) => !s.proposal.supports.some((m) => m.id === id))
      .map((id) => ({ id, title: ctx.claims.get(id)?.statement ?? id, why: [], field: "supportsIds" as const })),
    ...v.contradictsIds
      .filter((id) => !s.proposal.contradicts.some((m) => m.id === id))
      .map((id) => ({ id, title: ctx.claims.get(id)?.statement ?? id, why: [], field: "contradictsIds" as const })),
  ];
  const actors = actorChoices(options.actors);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField
        label="Speaker (claimant)"
        name="f.claimantId"
        defaultValue={str("claimantId")}
        empty={v.claimantId ? undefined : `${v.speaker} — as found (not an actor yet)`}
        choices={actors}
      />
      <SelectField
        label="Stance"
        name="f.stance"
        defaultValue={str("stance")}
        choices={choicesOf(STANCE_LIST, (k) => k, stanceDescription)}
      />
      <Label className="sm:col-span-2">
        The claim, as one plain sentence
        <Textarea name="f.statement" defaultValue={str("statement")} maxLength={2000} />
      </Label>
      <Label>
        <span>
          Said <Hint>(EDTF; blank: not given)</Hint>
        </span>
        <Input name="f.said" defaultValue={str("said")} />
      </Label>
      <SelectField
        label="On behalf of"
        name="f.onBehalfOfId"
        defaultValue={str("onBehalfOfId")}
        empty="Not given"
        choices={actors}
      />
      <SelectField
        label={
          <span>
            Through <Hint>(the channel: “according to Reuters”)</Hint>
          </span>
        }
        name="f.viaId"
        defaultValue={str("viaId")}
        empty={s.proposal.via && !v.viaId ? `${s.proposal.via.name} — not an actor yet` : "Not given"}
        choices={actors}
      />
      <SelectField
        label={
          <span>
            About these actors <Hint>(Ctrl- or ⌘-click for several)</Hint>
          </span>
        }
        name="f.aboutActorIds"
        multiple
        defaultValue={list("aboutActorIds")}
        size={6}
        selectClassName="h-auto py-1"
        choices={actors}
      />
      <SelectField
        label="About these events"
        name="f.aboutEventIds"
        multiple
        defaultValue={list("aboutEventIds")}
        size={6}
        selectClassName="h-auto py-1"
        choices={eventChoices(options.events)}
      />
      {links.length > 0 && (
        <fieldset className="flex flex-col gap-1.5 sm:col-span-2">
          <legend className="mb-1 text-xs font-medium text-muted-foreground">
            Links to claims the atlas holds (untick to leave one out)
          </legend>
          {links.map((m) => (
            <CheckChip
              key={`${m.field}:${m.id}`}
              name={`f.${m.field}`}
              value={m.id}
              defaultChecked={list(m.field).includes(m.id)}
              className="self-start rounded-md"
            >
              {m.field === "supportsIds" ? "supports" : "contradicts"}: {m.title}
            </CheckChip>
          ))}
        </fieldset>
      )}
    </div>
  );
}

/** The fields of the suggestion's kind, filled with what accepting would use now. */
function Fields({ s, options, ctx }: { s: Suggestion; options: EditOptions; ctx: CardContext }) {
  const shown = formValues(s);
  const str = (f: keyof Shown) => (typeof shown[f] === "string" ? (shown[f] as string) : "");
  const list = (f: keyof Shown) => (Array.isArray(shown[f]) ? (shown[f] as string[]) : []);
  const common = { options, str, list };
  if (isKind(s, "mention")) return <MentionFields s={s} {...common} />;
  if (isKind(s, "actor")) return <ActorFields s={s} {...common} />;
  if (isKind(s, "date") || isKind(s, "event")) return <EventFields s={s} {...common} />;
  if (isKind(s, "relation")) return <RelationFields s={s} {...common} />;
  if (isKind(s, "statement")) return <StatementFields s={s} {...common} ctx={ctx} />;
  return null;
}

export function EditPanel({
  s,
  options,
  ctx,
  closeHref,
}: {
  s: Suggestion;
  options: EditOptions;
  ctx: CardContext;
  closeHref: string;
}) {
  return (
    <ActionForm
      action={reviewSuggestion}
      label={`Edit: ${titleOf(s, ctx)}`}
      focusFirst
      className="gap-3 rounded-md border bg-muted/40 p-3"
    >
      <input type="hidden" name="id" value={s.id} />
      <input type="hidden" name="kind" value={s.kind} />
      <input type="hidden" name="edit" value="1" />
      <Originals s={s} />
      <Fields s={s} options={options} ctx={ctx} />
      <Label>
        <span>
          Note for the record <Hint>(optional: why you accepted or rejected it)</Hint>
        </span>
        <Input name="note" maxLength={1000} />
      </Label>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="accept" size="sm" data-key="a" aria-keyshortcuts="a">
          Accept with these values
        </Button>
        <Button type="submit" name="intent" value="save" size="sm" variant="outline">
          Save changes
        </Button>
        <RejectButton />
        <ButtonLink href={closeHref} size="sm" variant="ghost">
          Close
        </ButtonLink>
      </div>
    </ActionForm>
  );
}
