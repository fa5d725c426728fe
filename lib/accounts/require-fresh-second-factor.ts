import "server-only";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/** How recent a sign-in with the code must be for sensitive acts (creating an API token). */
export const FRESH_MS = 10 * 60_000;

/**
 * Sensitive acts by a browser session of a two-factor account need a sign-in with the code in
 * the last ten minutes. API tokens are already a second secret; single sign-on leaves the
 * second factor to the identity provider.
 */
export function requireFreshSecondFactor(actor: Actor) {
  if (actor.via !== "session" || actor.method === "oidc" || !actor.twoFactor) return;
  if (actor.twoFactorAt && Date.now() - actor.twoFactorAt <= FRESH_MS) return;
  throw new AppError("forbidden", "Sign in again with your two-factor code (within the last 10 minutes) to do this.", { reason: "fresh_sign_in_required" });
}
