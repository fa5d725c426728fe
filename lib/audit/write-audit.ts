import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deriveEvent } from "@/lib/events/derive-event";
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
