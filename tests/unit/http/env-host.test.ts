// HOST: where the web app listens. 127.0.0.1 unless set; a bad value stops Sanad with its name.
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("HOST", () => {
  it("defaults to 127.0.0.1 (this machine only), also when set empty", () => {
    expect(parseEnv({}).HOST).toBe("127.0.0.1");
    expect(parseEnv({ HOST: "" }).HOST).toBe("127.0.0.1");
  });

  it("takes IPv4, IPv6 and host names", () => {
    for (const host of ["0.0.0.0", "192.0.2.10", "::", "::1", "fd00::2", "localhost", "sanad.internal", "app-1"]) {
      expect(parseEnv({ HOST: host }).HOST).toBe(host);
    }
  });

  it("refuses anything else, naming the variable", () => {
    for (const host of ["256.0.0.1", "1.2.3", "http://0.0.0.0", "0.0.0.0:3000", "host name", "-bad", "[::1]", "::g", "a..b", "a/b"]) {
      expect(() => parseEnv({ HOST: host }), host).toThrow(EnvError);
      expect(() => parseEnv({ HOST: host }), host).toThrow(/HOST: must be an IP address or a host name/);
    }
  });
});
