/** The end of every filter form: Apply, and — when a filter is set — a link back to the whole list. */
import { Button, ButtonLink } from "@/components/ui/button";

export function FilterActions({ clearHref, filtered }: { clearHref: string; filtered: boolean }) {
  return (
    <>
      <Button type="submit">Apply</Button>
      {filtered && (
        <ButtonLink href={clearHref} variant="ghost">
          Clear filters
        </ButtonLink>
      )}
    </>
  );
}
