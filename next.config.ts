import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { discoverRouteModules } from "./lib/http/route-discovery";
import { answeredMethods } from "./lib/http/route-table";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Lets several builds live side by side (tests, benchmarks): SANAD_DIST_DIR=.next-foo.
  distDir: process.env.SANAD_DIST_DIR || ".next",
  poweredByHeader: false,
  // The API's routes and the methods each answers, read from app/ at build time, for the proxy's
  // JSON 404 and 405 answers (lib/http/route-table.ts).
  env: {
    SANAD_API_ROUTES: JSON.stringify(
      discoverRouteModules("app")
        .filter((m) => m.route.startsWith("/api/"))
        .map((m) => ({ route: m.route, methods: answeredMethods(m.methods) })),
    ),
  },
  reactStrictMode: true,
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  // Types are checked once, by `npm run typecheck` (CI runs it before the tests), over the whole
  // project, tests included; the build need not check them again.
  typescript: { tsconfigPath: "tsconfig.json", ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
