import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deriveEvent } from "@/lib/events/derive-event";

export type AuditInput = {
  actorId: string | null;
  projectId: string | null;
  entity: "article" | "claim" | "suggestion" | "link" | "source" | "verdict" | "adjudication" | "assignment" | "project" | "membership" | "token" | "user" | "fact-check" | "comment";
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
};

const json = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

/** Called inside the transaction that makes the change, so the two commit or fail together. */
export async function writeAudit(tx: Prisma.TransactionClient, event: AuditInput) {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
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
