import { threadRoutes } from "@/lib/comments/thread-routes";

const thread = threadRoutes("claimId");
export const GET = thread.GET;
export const POST = thread.POST;
