// The event feed (lib/events): one row per audited change, written in the change's transaction,
// served in an order that later commits never land before. Compared with the audit trail.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { unsafeCreateArticle } from "@/lib/articles/create-article";
import { createClaim } from "@/lib/claims/create-claim";
import { putVerdict } from "@/lib/verdicts/put-verdict";
import { eventTypeOf } from "@/lib/events/derive-event";
import { readEvents, type FeedEvent } from "@/lib/events/internal/read-events";
import { waitForEvents } from "@/lib/events/internal/wait-for-events";
import { listener } from "@/lib/events/listener";
import { makeDesk, unique } from "../factories";

const WORDS = Array.from({ length: 60 }, (_, i) => `word${String(i).padStart(2, "0")}`);

async function deskWithArticle() {
  const desk = await makeDesk();
  const body = `${WORDS.join(" ")} ${unique("ref")}.`;
  const articleId = await unsafeCreateArticle({ projectId: desk.project.id, createdById: desk.editor.user.id, input: { title: "Feed", body, language: "en" } });
  return { desk, articleId, body };
}

/** Follows the feed from the start until `stop()` says so and it has caught up. */
async function follow(projectId: string, stop: () => boolean) {
  const seen: FeedEvent[] = [];
  let after: bigint | null = null;
  for (;;) {
    const done = stop();
    const batch = await readEvents(projectId, after, 7);
    seen.push(...batch);
    if (batch.length) after = BigInt(batch[batch.length - 1].cursor);
    else if (done) return seen;
    else await new Promise((r) => setTimeout(r, 5));
  }
}

afterAll(() => listener.stop());

describe("the event feed", () => {
  it("under concurrent writers has every audited change exactly once, none missing, none repeated", async () => {
    const { desk, articleId, body } = await deskWithArticle();
    let writing = true;
    const reader = follow(desk.project.id, () => !writing);
    const reviewers = [desk.reviewer.actor, desk.reviewer2.actor];
    // 30 claims, ten at a time, each followed by two verdicts (which may dispute it): ~90
    // transactions, up to ten in flight at once (the pool's size), all while the reader follows.
    for (let wave = 0; wave < 3; wave++) {
      await Promise.all(
        WORDS.slice(wave * 10, wave * 10 + 10).map(async (w, j) => {
          const i = wave * 10 + j;
          const start = body.indexOf(w);
          const claim = await createClaim({ actor: reviewers[i % 2], articleId, input: { start, end: start + w.length } });
          for (const [r, actor] of reviewers.entries()) {
            await putVerdict({ actor, claimId: claim.id, input: { rating: String(1 + ((i + r * (i % 3)) % 5)) as "1", rationale: `why ${i}` } });
          }
        }),
      );
    }
    writing = false;
    const seen = await reader;

    const cursors = seen.map((e) => e.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);
    const audit = await db.auditEvent.findMany({ where: { projectId: desk.project.id }, orderBy: { id: "asc" } });
    const expected = audit.map((a) => eventTypeOf(a.entity as never, a.action, a.after)).filter(Boolean).sort();
    expect(seen.map((e) => e.type).sort()).toEqual(expected);
    expect(seen.filter((e) => e.type === "claim.created")).toHaveLength(30);
    expect(seen.filter((e) => e.type === "verdict.given")).toHaveLength(60);
    // Read again from the start in one go: the same events in the same order.
    expect((await readEvents(desk.project.id, null, 1000)).map((e) => e.cursor)).toEqual(cursors);
    // Verdict contents never reach the feed.
    for (const e of seen.filter((e) => e.type.startsWith("verdict."))) expect(JSON.stringify(e.data)).not.toMatch(/rating|rationale|why/);
  });

  it("holds back an event that committed while an older transaction is still open, then serves both in order", async () => {
    const { desk } = await deskWithArticle();
    const projectId = desk.project.id;
    const tail = await readEvents(projectId, null, 1000);
    const after = BigInt(tail[tail.length - 1].cursor);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let slowWrote!: () => void;
    const wrote = new Promise<void>((r) => (slowWrote = r));
    // A slow transaction takes its event id first and stays open.
    const slow = db.$transaction(async (tx) => {
      await writeAudit(tx, { actorId: desk.editor.user.id, projectId, entity: "project", entityId: projectId, action: "settings", after: { n: "slow" } });
      slowWrote();
      await held;
    }, { timeout: 20_000 });
    await wrote;
    // A fast one takes a larger id and commits.
    await db.$transaction((tx) => writeAudit(tx, { actorId: desk.editor.user.id, projectId, entity: "project", entityId: projectId, action: "settings", after: { n: "fast" } }));
    const ids = (await db.event.findMany({ where: { projectId, id: { gt: after } }, orderBy: { id: "asc" }, select: { id: true } })).map((e) => e.id);
    expect(ids).toHaveLength(1); // only the committed one is visible at all
    // The feed does not serve it yet: a reader moving past it would never see the slow one.
    expect(await readEvents(projectId, after, 100)).toEqual([]);
    release();
    await slow;
    const both = await readEvents(projectId, after, 100);
    expect(both.map((e) => e.type)).toEqual(["project.updated", "project.updated"]);
    // The slow transaction's event (the smaller id) first, then the fast one's.
    expect(BigInt(both[0].cursor) < ids[0]).toBe(true);
    expect(both[1].cursor).toBe(ids[0].toString());
  });

  it("writes nothing for a transaction that rolls back", async () => {
    const { desk } = await deskWithArticle();
    const projectId = desk.project.id;
    const before = await db.event.count({ where: { projectId } });
    await expect(
      db.$transaction(async (tx) => {
        await writeAudit(tx, { actorId: null, projectId, entity: "project", entityId: projectId, action: "settings" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.event.count({ where: { projectId } })).toBe(before);
  });

  it("a long poll returns within a second of a commit", async () => {
    const { desk } = await deskWithArticle();
    const projectId = desk.project.id;
    const tail = await readEvents(projectId, null, 1000);
    const after = BigInt(tail[tail.length - 1].cursor);
    const started = Date.now();
    const polling = waitForEvents({ projectId, after, limit: 10, waitMs: 10_000 }).then((events) => ({ events, at: Date.now() }));
    await new Promise((r) => setTimeout(r, 1_500));
    const wroteAt = Date.now();
    await db.$transaction((tx) => writeAudit(tx, { actorId: null, projectId, entity: "project", entityId: projectId, action: "settings" }));
    const { events, at } = await polling;
    expect(events.map((e) => e.type)).toEqual(["project.updated"]);
    expect(wroteAt - started).toBeGreaterThanOrEqual(1_400); // it did wait
    expect(at - wroteAt).toBeLessThan(1_000);
  });
});
