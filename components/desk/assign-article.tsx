"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toast } from "sonner";
import { api } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";

type Member = { id: string; name: string; role: string };

/** An editor's control in a row of the project page: assign the article to members of the project. */
export function AssignArticle({ articleId, title, members, assigned }: { articleId: string; title: string; members: Member[]; assigned: string[] }) {
  const t = useTranslations("projects.desk");
  const errorText = useErrorText();
  const router = useRouter();
  const id = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const candidates = members.filter((m) => !assigned.includes(m.id));
  if (candidates.length === 0) return null;

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (chosen.length === 0) {
      setError(t("chooseSomeone"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api("POST", `/api/v1/articles/${articleId}/assignments`, { reviewerIds: chosen });
      toast.success(t("assigned"));
      setChosen([]);
      router.refresh();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="assign">
      <summary aria-label={t("assignTo", { title })}>{t("assign")}</summary>
      <form onSubmit={submit} noValidate aria-describedby={error ? `${id}-error` : undefined}>
        <fieldset>
          <legend className="visually-hidden">{t("assignTo", { title })}</legend>
          {candidates.map((m) => (
            <label key={m.id} className="inline">
              <input
                type="checkbox"
                value={m.id}
                checked={chosen.includes(m.id)}
                onChange={(e) => setChosen((c) => (e.target.checked ? [...c, m.id] : c.filter((x) => x !== m.id)))}
              />
              <bdi>{m.name}</bdi>
            </label>
          ))}
        </fieldset>
        {error && <p id={`${id}-error`} className="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? t("assigning") : t("assignChosen")}</button>
      </form>
    </details>
  );
}
