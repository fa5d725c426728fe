// Hostile input against the running app, as tables and as properties (fast-check): whatever
// arrives, the answer is a 4xx with an error body, never a 500, and nothing changes in the
// database; text that is accepted is stored verbatim and rendered as text, never as markup.
import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDesk, unique } from "../factories";
import { as, base } from "./client";
import { fingerprint, getPage, scopeOf, sessionFor, type Scope } from "./harness";
import { Fixture, type Desk, type Method } from "./route-matrix";

let desk: Desk;
let fx: Fixture;
let scope: Scope;
let ctx: {
  projectId: string;
  articleId: string;
  claim: any;
  otherClaimId: string;
  retractedClaimId: string;
  verifiedClaimId: string;
  agreedClaimId: string;
};

beforeAll(async () => {
  desk = await makeDesk();
  fx = new Fixture(desk);
  scope = scopeOf(desk);
  const claim = await fx.claim();
  const other = await fx.secondClaim(claim.articleId);
  ctx = {
    projectId: desk.project.id,
    articleId: claim.articleId,
    claim,
    otherClaimId: other.id,
    retractedClaimId: (await fx.retractedClaim()).id,
    verifiedClaimId: (await fx.verifiedClaim()).id,
    agreedClaimId: (await fx.agreedClaim()).id,
  };
});

type Who = "admin" | "editor" | "reviewer";
type BodyRoute = {
  name: string;
  method: Method;
  as: Who;
  path: () => string;
  valid: () => Record<string, unknown>;
  /** Free-text fields and their maximum length. */
  text: Record<string, number>;
  /** Fields that must hold an http(s) URL. */
  urls?: string[];
  /** Bytes accepted in a body. */
  limit?: number;
};

const KiB = 1024;
const ROUTES: BodyRoute[] = [
  { name: "create project", method: "POST", as: "admin", path: () => "/api/v1/projects", valid: () => ({ name: "P", defaultLanguage: "ar" }), text: { name: 200 } },
  {
    name: "add member",
    method: "POST",
    as: "admin",
    path: () => `/api/v1/projects/${ctx.projectId}/members`,
    valid: () => ({ email: desk.reviewer2.user.email, role: "reviewer" }),
    text: {},
  },
  {
    name: "project settings",
    method: "PATCH",
    as: "editor",
    path: () => `/api/v1/projects/${ctx.projectId}/settings`,
    valid: () => ({ requiredVerdicts: 2, organizationName: "Desk", organizationUrl: "https://desk.example" }),
    text: { organizationName: 200 },
    urls: ["organizationUrl"],
  },
  {
    name: "import article",
    method: "POST",
    as: "reviewer",
    path: () => `/api/v1/projects/${ctx.projectId}/articles`,
    valid: () => ({ title: "T", body: `Body ${unique()}.`, language: "en", sourceUrl: "https://news.example/a", outlet: "O", publishedAt: "2024-05-01" }),
    text: { title: 500, body: 5_000_000, outlet: 200 },
    urls: ["sourceUrl"],
    limit: 6 * KiB * KiB,
  },
  {
    name: "flag claim",
    method: "POST",
    as: "reviewer",
    path: () => `/api/v1/articles/${ctx.articleId}/claims`,
    valid: () => ({ start: 0, end: 3, kind: "figure", note: "n" }),
    text: { note: 5000 },
  },
  {
    name: "assign",
    method: "POST",
    as: "editor",
    path: () => `/api/v1/articles/${ctx.articleId}/assignments`,
    valid: () => ({ reviewerIds: [desk.reviewer.user.id] }),
    text: {},
  },
  {
    name: "edit claim",
    method: "PATCH",
    as: "reviewer",
    path: () => `/api/v1/claims/${ctx.claim.id}`,
    valid: () => ({ version: 1, start: 0, end: 3, kind: "quote", note: "n" }),
    text: { note: 5000 },
  },
  { name: "retract", method: "POST", as: "reviewer", path: () => `/api/v1/claims/${ctx.claim.id}/retract`, valid: () => ({ reason: "r", version: 1 }), text: { reason: 2000 } },
  { name: "restore", method: "POST", as: "reviewer", path: () => `/api/v1/claims/${ctx.retractedClaimId}/restore`, valid: () => ({ version: 2 }), text: {} },
  {
    name: "link",
    method: "POST",
    as: "reviewer",
    path: () => `/api/v1/claims/${ctx.claim.id}/links`,
    valid: () => ({ otherClaimId: ctx.otherClaimId, relation: "contradicts" }),
    text: {},
  },
  {
    name: "source",
    method: "POST",
    as: "reviewer",
    path: () => `/api/v1/claims/${ctx.claim.id}/sources`,
    valid: () => ({ url: "https://example.org/r", title: "t", publisher: "p", excerpt: "e", stance: "refutes", readAt: "2024-05-01T10:00:00Z" }),
    text: { title: 500, publisher: 300, excerpt: 10_000 },
    urls: ["url"],
  },
  { name: "verdict", method: "PUT", as: "reviewer", path: () => `/api/v1/claims/${ctx.claim.id}/verdicts/me`, valid: () => ({ rating: 2, rationale: "r" }), text: { rationale: 10_000 } },
  { name: "adjudicate", method: "POST", as: "editor", path: () => `/api/v1/claims/${ctx.claim.id}/adjudication`, valid: () => ({ rating: 2, note: "n" }), text: { note: 10_000 } },
  { name: "reopen", method: "POST", as: "editor", path: () => `/api/v1/claims/${ctx.verifiedClaimId}/reopen`, valid: () => ({ reason: "r" }), text: { reason: 2000 } },
  {
    name: "verify agreed",
    method: "POST",
    as: "editor",
    path: () => `/api/v1/projects/${ctx.projectId}/agreed`,
    valid: () => ({ claimIds: [ctx.agreedClaimId], note: "n" }),
    text: { note: 2000 },
  },
  { name: "token", method: "POST", as: "reviewer", path: () => "/api/v1/tokens", valid: () => ({ label: "l" }), text: { label: 100 } },
  { name: "locale", method: "PUT", as: "reviewer", path: () => "/api/v1/me/locale", valid: () => ({ locale: "ar" }), text: {} },
];

