import "server-only";
import { db } from "@/lib/db";
import { attemptKeys } from "@/lib/auth/internal/sign-in-attempts";

/** Counts a failed sign-in (or a wrong current password) against the account and the address. */
export async function recordFailedSignIn(email: string, address: string | null) {
  await db.loginAttempt.createMany({ data: attemptKeys(email, address).map((key) => ({ key })) });
}
