"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useLiveEvents, type LiveEvent } from "@/components/collab/use-live-events";

/**
 * Re-renders a server page when the project changes (router.refresh keeps client state, so
 * whatever the user is typing stays). `claimId`/`articleId` narrow it to changes that concern them.
 */
export function LiveRefresh({ projectId, claimId, articleId }: { projectId: string; claimId?: string; articleId?: string }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveEvents(projectId, (e: LiveEvent) => {
    if (e.type === "hello" || e.type.startsWith("presence.") || e.type.startsWith("notification.") || e.type.startsWith("comment.")) return;
    if (claimId && e.claimId !== claimId) return;
    if (articleId && e.articleId !== articleId) return;
    // A burst of events makes one refresh.
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => router.refresh(), 150);
  });
  return null;
}
