// What the admin's user list shows of an account (never its secrets).
export type UserRow = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  deactivatedAt: Date | null;
  twoFactor: boolean;
  singleSignOn: boolean;
  resetPending: boolean;
};

export const rowOf = (u: {
  id: string; email: string; name: string; isAdmin: boolean; createdAt: Date; lastSignInAt: Date | null; deactivatedAt: Date | null;
  totpEnabledAt: Date | null; oidcSubject: string | null; passwordResetExpiresAt: Date | null;
}): UserRow => ({
  id: u.id,
  email: u.email,
  name: u.name,
  isAdmin: u.isAdmin,
  createdAt: u.createdAt,
  lastSignInAt: u.lastSignInAt,
  deactivatedAt: u.deactivatedAt,
  twoFactor: u.totpEnabledAt !== null,
  singleSignOn: u.oidcSubject !== null,
  resetPending: u.passwordResetExpiresAt !== null && u.passwordResetExpiresAt > new Date(),
});
