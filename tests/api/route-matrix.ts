// The authorization matrix: every route handler of the app (app/**/route.ts, every exported
// method) with the status each kind of caller gets. tests/api/authorization.test.ts walks it
// against the running app and fails when a route exists without a row here.
//
// Callers (makeDesk in tests/factories.ts): an admin (the global flag, not a member of the
// desk's project), the project's editor and reviewer, an outsider (editor of another project),
// a caller without credentials and one with a bad token. Rules the table encodes:
//   - signed-out and bad token: 401 on everything but the public routes;
//   - outsiders: 404 on anything inside a project, exactly as for an id that does not exist;
//   - members whose role may not: 403;
//   - admin-only operations answer 403 to every non-admin before looking anything up, so the
//     answer does not depend on whether the project exists either.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { makeDesk, makeUser, addMember, unique } from "../factories";
import { as } from "./client";
import { exportedMethods, routeOf } from "@/lib/http/route-table";
import { discoverRouteModules } from "@/lib/http/route-discovery";

export const ROLES = ["admin", "editor", "reviewer", "outsider", "signedOut", "badToken"] as const;
export type Role = (typeof ROLES)[number];
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type Desk = Awaited<ReturnType<typeof makeDesk>>;

/** One request: a path (with query), and a JSON body or a form. */
export type Call = { path: string; body?: unknown; form?: Record<string, string> };

export type MatrixRow = {
  method: Method;
  /** The route as its folder names it: /api/v1/claims/{claimId}; catch-alls as {...name}. */
  route: string;
  /** Who may call it, as lib/http/openapi.ts documents it. */
  who: string;
  expect: Record<Role, number>;
  /** Builds a request that the allowed callers can complete, on fresh data (it may mutate). */
  call: (fx: Fixture) => Promise<Call>;
};

const everyone = (ok: number): Record<Role, number> => ({ admin: ok, editor: ok, reviewer: ok, outsider: ok, signedOut: ok, badToken: ok });
const signedIn = (ok: number): Record<Role, number> => ({ admin: ok, editor: ok, reviewer: ok, outsider: ok, signedOut: 401, badToken: 401 });
const adminOnly = (ok: number): Record<Role, number> => ({ admin: ok, editor: 403, reviewer: 403, outsider: 403, signedOut: 401, badToken: 401 });
/** Inside a project: members of at least `min`; the admin flag alone is not membership. */
const project = (min: "reviewer" | "editor", ok: number, admin = 404): Record<Role, number> => ({
  admin,
  editor: ok,
  reviewer: min === "reviewer" ? ok : 403,
  outsider: 404,
  signedOut: 401,
  badToken: 401,
});

const ARTICLE_TEXT = "The ministry said 7 million people were freed. Its spokesman later said 7.7 million people were freed.";

