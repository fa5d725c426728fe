// No server-side request to a user-given URL, anywhere: Sanad stores source URLs and shows
// them as links, and never fetches them. This test reads every source file and enforces:
//
//   Server code (every module that is not a "use client" module: app/, lib/, proxy.ts,
//   scripts/, seeds/, prisma/, and the server components in components/) makes no outgoing
//   request at all: no fetch (called or passed around), no XMLHttpRequest, WebSocket,
//   EventSource or sendBeacon, and no import of a network client (node's http, https, http2,
//   net, tls, dgram, dns; undici, axios, got, node-fetch, …). The one exception is named below
//   with its reason: the embedded PostgreSQL's start-up may listen on a local port to find a
//   free one (net.createServer, never a connection).
//
//   Browser code ("use client" modules) may fetch only a literal same-origin path: a string or
//   template whose text begins with "/" but not "//", so the request can only go to Sanad
//   itself (in the browser it is same-origin; during server rendering Node refuses a relative
//   URL). A helper that takes the path as a parameter (components/client/api.ts) counts
//   only if every call of it passes such a literal.
//
// The database connection (pg, Prisma) is not a user-given URL: it is DATABASE_URL, read once.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "lib", "components", "scripts", "seeds", "prisma", "proxy.ts", "next.config.ts", "prisma.config.ts"];
const NETWORK_MODULES = new Set([
  "http", "https", "http2", "net", "tls", "dgram", "dns", "dns/promises", "undici", "axios", "got", "node-fetch", "cross-fetch",
  "isomorphic-fetch", "isomorphic-unfetch", "unfetch", "request", "superagent", "needle", "ky", "ws", "phin", "make-fetch-happen",
  "follow-redirects", "http-proxy", "socket.io-client",
]);
/** Network modules a server file may import, each for one reason, with the only members it may use. */
const ALLOWED_IMPORTS: { file: string; module: string; members: string[]; why: string }[] = [
  { file: "lib/database/embedded-postgres.ts", module: "net", members: ["createServer"], why: "probes for a free local port by listening on 127.0.0.1" },
  { file: "lib/http/refuse-methods.ts", module: "http", members: ["Server"], why: "answers TRACE at the app's own HTTP server; sends no request" },
];
/** Browser helpers that pass one parameter to fetch as the URL; every caller must give a literal path. */
const SAME_ORIGIN_HELPERS = [{ file: "components/client/api.ts", name: "api" }];

type Finding = { file: string; line: number; rule: string; text: string };

const bare = (specifier: string) => specifier.replace(/^node:/, "");
const isNetworkModule = (specifier: string) => NETWORK_MODULES.has(bare(specifier)) || NETWORK_MODULES.has(bare(specifier).split("/")[0]);

function isUseClient(sf: ts.SourceFile) {
  const first = sf.statements[0];
  return !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use client";
}

/** A literal path to Sanad itself: "/…" or `/…${x}…`, never "//host" or a full URL. */
function isSameOriginPath(node: ts.Node | undefined): boolean {
  if (!node) return false;
  const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : ts.isTemplateExpression(node) ? node.head.text : null;
  return text !== null && text.startsWith("/") && !text.startsWith("//") && !text.startsWith("/\\");
}

function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | null {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return n;
  return null;
}

const functionName = (fn: ts.SignatureDeclaration | null) =>
  fn && (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name ? fn.name.text : fn && fn.parent && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : null;

/** Is this identifier a reference to a value (not a property name or a declaration's name)? */
function isValueReference(id: ts.Identifier) {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodSignature(p)) && p.name === id) return false;
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && (p.propertyName === id || p.name === id)) return false;
  if (ts.isImportClause(p)) return false;
  return true;
}

