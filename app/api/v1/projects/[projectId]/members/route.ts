import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { addMember } from "@/lib/admin/add-member";
import { listMembers } from "@/lib/admin/list-members";
import { addMemberSchema } from "@/lib/validation/admin";

export const GET = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json({ items: await listMembers({ actor, projectId }) });
});

export const POST = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const input = await parseBody(request, addMemberSchema);
  const member = await addMember({ actor, projectId, ...input });
  return json(member, member.created ? 201 : 200);
});
