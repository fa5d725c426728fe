import "server-only";
import { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { readText } from "@/lib/http/api";

// The credentials form, read once. The rate limiter and next-auth must judge the same email:
// next-auth reads a body as JSON whenever its Content-Type merely contains "application/json" and
// keeps the last of repeated fields, so a form read separately by the limiter (the first field, or
// nothing at all from a JSON body) let a decoy absorb the failures while next-auth signed the
// victim in. So the form is parsed here, strictly, and next-auth is handed a request rebuilt from
// the parsed fields: there is nothing left for it to read differently.
//
// Accepted: application/x-www-form-urlencoded (what the login page and next-auth's client send),
// compared as a media type (parameters after ";" are ignored, not searched). Anything else (JSON,
// text/plain, multipart, none) is 415; a repeated field, or no email or password field, is 400; a
// body past the limit is 413. None of these reaches the limiter's count or next-auth.

export const SIGN_IN_BODY_LIMIT = 512 * 1024;
const FORM = "application/x-www-form-urlencoded";

export type SignInForm = Record<string, string>;

export async function readSignInForm(request: Request): Promise<SignInForm> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (mediaType !== FORM) {
    throw new AppError("unsupported_media_type", `Send the sign-in form as ${FORM} (the login page does).`);
  }
  const params = new URLSearchParams(await readText(request, SIGN_IN_BODY_LIMIT));
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const key of params.keys()) (seen.has(key) ? repeated : seen).add(key);
  if (repeated.size > 0) {
    const names = [...repeated].map((k) => k.slice(0, 40));
    throw new AppError("invalid_input", `Repeated fields in the sign-in form: ${names.join(", ")}`, {
      fields: Object.fromEntries(names.map((k) => [k, "is repeated; send it once"])),
    });
  }
  const missing = ["email", "password"].filter((k) => !seen.has(k));
  if (missing.length > 0) {
    throw new AppError("invalid_input", `The sign-in form lacks: ${missing.join(", ")}`, {
      fields: Object.fromEntries(missing.map((k) => [k, "is required"])),
    });
  }
  // fromEntries defines own properties: a field named "__proto__" stays a field.
  return Object.fromEntries(params);
}

/** The request next-auth sees: the original's URL and headers, with exactly the parsed form as its body. */
export function withForm(request: Request, form: SignInForm): NextRequest {
  const headers = new Headers(request.headers);
  headers.set("content-type", FORM);
  headers.delete("content-length");
  return new NextRequest(request.url, { method: "POST", headers, body: new URLSearchParams(form).toString() });
}