const tokenOf = (who: Who) => desk[who].token;

/** Sends raw bytes or text with exactly the headers given (no Content-Type unless named). */
async function raw(route: BodyRoute, body: BodyInit | undefined, headers: Record<string, string>, init: Record<string, unknown> = {}) {
  const res = await fetch(base + route.path(), {
    method: route.method,
    headers: { Authorization: `Bearer ${tokenOf(route.as)}`, ...headers },
    body,
    ...init,
  } as RequestInit);
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* kept as text */
  }
  return { status: res.status, body: parsed };
}

const sendJson = (route: BodyRoute, body: unknown) => raw(route, JSON.stringify(body), { "Content-Type": "application/json" });

/** A refusal as the API promises it: the status, and {error: {code, message}}. */
function expectRefusal(answer: { status: number; body: any }, status: number, code: string, label: string) {
  expect(answer.status, `${label}: ${JSON.stringify(answer.body)?.slice(0, 300)}`).toBe(status);
  expect(answer.body?.error?.code, label).toBe(code);
  expect(typeof answer.body?.error?.message, label).toBe("string");
}

/** Runs `work` and asserts the desk's rows are exactly as before. */
async function unchanged(work: () => Promise<void>) {
  const before = await fingerprint(scope);
  await work();
  expect(await fingerprint(scope)).toEqual(before);
}

const jsonType = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
const RATING_STRINGS = new Set(["1", "2", "3", "4", "5", "unverifiable"]);

