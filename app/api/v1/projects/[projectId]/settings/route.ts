import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { updateProjectSettings } from "@/lib/admin/update-project-settings";
import { projectSettingsSchema } from "@/lib/validation/admin";

export const PATCH = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const settings = await parseBody(request, projectSettingsSchema);
  return json(await updateProjectSettings({ actor, projectId, settings }));
});
