// Summarizes V8 CPU profiles (`node --cpu-prof`): self time by function and by module, as a
// share of the samples. `node bench/profile-summary.mjs FILE.cpuprofile [...] [--top 30]`.
// Modules: a package under node_modules (next, @prisma/client, pg, ...), a chunk of the app's
// build, node's own internals, or (idle)/(garbage collector)/(program).
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 30;

function moduleOf(url, name) {
  if (!url) return name.startsWith("(") ? name : "(native)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split("/");
    const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    // Next's compiled copies of other packages: next/dist/compiled/<pkg>.
    const compiled = url.indexOf("next/dist/compiled/");
    if (compiled >= 0) return `next/compiled/${url.slice(compiled + 19).split("/")[0]}`;
    if (pkg === "next") return `next/${rest.slice(2, 4).join("/")}`;
    return pkg;
  }
  if (url.startsWith("node:")) return "node:" + url.slice(5).split("/")[0];
  const chunk = url.match(/\/(server\/(?:chunks|app)\/.*)$/);
  if (chunk) return `app build: ${chunk[1].replace(/\/[^/]*$/, "/…")}`;
  return url.replace(/^file:\/\//, "");
}

const byFunction = new Map();
const byModule = new Map();
let total = 0;
for (const file of args) {
  const p = JSON.parse(readFileSync(file, "utf8"));
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i + 1] ?? 0;
    self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + dt);
  }
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const name = functionName || "(anonymous)";
    const mod = moduleOf(url, name);
    const fkey = `${name}  ${mod}${url ? `:${lineNumber + 1}` : ""}`;
    byFunction.set(fkey, (byFunction.get(fkey) ?? 0) + us);
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
    total += us;
  }
}
const busy = total - (byModule.get("(idle)") ?? 0);
const show = (title, map) => {
  console.log(`\n${title} (self time; % of non-idle ${(busy / 1000).toFixed(0)} ms)`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    if (k === "(idle)") continue;
    console.log(`${((100 * us) / busy).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  }
};
show("By module", byModule);
show("By function", byFunction);
