// Suggestions carry the structured result of the analysis (issue 13): a contradiction its
// discrepancy (type, measure, sources, bounds, difference), a claim its figure's frame;
// dates are not offered as claims; and the migration gives old contradiction rows a
// structured value derived from what they stored.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { unsafeCreateArticle } from "@/lib/articles/create-article";
import { getArticleView } from "@/lib/articles/get-article-view";
import { makeDesk } from "../factories";

const BODY =
  "قال رئيس البلدية لوكالة الأنباء إن 14 شخصا قتلوا في انهيار المبنى يوم 3 أيار 2024. " +
  "ونقلت قناة محلية عن مسؤول في الدفاع المدني أن عدد القتلى بلغ 25 شخصا على الأقل. " +
  "وفي وقت سابق، أعلنت الشرطة مقتل 9 أشخاص.";

describe("suggestion detail", () => {
  it("stores the structured conflict, the figures' frames, and no date claims", async () => {
    const desk = await makeDesk();
    const id = await unsafeCreateArticle({ projectId: desk.project.id, createdById: desk.editor.actor.id, input: { title: "انهيار", body: BODY } });
    const rows = await db.suggestion.findMany({ where: { articleId: id }, orderBy: [{ type: "asc" }, { quantityA: "asc" }] });
    const quantities = await db.quantity.findMany({ where: { articleId: id }, orderBy: { index: "asc" } });
    expect(quantities.some((q) => q.kind === "date")).toBe(true);
    const claims = rows.filter((r) => r.type === "claim");
    expect(claims.map((r) => quantities[r.quantityA]?.kind)).not.toContain("date");
    expect(claims.map((r) => quantities[r.quantityA]?.text)).toEqual(["14 شخصا", "25 شخصا", "9 أشخاص"]);

    const contradictions = rows.filter((r) => r.type === "contradiction");
    expect(contradictions).toHaveLength(1);
    expect(contradictions[0]?.detail).toMatchObject({
      type: "conflict",
      measure: "deaths",
      sources: ["رئيس البلدية لوكالة الأنباء", "قناة محلية"],
      bounds: ["exact", "at-least"],
      difference: { absolute: 11 },
    });
    // The earlier police figure is an update on the figure's detail, not a contradiction.
    const police = claims.find((r) => quantities[r.quantityA]?.text === "9 أشخاص");
    expect(police?.detail).toMatchObject({ kind: "figure", frame: { measure: "deaths", time: { relation: "earlier" } }, updatedBy: [0] });

    const view = await getArticleView({ actor: desk.editor.actor, articleId: id });
    expect(view.suggestions.find((s) => s.type === "contradiction")?.detail).toMatchObject({ type: "conflict" });
  });

  it("the migration derives a structured value for stored contradictions", async () => {
    const desk = await makeDesk();
    const id = await unsafeCreateArticle({ projectId: desk.project.id, createdById: desk.editor.actor.id, input: { title: "t", body: "قتل 5 أشخاص في القصف. وقال الدفاع المدني إن 15 شخصا قتلوا." } });
    // A row as stored before the column existed.
    await db.$executeRaw`UPDATE suggestions SET detail = NULL WHERE article_id = ${id}`;
    const sql = readFileSync(new URL("../../prisma/migrations/20261127130000_suggestion_detail/migration.sql", import.meta.url), "utf8");
    const update = sql.slice(sql.indexOf("UPDATE"));
    await db.$executeRawUnsafe(update);
    const row = await db.suggestion.findFirst({ where: { articleId: id, type: "contradiction" } });
    expect(row?.detail).toMatchObject({ a: 0, b: 1, type: "conflict", measure: "noun:شخص", migrated: true, sources: [null, null], difference: { absolute: 10, relative: 0.6667 } });
    expect((row?.detail as { reason?: string }).reason).toBe(row?.reason);
    const claim = await db.suggestion.findFirst({ where: { articleId: id, type: "claim" } });
    expect(claim?.detail).toBeNull();
  });
});
