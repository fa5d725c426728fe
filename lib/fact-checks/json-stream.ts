// The items of a JSON-LD file read as a stream, one at a time, so a file of 100,000 fact-checks
// never sits whole in memory: the elements of a top-level array, or of a top-level object's
// "@graph" array, or (no @graph) the object itself. Each element is parsed on its own, so one bad
// element is reported and the rest go on.

export type StreamedItem = { index: number; value?: unknown; error?: string };

export class JsonStreamError extends Error {}

const MAX_ITEM = 1024 * 1024; // characters of one element
const MAX_ENVELOPE = 8 * 1024 * 1024; // characters of a top-level object kept besides its @graph

const WS = new Set([" ", "\t", "\n", "\r", "\uFEFF"]);

export async function* streamJsonItems(chunks: AsyncIterable<string>): AsyncGenerator<StreamedItem> {
  let top: "array" | "object" | null = null;
  let depth = 0; // containers open
  let inString = false;
  let escape = false;
  let item = ""; // the element being read
  let itemDepth = -1; // depth at which elements are taken; -1 until known
  let reading = false;
  let index = 0;
  // Top-level object: its text without the @graph array, and the key being read at depth 1.
  let envelope = "";
  let keyText = "";
  let readingKey = false;
  let expectKey = false;
  let lastKey = "";
  let graphSeen = false;
  let inGraph = false;
  let done = false;

  const finish = (): StreamedItem => {
    const text = item;
    item = "";
    reading = false;
    const i = index++;
    if (text.length > MAX_ITEM) return { index: i, error: `is larger than ${MAX_ITEM} characters` };
    try {
      return { index: i, value: JSON.parse(text) };
    } catch (e) {
      return { index: i, error: `is not valid JSON (${(e as Error).message})` };
    }
  };

  for await (const chunk of chunks) {
    const out: StreamedItem[] = [];
    for (let k = 0; k < chunk.length; k++) {
      const c = chunk[k];
      if (done) {
        if (!WS.has(c)) throw new JsonStreamError("The file holds more than one JSON value.");
        continue;
      }
      if (top === null) {
        if (WS.has(c)) continue;
        if (c === "[") {
          top = "array";
          depth = 1;
          itemDepth = 1;
          continue;
        }
        if (c === "{") {
          top = "object";
          depth = 1;
          envelope = "{";
          expectKey = true;
          continue;
        }
        throw new JsonStreamError("The file is not a JSON array or object.");
      }
      // Characters of the element being read (or of the envelope, outside @graph).
      if (reading) {
        if (item.length <= MAX_ITEM) item += c;
      } else if (top === "object" && !inGraph) {
        if (envelope.length > MAX_ENVELOPE) throw new JsonStreamError(`The top-level object is larger than ${MAX_ENVELOPE} characters.`);
        envelope += c;
      }
      if (inString) {
        if (escape) escape = false;
        else if (c === "\\") escape = true;
        else if (c === '"') {
          inString = false;
          if (readingKey) {
            readingKey = false;
            lastKey = keyText;
          }
        }
        if (readingKey && inString) keyText += c;
        continue;
      }
      if (c === '"') {
        inString = true;
        if (top === "object" && depth === 1 && expectKey) {
          readingKey = true;
          keyText = "";
          expectKey = false;
        } else if (itemDepth === depth && !reading) {
          reading = true;
          item = c;
        }
        continue;
      }
      if (WS.has(c)) continue;
      if (c === ":" && top === "object" && depth === 1) {
        if (lastKey === "@graph") inGraph = true;
        continue;
      }
      if (c === "," && depth === 1 && top === "object") {
        expectKey = true;
        continue;
      }
      if (c === "{" || c === "[") {
        if (inGraph && depth === 1) {
          if (c !== "[") {
            inGraph = false;
            envelope += c;
          } else {
            graphSeen = true;
            itemDepth = 2;
            depth++;
            continue;
          }
        }
        if (itemDepth === depth && !reading) {
          reading = true;
          item = c;
        }
        depth++;
        continue;
      }
      if (c === "}" || c === "]") {
        depth--;
        if (reading && depth === itemDepth) out.push(finish());
        else if (reading && depth === itemDepth - 1) {
          // A scalar element ended by its array's close; the bracket is not part of it.
          item = item.slice(0, -1);
          out.push(finish());
        }
        if (inGraph && depth === 1) {
          // The @graph array closed: its elements were the items.
          inGraph = false;
          itemDepth = -1;
          envelope += '""';
        }
        if (depth === 0) {
          done = true;
          if (top === "object" && !graphSeen) {
            item = envelope;
            reading = true;
            out.push(finish());
          }
        }
        continue;
      }
      if (c === "," && reading && depth === itemDepth) {
        // A scalar element (number, true, …) ends at the comma; the comma is not part of it.
        item = item.slice(0, -1);
        out.push(finish());
        continue;
      }
      if (itemDepth === depth && !reading && c !== ",") {
        reading = true;
        item = c;
      }
    }
    for (const o of out) yield o;
  }
  if (top === null) throw new JsonStreamError("The file is empty.");
  if (!done) throw new JsonStreamError("The file ends inside a JSON value (truncated?).");
}
