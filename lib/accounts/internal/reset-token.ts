import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";

/** How long a password-reset link stays good. */
export const RESET_TTL_MS = 24 * 60 * 60_000;

/** Only this hash of a reset token is stored. */
export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const BAD_TOKEN = () => new AppError("invalid_input", "This reset link is unknown, already used or expired; ask an admin for a new one.", { fields: { token: "is unknown, used or expired" } });
