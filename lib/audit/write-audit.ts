import "server-only";
import type pg from "pg";
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

type Ids = { claimId?: string; articleId?: string };

/** The audit row and feed row writeAudit would write, for a change whose claim and article are known and that notifies nobody. */
function rowsOf(event: AuditInput, ids: Ids) {
  const feed = feedRowOf(event, ids);
  if (feed && notifiesUsers(feed.type)) throw new Error(`${event.entity}.${event.action} notifies users: write it through writeAudit`);
  const who = event.system ? system(event) : { actorKind: "user", actorName: null, actorRole: null };
  return { audit: { ...who, actorId: event.actorId, projectId: event.projectId, entity: event.entity, entityId: event.entityId, action: event.action }, feed };
}

/**
 * What writeAudit writes (the audit row and the feed's event row) as common table expressions,
 * for a change made in one SQL statement with them: `WITH change AS (INSERT …), <these> SELECT 1`.
 * One statement commits or fails whole, so the three still go together. Only for a change whose
 * claim and article the caller knows (no lookups) and that notifies nobody; anything else goes
 * through writeAudit. Claim creation uses it: it is the hottest write (docs/benchmarks.md).
 */
export function auditInSameStatement(event: AuditInput, ids: Ids): Prisma.Sql {
  const { audit: a, feed } = rowsOf(event, ids);
  const jsonb = (v: unknown) => (v === undefined ? Prisma.sql`NULL` : Prisma.sql`${JSON.stringify(v)}::jsonb`);
  const audit = Prisma.sql`audit_row AS (
    INSERT INTO audit_events (actor_id, actor_kind, actor_name, actor_role, project_id, entity, entity_id, action, before, after)
    VALUES (${a.actorId}, ${a.actorKind}, ${a.actorName}, ${a.actorRole}, ${a.projectId}, ${a.entity}, ${a.entityId}, ${a.action}, ${jsonb(event.before)}, ${jsonb(event.after)}))`;
  if (!feed) return audit;
  return Prisma.sql`${audit}, feed_row AS (
    INSERT INTO events (project_id, type, article_id, claim_id, actor_id, data)
    VALUES (${feed.projectId}, ${feed.type}, ${feed.articleId}, ${feed.claimId}, ${feed.actorId}, ${jsonb(feed.data)}))`;
}

/**
 * Many changes' audit rows and feed rows in two statements, on the plain `pg` connection of the
 * transaction that makes the changes (`withConnection`, lib/db.ts), in the order given. Same rows
 * as writeAudit, same conditions as auditInSameStatement (claim and article known, nobody
 * notified). The batch import uses it: through Prisma every row was a compiled query.
 */
export async function writeAudits(connection: pg.ClientBase, events: readonly AuditInput[], idsOf: (event: AuditInput) => Ids) {
  if (events.length === 0) return;
  const audits: unknown[] = [];
  const feeds: unknown[] = [];
  for (const event of events) {
    const { audit: a, feed } = rowsOf(event, idsOf(event));
    audits.push({ n: audits.length, ai: a.actorId, ak: a.actorKind, an: a.actorName, ar: a.actorRole, p: a.projectId, e: a.entity, ei: a.entityId, ac: a.action, b: event.before, af: event.after });
    if (feed) feeds.push({ n: feeds.length, p: feed.projectId, t: feed.type, a: feed.articleId, c: feed.claimId, ai: feed.actorId, d: feed.data });
  }
  await connection.query(`
    INSERT INTO audit_events (actor_id, actor_kind, actor_name, actor_role, project_id, entity, entity_id, action, before, after)
    SELECT ai, ak, an, ar, p, e, ei, ac, b, af
    FROM json_to_recordset($1::json) AS r(n int, ai text, ak text, an text, ar text, p text, e text, ei text, ac text, b jsonb, af jsonb)
    ORDER BY n`, [JSON.stringify(audits)]);
  if (feeds.length === 0) return;
  await connection.query(`
    INSERT INTO events (project_id, type, article_id, claim_id, actor_id, data)
    SELECT p, t, a, c, ai, d
    FROM json_to_recordset($1::json) AS r(n int, p text, t text, a text, c text, ai text, d jsonb)
    ORDER BY n`, [JSON.stringify(feeds)]);
}
