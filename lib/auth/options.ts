import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/authenticate";
import { signInSchema } from "@/lib/validation/auth";
import { recordSignIn } from "@/lib/accounts/record-sign-in";
import { verifySecondFactor } from "@/lib/accounts/two-factor";
import { oidcProviders, oidcSignIn, oidcUser } from "@/lib/accounts/oidc-provider";
import { getEnv } from "@/lib/env";

/** What the credentials step answers when the password is right but the code is missing. */
export const TWO_FACTOR_REQUIRED = "TwoFactorRequired";

const passwordLogin = getEnv().SANAD_PASSWORD_LOGIN !== "0";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
  events: {
    // The admin's users page shows when each account last signed in.
    async signIn({ user, account }) {
      if (account?.provider === "credentials") await recordSignIn(user.id);
    },
  },
  callbacks: {
    signIn: oidcSignIn,
    async jwt({ token, user, account }) {
      if (account?.provider === "oidc") {
        // The provider's subject, resolved to the Sanad account it was linked to at sign-in.
        const linked = await oidcUser(account.providerAccountId);
        if (linked) {
          token.uid = linked.id;
          token.isAdmin = linked.isAdmin;
          token.locale = linked.locale;
          token.email = linked.email;
          token.name = linked.name;
          token.method = "oidc";
          token.twoFactorAt = null;
        }
      } else if (user) {
        token.uid = user.id;
        token.isAdmin = user.isAdmin;
        token.locale = user.locale;
        token.method = "password";
        token.twoFactorAt = user.twoFactorAt ?? null;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.uid,
        email: token.email ?? "",
        name: token.name ?? "",
        isAdmin: token.isAdmin,
        locale: token.locale,
        method: token.method,
        twoFactorAt: token.twoFactorAt ?? null,
      };
      return session;
    },
  },
};
