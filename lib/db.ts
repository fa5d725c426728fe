import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// The one Prisma client on the primary, and one on the read replica when DATABASE_REPLICA_URL
// is set (lib/database/replica.ts decides when to use it). Held on globalThis so a dev
// server's reloads reuse their pools.
const globalForDb = globalThis as unknown as { sanadDb?: PrismaClient; sanadPool?: pg.Pool; sanadReplicaDb?: PrismaClient | null; sanadReplicaPool?: pg.Pool };

// Which pg connection a Prisma interactive transaction runs on (see withConnection below): the
// adapter starts a transaction with the promise form of `pool.connect()`, inside the caller's
// async context; plain queries use the callback form and are not recorded.
const connectionOfTransaction = new AsyncLocalStorage<{ client?: pg.PoolClient }>();
class Pool extends pg.Pool {
  connect(): Promise<pg.PoolClient>;
  connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void) {
    if (callback) return super.connect(callback);
    const scope = connectionOfTransaction.getStore();
    return super.connect().then((client) => {
      if (scope && !scope.client) scope.client = client;
      return client;
    });
  }
}

/**
 * Prisma's adapter factory, making a fresh pool (of the class above) each time Prisma connects:
 * db.$disconnect() ends the pool (the command line's last step, which tests run in-process), and
 * the next query connects again through here, so the pool queryRows and withConnection use is
 * always the one Prisma's connection runs on.
 */
function adapterFactory(config: pg.PoolConfig, onPool: (pool: pg.Pool) => void) {
  const factory = new PrismaPg(config);
  return {
    provider: factory.provider as "postgres",
    adapterName: factory.adapterName,
    connect() {
      const pool = new Pool(config);
      onPool(pool);
      return new PrismaPg(pool, { disposeExternalPool: true }).connect();
    },
  };
}

function createClient(connectionString: string, applicationName: string, onPool: (pool: pg.Pool) => void = () => {}): PrismaClient {
  const config: pg.PoolConfig = {
    connectionString,
    max: Number(process.env.SANAD_DB_POOL_SIZE || 10),
    // Fail fast when PostgreSQL is away, so callers answer 503 instead of hanging.
    connectionTimeoutMillis: 5_000,
    // Seen in pg_stat_activity: which connections are Sanad's, and which read the replica.
    application_name: applicationName,
  };
  return new PrismaClient({ adapter: adapterFactory(config, onPool) });
}

function primary(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return createClient(url, "sanad", (pool) => (globalForDb.sanadPool = pool));
}

export const db: PrismaClient = (globalForDb.sanadDb ??= primary());

/**
 * Rows of one raw statement, built with Prisma.sql: inside a transaction on its client, else
 * straight on the primary's pool (the one Prisma uses). Prisma plans even a raw statement in its
 * query compiler: ~0.6-0.8 ms of CPU a call against ~0.15 ms for the same query on the pool
 * (docs/benchmarks.md), so the hottest path (claim creation) uses this. Pass no Date values:
 * pg would send them in local time; pass `toISOString()` and cast (`::timestamp`) instead.
 * Rows come as pg parses them: read timestamps as text or compare them in SQL.
 */
export async function queryRows<T>(sql: Prisma.Sql, tx?: Prisma.TransactionClient): Promise<T[]> {
  if (tx) return tx.$queryRaw<T[]>(sql);
  return queryRowsOn<T>(db, sql);
}

/**
 * queryRows on a given client: `db`, or the replica's client that readDb() chose, straight on
 * that client's pool. Any other client (a transaction's) runs the statement through Prisma.
 */
export async function queryRowsOn<T>(client: PrismaClient, sql: Prisma.Sql): Promise<T[]> {
  const pool = client === db ? globalForDb.sanadPool : client === globalForDb.sanadReplicaDb ? globalForDb.sanadReplicaPool : undefined;
  // Before Prisma's first connection, or after $disconnect() ended the pool: Prisma connects
  // (again), through adapterFactory, and the next call finds its pool.
  if (!pool || pool.ending) return client.$queryRaw<T[]>(sql);
  return (await pool.query(sql.text, sql.values as unknown[])).rows as T[];
}

/**
 * An interactive transaction on the primary that also hands `work` the pg connection it runs on,
 * for bulk statements with megabytes of parameters: Prisma copies every query's values through
 * its query compiler (WebAssembly memory that never shrinks), plain `pg` sends them as they are.
 * Statements on `connection` are part of the transaction: they commit or roll back with it.
 */
export async function withConnection<T>(
  work: (tx: Prisma.TransactionClient, connection: pg.ClientBase) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  const scope: { client?: pg.PoolClient } = {};
  return connectionOfTransaction.run(scope, () =>
    db.$transaction(async (tx) => {
      const client = scope.client;
      // Never write outside the transaction: the connection must be the transaction's own.
      const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      if (!client || (client as unknown as { processID?: number }).processID !== pid) throw new Error("withConnection: the transaction's connection is not known");
      return work(tx, client);
    }, options),
  );
}

/** The client on DATABASE_REPLICA_URL, or null when none is set. Use readDb(), not this. */
export function replicaClient(): PrismaClient | null {
  if (globalForDb.sanadReplicaDb === undefined) {
    const url = process.env.DATABASE_REPLICA_URL;
    globalForDb.sanadReplicaDb = url ? createClient(url, "sanad-replica-reader", (pool) => (globalForDb.sanadReplicaPool = pool)) : null;
  }
  return globalForDb.sanadReplicaDb;
}
