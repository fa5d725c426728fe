import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { EnvError } from "@/lib/env";
import { analyze, formatReport } from "@/lib/text";
import { connectDatabase, disconnectDatabase } from "@/lib/cli/database";

export const USAGE = `Usage: npm run -s sanad -- <command>

  analyze [--json] FILE            the text analysis of one article (FILE "-" reads standard input)
  user add --email E --name N [--admin]      password read from standard input
  user deactivate --email E        ends every session and API token of theirs at once
  user reactivate --email E
  user reset-password --email E    prints a one-time reset link (24 hours) to pass on
  project add --name N [--language ar|en]
  member add --project P --email E --role reviewer|editor
  member remove --project P --email E
  token create --email E [--label L]         prints a new API token once
  import --project P FILE.jsonl    one article per line
  export --project P --format jsonl|csv|claimreview|webannotation [--status verified|all]
         [--article ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]
  backup --project P --out FILE
  restore FILE
  fact-checks import --project P [--json] FILE   other desks' ClaimReview JSON-LD (streamed)
  search --project P [--type claims|articles|fact-checks] [--limit N] [--json] "QUERY"

P is a project's id or its exact name.`;

export class CliError extends Error {}

export function readInput(file: string): string {
  const buffer = file === "-" ? readFileSync(0) : readFileSync(file);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    throw new CliError(`${file === "-" ? "standard input" : file} is not valid UTF-8 text.`);
  }
}

async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  await connectDatabase();
  try {
    return await work();
  } finally {
    await disconnectDatabase();
  }
}

export async function runCli(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  try {
    switch (command) {
      case "analyze": {
        const { values, positionals } = parseArgs({ args: argv.slice(1), options: { json: { type: "boolean" }, language: { type: "string" } }, allowPositionals: true });
        if (positionals.length !== 1) throw new CliError("analyze needs one FILE (or - for standard input).");
        const result = analyze(readInput(positionals[0]), { language: values.language });
        process.stdout.write(values.json ? JSON.stringify(result) + "\n" : formatReport(result) + "\n");
        return 0;
      }
      case "user":
      case "project":
      case "member":
      case "token": {
        // Modules that hold the database client load only once DATABASE_URL points somewhere.
        return await withDatabase(async () => (await import("@/lib/cli/admin-commands")).runAdminCommand(command, sub, argv.slice(2)));
      }
      case "import": {
        return await withDatabase(async () => (await import("@/lib/cli/import-command")).runImport(argv.slice(1)));
      }
      case "export":
      case "backup":
      case "restore": {
        return await withDatabase(async () => (await import("@/lib/cli/data-commands")).runDataCommand(command, argv.slice(1)));
      }
      case "fact-checks": {
        return await withDatabase(async () => (await import("@/lib/cli/fact-check-command")).runFactChecks(sub, argv.slice(2)));
      }
      case "search": {
        return await withDatabase(async () => (await import("@/lib/cli/search-command")).runSearch(argv.slice(1)));
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(USAGE + "\n");
        return command ? 0 : 2;
      default:
        throw new CliError(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof CliError || e instanceof EnvError) {
      process.stderr.write(`sanad: ${e.message}\n`);
      return 2;
    }
    if (e instanceof AppError) {
      const fields = e.details.fields ? " (" + Object.entries(e.details.fields).map(([k, v]) => `${k}: ${v}`).join("; ") + ")" : "";
      process.stderr.write(`sanad: ${e.message}${fields}\n`);
      return 1;
    }
    if (e instanceof Error && /ENOENT/.test(e.message)) {
      process.stderr.write(`sanad: ${e.message.replace(/^ENOENT: /, "")}\n`);
      return 2;
    }
    if (e instanceof Error && e.name === "TypeError" && /ERR_PARSE_ARGS/.test(String((e as { code?: string }).code))) {
      process.stderr.write(`sanad: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
