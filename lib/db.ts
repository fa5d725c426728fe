import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The one Prisma client on the primary, and one on the read replica when DATABASE_REPLICA_URL
// is set (lib/database/replica.ts decides when to use it). Held on globalThis so a dev
// server's reloads reuse their pools.
const globalForDb = globalThis as unknown as { sanadDb?: PrismaClient; sanadReplicaDb?: PrismaClient | null };

function createClient(connectionString: string, applicationName: string): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.SANAD_DB_POOL_SIZE || 10),
    // Fail fast when PostgreSQL is away, so callers answer 503 instead of hanging.
    connectionTimeoutMillis: 5_000,
    // Seen in pg_stat_activity: which connections are Sanad's, and which read the replica.
    application_name: applicationName,
  });
  return new PrismaClient({ adapter });
}

function primary(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return createClient(url, "sanad");
}

export const db: PrismaClient = (globalForDb.sanadDb ??= primary());

/** The client on DATABASE_REPLICA_URL, or null when none is set. Use readDb(), not this. */
export function replicaClient(): PrismaClient | null {
  if (globalForDb.sanadReplicaDb === undefined) {
    const url = process.env.DATABASE_REPLICA_URL;
    globalForDb.sanadReplicaDb = url ? createClient(url, "sanad-replica-reader") : null;
  }
  return globalForDb.sanadReplicaDb;
}
