"use client";

import { useEffect, useRef } from "react";

/** What the live stream sends: the kind of change and the ids concerned. */
export type LiveEvent = { type: string; cursor?: string; articleId?: string; claimId?: string; actorId?: string; commentId?: string; notificationId?: string; [k: string]: unknown };
type Listener = (e: LiveEvent) => void;

// One EventSource per project per page, shared by every component that listens. The browser
// reconnects by itself and sends Last-Event-ID, so nothing is missed across a dropped connection.
const streams = new Map<string, { source: EventSource; listeners: Set<Listener> }>();

function subscribe(projectId: string, listener: Listener) {
  let entry = streams.get(projectId);
  if (!entry) {
    const source = new EventSource(`/api/v1/projects/${encodeURIComponent(projectId)}/live`);
    const listeners = new Set<Listener>();
    source.onmessage = (m) => {
      let event: LiveEvent;
      try {
        event = JSON.parse(m.data) as LiveEvent;
      } catch {
        return;
      }
      // The notification bell listens page-wide, whatever project the stream is for.
      if (event.type === "notification.created") window.dispatchEvent(new CustomEvent("sanad:notification"));
      for (const l of listeners) l(event);
    };
    entry = { source, listeners };
    streams.set(projectId, entry);
  }
  entry.listeners.add(listener);
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size === 0) {
      entry.source.close();
      streams.delete(projectId);
    }
  };
}

/** Calls `onEvent` for every live event of the project while the component is mounted. */
export function useLiveEvents(projectId: string | null | undefined, onEvent: Listener) {
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => {
    if (!projectId) return;
    return subscribe(projectId, (e) => latest.current(e));
  }, [projectId]);
}
