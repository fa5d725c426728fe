import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The one Prisma client. Held on globalThis so a dev server's reloads reuse its pool.
const globalForDb = globalThis as unknown as { sanadDb?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.SANAD_DB_POOL_SIZE || 10),
    // Fail fast when PostgreSQL is away, so callers answer 503 instead of hanging.
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = (globalForDb.sanadDb ??= createClient());
