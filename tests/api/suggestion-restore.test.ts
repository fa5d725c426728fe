import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDesk, unique } from "../factories";
import { as } from "./client";

// Issue 18: the workspace lists dismissed suggestions with an undo; the undo is this endpoint.
async function articleWithFigures() {
  const desk = await makeDesk();
  const body = `The agency said 120 families were moved and 45 schools closed. ${unique("ref")}`;
  const created = await as(desk.reviewer.token).post(`/api/v1/projects/${desk.project.id}/articles`, { title: "Figures", body });
  expect(created.status).toBe(201);
  const figures = created.body.suggestions.filter((s: { type: string }) => s.type === "claim");
  expect(figures.length).toBeGreaterThanOrEqual(2);
  return { desk, figures: figures as { id: string }[] };
}

describe("POST /api/v1/suggestions/{id}/restore", () => {
  it("puts a dismissed suggestion back to pending, with an audit row; a pending one is left as it is", async () => {
    const { desk, figures } = await articleWithFigures();
    const r = as(desk.reviewer.token);
    const id = figures[0].id;
    expect((await r.post(`/api/v1/suggestions/${id}/dismiss`)).status).toBe(200);
    const back = await r.post(`/api/v1/suggestions/${id}/restore`);
    expect(back.status).toBe(200);
    expect(back.body).toEqual({ suggestionId: id, state: "pending" });
    const row = await db.suggestion.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "pending", resolvedById: null, resolvedAt: null });
    expect(await db.auditEvent.count({ where: { entity: "suggestion", entityId: id, action: "restore" } })).toBe(1);
    // Again: nothing to undo, nothing changes.
    expect((await r.post(`/api/v1/suggestions/${id}/restore`)).status).toBe(200);
    expect(await db.auditEvent.count({ where: { entity: "suggestion", entityId: id, action: "restore" } })).toBe(1);
  });

  it("refuses an accepted suggestion with 409 and its state; an outsider gets 404", async () => {
    const { desk, figures } = await articleWithFigures();
    const id = figures[1].id;
    expect((await as(desk.reviewer.token).post(`/api/v1/suggestions/${id}/accept`)).status).toBe(200);
    const refused = await as(desk.reviewer2.token).post(`/api/v1/suggestions/${id}/restore`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.current.state).toBe("accepted");
    expect((await db.suggestion.findUniqueOrThrow({ where: { id } })).state).toBe("accepted");
    const outsider = await as(desk.outsider.token).post(`/api/v1/suggestions/${id}/restore`);
    expect(outsider.status).toBe(404);
  });
});
