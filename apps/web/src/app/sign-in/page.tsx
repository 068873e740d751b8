/**
 * Signing in: a reviewer pastes their token once; the API checks it and this browser keeps it
 * in an HttpOnly cookie, so every write from here names that reviewer in the history.
 */
import type { Metadata } from "next";
import { ActionForm } from "@/app/review/_components/action-form";
import { PageHeader } from "@/components/page";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/form";
import { localPath } from "@/lib/sign-in";
import { signedIn } from "@/trpc/write";
import { signInAction, signOutAction } from "./actions";

export const metadata: Metadata = {
  title: "Sign in",
  description: "Sign in to Militia Atlas with your reviewer token to review, annotate and correct records.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const sp = await searchParams;
  const next = localPath(typeof sp.next === "string" ? sp.next : null) ?? "/sign-in";
  const who = await signedIn();
  return (
    <>
      <PageHeader title="Sign in">
        Reading is open to everyone. Writing — adding documents, reviewing suggestions, annotating a document’s words —
        is done by a named reviewer, and the history shows who made each change.
      </PageHeader>
      {who ? (
        <div className="flex max-w-xl flex-col gap-3 rounded-lg border bg-card p-4 text-sm">
          <p role="status">
            Signed in as <strong>{who.name}</strong>
            {who.admin ? " (admin)" : ""}. Your writes from this browser carry that name.
          </p>
          <form action={signOutAction}>
            <input type="hidden" name="back" value="/sign-in" />
            <Button type="submit" variant="outline">
              Sign out
            </Button>
          </form>
        </div>
      ) : (
        <ActionForm action={signInAction} label="Sign in" className="max-w-xl rounded-lg border bg-card p-4">
          <input type="hidden" name="next" value={next} />
          <Label>
            Your reviewer token
            <Input name="token" type="password" autoComplete="current-password" required spellCheck={false} />
          </Label>
          <p className="text-xs text-muted-foreground">
            An admin makes a reviewer and their token with <code>atlas reviewers add NAME</code>. On a local{" "}
            <code>npm start</code>, the first admin’s token is in <code>.data/ingest-token</code>. The token is checked
            by the API and kept only in an HttpOnly cookie of this browser; pages and scripts never see it.
          </p>
          <div>
            <Button type="submit">Sign in</Button>
          </div>
        </ActionForm>
      )}
    </>
  );
}
