// `npm start` on a fresh clone: install what package-lock.json pins (when not yet installed),
// then hand over to the TypeScript server script.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

export function ensureDependencies() {
  const marker = "node_modules/.package-lock.json";
  const stale = !existsSync(marker) || statSync("package-lock.json").mtimeMs > statSync(marker).mtimeMs + 1000;
  if (!stale && existsSync("lib/generated/prisma/client.ts")) return;
  console.error("Sanad: installing dependencies (npm ci)…");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error("Sanad: `npm ci` failed; see the messages above.");
    process.exit(result.status ?? 1);
  }
}

/** Commands of `sanad` that stream a whole project, and the old-generation cap they run with. */
const BULK_COMMANDS = ["backup", "restore", "export"];
const BULK_OLD_SPACE_MB = 192;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  ensureDependencies();
  const [target = "scripts/serve.ts", ...rest] = process.argv.slice(2);
  // A .ts script runs under tsx with the react-server condition (so `server-only` modules load
  // outside Next); anything else is a binary of node_modules/.bin (vitest, next).
  // The bulk commands hold a batch at a time, whatever the size of the project (no map grows
  // with it: docs/benchmarks.md), so their old generation is capped: with Node's default, V8
  // lets the garbage of the batches pile up to several hundred MB before a full collection.
  // An explicit --max-old-space-size in NODE_OPTIONS wins.
  const bulk = target === "scripts/sanad.ts" && BULK_COMMANDS.includes(rest[0]) && !/max-old-space-size/.test(process.env.NODE_OPTIONS ?? "");
  const args = target.endsWith(".ts")
    ? [...(bulk ? [`--max-old-space-size=${BULK_OLD_SPACE_MB}`] : []), "--conditions=react-server", "--import", "tsx", target, ...rest]
    : [`node_modules/.bin/${target}`, ...rest];
  const child = spawn(process.execPath, args, { stdio: "inherit" });
  // Ctrl-C reaches the whole process group; the child shuts down in order, we wait for it.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
