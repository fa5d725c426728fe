"use client";

import { useTranslations } from "next-intl";
import type { WorkspaceClaim } from "@/components/workspace/types";

/** The article's claims in text order; the selected one pressed. */
export function ClaimList({ claims, selectedId, onSelect }: { claims: WorkspaceClaim[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const t = useTranslations("workspace");
  return (
    <section aria-labelledby="claims-title">
      <h2 id="claims-title">{t("claims.title")} ({claims.length})</h2>
      <ul className="plain claims">
        {claims.map((c) => (
          <li key={c.id}>
            <button type="button" className={`claim-item${c.id === selectedId ? " selected" : ""}`} aria-pressed={c.id === selectedId} onClick={() => onSelect(c.id)} data-testid="claim-item">
              <span className={`status status-${c.status}`}>{t(`status.${c.status}`)}</span> <bdi>{c.text}</bdi>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
