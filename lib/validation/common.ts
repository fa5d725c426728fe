import { z } from "zod";

// Forms send "" for an untouched optional field; the API may send null. Both mean "absent".
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

// Lone surrogates and NUL cannot be stored as PostgreSQL text, and have no place in a title.
const CONTROL = /[\u0000]/;
export const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), "must not contain NUL characters")
    .refine((s) => s.isWellFormed(), "must not contain lone surrogates");

export const requiredText = (max: number) =>
  text(max).refine((s) => s.trim().length > 0, "must not be empty");

/** http and https only: a URL is stored and shown, never fetched by the server. */
export const httpUrl = z
  .string()
  .trim()
  .max(2048, "must be at most 2048 characters")
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, "must be an http or https URL");

export const dateInput = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), "must be a date (YYYY-MM-DD or ISO 8601)")
  .transform((s) => new Date(s));

export const idParam = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "is not a valid id");
