"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { toast } from "sonner";
import { ApiError } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";

/**
 * Tells the reader that a request failed, in their language: a conflict (409) as a warning,
 * other refusals as an error, no answer at all as "the server could not be reached".
 * Returns the function; it never throws, so callers decide whether to rethrow.
 */
export function useFailureToast() {
  const t = useTranslations("common");
  const errorText = useErrorText();
  return useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.isConflict) toast.warning(errorText(e));
      else if (e instanceof ApiError) toast.error(errorText(e));
      else toast.error(t("networkError"));
    },
    [errorText, t],
  );
}
