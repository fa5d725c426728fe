import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Secrets at rest (TOTP secrets): AES-256-GCM under a key derived from NEXTAUTH_SECRET, so a
// copy of the database alone does not let anyone mint codes.

function keyOf(secret: string | undefined): Buffer {
  if (!secret || secret.length < 32) throw new Error("NEXTAUTH_SECRET (32 characters or more) is needed to keep two-factor secrets");
  return Buffer.from(hkdfSync("sha256", Buffer.from(secret, "utf8"), Buffer.from("sanad"), Buffer.from("totp-secret v1"), 32));
}

export function seal(plain: Buffer, secret = process.env.NEXTAUTH_SECRET): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function open(sealed: string, secret = process.env.NEXTAUTH_SECRET): Buffer {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", keyOf(secret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
}
