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

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  ensureDependencies();
  const [target = "scripts/serve.ts", ...rest] = process.argv.slice(2);
  // A .ts script runs under tsx with the react-server condition (so `server-only` modules load
  // outside Next); anything else is a binary of node_modules/.bin (vitest, next).
  const args = target.endsWith(".ts")
    ? ["--conditions=react-server", "--import", "tsx", target, ...rest]
    : [`node_modules/.bin/${target}`, ...rest];
  const child = spawn(process.execPath, args, { stdio: "inherit" });
  // Ctrl-C reaches the whole process group; the child shuts down in order, we wait for it.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
