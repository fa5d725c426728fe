import "server-only";
import { db } from "@/lib/db";
import { requireAdmin, type AdminActor } from "@/lib/permissions/require-admin";
import { rowOf, type UserRow } from "@/lib/accounts/internal/user-row";

/** Every account for an admin: active ones first, then by email. */
export async function listUsers({ actor }: { actor: AdminActor }): Promise<UserRow[]> {
  requireAdmin(actor);
  const users = await db.user.findMany({ orderBy: [{ deactivatedAt: { sort: "desc", nulls: "first" } }, { email: "asc" }] });
  return users.map(rowOf);
}
