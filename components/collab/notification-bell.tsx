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
      <span aria-hidden="true">🔔</span>
      {unread > 0 && <span className="bell-count" data-testid="bell-count">{format.number(unread)}</span>}
    </Link>
  );
}
