import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrateAdapter } from "./prisma/migrate-adapter";

const PLACEHOLDER = "postgresql://placeholder:placeholder@localhost:5432/placeholder";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => migrateAdapter(process.env.DATABASE_URL || PLACEHOLDER),
});
