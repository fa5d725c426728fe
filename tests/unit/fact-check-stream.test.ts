import { expect, it } from "vitest";
import { streamJsonItems } from "@/lib/fact-checks/json-stream";
async function all(text: string, size = 3) {
  async function* chunks() { for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size); }
  const out = [];
  for await (const x of streamJsonItems(chunks())) out.push(x.error ? { error: x.error.slice(0, 19) } : x.value);
  return out;
}
it("reads the items of an array, a @graph or one object in chunks, and reports bad ones", async () => {
  expect(await all('[{"a":"x]},"}, 1, "s", [2,3], {"b":{"c":[1]}}]')).toEqual([{ a: "x]}," }, 1, "s", [2, 3], { b: { c: [1] } }]);
  expect(await all('{"@context":"https://schema.org","@graph":[{"@type":"ClaimReview","x":"\\"]"},{"y":2}],"z":1}')).toEqual([{ "@type": "ClaimReview", x: '"]' }, { y: 2 }]);
  expect(await all('{"@type":"ClaimReview","url":"u","n":{"k":[1,2]}}', 5)).toEqual([{ "@type": "ClaimReview", url: "u", n: { k: [1, 2] } }]);
  expect(await all('{"@graph":{"a":1}}')).toEqual([{ "@graph": { a: 1 } }]);
  expect(await all('[{"a":tru}, {"b":1}]')).toEqual([{ error: "is not valid JSON (" }, { b: 1 }]);
  expect(await all('[]')).toEqual([]);
  await expect(all('[{"a":1}')).rejects.toThrow(/ends inside/);
  await expect(all('hello')).rejects.toThrow(/not a JSON/);
  await expect(all('')).rejects.toThrow(/empty/);
});
