import { z } from "zod";
import { articleInputSchema } from "@/lib/validation/article";
import { articleListQuery, articlePageQuery } from "@/lib/validation/article-query";
import {
  adjudicationSchema, createClaimSchema, linkClaimSchema, reopenSchema, restoreClaimSchema, retractClaimSchema, sourceSchema, updateClaimSchema, verdictSchema,
} from "@/lib/validation/claim";
import { addMemberSchema, assignSchema, createProjectSchema, createTokenSchema, projectSettingsSchema, verifyAgreedSchema } from "@/lib/validation/admin";
import { exportQuerySchema } from "@/lib/validation/export";
import { searchQuerySchema } from "@/lib/validation/search";
import { deleteCommentQuery, editCommentSchema, markReadSchema, notificationSettingsSchema, notificationsQuery, postCommentSchema, presenceSchema } from "@/lib/validation/comment";
import { changePasswordSchema, completeResetSchema, confirmTwoFactorSchema, disableTwoFactorSchema, localeSchema } from "@/lib/validation/accounts";
import { eventsQuery, liveQuery } from "@/lib/validation/events";
import { disagreementsQuery } from "@/lib/validation/review";
/** The routes of API version 1; the authorization test walks this same table. Query and body
 * schemas are the ones the routes parse (lib/validation), described from their zod form. */
