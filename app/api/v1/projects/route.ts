import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { createProject } from "@/lib/admin/create-project";
import { listProjects } from "@/lib/projects/list-projects";
import { createProjectSchema } from "@/lib/validation/admin";

export const GET = route(async (request) => {
  const actor = await requireActor(request);
  return json({ items: await listProjects({ actor }) });
});

export const POST = route(async (request) => {
  const actor = await requireActor(request);
  const input = await parseBody(request, createProjectSchema);
  return json(await createProject({ actor, ...input }), 201);
});
