import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pageActor } from "@/lib/pages/guard";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { DraftOwnerProvider } from "@/components/client/use-draft";
import { LocaleSwitcher } from "@/components/settings/locale-switcher";
import { SearchBox } from "@/components/search/search-box";
import "@/components/search/search.css";
import { NotificationBell } from "@/components/collab/notification-bell";

export const dynamic = "force-dynamic";

// Redirects signed-out visitors; authorization itself happens in each operation.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await pageActor();
  // Two-factor required and not set up: nothing else until it is.
  if (actor.mustEnrol) redirect("/two-factor");
  const t = await getTranslations("common");
  return (
    <>
      <header className="topbar">
        <nav aria-label={t("brand")} className="topnav">
          <Link href="/" className="brand"><span lang="en">Sanad</span> · <span lang="ar">سند</span></Link>
          <Link href="/">{t("nav.projects")}</Link>
          <Link href="/settings">{t("nav.settings")}</Link>
          {actor.isAdmin && <Link href="/admin/users">{t("nav.users")}</Link>}
        </nav>
        <SearchBox />
        <div className="topnav">
          <NotificationBell />
          <bdi className="muted">{actor.name}</bdi>
          {actor.isAdmin && <span className="badge">{t("admin")}</span>}
          <LocaleSwitcher signedIn />
          <SignOutButton label={t("signOut")} />
        </div>
      </header>
      <main id="main" className="shell"><DraftOwnerProvider userId={actor.id}>{children}</DraftOwnerProvider></main>
    </>
  );
}
