// The desk working together (issue 15), against the built app: comments and their blindness,
// mentions and notifications, the event feed over HTTP, and live events across two app processes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDesk } from "../factories";
import { as, base } from "./client";
import { startOwnApp, type OwnApp } from "./harness";

type Desk = Awaited<ReturnType<typeof makeDesk>>;
const BODY = "The ministry said 7 million people were freed. Its spokesman later said 7.7 million people were freed.";

async function claimOn(desk: Desk) {
  const article = await as(desk.reviewer.token).post(`/api/v1/projects/${desk.project.id}/articles`, { title: "Collab", body: `${BODY} ${Math.random()}`, language: "en" });
  expect(article.status).toBe(201);
  const start = article.body.body.indexOf("7 million");
  const claim = await as(desk.reviewer.token).post(`/api/v1/articles/${article.body.id}/claims`, { start, end: start + 9 });
  expect(claim.status).toBe(201);
  return { article: article.body, claim: claim.body };
}

/** Reads Server-Sent Events from a stream into a list, until stopped. */
function sseClient(url: string, headers: Record<string, string>) {
  const events: { id: string; data: any; at: number }[] = [];
  const controller = new AbortController();
  const opened = fetch(url, { headers, signal: controller.signal }).then(async (res) => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return res;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const id = /^id: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (id !== undefined && data !== undefined) events.push({ id, data: JSON.parse(data), at: Date.now() });
      }
    }
  });
  const until = async (pred: (e: { data: any }) => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const hit = events.find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 20));
    }
    return undefined;
  };
  return { events, until, opened, close: () => controller.abort() };
}

