import "server-only";
import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/authenticate";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { sameOriginUrl } from "@/lib/http/safe-redirect";
import { log } from "@/lib/log";
import { signInSchema } from "@/lib/validation/auth";

type LiveSession = { id: string; email: string; name: string; is_admin: boolean; locale: string };

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
    // Every read of the session checks its row: a session ended server-side (sign-out,
    // deactivation, password change) has no user, whatever the cookie says. One query, joined
    // with the user, so the name and admin flag are current too.
    async session({ session, token }) {
      const [live] = token.sid
        ? await db.$queryRaw<LiveSession[]>`
            SELECT u.id, u.email, u.name, u.is_admin, u.locale
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = ${token.sid} AND s.user_id = ${token.uid} AND s.expires_at > now()`
        : [];
      if (!live) return { expires: session.expires } as Session;
      session.user = { id: live.id, email: live.email, name: live.name, isAdmin: live.is_admin, locale: live.locale };
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
