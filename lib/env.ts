import { z } from "zod";

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** An IPv4 address, an IPv6 address (as the URL parser reads one in brackets) or a host name. */
function isHost(value: string): boolean {
  if (/^[\d.]+$/.test(value)) return /^(\d{1,3})(\.\d{1,3}){3}$/.test(value) && value.split(".").every((n) => Number(n) <= 255);
  if (value.includes(":")) return URL.canParse(`http://[${value}]/`);
  return HOSTNAME.test(value);
}

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
  // The address the web app listens on: this machine only, unless told otherwise
  // (0.0.0.0 or :: for every interface, behind a firewall or a proxy).
  HOST: z
    .string()
    .refine(isHost, "must be an IP address or a host name (127.0.0.1, 0.0.0.0, ::, localhost)")
    .default("127.0.0.1"),
  SANAD_DATA_DIR: z.string().min(1).default(".data"),
  SANAD_PG_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SANAD_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  SANAD_DEMO_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  SANAD_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  // Accounts (issue 16): two-factor for everyone, single sign-on through OpenID Connect.
  SANAD_REQUIRE_2FA: z.enum(["0", "1"], "must be 0 or 1").default("0"),
  SANAD_OIDC_ISSUER: z
    .url("must be the identity provider's issuer URL")
    .refine((v) => {
      const u = URL.parse(v);
      // Plain http only to this machine (a provider in tests or beside Sanad).
      return !u || u.protocol === "https:" || (u.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname));
    }, "must be https:// (http:// only for localhost)")
    .refine((v) => !/[?#]/.test(v), "must have no query or fragment")
    .optional(),
  SANAD_OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  SANAD_OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  SANAD_OIDC_NAME: z.string().min(1).max(60, "must be at most 60 characters").optional(),
  SANAD_OIDC_ALLOW_SIGNUP: z.enum(["0", "1"], "must be 0 or 1").default("0"),
  SANAD_PASSWORD_LOGIN: z.enum(["0", "1"], "must be 0 or 1").default("1"),
}).superRefine((env, ctx) => {
  const oidc = ["SANAD_OIDC_ISSUER", "SANAD_OIDC_CLIENT_ID", "SANAD_OIDC_CLIENT_SECRET"] as const;
  const set = oidc.filter((k) => env[k] !== undefined);
  if (set.length > 0 && set.length < oidc.length) {
    for (const k of oidc.filter((k) => env[k] === undefined)) ctx.addIssue({ code: "custom", path: [k], message: `is required with ${set.join(", ")}` });
  }
  if (env.SANAD_PASSWORD_LOGIN === "0" && set.length < oidc.length) {
    ctx.addIssue({ code: "custom", path: ["SANAD_PASSWORD_LOGIN"], message: "0 needs single sign-on (SANAD_OIDC_ISSUER, SANAD_OIDC_CLIENT_ID, SANAD_OIDC_CLIENT_SECRET), or nobody could sign in" });
  }
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
