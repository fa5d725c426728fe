import type { z } from "zod";
import { AppError } from "@/lib/errors";

// Reading input through a schema, shared by every entry point: the API's route handlers
// (lib/http/api.ts), pages and the command line (cli/). Not tied to HTTP.

/** A zod error as one message per field ("body" for the value as a whole). */
export function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Per field, a stable reason (and its values) for the client to phrase in the reader's language. */
export function fieldReasonsOf(error: z.ZodError, input: unknown): Record<string, FieldReason> {
  const reasons: Record<string, FieldReason> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "body";
    reasons[key] ??= reasonOf(issue, valueAt(input, issue.path));
  }
  return reasons;
}
export type FieldReason = { reason: string; params?: Record<string, string | number> };

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function reasonOf(issue: z.core.$ZodIssue, value: unknown): FieldReason {
  const limit = (n: unknown) => (typeof n === "bigint" ? Number(n) : (n as number));
  switch (issue.code) {
    case "invalid_type":
      return value === undefined || value === null ? { reason: "required" } : { reason: "invalid_type", params: { expected: String(issue.expected) } };
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? { reason: "required" } : { reason: "too_short", params: { minimum: limit(issue.minimum) } };
      if (issue.origin === "array" || issue.origin === "set") return { reason: "too_few", params: { minimum: limit(issue.minimum) } };
      return { reason: "too_small", params: { minimum: limit(issue.minimum) } };
    case "too_big":
      if (issue.origin === "string") return { reason: "too_long", params: { maximum: limit(issue.maximum) } };
      if (issue.origin === "array" || issue.origin === "set") return { reason: "too_many", params: { maximum: limit(issue.maximum) } };
      return { reason: "too_large", params: { maximum: limit(issue.maximum) } };
    case "invalid_format":
      return { reason: issue.format === "email" ? "invalid_email" : issue.format === "url" ? "invalid_url" : "invalid_format" };
    case "invalid_value":
    case "invalid_union":
      return { reason: "invalid_choice" };
    case "unrecognized_keys":
      return { reason: "unknown_field" };
    default:
      return { reason: "invalid" };
  }
}

/** The parsed value, or an invalid_input AppError naming each field that is wrong (and why, as reasons). */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields = fieldsOf(result.error);
    throw new AppError("invalid_input", `Invalid input: ${Object.keys(fields).join(", ")}`, { fields, reason: "invalid_fields", fieldReasons: fieldReasonsOf(result.error, value) });
  }
  return result.data;
}
