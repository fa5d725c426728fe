import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { matchStep } from "@/lib/accounts/totp";
import { open } from "@/lib/accounts/secret-box";
import { hashRecovery, normalizeRecovery } from "@/lib/accounts/internal/two-factor";

/**
 * The second factor at sign-in: a current code (each time step good once) or an unused
 * recovery code (each good once). Returns how it was passed, or null.
 */
export async function verifySecondFactor(userId: string, code: string): Promise<"totp" | "recovery" | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpLastStep: true } });
  if (!user?.totpSecret) return null;
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const step = matchStep(open(user.totpSecret), trimmed);
    if (step === null) return null;
    // A replayed code (its step, or an earlier one, already used) finds no row to update.
    const used = await db.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return used.count === 1 ? "totp" : null;
  }
  if (normalizeRecovery(trimmed).length !== 10) return null;
  return db.$transaction(async (tx) => {
    const spent = await tx.recoveryCode.updateMany({ where: { userId, codeHash: hashRecovery(trimmed), usedAt: null }, data: { usedAt: new Date() } });
    if (spent.count !== 1) return null;
    const left = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
    await writeAudit(tx, { actorId: userId, projectId: null, entity: "user", entityId: userId, action: "recovery-code-used", after: { left } });
    return "recovery" as const;
  });
}
