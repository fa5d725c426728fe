// What the machine can do without Sanad: plain `pg` from this process on the same database,
// 32 concurrent clients, each with its own connection. Two workloads:
// - insert: one claim-like row per operation (autocommit);
// - claimStatements: the statements Sanad issues to create one claim (token, article, membership,
//   sentences and figure lookups, then BEGIN, claim insert, audit insert, COMMIT), as raw SQL.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { claimFixture, CONCURRENCY } from "./claim-create";
import { hashToken } from "@/lib/auth/token-hash";
import { log, median, nowMs, percentile, round } from "../lib/stats";

async function drive(pool: pg.Pool, amount: number, op: (client: pg.PoolClient, i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = nowMs();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const client = await pool.connect();
      try {
        for (let i = next++; i < amount; i = next++) {
          const s = nowMs();
          await op(client, i);
          latencies.push(nowMs() - s);
        }
      } finally {
        client.release();
      }
    }),
  );
  const seconds = (nowMs() - t0) / 1000;
  return { opsPerS: latencies.length / seconds, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
}

export async function runRawPg({ databaseUrl, amount = 5000, n = 3 }: { databaseUrl: string; amount?: number; n?: number }) {
  const fx = await claimFixture("rawpg");
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  const first = fx.requests[0];
  const articleId = first.path.split("/")[4];
  const author = await pool.query("SELECT user_id FROM api_tokens WHERE token_hash = $1", [hashToken(first.token)]);
  const userId: string = author.rows[0].user_id;
  const text = "تمكن من تحرير نحو 7 ملايين شخص إضافة لـ 110 آلاف كم مربع من الأراضي";
  const insertClaim = `INSERT INTO claims (id, project_id, article_id, start, "end", text, prefix, suffix, sentence_indexes, kind, note, quantity_value, quantity_kind, quantity_unit, created_by_id, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '', $11, 'count', 'people', $12, now()) RETURNING *`;
  const claimArgs = (i: number) => [`raw${randomUUID().replace(/-/g, "")}`, fx.projectId, articleId, 100 + (i % 50), 170 + (i % 50), text, "أعلن المتحدث باسم التحالف الدولي ", " من قبضة تنظيم داعش", [3], "figure", 7_000_000, userId];
  try {
    const insert = async (c: pg.PoolClient, i: number) => {
      await c.query(insertClaim, claimArgs(i));
    };
    const statements = async (c: pg.PoolClient, i: number) => {
      const r = fx.requests[i % fx.requests.length];
      const body = r.body as { start: number; end: number };
      await c.query("SELECT t.*, u.* FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1", [hashToken(r.token)]);
      const art = await c.query("SELECT * FROM articles WHERE id = $1", [r.path.split("/")[4]]);
      await c.query("SELECT * FROM memberships WHERE project_id = $1 AND user_id = $2", [art.rows[0].project_id, userId]);
      await c.query('SELECT index FROM sentences WHERE article_id = $1 AND start < $2 AND "end" > $3 ORDER BY index', [art.rows[0].id, body.end, body.start]);
      await c.query('SELECT * FROM quantities WHERE article_id = $1 AND start >= $2 AND "end" <= $3 ORDER BY index LIMIT 1', [art.rows[0].id, body.start, body.end]);
      await c.query("BEGIN");
      const claim = await c.query(insertClaim, claimArgs(i));
      await c.query("INSERT INTO audit_events (project_id, actor_id, entity, entity_id, action, after) VALUES ($1, $2, 'claim', $3, 'create', $4)", [fx.projectId, userId, claim.rows[0].id, JSON.stringify(claim.rows[0])]);
      await c.query("COMMIT");
    };
    const out: Record<string, unknown> = { concurrency: CONCURRENCY };
    for (const [name, op] of [["insert", insert], ["claimStatements", statements]] as const) {
      await drive(pool, 500, op);
      const rounds = [];
      for (let k = 0; k < n; k++) {
        const r = await drive(pool, amount, op);
        rounds.push(r);
        log(`rawPg ${name} round ${k + 1}: ${r.opsPerS.toFixed(0)} ops/s, p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms`);
      }
      out[name] = {
        opsPerS: round(median(rounds.map((r) => r.opsPerS))),
        p50Ms: round(median(rounds.map((r) => r.p50Ms))),
        p95Ms: round(median(rounds.map((r) => r.p95Ms))),
      };
    }
    return out;
  } finally {
    await pool.end();
  }
}
