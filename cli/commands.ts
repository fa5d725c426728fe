// The command table: each command's name, whether it needs the database, and its module,
// loaded only when run. Imports go one way: run.ts reads this table, the table loads the
// command modules, and they import only cli/errors.ts, cli/input.ts, cli/resolve.ts and lib/.

export type RunCommand = (args: string[], command: string) => Promise<number>;
type Command = { database: boolean; load: () => Promise<RunCommand> };

const accounts: Command = { database: true, load: async () => (await import("@/cli/commands/accounts")).runAccounts };
const data: Command = { database: true, load: async () => (await import("@/cli/commands/data")).runDataCommand };

export const COMMANDS: Readonly<Record<string, Command>> = {
  analyze: { database: false, load: async () => (await import("@/cli/commands/analyze")).runAnalyze },
  user: accounts,
  project: accounts,
  member: accounts,
  token: accounts,
  import: { database: true, load: async () => (await import("@/cli/commands/import")).runImport },
  export: data,
  backup: data,
  restore: data,
  "fact-checks": { database: true, load: async () => (await import("@/cli/commands/fact-checks")).runFactChecks },
  search: { database: true, load: async () => (await import("@/cli/commands/search")).runSearch },
};

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

P is a project's id or its exact name. The command line acts as itself, trusted as an
operator: the audit trail names it and the operating-system user that ran it, never a person.`;
