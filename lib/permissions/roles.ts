// Who may do what, as small pure functions. Roles are per project; admin is a user flag.
export type ProjectRole = "reviewer" | "editor";
export type MemberContext = { role: ProjectRole; isAdmin: boolean };

export const canRead = (m: MemberContext | null) => m !== null;
export const canAnnotate = (m: MemberContext | null) => m?.role === "reviewer" || m?.role === "editor";
export const canImport = canAnnotate;
export const canSeeAllVerdicts = (m: MemberContext | null) => m?.role === "editor";
export const canAdjudicate = (m: MemberContext | null) => m?.role === "editor";
export const canReviewQueue = canAdjudicate;
export const canExport = canAdjudicate;
export const canAssign = canAdjudicate;
export const canManageProjects = (user: { isAdmin: boolean } | null) => user?.isAdmin === true;
