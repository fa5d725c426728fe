import { totp } from "@/lib/accounts/totp";

/**
 * The code of a time step later than `after`'s (a code's step is good once, and enrolment spent
 * its own): the next step while still in it, else the current one, always within the drift the
 * server accepts.
 */
export const laterCode = (secret: Buffer, after: number) => totp(secret, Math.max(Date.now(), after + 30_000));
