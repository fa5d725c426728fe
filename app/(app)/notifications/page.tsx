import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionActor } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { NotificationList } from "@/components/collab/notification-list";

export default async function NotificationsPage() {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  const t = await getTranslations("collab.notifications");
  const page = JSON.parse(JSON.stringify(await listNotifications({ actor, limit: 50 })));
  return (
    <div className="stack narrow">
      <h1>{t("title")}</h1>
      <NotificationList initial={page} />
    </div>
  );
}
