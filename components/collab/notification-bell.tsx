"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";

/** The header's bell: the unread count, refreshed on live notifications and every minute. */
export function NotificationBell() {
  const t = useTranslations("collab.notifications");
  const format = useFormatter();
  const [unread, setUnread] = useState(0);
  const load = useCallback(async () => {
    const res = await fetch("/api/v1/me/notifications?unread=1&limit=1", { credentials: "same-origin" }).catch(() => null);
    if (res?.ok) setUnread(((await res.json()) as { unread: number }).unread);
  }, []);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 60_000);
    const onLive = () => void load();
    window.addEventListener("sanad:notification", onLive);
    window.addEventListener("sanad:notifications-read", onLive);
    return () => {
      clearInterval(timer);
      window.removeEventListener("sanad:notification", onLive);
      window.removeEventListener("sanad:notifications-read", onLive);
    };
  }, [load]);
  return (
    <Link href="/notifications" className="bell" aria-label={t("bell", { count: unread })} data-testid="bell">
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 && <span className="bell-count" data-testid="bell-count">{format.number(unread)}</span>}
    </Link>
  );
}
