// Articles imported several at a time (the command line's import): rows written on the
// transaction's own pg connection (`withConnection`) commit and roll back with Prisma's
// transaction; duplicates and over-limit articles are answered per input; a batch stores the
// same rows as one import at a time.
import { describe, expect, it } from "vitest";
import { db, withConnection } from "@/lib/db";
import { unsafeCreateArticle, unsafeCreateArticles } from "@/lib/articles/create-article";
import { MAX_SENTENCES } from "@/lib/articles/article-limits";
import { makeDesk } from "../factories";

const bodies = [
  "قال رئيس البلدية إن 14 شخصا قتلوا في انهيار المبنى. ونقلت قناة محلية أن عدد القتلى بلغ 25 شخصا على الأقل.",
  "The ministry said 3,200 families were displaced. A charity later put the number at 4,100 families.",
  "وأعلنت الوزارة توزيع ٥٠٠ سلة غذائية على ١٢٠٠ أسرة في المخيم.",
];

async function stored(articleId: string) {
  const [sentences, quantities, suggestions] = await Promise.all([
    db.sentence.findMany({ where: { articleId }, orderBy: { index: "asc" }, select: { index: true, start: true, end: true, boilerplate: true } }),
    db.quantity.findMany({ where: { articleId }, orderBy: { index: "asc" }, omit: { articleId: true } }),
    db.suggestion.findMany({ where: { articleId }, orderBy: { id: "asc" }, select: { type: true, state: true, quantityA: true, quantityB: true, start: true, end: true, reason: true, detail: true } }),
  ]);
  return { sentences, quantities, suggestions };
}

describe("article import in batches", () => {
  it("stores a batch as it stores one article at a time, and audits each article in the same transaction", async () => {
    const one = await makeDesk();
    const batch = await makeDesk();
    const singles = [];
    for (const [k, body] of bodies.entries()) singles.push(await unsafeCreateArticle({ projectId: one.project.id, createdById: one.editor.actor.id, input: { title: `t${k}`, body } }));
    const outcomes = await unsafeCreateArticles({ projectId: batch.project.id, createdById: batch.editor.actor.id, inputs: bodies.map((body, k) => ({ title: `t${k}`, body })) });
    expect(outcomes.every((o) => "id" in o)).toBe(true);
    const ids = outcomes.map((o) => ("id" in o ? o.id : ""));
    for (const [k, id] of ids.entries()) {
      const [a, b] = await Promise.all([stored(singles[k]), stored(id)]);
      expect(b).toEqual(a);
      expect(b.quantities.length).toBeGreaterThan(0);
    }
    const audits = await db.auditEvent.findMany({ where: { projectId: batch.project.id, entity: "article", action: "import" } });
    expect(audits.map((a) => a.entityId).sort()).toEqual([...ids].sort());
    const events = await db.event.findMany({ where: { projectId: batch.project.id, type: "article.imported" } });
    expect(events.map((e) => e.articleId).sort()).toEqual([...ids].sort());
  });

  it("answers duplicates and over-limit articles per input and imports the rest", async () => {
    const desk = await makeDesk();
    const existing = await unsafeCreateArticle({ projectId: desk.project.id, createdById: desk.editor.actor.id, input: { title: "old", body: bodies[0] } });
    const tooMany = Array.from({ length: MAX_SENTENCES + 1 }, (_, i) => `Line ${i}.`).join("\n");
    const outcomes = await unsafeCreateArticles({
      projectId: desk.project.id,
      createdById: desk.editor.actor.id,
      inputs: [{ title: "a", body: bodies[0] }, { title: "b", body: bodies[1] }, { title: "c", body: bodies[1] }, { title: "d", body: tooMany }, { title: "e", body: bodies[2] }],
    });
    expect(outcomes[0]).toMatchObject({ error: { code: "conflict", details: { existingId: existing } } });
    expect(outcomes[1]).toHaveProperty("id");
    // The same body twice in one batch: the second is a duplicate of the first.
    expect(outcomes[2]).toMatchObject({ error: { code: "conflict", details: { existingId: (outcomes[1] as { id: string }).id } } });
    expect(outcomes[3]).toMatchObject({ error: { code: "payload_too_large", details: { reason: "too_many_sentences", limit: MAX_SENTENCES, found: MAX_SENTENCES + 1 } } });
    expect(outcomes[4]).toHaveProperty("id");
    expect(await db.article.count({ where: { projectId: desk.project.id } })).toBe(3);
  });

  it("rolls back what was written on the transaction's connection when the transaction fails", async () => {
    const desk = await makeDesk();
    const title = `rolled back ${Date.now()}`;
    await expect(
      withConnection(async (tx, connection) => {
        await connection.query(
          `INSERT INTO articles (id, project_id, title, body, language, direction, content_hash, created_by_id) VALUES ($1, $2, $3, 'x', 'en', 'ltr', $4, $5)`,
          [`c${Date.now()}rb`, desk.project.id, title, `h${Date.now()}`, desk.editor.actor.id],
        );
        // Prisma sees the row: the same transaction.
        expect(await tx.article.count({ where: { title } })).toBe(1);
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(await db.article.count({ where: { title } })).toBe(0);
  });
});
