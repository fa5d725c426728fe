import "server-only";
import { db } from "@/lib/db";
import { attemptKeys, MAX_PER_ACCOUNT, MAX_PER_ADDRESS, WINDOW_MS } from "@/lib/auth/internal/sign-in-attempts";

/** Seconds until the caller may try again, or 0 when neither account nor address is over. */
export async function signInRetryAfter(email: string, address: string | null): Promise<number> {
  const since = new Date(Date.now() - WINDOW_MS);
  const [accountKey, addressKey] = attemptKeys(email, address);
  const rows = await db.loginAttempt.groupBy({
    by: ["key"],
    where: { key: { in: addressKey ? [accountKey, addressKey] : [accountKey] }, createdAt: { gte: since } },
    _count: true,
    _min: { createdAt: true },
  });
  const over = rows.filter((r) => r._count >= (r.key === accountKey ? MAX_PER_ACCOUNT : MAX_PER_ADDRESS));
  if (over.length === 0) return 0;
  const oldest = Math.min(...over.map((r) => r._min.createdAt!.getTime()));
  return Math.max(1, Math.ceil((oldest + WINDOW_MS - Date.now()) / 1000));
}
