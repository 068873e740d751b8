/** Shown instead of the review controls when this web server has no write token. */
import { LockKeyhole } from "lucide-react";

export function ReadOnlyNotice() {
  return (
    <div data-testid="read-only" className="flex gap-3 rounded-lg border border-dashed bg-card p-4">
      <LockKeyhole aria-hidden className="mt-0.5 size-5 shrink-0 text-muted-foreground" />
      <div className="flex flex-col gap-1 text-sm">
        <p className="font-medium">Review is read-only on this server.</p>
        <p className="text-muted-foreground">
          Adding documents and accepting or rejecting suggestions are writes, and the API only accepts them with its
          token. <code>npm start</code> (or <code>pnpm start</code>) configures one for the API and the web explorer
          automatically. Otherwise set the same <code>ATLAS_INGEST_TOKEN</code> (at least 16 characters) for both the
          API and the web server, and restart them.
        </p>
      </div>
    </div>
  );
}
