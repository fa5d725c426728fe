import "server-only";
import { db } from "@/lib/db";

export async function recordSignIn(userId: string) {
  await db.user.updateMany({ where: { id: userId }, data: { lastSignInAt: new Date() } });
}
