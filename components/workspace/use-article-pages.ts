"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { api } from "@/components/client/api";
import type { WorkspaceArticle, WorkspaceClaim, WorkspaceSuggestion } from "@/components/workspace/types";

type Page = Omit<WorkspaceArticle, "sentences"> & { sentences: (WorkspaceArticle["sentences"][number] & { text?: string })[] };
type Sentence = WorkspaceArticle["sentences"][number];
type Quantity = WorkspaceArticle["quantities"][number];

/** Characters the workspace asks for with each further page. */
const PAGE_CHARS = 40_000;


/**
 * The article as far as the reader has got: the text from its start to `loadedEnd`, with its
 * sentences, figures and suggestions, one page after another (the first came with the HTML).
 * Claims come whole with every page.
 */
export function useArticlePages(initial: WorkspaceArticle) {
  const [text, setText] = useState(initial.page.text);
  const [sentences, setSentences] = useState<Sentence[]>(initial.sentences);
  const [quantities, setQuantities] = useState<Map<number, Quantity>>(() => new Map(initial.quantities.map((q) => [q.index, q])));
  const [suggestions, setSuggestions] = useState<WorkspaceSuggestion[]>(initial.suggestions);
  const [claims, setClaims] = useState<WorkspaceClaim[]>(initial.claims);
  const [next, setNext] = useState<number | null>(initial.next?.textFrom ?? null);
  const loading = useRef<Promise<void> | null>(null);
  const end = useRef(initial.page.textEnd);

  const merge = useCallback((pages: Page[], replace: boolean) => {
    const last = pages.at(-1)!;
    const strip = (list: Page["sentences"]) => list.map(({ text: _t, ...s }) => s);
    setSentences((old) => {
      const byIndex = new Map((replace ? [] : old).map((s) => [s.index, s]));
      for (const p of pages) for (const s of strip(p.sentences)) byIndex.set(s.index, s);
      return [...byIndex.values()].sort((a, b) => a.index - b.index);
    });
    setQuantities((old) => {
      const m = new Map(replace ? [] : old);
      for (const p of pages) for (const q of p.quantities) m.set(q.index, q);
      return m;
    });
    setSuggestions((old) => {
      const byId = new Map((replace ? [] : old).map((s) => [s.id, s]));
      for (const p of pages) for (const s of p.suggestions) byId.set(s.id, s);
      return [...byId.values()].sort((a, b) => a.start - b.start);
    });
    setClaims(last.claims);
    setNext(last.next?.textFrom ?? null);
  }, []);

  /** The next page, once; calls made while it loads wait for the same request. */
  const loadMore = useCallback(async () => {
    if (loading.current) return loading.current;
    if (next === null) return;
    loading.current = (async () => {
      try {
        const page = await api<Page>("GET", `/api/v1/articles/${initial.id}?textFrom=${next}&textLimit=${PAGE_CHARS}&body=false`);
        if (page.page.textFrom !== end.current) return;
        end.current = page.page.textEnd;
        setText((t) => t + page.page.text);
        merge([page], false);
      } finally {
        loading.current = null;
      }
    })();
    return loading.current;
  }, [initial.id, merge, next]);

  /** The pages read so far, again (after a change here or by someone else). */
  const reload = useCallback(async () => {
    const pages: Page[] = [];
    let from = 0;
    do {
      const page = await api<Page>("GET", `/api/v1/articles/${initial.id}?textFrom=${from}&textLimit=${PAGE_CHARS}&body=false`);
      pages.push(page);
      if (!page.next) break;
      from = page.next.textFrom;
    } while (from < end.current);
    merge(pages, true);
  }, [initial.id, merge]);

  const quantityList = useMemo(() => [...quantities.values()].sort((a, b) => a.index - b.index), [quantities]);
  return { text, sentences, quantities, quantityList, suggestions, claims, setClaims, next, loadMore, reload };
}
