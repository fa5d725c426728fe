"use client";

import { useCallback } from "react";
import { ApiError } from "@/components/client/api";

/**
 * An API error as a sentence for the reader. Minimal version: the server's own message.
 * (The desk's version translates `error.code`/`error.reason` and params into the current language.)
 */
export function useErrorText(): (error: unknown) => string {
  return useCallback((error: unknown) => {
    if (error instanceof ApiError) return error.message;
    return error instanceof Error ? error.message : String(error);
  }, []);
}
