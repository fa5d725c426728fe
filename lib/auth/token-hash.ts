import { createHash } from "node:crypto";

/** API tokens are kept as this hash only; the token itself is shown once and never stored. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