export function scan(file: string, source: string, helperCalls: Map<string, Finding[]> = new Map()): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const browser = isUseClient(sf);
  const findings: Finding[] = [];
  const flag = (node: ts.Node, rule: string) =>
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, rule, text: node.getText().slice(0, 120) });
  const allowed = ALLOWED_IMPORTS.filter((a) => a.file === file);
  const importedAs = new Map<string, string>(); // local name → allowed module

  const checkModule = (node: ts.Node, specifier: string, clause?: ts.ImportClause) => {
    if (!isNetworkModule(specifier)) return;
    const permit = allowed.find((a) => a.module === bare(specifier));
    if (permit && !browser && clause?.name && !clause.namedBindings) {
      importedAs.set(clause.name.text, permit.module);
      return;
    }
    flag(node, `imports the network module "${specifier}"`);
  };

  const helper = SAME_ORIGIN_HELPERS.find((h) => h.file === file);
  const importedHelpers = new Map<string, (typeof SAME_ORIGIN_HELPERS)[number]>();

  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      checkModule(node, specifier, ts.isImportDeclaration(node) ? node.importClause : undefined);
      if (ts.isImportDeclaration(node) && node.importClause?.namedBindings && ts.isNamedImports(node.importClause.namedBindings)) {
        for (const h of SAME_ORIGIN_HELPERS) {
          const target = h.file.replace(/\.tsx?$/, "");
          if (specifier === `@/${target}` || path.join(path.dirname(file), specifier) === target) {
            for (const el of node.importClause.namedBindings.elements) if ((el.propertyName ?? el.name).text === h.name) importedHelpers.set(el.name.text, h);
          }
        }
      }
    }
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      checkModule(node, node.moduleReference.expression.text);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const [first] = node.arguments;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require")) {
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) checkModule(node, first.text);
        // A computed name under a relative folder is a local file (message catalogues), never a package.
        else if (!(first && ts.isTemplateExpression(first) && /^\.\.?\//.test(first.head.text))) flag(node, "loads a module whose name is computed");
      }
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === "sendBeacon") flag(node, "sends a beacon");
      const isFetch =
        (ts.isIdentifier(callee) && callee.text === "fetch") ||
        (ts.isPropertyAccessExpression(callee) && callee.name.text === "fetch" && ts.isIdentifier(callee.expression) && ["globalThis", "window", "self", "global"].includes(callee.expression.text));
      if (isFetch) {
        if (!browser) flag(node, "fetch in server code");
        else if (isSameOriginPath(first)) {
          /* a literal path to Sanad itself */
        } else {
          const fn = enclosingFunction(node);
          const param = fn && first && ts.isIdentifier(first) ? fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === first.text) : -1;
          if (!(helper && param >= 0 && functionName(fn) === helper.name)) flag(node, "fetch of a URL that is not a literal same-origin path");
        }
      }
      if (ts.isIdentifier(callee) && importedHelpers.has(callee.text)) {
        const h = importedHelpers.get(callee.text)!;
        const list = helperCalls.get(h.name) ?? [];
        list.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, rule: isSameOriginPath(node.arguments[1]) ? "ok" : "bad", text: node.getText().slice(0, 120) });
        helperCalls.set(h.name, list);
      }
    }
    // An EventSource in browser code follows the fetch rule: a literal path to Sanad itself.
    const ownStream = browser && ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "EventSource" && isSameOriginPath(node.arguments?.[0]);
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && ["XMLHttpRequest", "WebSocket", "EventSource"].includes(node.expression.text) && !ownStream) {
      flag(node, `opens a ${node.expression.text}`);
    }
    if (ts.isIdentifier(node) && isValueReference(node)) {
      if (node.text === "fetch" && !(ts.isCallExpression(node.parent) && node.parent.expression === node)) flag(node, "passes fetch around");
      if (importedHelpers.has(node.text) && !(ts.isCallExpression(node.parent) && node.parent.expression === node)) flag(node, "passes a fetch helper around");
      const module = importedAs.get(node.text);
      if (module) {
        const p = node.parent;
        const member = ts.isPropertyAccessExpression(p) && p.expression === node ? p.name.text : null;
        const permit = allowed.find((a) => a.module === module)!;
        if (!member || !permit.members.includes(member)) flag(node, `uses ${module}${member ? `.${member}` : ""}, not allowed here (only ${permit.members.join(", ")})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== "node_modules" && !e.startsWith(".")) walk(path.join(p, e));
    } else if (/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(p) && !p.endsWith(".d.ts")) out.push(p);
  };
  for (const r of ROOTS) walk(r);
  return out;
}

function scanAll(files: { file: string; source: string }[]) {
  const helperCalls = new Map<string, Finding[]>();
  const findings = files.flatMap(({ file, source }) => scan(file, source, helperCalls));
  for (const calls of helperCalls.values()) for (const c of calls) if (c.rule === "bad") findings.push({ ...c, rule: "calls a fetch helper with a path that is not a literal same-origin path" });
  return { findings, helperCalls };
}

describe("no server-side fetch of user-given URLs", () => {
  it("the rule finds what it must (the scanner is not blind)", () => {
    const server = (code: string) => scan("lib/x.ts", code).map((f) => f.rule);
    const client = (code: string) => scan("components/x.tsx", `"use client";\n${code}`).map((f) => f.rule);
    expect(server(`await fetch(source.url);`)).toEqual(["fetch in server code"]);
    expect(server(`await fetch("/api/health");`)).toEqual(["fetch in server code"]);
    expect(server(`await globalThis.fetch(u);`)).toEqual(["fetch in server code"]);
    expect(server(`const get = fetch; await get(u);`)).toEqual(["passes fetch around"]);
    expect(server(`import axios from "axios";`)).toHaveLength(1);
    expect(server(`import { request } from "node:https";`)).toHaveLength(1);
    expect(server(`import * as http from "http"; http.get(u);`)).toHaveLength(1);
    expect(server(`import { fetch } from "undici";`)).toHaveLength(1);
    expect(server(`const got = require("got");`)).toHaveLength(1);
    expect(server(`const m = await import("node:http2");`)).toHaveLength(1);
    expect(server(`const m = await import(name);`)).toEqual(["loads a module whose name is computed"]);
    expect(server("const m = await import(`${pkg}/x`);")).toEqual(["loads a module whose name is computed"]);
    expect(server("const m = await import(`./messages/${locale}.json`);")).toEqual([]);
    expect(server(`export { get } from "node:http";`)).toHaveLength(1);
    expect(server(`new WebSocket(u);`)).toHaveLength(1);
    expect(server(`import net from "node:net"; net.connect(80, "example.org");`)).toHaveLength(1);
    expect(scan("lib/database/embedded-postgres.ts", `import net from "node:net"; net.connect(5432);`)).toHaveLength(1);
    expect(scan("lib/database/embedded-postgres.ts", `import net from "node:net"; net.createServer();`)).toEqual([]);
    expect(server(`const fetchArticles = () => db.article.findMany(); obj.fetch(x);`)).toEqual([]);
    expect(client(`await fetch("/api/v1/me/locale", { method: "PUT" });`)).toEqual([]);
    expect(client("await fetch(`/api/v1/claims/${id}`);")).toEqual([]);
    expect(client(`await fetch(url);`)).toEqual(["fetch of a URL that is not a literal same-origin path"]);
    expect(client(`await fetch("https://evil.example/x");`)).toHaveLength(1);
    expect(client(`await fetch("//evil.example/x");`)).toHaveLength(1);
    expect(client("await fetch(`${base}/api`);")).toHaveLength(1);
    expect(client("new EventSource(`/api/v1/projects/${id}/live`);")).toEqual([]);
    expect(client(`new EventSource(url);`)).toHaveLength(1);
    expect(server(`new EventSource("/api/v1/projects/x/live");`)).toHaveLength(1);
    const { findings } = scanAll([
      { file: "components/client/api.ts", source: `"use client";\nexport async function api(method, path) { return fetch(path, { method }); }` },
      { file: "components/a.tsx", source: `"use client";\nimport { api } from "@/components/client/api";\napi("POST", \`/api/v1/claims/\${id}\`);\napi("GET", source.url);` },
    ]);
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(["components/a.tsx:4"]);
  });

  it("no server module of Sanad makes an outgoing request; browser modules only call Sanad itself", () => {
    const files = sourceFiles().map((file) => ({ file, source: readFileSync(file, "utf8") }));
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.file.startsWith("app/api/"))).toBe(true);
    const { findings, helperCalls } = scanAll(files);
    expect(findings, findings.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.text}`).join("\n")).toEqual([]);
    // The helper is really used, and each exception still exists (a stale one would hide nothing).
    expect(helperCalls.get("api")?.length ?? 0).toBeGreaterThan(3);
    for (const a of ALLOWED_IMPORTS) expect(readFileSync(a.file, "utf8"), a.why).toMatch(new RegExp(`from "(node:)?${a.module}"`));
  });

  it("source URLs are validated as http(s) and stored, and the code that stores them says it never fetches them", () => {
    const add = readFileSync("lib/claims/add-source.ts", "utf8");
    expect(add).not.toMatch(/\bfetch\b\s*\(/);
    expect(readFileSync("lib/validation/common.ts", "utf8")).toMatch(/u\.protocol === "http:" \|\| u\.protocol === "https:"/);
  });
});
