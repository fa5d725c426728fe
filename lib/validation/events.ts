import { z } from "zod";
import { digitsParam, limitParam } from "@/lib/validation/common";

/** GET /api/v1/projects/{projectId}/events: the feed from a cursor, optionally long-polled. */
export const eventsQuery = z.object({
  after: z.string().max(20).optional().meta({ description: "next of the previous answer (omit or 0 for the beginning)" }),
  limit: limitParam(500, 100).meta({ description: "1 to 500, default 100" }),
  wait: digitsParam({ min: 0, max: 30, fallback: 0 }).transform((n) => n ?? 0).meta({
    description: "seconds (0 to 30) to wait for a change when there is none",
  }),
});

/**
 * GET /api/v1/projects/{projectId}/live: any text is let through here; the stream itself refuses a
 * Last-Event-ID that is not one of its cursors, and `once` is on only when it is 1.
 */
export const liveQuery = z.object({
  lastEventId: z.string().optional().meta({ description: "as the Last-Event-ID header" }),
  once: z.string().optional().meta({ description: "1: send what is there and end" }),
});
