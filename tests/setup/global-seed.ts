// For browser journeys: the demo desk (project, four accounts, the SY24 article) in the app's database.
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    demoPassword: string;
    demoProjectId: string;
    demoArticleId: string;
  }
}

export const DEMO_PASSWORD = "demo-password-e2e";

export default async function setup(project: TestProject) {
  process.env.DATABASE_URL = project.getProvidedContext().appDatabaseUrl;
  const { seed } = await import("../../seeds/seed");
  const { db } = await import("../../lib/db");
  const result = await seed({ demoPassword: DEMO_PASSWORD });
  await db.$disconnect();
  project.provide("demoPassword", DEMO_PASSWORD);
  project.provide("demoProjectId", result.projectId);
  project.provide("demoArticleId", result.articleId);
}
