// The Web Annotation export's offset conversion on a long article: one walk per offset (as the
// export did before issue 12) against one walk for all of them (toCodePointOffsets).
//
//   npx tsx bench/code-points.ts [--claims 500] [--mb 5]
//
// Prints both times and checks the two agree. Pure computation: no database, no app.
import { parseArgs } from "node:util";
import { toCodePointOffset, toCodePointOffsets } from "../lib/text/offsets";

const { values } = parseArgs({ options: { claims: { type: "string" }, mb: { type: "string" } } });
const claims = Number(values.claims ?? 500);
const size = Number(values.mb ?? 5) * 1_000_000;

// Arabic and English text with an emoji or a mathematical letter every few words.
const unit = "قال المتحدث إن 😀 عدد المنازل بلغ 𝟕 آلاف. The council counted 𝐀 more. ";
const body = unit.repeat(Math.ceil(size / unit.length));
const offsets: number[] = [];
for (let k = 0; k < claims; k++) {
  const start = Math.floor(((k + 0.5) * body.length) / claims / unit.length) * unit.length;
  offsets.push(start, start + 10);
}

let t = performance.now();
const perOffset = offsets.map((i) => toCodePointOffset(body, i));
const quadraticMs = performance.now() - t;
t = performance.now();
const walked = toCodePointOffsets(body, offsets);
const linearMs = performance.now() - t;
const agree = offsets.every((i, k) => walked.get(i) === perOffset[k]);

console.log(`code points for ${claims} claims on a ${(body.length / 1e6).toFixed(1)} M-unit article`);
console.log(`  one walk per offset: ${quadraticMs.toFixed(0)} ms`);
console.log(`  one walk for all:    ${linearMs.toFixed(0)} ms`);
console.log(`  results agree:       ${agree}`);
if (!agree) process.exitCode = 1;
