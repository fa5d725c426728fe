// Structured logs: one JSON object a line, so a desk's log collector can read them.
type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const wanted = process.env.LOG_LEVEL as Level | undefined;
  return order[wanted ?? "info"] ?? order.info;
}

function write(level: Level, msg: string, context: Record<string, unknown> = {}) {
  if (order[level] < threshold()) return;
  const entry: Record<string, unknown> = { time: new Date().toISOString(), level, msg, ...context };
  if (entry.error instanceof Error) {
    const e = entry.error;
    entry.error = { name: e.name, message: e.message, stack: e.stack };
  }
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(
    JSON.stringify(entry) + "\n",
  );
}

export const log = {
  debug: (msg: string, ctx?: Record<string, unknown>) => write("debug", msg, ctx),
  info: (msg: string, ctx?: Record<string, unknown>) => write("info", msg, ctx),
  warn: (msg: string, ctx?: Record<string, unknown>) => write("warn", msg, ctx),
  error: (msg: string, ctx?: Record<string, unknown>) => write("error", msg, ctx),
};
