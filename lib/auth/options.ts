import "server-only";
import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/authenticate";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { sameOriginUrl } from "@/lib/http/safe-redirect";
import { log } from "@/lib/log";
import { signInSchema } from "@/lib/validation/auth";
import { recordSignIn } from "@/lib/accounts/record-sign-in";
import { verifySecondFactor } from "@/lib/accounts/two-factor";
import { oidcProviders, oidcSignIn, oidcUser } from "@/lib/accounts/oidc-provider";
import { getEnv } from "@/lib/env";

/** What the credentials step answers when the password is right but the code is missing. */
export const TWO_FACTOR_REQUIRED = "TwoFactorRequired";

const passwordLogin = getEnv().SANAD_PASSWORD_LOGIN !== "0";

type LiveSession = { id: string; email: string; name: string; is_admin: boolean; locale: string; two_factor: boolean };

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // next-auth's own error page (a failed single sign-on exchange) is Sanad's translated one.
  pages: { signIn: "/login", error: "/sso-refused" },
  providers: [
    ...(passwordLogin
      ? [
          CredentialsProvider({
            name: "Email and password",
            credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" }, code: { label: "Code", type: "text" } },
            async authorize(credentials) {
              const parsed = signInSchema.safeParse(credentials);
              if (!parsed.success) return null;
              const user = await authenticate(parsed.data.email, parsed.data.password);
              if (!user) return null;
              if (!user.twoFactor) return user;
              // Two steps: the password, then a code. A wrong code is a failed sign-in, counted
              // by the same limiter as a wrong password.
              const code = parsed.data.code?.trim();
              if (!code) throw new Error(TWO_FACTOR_REQUIRED);
              const passed = await verifySecondFactor(user.id, code);
              return passed ? { ...user, twoFactorAt: Date.now() } : null;
            },
          }),
        ]
      : []),
    ...oidcProviders(),
  ],
  callbacks: {
    signIn: oidcSignIn,
    async jwt({ token, user, account }) {
      if (account?.provider === "oidc") {
        // The provider's subject, resolved to the Sanad account it was linked to at sign-in.
        const linked = await oidcUser(account.providerAccountId);
        if (linked) {
          token.sid = await startSession(linked.id);
          token.uid = linked.id;
          token.isAdmin = linked.isAdmin;
          token.locale = linked.locale;
          token.email = linked.email;
          token.name = linked.name;
          token.method = "oidc";
          token.twoFactorAt = null;
        }
      } else if (user) {
        // Sign-in: a server-side session the cookie names (lib/auth/sessions.ts).
        token.sid = await startSession(user.id);
        token.uid = user.id;
        token.isAdmin = user.isAdmin;
        token.locale = user.locale;
        token.method = "password";
        token.twoFactorAt = user.twoFactorAt ?? null;
      }
      return token;
    },
    // Every read of the session checks its row: a session ended server-side (sign-out,
    // deactivation, password change) has no user, whatever the cookie says. One query, joined
    // with the user, so the name and admin flag are current too; a deactivated account has none.
    async session({ session, token }) {
      const [live] = token.sid
        ? await db.$queryRaw<LiveSession[]>`
            SELECT u.id, u.email, u.name, u.is_admin, u.locale, u.totp_enabled_at IS NOT NULL AS two_factor
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = ${token.sid} AND s.user_id = ${token.uid} AND s.expires_at > now() AND u.deactivated_at IS NULL`
        : [];
      if (!live) return { expires: session.expires } as Session;
      session.user = {
        id: live.id,
        email: live.email,
        name: live.name,
        isAdmin: live.is_admin,
        locale: live.locale,
        method: token.method,
        twoFactor: live.two_factor,
        twoFactorAt: token.twoFactorAt ?? null,
      };
      return session;
    },
    // Only somewhere on Sanad's own origin, as the browser would parse the URL.
    async redirect({ url, baseUrl }) {
      return sameOriginUrl(url, baseUrl) ?? baseUrl;
    },
  },
  events: {
    // The admin's users page shows when each account last signed in (single sign-on records
    // it when the identity is linked, lib/accounts/oidc-provider.ts).
    async signIn({ user, account }) {
      if (account?.provider === "credentials") await recordSignIn(user.id);
    },
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(token.sid);
    },
  },
  // next-auth's own logger prints multi-line stack traces; a tampered or stale session cookie
  // (anyone can send one) is one line, and nothing else is more than one either.
  logger: {
    error(code, metadata) {
      const message = metadata instanceof Error ? metadata.message : String((metadata as { message?: unknown })?.message ?? "");
      if (code === "JWT_SESSION_ERROR") log.warn("session cookie refused: it does not decrypt", { code, reason: message });
      else log.error("next-auth error", { code, error: metadata instanceof Error ? metadata : message });
    },
    warn(code) {
      log.warn("next-auth warning", { code });
    },
    debug() {},
  },
};
