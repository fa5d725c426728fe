import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { CliError } from "@/cli/errors";
import { resolveProject } from "@/cli/resolve";
import { unsafeExportStream } from "@/lib/export/export-project";
import { backupLines } from "@/lib/backup/backup-project";
import { BackupRefused, restoreProject } from "@/lib/backup/restore-project";
import { exportQuerySchema } from "@/lib/validation/export";
import { parseWith } from "@/lib/validation/parse";
import { publicBaseUrl } from "@/lib/public-url";
import { db } from "@/lib/db";

/** Writes to FILE through a temporary name, so a failed run never leaves a half file behind. */
async function writeOut(source: Readable, out: string | undefined) {
  if (!out || out === "-") {
    await pipeline(source, process.stdout as unknown as Writable, { end: false });
    return;
  }
  const partial = `${out}.partial`;
  try {
    await pipeline(source, createWriteStream(partial));
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
  await rename(partial, out);
}

/** `export`, `backup`, `restore`: read and write a project as files. None writes an audit row (a restore copies the backup's). */
export async function runDataCommand(args: string[], command: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      project: { type: "string" },
      format: { type: "string" },
      status: { type: "string" },
      article: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      out: { type: "string" },
    },
    allowPositionals: true,
  });
  switch (command) {
    case "export": {
      const project = await resolveProject(values.project);
      const query = parseWith(exportQuerySchema, { format: values.format, status: values.status, articleId: values.article, from: values.from, to: values.to });
      const stream = await unsafeExportStream({
        format: query.format,
        filter: { projectId: project.id, status: query.status, articleId: query.articleId, from: query.from, to: query.to },
        baseUrl: publicBaseUrl(),
      });
      await writeOut(Readable.fromWeb(stream as import("node:stream/web").ReadableStream), values.out);
      if (values.out) console.error(`exported to ${values.out}`);
      return 0;
    }
    case "backup": {
      const project = await resolveProject(values.project);
      if (!values.out) throw new CliError("backup needs --out FILE.");
      await writeOut(Readable.from(backupLines(project.id)), values.out);
      console.error(`backed up "${project.name}" to ${values.out}`);
      return 0;
    }
    case "restore": {
      if (positionals.length !== 1) throw new CliError("restore needs one FILE.");
      try {
        const { projectId } = await restoreProject(positionals[0]);
        const p = await db.project.findUniqueOrThrow({ where: { id: projectId } });
        console.log(`restored "${p.name}" as a new project: ${projectId}`);
        return 0;
      } catch (e) {
        if (e instanceof BackupRefused) throw new CliError(`restore refused: ${e.message}`);
        throw e;
      }
    }
  }
  throw new CliError(`Unknown command ${command}.`);
}
