import { describe, expect, it } from "vitest";
import { API_ROUTES, openApiDocument } from "@/lib/http/openapi";

type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown> };
const doc = openApiDocument("http://localhost");
const queryOf = (path: string, method = "get") =>
  ((doc.paths[path][method] as { parameters?: Parameter[] }).parameters ?? []).filter((p) => p.in === "query");

describe("the OpenAPI document's query parameters come from the schemas the routes parse", () => {
  it("describes every query parameter with a description and a schema", () => {
    const withQuery = API_ROUTES.filter((r) => r.query);
    expect(withQuery.length).toBeGreaterThanOrEqual(9);
    for (const r of withQuery) {
      const params = queryOf(r.path, r.method);
      expect(params.length, `${r.method} ${r.path}`).toBeGreaterThan(0);
      for (const p of params) {
        expect(p.description, `${r.path} ${p.name}`).toBeTruthy();
        expect(p.schema.type, `${r.path} ${p.name}`).toMatch(/^(string|integer|number)$/);
      }
    }
  });

  it("describes whole numbers in the query string as integers with their range, not as digit patterns", () => {
    const limit = (path: string) => queryOf(path).find((p) => p.name === "limit")?.schema;
    expect(limit("/api/v1/projects/{projectId}/events")).toEqual({ type: "integer", minimum: 1, maximum: 500 });
    expect(limit("/api/v1/search")).toEqual({ type: "integer", minimum: 1, maximum: 50 });
    expect(limit("/api/v1/me/notifications")).toEqual({ type: "integer", minimum: 1, maximum: 200 });
    expect(limit("/api/v1/projects/{projectId}/articles")).toEqual({ type: "integer", minimum: 1, maximum: 200 });
    expect(queryOf("/api/v1/projects/{projectId}/events").find((p) => p.name === "wait")?.schema).toEqual({ type: "integer", minimum: 0, maximum: 30 });
  });

  it("marks what the schema requires as required, and nothing else", () => {
    const required = (path: string) => queryOf(path).filter((p) => p.required).map((p) => p.name);
    expect(required("/api/v1/search")).toEqual(["q"]);
    expect(required("/api/v1/projects/{projectId}/export")).toEqual(["format"]);
    expect(required("/api/v1/projects/{projectId}/disagreements")).toEqual([]);
    expect(queryOf("/api/v1/projects/{projectId}/export").map((p) => p.name)).toEqual(["format", "status", "articleId", "from", "to"]);
  });

  it("takes the body of PUT /me/locale from the schema the route parses", () => {
    const body = (doc.paths["/api/v1/me/locale"].put as { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }).requestBody;
    expect(body.content["application/json"].schema.properties.locale).toEqual({ type: "string", enum: ["ar", "en"] });
  });
});
