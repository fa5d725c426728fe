import type { ArticleView } from "@/lib/articles/get-article-view";
import type { ClaimDetail } from "@/lib/claims/get-claim-detail";

// Dates arrive as strings once they cross from the server to the browser.
type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

export type WorkspaceArticle = Jsonified<ArticleView>;
export type WorkspaceClaim = WorkspaceArticle["claims"][number];
export type WorkspaceSuggestion = WorkspaceArticle["suggestions"][number];
export type WorkspaceClaimDetail = Jsonified<ClaimDetail>;
export type Span = { start: number; end: number };
