import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { setLocale } from "@/lib/auth/set-locale";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { localeSchema } from "@/lib/validation/accounts";

export const PUT = route(async (request) => {
  const actor = await requireActor(request);
  const { locale } = await parseBody(request, localeSchema);
  await setLocale({ actor, locale });
  return json({ locale }, 200, { "Set-Cookie": `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax` });
});
