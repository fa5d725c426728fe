// What reaches the server before any route: methods Next.js cannot handle, paths no route
// serves, paths that do not decode, and where `npm start` listens. None of it is a 500; API
// answers keep the API's JSON error shape.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { findFreePort } from "@/lib/database/embedded-postgres";
import { makeDesk } from "../factories";
import { withDatabase } from "../setup/global-database";
import { waitForHealth } from "../setup/wait-for-health";
import { appUrl } from "./harness";

/** One request written by hand on a socket (fetch refuses TRACE); the status line and body. */
function rawRequest(method: string, target: string, base = appUrl): Promise<{ status: number; head: string; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(`${method} ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`));
    let data = "";
    socket.setEncoding("utf8");
    socket.on("data", (d) => (data += d));
    socket.on("error", reject);
    socket.setTimeout(15_000, () => socket.destroy(new Error(`${method} ${target}: no answer`)));
    socket.on("close", () => {
      const [head, ...rest] = data.split("\r\n\r\n");
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body: rest.join("\r\n\r\n") });
    });
  });
}

function expectApiError(status: number, body: any, code: string, label: string) {
  expect(body?.error?.code, `${label}: ${status} ${JSON.stringify(body)}`).toBe(code);
  expect(typeof body.error.message, label).toBe("string");
}

describe("methods Next.js cannot handle", () => {
  it("TRACE gets 405 in the API's error shape, on API routes and pages alike, never a 500", async () => {
    for (const target of ["/api/health", "/api/v1/projects", "/api/auth/session", "/", "/login", "/no-such-page"]) {
      const answer = await rawRequest("TRACE", target);
      const label = `TRACE ${target}`;
      expect(answer.status, `${label}:\n${answer.head}`).toBe(405);
      expectApiError(answer.status, JSON.parse(answer.body), "method_not_allowed", label);
      expect(answer.head.toLowerCase(), label).toContain("x-content-type-options: nosniff");
    }
    // Methods Node's HTTP parser does not know (TRACK, made-up ones) it refuses itself with a 400.
    for (const method of ["TRACK", "BREW"]) {
      const answer = await rawRequest(method, "/api/health");
      expect(answer.status, `${method}:\n${answer.head}`).toBe(400);
    }
    // The server is still serving.
    expect((await fetch(`${appUrl}/api/health`)).status).toBe(200);
  });
});

