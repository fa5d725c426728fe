import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { discoverRouteModules } from "./lib/http/route-discovery";
import { answeredMethods } from "./lib/http/route-table";
import { API_CSP, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Lets several builds live side by side (tests, benchmarks): SANAD_DIST_DIR=.next-foo.
  distDir: process.env.SANAD_DIST_DIR || ".next",
  poweredByHeader: false,
  // The API's routes and the methods each answers, read from app/ at build time, for the JSON 404
  // and 405 answers the server gives before Next.js (lib/http/api-refusal.ts, route-table.ts).
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
    const headers = (values: Record<string, string>) => Object.entries(values).map(([key, value]) => ({ key, value }));
    return [
      { source: "/:path*", headers: headers(STATIC_SECURITY_HEADERS) },
      // API answers skip proxy.ts (which gives pages their policy with a nonce): theirs is static.
      { source: "/api/:path*", headers: headers({ "Content-Security-Policy": API_CSP }) },
    ];
  },
};

export default withNextIntl(nextConfig);
