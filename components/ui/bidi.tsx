// Isolates a run of text whose direction may differ from its surroundings (a Latin name in
// Arabic, a number beside Arabic words), so neither reorders the other.
export function Bidi({ children, dir = "auto" }: { children: React.ReactNode; dir?: "auto" | "ltr" | "rtl" }) {
  return <bdi dir={dir}>{children}</bdi>;
}
