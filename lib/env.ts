import { z } from "zod";

// Read once, at start-up; a bad variable stops Sanad with its name and what is wrong.
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  // A streaming replica for reads that may lag a moment (exports, the dashboard, agreement).
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  // How far behind the primary the replica may be before those reads go to the primary.
  SANAD_REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SANAD_DATA_DIR: z.string().min(1).default(".data"),
  SANAD_PG_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SANAD_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  SANAD_DEMO_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  SANAD_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

let cached: Env | undefined;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
