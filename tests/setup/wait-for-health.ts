import type { ChildProcess } from "node:child_process";

/**
 * Resolves once `url`/api/health answers 200; rejects when `child` exits first or `timeoutMs`
 * passes, with what the process printed.
 */
export async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number, what = "the app") {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${what} did not start:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
