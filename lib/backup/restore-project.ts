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
    if (n === 1 && (parsed.t !== "header" || parsed.format !== BACKUP_FORMAT)) throw new BackupRefused("This is not a Sanad backup (no header).");
    if (n === 1 && parsed.version !== BACKUP_VERSION) throw new BackupRefused(`Backup version ${parsed.version} is not supported (expected ${BACKUP_VERSION}).`);
    if (parsed.t === "footer") {
      footer = parsed as unknown as Footer;
      continue;
    }
    hash.update(line + "\n");
    if (parsed.t !== "header") counts[parsed.t] = (counts[parsed.t] ?? 0) + 1;
  }
  if (n === 0) throw new BackupRefused("The file is empty.");
  if (!footer) throw new BackupRefused("The backup has no footer: the file is truncated.");
  if (footer.sha256 !== hash.digest("hex")) throw new BackupRefused("The backup's checksum does not match: the file was altered or damaged.");
  if (JSON.stringify(sortKeys(footer.counts)) !== JSON.stringify(sortKeys(counts))) throw new BackupRefused("The backup's row counts do not match its footer.");
  return counts;
}

const sortKeys = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
const newId = () => `r${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/**
 * Restores a backup as a new project with new ids, in one transaction. Users are matched by
 * email; one unknown here is created without a usable password (an admin sets one later).
 */
export async function restoreProject(file: string) {
  await verifyBackup(file);
  const ids = new Map<string, string>();
  const map = (old: unknown): string => {
    if (typeof old !== "string") throw new BackupRefused("A row refers to a missing id.");
    let id = ids.get(old);
    if (!id) ids.set(old, (id = newId()));
    return id;
  };
  const users = new Map<string, string>();
  const user = (old: unknown) => {
    const id = users.get(old as string);
    if (!id) throw new BackupRefused(`A row refers to a user the backup does not list (${old}).`);
    return id;
  };
  const remapJson = (v: unknown) => {
    if (v === null || v === undefined) return undefined;
    let text = JSON.stringify(v);
    for (const [oldId, nextId] of [...ids, ...users]) if (text.includes(oldId)) text = text.split(oldId).join(nextId);
    return JSON.parse(text) as Prisma.InputJsonValue;
  };
  let projectId = "";
  try {
    await db.$transaction(
      async (tx) => {
        for await (const line of readLines(file)) {
          const r = JSON.parse(line) as BackupLine & Record<string, unknown>;
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
              const existing = await tx.user.findUnique({ where: { email: r.email as string } });
              const u = existing ?? (await tx.user.create({ data: { email: r.email as string, name: r.name as string, locale: (r.locale as string) ?? "ar", passwordHash: "!restored-without-password" } }));
              users.set(r.id as string, u.id);
              break;
            }
            case "membership":
              await tx.membership.create({ data: { projectId, userId: user(r.userId), role: r.role as "reviewer" | "editor", createdAt: date(r.createdAt)! } });
              break;
            case "article": {
              const id = map(r.id);
              await tx.article.create({
                data: {
                  id, projectId, title: r.title as string, body: r.body as string, language: r.language as string, direction: r.direction as string,
                  sourceUrl: r.sourceUrl as string | null, outlet: r.outlet as string | null, publishedAt: date(r.publishedAt), contentHash: r.contentHash as string,
                  createdById: user(r.createdById), createdAt: date(r.createdAt)!,
                },
              });
              const sentences = r.sentences as [number, number, number, boolean][];
              if (sentences.length) await tx.sentence.createMany({ data: sentences.map(([index, start, end, boilerplate]) => ({ articleId: id, index, start, end, boilerplate })) });
              const quantities = r.quantities as Omit<Prisma.QuantityCreateManyInput, "articleId">[];
              if (quantities.length) await tx.quantity.createMany({ data: quantities.map((q) => ({ ...q, articleId: id })) });
              break;
            }
            case "suggestion":
              await tx.suggestion.create({
                data: {
                  id: map(r.id), articleId: map(r.articleId), type: r.type as "claim" | "contradiction", state: r.state as "pending" | "accepted" | "dismissed",
                  quantityA: r.quantityA as number, quantityB: r.quantityB as number | null, start: r.start as number, end: r.end as number, reason: r.reason as string | null,
                  resolvedById: r.resolvedById ? user(r.resolvedById) : null, resolvedAt: date(r.resolvedAt), createdAt: date(r.createdAt)!,
                },
              });
              break;
            case "assignment":
              await tx.assignment.create({
                data: { id: map(r.id), articleId: map(r.articleId), reviewerId: user(r.reviewerId), assignedById: user(r.assignedById), createdAt: date(r.createdAt)!, seenAt: date(r.seenAt) },
              });
              break;
            case "claim":
              await tx.claim.create({
                data: {
                  id: map(r.id), projectId, articleId: map(r.articleId), start: r.start as number, end: r.end as number, text: r.text as string,
                  prefix: r.prefix as string, suffix: r.suffix as string, sentenceIndexes: r.sentenceIndexes as number[], kind: r.kind as string, note: r.note as string,
                  quantityValue: r.quantityValue as number | null, quantityKind: r.quantityKind as string | null, quantityUnit: r.quantityUnit as string | null,
                  status: r.status as "open", statusBeforeRetraction: r.statusBeforeRetraction as "open" | null, retractionReason: r.retractionReason as string | null,
                  version: r.version as number, suggestionId: r.suggestionId ? map(r.suggestionId) : null, createdById: user(r.createdById),
                  createdAt: date(r.createdAt)!, updatedAt: date(r.updatedAt)!, verifiedAt: date(r.verifiedAt),
                },
              });
              break;
            case "source":
              await tx.source.create({
                data: {
                  id: map(r.id), claimId: map(r.claimId), url: r.url as string, title: r.title as string, publisher: r.publisher as string, excerpt: r.excerpt as string,
                  stance: r.stance as "supports", readAt: date(r.readAt), createdById: user(r.createdById), createdAt: date(r.createdAt)!,
                },
              });
              break;
            case "verdict":
              await tx.verdict.create({
                data: {
                  id: map(r.id), claimId: map(r.claimId), reviewerId: user(r.reviewerId), rating: r.rating as string, rationale: r.rationale as string,
                  version: r.version as number, createdAt: date(r.createdAt)!, updatedAt: date(r.updatedAt)!,
                },
              });
              break;
            case "adjudication":
              await tx.adjudication.create({
                data: {
                  id: map(r.id), claimId: map(r.claimId), editorId: user(r.editorId), rating: r.rating as string, note: r.note as string,
                  createdAt: date(r.createdAt)!, supersededAt: date(r.supersededAt),
                },
              });
              break;
            case "link":
              await tx.claimLink.create({
                data: { id: map(r.id), claimId: map(r.claimId), otherClaimId: map(r.otherClaimId), relation: r.relation as "contradicts", createdById: user(r.createdById), createdAt: date(r.createdAt)! },
              });
              break;
            case "audit":
              await tx.auditEvent.create({
                data: {
                  projectId,
                  actorId: r.actorId ? (users.get(r.actorId as string) ?? null) : null,
                  entity: r.entity as string,
                  entityId: ids.get(r.entityId as string) ?? users.get(r.entityId as string) ?? (r.entityId as string),
                  action: r.action as string,
                  before: remapJson(r.before),
                  after: remapJson(r.after),
                  createdAt: date(r.createdAt)!,
                },
              });
              break;
          }
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