describe("bodies that are not JSON objects", () => {
  it("malformed JSON (property): 400 naming the body, nothing written", async () => {
    await unchanged(async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ROUTES),
          fc.oneof(
            fc.string({ maxLength: 200 }),
            fc.constantFrom("{", "{\"a\":", "[1,2", "{'single': 1}", "{\"a\":1,}", "NaN", "undefined", "{\"a\":1}}", "\u0000"),
            // A valid body cut short.
            fc.nat({ max: 40 }).map((n) => JSON.stringify({ title: "t", body: "b", reason: "r" }).slice(0, n)),
          ),
          async (route, text) => {
            let isJson = true;
            try {
              JSON.parse(text);
            } catch {
              isJson = false;
            }
            fc.pre(!isJson);
            const answer = await raw(route, text, { "Content-Type": "application/json" });
            expectRefusal(answer, 400, "invalid_input", `${route.name} ${JSON.stringify(text)}`);
            expect(answer.body.error.fields.body).toBeDefined();
          },
        ),
        { numRuns: 60 },
      );
    });
  });

  it("bytes that are not UTF-8 (property): 400, nothing written", async () => {
    await unchanged(async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...ROUTES), fc.uint8Array({ minLength: 1, maxLength: 64 }), async (route, bytes) => {
          const invalid = Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xff, 0xfe]), Buffer.from(bytes), Buffer.from('"}')]);
          const answer = await raw(route, invalid, { "Content-Type": "application/json" });
          expectRefusal(answer, 400, "invalid_input", route.name);
        }),
        { numRuns: 25 },
      );
    });
  });

  it("JSON that is not an object (property): 400, nothing written", async () => {
    await unchanged(async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ROUTES),
          fc.jsonValue({ maxDepth: 2 }).filter((v) => jsonType(v) !== "object"),
          async (route, value) => {
            const answer = await sendJson(route, value);
            expectRefusal(answer, 400, "invalid_input", `${route.name} ${JSON.stringify(value)}`);
          },
        ),
        { numRuns: 40 },
      );
    });
  });

  it("wrong or missing content types (property): 415, nothing written", async () => {
    const types = fc.oneof(
      fc.constantFrom(
        "text/plain",
        "text/plain;charset=UTF-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz",
        "text/html",
        "application/xml",
        "application/jsonp",
        "application/x-json",
        "text/json",
        "json",
        "application/json5",
        "image/svg+xml",
      ),
      fc.stringMatching(/^[a-z]{1,10}\/[a-z0-9.+-]{1,20}$/).filter((t) => !/^application\/([a-z0-9.+-]*\+)?json$/.test(t)),
    );
    await unchanged(async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...ROUTES), types, async (route, type) => {
          const answer = await raw(route, JSON.stringify(route.valid()), { "Content-Type": type });
          expectRefusal(answer, 415, "unsupported_media_type", `${route.name} ${type}`);
        }),
        { numRuns: 40 },
      );
      for (const route of ROUTES) {
        // A body without any Content-Type (bytes, so fetch adds none).
        const answer = await raw(route, new TextEncoder().encode(JSON.stringify(route.valid())), {});
        expectRefusal(answer, 415, "unsupported_media_type", `${route.name} without a type`);
      }
    });
  });

  it("bodies past the limit: 413, declared or streamed, nothing written", async () => {
    await unchanged(async () => {
      for (const route of ROUTES) {
        const limit = route.limit ?? 64 * KiB;
        const big = JSON.stringify({ ...route.valid(), padding: "x".repeat(limit) });
        expectRefusal(await raw(route, big, { "Content-Type": "application/json" }), 413, "payload_too_large", `${route.name} declared`);
      }
      // Chunked, with no Content-Length to believe: counted while read.
      for (const route of ROUTES.filter((r) => !r.limit)) {
        const chunk = new TextEncoder().encode("x".repeat(16 * KiB));
        let sent = 0;
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent === 0) controller.enqueue(new TextEncoder().encode('{"padding":"'));
            if (sent > 200 * KiB) return controller.close();
            sent += chunk.byteLength;
            controller.enqueue(chunk);
          },
        });
        const answer = await raw(route, stream, { "Content-Type": "application/json" }, { duplex: "half" });
        expectRefusal(answer, 413, "payload_too_large", `${route.name} streamed`);
      }
    });
  });
});

