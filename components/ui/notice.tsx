import Link from "next/link";
import "@/components/ui/ui.css";

/** A page's whole answer when the caller may not see it: a heading, why, and a way back. */
export function Notice({ title, message, backHref, backLabel, kind = "forbidden" }: { title: string; message: string; backHref: string; backLabel: string; kind?: "forbidden" | "info" }) {
  return (
    <section className={`card stack notice ${kind}`} aria-labelledby="notice-title" data-testid={`notice-${kind}`}>
      <h1 id="notice-title">{title}</h1>
      <p>{message}</p>
      <p><Link href={backHref}>{backLabel}</Link></p>
    </section>
  );
}
