import { threadRoutes } from "@/lib/comments/thread-routes";

const thread = threadRoutes("articleId");
export const GET = thread.GET;
export const POST = thread.POST;
