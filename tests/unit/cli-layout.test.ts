// The command line's shape (issue 19): cli/ is an entry point beside app/, its imports go one way
// (no circle), it parses without lib/http, and only it mints the system actor.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(path.join(root, rel)).isDirectory()) return files(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

/** The project files a module imports (static and dynamic), as paths from the root without extension. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map((m) => m[1]);
  return specs.flatMap((s) => {
    if (s.startsWith("@/")) return [s.slice(2)];
    if (s.startsWith(".")) return [path.join(path.dirname(file), s)];
    return [];
  });
}

const strip = (f: string) => f.replace(/\.tsx?$/, "");

describe("the command line's layout", () => {
  const cli = files("cli").map(strip);

  it("has no import circle among its modules", () => {
    const graph = new Map(cli.map((f) => [f, importsOf(f + ".ts").filter((t) => t.startsWith("cli/"))]));
    const cycles: string[][] = [];
    const visit = (node: string, trail: string[]) => {
      if (trail.includes(node)) return void cycles.push([...trail.slice(trail.indexOf(node)), node]);
      for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
    };
    for (const f of cli) visit(f, []);
    expect(cycles).toEqual([]);
    // The command modules never import the runner or the table that loads them.
    for (const f of cli.filter((f) => f.startsWith("cli/commands/"))) {
      expect(graph.get(f)!.filter((t) => t === "cli/run" || t === "cli/commands" || t === "cli/main"), f).toEqual([]);
    }
  });

  it("parses input without lib/http, and nothing in lib/ or app/ imports from cli/", () => {
    for (const f of cli) expect(importsOf(f + ".ts").filter((t) => t.startsWith("lib/http")), f).toEqual([]);
    for (const f of [...files("lib"), ...files("app")]) expect(importsOf(f).filter((t) => t.startsWith("cli/")), f).toEqual([]);
  });

  it("only the command line mints the system actor", () => {
    const minting = [...files("lib"), ...files("app"), ...files("components"), ...files("cli"), "proxy.ts", "instrumentation.ts"].filter((f) =>
      /\bcommandLineActor\s*\(/.test(readFileSync(path.join(root, f), "utf8")),
    );
    expect(minting.filter((f) => !f.startsWith("cli/") && f !== "lib/auth/system-actor.ts")).toEqual([]);
    expect(minting.some((f) => f.startsWith("cli/commands/"))).toBe(true);
  });
});
