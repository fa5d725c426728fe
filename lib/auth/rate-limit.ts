import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";

export const WINDOW_MS = 15 * 60_000;
export const MAX_PER_ACCOUNT = 10;
export const MAX_PER_ADDRESS = 50;

// A key is stored and indexed: what cannot be (a NUL byte, text past an index row's size, both
// sent by whoever posts the form) is kept as its hash, so such a post is a plain failure.
const storable = (prefix: string, value: string, max: number) =>
  value.length <= max && !value.includes("\u0000") ? `${prefix}:${value}` : `${prefix}:sha256:${createHash("sha256").update(value).digest("hex")}`;

// Without a known address (no trusted proxy), only the per-account limit applies: one shared
// "unknown" bucket would let anyone lock everyone out.
const keys = (email: string, address: string | null) => [
  storable("account", email.trim().toLowerCase(), 320),
  ...(address ? [storable("address", address, 100)] : []),
];

/** Seconds until the caller may try again, or 0 when neither account nor address is over. */
export async function signInRetryAfter(email: string, address: string | null): Promise<number> {
  const since = new Date(Date.now() - WINDOW_MS);
  const [accountKey, addressKey] = keys(email, address);
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

export async function recordFailedSignIn(email: string, address: string | null) {
  await db.loginAttempt.createMany({ data: keys(email, address).map((key) => ({ key })) });
}

export async function clearAccountFailures(email: string) {
  await db.loginAttempt.deleteMany({ where: { key: keys(email, null)[0] } });
}
