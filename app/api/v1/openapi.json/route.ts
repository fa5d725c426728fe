import { openApiDocument } from "@/lib/http/openapi";
import { publicBaseUrl } from "@/lib/public-url";

export async function GET(request: Request) {
  return Response.json(openApiDocument(publicBaseUrl(request)));
}
