import { z } from "zod";
import { idParam, limitParam } from "@/lib/validation/common";

/** GET /api/v1/projects/{projectId}/disagreements: the queue, filtered. */
export const disagreementsQuery = z.object({
  articleId: idParam.optional().meta({ description: "only this article's claims" }),
  reviewerId: idParam.optional().meta({ description: "only claims this reviewer rated" }),
  limit: limitParam(500, 100).meta({ description: "1 to 500, default 100" }),
});
