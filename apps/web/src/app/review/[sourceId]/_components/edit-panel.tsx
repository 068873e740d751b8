/**
 * The edit form of one suggestion, opened by ?edit=<id>: the fields its kind allows (the review
 * model's EDIT_FIELDS), filled with the values accepting would use now (the API's effective
 * values). Each field also carries what the form showed (o.<field>), so only what the reviewer
 * changed is sent. Save keeps it a suggestion; "Accept with these values" accepts it in one step.
 */
import { describeTime, PARTICIPANT_ROLES } from "@atlas/schema";
import { ActorKindSelect } from "@/components/actor-kind-select";
import { Button, ButtonLink } from "@/components/ui/button";
import { CheckChip, Input, Label, Select, Textarea } from "@/components/ui/form";
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
import { type CardContext, isKind } from "./card-context";
import { titleOf } from "./found";
import { RejectButton } from "./suggestion-card";

export interface EditOptions {
  actors: ActorRef[];
  events: Pick<EventSummary, "id" | "title" | "time">[];
  places: Pick<Place, "id" | "name">[];
}

const ROLES = Object.keys(PARTICIPANT_ROLES);

function ActorOptions({ actors }: { actors: ActorRef[] }) {
  return actors.map((a) => (
    <option key={a.id} value={a.id}>
      {a.name} — {kindLabel(a.kind)}
    </option>
  ));
}

function EventOptions({ events }: { events: EditOptions["events"] }) {
  return events.map((e) => (
    <option key={e.id} value={e.id}>
      {e.title} ({describeTime(e.time)})
    </option>
  ));
}

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

const EDTF_HINT = "(EDTF: 2021-03-14, 2021-03, 2021, 2019-12/2020-01…)";

/** Who took part and how: the effective participants, and blank rows to add more. */
function ParticipantRows({
  participants,
  actors,
}: {
  participants: { actorId: string; role: string }[];
  actors: ActorRef[];
}) {
  const rows = [...participants, ...Array.from({ length: Math.max(1, 3 - participants.length) }, () => null)];
  return (
    <fieldset className="flex flex-col gap-2 sm:col-span-2">
      <legend className="mb-1 text-xs font-medium text-muted-foreground">Who took part, and how</legend>
      {rows.map((p, i) => (
        <div key={i} className="grid gap-2 sm:grid-cols-[2fr_1fr]">
          <Label>
            <span className="sr-only">Participant {i + 1}</span>
            <Select name="f.participants.actor" defaultValue={p?.actorId ?? ""}>
              <option value="">—</option>
              <ActorOptions actors={actors} />
            </Select>
          </Label>
          <Label>
            <span className="sr-only">Role of participant {i + 1}</span>
            <Select name="f.participants.role" defaultValue={p?.role ?? "participant"}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </Select>
          </Label>
        </div>
      ))}
    </fieldset>
  );
}

