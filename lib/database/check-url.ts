import pg from "pg";
import { DatabaseStartError } from "@/lib/database/embedded-postgres";

/** Connects once, so a wrong DATABASE_URL is reported in a sentence, not a stack trace. */
export async function checkDatabaseUrl(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (e) {
    const where = (() => {
      try {
        const u = new URL(url);
        return `${u.hostname}:${u.port || 5432}${u.pathname}`;
      } catch {
        return "(unparseable URL)";
      }
    })();
    throw new DatabaseStartError(`cannot reach the database at ${where} (DATABASE_URL): ${(e as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}
