// writeAudits (the batch import's audit entries, two statements on the plain pg connection)
// writes the rows writeAudit writes one at a time through Prisma: same audit columns, system
// actor included, same feed rows; a change that notifies someone is refused.
import { describe, expect, it } from "vitest";
import { db, withConnection } from "@/lib/db";
import { auditActor, writeAudit, writeAudits, type AuditInput } from "@/lib/audit/write-audit";
import { commandLineActor } from "@/lib/auth/system-actor";
import { makeDesk } from "../factories";

async function rowsOf(projectId: string) {
  const audits = await db.auditEvent.findMany({ where: { projectId }, orderBy: { id: "asc" }, omit: { id: true, createdAt: true, projectId: true } });
  const events = await db.event.findMany({ where: { projectId }, orderBy: { id: "asc" }, select: { type: true, articleId: true, claimId: true, actorId: true, data: true } });
  return { audits, events };
}

describe("writeAudits", () => {
  it("writes, in order, the audit and feed rows writeAudit writes, for a user and for the command line", async () => {
    const one = await makeDesk();
    const many = await makeDesk();
    const inputs = (projectId: string, userId: string): AuditInput[] => [
      { ...auditActor(commandLineActor()), projectId, entity: "article", entityId: "art-1", action: "import", after: { title: "عنوان أول", language: "ar", contentHash: "h1" } },
      { actorId: userId, projectId, entity: "article", entityId: "art-2", action: "import", after: { title: "Second", language: "en", contentHash: "h2" } },
      // No feed row for this one (token changes are not followed), and a before value.
      { actorId: userId, projectId, entity: "token", entityId: "tok-1", action: "revoke", before: { name: "n" } },
    ];
    await db.$transaction(async (tx) => {
      for (const input of inputs(one.project.id, one.editor.actor.id)) await writeAudit(tx, input);
    });
    await withConnection(async (_tx, connection) => {
      await writeAudits(connection, inputs(many.project.id, one.editor.actor.id), (e) => ({ articleId: e.entity === "article" ? e.entityId : undefined }));
    });
    const [a, b] = await Promise.all([rowsOf(one.project.id), rowsOf(many.project.id)]);
    expect(b).toEqual(a);
    expect(b.audits.map((r) => [r.actorKind, r.actorName !== null, r.actorRole !== null])).toEqual([["system", true, true], ["user", false, false], ["user", false, false]]);
    expect(b.events.map((e) => [e.type, e.articleId])).toEqual([["article.imported", "art-1"], ["article.imported", "art-2"]]);
  });

  it("refuses a change that notifies users, and nothing is written", async () => {
    const desk = await makeDesk();
    const assign: AuditInput = { actorId: desk.editor.actor.id, projectId: desk.project.id, entity: "assignment", entityId: "as-1", action: "create", after: { reviewerId: desk.editor.actor.id, articleId: "art-1" } };
    await expect(withConnection((_tx, connection) => writeAudits(connection, [assign], () => ({ articleId: "art-1" })))).rejects.toThrow(/notifies users/);
    expect(await rowsOf(desk.project.id)).toEqual({ audits: [], events: [] });
  });
});
