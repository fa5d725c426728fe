import "server-only";
import type { Actor } from "@/lib/auth/session";
import { twoFactorStatus } from "@/lib/accounts/two-factor-status";
import { listTokens } from "@/lib/admin/list-tokens";
import { getNotificationSettings } from "@/lib/notifications/get-notification-settings";
import { toPlain } from "@/lib/pages/plain";

/** The personal settings page: two-factor sign-in, one's API tokens, muted notifications. */
export async function getPersonalSettings({ actor }: { actor: Actor }) {
  const [twoFactor, tokens, notifications] = await Promise.all([
    twoFactorStatus({ actor }),
    listTokens({ actor }),
    getNotificationSettings(actor),
  ]);
  return { twoFactor, tokens: toPlain(tokens), notifications };
}
