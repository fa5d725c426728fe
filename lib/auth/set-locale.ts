import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";

export async function setLocale({ actor, locale }: { actor: Actor; locale: "ar" | "en" }) {
  await db.user.update({ where: { id: actor.id }, data: { locale } });
}
