"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useState, type ReactNode } from "react";
import "@/components/ui/ui.css";

/**
 * One confirmation before an action that changes many things or cannot be undone from here.
 * The trigger is a real button; focus moves into the dialog and back when it closes.
 */
export function ConfirmDialog({
  trigger,
  triggerClassName,
  title,
  description,
  confirmLabel,
  cancelLabel,
  busyLabel,
  danger = false,
  disabled = false,
  onConfirm,
  children,
  testId,
}: {
  trigger: ReactNode;
  triggerClassName?: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busyLabel?: string;
  danger?: boolean;
  disabled?: boolean;
  /** Resolves true to close the dialog, false to keep it open (e.g. to show an error). */
  onConfirm: () => Promise<boolean>;
  children?: ReactNode;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      if (await onConfirm()) setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !busy && setOpen(next)}>
      <Dialog.Trigger asChild>
        <button type="button" className={triggerClassName} disabled={disabled} data-testid={testId}>{trigger}</button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title asChild><h2>{title}</h2></Dialog.Title>
          <Dialog.Description asChild><div>{description}</div></Dialog.Description>
          {children}
          <div className="actions">
            <Dialog.Close asChild>
              <button type="button" className="secondary" disabled={busy}>{cancelLabel}</button>
            </Dialog.Close>
            <button type="button" className={danger ? "danger" : undefined} onClick={() => void confirm()} disabled={busy} aria-busy={busy} data-testid={testId ? `${testId}-confirm` : undefined}>
              {busy && busyLabel ? busyLabel : confirmLabel}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
