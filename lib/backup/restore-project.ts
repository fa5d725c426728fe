import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupLine } from "@/lib/backup/backup-project";
import type { Prisma } from "@/lib/generated/prisma/client";

export class BackupRefused extends Error {}

async function* readLines(file: string) {
  const rl = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

/** First pass: the file is whole and unedited, or it is refused before anything is written. */
export async function verifyBackup(file: string) {
  const hash = createHash("sha256");
  const counts: Record<string, number> = {};
  let n = 0;
  type Footer = { counts: Record<string, number>; sha256: string };
  let footer = null as Footer | null;
  for await (const line of readLines(file)) {
    n++;
    if (footer) throw new BackupRefused(`line ${n}: data after the footer; the file was altered.`);
    let parsed: BackupLine;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new BackupRefused(`line ${n} is not JSON: the file is truncated or damaged.`);
    }
    const isRow = typeof parsed === "object" && parsed !== null && typeof parsed.t === "string";
    if (n === 1 && (!isRow || parsed.t !== "header" || parsed.format !== BACKUP_FORMAT)) throw new BackupRefused("This is not a Sanad backup (no header).");
    if (!isRow) throw new BackupRefused(`line ${n} is not a backup row: the file is damaged.`);
    if (n === 1 && parsed.version !== BACKUP_VERSION) throw new BackupRefused(`Backup version ${parsed.version} is not supported (expected ${BACKUP_VERSION}).`);
    if (parsed.t === "footer") {
      footer = parsed as unknown as Footer;
      continue;
    }
    hash.update(line).update("\n");
    if (parsed.t !== "header") counts[parsed.t] = (counts[parsed.t] ?? 0) + 1;
  }
  if (n === 0) throw new BackupRefused("The file is empty.");
  if (!footer) throw new BackupRefused("The backup has no footer: the file is truncated.");
  if (footer.sha256 !== hash.digest("hex")) throw new BackupRefused("The backup's checksum does not match: the file was altered or damaged.");
  if (JSON.stringify(sortKeys(footer.counts)) !== JSON.stringify(sortKeys(counts))) throw new BackupRefused("The backup's row counts do not match its footer.");
  return counts;
}

const sortKeys = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/**
 * Ids for one restore. A row the backup names gets the restore's prefix followed by its old
 * id: no map from old ids to new ones is held (at 110,000 claims it had about 450,000 entries
 * and the restore's memory grew with the backup; docs/benchmarks.md), and since every new id
 * shares the prefix, they sort as the old ones did, so ties the backup broke by id are broken
 * the same way in the restored project and a backup of it lists everything in the same order.
 * Memberships, which nothing refers to, get the prefix and a counter.
 */
function idMaker() {
  const prefix = `r${Date.now().toString(36).padStart(9, "0")}${randomBytes(5).toString("hex")}`;
  let n = 0;
  return { prefix, next: () => prefix + (n++).toString(36).padStart(6, "0") };
}

// Ids inside audit payloads appear as whole words (cuids are letters and digits).
const ID_TOKEN = /[A-Za-z0-9]{8,}/g;

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The tables a restore fills in bulk, by the kind of row that fills them. */
const TABLES = {
  membership: "memberships", sentence: "sentences", quantity: "quantities", suggestion: "suggestions", assignment: "assignments", claim: "claims",
  source: "sources", verdict: "verdicts", adjudication: "adjudications", link: "claim_links", audit: "audit_events", comment: "comments",
} as const;
type Batched = keyof typeof TABLES;
/** The tables whose rows keep their backup id after the restore's prefix (memberships do not). */
const MAPPED_TABLES = ["projects", "articles", "suggestions", "assignments", "claims", "sources", "verdicts", "adjudications", "claim_links", "comments"];