export const API_ROUTES: { method: string; path: string; summary: string; body?: z.ZodType; query?: z.ZodType; who: string }[] = [
  { method: "get", path: "/api/health", summary: "Liveness and database reachability", who: "anyone" },
  { method: "get", path: "/api/v1/openapi.json", summary: "This document", who: "anyone" },
  { method: "get", path: "/api/v1/projects", summary: "Projects the caller belongs to", who: "member" },
  { method: "post", path: "/api/v1/projects", summary: "Create a project", body: createProjectSchema, who: "admin" },
  { method: "get", path: "/api/v1/projects/{projectId}/members", summary: "Members of a project", who: "member" },
  { method: "post", path: "/api/v1/projects/{projectId}/members", summary: "Add a member or change their role", body: addMemberSchema, who: "admin" },
  { method: "delete", path: "/api/v1/projects/{projectId}/members/{userId}", summary: "Remove a member (their verdicts stay)", who: "admin" },
  { method: "patch", path: "/api/v1/projects/{projectId}/settings", summary: "Required verdicts, organization for ClaimReview, what counts as a disagreement (any | across_divide)", body: projectSettingsSchema, who: "editor" },
  { method: "get", path: "/api/v1/projects/{projectId}/articles", summary: "Articles, newest first (cursor paging)", query: articleListQuery, who: "reviewer" },
  { method: "post", path: "/api/v1/projects/{projectId}/articles", summary: "Import an article (409 with existingId for the same body twice; 413 with reason, limit and found past 20,000 figures or 50,000 sentences)", body: articleInputSchema, who: "reviewer" },
  { method: "get", path: "/api/v1/articles/{articleId}", summary: "An article with sentences, quantities, suggestions and claims, one page of its text at a time (page, counts, next)", query: articlePageQuery, who: "reviewer" },
  { method: "get", path: "/api/v1/articles/{articleId}/ledger", summary: "The article's figure ledger: figures grouped by measure, then time and scope, with sources, sentences, conflicts (and their contradiction suggestions) and updates; the first 2,000 figures (figures.cut says when more)", who: "reviewer" },
  { method: "post", path: "/api/v1/articles/{articleId}/claims", summary: "Flag a claim on a span", body: createClaimSchema, who: "reviewer" },
  { method: "post", path: "/api/v1/articles/{articleId}/assignments", summary: "Assign the article to reviewers", body: assignSchema, who: "editor" },
  { method: "post", path: "/api/v1/suggestions/{suggestionId}/accept", summary: "Accept a suggested claim or contradiction", who: "reviewer" },
  { method: "post", path: "/api/v1/suggestions/{suggestionId}/dismiss", summary: "Dismiss a suggestion", who: "reviewer" },
  { method: "post", path: "/api/v1/suggestions/{suggestionId}/restore", summary: "Undo a dismissal: the suggestion is pending again (an accepted one answers 409)", who: "reviewer" },
  { method: "get", path: "/api/v1/claims/{claimId}", summary: "A claim with sources, links, adjudication and (blind) verdicts", who: "reviewer" },
  { method: "patch", path: "/api/v1/claims/{claimId}", summary: "Edit a claim; a stale version gets 409", body: updateClaimSchema, who: "reviewer" },
  { method: "post", path: "/api/v1/claims/{claimId}/retract", summary: "Retract a claim", body: retractClaimSchema, who: "reviewer" },
  { method: "post", path: "/api/v1/claims/{claimId}/restore", summary: "Restore a retracted claim", body: restoreClaimSchema, who: "reviewer" },
  { method: "post", path: "/api/v1/claims/{claimId}/links", summary: "Link two claims", body: linkClaimSchema, who: "reviewer" },
  { method: "post", path: "/api/v1/claims/{claimId}/sources", summary: "Attach a source (http or https URL, never fetched)", body: sourceSchema, who: "reviewer" },
  { method: "put", path: "/api/v1/claims/{claimId}/verdicts/me", summary: "Give or replace one's own verdict", body: verdictSchema, who: "reviewer" },
  { method: "post", path: "/api/v1/claims/{claimId}/adjudication", summary: "The editor's final verdict; the claim becomes verified", body: adjudicationSchema, who: "editor" },
  { method: "post", path: "/api/v1/claims/{claimId}/reopen", summary: "Reopen a verified claim", body: reopenSchema, who: "editor" },
  { method: "get", path: "/api/v1/projects/{projectId}/disagreements", summary: "Claims whose verdicts differ, oldest first", query: disagreementsQuery, who: "editor" },
  { method: "get", path: "/api/v1/projects/{projectId}/agreement", summary: "Agreement figures: percent, Cohen's kappa, Krippendorff's alpha, per pair, spans", who: "editor" },
  { method: "get", path: "/api/v1/projects/{projectId}/agreed", summary: "Open claims whose required reviewers agree", who: "editor" },
  { method: "post", path: "/api/v1/projects/{projectId}/agreed", summary: "Verify agreed claims in bulk", body: verifyAgreedSchema, who: "editor" },
  { method: "get", path: "/api/v1/projects/{projectId}/export", summary: "Export claims, streamed", query: exportQuerySchema, who: "editor" },
  { method: "get", path: "/api/v1/me/inbox", summary: "Articles assigned to the caller, with progress", who: "member" },
  { method: "put", path: "/api/v1/me/locale", summary: "The caller's interface language (ar or en), kept with their profile", body: localeSchema, who: "member" },
  { method: "get", path: "/api/v1/search", summary: "Ranked search of claims, articles and reference fact-checks in the caller's projects, with highlighted snippets", query: searchQuerySchema, who: "member" },
  { method: "get", path: "/api/v1/claims/{claimId}/matches", summary: "Checked before: earlier claims and reference fact-checks with the same figure or nearly the same wording, with why", who: "reviewer" },
  { method: "get", path: "/api/v1/suggestions/{suggestionId}/matches", summary: "Checked before, for a suggested figure", who: "reviewer" },
  { method: "post", path: "/api/v1/projects/{projectId}/fact-checks", summary: "Import other desks' ClaimReview JSON-LD (an array, a @graph or one object; at most 6 MiB): a per-item report; URLs are never fetched", body: z.any(), who: "editor" },
  { method: "get", path: "/api/v1/tokens", summary: "The caller's API tokens", who: "member" },
  { method: "post", path: "/api/v1/tokens", summary: "Create an API token (shown once)", body: createTokenSchema, who: "member" },
  { method: "delete", path: "/api/v1/tokens/{tokenId}", summary: "Revoke an API token", who: "member" },
  // The desk working together: the event feed, live updates, comments, notifications, presence.
  { method: "get", path: "/api/v1/projects/{projectId}/events", summary: "Every change in order, resumable by cursor; wait long-polls (no outgoing webhooks)", query: eventsQuery, who: "editor" },
  { method: "get", path: "/api/v1/projects/{projectId}/live", summary: "Server-Sent Events: changes, own notifications, presence; resumes from Last-Event-ID", query: liveQuery, who: "reviewer" },
  { method: "get", path: "/api/v1/claims/{claimId}/comments", summary: "A claim's comment thread (blind for reviewers who have not rated it)", who: "reviewer" },
  { method: "post", path: "/api/v1/claims/{claimId}/comments", summary: "Comment on a claim, or reply (parentId); @name mentions members", body: postCommentSchema, who: "reviewer" },
  { method: "get", path: "/api/v1/articles/{articleId}/comments", summary: "An article's comment thread", who: "reviewer" },
  { method: "post", path: "/api/v1/articles/{articleId}/comments", summary: "Comment on an article, or reply (parentId)", body: postCommentSchema, who: "reviewer" },
  { method: "patch", path: "/api/v1/comments/{commentId}", summary: "Edit one's own comment; a stale version gets 409", body: editCommentSchema, who: "author" },
  { method: "delete", path: "/api/v1/comments/{commentId}", summary: "Delete one's own comment (?version=); the thread keeps a \"deleted\" mark", query: deleteCommentQuery, who: "author" },
  { method: "get", path: "/api/v1/articles/{articleId}/presence", summary: "Who has the article open now", who: "reviewer" },
  { method: "post", path: "/api/v1/articles/{articleId}/presence", summary: "Heartbeat (every ~10 s) or goodbye; answers who is here", body: presenceSchema, who: "reviewer" },
  { method: "get", path: "/api/v1/me/notifications", summary: "The caller's notifications, newest first", query: notificationsQuery, who: "member" },
  { method: "post", path: "/api/v1/me/notifications/read", summary: "Mark notifications read: {ids} or {all: true}", body: markReadSchema, who: "member" },
  { method: "get", path: "/api/v1/me/notification-settings", summary: "Kinds of notification the caller muted", who: "member" },
  { method: "put", path: "/api/v1/me/notification-settings", summary: "Mute kinds of notification", body: notificationSettingsSchema, who: "member" },
  // Accounts (issue 16).
  { method: "put", path: "/api/v1/me/password", summary: "Change one's password (the current one first); one's other sessions end", body: changePasswordSchema, who: "member" },
  { method: "post", path: "/api/v1/password-reset", summary: "Set a new password with a one-time reset link's token; every session of the account ends", body: completeResetSchema, who: "anyone" },
  { method: "get", path: "/api/v1/admin/users", summary: "Every account: last sign-in, deactivated, two-factor, single sign-on", who: "admin" },
  { method: "post", path: "/api/v1/admin/users/{userId}/deactivate", summary: "Deactivate an account: its sessions and API tokens stop at once", who: "admin" },
  { method: "post", path: "/api/v1/admin/users/{userId}/reactivate", summary: "Reactivate an account (its old API tokens stay revoked)", who: "admin" },
  { method: "post", path: "/api/v1/admin/users/{userId}/reset-password", summary: "A one-time password reset link (24 hours) for the admin to pass on", who: "admin" },
  { method: "get", path: "/api/v1/me/two-factor", summary: "Whether the caller's two-factor sign-in is on, recovery codes left, whether it is required", who: "member" },
  { method: "post", path: "/api/v1/me/two-factor/enrolment", summary: "Start two-factor enrolment: a new secret (QR code and text), pending until confirmed", who: "member" },
  { method: "post", path: "/api/v1/me/two-factor", summary: "Confirm the enrolment with a code; answers 10 single-use recovery codes, shown once", body: confirmTwoFactorSchema, who: "member" },
  { method: "delete", path: "/api/v1/me/two-factor", summary: "Turn two-factor off with a code or a recovery code (refused when required)", body: disableTwoFactorSchema, who: "member" },
];

