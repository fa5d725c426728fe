import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionActor } from "@/lib/auth/session";
import { listUsers } from "@/lib/accounts/lifecycle";
import { canManageProjects } from "@/lib/permissions/roles";
import { Notice } from "@/components/ui/notice";
import { UsersAdmin, type AdminUserRow } from "@/components/accounts/users-admin";

export default async function AdminUsersPage() {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  const t = await getTranslations("accounts.users");
  if (!canManageProjects(actor)) return <Notice title={t("adminsOnlyTitle")} message={t("adminsOnly")} backHref="/" backLabel={t("back")} />;
  const users = JSON.parse(JSON.stringify(await listUsers({ actor }))) as AdminUserRow[];
  return <UsersAdmin initial={users} viewerId={actor.id} />;
}
