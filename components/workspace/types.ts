import type { withoutBody } from "@/lib/articles/get-article-view";
import type { ClaimDetail } from "@/lib/claims/get-claim-detail";

// Dates arrive as strings once they cross from the server to the browser.
type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

// One page of the article (`?body=false`): its text, not the whole body. The page leaves out
// sentence texts (slices of the page's text); the API's answer has them, and fits too.
type ArticlePage = ReturnType<typeof withoutBody>;
type WorkspaceView = Omit<ArticlePage, "sentences"> & { sentences: Omit<ArticlePage["sentences"][number], "text">[] };
export type WorkspaceArticle = Jsonified<WorkspaceView>;
export type WorkspaceClaim = WorkspaceArticle["claims"][number];
export type WorkspaceSuggestion = WorkspaceArticle["suggestions"][number];
export type WorkspaceClaimDetail = Jsonified<ClaimDetail>;
export type Span = { start: number; end: number };
