import "server-only";
import { db } from "@/lib/db";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";

export type SignedInUser = { id: string; email: string; name: string; isAdmin: boolean; locale: string; twoFactor: boolean };

// One answer for "no such account" and "wrong password", and the same work done for both.
export async function authenticate(email: string, password: string): Promise<SignedInUser | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  // A deactivated account gets the same answer as a wrong password.
  if (!user || !ok || user.deactivatedAt) return null;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, locale: user.locale, twoFactor: user.totpEnabledAt !== null };
}
