import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { twoFactorRequired } from "@/lib/accounts/internal/two-factor";

/** Whether the caller has two-factor on, since when, how many recovery codes are left, and whether it is required. */
export async function twoFactorStatus({ actor }: { actor: Actor }) {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { totpEnabledAt: true } });
  const left = user?.totpEnabledAt ? await db.recoveryCode.count({ where: { userId: actor.id, usedAt: null } }) : 0;
  return { enabled: !!user?.totpEnabledAt, since: user?.totpEnabledAt ?? null, recoveryCodesLeft: left, required: twoFactorRequired() };
}
