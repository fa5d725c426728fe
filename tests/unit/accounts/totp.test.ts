import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { base32Decode, base32Encode, hotp, matchStep, otpauthUri, stepAt, totp } from "@/lib/accounts/totp";
import { open, seal } from "@/lib/accounts/secret-box";

const RFC_SECRET = Buffer.from("12345678901234567890", "ascii");

describe("HOTP and TOTP", () => {
  it("gives RFC 4226's test values", () => {
    const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    expect(expected.map((_, i) => hotp(RFC_SECRET, i))).toEqual(expected);
  });

  it("gives RFC 6238's SHA-1 test values (8 digits)", () => {
    const cases: [number, string][] = [[59, "94287082"], [1111111109, "07081804"], [1111111111, "14050471"], [1234567890, "89005924"], [2000000000, "69279037"], [20000000000, "65353130"]];
    for (const [seconds, code] of cases) expect(totp(RFC_SECRET, seconds * 1000, 8), String(seconds)).toBe(code);
  });

  it("matches a code within one step either side and names its step; refuses others and non-codes", () => {
    const t = 1_800_000_000_000;
    const step = stepAt(t);
    expect(matchStep(RFC_SECRET, totp(RFC_SECRET, t), t)).toBe(step);
    expect(matchStep(RFC_SECRET, totp(RFC_SECRET, t - 30_000), t)).toBe(step - 1);
    expect(matchStep(RFC_SECRET, totp(RFC_SECRET, t + 30_000), t)).toBe(step + 1);
    expect(matchStep(RFC_SECRET, totp(RFC_SECRET, t - 90_000), t)).toBeNull();
    for (const bad of ["", "12345", "1234567", "abcdef", "١٢٣٤٥٦", " 123456"]) expect(matchStep(RFC_SECRET, bad, t)).toBeNull();
  });
});

describe("base32", () => {
  it("round-trips any bytes and reads RFC 4648's examples", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      expect(base32Decode(base32Encode(Buffer.from(bytes)))).toEqual(Buffer.from(bytes));
    }));
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Decode("MZXW6YTBOI======").toString()).toBe("foobar");
    expect(() => base32Decode("MZ1")).toThrow();
  });

  it("writes the otpauth URI authenticator apps read", () => {
    expect(otpauthUri(RFC_SECRET, "a@b.test")).toBe("otpauth://totp/Sanad:a%40b.test?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Sanad&algorithm=SHA1&digits=6&period=30");
  });
});

describe("the secret box", () => {
  const key = "k".repeat(40);
  it("opens what it sealed, with the same key only; tampering is detected", () => {
    const sealed = seal(RFC_SECRET, key);
    expect(sealed).not.toContain(RFC_SECRET.toString("base64url"));
    expect(open(sealed, key)).toEqual(RFC_SECRET);
    expect(() => open(sealed, "x".repeat(40))).toThrow();
    const parts = sealed.split(".");
    parts[3] = Buffer.from(Buffer.from(parts[3], "base64url").map((b, i) => (i === 0 ? b ^ 1 : b))).toString("base64url");
    expect(() => open(parts.join("."), key)).toThrow();
    expect(() => seal(RFC_SECRET, "short")).toThrow(/NEXTAUTH_SECRET/);
  });
});
