import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const OIDC = { SANAD_OIDC_ISSUER: "https://id.example.org/realms/news", SANAD_OIDC_CLIENT_ID: "sanad", SANAD_OIDC_CLIENT_SECRET: "s3cret" };
const failure = (env: Record<string, string>) => {
  try {
    parseEnv(env);
  } catch (e) {
    expect(e).toBeInstanceOf(EnvError);
    return (e as Error).message;
  }
  throw new Error("parsed");
};

describe("accounts variables", () => {
  it("default to password sign-in, no single sign-on, no required two-factor, no sign-up", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ SANAD_REQUIRE_2FA: "0", SANAD_PASSWORD_LOGIN: "1", SANAD_OIDC_ALLOW_SIGNUP: "0" });
    expect(env.SANAD_OIDC_ISSUER).toBeUndefined();
  });

  it("take a whole OIDC configuration, and http:// only for this machine", () => {
    expect(parseEnv({ ...OIDC, SANAD_OIDC_NAME: "Newsroom ID", SANAD_OIDC_ALLOW_SIGNUP: "1", SANAD_PASSWORD_LOGIN: "0" }).SANAD_OIDC_NAME).toBe("Newsroom ID");
    expect(parseEnv({ ...OIDC, SANAD_OIDC_ISSUER: "http://127.0.0.1:4000" }).SANAD_OIDC_ISSUER).toBe("http://127.0.0.1:4000");
    expect(failure({ ...OIDC, SANAD_OIDC_ISSUER: "http://id.example.org" })).toMatch(/SANAD_OIDC_ISSUER: must be https:\/\//);
    expect(failure({ ...OIDC, SANAD_OIDC_ISSUER: "not a url" })).toMatch(/SANAD_OIDC_ISSUER/);
    expect(failure({ ...OIDC, SANAD_OIDC_ISSUER: "https://id.example.org/?x=1" })).toMatch(/no query/);
  });

  it("name what is missing from a partial OIDC configuration", () => {
    const message = failure({ SANAD_OIDC_ISSUER: OIDC.SANAD_OIDC_ISSUER });
    expect(message).toMatch(/SANAD_OIDC_CLIENT_ID: is required with SANAD_OIDC_ISSUER/);
    expect(message).toMatch(/SANAD_OIDC_CLIENT_SECRET: is required/);
  });

  it("refuse hiding the password form without single sign-on, and values other than 0 and 1", () => {
    expect(failure({ SANAD_PASSWORD_LOGIN: "0" })).toMatch(/SANAD_PASSWORD_LOGIN: 0 needs single sign-on/);
    expect(failure({ SANAD_REQUIRE_2FA: "yes" })).toMatch(/SANAD_REQUIRE_2FA: must be 0 or 1/);
    expect(failure({ ...OIDC, SANAD_OIDC_ALLOW_SIGNUP: "true" })).toMatch(/SANAD_OIDC_ALLOW_SIGNUP/);
  });
});
