import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { confirmEnrolment } from "@/lib/accounts/confirm-enrolment";
import { disableTwoFactor } from "@/lib/accounts/disable-two-factor";
import { twoFactorStatus } from "@/lib/accounts/two-factor-status";
import { confirmTwoFactorSchema, disableTwoFactorSchema } from "@/lib/validation/accounts";

export const GET = route(async (request) => {
  const actor = await requireActor(request);
  return json(await twoFactorStatus({ actor }));
});

/** Confirms the pending enrolment with a code; answers the recovery codes, once. */
export const POST = route(async (request) => {
  const actor = await requireActor(request);
  const { code } = await parseBody(request, confirmTwoFactorSchema);
  return json(await confirmEnrolment({ actor, code }), 201);
});

export const DELETE = route(async (request) => {
  const actor = await requireActor(request);
  const { code } = await parseBody(request, disableTwoFactorSchema);
  return json(await disableTwoFactor({ actor, code }));
});
