import "server-only";
import { db, replicaClient } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Reads that may lag a moment behind the last write (exports, the dashboard, agreement) go to
 * the streaming replica of DATABASE_REPLICA_URL when there is one, it answers, and it is at
 * most SANAD_REPLICA_MAX_LAG_SECONDS behind; otherwise to the primary, with one log line when
 * that changes, never an error. Writes, and reads that must see the caller's own writes, use
 * `db` (the primary) as before.
 *
 * Why not @prisma/extension-read-replicas: it sends every read to the replica unless told
 * otherwise (here only a few reads may lag), it has no notion of a replica that is down or
 * behind, and its extended client is a type of its own that every operation would inherit.
 */

/** How long a verdict on the replica's health is kept before it is checked again. */
const CHECK_EVERY_MS = 5_000;
/** A check that takes longer than this counts as a replica that is down. */
const CHECK_TIMEOUT_MS = 2_000;

type Health = { ok: true; lagSeconds: number } | { ok: false; reason: string };

let checked: { at: number; health: Promise<Health> } | null = null;
let lastOk: boolean | null = null;

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
  ]);
}

/**
 * How far behind the replica is: nothing when it has replayed all the primary has written
 * (its replay position is the primary's write position); else the age of the last
 * transaction it replayed, which is how old its view of the data is.
 */
async function measure(replica: PrismaClient): Promise<Health> {
  try {
    const [{ lsn }] = await within(db.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`, CHECK_TIMEOUT_MS);
    const [r] = await within(
      replica.$queryRaw<{ standby: boolean; behindBytes: number | null; lagSeconds: number | null }[]>`
        SELECT pg_is_in_recovery() AS standby,
               pg_wal_lsn_diff(${lsn}::pg_lsn, pg_last_wal_replay_lsn())::float8 AS "behindBytes",
               EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 AS "lagSeconds"`,
      CHECK_TIMEOUT_MS,
    );
    if (!r.standby) return { ok: false, reason: "DATABASE_REPLICA_URL is not a standby (pg_is_in_recovery() is false)" };
    const lagSeconds = r.behindBytes !== null && r.behindBytes <= 0 ? 0 : (r.lagSeconds ?? Infinity);
    const max = getEnv().SANAD_REPLICA_MAX_LAG_SECONDS;
    if (lagSeconds > max) return { ok: false, reason: `the replica is ${Number.isFinite(lagSeconds) ? lagSeconds.toFixed(1) + " s" : "an unknown time"} behind (more than ${max} s)` };
    return { ok: true, lagSeconds };
  } catch (e) {
    return { ok: false, reason: `the replica does not answer: ${(e as Error).message.split("\n")[0]}` };
  }
}

function note(health: Health) {
  if (health.ok === lastOk) return;
  // The first verdict, and every change, is logged once; not every read.
  if (health.ok) log.info("reads that may lag go to the replica", { lagSeconds: health.lagSeconds });
  else log.warn("reads that may lag go to the primary", { reason: health.reason });
  lastOk = health.ok;
}

async function health(replica: PrismaClient): Promise<Health> {
  const now = Date.now();
  if (!checked || now - checked.at > CHECK_EVERY_MS) {
    const h = measure(replica).then((x) => (note(x), x));
    checked = { at: now, health: h };
  }
  return checked.health;
}

/** The client for a read that may lag: the replica when it is fit for it, else the primary. */
export async function readDb(): Promise<PrismaClient> {
  const replica = replicaClient();
  if (!replica) return db;
  return (await health(replica)).ok ? replica : db;
}

/**
 * Runs a read that may lag on readDb(); if the replica fails it (it went away since it was
 * last checked), the read is run again on the primary, and the replica is not used again
 * until a check finds it fit.
 */
export async function onReadDb<T>(read: (client: PrismaClient) => Promise<T>): Promise<T> {
  const client = await readDb();
  if (client === db) return read(db);
  try {
    return await read(client);
  } catch (e) {
    const down: Health = { ok: false, reason: `a read on the replica failed: ${(e as Error).message.split("\n")[0]}` };
    note(down);
    checked = { at: Date.now(), health: Promise.resolve(down) };
    return read(db);
  }
}
