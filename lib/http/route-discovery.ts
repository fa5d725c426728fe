import { readdirSync, readFileSync, statSync } from "node:fs";
import { exportedMethods, routeOf } from "./route-table";

/** Every route module under `appDir` with its route and exported methods, as Next.js finds them. */
export function discoverRouteModules(appDir = "app"): { file: string; route: string; methods: string[] }[] {
  const found: { file: string; route: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = `${dir}/${entry}`;
      if (statSync(full).isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js|jsx|mjs)$/.test(entry)) found.push({ file: full, route: routeOf(full, appDir), methods: exportedMethods(readFileSync(full, "utf8")) });
    }
  };
  walk(appDir);
  return found;
}
