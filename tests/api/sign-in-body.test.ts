// The sign-in limiter and next-auth judge the same credentials, whatever the body looks like.
//
// The probe that found the bypass: the limiter read the first `email` of a form while next-auth
// read the last, and next-auth read any body whose Content-Type merely contained
// "application/json" as JSON while the limiter read it as a form. A decoy took the failures and
// the victim signed in while locked. Now the form is read once (lib/auth/sign-in-form.ts): only
// application/x-www-form-urlencoded, each field once, and next-auth gets exactly that.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MAX_PER_ACCOUNT } from "@/lib/auth/internal/sign-in-attempts";
import { PASSWORD, makeUser, unique } from "../factories";
import { appUrl, signIn } from "./harness";

type Answer = { status: number; body: any; session: boolean; headers: Headers };

/** A csrf token and its cookie, as the login page has them before it posts. */
async function csrf(): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}

/** POSTs a body of our choosing to the credentials callback; `type` null sends no Content-Type. */
async function post(type: string | null, body: string | FormData | Blob, cookie: string): Promise<Answer> {
  const headers: Record<string, string> = { Cookie: cookie };
  if (type !== null) headers["Content-Type"] = type;
  const res = await fetch(`${appUrl}/api/auth/callback/credentials`, { method: "POST", headers, body, redirect: "manual" });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* kept as text */
  }
  const session = res.headers.getSetCookie().some((c) => /^(__Secure-)?next-auth\.session-token=[^;]/.test(c));
  return { status: res.status, body: parsed, session, headers: res.headers };
}

const FORM = "application/x-www-form-urlencoded";
const form = (pairs: [string, string][]) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
const fields = (email: string, password: string, token: string): [string, string][] => [
  ["email", email],
  ["password", password],
  ["csrfToken", token],
  ["json", "true"],
  ["callbackUrl", appUrl],
];

/** Every body next-auth would have read as credentials, in the shapes the limiter now accepts. */
const ACCEPTED: { label: string; send: (email: string, password: string) => Promise<Answer> }[] = [
  { label: "a plain form", send: async (e, p) => { const c = await csrf(); return post(FORM, form(fields(e, p, c.token)), c.cookie); } },
  { label: "a form with charset", send: async (e, p) => { const c = await csrf(); return post(`${FORM}; charset=UTF-8`, form(fields(e, p, c.token)), c.cookie); } },
  { label: "a form, media type in capitals", send: async (e, p) => { const c = await csrf(); return post("Application/X-WWW-Form-URLEncoded", form(fields(e, p, c.token)), c.cookie); } },
  {
    // The Content-Type contains "application/json": next-auth used to read this body as JSON.
    label: "a form whose Content-Type mentions application/json",
    send: async (e, p) => { const c = await csrf(); return post(`${FORM}; x=application/json`, form(fields(e, p, c.token)), c.cookie); },
  },
  {
    label: "a form, fields reordered, an extra field",
    send: async (e, p) => { const c = await csrf(); return post(FORM, form([...fields(e, p, c.token)].reverse().concat([["remember", "1"]])), c.cookie); },
  },
];

