// Claim creation's one statement (lib/claims/internal/insert-claim.ts): the claim, its audit row
// and its event-feed row are written together or not at all, outside any transaction, and hold
// what writeAudit would have written.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { unsafeCreateArticle } from "@/lib/articles/create-article";
import { createClaim } from "@/lib/claims/create-claim";
import { insertClaim } from "@/lib/claims/internal/insert-claim";
import { presentClaim } from "@/lib/claims/present-claim";
import { makeDesk, unique } from "../factories";

async function deskWithArticle() {
  const desk = await makeDesk();
  const body = `The ministry counted 4,200 new homes in the north this year. ${unique("ref")}.`;
  const articleId = await unsafeCreateArticle({ projectId: desk.project.id, createdById: desk.editor.user.id, input: { title: "Homes", body, language: "en" } });
  return { desk, articleId, body };
}

describe("creating a claim", () => {
  it("writes the claim, its audit row and its feed row, which agree with the stored claim", async () => {
    const { desk, articleId, body } = await deskWithArticle();
    const start = body.indexOf("4,200");
    const made = await createClaim({ actor: desk.reviewer.actor, articleId, input: { start, end: start + "4,200 new homes".length, note: "check the count" } });
    const stored = await db.claim.findUniqueOrThrow({ where: { id: made.id } });
    // Timestamps made in the app and stored without a time zone read back as the same instant.
    expect(stored.createdAt.toISOString()).toBe(new Date(made.createdAt).toISOString());
    expect(stored.updatedAt.toISOString()).toBe(new Date(made.updatedAt).toISOString());
    expect(stored).toMatchObject({ text: "4,200 new homes", note: "check the count", status: "open", version: 1, createdById: desk.reviewer.user.id, quantityValue: 4200 });
    const audit = await db.auditEvent.findMany({ where: { entity: "claim", entityId: made.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", actorId: desk.reviewer.user.id, projectId: desk.project.id, before: null });
    expect(audit[0].after).toEqual(JSON.parse(JSON.stringify(presentClaim(stored))));
    const events = await db.event.findMany({ where: { claimId: made.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "claim.created", projectId: desk.project.id, articleId, actorId: desk.reviewer.user.id });
    expect(events[0].data).toEqual({ start: stored.start, end: stored.end, text: stored.text, kind: stored.kind, note: stored.note, status: "open", version: 1 });
  });

  it("writes none of the three when the claim cannot be inserted", async () => {
    const { desk, articleId, body } = await deskWithArticle();
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    const before = { audit: await db.auditEvent.count({ where: { projectId: desk.project.id } }), events: await db.event.count({ where: { projectId: desk.project.id } }) };
    // No such user: the claim's foreign key fails; the audit and feed rows, which have no such
    // key, must fail with it.
    await expect(insertClaim(undefined, { actorId: "no-such-user", article, start: 0, end: body.indexOf(" ") })).rejects.toThrow();
    expect(await db.claim.count({ where: { articleId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { projectId: desk.project.id } })).toBe(before.audit);
    expect(await db.event.count({ where: { projectId: desk.project.id } })).toBe(before.events);
  });
});
