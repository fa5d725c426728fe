import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDesk } from "../factories";
import { as } from "./client";

const BODY = "The city planted 12,000 trees last year. The mayor later said 15,000 trees.";

describe("the disagreement rule over HTTP, and errors with reasons", () => {
  it("PATCH settings takes disagreementRule; a bad value is a 400 naming the field with a reason; reviewers 403", async () => {
    const desk = await makeDesk();
    const editor = as(desk.editor.token);
    const path = `/api/v1/projects/${desk.project.id}/settings`;
    // What the settings form sends with its website left empty: null (this was a 400 before).
    const ok = await editor.patch(path, { disagreementRule: "across_divide", requiredVerdicts: 2, organizationName: "", organizationUrl: null });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ disagreementRule: "across_divide", organizationUrl: null });

    const bad = await editor.patch(path, { disagreementRule: "sometimes", requiredVerdicts: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "invalid_input", reason: "invalid_fields" });
    expect(bad.body.error.fields.disagreementRule).toBeTruthy();
    expect(bad.body.error.fieldReasons).toEqual({ disagreementRule: { reason: "invalid_choice" }, requiredVerdicts: { reason: "too_small", params: { minimum: 1 } } });
    expect((await db.project.findUniqueOrThrow({ where: { id: desk.project.id } })).disagreementRule).toBe("across_divide");

    const refused = await as(desk.reviewer.token).patch(path, { disagreementRule: "any" });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "forbidden", reason: "forbidden" });
  });

  it("a verdict under the rule: 4 vs 5 stays open across the divide; a stale verdict is 409 stale_version with its version", async () => {
    const desk = await makeDesk();
    await as(desk.editor.token).patch(`/api/v1/projects/${desk.project.id}/settings`, { disagreementRule: "across_divide" });
    const article = await as(desk.editor.token).post(`/api/v1/projects/${desk.project.id}/articles`, { title: "Trees", body: BODY });
    expect(article.status).toBe(201);
    const start = BODY.indexOf("12,000 trees");
    const claim = await as(desk.reviewer.token).post(`/api/v1/articles/${article.body.id}/claims`, { start, end: start + 12 });
    expect(claim.status).toBe(201);
    const verdict = (token: string, body: unknown) => as(token).put(`/api/v1/claims/${claim.body.id}/verdicts/me`, body);
    expect((await verdict(desk.reviewer.token, { rating: 4, rationale: "Close." })).status).toBe(201);
    const second = await verdict(desk.reviewer2.token, { rating: 5, rationale: "Right." });
    expect(second.body.claimStatus).toBe("open");
    const stale = await verdict(desk.reviewer.token, { rating: 3, rationale: "Again.", version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "conflict", reason: "stale_version", params: { version: 1 } });
  });
});
