"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { api } from "@/components/client/api";
import { mentionQueryAt } from "@/lib/comments/mentions";

type Member = { userId: string; name: string; email: string };
const membersCache = new Map<string, Promise<Member[]>>();
function membersOf(projectId: string) {
  let p = membersCache.get(projectId);
  if (!p) {
    p = api<{ items: Member[] }>("GET", `/api/v1/projects/${projectId}/members`).then((r) => r.items).catch(() => []);
    membersCache.set(projectId, p);
  }
  return p;
}

/** A comment box with @mention autocomplete (arrows, Enter or Tab to pick); drafts survive reloads. */
export function MentionInput({
  projectId, draftKey, initial = "", label, submitLabel, onSubmit, onCancel,
}: {
  projectId: string; draftKey?: string; initial?: string; label: string; submitLabel: string;
  onSubmit: (body: string) => Promise<boolean>; onCancel?: () => void;
}) {
  const t = useTranslations("collab.comments");
  const [text, setText] = useState(initial);
  const [members, setMembers] = useState<Member[]>([]);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();

  useEffect(() => {
    void membersOf(projectId).then(setMembers);
  }, [projectId]);
  useEffect(() => {
    if (!draftKey) return;
    const saved = window.localStorage.getItem(draftKey);
    if (saved) setText(saved);
  }, [draftKey]);
  const change = (value: string, caret: number) => {
    setText(value);
    if (draftKey) {
      if (value) window.localStorage.setItem(draftKey, value);
      else window.localStorage.removeItem(draftKey);
    }
    setQuery(mentionQueryAt(value, caret));
    setActive(0);
  };
  const matches = query
    ? members.filter((m) => m.name.toLocaleLowerCase().includes(query.query.toLocaleLowerCase()) || m.email.toLocaleLowerCase().startsWith(query.query.toLocaleLowerCase())).slice(0, 6)
    : [];
  const pick = (m: Member) => {
    if (!query) return;
    const caret = ref.current?.selectionStart ?? text.length;
    const next = `${text.slice(0, query.start)}@${m.name} ${text.slice(caret)}`;
    change(next, query.start + m.name.length + 2);
    setQuery(null);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(query.start + m.name.length + 2, query.start + m.name.length + 2);
    });
  };
  const submit = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    const ok = await onSubmit(text);
    setBusy(false);
    if (ok) change("", 0);
  };

  return (
    <form className="mention-input stack" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label className="small">
        {label}
        <textarea
          ref={ref}
          dir="auto"
          rows={2}
          maxLength={5000}
          value={text}
          aria-controls={matches.length > 0 ? listId : undefined}
          aria-autocomplete="list"
          data-testid="comment-input"
          onChange={(e) => change(e.target.value, e.target.selectionStart)}
          onKeyDown={(e) => {
            if (matches.length > 0) {
              if (e.key === "ArrowDown") { e.preventDefault(); setActive((a) => (a + 1) % matches.length); return; }
              if (e.key === "ArrowUp") { e.preventDefault(); setActive((a) => (a - 1 + matches.length) % matches.length); return; }
              if (e.key === "Enter" || e.key === "Tab") { e.preventDefault(); pick(matches[active]); return; }
              if (e.key === "Escape") { setQuery(null); return; }
            }
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void submit(); }
          }}
        />
      </label>
      {matches.length > 0 && (
        <ul id={listId} role="listbox" className="plain mention-list" aria-label={t("mentionList")}>
          {matches.map((m, i) => (
            <li key={m.userId} role="option" aria-selected={i === active} className={i === active ? "active" : ""} onMouseDown={(e) => { e.preventDefault(); pick(m); }}>
              <bdi>{m.name}</bdi> <span className="muted small" dir="ltr">{m.email}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <button type="submit" disabled={busy || !text.trim()}>{submitLabel}</button>
        {onCancel && <button type="button" className="secondary" onClick={onCancel}>{t("cancel")}</button>}
      </div>
    </form>
  );
}
