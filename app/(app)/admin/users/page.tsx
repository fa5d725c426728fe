import { getTranslations } from "next-intl/server";
import { listUsers } from "@/lib/accounts/list-users";
import { pageActor } from "@/lib/pages/guard";
import { toPlain } from "@/lib/pages/plain";
import { canManageProjects } from "@/lib/permissions/roles";
import { Notice } from "@/components/ui/notice";
import { UsersAdmin, type AdminUserRow } from "@/components/accounts/users-admin";

export default async function AdminUsersPage() {
  const actor = await pageActor();
  const t = await getTranslations("accounts.users");
  if (!canManageProjects(actor)) return <Notice title={t("adminsOnlyTitle")} message={t("adminsOnly")} backHref="/" backLabel={t("back")} />;
  return <UsersAdmin initial={toPlain(await listUsers({ actor }))} viewerId={actor.id} />;
}