describe("unknown API routes and wrong methods answer like the rest of the API", () => {
  it("a path no route serves is a JSON 404, whatever the method", async () => {
    const desk = await makeDesk();
    const auth = { Authorization: `Bearer ${desk.editor.token}` };
    for (const [method, target] of [
      ["GET", "/api/v1/no-such-route"],
      ["GET", "/api"],
      ["GET", "/api/v2/projects"],
      ["GET", `/api/v1/projects/${desk.project.id}/nothing`],
      ["POST", "/api/v1/nothing"],
      ["DELETE", "/api/v1/claims/abc/verdicts/me/extra"],
    ]) {
      const res = await fetch(appUrl + target, { method, headers: auth });
      const label = `${method} ${target}`;
      expect(res.status, label).toBe(404);
      expect(res.headers.get("content-type"), label).toMatch(/^application\/json/);
      expectApiError(res.status, await res.json(), "not_found", label);
      expect(res.headers.get("content-security-policy"), label).toContain("default-src 'none'");
    }
  });

  it("a method the route does not have is a JSON 405 with Allow; HEAD and OPTIONS still work", async () => {
    const desk = await makeDesk();
    const auth = { Authorization: `Bearer ${desk.editor.token}` };
    const cases: [string, string, string[]][] = [
      ["DELETE", "/api/health", ["GET", "HEAD", "OPTIONS"]],
      ["PUT", "/api/v1/projects", ["GET", "HEAD", "POST", "OPTIONS"]],
      ["PATCH", "/api/v1/tokens", ["GET", "HEAD", "POST", "OPTIONS"]],
      ["POST", "/api/v1/openapi.json", ["GET", "HEAD", "OPTIONS"]],
      ["PUT", "/api/auth/session", ["GET", "HEAD", "POST", "OPTIONS"]],
      ["PROPFIND", "/api/v1/projects", ["GET", "HEAD", "POST", "OPTIONS"]],
      ["PUT", `/api/v1/claims/${desk.project.id}/retract`, ["POST", "OPTIONS"]],
    ];
    for (const [method, target, allow] of cases) {
      const res = await fetch(appUrl + target, { method, headers: auth });
      const label = `${method} ${target}`;
      expect(res.status, label).toBe(405);
      expect(res.headers.get("allow")?.split(", "), label).toEqual(allow);
      expectApiError(res.status, await res.json(), "method_not_allowed", label);
    }
    expect((await fetch(`${appUrl}/api/health`, { method: "HEAD" })).status).toBe(200);
    const options = await fetch(`${appUrl}/api/v1/projects`, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toContain("POST");
  });
});

describe("paths whose percent-encoding does not decode", () => {
  const BAD = ["%FF", "%C0%AF", "%ED%A0%80", "%E2%82", "%F4%90%80%80"];

  it("API paths get a JSON 400 naming the path; pages a 400 or 404; never a 500", async () => {
    const desk = await makeDesk();
    const auth = { Authorization: `Bearer ${desk.editor.token}` };
    for (const bad of BAD) {
      for (const target of [`/api/v1/claims/${bad}`, `/api/v1/articles/${bad}/claims`, `/api/v1/projects/${desk.project.id}/members/${bad}`, `/api/v1/${bad}`]) {
        const res = await fetch(appUrl + target, { headers: auth });
        expect(res.status, target).toBe(400);
        const body = await res.json();
        expectApiError(res.status, body, "invalid_input", target);
        expect(body.error.fields, target).toHaveProperty("path");
      }
      for (const target of [`/claims/${bad}`, `/projects/${bad}`, `/articles/${bad}`, `/${bad}`, `/projects/${desk.project.id}/${bad}`]) {
        const res = await fetch(appUrl + target, { headers: auth, redirect: "manual" });
        expect([400, 404], `${target} → ${res.status}`).toContain(res.status);
      }
    }
    // Well-formed encodings are still just paths: an id that is not there is 404.
    const fine = await fetch(`${appUrl}/api/v1/claims/%61bc`, { headers: auth });
    expect(fine.status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------
// `npm start`'s server (scripts/serve.ts) on a database of its own.

describe("npm start's server", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "sanad-host-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function freshDatabase(): Promise<string> {
    const name = `sanad_serve_${inject("runId")}`;
    const admin = new pg.Client({ connectionString: inject("adminUrl") });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDb")}"`);
    await admin.end();
    return withDatabase(inject("adminUrl"), name);
  }

  function serve(env: Record<string, string>) {
    let output = "";
    const child = spawn(process.execPath, ["scripts/start.mjs", "scripts/serve.ts"], {
      env: { ...process.env, SANAD_DATA_DIR: dataDir, SANAD_DEMO_PASSWORD: "host-test-password", LOG_LEVEL: "warn", NEXTAUTH_URL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    };
    return { child, output: () => output, stop };
  }

  /** Local addresses listening on `port` (Linux's socket tables), as "127.0.0.1" or "::" etc. */
  function listeners(port: number): string[] {
    const hex = port.toString(16).toUpperCase().padStart(4, "0");
    const found: string[] = [];
    for (const [file, v6] of [["/proc/net/tcp", false], ["/proc/net/tcp6", true]] as const) {
      let table = "";
      try {
        table = readFileSync(file, "utf8");
      } catch {
        continue;
      }
      for (const line of table.split("\n").slice(1)) {
        const [, local, , state] = line.trim().split(/\s+/);
        if (!local || state !== "0A" || !local.endsWith(`:${hex}`)) continue;
        const addr = local.split(":")[0];
        if (!v6) found.push(addr.match(/../g)!.reverse().map((b) => parseInt(b, 16)).join("."));
        else found.push(/^0+$/.test(addr) ? "::" : addr === "00000000000000000000000001000000" ? "::1" : addr);
      }
    }
    return found;
  }

  const otherAddress = () =>
    Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === "IPv4" && !i.internal)?.address;

  function connects(host: string, port: number): Promise<boolean> {
    return new Promise((resolve) => {
      const s = net.connect(port, host);
      s.setTimeout(3000, () => (s.destroy(), resolve(false)));
      s.on("connect", () => (s.destroy(), resolve(true)));
      s.on("error", () => resolve(false));
    });
  }

  it("listens on 127.0.0.1 only unless HOST says otherwise, and logs a tampered session cookie as one line", async () => {
    const port = await findFreePort(44000 + Math.floor(Math.random() * 500));
    const app = serve({ DATABASE_URL: await freshDatabase(), PORT: String(port) });
    try {
      await waitForHealth(`http://127.0.0.1:${port}`, app.child, app.output, 180_000, "npm start (serve.ts)");
      expect(listeners(port)).toEqual(["127.0.0.1"]);
      const other = otherAddress();
      if (other) expect(await connects(other, port), `reachable on ${other}`).toBe(false);
      expect(await connects("127.0.0.1", port)).toBe(true);

      // A cookie that does not decrypt: refused, and one log line each time, no stack trace.
      const before = app.output().length;
      const forged = { Cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..tampered.tampered.tampered" };
      expect((await fetch(`http://127.0.0.1:${port}/api/v1/projects`, { headers: forged })).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${port}/settings`, { headers: forged, redirect: "manual" })).status).toBe(307);
      await new Promise((r) => setTimeout(r, 500));
      const logged = app.output().slice(before).split("\n").filter((l) => l.trim() !== "");
      const refusals = logged.filter((l) => l.includes("session cookie refused"));
      expect(refusals.length, logged.join("\n")).toBeGreaterThanOrEqual(2);
      for (const line of refusals) expect(JSON.parse(line)).toMatchObject({ level: "warn", reason: expect.any(String) });
      expect(logged.filter((l) => /^\s+at |stack|\[next-auth\]/.test(l)), logged.join("\n")).toEqual([]);
    } finally {
      await app.stop();
    }
  }, 240_000);

  it("a HOST that is not an address stops it at once, naming the variable", async () => {
    const app = serve({ HOST: "0.0.0.0:3000", DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    const code = await new Promise<number | null>((r) => app.child.once("exit", r));
    expect(code).toBe(1);
    expect(app.output()).toMatch(/HOST: must be an IP address or a host name/);
  }, 60_000);
});
