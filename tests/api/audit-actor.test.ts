// Over HTTP every audit row names the user who acted (issue 19): the command line's system
// identity is for the command line only, and no request can act as it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDesk, makeUser, unique } from "../factories";
import { as } from "./client";

describe("the audit trail over the API", () => {
  it("names the calling user, as a user, for projects, members, tokens, articles and account changes", async () => {
    const desk = await makeDesk();
    const admin = as(desk.admin.token);
    const project = await admin.post("/api/v1/projects", { name: unique("Desk") });
    expect(project.status).toBe(201);
    const projectId = project.body.id;
    const { user } = await makeUser();
    expect((await admin.post(`/api/v1/projects/${projectId}/members`, { email: user.email, role: "editor" })).status).toBe(201);
    const article = await as(desk.editor.token).post(`/api/v1/projects/${desk.project.id}/articles`, { title: "t", body: `The city planted ${Date.now()} trees.` });
    expect(article.status).toBe(201);
    const token = await as(desk.reviewer.token).post("/api/v1/tokens", { label: "mine" });
    expect(token.status).toBe(201);
    expect((await admin.post(`/api/v1/admin/users/${user.id}/deactivate`)).status).toBe(200);

    const who = async (where: object) => (await db.auditEvent.findMany({ where, orderBy: { id: "asc" } })).map((r) => [r.entity, r.action, r.actorId, r.actorKind, r.actorName, r.actorRole]);
    const adminId = desk.admin.user.id;
    expect(await who({ projectId })).toEqual([
      ["project", "create", adminId, "user", null, null],
      ["membership", "add", adminId, "user", null, null],
    ]);
    expect(await who({ entity: "article", entityId: article.body.id })).toEqual([["article", "import", desk.editor.user.id, "user", null, null]]);
    expect(await who({ entity: "token", entityId: token.body.id })).toEqual([["token", "create", desk.reviewer.user.id, "user", null, null]]);
    expect(await who({ entity: "user", entityId: user.id })).toEqual([["user", "deactivate", adminId, "user", null, null]]);
    expect((await db.article.findUniqueOrThrow({ where: { id: article.body.id } })).createdById).toBe(desk.editor.user.id);
    // No request, whatever it claims, leaves a system row.
    expect(await db.auditEvent.count({ where: { actorKind: "system", OR: [{ projectId: { in: [projectId, desk.project.id] } }, { entityId: { in: [user.id, token.body.id] } }] } })).toBe(0);
  });
});
