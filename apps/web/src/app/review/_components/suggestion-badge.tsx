/**
 * Suggestions are not facts: everything found by the suggester carries this mark (and a dashed
 * outline), until a reviewer accepts it into the atlas.
 */
import { Check, Sparkles, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { SuggestionStatus } from "@/lib/types";

export function StatusBadge({ status }: { status: SuggestionStatus }) {
  if (status === "accepted")
    return (
      <Badge variant="default" data-status="accepted">
        <Check aria-hidden />
        Accepted
      </Badge>
    );
  if (status === "rejected")
    return (
      <Badge variant="outline" data-status="rejected">
        <X aria-hidden />
        Rejected
      </Badge>
    );
  return (
    <Badge variant="warning" data-status="suggested" title="Found automatically; not part of the atlas until accepted">
      <Sparkles aria-hidden />
      Suggestion
    </Badge>
  );
}