/** Fresh data on one desk: each call makes new rows, so a mutating request never sees another's leftovers. */
export class Fixture {
  constructor(public desk: Desk) {}
  get projectId() {
    return this.desk.project.id;
  }
  async article(): Promise<any> {
    const res = await as(this.desk.reviewer.token).post(`/api/v1/projects/${this.projectId}/articles`, {
      title: "Matrix",
      body: `${ARTICLE_TEXT} ${unique("ref")}.`,
      language: "en",
    });
    if (res.status !== 201) throw new Error(`fixture article: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async claim(): Promise<any> {
    const article = await this.article();
    const start = article.body.indexOf("7 million");
    const res = await as(this.desk.reviewer.token).post(`/api/v1/articles/${article.id}/claims`, { start, end: start + "7 million".length });
    if (res.status !== 201) throw new Error(`fixture claim: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async secondClaim(articleId: string): Promise<any> {
    const article = (await as(this.desk.reviewer.token).get(`/api/v1/articles/${articleId}`)).body;
    const start = article.body.indexOf("7.7 million");
    return (await as(this.desk.reviewer.token).post(`/api/v1/articles/${articleId}/claims`, { start, end: start + "7.7 million".length })).body;
  }
  async retractedClaim(): Promise<any> {
    const c = await this.claim();
    const res = await as(this.desk.reviewer.token).post(`/api/v1/claims/${c.id}/retract`, { reason: "fixture" });
    if (res.status !== 200) throw new Error(`fixture retract: ${res.status}`);
    return res.body;
  }
  async verifiedClaim(): Promise<any> {
    const c = await this.claim();
    const res = await as(this.desk.editor.token).post(`/api/v1/claims/${c.id}/adjudication`, { rating: 2, note: "fixture" });
    if (res.status !== 201) throw new Error(`fixture adjudication: ${res.status}`);
    return res.body.claim;
  }
  /** An open claim on which both reviewers gave the same rating (the project needs two). */
  async agreedClaim(): Promise<any> {
    const c = await this.claim();
    for (const token of [this.desk.reviewer.token, this.desk.reviewer2.token]) {
      const res = await as(token).put(`/api/v1/claims/${c.id}/verdicts/me`, { rating: 4, rationale: "fixture" });
      if (res.status !== 201) throw new Error(`fixture verdict: ${res.status}`);
    }
    return c;
  }
  async suggestionId(): Promise<string> {
    const article = await this.article();
    const pending = article.suggestions.find((s: any) => s.state === "pending");
    if (!pending) throw new Error("fixture: the article has no suggestion");
    return pending.id;
  }
  /** A token of the reviewer's, other than the one the desk uses. */
  async reviewerTokenId(): Promise<string> {
    const res = await as(this.desk.reviewer.token).post(`/api/v1/tokens`, { label: "to revoke" });
    if (res.status !== 201) throw new Error(`fixture token: ${res.status}`);
    return res.body.id;
  }
  async extraMember(): Promise<string> {
    const { user } = await makeUser({ name: "Extra" });
    await addMember(this.projectId, user.id, "reviewer");
    return user.id;
  }
  async newUserEmail(): Promise<string> {
    return (await makeUser({ name: "Newcomer" })).user.email;
  }
  /** A comment of the reviewer's on a fresh claim. */
  async reviewerComment(): Promise<any> {
    const c = await this.claim();
    const res = await as(this.desk.reviewer.token).post(`/api/v1/claims/${c.id}/comments`, { body: "fixture comment" });
    if (res.status !== 201) throw new Error(`fixture comment: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  /** A user of no project, for the admin's account operations. */
  async freshUserId(): Promise<string> {
    return (await makeUser({ name: "Account" })).user.id;
  }
  /** A fresh account's one-time reset token, issued as the admin's page does. */
  async resetToken(): Promise<string> {
    const res = await as(this.desk.admin.token).post(`/api/v1/admin/users/${await this.freshUserId()}/reset-password`);
    if (res.status !== 201) throw new Error(`fixture reset link: ${res.status}`);
    return new URL(res.body.url).hash.slice(1);
  }
}

export const MATRIX: MatrixRow[] = [
  // Public.
  { method: "GET", route: "/api/health", who: "anyone", expect: everyone(200), call: async () => ({ path: "/api/health" }) },
  { method: "GET", route: "/api/v1/openapi.json", who: "anyone", expect: everyone(200), call: async () => ({ path: "/api/v1/openapi.json" }) },
  // next-auth's own endpoints: bearer tokens mean nothing there. A POST without its csrf token
  // is sent back to the sign-in page (200 with that URL), whoever sends it.
  { method: "GET", route: "/api/auth/{...nextauth}", who: "anyone", expect: everyone(200), call: async () => ({ path: "/api/auth/csrf" }) },
  {
    method: "POST",
    route: "/api/auth/{...nextauth}",
    who: "anyone",
    expect: everyone(200),
    call: async () => ({ path: "/api/auth/callback/credentials", form: { email: `${unique("nobody")}@sanad.test`, password: "x", json: "true" } }),
  },

  // Any signed-in user.
  { method: "GET", route: "/api/v1/projects", who: "member", expect: signedIn(200), call: async () => ({ path: "/api/v1/projects" }) },
  { method: "GET", route: "/api/v1/me/inbox", who: "member", expect: signedIn(200), call: async () => ({ path: "/api/v1/me/inbox" }) },
  { method: "PUT", route: "/api/v1/me/locale", who: "member", expect: signedIn(200), call: async () => ({ path: "/api/v1/me/locale", body: { locale: "en" } }) },
  { method: "GET", route: "/api/v1/tokens", who: "member", expect: signedIn(200), call: async () => ({ path: "/api/v1/tokens" }) },
  { method: "POST", route: "/api/v1/tokens", who: "member", expect: signedIn(201), call: async () => ({ path: "/api/v1/tokens", body: { label: "matrix" } }) },
  {
    method: "DELETE",
    route: "/api/v1/tokens/{tokenId}",
    who: "member",
    // One's own token, or any as admin; another user's token is as unknown as a missing one.
    expect: { admin: 200, editor: 404, reviewer: 200, outsider: 404, signedOut: 401, badToken: 401 },
    call: async (fx) => ({ path: `/api/v1/tokens/${await fx.reviewerTokenId()}` }),
  },

  // Accounts. The password change is walked with a wrong current password (400 for whoever may
  // try): a successful change would end the sessions the browser walk goes on with.
  {
    method: "PUT",
    route: "/api/v1/me/password",
    who: "member",
    expect: signedIn(400),
    call: async () => ({ path: "/api/v1/me/password", body: { currentPassword: "not the password", newPassword: "another long password" } }),
  },
  {
    method: "POST",
    route: "/api/v1/password-reset",
    who: "anyone",
    expect: everyone(200),
    call: async (fx) => ({ path: "/api/v1/password-reset", body: { token: await fx.resetToken(), password: "a brand new password" } }),
  },
  // Two-factor: starting an enrolment is harmless to repeat; confirming and turning off are
  // walked with malformed codes (400), since the walk cannot read an authenticator.
  { method: "GET", route: "/api/v1/me/two-factor", who: "member", expect: signedIn(200), call: async () => ({ path: "/api/v1/me/two-factor" }) },
  { method: "POST", route: "/api/v1/me/two-factor/enrolment", who: "member", expect: signedIn(201), call: async () => ({ path: "/api/v1/me/two-factor/enrolment" }) },
  { method: "POST", route: "/api/v1/me/two-factor", who: "member", expect: signedIn(400), call: async () => ({ path: "/api/v1/me/two-factor", body: { code: "12ab" } }) },
  { method: "DELETE", route: "/api/v1/me/two-factor", who: "member", expect: signedIn(400), call: async () => ({ path: "/api/v1/me/two-factor", body: { code: "x" } }) },
  { method: "GET", route: "/api/v1/admin/users", who: "admin", expect: adminOnly(200), call: async () => ({ path: "/api/v1/admin/users" }) },
  {
    method: "POST",
    route: "/api/v1/admin/users/{userId}/deactivate",
    who: "admin",
    expect: adminOnly(200),
    call: async (fx) => ({ path: `/api/v1/admin/users/${await fx.freshUserId()}/deactivate` }),
  },
  {
    method: "POST",
    route: "/api/v1/admin/users/{userId}/reactivate",
    who: "admin",
    expect: adminOnly(200),
    call: async (fx) => ({ path: `/api/v1/admin/users/${await fx.freshUserId()}/reactivate` }),
  },
  {
    method: "POST",
    route: "/api/v1/admin/users/{userId}/reset-password",
    who: "admin",
    expect: adminOnly(201),
    call: async (fx) => ({ path: `/api/v1/admin/users/${await fx.freshUserId()}/reset-password` }),
  },

  // Admin.
  { method: "POST", route: "/api/v1/projects", who: "admin", expect: adminOnly(201), call: async () => ({ path: "/api/v1/projects", body: { name: unique("matrix") } }) },
  {
    method: "POST",
    route: "/api/v1/projects/{projectId}/members",
    who: "admin",
    expect: adminOnly(201),
    call: async (fx) => ({ path: `/api/v1/projects/${fx.projectId}/members`, body: { email: await fx.newUserEmail(), role: "reviewer" } }),
  },
  {
    method: "DELETE",
    route: "/api/v1/projects/{projectId}/members/{userId}",
    who: "admin",
    expect: adminOnly(200),
    call: async (fx) => ({ path: `/api/v1/projects/${fx.projectId}/members/${await fx.extraMember()}` }),
  },

  // Project members; the admin flag reads members and changes settings without membership.
  {
    method: "GET",
    route: "/api/v1/projects/{projectId}/members",
    who: "member",
    expect: { ...project("reviewer", 200), admin: 200 },
    call: async (fx) => ({ path: `/api/v1/projects/${fx.projectId}/members` }),
  },
  {
    method: "PATCH",
    route: "/api/v1/projects/{projectId}/settings",
    who: "editor",
    expect: project("editor", 200, 200),
    call: async (fx) => ({ path: `/api/v1/projects/${fx.projectId}/settings`, body: { requiredVerdicts: 2, organizationName: "Matrix desk" } }),
  },
  {
    method: "GET",
    route: "/api/v1/projects/{projectId}/articles",
    who: "reviewer",
    expect: project("reviewer", 200),
    call: async (fx) => ({ path: `/api/v1/projects/${fx.projectId}/articles?limit=5` }),
  },
  {
    method: "POST",
    route: "/api/v1/projects/{projectId}/articles",
    who: "reviewer",
    expect: project("reviewer", 201),
    call: async (fx) => ({ path: `/api/v1/projects/${fx.projectId}/articles`, body: { title: "Matrix import", body: `${ARTICLE_TEXT} ${unique("ref")}.` } }),
  },
  { method: "GET", route: "/api/v1/articles/{articleId}", who: "reviewer", expect: project("reviewer", 200), call: async (fx) => ({ path: `/api/v1/articles/${(await fx.article()).id}` }) },
  { method: "GET", route: "/api/v1/articles/{articleId}/ledger", who: "reviewer", expect: project("reviewer", 200), call: async (fx) => ({ path: `/api/v1/articles/${(await fx.article()).id}/ledger` }) },
  {
    method: "POST",
    route: "/api/v1/articles/{articleId}/claims",
    who: "reviewer",
    expect: project("reviewer", 201),
    call: async (fx) => {
      const a = await fx.article();
      const start = a.body.indexOf("7 million");
      return { path: `/api/v1/articles/${a.id}/claims`, body: { start, end: start + 9 } };
    },
  },
  {
    method: "POST",
    route: "/api/v1/articles/{articleId}/assignments",
    who: "editor",
    expect: project("editor", 201),
    call: async (fx) => ({ path: `/api/v1/articles/${(await fx.article()).id}/assignments`, body: { reviewerIds: [fx.desk.reviewer.user.id] } }),
  },
  {
    method: "POST",
    route: "/api/v1/suggestions/{suggestionId}/accept",
    who: "reviewer",
    expect: project("reviewer", 200),
    call: async (fx) => ({ path: `/api/v1/suggestions/${await fx.suggestionId()}/accept` }),
  },
  {
    method: "POST",
    route: "/api/v1/suggestions/{suggestionId}/dismiss",
    who: "reviewer",
    expect: project("reviewer", 200),
    call: async (fx) => ({ path: `/api/v1/suggestions/${await fx.suggestionId()}/dismiss` }),
  },
  {
    method: "POST",
    route: "/api/v1/suggestions/{suggestionId}/restore",
    who: "reviewer",
    expect: project("reviewer", 200),
    call: async (fx) => ({ path: `/api/v1/suggestions/${await fx.suggestionId()}/restore` }),
  },
  { method: "GET", route: "/api/v1/claims/{claimId}", who: "reviewer", expect: project("reviewer", 200), call: async (fx) => ({ path: `/api/v1/claims/${(await fx.claim()).id}` }) },
  {
    method: "PATCH",
    route: "/api/v1/claims/{claimId}",
    who: "reviewer",
    expect: project("reviewer", 200),
    call: async (fx) => {
      const c = await fx.claim();
      return { path: `/api/v1/claims/${c.id}`, body: { version: c.version, note: "edited" } };
    },
  },
  {
    method: "POST",
    route: "/api/v1/claims/{claimId}/retract",
    who: "reviewer",
    expect: project("reviewer", 200),
    call: async (fx) => ({ path: `/api/v1/claims/${(await fx.claim()).id}/retract`, body: { reason: "wrong span" } }),
  },
  {
    method: "POST",
    route: "/api/v1/claims/{claimId}/restore",
    who: "reviewer",
    expect: project("reviewer", 200),
    call: async (fx) => ({ path: `/api/v1/claims/${(await fx.retractedClaim()).id}/restore`, body: {} }),
  },
  {
    method: "POST",
    route: "/api/v1/claims/{claimId}/links",
    who: "reviewer",
    expect: project("reviewer", 201),
    call: async (fx) => {
      const c = await fx.claim();
      const other = await fx.secondClaim(c.articleId);
      return { path: `/api/v1/claims/${c.id}/links`, body: { otherClaimId: other.id, relation: "contradicts" } };
    },
  },
  {
    method: "POST",
    route: "/api/v1/claims/{claimId}/sources",
    who: "reviewer",
    expect: project("reviewer", 201),
    call: async (fx) => ({ path: `/api/v1/claims/${(await fx.claim()).id}/sources`, body: { url: "https://example.org/report", stance: "refutes" } }),
  },
  {
    method: "PUT",
    route: "/api/v1/claims/{claimId}/verdicts/me",
    who: "reviewer",
    expect: project("reviewer", 201),
    call: async (fx) => ({ path: `/api/v1/claims/${(await fx.claim()).id}/verdicts/me`, body: { rating: 2, rationale: "7.7, not 7" } }),
  },
  {
    method: "POST",
    route: "/api/v1/claims/{claimId}/adjudication",
    who: "editor",
    expect: project("editor", 201),
    call: async (fx) => ({ path: `/api/v1/claims/${(await fx.claim()).id}/adjudication`, body: { rating: 2, note: "settled" } }),
  },
  {
    method: "POST",
    route: "/api/v1/claims/{claimId}/reopen",
    who: "editor",
    expect: project("editor", 200),
    call: async (fx) => ({ path: `/api/v1/claims/${(await fx.verifiedClaim()).id}/reopen`, body: { reason: "new evidence" } }),
  },
  {
    method: "GET",
    route: "/api/v1/projects/{projectId}/disagreements",
    who: "editor",
    expect: project("editor", 200),
    call: async (fx) => ({ path: `/api/v1/projects/${fx.projectId}/disagreements` }),
  },
  { method: "GET", route: "/api/v1/projects/{projectId}/agreement", who: "editor", expect: project("editor", 200), call: async (fx) => ({ path: `/api/v1/projects/${fx.projectId}/agreement` }) },
  { method: "GET", route: "/api/v1/projects/{projectId}/agreed", who: "editor", expect: project("editor", 200), call: async (fx) => ({ path: `/api/v1/projects/${fx.projectId}/agreed` }) },
  {
    method: "POST",
    route: "/api/v1/projects/{projectId}/agreed",
    who: "editor",
    expect: project("editor", 200),
    call: async (fx) => ({ path: `/api/v1/projects/${fx.projectId}/agreed`, body: { claimIds: [(await fx.agreedClaim()).id] } }),
  },
  {
    method: "GET",
    route: "/api/v1/projects/{projectId}/export",
    who: "editor",
    expect: project("editor", 200),
    call: async (fx) => ({ path: `/api/v1/projects/${fx.projectId}/export?format=jsonl&status=all` }),
  },

  // Search and "checked before": every signed-in user searches their own projects (an outsider
  // gets 200 with nothing of this desk); matches are a project's; importing fact-checks is an editor's.
  { method: "GET", route: "/api/v1/search", who: "member", expect: signedIn(200), call: async () => ({ path: "/api/v1/search?q=million" }) },
  { method: "GET", route: "/api/v1/claims/{claimId}/matches", who: "reviewer", expect: project("reviewer", 200), call: async (fx) => ({ path: `/api/v1/claims/${(await fx.claim()).id}/matches` }) },
  {
    method: "GET",
    route: "/api/v1/suggestions/{suggestionId}/matches",
    who: "reviewer",
    expect: project("reviewer", 200),
    call: async (fx) => ({ path: `/api/v1/suggestions/${await fx.suggestionId()}/matches` }),
  },
  {
    method: "POST",
    route: "/api/v1/projects/{projectId}/fact-checks",
    who: "editor",
    expect: project("editor", 200),
    call: async (fx) => ({
      path: `/api/v1/projects/${fx.projectId}/fact-checks`,
      body: { "@type": "ClaimReview", url: `https://checks.example/${unique("fc")}`, claimReviewed: "A matrix claim of 7 million people." },
    }),
  },
  // The desk working together (issue 15).
  { method: "GET", route: "/api/v1/projects/{projectId}/events", who: "editor", expect: project("editor", 200), call: async (fx) => ({ path: `/api/v1/projects/${fx.projectId}/events?limit=5` }) },
  { method: "GET", route: "/api/v1/projects/{projectId}/live", who: "reviewer", expect: project("reviewer", 200), call: async (fx) => ({ path: `/api/v1/projects/${fx.projectId}/live?once=1` }) },
  { method: "GET", route: "/api/v1/claims/{claimId}/comments", who: "reviewer", expect: project("reviewer", 200), call: async (fx) => ({ path: `/api/v1/claims/${(await fx.claim()).id}/comments` }) },
  { method: "POST", route: "/api/v1/claims/{claimId}/comments", who: "reviewer", expect: project("reviewer", 201), call: async (fx) => ({ path: `/api/v1/claims/${(await fx.claim()).id}/comments`, body: { body: "Which census?" } }) },
  { method: "GET", route: "/api/v1/articles/{articleId}/comments", who: "reviewer", expect: project("reviewer", 200), call: async (fx) => ({ path: `/api/v1/articles/${(await fx.article()).id}/comments` }) },
  { method: "POST", route: "/api/v1/articles/{articleId}/comments", who: "reviewer", expect: project("reviewer", 201), call: async (fx) => ({ path: `/api/v1/articles/${(await fx.article()).id}/comments`, body: { body: "Who wrote this?" } }) },
  // Only the author changes a comment: other members 403, outsiders 404.
  {
    method: "PATCH",
    route: "/api/v1/comments/{commentId}",
    who: "author",
    expect: { admin: 404, editor: 403, reviewer: 200, outsider: 404, signedOut: 401, badToken: 401 },
    call: async (fx) => ({ path: `/api/v1/comments/${(await fx.reviewerComment()).id}`, body: { body: "edited", version: 1 } }),
  },
  {
    method: "DELETE",
    route: "/api/v1/comments/{commentId}",
    who: "author",
    expect: { admin: 404, editor: 403, reviewer: 200, outsider: 404, signedOut: 401, badToken: 401 },
    call: async (fx) => ({ path: `/api/v1/comments/${(await fx.reviewerComment()).id}?version=1` }),
  },
  { method: "GET", route: "/api/v1/articles/{articleId}/presence", who: "reviewer", expect: project("reviewer", 200), call: async (fx) => ({ path: `/api/v1/articles/${(await fx.article()).id}/presence` }) },
  { method: "POST", route: "/api/v1/articles/{articleId}/presence", who: "reviewer", expect: project("reviewer", 200), call: async (fx) => ({ path: `/api/v1/articles/${(await fx.article()).id}/presence`, body: { state: "here" } }) },
  { method: "GET", route: "/api/v1/me/notifications", who: "member", expect: signedIn(200), call: async () => ({ path: "/api/v1/me/notifications?unread=1" }) },
  { method: "POST", route: "/api/v1/me/notifications/read", who: "member", expect: signedIn(200), call: async () => ({ path: "/api/v1/me/notifications/read", body: { all: true } }) },
  { method: "GET", route: "/api/v1/me/notification-settings", who: "member", expect: signedIn(200), call: async () => ({ path: "/api/v1/me/notification-settings" }) },
  { method: "PUT", route: "/api/v1/me/notification-settings", who: "member", expect: signedIn(200), call: async () => ({ path: "/api/v1/me/notification-settings", body: { muted: [] } }) },
];

/** The credentials a role sends: a bearer token, nothing, or a token that was never issued. */
export function authHeaders(desk: Desk, role: Role): Record<string, string> {
  switch (role) {
    case "signedOut":
      return {};
    case "badToken":
      return { Authorization: `Bearer sanad_${randomBytes(32).toString("base64url")}` };
    default:
      return { Authorization: `Bearer ${desk[role].token}` };
  }
}

/** Sends one matrix call; JSON bodies as JSON, forms form-encoded. */
export async function send(base: string, method: Method, call: Call, headers: Record<string, string>) {
  const init: RequestInit = { method, headers: { ...headers }, redirect: "manual" };
  if (call.form) {
    (init.headers as Record<string, string>)["Content-Type"] = "application/x-www-form-urlencoded";
    init.body = new URLSearchParams(call.form).toString();
  } else if (call.body !== undefined || method === "POST" || method === "PUT" || method === "PATCH") {
    (init.headers as Record<string, string>)["Content-Type"] = "application/json";
    init.body = JSON.stringify(call.body ?? {});
  }
  const res = await fetch(base + call.path, init);
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON (an export, a page) */
  }
  return { status: res.status, body, headers: res.headers };
}

