import Link from "@/components/ui/link";
import { kindLabel } from "@/lib/labels";
import { actorHref } from "@/lib/links";
import type { ActorRef } from "@/lib/types";
import { cn } from "@/lib/utils";
import { Badge } from "./ui/badge";

/** A coloured dot for an actor kind; the kind is also said in words next to it or in its title. */
export function KindDot({ kind, className }: { kind: string; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn(`kind-${kind}`, "inline-block size-2.5 shrink-0 rounded-full bg-[var(--kind)]", className)}
    />
  );
}

export function KindBadge({ kind, className }: { kind: string; className?: string }) {
  return (
    <Badge variant="outline" className={cn(`kind-${kind}`, "border-[var(--kind)]/50", className)}>
      <KindDot kind={kind} className="size-2" />
      {kindLabel(kind)}
    </Badge>
  );
}

export function ActorLink({ actor, className }: { actor: ActorRef; className?: string }) {
  return (
    <Link
      href={actorHref(actor.id)}
      className={cn("inline-flex items-baseline gap-1.5 font-medium text-primary hover:underline", className)}
      title={kindLabel(actor.kind)}
    >
      <KindDot kind={actor.kind} className="translate-y-[-1px] self-center" />
      {actor.name}
    </Link>
  );
}
