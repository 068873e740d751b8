/** The header's "Sign in" link, or who is signed in with a "Sign out" button (a plain form: no script needed). */
import { LogIn } from "lucide-react";
import { headers } from "next/headers";
import { signOutAction } from "@/app/sign-in/actions";
import Link from "@/components/ui/link";
import { SESSION_ENDED } from "@/lib/session";
import { sessionEnded, signedIn } from "@/trpc/write";

export async function SessionControl() {
  const who = await signedIn();
  // The page being read (set by proxy.ts): signing in or out comes back to it.
  const here = (await headers()).get("x-atlas-path") ?? "/";
  if (!who) {
    // Signed out just now because the API refused the token: say why, once (the cookie is gone).
    const ended = await sessionEnded();
    return (
      <span className="flex items-center gap-1.5 text-sm">
        {ended ? (
          <span role="status" data-testid="session-ended" className="font-medium text-danger">
            {SESSION_ENDED[ended]}
          </span>
        ) : null}
        <Link
          href={here === "/sign-in" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(here)}`}
          className="tap inline-flex items-center gap-1.5 rounded-md px-2 text-sm font-medium hover:bg-muted"
        >
          <LogIn aria-hidden className="size-4" />
          Sign in
        </Link>
      </span>
    );
  }
  return (
    <form action={signOutAction} className="flex items-center gap-1.5 text-sm" aria-label="Session">
      <input type="hidden" name="back" value={here === "/sign-in" ? "/" : here} />
      <span data-testid="signed-in-as">
        Signed in as <strong>{who.name}</strong>
      </span>
      <span aria-hidden>·</span>
      <button type="submit" className="tap rounded-md px-1.5 font-medium underline-offset-4 hover:underline">
        Sign out
      </button>
    </form>
  );
}
