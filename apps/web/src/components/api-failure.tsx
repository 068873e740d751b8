/** What the page could not load, why, and how to get the API running — never a blank page. */
import { ServerCrash, TriangleAlert } from "lucide-react";
import type { Failure } from "@/trpc/load";

export function ApiFailure({ failure }: { failure: Failure }) {
  if (failure.kind === "input") {
    return (
      <div role="alert" className="flex gap-3 rounded-lg border border-danger/40 bg-card p-4">
        <TriangleAlert aria-hidden className="mt-0.5 size-5 shrink-0 text-danger" />
        <div className="flex flex-col gap-1">
          <p className="font-medium">Could not load {failure.what}: a filter in the address is not valid.</p>
          <p className="text-sm">{failure.message}</p>
          <p className="text-sm text-muted-foreground">Change the filter above, or clear it.</p>
        </div>
      </div>
    );
  }
  return (
    <div role="alert" className="flex gap-3 rounded-lg border border-danger/40 bg-card p-4">
      <ServerCrash aria-hidden className="mt-0.5 size-5 shrink-0 text-danger" />
      <div className="flex flex-col gap-2">
        <p className="font-medium">Could not load {failure.what}.</p>
        <p className="text-sm">{failure.message}</p>
        {failure.kind === "unreachable" ? (
          <div className="text-sm text-muted-foreground">
            <p>The web explorer reads everything from the Militia Atlas API. Start it, then reload this page:</p>
            <pre className="mt-1 overflow-x-auto rounded-md bg-muted p-2 text-xs text-foreground">
              pnpm --filter @atlas/api start{"\n"}# or everything at once, from the repository root:{"\n"}pnpm start
            </pre>
            <p className="mt-1">
              The explorer looks for the API at <code>{failure.apiUrl}</code>; set <code>ATLAS_API_URL</code> to point
              elsewhere.
            </p>
          </div>
        ) : failure.kind === "busy" ? (
          <p className="text-sm text-muted-foreground">Reload this page in a moment.</p>
        ) : (
          <p className="text-sm text-muted-foreground">The API's own log has the details.</p>
        )}
      </div>
    </div>
  );
}
