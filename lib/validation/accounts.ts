import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

// A new password: the same rule as `user add`.
export const newPassword = z.string().min(10, "must be at least 10 characters").max(1024, "must be at most 1024 characters");

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "is required").max(1024),
  newPassword,
});

export const completeResetSchema = z.object({
  token: z.string().min(1, "is required").max(200, "is not a reset token"),
  password: newPassword,
});

// Six digits, or a recovery code (xxxxx-xxxxx); spaces and dashes people type are forgiven.
export const secondFactorCode = z.string().trim().min(6, "must be a 6-digit code or a recovery code").max(32, "must be a 6-digit code or a recovery code");

export const confirmTwoFactorSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, "must be the 6-digit code your app shows") });
export const disableTwoFactorSchema = z.object({ code: secondFactorCode });

/** PUT /api/v1/me/locale: the interface language kept with one's profile. */
export const localeSchema = z.object({ locale: z.enum(LOCALES, "must be ar or en") });
