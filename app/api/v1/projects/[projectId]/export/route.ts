import { requireActor } from "@/lib/auth/session";
import { parseWith, route } from "@/lib/http/api";
import { exportProject } from "@/lib/export/export-project";
import { exportFormat } from "@/lib/export/formats";
import { exportQuerySchema } from "@/lib/validation/export";
import { publicBaseUrl } from "@/lib/public-url";

export const dynamic = "force-dynamic";

export const GET = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  // Parsed before anything streams: an unknown format is a 400, not a broken download.
  const query = parseWith(exportQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const stream = await exportProject({
    actor,
    format: query.format,
    filter: { projectId, status: query.status, articleId: query.articleId, from: query.from, to: query.to },
    baseUrl: publicBaseUrl(request),
  });
  const stamp = new Date().toISOString().slice(0, 10);
  const { contentType, extension } = exportFormat(query.format);
  return new Response(stream, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="sanad-${projectId}-${query.status}-${stamp}.${extension}"`,
      "Cache-Control": "no-store",
    },
  });
});
