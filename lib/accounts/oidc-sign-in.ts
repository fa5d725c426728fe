import "server-only";
import type { Account, Profile, User } from "next-auth";
import { linkOidcIdentity } from "@/lib/accounts/oidc-link";
import { recordSignIn } from "@/lib/accounts/record-sign-in";
import type { OidcProfile } from "@/lib/accounts/oidc-provider";

/** next-auth's signIn callback: links the identity or sends the browser to the refusal page. */
export async function oidcSignIn({ account, profile }: { user: User; account: Account | null; profile?: Profile }): Promise<boolean | string> {
  if (account?.provider !== "oidc") return true;
  const p = (profile ?? {}) as OidcProfile;
  const result = await linkOidcIdentity({ subject: account.providerAccountId, email: p.email, emailVerified: p.email_verified, name: p.name });
  if (!result.ok) return `/sso-refused?reason=${result.reason}`;
  await recordSignIn(result.userId);
  return true;
}