describe("comments", () => {
  it("post, reply, edit with the version, 409 when stale, delete leaves 'deleted', only the author changes", async () => {
    const desk = await makeDesk();
    const { claim } = await claimOn(desk);
    const r1 = as(desk.reviewer.token);
    const first = await r1.post(`/api/v1/claims/${claim.id}/comments`, { body: "See https://example.org/census?y=2024. <b>not bold</b>" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ claimId: claim.id, parentId: null, version: 1, deleted: false, body: "See https://example.org/census?y=2024. <b>not bold</b>" });
    const reply = await as(desk.editor.token).post(`/api/v1/claims/${claim.id}/comments`, { body: "Agreed", parentId: first.body.id });
    expect(reply.status).toBe(201);
    expect(reply.body.parentId).toBe(first.body.id);

    // A parent from another thread, an empty body, a NUL: 400, nothing written.
    const { claim: other } = await claimOn(desk);
    const before = await db.comment.count({ where: { projectId: desk.project.id } });
    expect((await r1.post(`/api/v1/claims/${other.id}/comments`, { body: "x", parentId: first.body.id })).status).toBe(400);
    expect((await r1.post(`/api/v1/claims/${claim.id}/comments`, { body: "   " })).body.error.fields.body).toBeDefined();
    expect((await r1.post(`/api/v1/claims/${claim.id}/comments`, { body: "a\u0000b" })).status).toBe(400);
    expect(await db.comment.count({ where: { projectId: desk.project.id } })).toBe(before);

    expect((await as(desk.editor.token).patch(`/api/v1/comments/${first.body.id}`, { body: "mine now", version: 1 })).status).toBe(403);
    expect((await as(desk.outsider.token).patch(`/api/v1/comments/${first.body.id}`, { body: "x", version: 1 })).status).toBe(404);
    const edited = await r1.patch(`/api/v1/comments/${first.body.id}`, { body: "Which census?", version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: "Which census?", version: 2 });
    const stale = await r1.patch(`/api/v1/comments/${first.body.id}`, { body: "late", version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ body: "Which census?", version: 2 });
    expect((await r1.delete(`/api/v1/comments/${first.body.id}?version=1`)).status).toBe(409);
    expect((await r1.delete(`/api/v1/comments/${first.body.id}?version=2`)).status).toBe(200);

    const thread = await as(desk.editor.token).get(`/api/v1/claims/${claim.id}/comments`);
    expect(thread.body.comments.map((c: any) => [c.deleted, c.body])).toEqual([[true, ""], [false, "Agreed"]]);
    const audit = await db.auditEvent.findMany({ where: { entity: "comment", entityId: first.body.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "delete"]);
  });

  it("two edits of one version at once: one wins, the other gets 409", async () => {
    const desk = await makeDesk();
    const { claim } = await claimOn(desk);
    const c = await as(desk.reviewer.token).post(`/api/v1/claims/${claim.id}/comments`, { body: "v1" });
    const answers = await Promise.all(["a", "b", "c", "d"].map((b) => as(desk.reviewer.token).patch(`/api/v1/comments/${c.body.id}`, { body: b, version: 1 })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
  });

  it("blindness: a reviewer without a verdict on the claim sees only their own and editors' comments; editors see all", async () => {
    const desk = await makeDesk();
    const { article, claim } = await claimOn(desk);
    await as(desk.reviewer.token).post(`/api/v1/claims/${claim.id}/comments`, { body: "I rate it 2: the census says 7.7" });
    await as(desk.editor.token).post(`/api/v1/claims/${claim.id}/comments`, { body: "Please both check the census" });
    await as(desk.reviewer2.token).post(`/api/v1/articles/${article.id}/comments`, { body: "The article is open to everyone" });

    const blind = await as(desk.reviewer2.token).get(`/api/v1/claims/${claim.id}/comments`);
    expect(blind.body.comments.map((c: any) => c.body)).toEqual(["Please both check the census"]);
    expect(blind.body.hidden).toBe(1);
    const editor = await as(desk.editor.token).get(`/api/v1/claims/${claim.id}/comments`);
    expect(editor.body.comments).toHaveLength(2);
    expect((await as(desk.reviewer.token).get(`/api/v1/articles/${article.id}/comments`)).body.comments.map((c: any) => c.body)).toEqual(["The article is open to everyone"]);

    expect((await as(desk.reviewer2.token).put(`/api/v1/claims/${claim.id}/verdicts/me`, { rating: 3, rationale: "own view" })).status).toBe(201);
    const seeing = await as(desk.reviewer2.token).get(`/api/v1/claims/${claim.id}/comments`);
    expect(seeing.body.comments).toHaveLength(2);
    expect(seeing.body.hidden).toBe(0);
  });
});

describe("mentions and notifications", () => {
  it("a mention and a reply notify; muted kinds do not; read by ids and all", async () => {
    const desk = await makeDesk();
    const { claim } = await claimOn(desk);
    const name2 = desk.reviewer2.user.name; // "Reviewer Two"
    const mention = await as(desk.editor.token).post(`/api/v1/claims/${claim.id}/comments`, { body: `@${name2} and @nobody: look at the census` });
    expect(mention.body.mentions.map((m: any) => m.id)).toEqual([desk.reviewer2.user.id]);
    const list = await as(desk.reviewer2.token).get("/api/v1/me/notifications?unread=1");
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ kind: "mention", read: false, commentId: mention.body.id, actor: { id: desk.editor.user.id }, claim: { id: claim.id } });
    expect(list.body.unread).toBe(1);

    // A reply to the editor's comment tells the editor; the replier is not told about themselves.
    await as(desk.reviewer2.token).post(`/api/v1/claims/${claim.id}/comments`, { body: "Looking", parentId: mention.body.id });
    const editorList = await as(desk.editor.token).get("/api/v1/me/notifications");
    expect(editorList.body.items.map((n: any) => n.kind)).toEqual(["reply"]);
    expect((await as(desk.reviewer2.token).get("/api/v1/me/notifications")).body.items).toHaveLength(1);

    // Muting mentions: the next mention makes nothing.
    expect((await as(desk.reviewer2.token).put("/api/v1/me/notification-settings", { muted: ["mention"] })).body.muted).toEqual(["mention"]);
    expect((await as(desk.reviewer2.token).put("/api/v1/me/notification-settings", { muted: ["weekly"] })).status).toBe(400);
    await as(desk.editor.token).post(`/api/v1/claims/${claim.id}/comments`, { body: `@${name2} again` });
    expect((await as(desk.reviewer2.token).get("/api/v1/me/notifications")).body.items).toHaveLength(1);

    const read = await as(desk.reviewer2.token).post("/api/v1/me/notifications/read", { ids: [list.body.items[0].id] });
    expect(read.body).toEqual({ marked: 1, unread: 0 });
    // Another user's notification ids mark nothing.
    expect((await as(desk.reviewer.token).post("/api/v1/me/notifications/read", { ids: [editorList.body.items[0].id] })).body.marked).toBe(0);
    expect((await as(desk.editor.token).post("/api/v1/me/notifications/read", { all: true })).body).toEqual({ marked: 1, unread: 0 });
    expect((await as(desk.editor.token).post("/api/v1/me/notifications/read", { all: false })).status).toBe(400);
  });

  it("assignment, a disagreement (editors) and an adjudication (the raters) notify", async () => {
    const desk = await makeDesk();
    const { article, claim } = await claimOn(desk);
    await as(desk.editor.token).post(`/api/v1/articles/${article.id}/assignments`, { reviewerIds: [desk.reviewer2.user.id] });
    await as(desk.reviewer.token).put(`/api/v1/claims/${claim.id}/verdicts/me`, { rating: 2, rationale: "7.7" });
    await as(desk.reviewer2.token).put(`/api/v1/claims/${claim.id}/verdicts/me`, { rating: 4, rationale: "7" });
    expect((await as(desk.editor.token).get("/api/v1/me/notifications")).body.items.map((n: any) => n.kind)).toEqual(["disagreement"]);
    await as(desk.editor.token).post(`/api/v1/claims/${claim.id}/adjudication`, { rating: 2, note: "census" });
    expect((await as(desk.reviewer2.token).get("/api/v1/me/notifications")).body.items.map((n: any) => n.kind)).toEqual(["adjudicated", "assigned"]);
    expect((await as(desk.reviewer.token).get("/api/v1/me/notifications")).body.items.map((n: any) => n.kind)).toEqual(["adjudicated"]);
  });
});

describe("the event feed over HTTP", () => {
  it("editors read it in order with a cursor; reviewers may not; verdict contents stay out; bad cursors get 400", async () => {
    const desk = await makeDesk();
    const { claim } = await claimOn(desk);
    await as(desk.reviewer.token).put(`/api/v1/claims/${claim.id}/verdicts/me`, { rating: 2, rationale: "secret reasoning" });
    const feed = await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/events`);
    expect(feed.status).toBe(200);
    const types = feed.body.events.map((e: any) => e.type);
    expect(types).toEqual(expect.arrayContaining(["article.imported", "claim.created", "verdict.given"]));
    expect(JSON.stringify(feed.body)).not.toMatch(/secret reasoning|"rating"/);
    expect(feed.body.next).toBe(feed.body.events.at(-1).cursor);
    const page = await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/events?after=${feed.body.events[0].cursor}&limit=1`);
    expect(page.body.events.map((e: any) => e.cursor)).toEqual([feed.body.events[1].cursor]);
    expect((await as(desk.reviewer.token).get(`/api/v1/projects/${desk.project.id}/events`)).status).toBe(403);
    expect((await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/events?after=abc`)).status).toBe(400);
    // Another project's cursor is not a cursor here.
    const theirs = await db.event.findFirst({ where: { projectId: { not: desk.project.id } }, select: { id: true } });
    if (theirs) expect((await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/events?after=${theirs.id}`)).status).toBe(400);
    expect((await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/events?wait=31`)).status).toBe(400);
  });

  it("a long poll answers within a second of a change", async () => {
    const desk = await makeDesk();
    const { claim } = await claimOn(desk);
    const tail = (await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/events?limit=500`)).body.next;
    const started = Date.now();
    const polling = as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/events?after=${tail}&wait=20`).then((r) => ({ r, at: Date.now() }));
    await new Promise((r) => setTimeout(r, 1_500));
    const changedAt = Date.now();
    await as(desk.reviewer.token).post(`/api/v1/claims/${claim.id}/comments`, { body: "now" });
    const { r, at } = await polling;
    expect(r.body.events.map((e: any) => e.type)).toEqual(["comment.posted"]);
    expect(changedAt - started).toBeGreaterThan(1_400);
    expect(at - changedAt).toBeLessThan(1_000);
  });
});

describe("live events across two app processes", () => {
  let second: OwnApp;
  beforeAll(async () => {
    second = await startOwnApp({ DATABASE_URL: process.env.DATABASE_URL! });
  }, 120_000);
  afterAll(async () => second?.stop());

  it("an event made through one process reaches an SSE client of the other within 2 s; other projects' members get nothing", async () => {
    const desk = await makeDesk();
    const { article } = await claimOn(desk);
    const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
    const onSecond = sseClient(`${second.url}/api/v1/projects/${desk.project.id}/live`, auth(desk.reviewer2.token));
    const outsider = sseClient(`${second.url}/api/v1/projects/${desk.other.id}/live`, auth(desk.outsider.token));
    expect(await onSecond.until((e) => e.data.type === "hello", 5_000)).toBeDefined();
    expect(await outsider.until((e) => e.data.type === "hello", 5_000)).toBeDefined();
    // The outsider cannot open this project's stream at all.
    expect((await fetch(`${second.url}/api/v1/projects/${desk.project.id}/live?once=1`, { headers: auth(desk.outsider.token) })).status).toBe(404);

    const start = article.body.indexOf("7.7 million");
    const sentAt = Date.now();
    const made = await as(desk.reviewer.token).post(`/api/v1/articles/${article.id}/claims`, { start, end: start + 11 });
    expect(made.status).toBe(201);
    const got = await onSecond.until((e) => e.data.type === "claim.created" && e.data.claimId === made.body.id, 5_000);
    expect(got).toBeDefined();
    expect(got!.at - sentAt).toBeLessThan(2_000);
    expect(got!.data).toMatchObject({ articleId: article.id, actorId: desk.reviewer.user.id });
    const comment = await as(desk.editor.token).post(`/api/v1/claims/${made.body.id}/comments`, { body: `@${desk.reviewer2.user.name} a secret-ish note` });
    const posted = await onSecond.until((e) => e.data.type === "comment.posted" && e.data.commentId === comment.body.id, 5_000);
    expect(posted).toBeDefined();
    expect(JSON.stringify(onSecond.events)).not.toContain("secret-ish");
    expect(await onSecond.until((e) => e.data.type === "notification.created", 5_000)).toBeDefined();
    await new Promise((r) => setTimeout(r, 300));
    expect(outsider.events.filter((e) => e.data.type !== "hello")).toEqual([]);
    onSecond.close();
    outsider.close();

    // Resuming from an id gives what came after it, through either process.
    const resumed = sseClient(`${base}/api/v1/projects/${desk.project.id}/live?once=1`, { ...auth(desk.reviewer.token), "Last-Event-ID": got!.id });
    await resumed.opened;
    expect(resumed.events.map((e) => e.data.type)).toEqual(["hello", "comment.posted"]);
  });

  it("presence: a heartbeat lists the user and announces them on the other process", async () => {
    const desk = await makeDesk();
    const { article } = await claimOn(desk);
    const watcher = sseClient(`${second.url}/api/v1/projects/${desk.project.id}/live`, { Authorization: `Bearer ${desk.reviewer2.token}` });
    await watcher.until((e) => e.data.type === "hello", 5_000);
    const here = await as(desk.reviewer.token).post(`/api/v1/articles/${article.id}/presence`, { state: "here" });
    expect(here.body.users.map((u: any) => u.id)).toEqual([desk.reviewer.user.id]);
    expect(here.body.users[0].expiresInMs).toBeGreaterThan(20_000);
    expect(await watcher.until((e) => e.data.type === "presence.changed" && e.data.articleId === article.id, 2_000)).toBeDefined();
    await as(desk.reviewer.token).post(`/api/v1/articles/${article.id}/presence`, { state: "gone" });
    expect((await as(desk.reviewer2.token).get(`/api/v1/articles/${article.id}/presence`)).body.users).toEqual([]);
    // A heartbeat older than the window no longer counts.
    await as(desk.reviewer.token).post(`/api/v1/articles/${article.id}/presence`, {});
    await db.presence.updateMany({ where: { articleId: article.id }, data: { seenAt: new Date(Date.now() - 31_000) } });
    expect((await as(desk.reviewer2.token).get(`/api/v1/articles/${article.id}/presence`)).body.users).toEqual([]);
    watcher.close();
  });
});
