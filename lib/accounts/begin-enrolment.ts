import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { base32Encode, newSecret, otpauthUri } from "@/lib/accounts/totp";
import { seal } from "@/lib/accounts/secret-box";

/** Step one: a new secret, kept pending until a code from it is confirmed. */
export async function beginEnrolment({ actor }: { actor: Actor }) {
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user) throw new AppError("unauthenticated", "Sign in again.");
  if (user.totpEnabledAt) throw new AppError("conflict", "Two-factor sign-in is already on; turn it off first to enrol a new device.");
  const secret = newSecret();
  await db.user.update({ where: { id: user.id }, data: { totpPendingSecret: seal(secret) } });
  const uri = otpauthUri(secret, user.email);
  const qr = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret: base32Encode(secret), uri, qr: `data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}` };
}
