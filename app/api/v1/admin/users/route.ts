import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { listUsers } from "@/lib/accounts/list-users";

export const GET = route(async (request) => {
  const actor = await requireActor(request);
  return json({ items: await listUsers({ actor }) });
});
