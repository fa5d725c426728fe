"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError } from "@/components/client/api";
import type { WorkspaceClaimDetail } from "@/components/workspace/types";

/** The selected claim is kept in the address (`?claim=<id>`): a reload or a language switch keeps it. */
function writeToUrl(claimId: string | null) {
  const url = new URL(window.location.href);
  if (claimId) url.searchParams.set("claim", claimId);
  else url.searchParams.delete("claim");
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
}

/**
 * The claim at hand: its id (in the URL) and its detail, loaded when it is chosen and again on
 * `refresh`. An answer for a claim no longer selected is dropped.
 */
export function useSelectedClaim(initialId: string | null, fail: (e: unknown) => void) {
  const [selectedId, setSelectedId] = useState<string | null>(initialId);
  const [detail, setDetail] = useState<WorkspaceClaimDetail | null>(null);
  const current = useRef<string | null>(initialId);

  const load = useCallback(async (id: string) => {
    try {
      const found = await api<WorkspaceClaimDetail>("GET", `/api/v1/claims/${id}`);
      if (current.current === id) setDetail(found);
    } catch (e) {
      // A claim in the address that is gone (or never was this reader's): nothing selected.
      if (e instanceof ApiError && e.status === 404 && current.current === id) {
        current.current = null;
        setSelectedId(null);
        setDetail(null);
        writeToUrl(null);
      }
      fail(e);
    }
  }, [fail]);

  const select = useCallback((id: string | null) => {
    current.current = id;
    setSelectedId(id);
    writeToUrl(id);
    if (id) void load(id);
    else setDetail(null);
  }, [load]);

  const refresh = useCallback(async () => {
    if (current.current) await load(current.current);
  }, [load]);

  // The claim named in the address when the page opened.
  const first = useRef(initialId);
  useEffect(() => {
    if (first.current) void load(first.current);
  }, [load]);

  return { selectedId, detail: detail && detail.id === selectedId ? detail : null, select, refresh };
}