function Fields({ s, options, ctx }: { s: Suggestion; options: EditOptions; ctx: CardContext }) {
  const shown = formValues(s);
  const str = (f: keyof typeof shown) => (typeof shown[f] === "string" ? (shown[f] as string) : "");
  const list = (f: keyof typeof shown) => (Array.isArray(shown[f]) ? (shown[f] as string[]) : []);
  if (isKind(s, "mention")) {
    const candidates = s.proposal.candidates.map((c) => c.actorId);
    return (
      <Label>
        The actor these words refer to
        <Select name="f.actorId" defaultValue={str("actorId")}>
          {!s.effective.actorId && <option value="">Choose: the words could name several actors</option>}
          {candidates.length > 1 && (
            <optgroup label="Proposed">
              <ActorOptions actors={options.actors.filter((a) => candidates.includes(a.id))} />
            </optgroup>
          )}
          <optgroup label="Every actor">
            <ActorOptions actors={options.actors} />
          </optgroup>
        </Select>
      </Label>
    );
  }
  if (isKind(s, "actor")) {
    return (
      <div className="grid gap-3 sm:grid-cols-2">
        <Label>
          Name
          <Input name="f.name" defaultValue={str("name")} maxLength={200} />
        </Label>
        <Label>
          Kind
          <ActorKindSelect name="f.actorKind" defaultValue={str("actorKind")} />
        </Label>
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
        <Label>
          Or the same as an existing actor
          <Select name="f.mergeInto" defaultValue={str("mergeInto")}>
            <option value="">No — a new actor</option>
            <ActorOptions actors={options.actors} />
          </Select>
        </Label>
        <Label>
          <span>
            …and the name is its <Hint>(when the same as an existing actor)</Hint>
          </span>
          <Select name="f.aliasKind" defaultValue={str("aliasKind")}>
            {ALIAS_KINDS.map((k) => (
              <option key={k} value={k}>
                {aliasKindLabel(k)}
              </option>
            ))}
          </Select>
        </Label>
      </div>
    );
  }
  if (isKind(s, "date") || isKind(s, "event")) {
    const v = s.effective;
    const corroborates = isKind(s, "event") ? s.proposal.corroborates : null;
    return (
      <div className="grid gap-3 sm:grid-cols-2">
        <Label>
          <span>
            Date <Hint>{EDTF_HINT}</Hint>
          </span>
          <Input name="f.time" defaultValue={str("time")} />
        </Label>
        <Label>
          Or this document’s account of an existing event
          <Select name="f.eventId" defaultValue={str("eventId")}>
            <option value="">No — a new event</option>
            {corroborates && (
              <optgroup label="Proposed: the same event">
                <option value={corroborates.id}>{corroborates.title}</option>
              </optgroup>
            )}
            <optgroup label="Every event">
              <EventOptions events={options.events} />
            </optgroup>
          </Select>
        </Label>
        <Label>
          Kind of event
          <Select name="f.eventKind" defaultValue={str("eventKind")}>
            {EVENT_KIND_LIST.map((k) => (
              <option key={k} value={k} title={eventKindDescription(k)}>
                {words(k)}
              </option>
            ))}
          </Select>
        </Label>
        <Label>
          Place
          <Select name="f.placeId" defaultValue={str("placeId")}>
            <option value="">Not given</option>
            {options.places.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Label>
        <Label className="sm:col-span-2">
          Title
          <Input name="f.title" defaultValue={str("title")} maxLength={200} />
        </Label>
        <Label className="sm:col-span-2">
          Summary
          <Textarea name="f.summary" defaultValue={str("summary")} maxLength={2000} />
        </Label>
        <ParticipantRows participants={v.participants} actors={options.actors} />
      </div>
    );
  }
  if (isKind(s, "relation")) {
    const held = [s.proposal.existing].filter((m) => m !== null);
    return (
      <div className="grid gap-3 sm:grid-cols-2">
        <Label>
          From
          <Select name="f.fromId" defaultValue={str("fromId")}>
            {!s.effective.fromId && <option value="">{s.effective.fromName} — not an actor yet</option>}
            <ActorOptions actors={options.actors} />
          </Select>
        </Label>
        <Label>
          Relation
          <Select name="f.relationType" defaultValue={str("relationType")}>
            {RELATION_TYPE_LIST.map((t) => (
              <option key={t} value={t} title={relationDescription(t)}>
                {words(t)}
              </option>
            ))}
          </Select>
        </Label>
        <Label>
          To
          <Select name="f.toId" defaultValue={str("toId")}>
            {!s.effective.toId && <option value="">{s.effective.toName} — not an actor yet</option>}
            <ActorOptions actors={options.actors} />
          </Select>
        </Label>
        <Label>
          <span>
            Role <Hint>(in the text’s words; blank: none)</Hint>
          </span>
          <Input name="f.role" defaultValue={str("role")} maxLength={200} />
        </Label>
        <Label>
          <span>
            When <Hint>{EDTF_HINT}</Hint>
          </span>
          <Input name="f.time" defaultValue={str("time")} />
        </Label>
        <Label>
          Or evidence of a relation the atlas holds
          <Select name="f.relationId" defaultValue={str("relationId")}>
            <option value="">No — a new relation</option>
            {held.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </Select>
        </Label>
        <div className="flex items-end">
          <CheckChip name="f.former" value="true" defaultChecked={str("former") === "true"}>
            The text says it has ended (former)
          </CheckChip>
        </div>
      </div>
    );
  }
  if (isKind(s, "statement")) {
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
    return (
      <div className="grid gap-3 sm:grid-cols-2">
        <Label>
          Speaker (claimant)
          <Select name="f.claimantId" defaultValue={str("claimantId")}>
            {!v.claimantId && <option value="">{v.speaker} — as found (not an actor yet)</option>}
            <ActorOptions actors={options.actors} />
          </Select>
        </Label>
        <Label>
          Stance
          <Select name="f.stance" defaultValue={str("stance")}>
            {STANCE_LIST.map((k) => (
              <option key={k} value={k} title={stanceDescription(k)}>
                {k}
              </option>
            ))}
          </Select>
        </Label>
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
        <Label>
          On behalf of
          <Select name="f.onBehalfOfId" defaultValue={str("onBehalfOfId")}>
            <option value="">Not given</option>
            <ActorOptions actors={options.actors} />
          </Select>
        </Label>
        <Label>
          <span>
            Through <Hint>(the channel: “according to Reuters”)</Hint>
          </span>
          <Select name="f.viaId" defaultValue={str("viaId")}>
            <option value="">
              {s.proposal.via && !v.viaId ? `${s.proposal.via.name} — not an actor yet` : "Not given"}
            </option>
            <ActorOptions actors={options.actors} />
          </Select>
        </Label>
        <Label>
          <span>
            About these actors <Hint>(Ctrl- or ⌘-click for several)</Hint>
          </span>
          <Select name="f.aboutActorIds" multiple defaultValue={list("aboutActorIds")} size={6} className="h-auto py-1">
            <ActorOptions actors={options.actors} />
          </Select>
        </Label>
        <Label>
          About these events
          <Select name="f.aboutEventIds" multiple defaultValue={list("aboutEventIds")} size={6} className="h-auto py-1">
            <EventOptions events={options.events} />
          </Select>
        </Label>
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
