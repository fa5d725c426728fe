import { createHash } from "node:crypto";

// Failed sign-ins are counted per account and per address over a sliding window.
export const WINDOW_MS = 15 * 60_000;
export const MAX_PER_ACCOUNT = 10;
export const MAX_PER_ADDRESS = 50;

// A key is stored and indexed: what cannot be (a NUL byte, text past an index row's size, both
// sent by whoever posts the form) is kept as its hash, so such a post is a plain failure.
const storable = (prefix: string, value: string, max: number) =>
  value.length <= max && !value.includes("\u0000") ? `${prefix}:${value}` : `${prefix}:sha256:${createHash("sha256").update(value).digest("hex")}`;

// Without a known address (no trusted proxy), only the per-account limit applies: one shared
// "unknown" bucket would let anyone lock everyone out.
export const attemptKeys = (email: string, address: string | null) => [
  storable("account", email.trim().toLowerCase(), 320),
  ...(address ? [storable("address", address, 100)] : []),
];
