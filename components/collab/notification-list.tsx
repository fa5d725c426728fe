"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { api } from "@/components/client/api";
import "@/components/collab/collab.css";

export type NotificationItem = {
  id: string; kind: "mention" | "reply" | "assigned" | "adjudicated" | "reopened" | "disagreement"; read: boolean; createdAt: string;
  projectId: string; actor: { id: string; name: string } | null; article: { id: string; title: string; direction: string } | null;
  claim: { id: string; text: string } | null; commentId: string | null;
};
type Page = { items: NotificationItem[]; unread: number; nextCursor: string | null };

const hrefOf = (n: NotificationItem) => (n.claim ? `/claims/${n.claim.id}` : n.article ? `/articles/${n.article.id}` : `/projects/${n.projectId}`);

/** The notifications page: newest first, mark one or all read, older pages on demand. */
export function NotificationList({ initial }: { initial: Page }) {
  const t = useTranslations("collab.notifications");
  const format = useFormatter();
  const [items, setItems] = useState(initial.items);
  const [next, setNext] = useState(initial.nextCursor);
  const [unreadOnly, setUnreadOnly] = useState(false);

  const load = useCallback(async (cursor?: string) => {
    const q = new URLSearchParams({ limit: "50", ...(unreadOnly ? { unread: "1" } : {}), ...(cursor ? { cursor } : {}) });
    const page = await api<Page>("GET", `/api/v1/me/notifications?${q}`);
    setItems((old) => (cursor ? [...old, ...page.items] : page.items));
    setNext(page.nextCursor);
  }, [unreadOnly]);
  useEffect(() => {
    const refresh = () => void load().catch(() => {});
    window.addEventListener("sanad:notification", refresh);
    return () => window.removeEventListener("sanad:notification", refresh);
  }, [load]);
  useEffect(() => void load().catch(() => {}), [load]);

  const mark = async (body: { ids: string[] } | { all: true }) => {
    await api("POST", "/api/v1/me/notifications/read", body);
    window.dispatchEvent(new CustomEvent("sanad:notifications-read"));
    await load();
  };

  return (
    <div className="stack">
      <div className="row spread">
        <label className="row small"><input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> {t("unreadOnly")}</label>
        <button type="button" className="secondary" onClick={() => void mark({ all: true })} data-testid="mark-all-read">{t("markAllRead")}</button>
      </div>
      {items.length === 0 && <p className="muted">{t("none")}</p>}
      <ul className="plain notification-list" data-testid="notifications">
        {items.map((n) => (
          <li key={n.id} className={n.read ? "" : "unread"} data-testid="notification">
            <div>
              <Link href={hrefOf(n)} onClick={() => { if (!n.read) void mark({ ids: [n.id] }); }}>
                {t(`kinds.${n.kind}`, { actor: n.actor?.name ?? t("someone") })}
              </Link>
              {(n.claim || n.article) && (
                <p className="muted small" dir={n.article?.direction ?? "auto"}><bdi>{n.claim?.text ?? n.article?.title}</bdi></p>
              )}
              <time className="muted small" dateTime={n.createdAt}>{format.dateTime(new Date(n.createdAt), { dateStyle: "medium", timeStyle: "short" })}</time>
            </div>
            {!n.read && <button type="button" className="link" onClick={() => void mark({ ids: [n.id] })}>{t("markRead")}</button>}
          </li>
        ))}
      </ul>
      {next && <button type="button" className="secondary" onClick={() => void load(next)}>{t("more")}</button>}
    </div>
  );
}
