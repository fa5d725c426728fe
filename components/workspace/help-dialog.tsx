"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { KEYS, SPAN_KEYS } from "@/components/workspace/keys";

/** The keyboard, as the key table has it (the same table the key handler reads). */
export function HelpDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("workspace");
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog" aria-describedby="keys-layout">
          <Dialog.Title>{t("help.title")}</Dialog.Title>
          <p id="keys-layout" className="muted small">{t("help.layout")}</p>
          <dl className="keys" data-testid="key-table">
            {KEYS.map((k) => (
              <div key={k.action} data-action={k.action}><dt><kbd dir="ltr">{k.label}</kbd></dt><dd>{t(`help.keys.${k.action}`)}</dd></div>
            ))}
            {SPAN_KEYS.map((k) => (
              <div key={k.help}><dt><kbd dir="ltr">{k.keys}</kbd></dt><dd>{t(`help.keys.${k.help}`)}</dd></div>
            ))}
            <div><dt><kbd dir="ltr">Esc</kbd></dt><dd>{t("help.keys.escape")}</dd></div>
          </dl>
          <Dialog.Close asChild><button type="button">{t("close")}</button></Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
