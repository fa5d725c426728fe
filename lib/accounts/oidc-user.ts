import "server-only";
import { db } from "@/lib/db";

/** The active account a single sign-on subject was linked to, or null. */
export async function oidcUser(subject: string) {
  const user = await db.user.findUnique({ where: { oidcSubject: subject } });
  return user && !user.deactivatedAt ? user : null;
}
