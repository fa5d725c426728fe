// The kinds of notification (no server code: validation and the interface may read them too).
export const NOTIFICATION_KINDS = ["mention", "reply", "assigned", "adjudicated", "reopened", "disagreement"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
