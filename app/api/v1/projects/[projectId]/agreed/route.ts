import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { listAgreedClaims } from "@/lib/review/list-agreed-claims";
import { verifyAgreedClaims } from "@/lib/review/verify-agreed-claims";
import { verifyAgreedSchema } from "@/lib/validation/admin";

/** Claims whose required reviewers all agree, and their verification in bulk. */
export const GET = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json(await listAgreedClaims({ actor, projectId }));
});

export const POST = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const { claimIds, note } = await parseBody(request, verifyAgreedSchema);
  return json(await verifyAgreedClaims({ actor, projectId, claimIds, note }));
});
