"use server";
/**
 * Signing in and out. Signing in checks the token with the API (reviewers.me) before keeping
 * it; a wrong or revoked token is refused in the API's words and nothing is kept.
 */
import { redirect } from "next/navigation";
import type { ActionResult } from "@/app/review/actions";
import { localPath } from "@/lib/sign-in";
import { signIn, signOut } from "@/trpc/write";

export async function signInAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const token = form.get("token");
  const result = await signIn(typeof token === "string" ? token : "");
  if (!result.ok) return result;
  const next = form.get("next");
  redirect(localPath(typeof next === "string" ? next : null) ?? "/sign-in");
}

export async function signOutAction(form: FormData): Promise<void> {
  await signOut();
  const back = form.get("back");
  redirect(localPath(typeof back === "string" ? back : null) ?? "/");
}
