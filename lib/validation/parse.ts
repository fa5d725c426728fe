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

/** The parsed value, or an invalid_input AppError naming each field that is wrong. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields = fieldsOf(result.error);
    throw new AppError("invalid_input", `Invalid input: ${Object.keys(fields).join(", ")}`, { fields });
  }
  return result.data;
}