describe("fields of the wrong type, size or content", () => {
  it("a field of the wrong JSON type (property): 400 naming that field, nothing written", async () => {
    const fieldsOf = ROUTES.flatMap((route) => Object.keys(route.valid()).map((field) => ({ route, field })));
    await unchanged(async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...fieldsOf), fc.jsonValue({ maxDepth: 2 }), async ({ route, field }, value) => {
          const valid = route.valid();
          // "" and null mean "absent" for optional fields; ratings may be strings "1".."5".
          fc.pre(value !== null && value !== "" && jsonType(value) !== jsonType(valid[field]));
          fc.pre(!(field === "rating" && typeof value === "string" && RATING_STRINGS.has(value)));
          const answer = await sendJson(route, { ...valid, [field]: value });
          expectRefusal(answer, 400, "invalid_input", `${route.name}.${field} = ${JSON.stringify(value)?.slice(0, 80)}`);
          expect(Object.keys(answer.body.error.fields).some((k) => k === field || k.startsWith(`${field}.`)), JSON.stringify(answer.body.error.fields)).toBe(true);
        }),
        { numRuns: 120 },
      );
    });
  });

  it("every free-text field: one character past its limit, a NUL byte, a lone surrogate: 400 naming the field", async () => {
    await unchanged(async () => {
      for (const route of ROUTES) {
        for (const [field, max] of Object.entries(route.text)) {
          for (const [what, value] of [
            // Arabic where it fits the body limit (two bytes a letter), ASCII for the article body.
            ["too long", (max > 100_000 ? "a" : "ا").repeat(max + 1)],
            ["NUL", `before\u0000after`],
            ["lone surrogate", `before\ud800after`],
            ["lone low surrogate", `\udc00`],
          ] as const) {
            const answer = await sendJson(route, { ...route.valid(), [field]: value });
            expectRefusal(answer, 400, "invalid_input", `${route.name}.${field} ${what}`);
            expect(answer.body.error.fields[field], `${route.name}.${field} ${what}`).toBeDefined();
          }
        }
      }
    });
  });

  it("every URL field refuses javascript:, data:, vbscript:, file:, relative and malformed URLs", async () => {
    const hostile = [
      "javascript:alert(1)",
      "JavaScript:alert(document.cookie)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "\u0000javascript:alert(1)",
      "javascript://example.org/%0aalert(1)",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "DATA:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "ftp://example.org/a",
      "//evil.example/x",
      "/relative/path",
      "http://",
      "not a url",
      "https://" + "a".repeat(2100) + ".example",
    ];
    await unchanged(async () => {
      for (const route of ROUTES.filter((r) => r.urls)) {
        for (const field of route.urls!) {
          for (const url of hostile) {
            const answer = await sendJson(route, { ...route.valid(), [field]: url });
            expectRefusal(answer, 400, "invalid_input", `${route.name}.${field} ${JSON.stringify(url).slice(0, 60)}`);
            expect(answer.body.error.fields[field]).toBeDefined();
          }
        }
      }
    });
  });

  it("ids inside bodies that cannot be ids (NUL, lone surrogates, junk): 400 naming the field, nothing written", async () => {
    const junk = ["\u0000", "a\u0000b", "\ud800", "<script>", "../../etc", "x".repeat(65), " ", "😀"];
    const cases: [string, (v: string) => Record<string, unknown>, string][] = [
      ["assign", (v) => ({ reviewerIds: [desk.reviewer.user.id, v] }), "reviewerIds"],
      ["verify agreed", (v) => ({ claimIds: [v] }), "claimIds"],
      ["link", (v) => ({ otherClaimId: v, relation: "contradicts" }), "otherClaimId"],
      ["flag claim", (v) => ({ start: 0, end: 3, suggestionId: v }), "suggestionId"],
    ];
    await unchanged(async () => {
      for (const [name, body, field] of cases) {
        const route = ROUTES.find((r) => r.name === name)!;
        for (const v of junk) {
          const answer = await sendJson(route, body(v));
          expectRefusal(answer, 400, "invalid_input", `${name} ${JSON.stringify(v)}`);
          expect(Object.keys(answer.body.error.fields).some((k) => k === field || k.startsWith(`${field}.`)), `${name} ${JSON.stringify(v)}`).toBe(true);
        }
      }
    });
  });

  it("hostile path parameters and query strings (property): a 4xx with an error body, never a 500", async () => {
    const weird = fc.oneof(
      fc.string({
        unit: fc.constantFrom("\u0000", "\u202e", "\u2066", "<", ">", "'", '"', " ", "\\", "😀", "\ud800", "ا", "%", "&", "=", ";", "`", "$", "{", "}", "a", "1", "-"),
        minLength: 1,
        maxLength: 40,
      }),
      fc.string({ unit: "binary", minLength: 1, maxLength: 40 }),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }),
    );
    const r = as(desk.editor.token);
    await unchanged(async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            (s: string) => `/api/v1/claims/${s}`,
            (s: string) => `/api/v1/articles/${s}`,
            (s: string) => `/api/v1/projects/${s}/articles`,
            (s: string) => `/api/v1/projects/${s}/export?format=csv`,
            (s: string) => `/api/v1/projects/${ctx.projectId}/articles?cursor=${s}`,
            (s: string) => `/api/v1/projects/${ctx.projectId}/articles?limit=${s}`,
            (s: string) => `/api/v1/projects/${ctx.projectId}/disagreements?articleId=${s}&reviewerId=${s}`,
            (s: string) => `/api/v1/projects/${ctx.projectId}/disagreements?limit=${s}`,
            (s: string) => `/api/v1/projects/${ctx.projectId}/export?format=${s}`,
            (s: string) => `/api/v1/projects/${ctx.projectId}/export?format=jsonl&status=${s}&from=${s}`,
          ),
          weird,
          async (build, s) => {
            fc.pre(!/^\.+$/.test(s)); // "." and ".." are path navigation, not a parameter
            // Lone surrogates cannot be percent-encoded as UTF-8: send them as the replacement a browser would.
            const encoded = encodeURIComponent(s.toWellFormed());
            const answer = await r.get(build(encoded));
            if (answer.status === 200) return; // a value that happens to be valid (a limit of "7", say)
            expect(answer.status, `${build(encoded)} → ${JSON.stringify(answer.body)?.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
            expect(answer.status).toBeLessThan(500);
            expect(answer.body?.error?.code, build(encoded)).toBeTypeOf("string");
          },
        ),
        { numRuns: 80 },
      );
      // Cursors crafted to decode into ids PostgreSQL cannot hold.
      for (const inner of ["2024-01-01T00:00:00.000Z|\u0000", "2024-01-01T00:00:00.000Z|a\u0000b", "9999999-01-01T00:00:00Z|x", "|", "x".repeat(150)]) {
        const cursor = Buffer.from(inner).toString("base64url");
        const answer = await r.get(`/api/v1/projects/${ctx.projectId}/articles?cursor=${cursor}`);
        expect([200, 400], `cursor ${JSON.stringify(inner)} → ${answer.status} ${JSON.stringify(answer.body)}`).toContain(answer.status);
      }
    });
  });

  it("limits in the query (property): 200 exactly for whole numbers 1..200 written in digits, else 400", async () => {
    const r = as(desk.reviewer.token);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: -1000, max: 1000 }).map(String),
          fc.double().map(String),
          fc.constantFrom("", "1e2", "0x10", "Infinity", "-0", "1.0", "2.5", " 7 ", "NaN", "99999999999999999999", "1e400", "٣", "+5", " 5", "007"),
          fc.string({ maxLength: 6 }),
        ),
        async (limit) => {
          // Digits only: 0x10, 1e2, 1.0, " 7 " and +5 are refused although Number() reads them.
          const n = Number(limit);
          const valid = /^[0-9]+$/.test(limit) && n >= 1 && n <= 200;
          const answer = await r.get(`/api/v1/projects/${ctx.projectId}/articles?limit=${encodeURIComponent(limit)}`);
          expect(answer.status, `limit=${JSON.stringify(limit)}`).toBe(valid ? 200 : 400);
          if (!valid) expect(answer.body.error.fields.limit).toBeDefined();
          else expect(answer.body.items.length).toBeLessThanOrEqual(n);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("offsets", () => {
  // Emoji (surrogate pairs), a flag (two pairs), Arabic, a mathematical letter, spaces only.
  const TEXT = "😀 Hello 🇸🇾 world. مرحبا 𝒳 بالعالم.     End";
  const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
  const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  const safe = (body: string, i: number) => i === 0 || i === body.length || !(isHigh(body.charCodeAt(i - 1)) && isLow(body.charCodeAt(i)));
  /** What the API promises: a span is accepted exactly when this holds. */
  const validSpan = (body: string, s: unknown, e: unknown) =>
    typeof s === "number" &&
    typeof e === "number" &&
    Number.isInteger(s) &&
    Number.isInteger(e) &&
    s >= 0 &&
    e <= body.length &&
    s < e &&
    safe(body, s) &&
    safe(body, e) &&
    body.slice(s, e).trim().length > 0;

  const offset = (len: number) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: -3, max: len + 3 }) },
      { weight: 1, arbitrary: fc.double({ min: -10, max: len + 10 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(-1, -0, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 0.5, 1e-300, Number.NaN, Number.POSITIVE_INFINITY, "3", "0x1", true, null, [1], { n: 1 }),
      },
    );

  it("POST claims (property): accepted exactly when the span is whole characters within the body; else 400 and no claim", async () => {
    const body = `${TEXT} ${unique("ref")}`;
    const article = await as(desk.reviewer.token).post(`/api/v1/projects/${ctx.projectId}/articles`, { title: "offsets", body });
    expect(article.status).toBe(201);
    const path = `/api/v1/articles/${article.body.id}/claims`;
    const count = () => db.claim.count({ where: { articleId: article.body.id } });
    await fc.assert(
      fc.asyncProperty(offset(body.length), offset(body.length), async (start, end) => {
        const before = await count();
        const answer = await as(desk.reviewer.token).post(path, { start, end });
        // JSON has no NaN or Infinity: they travel as null.
        const [s, e] = [start, end].map((v) => (typeof v === "number" && !Number.isFinite(v) ? null : v));
        if (validSpan(body, s, e)) {
          expect(answer.status, `${JSON.stringify([start, end])}: ${JSON.stringify(answer.body)}`).toBe(201);
          expect(answer.body.text).toBe(body.slice(s as number, e as number));
          expect(await count()).toBe(before + 1);
        } else {
          expectRefusal(answer, 400, "invalid_input", JSON.stringify([start, end]));
          expect(await count()).toBe(before);
        }
      }),
      { numRuns: 120 },
    );
  });

  it("offsets inside a surrogate pair, whitespace-only spans and reversed spans are refused, in POST and PATCH", async () => {
    const body = `${TEXT} ${unique("ref")}`;
    const article = await as(desk.reviewer.token).post(`/api/v1/projects/${ctx.projectId}/articles`, { title: "pairs", body });
    const claim = await as(desk.reviewer.token).post(`/api/v1/articles/${article.body.id}/claims`, { start: 3, end: 8 });
    expect(claim.status).toBe(201);
    const inside: number[] = [];
    for (let i = 1; i < body.length; i++) if (!safe(body, i)) inside.push(i);
    expect(inside.length).toBeGreaterThanOrEqual(4);
    const spaces = body.indexOf("     ");
    const bad = [
      ...inside.map((i) => ({ start: i, end: Math.min(i + 3, body.length) })),
      ...inside.map((i) => ({ start: 0, end: i })),
      { start: spaces + 1, end: spaces + 4 },
      { start: 5, end: 5 },
      { start: 6, end: 2 },
    ];
    await unchanged(async () => {
      for (const span of bad) {
        expectRefusal(await as(desk.reviewer.token).post(`/api/v1/articles/${article.body.id}/claims`, span), 400, "invalid_input", `POST ${JSON.stringify(span)}`);
        expectRefusal(await as(desk.reviewer.token).patch(`/api/v1/claims/${claim.body.id}`, { version: 1, ...span }), 400, "invalid_input", `PATCH ${JSON.stringify(span)}`);
      }
    });
  });
});

describe("text is stored verbatim and rendered as text", () => {
  // Markup and bidi controls (right-to-left override, isolates, marks) in every free-text field.
  const payload = (mark: string) => `<script>alert(${mark})</script><img src=x onerror=alert(${mark})>\u202Egnp.exe\u202C \u2067عربي\u2069 \u200F& "q" 'a'`;
  const escaped = (mark: string) => `&lt;script&gt;alert(${mark})&lt;/script&gt;&lt;img src=x onerror=alert(${mark})&gt;`;

  it("every text field round-trips byte for byte, and no page renders it as markup", async () => {
    const ed = as(desk.editor.token);
    const rv = as(desk.reviewer.token);
    const rv2 = as(desk.reviewer2.token);
    const ad = as(desk.admin.token);
    // Short marks, so that the payload fits the shortest field (a token's label, 100 characters).
    const marks = new Map<string, string>();
    const markOf = (field: string) => marks.get(field) ?? (marks.set(field, `M${marks.size}`), marks.get(field)!);
    const p = (field: string) => payload(markOf(field));

    // Written through the API, each field holding markup.
    const project = await ad.post("/api/v1/projects", { name: p("projectName") });
    expect(project.status).toBe(201);
    expect(project.body.name).toBe(p("projectName"));
    const settings = await ed.patch(`/api/v1/projects/${ctx.projectId}/settings`, { organizationName: p("organizationName") });
    expect(settings.status).toBe(200);
    const bodyText = `Before ${p("body")} after 7 million. ${unique("ref")}`;
    const article = await rv.post(`/api/v1/projects/${ctx.projectId}/articles`, { title: p("title"), body: bodyText, outlet: p("outlet"), language: "en" });
    expect(article.status).toBe(201);
    const start = bodyText.indexOf("7 million");
    const claim = await rv.post(`/api/v1/articles/${article.body.id}/claims`, { start, end: start + 9, note: p("note") });
    expect(claim.status).toBe(201);
    const markupClaim = await rv.post(`/api/v1/articles/${article.body.id}/claims`, { start: bodyText.indexOf("<script>"), end: bodyText.indexOf("after") - 1 });
    expect(markupClaim.status).toBe(201);
    const source = await rv.post(`/api/v1/claims/${claim.body.id}/sources`, {
      url: "https://example.org/<script>?q=\"'",
      title: p("sourceTitle"),
      publisher: p("publisher"),
      excerpt: p("excerpt"),
      stance: "refutes",
    });
    expect(source.status).toBe(201);
    expect((await rv.put(`/api/v1/claims/${claim.body.id}/verdicts/me`, { rating: 2, rationale: p("rationale") })).status).toBe(201);
    expect((await rv2.put(`/api/v1/claims/${claim.body.id}/verdicts/me`, { rating: 4, rationale: p("rationale2") })).status).toBe(201);
    expect((await ed.post(`/api/v1/claims/${claim.body.id}/adjudication`, { rating: 3, note: p("adjudicationNote") })).status).toBe(201);
    const retracted = await rv.post(`/api/v1/claims/${markupClaim.body.id}/retract`, { reason: p("retractReason") });
    expect(retracted.status).toBe(200);
    const token = await ed.post("/api/v1/tokens", { label: p("tokenLabel") });
    expect(token.status).toBe(201);
    const reopened = await ed.post(`/api/v1/claims/${ctx.verifiedClaimId}/reopen`, { reason: p("reopenReason") });
    expect(reopened.status).toBe(200);
    const bulk = await ed.post(`/api/v1/projects/${ctx.projectId}/agreed`, { claimIds: [ctx.agreedClaimId], note: p("agreedNote") });
    expect(bulk.body.verified).toEqual([ctx.agreedClaimId]);

    // Read back: exactly what was sent.
    const a = (await ed.get(`/api/v1/articles/${article.body.id}`)).body;
    expect([a.title, a.body, a.outlet]).toEqual([p("title"), bodyText, p("outlet")]);
    const c = (await ed.get(`/api/v1/claims/${claim.body.id}`)).body;
    expect(c.note).toBe(p("note"));
    expect([c.sources[0].title, c.sources[0].publisher, c.sources[0].excerpt]).toEqual([p("sourceTitle"), p("publisher"), p("excerpt")]);
    expect(c.verdicts.map((v: any) => v.rationale).sort()).toEqual([p("rationale"), p("rationale2")].sort());
    expect(c.adjudication.note).toBe(p("adjudicationNote"));
    expect((await ed.get(`/api/v1/claims/${markupClaim.body.id}`)).body.retractionReason).toBe(p("retractReason"));
    expect((await ed.get("/api/v1/tokens")).body.items.some((t: any) => t.label === p("tokenLabel"))).toBe(true);
    const reopenEvent = await db.auditEvent.findFirstOrThrow({ where: { entity: "claim", entityId: ctx.verifiedClaimId, action: "reopen" } });
    expect((reopenEvent.after as { reason: string }).reason).toBe(p("reopenReason"));
    expect((await ed.get(`/api/v1/claims/${ctx.agreedClaimId}`)).body.adjudication.note).toBe(p("agreedNote"));
    const stored = await db.project.findUniqueOrThrow({ where: { id: ctx.projectId } });
    expect(stored.organizationName).toBe(p("organizationName"));

    // Rendered: fetched as signed-in browsers; markup only ever escaped.
    const editorCookie = await sessionFor(desk.editor.user.email);
    const adminCookie = await sessionFor(desk.admin.user.email);
    // [session, page, fields shown as text, fields carried only in the page's data (a script's JSON)]
    const expectations: [string, string, string[], string[]?][] = [
      [adminCookie, "/", ["projectName"]],
      [editorCookie, `/projects/${ctx.projectId}`, ["title", "outlet"]],
      // The settings form is filled in by the browser: the name is in the page's data only.
      [editorCookie, `/projects/${ctx.projectId}/settings`, [], ["organizationName"]],
      [editorCookie, `/articles/${article.body.id}`, ["title", "body"]],
      [editorCookie, `/claims/${claim.body.id}`, ["note", "sourceTitle", "publisher", "excerpt", "rationale", "rationale2", "adjudicationNote"]],
      [editorCookie, `/claims/${markupClaim.body.id}`, ["retractReason"]],
      [editorCookie, `/claims/${ctx.agreedClaimId}`, ["agreedNote"]],
      [editorCookie, `/projects/${ctx.projectId}/queue`, []],
      [editorCookie, "/settings", ["tokenLabel"]],
    ];
    for (const [cookie, path, fields, data = []] of expectations) {
      const page = await getPage(path, cookie);
      expect(page.status, path).toBe(200);
      expect(page.html, path).not.toMatch(/<script>alert\(|<img src=x onerror/i);
      expect(page.html, path).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
      for (const field of fields) expect(page.html, `${path} shows ${field} escaped`).toContain(escaped(markOf(field)));
      // Inside a script, "<" travels as \u003c: no "</script>" in the data can end the script.
      for (const field of data) expect(page.html, `${path} carries ${field} escaped`).toContain(`\\u003cscript\\u003ealert(${markOf(field)})`);
    }
  });
});

describe("CSV exports neutralize spreadsheet formulas", () => {
  const FORMULA = /^[=+\-@\t\r\n \uFF1D\uFF0B\uFF0D\uFF20\u200B-\u200D\u2060\uFEFF]/;

  it("cells beginning with = + - @, white space, full-width signs, zero-width characters or a BOM (property) come out prefixed with an apostrophe, the rest intact", async () => {
    const article = await as(desk.reviewer.token).post(`/api/v1/projects/${ctx.projectId}/articles`, {
      title: '=HYPERLINK("https://evil.example","click")',
      body: `-5 people, =1+1 and @SUM(A1) in text. ${unique("ref")}`,
      outlet: "+OUTLET",
      language: "en",
    });
    expect(article.status).toBe(201);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", " ", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF=", "\uFEFF+"),
        fc.string({ maxLength: 30 }),
        async (lead, rest) => {
          const note = lead + rest.replace(/\u0000/g, "").toWellFormed();
          const claim = await as(desk.reviewer.token).post(`/api/v1/articles/${article.body.id}/claims`, { start: 0, end: 2, note });
          expect(claim.status).toBe(201);
          const csv = await as(desk.editor.token).get(`/api/v1/projects/${ctx.projectId}/export?format=csv&status=all`);
          expect(csv.status).toBe(200);
          const rows: Record<string, string>[] = parseCsv(csv.body, { columns: true, bom: true, relax_quotes: false });
          const row = rows.find((r) => r.claim_id === claim.body.id)!;
          expect(row.note).toBe(`'${note}`);
          expect(row.article_title).toBe(`'=HYPERLINK("https://evil.example","click")`);
          expect(row.outlet).toBe("'+OUTLET");
          for (const r of rows) {
            for (const [column, cell] of Object.entries(r)) {
              if (FORMULA.test(cell)) expect(cell, `${column} of ${r.claim_id}`).toMatch(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i);
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
