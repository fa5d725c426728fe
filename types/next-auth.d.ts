import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    id: string;
    isAdmin: boolean;
    locale: string;
    twoFactorAt?: number | null;
  }
  interface Session {
    user: { id: string; email: string; name: string; isAdmin: boolean; locale: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The server-side session (lib/auth/start-session.ts); absent in cookies issued before them. */
    sid?: string;
    uid: string;
    isAdmin: boolean;
    locale: string;
    method?: "password" | "oidc";
    twoFactorAt?: number | null;
  }
}
