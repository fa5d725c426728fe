import { DISAGREEMENT_RULES } from "@/lib/claims/claim-status";
import { z } from "zod";
import { httpUrl, idParam, optional, requiredText, text } from "@/lib/validation/common";

export const createProjectSchema = z.object({
  name: requiredText(200),
  defaultLanguage: optional(z.enum(["ar", "en"], "must be ar or en")),
});

export const addMemberSchema = z.object({
  email: z.email("must be an email address").max(320),
  role: z.enum(["reviewer", "editor"], "must be reviewer or editor"),
});

// Unlike most optional fields, "" here means "clear it" (the organization was removed).
export const projectSettingsSchema = z.object({
  requiredVerdicts: optional(z.number().int().min(1, "must be at least 1").max(10, "must be at most 10")),
  organizationName: text(200).optional(),
  // "" or null clears it (the settings form sends null, its parsed value for an empty field).
  organizationUrl: z.union([z.literal("").transform(() => null), z.null(), httpUrl]).optional(),
  disagreementRule: z.enum(DISAGREEMENT_RULES, 'must be "any" or "across_divide"').optional(),
});

export const createUserSchema = z.object({
  email: z.email("must be an email address").max(320),
  name: requiredText(200),
  password: z.string().min(10, "must be at least 10 characters").max(1024),
  isAdmin: z.boolean().default(false),
});

export const createTokenSchema = z.object({ label: optional(text(100)) });
export const assignSchema = z.object({ reviewerIds: z.array(idParam).min(1, "name at least one reviewer").max(50) });
export const verifyAgreedSchema = z.object({ claimIds: z.array(idParam).min(1, "name at least one claim").max(1000), note: optional(text(2000)) });
