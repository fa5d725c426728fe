// For developers: start Sanad's embedded PostgreSQL alone and print its URL (Ctrl-C stops it).
import { startEmbeddedPostgres } from "../lib/database/embedded-postgres";

const dataDir = process.env.SANAD_DATA_DIR || ".data";
const pg = await startEmbeddedPostgres({ dataDir, databases: ["sanad"] });
console.log(pg.url("sanad"));
const stop = async () => {
  await pg.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
