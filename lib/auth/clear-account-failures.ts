import "server-only";
import { db } from "@/lib/db";
import { attemptKeys } from "@/lib/auth/internal/sign-in-attempts";

/** A successful sign-in forgets the account's failures (the address's stay counted). */
export async function clearAccountFailures(email: string) {
  await db.loginAttempt.deleteMany({ where: { key: attemptKeys(email, null)[0] } });
}
