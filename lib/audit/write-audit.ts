import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { deriveEvent, feedRowOf, notifiesUsers } from "@/lib/events/derive-event";
import { isSystemActor, userIdOf, type AnyActor, type SystemActor } from "@/lib/auth/system-actor";

export type AuditInput = {
  actorId: string | null;
  /** Set (with actorId null) when the command line acted; spread auditActor(actor) to fill both. */
  system?: SystemActor;
  projectId: string | null;
  entity: "article" | "claim" | "suggestion" | "link" | "source" | "verdict" | "adjudication" | "assignment" | "project" | "membership" | "token" | "user" | "fact-check" | "comment";
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
};

const json = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

/** Who an audit row names: the user's id, or no id and the command line (lib/auth/system-actor.ts). */
export function auditActor(actor: AnyActor): Pick<AuditInput, "actorId" | "system"> {
  return isSystemActor(actor) ? { actorId: null, system: actor } : { actorId: userIdOf(actor) };
}

/** Called inside the transaction that makes the change, so the two commit or fail together. */
export async function writeAudit(tx: Prisma.TransactionClient, event: AuditInput) {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      ...(event.system ? system(event) : {}),
      projectId: event.projectId,
      entity: event.entity,
      entityId: event.entityId,
      action: event.action,
      before: json(event.before),
      after: json(event.after),
    },
  });
  // The event feed and notifications are derived here, in the same transaction (lib/events).
  await deriveEvent(tx, event);
}

function system(event: AuditInput) {
  // The database checks it too (audit_events_actor_kind_check); here the mistake names itself.
  if (event.actorId !== null || !isSystemActor(event.system)) throw new Error("A system audit row names no user and only a minted system actor.");
  return { actorKind: "system", actorName: event.system.name, actorRole: event.system.role };
}

/**
 * What writeAudit writes (the audit row and the feed's event row) as common table expressions,
 * for a change made in one SQL statement with them: `WITH change AS (INSERT …), <these> SELECT 1`.
 * One statement commits or fails whole, so the three still go together. Only for a change whose
 * claim and article the caller knows (no lookups) and that notifies nobody; anything else goes
 * through writeAudit. Claim creation uses it: it is the hottest write (docs/benchmarks.md).
 */
export function auditInSameStatement(event: AuditInput, ids: { claimId?: string; articleId?: string }): Prisma.Sql {
  const feed = feedRowOf(event, ids);
  if (feed && notifiesUsers(feed.type)) throw new Error(`${event.entity}.${event.action} notifies users: write it through writeAudit`);
  const who = event.system ? system(event) : { actorKind: "user", actorName: null, actorRole: null };
  const jsonb = (v: unknown) => (v === undefined ? Prisma.sql`NULL` : Prisma.sql`${JSON.stringify(v)}::jsonb`);
  const audit = Prisma.sql`audit_row AS (
    INSERT INTO audit_events (actor_id, actor_kind, actor_name, actor_role, project_id, entity, entity_id, action, before, after)
    VALUES (${event.actorId}, ${who.actorKind}, ${who.actorName}, ${who.actorRole}, ${event.projectId}, ${event.entity}, ${event.entityId}, ${event.action}, ${jsonb(event.before)}, ${jsonb(event.after)}))`;
  if (!feed) return audit;
  return Prisma.sql`${audit}, feed_row AS (
    INSERT INTO events (project_id, type, article_id, claim_id, actor_id, data)
    VALUES (${feed.projectId}, ${feed.type}, ${feed.articleId}, ${feed.claimId}, ${feed.actorId}, ${jsonb(feed.data)}))`;
}