/** Shapes that must never sign anyone in nor count as a guess: refused before the limiter. */
function refused(victim: string, password: string) {
  const decoy = `${unique("decoy")}@sanad.test`;
  const json = (token: string) => JSON.stringify({ email: victim, password, csrfToken: token, json: "true", callbackUrl: appUrl });
  return [
    { label: "repeated email, decoy first, victim last", status: 400, field: "email", make: (t: string) => [FORM, form([["email", decoy], ...fields(victim, password, t)])] as const },
    { label: "repeated email, victim first, decoy last", status: 400, field: "email", make: (t: string) => [FORM, form([...fields(victim, password, t), ["email", decoy]])] as const },
    { label: "repeated password", status: 400, field: "password", make: (t: string) => [FORM, form([["password", "guess-1"], ...fields(victim, password, t)])] as const },
    { label: "repeated csrfToken", status: 400, field: "csrfToken", make: (t: string) => [FORM, form([...fields(victim, password, t), ["csrfToken", t]])] as const },
    // The probe's second trick: a JSON body under a form Content-Type that mentions JSON.
    { label: "a JSON body under `form; x=application/json`", status: 400, field: "email", make: (t: string) => [`${FORM}; x=application/json`, json(t)] as const },
    { label: "JSON", status: 415, make: (t: string) => ["application/json", json(t)] as const },
    { label: "JSON with charset", status: 415, make: (t: string) => ["application/json; charset=utf-8", json(t)] as const },
    { label: "text/plain", status: 415, make: (t: string) => ["text/plain", form(fields(victim, password, t))] as const },
    { label: "text/plain mentioning the form type", status: 415, make: (t: string) => [`text/plain; x=${FORM}`, form(fields(victim, password, t))] as const },
    { label: "a made-up type containing the form type", status: 415, make: (t: string) => [`${FORM}x`, form(fields(victim, password, t))] as const },
    { label: "no Content-Type", status: 415, make: (t: string) => [null, new Blob([form(fields(victim, password, t))])] as const },
    {
      label: "multipart/form-data",
      status: 415,
      make: (t: string) => {
        const data = new FormData();
        for (const [k, v] of fields(victim, password, t)) data.append(k, v);
        return [null, data] as const; // fetch writes the multipart Content-Type with its boundary
      },
    },
  ];
}

const failuresOf = (email: string) => db.loginAttempt.count({ where: { key: `account:${email.toLowerCase()}` } });

afterAll(async () => {
  await db.$disconnect();
});

describe("every body shape the limiter accepts is the one next-auth reads", () => {
  for (const shape of ACCEPTED) {
    it(`${shape.label}: ${MAX_PER_ACCOUNT} wrong guesses lock the account; the right password then gets 429 and no session`, async () => {
      const { user } = await makeUser();
      // It signs in with the right password in this shape (next-auth reads it)…
      const first = await shape.send(user.email, PASSWORD);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.session).toBe(true);
      // …and each wrong guess in this shape counts against the account.
      for (let i = 0; i < MAX_PER_ACCOUNT; i++) {
        const guess = await shape.send(user.email, `wrong-${i}`);
        expect(guess.status, `guess ${i + 1}: ${JSON.stringify(guess.body)}`).toBe(401);
        expect(guess.session).toBe(false);
      }
      expect(await failuresOf(user.email)).toBe(MAX_PER_ACCOUNT);
      const locked = await shape.send(user.email, PASSWORD);
      expect(locked.status, JSON.stringify(locked.body)).toBe(429);
      expect(locked.body.error.code).toBe("rate_limited");
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(locked.session).toBe(false);
    });
  }
});

describe("bodies the limiter cannot read the way next-auth would are refused before either", () => {
  it("the right password in any of them: a clear 4xx naming the problem, never a session, never a 500", async () => {
    const { user } = await makeUser();
    for (const shape of refused(user.email, PASSWORD)) {
      const c = await csrf();
      const [type, body] = shape.make(c.token);
      const answer = await post(type, body, c.cookie);
      const label = `${shape.label}: ${answer.status} ${JSON.stringify(answer.body)}`;
      expect(answer.status, label).toBe(shape.status);
      expect(answer.session, label).toBe(false);
      expect(answer.body.error.code, label).toBe(shape.status === 415 ? "unsupported_media_type" : "invalid_input");
      expect(answer.body.error.message, label).toMatch(shape.status === 415 ? /application\/x-www-form-urlencoded/ : /./);
      if ("field" in shape && shape.field) expect(Object.keys(answer.body.error.fields), label).toContain(shape.field);
    }
    // None of them counted as a guess, and the account still signs in normally.
    expect(await failuresOf(user.email)).toBe(0);
    expect((await signIn(user.email)).sessionCookie).toBeTruthy();
  });

  it("a locked account stays locked through every one of them: no session, and the lock still answers 429", async () => {
    const { user } = await makeUser();
    for (let i = 0; i < MAX_PER_ACCOUNT; i++) expect((await signIn(user.email, `wrong-${i}`)).status).toBe(401);
    for (const shape of refused(user.email, PASSWORD)) {
      const c = await csrf();
      const [type, body] = shape.make(c.token);
      const answer = await post(type, body, c.cookie);
      expect(answer.session, shape.label).toBe(false);
      expect([400, 415, 429], `${shape.label}: ${answer.status}`).toContain(answer.status);
    }
    const locked = await signIn(user.email);
    expect(locked.status).toBe(429);
    expect(locked.sessionCookie).toBeNull();
  });

  it("a body past the sign-in limit is 413, not read", async () => {
    const c = await csrf();
    const answer = await post(FORM, form(fields(`${unique("big")}@sanad.test`, "x".repeat(600 * 1024), c.token)), c.cookie);
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe("payload_too_large");
    expect(answer.session).toBe(false);
  });
});

