// What the two-factor operations share: recovery codes, and whether the administrator requires two-factor sign-in.
import { createHash, randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";

/** How many recovery codes an enrolment yields. */
export const RECOVERY_CODES = 10;

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const normalizeRecovery = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");
export const hashRecovery = (code: string) => createHash("sha256").update(`sanad-recovery:${normalizeRecovery(code)}`).digest("hex");

/** Ten letters in two groups (about 50 bits each): random, shown once, kept as hashes. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Whether the administrator requires two-factor sign-in of every account (SANAD_REQUIRE_2FA=1). */
export const twoFactorRequired = () => getEnv().SANAD_REQUIRE_2FA === "1";
