import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditInput } from "@/lib/audit/write-audit";
import { notifyUsers } from "@/lib/notifications/notify-users";

type Row = Record<string, unknown> | undefined;
const obj = (v: unknown): Row => (v && typeof v === "object" ? (v as Record<string, unknown>) : undefined);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const pick = (row: Row, keys: string[]) => Object.fromEntries(keys.filter((k) => row && row[k] !== undefined).map((k) => [k, row![k]]));

/** An audit entry's event type; null for changes other systems need not follow (tokens, users). */
export function eventTypeOf(entity: AuditInput["entity"], action: string, after?: unknown): string | null {
  switch (`${entity}.${action}`) {
    case "article.import": return "article.imported";
    case "claim.create": return "claim.created";
    case "claim.update": return "claim.updated";
    case "claim.retract": return "claim.retracted";
    case "claim.restore": return "claim.restored";
    case "claim.reopen": return "claim.reopened";
    // Verdicts changed the claim's status: disputed when the reviewers' ratings differ.
    case "claim.status": return obj(after)?.status === "disputed" ? "claim.disputed" : "claim.status";
    case "adjudication.adjudicate": return "claim.verified";
    case "verdict.create": return "verdict.given";
    case "verdict.update": return "verdict.changed";
    case "suggestion.accept": return "suggestion.accepted";
    case "suggestion.dismiss": return "suggestion.dismissed";
    case "suggestion.restore": return "suggestion.restored";
    case "source.create": return "source.added";
    case "link.create": return "claim.linked";
    case "assignment.create": return "article.assigned";
    case "comment.create": return "comment.posted";
    case "comment.update": return "comment.edited";
    case "comment.delete": return "comment.deleted";
    case "project.settings": return "project.updated";
    case "membership.add": return "member.added";
    case "membership.change-role": return "member.changed";
    case "membership.remove": return "member.removed";
    default: return null;
  }
}

/**
 * What the feed says about a change. Never a verdict's rating or rationale: before a claim is
 * verified that would break blindness, and feed rows do not change afterwards. The final
 * rating is in `claim.verified`.
 */
function dataOf(entity: string, action: string, entityId: string, before: Row, after: Row): Record<string, unknown> {
  switch (entity) {
    case "article": return { title: after?.title, language: after?.language };
    case "claim": {
      const base = pick(after, ["start", "end", "text", "kind", "note", "status", "version", "reason"]);
      return action === "status" ? { status: after?.status, previous: before?.status } : base;
    }
    case "adjudication": return { adjudicationId: entityId, rating: after?.rating, note: after?.note };
    case "verdict": return { verdictId: entityId, reviewerId: after?.reviewerId ?? before?.reviewerId };
    case "suggestion": return { suggestionId: entityId };
    case "source": return { sourceId: entityId, ...pick(after, ["url", "title", "publisher", "stance"]) };
    case "link": return { linkId: entityId, ...pick(after, ["otherClaimId", "relation"]) };
    case "assignment": return { reviewerId: after?.reviewerId };
    case "comment": return { commentId: entityId, ...pick(after, ["parentId", "authorId", "version"]) };
    case "membership": return { userId: (after ?? before)?.userId, role: (after ?? before)?.role };
    default: return {};
  }
}

async function claimIdOf(tx: Prisma.TransactionClient, entity: string, entityId: string, before: Row, after: Row): Promise<string | undefined> {
  if (entity === "claim") return entityId;
  if (entity === "adjudication") return (await tx.adjudication.findUnique({ where: { id: entityId }, select: { claimId: true } }))?.claimId;
  return str(after?.claimId) ?? str(before?.claimId);
}

async function articleIdOf(tx: Prisma.TransactionClient, entity: string, entityId: string, claimId: string | undefined, after: Row) {
  if (entity === "article") return entityId;
  if (str(after?.articleId)) return str(after?.articleId);
  if (claimId) return (await tx.claim.findUnique({ where: { id: claimId }, select: { articleId: true } }))?.articleId;
  if (entity === "suggestion") return (await tx.suggestion.findUnique({ where: { id: entityId }, select: { articleId: true } }))?.articleId;
  return undefined;
}

async function raters(tx: Prisma.TransactionClient, claimId: string) {
  return (await tx.verdict.findMany({ where: { claimId }, select: { reviewerId: true } })).map((v) => v.reviewerId);
}

// The event types that notify someone (below, in deriveEvent). A change of any other type has
// nothing to write but its feed row, which a caller may then write in its own SQL (feedRowOf).
const NOTIFYING = new Set(["article.assigned", "claim.verified", "claim.reopened", "claim.disputed"]);
export const notifiesUsers = (type: string) => NOTIFYING.has(type);

/** The feed row of a change, once its claim and article are known; null when it has none. */
export function feedRowOf(input: AuditInput, ids: { claimId?: string; articleId?: string }) {
  if (!input.projectId) return null;
  const type = eventTypeOf(input.entity, input.action, input.after);
  if (!type) return null;
  const data = JSON.parse(JSON.stringify(dataOf(input.entity, input.action, input.entityId, obj(input.before), obj(input.after)))) as Prisma.InputJsonValue;
  return { projectId: input.projectId, type, articleId: ids.articleId ?? null, claimId: ids.claimId ?? null, actorId: input.actorId, data };
}

/**
 * Called by writeAudit inside the transaction of the change: the event for the feed and the
 * notifications the change causes. Both commit or roll back with the change.
 */
export async function deriveEvent(tx: Prisma.TransactionClient, input: AuditInput) {
  if (!input.projectId || !eventTypeOf(input.entity, input.action, input.after)) return;
  const before = obj(input.before);
  const after = obj(input.after);
  const claimId = await claimIdOf(tx, input.entity, input.entityId, before, after);
  const articleId = await articleIdOf(tx, input.entity, input.entityId, claimId, after);
  const row = feedRowOf(input, { claimId, articleId })!;
  await tx.event.create({ data: row });

  const type = row.type;
  if (!notifiesUsers(type)) return;
  const n = { projectId: input.projectId, actorId: input.actorId, articleId: articleId ?? null, claimId: claimId ?? null };
  if (type === "article.assigned" && str(after?.reviewerId)) {
    await notifyUsers(tx, { ...n, kind: "assigned", userIds: [str(after?.reviewerId)!] });
  } else if ((type === "claim.verified" || type === "claim.reopened") && claimId) {
    await notifyUsers(tx, { ...n, kind: type === "claim.verified" ? "adjudicated" : "reopened", userIds: await raters(tx, claimId) });
  } else if (type === "claim.disputed") {
    const editors = await tx.membership.findMany({ where: { projectId: input.projectId, role: "editor" }, select: { userId: true } });
    await notifyUsers(tx, { ...n, kind: "disagreement", userIds: editors.map((e) => e.userId) });
  }
}
