"use client";

import { signOut } from "next-auth/react";
import { clearAllDrafts } from "@/components/client/use-draft";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="secondary" data-testid="sign-out" onClick={() => {
      // Unsent drafts stay with the person who wrote them: none is left for the next one on this browser.
      clearAllDrafts();
      void signOut({ callbackUrl: "/login" });
    }}>
      {label}
    </button>
  );
}