// ---------------------------------------------------------------------------------------------
// Discovery: the routes that exist, read from the file system as Next.js reads it.

function walk(dir: string, name: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, name, found);
    else if (/^(route|page)\.(ts|tsx|js|jsx|mjs)$/.test(entry) && entry.startsWith(name)) found.push(full);
  }
  return found;
}

// routeOf and exportedMethods are the proxy's own (lib/http/route-table.ts): the 404s and 405s it
// answers and this table see the same routes.
export { exportedMethods, routeOf };

export function discoverRoutes(appDir = "app"): { method: string; route: string; file: string }[] {
  return discoverRouteModules(appDir).flatMap((m) => m.methods.map((method) => ({ method, route: m.route, file: m.file })));
}

export function discoverPages(appDir = "app"): { route: string; file: string }[] {
  return walk(appDir, "page").map((file) => ({ route: routeOf(file, appDir), file }));
}

/** Server actions would be routes too: any "use server" module or function in app/, lib/ or components/. */
export function findServerActions(dirs = ["app", "lib", "components"]): string[] {
  const hits: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) {
        if (entry !== "generated" && entry !== "node_modules") visit(full);
      } else if (/\.(ts|tsx|js|jsx|mjs)$/.test(entry) && /["']use server["']/.test(readFileSync(full, "utf8"))) hits.push(full);
    }
  };
  for (const d of dirs) visit(d);
  return hits;
}

