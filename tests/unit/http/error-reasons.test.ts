// Error reasons: the server names them, the interface phrases them in both languages.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldReasonsOf } from "@/lib/validation/parse";
import { AppError, toErrorBody } from "@/lib/errors";
import { projectSettingsSchema } from "@/lib/validation/admin";
import en from "@/lib/i18n/messages/en/errors.json";
import ar from "@/lib/i18n/messages/ar/errors.json";

function keys(o: object, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return f === "generated" ? [] : sources(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

describe("error reasons", () => {
  it("every body has a reason: the one given, else the code", () => {
    expect(toErrorBody(new AppError("conflict", "x", { reason: "stale_version", params: { version: 3 } })).error).toMatchObject({ code: "conflict", reason: "stale_version", params: { version: 3 } });
    expect(toErrorBody(new AppError("not_found", "x")).error.reason).toBe("not_found");
  });

  it("validation issues become per-field reasons with their values", () => {
    const schema = z.object({ name: z.string().min(3).max(5), count: z.number().int().min(1), list: z.array(z.string()).min(1), email: z.email(), kind: z.enum(["a", "b"]) });
    const input = { name: "abcdefg", count: 0, list: [], email: "nope", kind: "c" };
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(fieldReasonsOf(result.error!, input)).toEqual({
      name: { reason: "too_long", params: { maximum: 5 } },
      count: { reason: "too_small", params: { minimum: 1 } },
      list: { reason: "too_few", params: { minimum: 1 } },
      email: { reason: "invalid_email" },
      kind: { reason: "invalid_choice" },
    });
    const missing = schema.safeParse({});
    expect(fieldReasonsOf(missing.error!, {}).name).toEqual({ reason: "required" });
    const bad = projectSettingsSchema.safeParse({ disagreementRule: "often" });
    expect(fieldReasonsOf(bad.error!, { disagreementRule: "often" })).toEqual({ disagreementRule: { reason: "invalid_choice" } });
  });

  it("Arabic and English have the same messages", () => {
    expect(keys(ar).sort()).toEqual(keys(en).sort());
  });

  it("every reason an operation throws has a message in both languages", () => {
    const thrown = new Set<string>();
    for (const file of sources(path.join(process.cwd(), "lib"))) {
      const text = readFileSync(file, "utf8");
      if (!text.includes("new AppError")) continue;
      for (const m of text.matchAll(/reason: "([a-z_]+)"/g)) thrown.add(m[1]);
    }
    // Reasons built from a state: claim_<status> (add-source: verified or retracted meanwhile) and suggestion_<state>.
    for (const s of ["verified", "retracted"]) thrown.add(`claim_${s}`);
    for (const s of ["accepted", "dismissed", "resolved"]) thrown.add(`suggestion_${s}`);
    const field = new Set(Object.keys(en.field));
    const missing = [...thrown].filter((r) => !field.has(r) && !(r in en.reason));
    expect(missing).toEqual([]);
  });
});
