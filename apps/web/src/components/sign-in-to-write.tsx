/** Shown instead of write controls when nobody is signed in: writes are made under a reviewer's name. */
import { LockKeyhole } from "lucide-react";
import Link from "@/components/ui/link";

/** `next` is the page to come back to after signing in. */
export function SignInToWrite({ next, what }: { next: string; what: string }) {
  return (
    <div data-testid="sign-in-to-write" className="flex gap-3 rounded-lg border border-dashed bg-card p-4">
      <LockKeyhole aria-hidden className="mt-0.5 size-5 shrink-0 text-muted-foreground" />
      <div className="flex flex-col gap-1 text-sm">
        <p className="font-medium">
          <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="underline">
            Sign in to write
          </Link>
          .
        </p>
        <p className="text-muted-foreground">
          {what} are writes, and every write names its reviewer in the history. Sign in with your reviewer token (an
          admin makes one with <code>atlas reviewers add NAME</code>; <code>npm start</code> keeps the first admin's in{" "}
          <code>.data/ingest-token</code>).
        </p>
      </div>
    </div>
  );
}
