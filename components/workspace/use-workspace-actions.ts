"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { toast } from "sonner";
import { api } from "@/components/client/api";
import type { Span, WorkspaceClaim } from "@/components/workspace/types";
import type { Undo } from "@/components/workspace/use-undo";
import type { sourceSchema, verdictSchema } from "@/lib/validation/claim";
import type { z } from "zod";

/**
 * For a change started by a click or a key, with no form to hand the failure back to: the
 * reader has already been told (every action reports its failure before rethrowing).
 */
export function reported(_error: unknown) {}

type Deps = {
  articleId: string;
  /** The pages read so far, again. */
  reload: () => Promise<void>;
  select: (id: string | null) => void;
  refreshDetail: () => Promise<void>;
  pushUndo: (undo: Undo) => void;
  fail: (e: unknown) => void;
};

/**
 * Every change the workspace makes through the API, in one place: each tells the reader how it
 * went, offers its undo where there is one, and rethrows a failure to the form that asked (so the
 * form keeps what was typed).
 */
export function useWorkspaceActions({ articleId, reload, select, refreshDetail, pushUndo, fail }: Deps) {
  const t = useTranslations("workspace");
  const retractForUndo = (id: string) => api("POST", `/api/v1/claims/${id}/retract`, { reason: "undo" });

  /** Runs a change; on failure the reader is told and the article read again, and the error goes on. */
  const attempt = useCallback(async <T,>(change: () => Promise<T>): Promise<T> => {
    try {
      return await change();
    } catch (e) {
      fail(e);
      await reload().catch(fail);
      throw e;
    }
  }, [fail, reload]);

  const flag = useCallback((span: Span, values: { kind: string; note: string }) => attempt(async () => {
    const claim = await api<WorkspaceClaim>("POST", `/api/v1/articles/${articleId}/claims`, { ...span, kind: values.kind, note: values.note || undefined });
    await reload();
    select(claim.id);
    toast.success(t("flag.done"));
    pushUndo({ label: t("undo.flag"), run: async () => { await retractForUndo(claim.id); } });
    return claim;
  }), [articleId, attempt, pushUndo, reload, select, t]);

  const accept = useCallback((suggestionId: string) => attempt(async () => {
    const result = await api<{ claims?: WorkspaceClaim[] }>("POST", `/api/v1/suggestions/${suggestionId}/accept`);
    toast.success(t("suggestions.accepted"));
    const claims = result.claims ?? [];
    const ids = claims.map((c) => c.id);
    if (ids.length) {
      select(ids[0]);
      pushUndo({ label: t("undo.accept"), run: async () => { for (const id of ids) await retractForUndo(id); } });
    }
    await reload();
    return claims;
  }), [attempt, pushUndo, reload, select, t]);

  const restoreSuggestion = useCallback(async (suggestionId: string) => {
    await api("POST", `/api/v1/suggestions/${suggestionId}/restore`);
  }, []);

  const dismiss = useCallback((suggestionId: string) => attempt(async () => {
    await api("POST", `/api/v1/suggestions/${suggestionId}/dismiss`);
    toast.success(t("suggestions.dismissed"));
    pushUndo({ label: t("undo.dismiss"), run: () => restoreSuggestion(suggestionId) });
    await reload();
  }), [attempt, pushUndo, reload, restoreSuggestion, t]);

  const undismiss = useCallback((suggestionId: string) => attempt(async () => {
    await restoreSuggestion(suggestionId);
    toast.success(t("suggestions.restored"));
    await reload();
  }), [attempt, reload, restoreSuggestion, t]);

  /** Retracts; a failure goes back to the dialog (a 409 is shown there with the claim as it is now). */
  const retract = useCallback(async (claim: { id: string; version: number }, reason: string) => {
    await api("POST", `/api/v1/claims/${claim.id}/retract`, { reason, version: claim.version });
    pushUndo({ label: t("undo.retract"), run: async () => { await api("POST", `/api/v1/claims/${claim.id}/restore`, {}); } });
    select(null);
    toast.success(t("claim.retracted"));
    await reload().catch(fail);
  }, [fail, pushUndo, reload, select, t]);

  const editSpan = useCallback((claim: { id: string; version: number }, span: Span, kind?: string) => attempt(async () => {
    await api("PATCH", `/api/v1/claims/${claim.id}`, { version: claim.version, start: span.start, end: span.end, ...(kind ? { kind } : {}) });
    toast.success(t("span.done"));
    await Promise.all([reload(), refreshDetail()]);
  }).catch(async (e) => {
    await refreshDetail();
    throw e;
  }), [attempt, refreshDetail, reload, t]);

  const addSource = useCallback((claimId: string, v: z.output<typeof sourceSchema>) => attempt(async () => {
    await api("POST", `/api/v1/claims/${claimId}/sources`, { ...v, readAt: v.readAt?.toISOString() });
    toast.success(t("source.done"));
    await refreshDetail();
  }), [attempt, refreshDetail, t]);

  const giveVerdict = useCallback((claimId: string, v: z.output<typeof verdictSchema>) => attempt(async () => {
    await api("PUT", `/api/v1/claims/${claimId}/verdicts/me`, v);
    toast.success(t("verdict.done"));
    await Promise.all([refreshDetail(), reload()]);
  }).catch(async (e) => {
    await refreshDetail();
    throw e;
  }), [attempt, refreshDetail, reload, t]);

  return { flag, accept, dismiss, undismiss, retract, editSpan, addSource, giveVerdict };
}
