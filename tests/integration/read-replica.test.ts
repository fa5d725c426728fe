// Reads that may lag go to a real streaming replica (a second PostgreSQL following the first's
// WAL); when it is far behind or down they go to the primary, with a log line, never an error.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startPrimaryWithReplica, type ReplicaCluster } from "../setup/replica-cluster";

let cluster: ReplicaCluster;
let replica: pg.Client;
// The app's modules read DATABASE_URL and DATABASE_REPLICA_URL when first imported: loaded
// only once they point at this cluster.
let app: {
  factories: typeof import("../factories");
  createArticle: typeof import("@/lib/articles/create-article").unsafeCreateArticle;
  createClaim: typeof import("@/lib/claims/create-claim").createClaim;
  exportStream: typeof import("@/lib/export/export-project").unsafeExportStream;
  db: typeof import("@/lib/db").db;
  replicaClient: typeof import("@/lib/db").replicaClient;
};

beforeAll(async () => {
  cluster = await startPrimaryWithReplica();
  process.env.DATABASE_URL = cluster.primaryUrl;
  process.env.DATABASE_REPLICA_URL = cluster.replicaUrl;
  process.env.SANAD_REPLICA_MAX_LAG_SECONDS = "4";
  process.env.LOG_LEVEL = "info";
  replica = new pg.Client({ connectionString: cluster.replicaUrl });
  await replica.connect();
  app = {
    factories: await import("../factories"),
    createArticle: (await import("@/lib/articles/create-article")).unsafeCreateArticle,
    createClaim: (await import("@/lib/claims/create-claim")).createClaim,
    exportStream: (await import("@/lib/export/export-project")).unsafeExportStream,
    db: (await import("@/lib/db")).db,
    replicaClient: (await import("@/lib/db")).replicaClient,
  };
}, 180_000);

afterAll(async () => {
  await replica?.end().catch(() => {});
  await app?.replicaClient()?.$disconnect();
  await app?.db.$disconnect();
  await cluster?.stop();
});

const BODY = "قال المتحدث إن 40 مدرسة فتحت أبوابها هذا الأسبوع. وأضاف أن 12 مدرسة أخرى ستفتح الشهر المقبل. ولم يذكر عدد الطلاب.";

async function exportedIds(projectId: string): Promise<string[]> {
  const stream = await app.exportStream({ format: "jsonl", filter: { projectId, status: "all" }, baseUrl: "https://sanad.example" });
  const text = await new Response(stream).text();
  return text.split("\n").filter(Boolean).map((l) => JSON.parse(l).id).sort();
}

async function onReplica(sql: string, values: unknown[] = []) {
  return (await replica.query(sql, values)).rows;
}

/** Waits until the replica has replayed everything the primary has written so far. */
async function caughtUp() {
  const [{ lsn }] = (await app.db.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`);
  for (let i = 0; i < 300; i++) {
    const [r] = await onReplica("SELECT pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn()) <= 0 AS done", [lsn]);
    if (r.done) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the replica did not catch up");
}

/** Everything the app wrote to standard error while `run` ran. */
async function stderrOf<T>(run: () => Promise<T>): Promise<{ value: T; lines: string[] }> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    return { value: await run(), lines };
  } finally {
    spy.mockRestore();
  }
}

const CHECK_EVERY_MS = 5_000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("read replica", () => {
  it("streams the primary's writes, serves the export from the replica, and falls back to the primary when it lags or is down", async () => {
    const { makeProject, makeUser, addMember } = app.factories;
    const project = await makeProject();
    const { user, actor } = await makeUser({ name: "Reviewer" });
    await addMember(project.id, user.id, "reviewer");
    const articleId = await app.createArticle({ projectId: project.id, createdById: user.id, input: { title: "مدارس", body: BODY } });
    const claim = (text: string) => {
      const start = BODY.indexOf(text);
      return app.createClaim({ actor, articleId, input: { start, end: start + text.length } });
    };
    const first = await claim("40 مدرسة");
    const second = await claim("12 مدرسة");

    // Rows written on the primary are on the replica, which refuses writes.
    await caughtUp();
    expect((await onReplica("SELECT id FROM claims WHERE project_id = $1 ORDER BY id", [project.id])).map((r) => r.id)).toEqual([first.id, second.id].sort());
    expect((await onReplica("SELECT pg_is_in_recovery() AS standby"))[0].standby).toBe(true);
    await expect(replica.query("DELETE FROM claims")).rejects.toThrow(/read-only/);

    // Replay paused: a claim written now is on the primary only. The export does not show it:
    // it read the replica, through the replica reader's own connections.
    await onReplica("SELECT pg_wal_replay_pause()");
    const third = await claim("عدد الطلاب");
    expect(await exportedIds(project.id)).toEqual([first.id, second.id].sort());
    const readers = await onReplica("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'sanad-replica-reader'");
    expect(readers[0].n).toBeGreaterThan(0);

    // Still paused, long enough to be more than SANAD_REPLICA_MAX_LAG_SECONDS behind and for the
    // last check to expire: the export reads the primary and has the new claim; one log line says why.
    await pause(CHECK_EVERY_MS + 1_000);
    const behind = await stderrOf(() => exportedIds(project.id));
    expect(behind.value).toEqual([first.id, second.id, third.id].sort());
    const behindLines = behind.lines.filter((l) => l.includes("reads that may lag go to the primary"));
    expect(behindLines).toHaveLength(1);
    expect(JSON.parse(behindLines[0])).toMatchObject({ level: "warn", reason: expect.stringMatching(/behind \(more than 4 s\)/) });

    // Replay resumed: the replica has caught up, and the export goes back to it.
    await onReplica("SELECT pg_wal_replay_resume()");
    await caughtUp();
    await pause(CHECK_EVERY_MS + 500);
    const back = await stderrOf(() => exportedIds(project.id));
    expect(back.value).toEqual([first.id, second.id, third.id].sort());
    expect(back.lines.filter((l) => l.includes("reads that may lag go to the primary"))).toHaveLength(0);

    // The replica stopped: the export still works, from the primary, with one log line.
    await replica.end();
    await cluster.stopReplica();
    const down = await stderrOf(() => exportedIds(project.id));
    expect(down.value).toEqual([first.id, second.id, third.id].sort());
    const downLines = down.lines.filter((l) => l.includes("reads that may lag go to the primary"));
    expect(downLines).toHaveLength(1);
    expect(JSON.parse(downLines[0]).reason).toMatch(/replica/);
    // And again: no further line while the replica stays away.
    const again = await stderrOf(() => exportedIds(project.id));
    expect(again.value).toHaveLength(3);
    expect(again.lines.filter((l) => l.includes("reads that may lag"))).toHaveLength(0);
  }, 120_000);
});
