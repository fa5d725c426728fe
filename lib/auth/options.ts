import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/authenticate";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/auth/sessions";
import { sameOriginUrl } from "@/lib/http/safe-redirect";
import { log } from "@/lib/log";
import { signInSchema } from "@/lib/validation/auth";

/** A session cookie anyone can send: one line, no stack trace. */
export function logRefusedCookie(error: unknown) {
  log.warn("session cookie refused: expired, tampered or sealed with another secret", { reason: error instanceof Error ? error.message : String(error) });
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        return authenticate(parsed.data.email, parsed.data.password);
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // Sign-in: a server-side session the cookie names (lib/auth/sessions.ts).
        token.sid = await startSession(user.id);
        token.uid = user.id;
        token.isAdmin = user.isAdmin;
        token.locale = user.locale;
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
