import type { Prisma } from "@/lib/generated/prisma/client";

/** Inside a transaction: the claim's row, locked until the transaction ends. */
export async function lockClaim(tx: Prisma.TransactionClient, claimId: string) {
  await tx.$queryRaw`SELECT id FROM claims WHERE id = ${claimId} FOR UPDATE`;
  return tx.claim.findUniqueOrThrow({ where: { id: claimId } });
}
