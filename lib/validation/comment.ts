import { z } from "zod";
import { idParam, limitParam, optional, requiredText } from "@/lib/validation/common";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";

export const COMMENT_MAX = 5000;
export const postCommentSchema = z.object({ body: requiredText(COMMENT_MAX), parentId: optional(idParam) });
export type PostCommentInput = z.infer<typeof postCommentSchema>;
export const editCommentSchema = z.object({ body: requiredText(COMMENT_MAX), version: z.number("must be a number").int().min(1) });
export const deleteCommentQuery = z.object({ version: z.coerce.number("must be a number").int().min(1).meta({ description: "the version the author saw" }) });

export const notificationsQuery = z.object({
  unread: z.enum(["0", "1"]).optional().meta({ description: "1: unread only" }),
  cursor: z.string().regex(/^[1-9]\d{0,17}$/, "is not a cursor").optional().meta({ description: "nextCursor of the previous page" }),
  limit: limitParam(200, 50).meta({ description: "1 to 200, default 50" }),
});
export const markReadSchema = z.union(
  [z.object({ ids: z.array(z.string().regex(/^[1-9]\d{0,17}$/, "is not a notification id")).min(1).max(500) }).strict(), z.object({ all: z.literal(true) }).strict()],
  "send {\"ids\": [...]} or {\"all\": true}",
);
export const notificationKinds = z.enum(NOTIFICATION_KINDS, "is not a kind of notification");
export const notificationSettingsSchema = z.object({ muted: z.array(notificationKinds).max(6) });
export const presenceSchema = z.object({ state: z.enum(["here", "gone"]).default("here") });
