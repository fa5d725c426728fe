// Sign-in: limited per account and per address (429 with Retry-After), one answer and one
// timing for "no such account" and "wrong password"; API tokens and passwords kept as hashes.
//
// The per-address limit needs SANAD_TRUST_PROXY=1, which would put every test's sign-in from
// 127.0.0.1 in one bucket on the shared app. So this file starts its own `next start` with the
// flag, on the shared database, and gives each test its own addresses.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MAX_PER_ACCOUNT, MAX_PER_ADDRESS, WINDOW_MS } from "@/lib/auth/internal/sign-in-attempts";
import { PASSWORD, makeToken, makeUser, unique } from "../factories";
import { as } from "./client";
import { appUrl, median, signIn, startOwnApp, type OwnApp, type SignInAnswer } from "./harness";

let own: OwnApp;

beforeAll(async () => {
  own = await startOwnApp({ DATABASE_URL: process.env.DATABASE_URL!, SANAD_TRUST_PROXY: "1", SANAD_DB_POOL_SIZE: "5" });
}, 120_000);

afterAll(async () => {
  await own?.stop();
});

const address = () => `10.${randomBytes(3).join(".")}`;
const from = (ip: string) => ({ base: own.url, headers: { "X-Forwarded-For": ip } });

function expectRateLimited(answer: SignInAnswer, label: string) {
  expect(answer.status, `${label}: ${JSON.stringify(answer.body)}`).toBe(429);
  expect(answer.body.error.code).toBe("rate_limited");
  expect(answer.sessionCookie).toBeNull();
  const wait = Number(answer.headers.get("retry-after"));
  expect(Number.isInteger(wait), `Retry-After: ${answer.headers.get("retry-after")}`).toBe(true);
  expect(wait).toBeGreaterThanOrEqual(1);
  expect(wait).toBeLessThanOrEqual(WINDOW_MS / 1000);
}

const failed = (answer: SignInAnswer) => answer.status === 401 && answer.sessionCookie === null;

describe("rate limits", () => {
  it(`per account: after ${MAX_PER_ACCOUNT} failures even the right password, from anywhere, gets 429 with Retry-After`, async () => {
    const { user } = await makeUser();
    for (let i = 0; i < MAX_PER_ACCOUNT; i++) {
      // Different addresses and spellings of the address: still one account.
      const email = i % 2 ? user.email.toUpperCase() : ` ${user.email} `;
      expect(failed(await signIn(email, `wrong-${i}`, from(address()))), `attempt ${i + 1}`).toBe(true);
    }
    expectRateLimited(await signIn(user.email, PASSWORD, from(address())), "right password after the limit");
    expectRateLimited(await signIn(user.email, PASSWORD, { base: appUrl }), "on another app process");
    // Unknown accounts are limited the same way: the limit does not reveal which exist.
    const ghost = `${unique("ghost")}@sanad.test`;
    for (let i = 0; i < MAX_PER_ACCOUNT; i++) expect(failed(await signIn(ghost, "x", from(address())))).toBe(true);
    expectRateLimited(await signIn(ghost, "x", from(address())), "unknown account");
  });

  it("only a successful sign-in clears an account's failures: a post without the csrf token does not", async () => {
    const { user } = await makeUser();
    const ip = address();
    for (let i = 0; i < MAX_PER_ACCOUNT - 1; i++) expect(failed(await signIn(user.email, "wrong", from(ip)))).toBe(true);
    const forged = await signIn(user.email, "wrong", { ...from(ip), csrf: false });
    expect(forged.sessionCookie).toBeNull();
    expect(failed(await signIn(user.email, "wrong", from(ip)))).toBe(true);
    expectRateLimited(await signIn(user.email, PASSWORD, from(ip)), "after a csrf-less post");

    const other = (await makeUser()).user;
    for (let i = 0; i < MAX_PER_ACCOUNT - 1; i++) expect(failed(await signIn(other.email, "wrong", from(address())))).toBe(true);
    const ok = await signIn(other.email, PASSWORD, from(address()));
    expect(ok.status).toBe(200);
    expect(ok.sessionCookie).toBeTruthy();
    for (let i = 0; i < MAX_PER_ACCOUNT - 1; i++) expect(failed(await signIn(other.email, "wrong", from(address())))).toBe(true);
  });

  it(`per address (behind a trusted proxy): after ${MAX_PER_ADDRESS} failures from one address, 429 for any account from it`, async () => {
    const ip = address();
    // The client may send its own X-Forwarded-For; the trusted proxy appends the address it saw.
    // Rotating the forged part does not make a new address.
    const spoofed = () => ({ base: own.url, headers: { "X-Forwarded-For": `${address()}, ${ip}` } });
    for (let i = 0; i < MAX_PER_ADDRESS; i++) {
      expect(failed(await signIn(`${unique("spray")}@sanad.test`, "x", spoofed())), `attempt ${i + 1}`).toBe(true);
    }
    const { user } = await makeUser();
    expectRateLimited(await signIn(user.email, PASSWORD, spoofed()), "an innocent account from that address");
    expectRateLimited(await signIn(user.email, PASSWORD, from(ip)), "the address alone");
    // The account itself is not locked: from elsewhere it signs in.
    const elsewhere = await signIn(user.email, PASSWORD, from(address()));
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.sessionCookie).toBeTruthy();
  }, 180_000);

  it("without SANAD_TRUST_PROXY (the shared app), X-Forwarded-For is ignored: no per-address bucket a caller could forge", async () => {
    const ip = address();
    expect(failed(await signIn(`${unique("nobody")}@sanad.test`, "x", { headers: { "X-Forwarded-For": ip } }))).toBe(true);
    expect(await db.loginAttempt.count({ where: { key: `address:${ip}` } })).toBe(0);
  });
});

