"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { useLiveEvents } from "@/components/collab/use-live-events";

type Present = { id: string; name: string; expiresInMs: number };
const HEARTBEAT_MS = 10_000;

/** "Rana (reviewer)" → "RR"; "كريم" → "ك": the first letter of the first two words that have one. */
export const initials = (name: string) =>
  name.split(/\s+/).map((w) => /\p{L}/u.exec(w)?.[0] ?? "").filter(Boolean).slice(0, 2).join("").toLocaleUpperCase();

/** Who else has this article open: a heartbeat every 10 s; others drop out when theirs stop. */
export function PresenceBar({ articleId, projectId, userId }: { articleId: string; projectId: string; userId: string }) {
  const t = useTranslations("collab.presence");
  const [others, setOthers] = useState<(Present & { until: number })[]>([]);
  const expiry = useRef<ReturnType<typeof setTimeout> | null>(null);

  const show = useCallback((users: Present[]) => {
    const now = Date.now();
    const list = users.filter((u) => u.id !== userId).map((u) => ({ ...u, until: now + u.expiresInMs }));
    setOthers(list);
    // Someone whose heartbeat stops disappears when it runs out, without waiting for ours.
    if (expiry.current) clearTimeout(expiry.current);
    if (list.length) {
      const next = Math.min(...list.map((u) => u.until));
      expiry.current = setTimeout(() => setOthers((o) => o.filter((u) => u.until > Date.now())), Math.max(0, next - now) + 50);
    }
  }, [userId]);

  const beat = useCallback(async (state: "here" | "gone" = "here") => {
    const res = await fetch(`/api/v1/articles/${articleId}/presence`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ state }),
      credentials: "same-origin",
      keepalive: state === "gone",
    }).catch(() => null);
    if (state === "here" && res?.ok) show(((await res.json()) as { users: Present[] }).users);
  }, [articleId, show]);

  const refresh = useCallback(async () => {
    const res = await fetch(`/api/v1/articles/${articleId}/presence`, { credentials: "same-origin" }).catch(() => null);
    if (res?.ok) show(((await res.json()) as { users: Present[] }).users);
  }, [articleId, show]);

  useEffect(() => {
    void beat();
    const timer = setInterval(() => void beat(), HEARTBEAT_MS);
    const leave = () => void beat("gone");
    window.addEventListener("pagehide", leave);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      leave();
      if (expiry.current) clearTimeout(expiry.current);
    };
  }, [beat]);
  useLiveEvents(projectId, (e) => {
    if (e.type === "presence.changed" && e.articleId === articleId) void refresh();
  });

  if (others.length === 0) return null;
  return (
    <div className="presence" data-testid="presence" aria-label={t("label")}>
      <span className="muted small">{t("also")}</span>
      <ul className="plain presence-list">
        {others.map((u) => (
          <li key={u.id} className="avatar" title={u.name} data-testid="presence-user">
            <span aria-hidden="true">{initials(u.name)}</span>
            <span className="visually-hidden"><bdi>{u.name}</bdi></span>
          </li>
        ))}
      </ul>
    </div>
  );
}
