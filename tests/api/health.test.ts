import { describe, expect, inject, it } from "vitest";

const base = inject("appUrl");

describe("GET /api/health", () => {
  it("answers ok with the database reachable", async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("serves /login to anyone and sends other pages to it", async () => {
    const login = await fetch(`${base}/login`);
    expect(login.status).toBe(200);
    const home = await fetch(`${base}/`, { redirect: "manual" });
    expect([302, 303, 307, 308]).toContain(home.status);
    expect(home.headers.get("location")).toContain("/login");
  });
});