/** What a route accepts, as JSON Schema: the input side of the schema it parses with. */
const inputSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    // A whole number in a query string is checked as digits and described as the integer it is.
    override: ({ jsonSchema }) => {
      if (jsonSchema.type === "integer") delete jsonSchema.pattern;
    },
  });

/** A query schema (a zod object, refined or not) as OpenAPI query parameters, one per field. */
function queryParameters(schema: z.ZodType) {
  const { properties = {}, required = [] } = inputSchema(schema) as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(properties).map(([name, { description, ...rest }]) => ({
    name, in: "query", required: required.includes(name), ...(description ? { description } : {}), schema: rest,
  }));
}

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string", description: "English, for people reading the API" },
        reason: { type: "string", description: "Stable and specific (snake_case), for clients to phrase in their language: claim_verified, stale_version, article_too_large, invalid_fields, …; the code when nothing more specific applies" },
        params: { type: "object", description: "Values the reason's message needs (a version, a limit)" },
        fields: { type: "object", additionalProperties: { type: "string" } },
        fieldReasons: { type: "object", description: "Per field, {reason, params}: required, too_short, too_long, too_small, too_large, too_few, too_many, invalid_email, invalid_url, invalid_format, invalid_choice, invalid_type, unknown_field, invalid", additionalProperties: { type: "object", properties: { reason: { type: "string" }, params: { type: "object" } } } },
      },
    },
  },
};

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of API_ROUTES) {
    const params = [
      ...[...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } })),
      ...(r.query ? queryParameters(r.query) : []),
    ];
    const errors = Object.fromEntries(
      ["400", "401", "403", "404", "409", "413", "415", "429"].map((code) => [code, { $ref: "#/components/responses/Error" }]),
    );
    paths[r.path] ??= {};
    paths[r.path][r.method] = {
      summary: r.summary,
      description: `Allowed: ${r.who}.`,
      ...(params.length ? { parameters: params } : {}),
      ...(r.body ? { requestBody: { required: true, content: { "application/json": { schema: inputSchema(r.body) } } } } : {}),
      responses: { "200": { description: "OK" }, ...(r.method === "post" || r.method === "put" ? { "201": { description: "Created" } } : {}), ...errors },
      ...(r.who === "anyone" ? { security: [] } : {}),
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Sanad API", version: "1", description: "Claim verification for newsrooms. Offsets are JavaScript string indices into the article body, end exclusive." },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal API token (sanad token create, or the settings page)" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      responses: { Error: { description: "An error", content: { "application/json": { schema: errorSchema } } } },
    },
    paths,
  };
}
