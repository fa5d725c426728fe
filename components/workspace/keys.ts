// The workspace's keyboard: ONE table, read by the key handler and by the help dialog.
// Keys are matched by the physical key (`event.code`), so they work whatever the layout
// (on an Arabic keyboard "j" types «ت», and KeyJ is still next sentence).

export type KeyAction =
  | "nextSentence" | "previousSentence" | "nextClaim" | "previousClaim" | "flag" | "source" | "verdict"
  | "accept" | "dismiss" | "undo" | "help";

export type KeyBinding = {
  action: KeyAction;
  /** `KeyboardEvent.code` of the physical key. */
  code: string;
  shift?: boolean;
  /** What the key shows on a Latin keyboard (the help dialog, aria-keyshortcuts). */
  label: string;
};

export const KEYS: readonly KeyBinding[] = [
  { action: "nextSentence", code: "KeyJ", label: "j" },
  { action: "previousSentence", code: "KeyK", label: "k" },
  { action: "nextClaim", code: "KeyN", label: "n" },
  { action: "previousClaim", code: "KeyP", label: "p" },
  { action: "flag", code: "KeyF", label: "f" },
  { action: "source", code: "KeyS", label: "s" },
  { action: "verdict", code: "KeyV", label: "v" },
  { action: "accept", code: "KeyA", label: "a" },
  { action: "dismiss", code: "KeyD", label: "d" },
  { action: "undo", code: "KeyU", label: "u" },
  { action: "help", code: "Slash", shift: true, label: "?" },
];

/** Keys that act on the claim's span while its editor has focus (shown in the help dialog too). */
export const SPAN_KEYS = [
  { keys: "Shift + ←/→", help: "spanEnd" },
  { keys: "Shift + Alt + ←/→", help: "spanStart" },
] as const;

export const keyOf = (action: KeyAction) => KEYS.find((k) => k.action === action)!.label;

/** The action a key press asks for, or null. Modified presses (ctrl, alt, meta) are the browser's. */
export function actionFor(e: Pick<KeyboardEvent, "code" | "key" | "shiftKey" | "ctrlKey" | "metaKey" | "altKey">): KeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const hit = KEYS.find((k) => k.code === e.code && !!k.shift === e.shiftKey);
  if (hit) return hit.action;
  // A "?" typed where no Slash key gives it (some layouts): still the help.
  return e.key === "?" || e.key === "؟" ? "help" : null;
}
