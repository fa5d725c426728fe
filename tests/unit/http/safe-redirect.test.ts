// Where the login page sends the browser after sign-in: only somewhere on its own origin, judged
// after parsing the value as the browser does (lib/http/safe-redirect.ts).
import { describe, expect, it } from "vitest";
import { sameOriginPath, sameOriginUrl } from "@/lib/http/safe-redirect";

const ORIGIN = "http://127.0.0.1:3000";

// What `/login?callbackUrl=…` hands the page once the query is decoded, for each probe.
const HOSTILE = [
  "/\\evil.test/phish", // callbackUrl=/%5Cevil.test/phish
  "\\\\evil.test/phish",
  "/\t/evil.test/phish", // callbackUrl=/%09/evil.test/…
  "/\n/evil.test/phish",
  "/\r\n/evil.test/phish",
  "\t//evil.test/phish",
  " //evil.test/phish",
  "//evil.test/phish",
  "///evil.test/phish",
  "/\\/evil.test/phish",
  "\\/evil.test/phish",
  "https://evil.test/phish",
  "https:/\\evil.test",
  "http://127.0.0.1:3000@evil.test/",
  "http://127.0.0.1:3000.evil.test/",
  "http://user:pass@127.0.0.1:3000/",
  "https://127.0.0.1:3000/",
  "http://127.0.0.1:3001/",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "",
];

describe("sameOriginUrl", () => {
  it("refuses everything that leaves the origin once parsed as a browser parses it", () => {
    for (const value of HOSTILE) {
      expect(sameOriginUrl(value, ORIGIN), JSON.stringify(value)).toBeNull();
    }
    // Whatever it does accept, a browser would open on our origin.
    expect(sameOriginUrl(undefined, ORIGIN)).toBeNull();
    expect(sameOriginUrl(["/projects"], ORIGIN)).toBeNull();
  });

  it("keeps same-origin paths and URLs, as absolute URLs on the origin", () => {
    expect(sameOriginUrl("/projects/abc?tab=claims#c1", ORIGIN)).toBe(`${ORIGIN}/projects/abc?tab=claims#c1`);
    expect(sameOriginUrl("/", ORIGIN)).toBe(`${ORIGIN}/`);
    expect(sameOriginUrl(`${ORIGIN}/settings`, ORIGIN)).toBe(`${ORIGIN}/settings`);
    // A backslash inside a same-origin path stays a path on the origin.
    expect(sameOriginUrl("/claims/x\\y", ORIGIN)).toBe(`${ORIGIN}/claims/x/y`);
    expect(sameOriginUrl("/%5Cevil.test", ORIGIN)).toBe(`${ORIGIN}/%5Cevil.test`);
  });
});

describe("sameOriginPath (what the login page passes to its form)", () => {
  it("is a path on the origin, or / for anything else", () => {
    for (const value of HOSTILE) {
      const path = sameOriginPath(value, ORIGIN);
      expect(path, JSON.stringify(value)).toBe("/");
    }
    expect(sameOriginPath("/projects/abc?x=1#y", ORIGIN)).toBe("/projects/abc?x=1#y");
    expect(sameOriginPath(undefined, ORIGIN)).toBe("/");
  });

  it("never a path the browser would read as another host, even after dot-segments are resolved", () => {
    for (const value of ["/.//evil.test/x", "/./\\evil.test", "/a/..//evil.test", "/%2e//evil.test"]) {
      const path = sameOriginPath(value, ORIGIN);
      expect(new URL(path, ORIGIN).origin, `${JSON.stringify(value)} → ${path}`).toBe(ORIGIN);
      expect(path.startsWith("//")).toBe(false);
    }
  });

  it("the path it returns, resolved by the browser, stays on any origin the page is served from", () => {
    for (const value of ["/projects", "/\\evil.test", "/\t/evil.test", "/.//evil.test/x"]) {
      const path = sameOriginPath(value, ORIGIN);
      for (const origin of ["https://sanad.example", "http://localhost:3000"]) {
        expect(new URL(path, origin).origin).toBe(origin);
      }
    }
  });
});
