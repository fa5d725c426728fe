import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { listInbox } from "@/lib/review/list-inbox";

export const GET = route(async (request) => {
  const actor = await requireActor(request);
  return json({ items: await listInbox({ actor }) });
});
