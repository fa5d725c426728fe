"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { api, ApiError } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";
import { useLiveEvents } from "@/components/collab/use-live-events";
import { MentionInput } from "@/components/collab/mention-input";
import { linkify } from "@/lib/comments/mentions";
import "@/components/collab/collab.css";

type Person = { id: string; name: string };
export type ThreadComment = {
  id: string; parentId: string | null; author: Person; body: string; mentions: Person[];
  version: number; deleted: boolean; createdAt: string; updatedAt: string;
};
type Target = { kind: "claim" | "article"; id: string };

/** Comment text: plain text, http(s) links as anchors that leave Sanad safely. */
function CommentBody({ text }: { text: string }) {
  return (
    <p className="comment-body" dir="auto">
      {linkify(text).map((p, i) => (p.href ? <a key={i} href={p.href} target="_blank" rel="noopener noreferrer nofollow ugc" dir="ltr">{p.text}</a> : <bdi key={i}>{p.text}</bdi>))}
    </p>
  );
}

/** A claim's or an article's thread: replies, edit and delete by the author, @mentions, live. */
export function CommentThread({ target, projectId, userId }: { target: Target; projectId: string; userId: string }) {
  const t = useTranslations("collab.comments");
  const errorText = useErrorText();
  const format = useFormatter();
  const [comments, setComments] = useState<ThreadComment[]>([]);
  const [hidden, setHidden] = useState(0);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const collection = target.kind === "claim" ? "claims" : "articles";

  const load = useCallback(async () => {
    try {
      const data = await api<{ comments: ThreadComment[]; hidden: number }>("GET", `/api/v1/${collection}/${target.id}/comments`);
      setComments(data.comments);
      setHidden(data.hidden);
    } catch {
      /* the thread stays as it was; the next event retries */
    }
  }, [collection, target.id]);
  useEffect(() => void load(), [load]);
  useLiveEvents(projectId, (e) => {
    const mine = target.kind === "claim" ? e.claimId === target.id : e.articleId === target.id && !e.claimId;
    // A verdict of one's own can lift the blindness of a claim's thread.
    if (mine && (e.type.startsWith("comment.") || e.type.startsWith("verdict.") || e.type === "claim.verified")) void load();
  });

  const fail = (e: unknown) => toast.error(e instanceof ApiError ? errorText(e) : t("error"));
  const post = async (body: string, parentId?: string) => {
    try {
      await api("POST", `/api/v1/${collection}/${target.id}/comments`, { body, parentId });
      setReplyTo(null);
      await load();
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };
  const edit = async (c: ThreadComment, body: string) => {
    try {
      await api("PATCH", `/api/v1/comments/${c.id}`, { body, version: c.version });
      setEditing(null);
      await load();
      return true;
    } catch (e) {
      fail(e);
      await load();
      return false;
    }
  };
  const remove = async (c: ThreadComment) => {
    if (!window.confirm(t("confirmDelete"))) return;
    try {
      await api("DELETE", `/api/v1/comments/${c.id}?version=${c.version}`);
      await load();
    } catch (e) {
      fail(e);
      await load();
    }
  };

  const known = new Set(comments.map((c) => c.id));
  const roots = comments.filter((c) => !c.parentId || !known.has(c.parentId));
  const repliesOf = (id: string) => comments.filter((c) => c.parentId === id);
  const draftKey = `sanad:draft:comment:${target.kind}:${target.id}`;

  const render = (c: ThreadComment, depth: number) => (
    <li key={c.id} className="comment" data-testid="comment">
      {c.deleted ? (
        <p className="muted comment-deleted">{t("deleted")}</p>
      ) : (
        <>
          <p className="small muted">
            <strong><bdi>{c.author.name}</bdi></strong> · <time dateTime={c.createdAt}>{format.dateTime(new Date(c.createdAt), { dateStyle: "medium", timeStyle: "short" })}</time>
            {c.version > 1 && <> · {t("edited")}</>}
          </p>
          {editing === c.id ? (
            <MentionInput projectId={projectId} initial={c.body} label={t("edit")} submitLabel={t("save")} onSubmit={(b) => edit(c, b)} onCancel={() => setEditing(null)} />
          ) : (
            <CommentBody text={c.body} />
          )}
          <div className="row small">
            {depth === 0 && <button type="button" className="link" onClick={() => setReplyTo(replyTo === c.id ? null : c.id)}>{t("reply")}</button>}
            {c.author.id === userId && editing !== c.id && (
              <>
                <button type="button" className="link" onClick={() => setEditing(c.id)}>{t("edit")}</button>
                <button type="button" className="link danger" onClick={() => void remove(c)}>{t("delete")}</button>
              </>
            )}
          </div>
        </>
      )}
      {(repliesOf(c.id).length > 0 || replyTo === c.id) && (
        <ul className="plain comment-replies">
          {repliesOf(c.id).map((r) => render(r, depth + 1))}
          {replyTo === c.id && (
            <li><MentionInput projectId={projectId} draftKey={`${draftKey}:reply:${c.id}`} label={t("reply")} submitLabel={t("send")} onSubmit={(b) => post(b, c.id)} onCancel={() => setReplyTo(null)} /></li>
          )}
        </ul>
      )}
    </li>
  );

  return (
    <section className="comment-thread" aria-label={t(target.kind === "claim" ? "titleClaim" : "titleArticle")} data-testid={`comments-${target.kind}`}>
      <h4>{t(target.kind === "claim" ? "titleClaim" : "titleArticle")} ({comments.filter((c) => !c.deleted).length})</h4>
      {hidden > 0 && <p className="muted small" data-testid="comments-hidden">{t("hidden", { count: hidden })}</p>}
      {comments.length === 0 && hidden === 0 && <p className="muted small">{t("none")}</p>}
      <ul className="plain comments">{roots.map((c) => render(c, 0))}</ul>
      <MentionInput projectId={projectId} draftKey={draftKey} label={t("new")} submitLabel={t("send")} onSubmit={(b) => post(b)} />
    </section>
  );
}
