import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDesk, unique } from "../factories";
import { as } from "./client";

const SY24 = readFileSync("seeds/sy24-coalition.txt", "utf8");
// Written for this test: a toll given by two sources, and an injury count that rose.
const FLOODS = [
  "At least 30 people were killed in the floods in the river valley, the civil defence said on Monday.",
  "The mayor told Reuters that 12 people were killed in the floods.",
  "The regional governor had earlier put the number of injured at 20.",
  "The number of injured later rose to 27, the governor said.",
].join(" ");

async function importArticle(body: string) {
  const desk = await makeDesk();
  const created = await as(desk.reviewer.token).post(`/api/v1/projects/${desk.project.id}/articles`, { title: unique("ledger"), body: `${body}\n${unique("ref")}` });
  expect(created.status).toBe(201);
  return { desk, article: created.body };
}

const figures = (ledger: any) => ledger.groups.flatMap((g: any) => g.figures.map((f: any) => ({ ...f, measure: g.measure, time: g.time })));

describe("the figure ledger", () => {
  it("groups the SY24 article's people freed, with the 7 million / 7.7 million conflict and its suggestion", async () => {
    const { desk, article } = await importArticle(SY24);
    const res = await as(desk.reviewer.token).get(`/api/v1/articles/${article.id}/ledger`);
    expect(res.status).toBe(200);
    const freed = figures(res.body).filter((f: any) => f.measure === "freed");
    expect(freed.map((f: any) => f.text)).toEqual(expect.arrayContaining(["7 ملايين شخص", "7.7 مليون شخصا"]));
    const seven = freed.find((f: any) => f.text === "7 ملايين شخص" && f.conflicts.length > 0);
    const sevenPointSeven = freed.find((f: any) => f.text === "7.7 مليون شخصا");
    expect(seven.conflicts).toContain(sevenPointSeven.index);
    expect(sevenPointSeven.source).toBe("كاكينز");
    // Offsets point at the figure in the body.
    expect(`${SY24}`.slice(sevenPointSeven.start, sevenPointSeven.end)).toBe("7.7 مليون شخصا");
    // Dates are not in the ledger.
    expect(figures(res.body).every((f: any) => !/أيلول|كانون/.test(f.text))).toBe(true);
    const conflict = res.body.contradictions.find((c: any) => c.a === seven.index && c.b === sevenPointSeven.index);
    expect(conflict).toMatchObject({ state: "pending", detail: { type: "conflict", measure: "freed", sources: [null, "كاكينز"] } });
    expect(res.body.figures).toMatchObject({ cut: false });
    expect(res.body.figures.listed).toBe(res.body.figures.total);

    // Accepting the ledger's conflict is accepting its suggestion: two linked claims, state accepted.
    const accepted = await as(desk.reviewer.token).post(`/api/v1/suggestions/${conflict.suggestionId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.claims).toHaveLength(2);
    const again = await as(desk.reviewer.token).get(`/api/v1/articles/${article.id}/ledger`);
    expect(again.body.contradictions.find((c: any) => c.suggestionId === conflict.suggestionId).state).toBe("accepted");
  });

  it("marks a conflict between two sources and an update (earlier 20, now 27) in an English article", async () => {
    const { desk, article } = await importArticle(FLOODS);
    const res = await as(desk.editor.token).get(`/api/v1/articles/${article.id}/ledger`);
    expect(res.status).toBe(200);
    const all = figures(res.body);
    const thirty = all.find((f: any) => f.text.startsWith("30"));
    const twelve = all.find((f: any) => f.text.startsWith("12"));
    const twenty = all.find((f: any) => f.text === "20");
    const later = all.find((f: any) => f.text === "27");
    expect(thirty).toMatchObject({ measure: "deaths", bound: "at-least", source: "civil defence", conflicts: [twelve.index] });
    expect(twelve).toMatchObject({ measure: "deaths", bound: "exact", source: "mayor", conflicts: [thirty.index] });
    expect(twenty).toMatchObject({ measure: "injuries", updatedBy: [later.index] });
    expect(later).toMatchObject({ measure: "injuries", updates: [twenty.index], conflicts: [] });
    // Updates are not contradictions.
    expect(res.body.contradictions).toHaveLength(1);
    expect(res.body.contradictions[0].detail).toMatchObject({ type: "conflict", measure: "deaths", bounds: ["at-least", "exact"] });
  });

  it("is the article's readers' only: outsiders and unknown articles get 404, no credentials 401", async () => {
    const { desk, article } = await importArticle(FLOODS);
    const outsider = await as(desk.outsider.token).get(`/api/v1/articles/${article.id}/ledger`);
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.code).toBe("not_found");
    expect((await as(desk.reviewer.token).get(`/api/v1/articles/no-such-article/ledger`)).status).toBe(404);
    expect((await as().get(`/api/v1/articles/${article.id}/ledger`)).status).toBe(401);
  });

  it("says when it lists only the first 2,000 figures", async () => {
    const { desk, article } = await importArticle(FLOODS);
    // Figures past the ledger's bound, stored as an import of a long article would store them.
    const stored = await db.quantity.count({ where: { articleId: article.id } });
    await db.quantity.createMany({
      data: Array.from({ length: 2_001 }, (_, i) => ({ articleId: article.id, index: stored + i, start: 0, end: 2, text: "30", value: 30, kind: "count", sentence: 0 })),
    });
    const res = await as(desk.reviewer.token).get(`/api/v1/articles/${article.id}/ledger`);
    expect(res.status).toBe(200);
    expect(res.body.figures.cut).toBe(true);
    expect(res.body.figures.listed).toBe(2_000);
    expect(res.body.figures.total).toBe(stored + 2_001);
    expect(res.body.note).toMatch(/first 2000 of \d+ figures/);
  });
});
