import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { Toaster } from "@/components/ui/toaster";
import { directionOf } from "@/lib/i18n/locales";
import "@fontsource/noto-naskh-arabic/400.css";
import "@fontsource/noto-naskh-arabic/700.css";
import "./globals.css";

export const metadata: Metadata = {
  title: "Sanad · سند",
  description: "Claim verification for newsrooms and fact-checking desks",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const messages = await getMessages();
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>
        <a href="#main" className="skip-link">{locale === "ar" ? "انتقل إلى المحتوى" : "Skip to content"}</a>
        <NextIntlClientProvider locale={locale} messages={messages}>
          {children}
          <Toaster dir={directionOf(locale)} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
