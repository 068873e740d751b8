"use client";
/** The last resort for an unexpected failure while rendering: say so, offer a retry, never a blank page. */
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="flex flex-col items-start gap-3 py-10">
      <h1 className="text-2xl font-semibold">This page failed to render</h1>
      <p className="max-w-xl text-muted-foreground">
        Something unexpected went wrong while building this page. If the Militia Atlas API is not running, start it with{" "}
        <code>pnpm --filter @atlas/api start</code> (or <code>pnpm start</code> from the repository root) and try again.
        {error.digest && (
          <>
            {" "}
            The server log has the details under reference <code>{error.digest}</code>.
          </>
        )}
      </p>
      <button
        type="button"
        onClick={reset}
        className="h-9 rounded-md bg-primary px-3.5 text-sm font-medium text-primary-foreground hover:opacity-90"
      >
        Try again
      </button>
    </div>
  );
}
