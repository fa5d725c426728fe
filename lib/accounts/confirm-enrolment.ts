import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { matchStep } from "@/lib/accounts/totp";
import { open } from "@/lib/accounts/secret-box";
import { hashRecovery, newRecoveryCode, RECOVERY_CODES } from "@/lib/accounts/internal/two-factor";

/** Step two: a code from the pending secret turns two-factor on and yields the recovery codes, once. */
export async function confirmEnrolment({ actor, code }: { actor: Actor; code: string }) {
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user) throw new AppError("unauthenticated", "Sign in again.");
  if (user.totpEnabledAt) throw new AppError("conflict", "Two-factor sign-in is already on.");
  if (!user.totpPendingSecret) throw new AppError("conflict", "Start the enrolment first: there is no pending secret.");
  const step = matchStep(open(user.totpPendingSecret), code);
  if (step === null) throw new AppError("invalid_input", "The code is wrong or expired: enter the code your app shows now.", { fields: { code: "is wrong or expired" } });
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  return db.$transaction(async (tx) => {
    // Only the pending secret that was checked turns on: a concurrent enrolment loses (409).
    const changed = await tx.user.updateMany({
      where: { id: user.id, totpPendingSecret: user.totpPendingSecret, totpEnabledAt: null },
      data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (changed.count !== 1) throw new AppError("conflict", "The enrolment changed meanwhile; start again.");
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: user.id, codeHash: hashRecovery(c) })) });
    await writeAudit(tx, { actorId: actor.id, projectId: null, entity: "user", entityId: user.id, action: "two-factor-on" });
    return { enabled: true as const, recoveryCodes: codes };
  });
}
