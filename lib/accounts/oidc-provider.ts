import "server-only";
import type { Profile } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { getEnv } from "@/lib/env";

export type OidcProfile = Profile & { sub: string; email?: string; email_verified?: boolean; name?: string };

/**
 * Single sign-on through next-auth's own OAuth/OIDC support, when configured. The issuer is
 * the administrator's variable, never request input; state and PKCE are checked by next-auth,
 * the ID token's signature, issuer and audience by its OpenID client.
 */
export function oidcProviders(): OAuthConfig<OidcProfile>[] {
  const env = getEnv();
  if (!env.SANAD_OIDC_ISSUER || !env.SANAD_OIDC_CLIENT_ID || !env.SANAD_OIDC_CLIENT_SECRET) return [];
  const issuer = env.SANAD_OIDC_ISSUER.replace(/\/+$/, "");
  return [
    {
      id: "oidc",
      name: env.SANAD_OIDC_NAME ?? "single sign-on",
      type: "oauth",
      wellKnown: `${issuer}/.well-known/openid-configuration`,
      issuer,
      clientId: env.SANAD_OIDC_CLIENT_ID,
      clientSecret: env.SANAD_OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile) {
        return { id: profile.sub, email: profile.email ?? "", name: profile.name ?? profile.email ?? "", isAdmin: false, locale: "ar" };
      },
    },
  ];
}

export const oidcEnabled = () => oidcProviders().length > 0;
export const oidcName = () => getEnv().SANAD_OIDC_NAME ?? null;