describe("hostile sign-in forms", () => {
  it("NUL bytes, huge fields, markup and SQL in the form: a plain failure (401), never a 500, no session", async () => {
    const { user } = await makeUser();
    const forms: [string, string][] = [
      [`${user.email}\u0000`, PASSWORD],
      ["a\u0000b@sanad.test", "x"],
      ["\u0000", "\u0000"],
      [`${"x".repeat(100_000)}@sanad.test`, "x"],
      [user.email, "x".repeat(200_000)],
      ["<script>alert(1)</script>@sanad.test", "<img src=x onerror=alert(1)>"],
      ["' OR 1=1; --@sanad.test", "' OR '1'='1"],
      [`${user.email}' --`, "x"],
      ["", ""],
      ["\u202e@sanad.test", "\ud800"],
    ];
    for (const [email, password] of forms) {
      const answer = await signIn(email, password, from(address()));
      const label = `${JSON.stringify(email).slice(0, 60)} / ${JSON.stringify(password).slice(0, 30)}: ${JSON.stringify(answer.body).slice(0, 200)}`;
      expect(answer.status, label).toBe(401);
      expect(answer.sessionCookie, label).toBeNull();
    }
    // The account is still there and still signs in.
    expect((await signIn(user.email, PASSWORD, from(address()))).sessionCookie).toBeTruthy();
  });
});

describe("unknown account and wrong password look the same", () => {
  it("the same status, body and cookies", async () => {
    const { user } = await makeUser();
    const wrong = await signIn(user.email, "not the password", from(address()));
    const unknown = await signIn(`${unique("nobody")}@sanad.test`, "not the password", from(address()));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.headers.get("content-type")).toBe(wrong.headers.get("content-type"));
    const names = (a: SignInAnswer) => a.headers.getSetCookie().map((c) => c.split("=")[0]).sort();
    expect(names(unknown)).toEqual(names(wrong));
  });

  it("the same time: medians within a generous factor", async () => {
    const users = await Promise.all([0, 1, 2].map(() => makeUser()));
    const rounds = 12;
    const wrong: number[] = [];
    const unknown: number[] = [];
    // Warm-up, then interleaved, so load on the machine falls on both alike.
    await signIn(`${unique("warm")}@sanad.test`, "x", from(address()));
    for (let i = 0; i < rounds; i++) {
      const a = await signIn(users[i % 3].user.email, `wrong-${i}`, from(address()));
      const b = await signIn(`${unique("nobody")}@sanad.test`, `wrong-${i}`, from(address()));
      expect([a.status, b.status]).toEqual([401, 401]);
      wrong.push(a.ms);
      unknown.push(b.ms);
    }
    const ratio = median(unknown) / median(wrong);
    // Skipping the password hash for unknown accounts would make this ratio ~0.1.
    expect(ratio, `median unknown ${median(unknown).toFixed(1)} ms, wrong ${median(wrong).toFixed(1)} ms`).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  }, 120_000);
});

describe("secrets at rest", () => {
  it("an API token is stored as its SHA-256 only: the string is nowhere in the database", async () => {
    const { user } = await makeUser();
    const created = await as(await makeToken(user.id)).post("/api/v1/tokens", { label: "cms" });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^sanad_[A-Za-z0-9_-]{40,}$/);
    // It works, and listing tokens never shows it again.
    expect((await as(token).get("/api/v1/projects")).status).toBe(200);
    const listed = await as(token).get("/api/v1/tokens");
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(JSON.stringify(listed.body)).not.toContain(createHash("sha256").update(token).digest("hex"));

    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    const tables = await db.$queryRaw<{ tablename: string }[]>`SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public'`;
    expect(tables.map((t) => t.tablename)).toContain("api_tokens");
    for (const { tablename } of tables) {
      const [hit] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${tablename}" t WHERE strpos(t::text, $1) > 0`, token);
      expect(hit.n, `the token appears in ${tablename}`).toBe(0);
    }
  });

  it("passwords are stored as salted scrypt hashes", async () => {
    const password = `pw-${randomBytes(8).toString("hex")}`;
    const a = await makeUser({ password });
    const b = await makeUser({ password });
    expect(a.user.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a.user.passwordHash).not.toContain(password);
    expect(a.user.passwordHash).not.toBe(b.user.passwordHash);
    const ok = await signIn(a.user.email, password, from(address()));
    expect(ok.sessionCookie).toBeTruthy();
  });
});
