import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { verifySecondFactor } from "@/lib/accounts/verify-second-factor";
import { twoFactorRequired } from "@/lib/accounts/internal/two-factor";

/** Turning it off takes a current code or a recovery code; refused when the admin requires it. */
export async function disableTwoFactor({ actor, code }: { actor: Actor; code: string }) {
  if (twoFactorRequired()) throw new AppError("forbidden", "Two-factor sign-in is required on this Sanad; it cannot be turned off.", { reason: "two_factor_required_by_admin" });
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user?.totpEnabledAt) throw new AppError("conflict", "Two-factor sign-in is not on.");
  if (!(await verifySecondFactor(user.id, code))) throw new AppError("invalid_input", "The code is wrong, expired or already used.", { fields: { code: "is wrong, expired or already used" } });
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await writeAudit(tx, { actorId: actor.id, projectId: null, entity: "user", entityId: user.id, action: "two-factor-off" });
    return { enabled: false as const };
  });
}
