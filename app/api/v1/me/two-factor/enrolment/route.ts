import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { beginEnrolment } from "@/lib/accounts/begin-enrolment";

/** A new pending secret: the QR code and the secret as text, for the authenticator app. */
export const POST = route(async (request) => {
  const actor = await requireActor(request);
  return json(await beginEnrolment({ actor }), 201);
});
