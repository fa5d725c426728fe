// The demo desk: a project, an admin, an editor, two reviewers and the SY24 article.
// Idempotent: a second run finds everything and creates nothing.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { createArticle } from "@/lib/articles/create-article";
import { AppError } from "@/lib/errors";
import { seedActivity } from "./activity";

export const DEMO_PROJECT = "Demo desk · مكتب التحقق";
export const DEMO_ACCOUNTS = [
  { email: "admin@sanad.test", name: "Amal (admin)", isAdmin: true, role: "editor" as const },
  { email: "editor@sanad.test", name: "Karim (editor)", isAdmin: false, role: "editor" as const },
  { email: "reviewer1@sanad.test", name: "Rana (reviewer)", isAdmin: false, role: "reviewer" as const },
  { email: "reviewer2@sanad.test", name: "Sami (reviewer)", isAdmin: false, role: "reviewer" as const },
];

const here = path.dirname(fileURLToPath(import.meta.url));

export type SeedResult = { projectId: string; created: { email: string; password: string }[]; articleId: string; englishArticleId: string };

/** `activity: false` gives the bare desk (the browser journeys start from it). */
export async function seed({ demoPassword, activity = true }: { demoPassword?: string; activity?: boolean } = {}): Promise<SeedResult> {
  const created: { email: string; password: string }[] = [];
  const users = [];
  for (const account of DEMO_ACCOUNTS) {
    let user = await db.user.findUnique({ where: { email: account.email } });
    if (!user) {
      const password = demoPassword ?? randomBytes(9).toString("base64url");
      user = await db.user.create({
        data: { email: account.email, name: account.name, isAdmin: account.isAdmin, passwordHash: await hashPassword(password), locale: "ar" },
      });
      created.push({ email: account.email, password });
    }
    users.push({ user, role: account.role });
  }
  let project = await db.project.findFirst({ where: { name: DEMO_PROJECT }, orderBy: { createdAt: "asc" } });
  project ??= await db.project.create({ data: { name: DEMO_PROJECT, defaultLanguage: "ar", organizationName: "Sanad demo desk" } });
  for (const { user, role } of users) {
    await db.membership.upsert({
      where: { projectId_userId: { projectId: project.id, userId: user.id } },
      create: { projectId: project.id, userId: user.id, role },
      update: {},
    });
  }
  const admin = users[0].user;
  const body = readFileSync(path.join(here, "sy24-coalition.txt"), "utf8");
  let articleId: string;
  try {
    articleId = await createArticle({
      actor: { id: admin.id, email: admin.email, name: admin.name, isAdmin: true, via: "session" },
      projectId: project.id,
      input: {
        title: "التحالف الدولي: حرّرنا 7 ملايين شخص و110 آلاف كم من داعش",
        body,
        language: "ar",
        outlet: "SY24",
      },
    });
  } catch (e) {
    if (!(e instanceof AppError && e.code === "conflict")) throw e;
    articleId = String(e.details.existingId);
  }
  let englishArticleId = "";
  if (activity) {
    const [, editor, rana, sami] = users.map((u) => u.user);
    englishArticleId = (await seedActivity({ projectId: project.id, sy24Id: articleId, admin, editor, rana, sami })).articleId;
  }
  return { projectId: project.id, created, articleId, englishArticleId };
}
