import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/settings/locale-switcher";

/** The head of a signed-out page (sign in, a new password): its title, the language switch, a word of intro. */
export async function AuthPageHead({ title, intro }: { title: string; intro: string }) {
  const c = await getTranslations("common");
  return (
    <>
      <div className="login-head">
        <h1>{c("brand")} · {title}</h1>
        <LocaleSwitcher signedIn={false} />
      </div>
      <p className="muted">{intro}</p>
    </>
  );
}
