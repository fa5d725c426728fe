import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

// Browser journeys: the production build on a fresh, seeded database, driven in Debian's
// Chromium by playwright-core. One worker: the journeys share the demo desk.
export default defineConfig({
  resolve: {
    alias: { "@/": root + "/", "server-only": path.join(root, "tests/setup/empty.ts") },
  },
  test: {
    name: "e2e",
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/setup/global-database.ts", "tests/setup/global-app.ts", "tests/setup/global-seed.ts"],
    setupFiles: ["tests/setup/app-database.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    // A page does several requests on opening (the live stream, presence, comments); on a busy
    // machine an answer can take seconds, past expect.poll's default of one.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 180_000,
  },
});
