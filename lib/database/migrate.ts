import { spawn } from "node:child_process";
import path from "node:path";

export class MigrationError extends Error {}

// `prisma migrate deploy` through Prisma's WebAssembly schema engine (see prisma.config.ts).
export async function migrateDeploy(databaseUrl: string, cwd = process.cwd()): Promise<string> {
  const cli = path.join(cwd, "node_modules", "prisma", "build", "index.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "migrate", "deploy"], {
      cwd,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", (e) => reject(new MigrationError(`Could not run prisma: ${e.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve(output);
      else reject(new MigrationError(`Database migration failed:\n${output.trim().split("\n").slice(-15).join("\n")}`));
    });
  });
}