// Prisma's field names are its columns' names in camel case (createdAt: created_at, quantityA: quantity_a).
const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Rows of one table in one statement: the batch goes as one JSON parameter that PostgreSQL
 * turns into rows of the table's own type (json_populate_recordset casts every value to its
 * column's type: enums, arrays, jsonb, timestamps). Through Prisma's createMany every value of
 * every row was compiled into the query, in WebAssembly memory that does not shrink: a restore
 * of 110,000 claims peaked at 674 MB (docs/benchmarks.md). The columns are the rows' fields
 * that the table has, read from the database, so a column added later is restored as soon as
 * the rows carry it, and one the rows lack takes its default.
 */
function bulkInserter(tx: Tx) {
  const columns = new Map<string, Promise<Set<string>>>();
  const columnsOf = (table: string) => {
    let c = columns.get(table);
    if (!c) {
      c = tx.$queryRaw<{ name: string }[]>`SELECT column_name::text AS name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ${table} AND is_generated = 'NEVER'`.then((rows) => new Set(rows.map((r) => r.name)));
      columns.set(table, c);
    }
    return c;
  };
  return async (kind: Batched, rows: Record<string, unknown>[]) => {
    if (!rows.length) return;
    const table = TABLES[kind];
    const known = await columnsOf(table);
    const fields = Object.keys(rows[0]).filter((f) => known.has(columnOf(f)));
    const list = fields.map((f) => `"${columnOf(f)}"`).join(", ");
    const json = JSON.stringify(rows.map((row) => Object.fromEntries(fields.map((f) => [columnOf(f), row[f] ?? null]))));
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`, json);
  };
}

/**
 * Restores a backup as a new project with new ids, in one transaction. Users are matched by
 * email; one unknown here is created without a usable password (an admin sets one later).
 */
export async function restoreProject(file: string) {
  const expected = await verifyBackup(file);
  const { prefix, next: newId } = idMaker();
  const map = (old: unknown): string => {
    if (typeof old !== "string") throw new BackupRefused("A row refers to a missing id.");
    return prefix + old;
  };
  const users = new Map<string, string>();
  const user = (old: unknown) => {
    const id = users.get(old as string);
    if (!id) throw new BackupRefused(`A row refers to a user the backup does not list (${old}).`);
    return id;
  };
  // Ids named inside audit payloads: a word is an id of the backup when a row restored before
  // it has that id after the prefix. `known` holds the words of one batch of audit events that are.
  let known = new Set<string>();
  const remapText = (text: string) => text.replace(ID_TOKEN, (t) => (known.has(t) ? prefix + t : (users.get(t) ?? t)));
  const remapValue = (v: unknown): unknown => {
    if (typeof v === "string") return remapText(v);
    if (Array.isArray(v)) return v.map(remapValue);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [remapText(k), remapValue(x)]));
    return v;
  };
  const remapJson = (v: unknown) => (v === null || v === undefined ? null : (remapValue(v) as Prisma.InputJsonValue));
  const tokensOf = (v: unknown, into: Set<string>) => {
    if (typeof v === "string") for (const t of v.match(ID_TOKEN) ?? []) into.add(t);
    else if (Array.isArray(v)) for (const x of v) tokensOf(x, into);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) (tokensOf(k, into), tokensOf(x, into));
  };
  let projectId = "";
  try {
    await db.$transaction(
      async (tx) => {
        // Rows of one kind that follow each other are inserted together, a batch at a time.
        const insert = bulkInserter(tx);
        // The words of a batch of audit events that are ids of rows restored so far, looked up
        // in the tables the backup's rows went to, one statement for the batch.
        const remapAudits = async (rows: Record<string, unknown>[]) => {
          const words = new Set<string>();
          for (const r of rows) (tokensOf(r.entityId, words), tokensOf(r.before, words), tokensOf(r.after, words));
          const candidates = [...words].map((w) => prefix + w);
          const found = candidates.length
            ? await tx.$queryRawUnsafe<{ id: string }[]>(
                MAPPED_TABLES.map((t) => `SELECT id FROM "${t}" WHERE id = ANY($1::text[])`).join(" UNION ALL "),
                candidates,
              )
            : [];
          known = new Set(found.map((f) => f.id.slice(prefix.length)));
          for (const r of rows) {
            r.entityId = remapText(r.entityId as string);
            r.before = remapJson(r.before);
            r.after = remapJson(r.after);
          }
          known = new Set();
        };
        let pendingKind: Batched | null = null;
        let pending: Record<string, unknown>[] = [];
        const flush = async () => {
          if (!pending.length || !pendingKind) return;
          const rows = pending;
          pending = [];
          if (pendingKind === "audit") await remapAudits(rows);
          await insert(pendingKind, rows);
        };
        const add = async (kind: Batched, row: Record<string, unknown>) => {
          if (kind !== pendingKind || pending.length >= 500) {
            await flush();
            pendingKind = kind;
          }
          pending.push(row);
        };
        // The file is read twice; this pass checks it again, so a file changed in between
        // is refused too, and the transaction undone.
        const hash = createHash("sha256");
        const counts: Record<string, number> = {};
        let footer: { sha256?: unknown } | null = null;
        for await (const line of readLines(file)) {
          const r = JSON.parse(line) as BackupLine & Record<string, unknown>;
          if (r.t === "footer") {
            footer = r as { sha256?: unknown };
            break;
          }
          hash.update(line).update("\n");
          if (r.t !== "header") counts[r.t] = (counts[r.t] ?? 0) + 1;
          switch (r.t) {
            case "project": {
              projectId = map(r.id);
              await tx.project.create({
                data: {
                  id: projectId,
                  name: r.name as string,
                  defaultLanguage: r.defaultLanguage as string,
                  requiredVerdicts: r.requiredVerdicts as number,
                  organizationName: r.organizationName as string,
                  organizationUrl: (r.organizationUrl as string | null) ?? null,
                  createdAt: date(r.createdAt)!,
                },
              });
              break;
            }
            case "user": {
              await flush();
              const existing = await tx.user.findUnique({ where: { email: r.email as string } });
              const u = existing ?? (await tx.user.create({ data: { email: r.email as string, name: r.name as string, locale: (r.locale as string) ?? "ar", passwordHash: "!restored-without-password" } }));
              users.set(r.id as string, u.id);
              break;
            }
            case "membership":
              await add("membership", { id: newId(), projectId, userId: user(r.userId), role: r.role as "reviewer" | "editor", createdAt: date(r.createdAt)! });
              break;
            case "article": {
              await flush();
              const id = map(r.id);
              await tx.article.create({
                data: {
                  id, projectId, title: r.title as string, body: r.body as string, language: r.language as string, direction: r.direction as string,
                  sourceUrl: r.sourceUrl as string | null, outlet: r.outlet as string | null, publishedAt: date(r.publishedAt), contentHash: r.contentHash as string,
                  // Null when the command line imported it: no person to match.
                  createdById: r.createdById ? user(r.createdById) : null, createdAt: date(r.createdAt)!,
                },
              });
              const sentences = r.sentences as [number, number, number, boolean][];
              await insert("sentence", sentences.map(([index, start, end, boilerplate]) => ({ articleId: id, index, start, end, boilerplate })));
              const quantities = r.quantities as Omit<Prisma.QuantityCreateManyInput, "articleId">[];
              await insert("quantity", quantities.map((q) => ({ ...q, articleId: id })));
              break;
            }
            case "suggestion":
              await add("suggestion", {
                id: map(r.id), articleId: map(r.articleId), type: r.type as "claim" | "contradiction", state: r.state as "pending" | "accepted" | "dismissed",
                quantityA: r.quantityA as number, quantityB: r.quantityB as number | null, start: r.start as number, end: r.end as number, reason: r.reason as string | null,
                detail: r.detail ?? null,
                resolvedById: r.resolvedById ? user(r.resolvedById) : null, resolvedAt: date(r.resolvedAt), createdAt: date(r.createdAt)!,
              });
              break;
            case "assignment":
              await add("assignment", { id: map(r.id), articleId: map(r.articleId), reviewerId: user(r.reviewerId), assignedById: user(r.assignedById), createdAt: date(r.createdAt)!, seenAt: date(r.seenAt) });
              break;
            case "claim":
              await add("claim", {
                id: map(r.id), projectId, articleId: map(r.articleId), start: r.start as number, end: r.end as number, text: r.text as string,
                prefix: r.prefix as string, suffix: r.suffix as string, sentenceIndexes: r.sentenceIndexes as number[], kind: r.kind as string, note: r.note as string,
                quantityValue: r.quantityValue as number | null, quantityKind: r.quantityKind as string | null, quantityUnit: r.quantityUnit as string | null,
                status: r.status as "open", statusBeforeRetraction: r.statusBeforeRetraction as "open" | null, retractionReason: r.retractionReason as string | null,
                version: r.version as number, suggestionId: r.suggestionId ? map(r.suggestionId) : null, createdById: user(r.createdById),
                createdAt: date(r.createdAt)!, updatedAt: date(r.updatedAt)!, verifiedAt: date(r.verifiedAt),
              });
              break;
            case "source":
              await add("source", {
                id: map(r.id), claimId: map(r.claimId), url: r.url as string, title: r.title as string, publisher: r.publisher as string, excerpt: r.excerpt as string,
                stance: r.stance as "supports", readAt: date(r.readAt), createdById: user(r.createdById), createdAt: date(r.createdAt)!,
              });
              break;
            case "verdict":
              await add("verdict", {
                id: map(r.id), claimId: map(r.claimId), reviewerId: user(r.reviewerId), rating: r.rating as string, rationale: r.rationale as string,
                version: r.version as number, createdAt: date(r.createdAt)!, updatedAt: date(r.updatedAt)!,
              });
              break;
            case "adjudication":
              await add("adjudication", {
                id: map(r.id), claimId: map(r.claimId), editorId: user(r.editorId), rating: r.rating as string, note: r.note as string,
                createdAt: date(r.createdAt)!, supersededAt: date(r.supersededAt),
              });
              break;
            case "link":
              await add("link", { id: map(r.id), claimId: map(r.claimId), otherClaimId: map(r.otherClaimId), relation: r.relation as "contradicts", createdById: user(r.createdById), createdAt: date(r.createdAt)! });
              break;
            case "comment":
              await add("comment", {
                id: map(r.id), projectId, articleId: map(r.articleId), claimId: r.claimId ? map(r.claimId) : null, parentId: r.parentId ? map(r.parentId) : null,
                authorId: user(r.authorId), body: r.body as string, mentionIds: (r.mentionIds as string[]).map(user), version: r.version as number,
                createdAt: date(r.createdAt)!, updatedAt: date(r.updatedAt)!, deletedAt: date(r.deletedAt),
              });
              break;
            case "audit":
              await add("audit", {
                projectId,
                actorId: r.actorId ? (users.get(r.actorId as string) ?? null) : null,
                // Rows the command line wrote name it, as they did (backups before issue 19 have none).
                ...(r.actorKind === "system" ? { actorKind: "system", actorName: String(r.actorName), actorRole: String(r.actorRole) } : {}),
                entity: r.entity as string,
                entityId: String(r.entityId),
                action: r.action as string,
                // Ids inside are remapped a batch at a time (remapAudits).
                before: r.before ?? null,
                after: r.after ?? null,
                createdAt: date(r.createdAt)!,
              });
              break;
          }
        }
        await flush();
        if (!footer || footer.sha256 !== hash.digest("hex") || JSON.stringify(sortKeys(counts)) !== JSON.stringify(sortKeys(expected))) {
          throw new BackupRefused("The backup changed while it was being restored; nothing was restored.");
        }
      },
      { timeout: 30 * 60_000, maxWait: 10_000 },
    );
  } catch (e) {
    if (e instanceof BackupRefused) throw e;
    if (e instanceof AppError) throw e;
    throw new BackupRefused(`The backup could not be restored, and nothing was written: ${(e as Error).message}`);
  }
  return { projectId };
}
