import { getTranslations } from "next-intl/server";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { pageActor } from "@/lib/pages/guard";
import { toPlain } from "@/lib/pages/plain";
import { NotificationList } from "@/components/collab/notification-list";

export default async function NotificationsPage() {
  const actor = await pageActor();
  const t = await getTranslations("collab.notifications");
  const page = toPlain(await listNotifications({ actor, limit: 50 }));
  return (
    <div className="stack narrow">
      <h1>{t("title")}</h1>
      <NotificationList initial={page} />
    </div>
  );
}
