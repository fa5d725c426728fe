import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
const resolve = {
  alias: {
    "@/": root + "/",
    // `server-only` throws outside React Server Components; tests call server code directly.
    "server-only": path.join(root, "tests/setup/empty.ts"),
  },
};

export default defineConfig({
  resolve,
  test: {
    projects: [
      // Generous timeouts: these machines change speed by 2x; speed is measured by `npm run bench`, not here.
      { resolve, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 60_000 } },
      {
        resolve,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-database.ts"],
          setupFiles: ["tests/setup/worker-database.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve,
        test: {
          name: "api",
          include: ["tests/api/**/*.test.ts"],
          globalSetup: ["tests/setup/global-database.ts", "tests/setup/global-app.ts"],
          setupFiles: ["tests/setup/app-database.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
