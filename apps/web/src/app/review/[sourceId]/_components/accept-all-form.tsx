/**
 * "Accept all of this kind", for the confident ones: every waiting suggestion of one kind in the
 * document, or only those at least as sure as the floor given (for the kinds that carry a
 * confidence). Those that cannot be accepted as they stand are listed with the reason.
 */
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/form";
import { KIND_INFO } from "@/lib/review";
import type { SuggestionKind } from "@/lib/types";
import { plural } from "@/lib/utils";
import { ActionForm } from "../../_components/action-form";
import { acceptAllOfKind } from "../../actions";

export function AcceptAllForm({
  sourceId,
  kind,
  waiting,
  withConfidence,
}: {
  sourceId: string;
  kind: SuggestionKind;
  waiting: number;
  withConfidence: boolean;
}) {
  const info = KIND_INFO[kind];
  return (
    <ActionForm action={acceptAllOfKind} label={`Accept all ${info.many}`}>
      <input type="hidden" name="sourceId" value={sourceId} />
      <input type="hidden" name="kind" value={kind} />
      <div className="flex flex-wrap items-end gap-2" data-accept-all={kind}>
        {withConfidence && (
          <Label className="w-64">
            <span>
              At confidence at least <span className="font-normal">(0–1; blank: all)</span>
            </span>
            <Input name="minConfidence" inputMode="decimal" placeholder="e.g. 0.9" className="h-8" />
          </Label>
        )}
        <Button type="submit" size="sm" variant="outline">
          Accept all {plural(waiting, `waiting ${info.one}`, `waiting ${info.many}`)}
        </Button>
      </div>
    </ActionForm>
  );
}