describe("the credentials callback outside a POST", () => {
  it("GET and HEAD answer 405 with Allow: POST in the API's error shape, not next-auth's 500", async () => {
    const get = await fetch(`${appUrl}/api/auth/callback/credentials`, { redirect: "manual" });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await get.json()).error.code).toBe("method_not_allowed");
    const head = await fetch(`${appUrl}/api/auth/callback/credentials?email=x`, { method: "HEAD", redirect: "manual" });
    expect(head.status).toBe(405);
  });

  it("actions next-auth does not have answer a JSON 400, not plain text", async () => {
    for (const path of ["/api/auth/nothing", "/api/auth/callback/nothing", "/api/auth/nothing/at/all"]) {
      const res = await fetch(appUrl + path, { redirect: "manual" });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get("content-type"), path).toMatch(/application\/json/);
      const body = await res.json();
      expect(typeof body.error.code, path).toBe("string");
      expect(body.error.message, path).toBeTruthy();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Where the browser goes after signing in.

const HOSTILE_CALLBACKS = ["/\\evil.test/phish", "/\t/evil.test/phish", "/\n/evil.test/phish", "\\\\evil.test/phish", "//evil.test/phish", "https://evil.test/phish", "/.//evil.test/phish"];

describe("the redirect after sign-in stays on Sanad's origin", () => {
  it("the login page hands its form only a same-origin path (/login?callbackUrl=/%5Cevil.test/phish and the like)", async () => {
    const nextProp = (html: string) => /\\"next\\":\\"((?:[^"\\]|\\\\\\\\)*)\\"/.exec(html)?.[1];
    const ok = await fetch(`${appUrl}/login?callbackUrl=${encodeURIComponent("/settings?tab=tokens")}`).then((r) => r.text());
    expect(nextProp(ok)).toBe("/settings?tab=tokens");
    for (const value of HOSTILE_CALLBACKS) {
      const html = await fetch(`${appUrl}/login?callbackUrl=${encodeURIComponent(value)}`).then((r) => r.text());
      expect(nextProp(html), JSON.stringify(value)).toBe("/");
      // The raw value survives only in the encoded page URL Next.js embeds, never as a path to go to.
      expect(html, JSON.stringify(value)).not.toMatch(/evil\.test\/phish/);
    }
  });

  it("next-auth's redirect (the url in the sign-in answer, the sign-in page's redirect) never leaves the origin", async () => {
    const { user } = await makeUser();
    const origin = new URL(appUrl).origin;
    for (const value of HOSTILE_CALLBACKS) {
      const c = await csrf();
      const answer = await post(FORM, form([["email", user.email], ["password", PASSWORD], ["csrfToken", c.token], ["json", "true"], ["callbackUrl", value]]), c.cookie);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(new URL(answer.body.url).origin, `${JSON.stringify(value)} → ${answer.body.url}`).toBe(origin);
      const signin = await fetch(`${appUrl}/api/auth/signin?callbackUrl=${encodeURIComponent(value)}`, { redirect: "manual" });
      const location = signin.headers.get("location") ?? "";
      const callback = new URL(location, appUrl).searchParams.get("callbackUrl") ?? "/";
      expect(new URL(callback, appUrl).origin, `${JSON.stringify(value)} → ${location}`).toBe(origin);
    }
  });
});
