import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createArticle } from "@/lib/articles/create-article";
import { listArticles } from "@/lib/articles/list-articles";
import { getArticleView } from "@/lib/articles/get-article-view";
import { AppError } from "@/lib/errors";
import { seed } from "@/seeds/seed";
import { addMember, makeProject, makeUser, PASSWORD } from "../factories";

describe("passwords", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("s3cret-phrase");
    expect(hash.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("s3cret-phrase", hash)).toBe(true);
    expect(await verifyPassword("s3cret-phrasE", hash)).toBe(false);
  });

  it("answers an unknown email and a wrong password alike", async () => {
    const { user } = await makeUser();
    expect(await authenticate(user.email, PASSWORD)).toMatchObject({ id: user.id });
    expect(await authenticate(user.email.toUpperCase(), PASSWORD)).toMatchObject({ id: user.id });
    expect(await authenticate(user.email, "wrong")).toBeNull();
    expect(await authenticate("nobody@sanad.test", PASSWORD)).toBeNull();
  });
});

describe("seed", () => {
  it("creates the demo desk once, and a second run duplicates nothing", async () => {
    const first = await seed({ demoPassword: "demo-password-1" });
    expect(first.created).toHaveLength(4);
    const counts = async () => ({
      users: await db.user.count(),
      projects: await db.project.count(),
      memberships: await db.membership.count(),
      articles: await db.article.count(),
      sentences: await db.sentence.count(),
      claims: await db.claim.count(),
      verdicts: await db.verdict.count(),
      comments: await db.comment.count(),
      notifications: await db.notification.count(),
      events: await db.event.count(),
      audit: await db.auditEvent.count(),
    });
    const before = await counts();
    const second = await seed({ demoPassword: "demo-password-1" });
    expect(second.created).toHaveLength(0);
    expect(second.articleId).toBe(first.articleId);
    expect(await counts()).toEqual(before);
    expect(before.sentences).toBeGreaterThan(10);
    const article = await db.article.findUniqueOrThrow({ where: { id: first.articleId } });
    expect(article.direction).toBe("rtl");
    expect(await authenticate("editor@sanad.test", "demo-password-1")).not.toBeNull();

    // The desk at work: two articles, claims in every state, one disagreement in the queue,
    // comments with mentions and the notifications they caused.
    expect(await db.article.count({ where: { projectId: first.projectId } })).toBe(2);
    const states = await db.claim.groupBy({ by: ["status"], where: { projectId: first.projectId }, _count: true });
    expect(Object.fromEntries(states.map((s) => [s.status, s._count]))).toEqual({ open: 3, disputed: 1, verified: 1, retracted: 1 });
    expect(await db.comment.count({ where: { projectId: first.projectId, mentionIds: { isEmpty: false } } })).toBe(3);
    const kinds = await db.notification.groupBy({ by: ["kind"], where: { projectId: first.projectId }, _count: true });
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k._count]))).toMatchObject({ mention: 4, reply: 1, assigned: 3, adjudicated: 2 });
    expect(kinds.find((k) => k.kind === "disagreement")?._count).toBeGreaterThanOrEqual(1);
    expect(await db.source.count({ where: { claim: { projectId: first.projectId } } })).toBe(3);
  });
});

describe("articles", () => {
  it("keeps the body byte for byte and points sentences into it", async () => {
    const project = await makeProject();
    const { actor } = await makeUser();
    await addMember(project.id, actor.id, "reviewer");
    const body = "  العنوان الأول\r\n\r\nقال د. أحمد إن 7.7 مليون شخص تحرروا.  \u202eنص\u202c 😀 آخر.\n";
    const id = await createArticle({ actor, projectId: project.id, input: { title: "t", body } });
    const view = await getArticleView({ actor, articleId: id });
    expect(view.body).toBe(body);
    for (const s of view.sentences) expect(body.slice(s.start, s.end)).toBe(s.text);
  });

  it("refuses the same body twice in one project with the existing id, but not across projects", async () => {
    const [p1, p2] = [await makeProject(), await makeProject()];
    const { actor } = await makeUser();
    await addMember(p1.id, actor.id, "reviewer");
    await addMember(p2.id, actor.id, "reviewer");
    const input = { title: "Same", body: "The city planted 12,000 trees last year." };
    const id = await createArticle({ actor, projectId: p1.id, input });
    const err = await createArticle({ actor, projectId: p1.id, input }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("conflict");
    expect(err.details.existingId).toBe(id);
    await expect(createArticle({ actor, projectId: p2.id, input })).resolves.toBeTypeOf("string");
  });

  it("hides a project's articles from non-members with a 404", async () => {
    const project = await makeProject();
    const { actor: member } = await makeUser();
    const { actor: outsider } = await makeUser();
    await addMember(project.id, member.id, "reviewer");
    const id = await createArticle({ actor: member, projectId: project.id, input: { title: "x", body: "Hello world." } });
    await expect(getArticleView({ actor: outsider, articleId: id })).rejects.toMatchObject({ code: "not_found" });
    await expect(listArticles({ actor: outsider, projectId: project.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(createArticle({ actor: outsider, projectId: project.id, input: { title: "y", body: "Other." } })).rejects.toMatchObject({ code: "not_found" });
  });

  it("pages newest first with a cursor", async () => {
    const project = await makeProject();
    const { actor } = await makeUser();
    await addMember(project.id, actor.id, "reviewer");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await createArticle({ actor, projectId: project.id, input: { title: `a${i}`, body: `Article number ${i}.` } }));
    const first = await listArticles({ actor, projectId: project.id, limit: 2 });
    const second = await listArticles({ actor, projectId: project.id, limit: 2, cursor: first.nextCursor! });
    const third = await listArticles({ actor, projectId: project.id, limit: 2, cursor: second.nextCursor! });
    expect([...first.items, ...second.items, ...third.items].map((a) => a.id)).toEqual([...ids].reverse());
    expect(third.nextCursor).toBeNull();
  });
});