// ---------------------------------------------------------------------------------------------
// Pages: who sees what. A page refuses like the API does, in the browser's terms: signed-out
// visitors (and forged session cookies) are sent to /login, outsiders get the 404 page,
// members whose role may not see it get a 200 with an "editors only" notice and no data.

export type PageOutcome = "page" | "notice" | 404 | "login";
export type PageRole = "admin" | "editor" | "reviewer" | "outsider" | "signedOut" | "badCookie";
export const PAGE_ROLES: PageRole[] = ["admin", "editor", "reviewer", "outsider", "signedOut", "badCookie"];
export type PageRow = { route: string; expect: Record<PageRole, PageOutcome>; path: (fx: Fixture) => Promise<string> };

const pages = (o: Partial<Record<PageRole, PageOutcome>>): Record<PageRole, PageOutcome> => ({
  admin: 404,
  editor: "page",
  reviewer: "page",
  outsider: 404,
  signedOut: "login",
  badCookie: "login",
  ...o,
});

export const PAGE_MATRIX: PageRow[] = [
  { route: "/login", expect: { admin: "page", editor: "page", reviewer: "page", outsider: "page", signedOut: "page", badCookie: "page" }, path: async () => "/login" },
  { route: "/", expect: pages({ admin: "page", outsider: "page" }), path: async () => "/" },
  { route: "/settings", expect: pages({ admin: "page", outsider: "page" }), path: async () => "/settings" },
  { route: "/projects/{projectId}", expect: pages({}), path: async (fx) => `/projects/${fx.projectId}` },
  { route: "/projects/{projectId}/import", expect: pages({}), path: async (fx) => `/projects/${fx.projectId}/import` },
  { route: "/projects/{projectId}/queue", expect: pages({ reviewer: "notice" }), path: async (fx) => `/projects/${fx.projectId}/queue` },
  { route: "/projects/{projectId}/dashboard", expect: pages({ reviewer: "notice" }), path: async (fx) => `/projects/${fx.projectId}/dashboard` },
  // The admin flag changes settings and members without membership, as the API allows.
  { route: "/projects/{projectId}/settings", expect: pages({ admin: "page", reviewer: "notice" }), path: async (fx) => `/projects/${fx.projectId}/settings` },
  { route: "/articles/{articleId}", expect: pages({}), path: async (fx) => `/articles/${(await fx.article()).id}` },
  { route: "/claims/{claimId}", expect: pages({}), path: async (fx) => `/claims/${(await fx.claim()).id}` },
  // Everyone signed in searches their own projects; an outsider's page holds none of this desk.
  { route: "/search", expect: pages({ admin: "page", outsider: "page" }), path: async () => "/search?q=million" },
  { route: "/notifications", expect: pages({ admin: "page", outsider: "page" }), path: async () => "/notifications" },
  // Accounts: the admin's users page (a notice for everyone else), the public reset page.
  { route: "/admin/users", expect: pages({ admin: "page", editor: "notice", reviewer: "notice", outsider: "notice" }), path: async () => "/admin/users" },
  { route: "/two-factor", expect: { admin: "page", editor: "page", reviewer: "page", outsider: "page", signedOut: "login", badCookie: "login" }, path: async () => "/two-factor" },
  { route: "/sso-refused", expect: { admin: "page", editor: "page", reviewer: "page", outsider: "page", signedOut: "page", badCookie: "page" }, path: async () => "/sso-refused?reason=unknown" },
  { route: "/reset-password", expect: { admin: "page", editor: "page", reviewer: "page", outsider: "page", signedOut: "page", badCookie: "page" }, path: async () => "/reset-password" },
];
