import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("DATABASE_REPLICA_URL", () => {
  it("is optional, and taken when it is a postgresql:// URL", () => {
    expect(parseEnv({}).DATABASE_REPLICA_URL).toBeUndefined();
    expect(parseEnv({ DATABASE_REPLICA_URL: "" }).DATABASE_REPLICA_URL).toBeUndefined();
    expect(parseEnv({ DATABASE_REPLICA_URL: "postgresql://r@replica:5432/sanad" }).DATABASE_REPLICA_URL).toBe("postgresql://r@replica:5432/sanad");
    expect(parseEnv({}).SANAD_REPLICA_MAX_LAG_SECONDS).toBe(10);
  });

  it("stops start-up with the variable's name when it is not one", () => {
    expect(() => parseEnv({ DATABASE_REPLICA_URL: "mysql://replica/sanad" })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_REPLICA_URL: "mysql://replica/sanad" })).toThrow(/DATABASE_REPLICA_URL: must be a postgresql:\/\/ URL/);
    expect(() => parseEnv({ SANAD_REPLICA_MAX_LAG_SECONDS: "soon" })).toThrow(/SANAD_REPLICA_MAX_LAG_SECONDS/);
  });
});
