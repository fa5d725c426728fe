import "server-only";
import type { z } from "zod";
import { AppError, notFound, toErrorResponse } from "@/lib/errors";
import { idParam } from "@/lib/validation/common";
import { fieldsOf, parseWith } from "@/lib/validation/parse";

export const DEFAULT_BODY_LIMIT = 64 * 1024;
export const ARTICLE_BODY_LIMIT = 6 * 1024 * 1024;
// How much of a refused body is read and dropped before the connection is given up (see readText).
const DRAIN_LIMIT = 10 * 1024 * 1024;

type Params = Record<string, string | string[]>;
type Handler<P extends Params> = (request: Request, params: P) => Promise<Response>;

/** Every API route handler goes through here: errors become one JSON shape, never a bare 500. */
export function route<P extends Params = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }) => {
    try {
      const params = context?.params ? await context.params : ({} as P);
      // Path parameters are ids. Anything else (a NUL byte, a lone surrogate, a path of junk)
      // names no row, and must not reach PostgreSQL, which would refuse it with an error.
      for (const value of Object.values(params).flat()) {
        if (!idParam.safeParse(value).success) throw notFound();
      }
      return await handler(request, params);
    } catch (error) {
      return toErrorResponse(error, { method: request.method, path: new URL(request.url).pathname });
    }
  };
}

// Schema parsing lives in lib/validation/parse.ts (the command line uses it too); routes import it from here.
export { fieldsOf, parseWith };

/** Reads a JSON body: 415 when it is not JSON, 413 past `limit` bytes, 400 when malformed. */
export async function readJson(request: Request, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
  }
  const text = await readText(request, limit);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("invalid_input", `The body is not valid JSON: ${(e as Error).message}`, { fields: { body: "is not valid JSON" } });
  }
}

/** Reads a body as UTF-8 text: 413 past `limit` bytes (declared or streamed), 400 when it is not UTF-8 or absent. */
export async function readText(request: Request, limit = DEFAULT_BODY_LIMIT): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  const reader = request.body?.getReader();
  if (!reader) throw new AppError("invalid_input", "The request has no body.", { fields: { body: "is required" } });
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Read on, dropping it, what the client is still sending (up to DRAIN_LIMIT), so that it
      // gets the 413 rather than a reset connection; past that, stop reading.
      while (size <= DRAIN_LIMIT) {
        const rest = await reader.read();
        if (rest.done) break;
        size += rest.value.byteLength;
      }
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("invalid_input", "The body is not valid UTF-8.", { fields: { body: "is not valid UTF-8" } });
  }
}

function tooLarge(limit: number) {
  return new AppError("payload_too_large", `The body is larger than ${Math.round(limit / 1024)} KiB.`, { reason: limit >= ARTICLE_BODY_LIMIT ? "article_too_large" : "body_too_large", params: { kib: Math.round(limit / 1024) } });
}

export async function parseBody<S extends z.ZodType>(request: Request, schema: S, limit = DEFAULT_BODY_LIMIT) {
  return parseWith(schema, await readJson(request, limit));
}

export const json = (data: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(data, { status, headers });
