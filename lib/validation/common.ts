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

// Dates PostgreSQL and JavaScript both hold, written the way toISOString writes them: years
// 0001 to 9999. Year 0000 (which PostgreSQL does not have), JavaScript's extremes (-271821,
// +275760) and anything beyond are refused rather than sent to the database.
const MIN_DATE = new Date("0001-01-01T00:00:00Z").getTime();
const MAX_DATE = new Date("9999-12-31T23:59:59.999Z").getTime();
export const isStorableDate = (d: Date) => !Number.isNaN(d.getTime()) && d.getTime() >= MIN_DATE && d.getTime() <= MAX_DATE;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

/**
 * A date (YYYY-MM-DD) or ISO 8601 date-time, checked field by field: a day the calendar has
 * (no 2024-02-30, which JavaScript would roll into March), hours, minutes, seconds and offsets
 * in range, and a year from 0001 to 9999. Null when it is not one.
 */
export function parseDateInput(s: string, { timeRequired = false } = {}): Date | null {
  const m = DATE_TIME.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, zone, zh, zm] = m;
  if (timeRequired && (h === undefined || zone === undefined)) return null;
  const year = Number(y), month = Number(mo), day = Number(d);
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day);
  if (month < 1 || month > 12 || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || (sec !== undefined && Number(sec) > 59))) return null;
  if (zh !== undefined && (Number(zh) > 23 || Number(zm) > 59)) return null;
  const date = new Date(s.replace(" ", "T"));
  return isStorableDate(date) ? date : null;
}

/**
 * A string schema that reads a date once: a string `parse` cannot read is an issue with `message`;
 * what it reads is the output. (A refine then a transform would read every date twice.)
 */
const dateFrom = (parse: (s: string) => Date | null, message: string) =>
  z
    .string()
    .trim()
    .transform((s, ctx) => {
      const date = parse(s);
      if (date === null) {
        ctx.issues.push({ code: "custom", message, input: s });
        return z.NEVER;
      }
      return date;
    });

export const dateInput = dateFrom(parseDateInput, "must be a date (YYYY-MM-DD or ISO 8601) from year 0001 to 9999 that the calendar has");

/** A date-time with its time zone (Z or ±hh:mm), as sources' readAt. */
export const dateTimeInput = dateFrom(
  (s) => parseDateInput(s, { timeRequired: true }),
  "must be an ISO 8601 date-time with a time zone, from year 0001 to 9999",
).meta({ format: "date-time" });

/**
 * A whole number in a query string: digits only (no 0x10, 1e2, +5 or spaces), from `min` to `max`,
 * `fallback` when absent. The OpenAPI document describes it as the integer it is.
 */
export const digitsParam = ({ min, max, fallback }: { min: number; max: number; fallback?: number }) =>
  z
    .string()
    .regex(/^\d{1,9}$/, "must be a whole number written in digits")
    .optional()
    .transform((s) => (s === undefined ? fallback : Number(s)))
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).optional())
    .meta({ type: "integer", minimum: min, maximum: max });

/** A page size in a query string: digits only, 1 to `max`, `fallback` when absent. */
export const limitParam = (max: number, fallback: number) =>
  digitsParam({ min: 1, max, fallback }).transform((n) => n ?? fallback);

export const idParam = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "is not a valid id");
