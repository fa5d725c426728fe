import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/authenticate";
import { endSession } from "@/lib/auth/end-session";
import { SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/auth/start-session";
import { sameOriginUrl } from "@/lib/http/safe-redirect";
import { log } from "@/lib/log";
import { signInSchema } from "@/lib/validation/auth";
import { recordSignIn } from "@/lib/accounts/record-sign-in";
import { verifySecondFactor } from "@/lib/accounts/verify-second-factor";
import { oidcProviders } from "@/lib/accounts/oidc-provider";
import { oidcSignIn } from "@/lib/accounts/oidc-sign-in";
import { oidcUser } from "@/lib/accounts/oidc-user";
import { getEnv } from "@/lib/env";

/** What the credentials step answers when the password is right but the code is missing. */
export const TWO_FACTOR_REQUIRED = "TwoFactorRequired";

const passwordLogin = getEnv().SANAD_PASSWORD_LOGIN !== "0";

/** A session cookie anyone can send: one line, no stack trace. */
export function logRefusedCookie(error: unknown) {
  log.warn("session cookie refused: expired, tampered or sealed with another secret", { reason: error instanceof Error ? error.message : String(error) });
}

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
        // Sign-in: a server-side session the cookie names (lib/auth/start-session.ts).
        token.sid = await startSession(user.id);
        token.uid = user.id;
        token.isAdmin = user.isAdmin;
        token.locale = user.locale;
        token.method = "password";
        token.twoFactorAt = user.twoFactorAt ?? null;
      }
      return token;
    },
    // What /api/auth/session shows the browser (the login form reads the locale). Pages and the
    // API do not trust it: getSessionActor (lib/auth/session.ts) checks the server-side session.
    async session({ session, token }) {
      session.user = {
        id: token.uid,
        email: token.email ?? "",
        name: token.name ?? "",
        isAdmin: token.isAdmin,
        locale: token.locale,
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
      const error = metadata instanceof Error ? metadata : String((metadata as { message?: unknown })?.message ?? "");
      if (code === "JWT_SESSION_ERROR") logRefusedCookie(error);
      else log.error("next-auth error", { code, error });
    },
    warn(code) {
      log.warn("next-auth warning", { code });
    },
    debug() {},
  },
};
