"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

type Params = Record<string, string | number>;
type FieldReason = { reason?: string; params?: Params };
/** What an API error looks like to the client (ApiError, typed structurally so it can move). */
export type ApiErrorLike = {
  status: number;
  body: { error?: { code?: string; message?: string; reason?: string; params?: Params; fieldReasons?: Record<string, FieldReason>; [k: string]: unknown } };
};

export function isApiError(e: unknown): e is ApiErrorLike {
  return typeof e === "object" && e !== null && typeof (e as ApiErrorLike).status === "number" && typeof (e as ApiErrorLike).body === "object" && (e as ApiErrorLike).body !== null;
}

/**
 * The reader's-language text of an error: the server's specific reason (with its values) when
 * the interface knows it, else its code, else the server's English message; a failed fetch
 * says the server did not answer. The server keeps English messages for API users.
 */
export function useErrorText(): (error: unknown) => string {
  const t = useTranslations("errors");
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) return error instanceof TypeError ? t("network") : t("unknown");
      const e = error.body.error ?? {};
      const fields = Object.values(e.fieldReasons ?? {});
      if (e.reason === "invalid_fields" && fields.length === 1 && fields[0].reason && t.has(`field.${fields[0].reason}`)) {
        return t(`field.${fields[0].reason}`, fields[0].params ?? {});
      }
      if (e.reason && t.has(`reason.${e.reason}`)) return t(`reason.${e.reason}`, e.params ?? {});
      if (e.code && t.has(`code.${e.code}`)) return t(`code.${e.code}`);
      return e.message ?? t("unknown");
    },
    [t],
  );
}

/** Per field, the reader's-language text of a validation error (`error.fieldReasons`). */
export function useFieldErrorTexts(): (error: unknown) => Record<string, string> {
  const t = useTranslations("errors");
  return useCallback(
    (error: unknown) => {
      const out: Record<string, string> = {};
      if (!isApiError(error)) return out;
      for (const [field, r] of Object.entries(error.body.error?.fieldReasons ?? {})) {
        out[field] = r.reason && t.has(`field.${r.reason}`) ? t(`field.${r.reason}`, r.params ?? {}) : t("field.invalid");
      }
      return out;
    },
    [t],
  );
}
