import { describe, expect, it } from "vitest";
import { findMentions, linkify, mentionQueryAt } from "@/lib/comments/mentions";

const members = [
  { id: "u1", name: "Rana (reviewer)", email: "reviewer1@sanad.test" },
  { id: "u2", name: "Sami", email: "sami@sanad.test" },
  { id: "u3", name: "كريم", email: "karim@sanad.test" },
];

describe("mentions", () => {
  it("finds members by @name or @email-name, whole words only, any case and script", () => {
    expect(findMentions("@Rana (reviewer) and @sami, see this", members).sort()).toEqual(["u1", "u2"]);
    expect(findMentions("ask @reviewer1 please", members)).toEqual(["u1"]);
    expect(findMentions("راجع يا @كريم هذا الرقم", members)).toEqual(["u3"]);
    expect(findMentions("@Samir is someone else; mail sami@sanad.test", members)).toEqual([]);
    expect(findMentions("no mentions here", members)).toEqual([]);
  });

  it("knows when the caret is in a mention being typed", () => {
    expect(mentionQueryAt("Look again, @Sa", 15)).toEqual({ start: 12, query: "Sa" });
    expect(mentionQueryAt("mail me@x", 9)).toBeNull();
    expect(mentionQueryAt("@Sami done\nnext", 15)).toBeNull();
  });

  it("splits text into plain parts and http(s) links, leaving other schemes and trailing punctuation as text", () => {
    expect(linkify("See https://example.org/a?b=1. Then javascript:alert(1) and ftp://x.")).toEqual([
      { text: "See " },
      { text: "https://example.org/a?b=1", href: "https://example.org/a?b=1" },
      { text: ". Then javascript:alert(1) and ftp://x." },
    ]);
    expect(linkify("المصدر: https://example.org/ar، ثم")).toEqual([
      { text: "المصدر: " },
      { text: "https://example.org/ar", href: "https://example.org/ar" },
      { text: "، ثم" },
    ]);
  });
});
