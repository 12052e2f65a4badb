import { DateTime } from "luxon";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { ZONE } from "../../scripts/build/model/dates.ts";
import { contentDir, SIDEBAR_FIXTURE } from "../../test/widgets/helpers.ts";
import { loadQuotes, quoteOfTheDay } from "./data.ts";
import { Quotes } from "./Quotes.tsx";

const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

describe("quotes.yaml", () => {
  it("loads each quotation with its author and optional source, in NFC, and picks the day's one", async () => {
    const dir = await contentDir({ "quotes.yaml": SIDEBAR_FIXTURE["quotes.yaml"]!.normalize("NFD") });
    const { data, issues } = await loadQuotes(dir, at("2024-05-01T08:00"));
    expect(issues).toEqual([]);
    expect(data.quotes).toEqual([
      { text: "Học, học nữa, học mãi.", author: "Lê-nin" },
      { text: "Tri thức là sức mạnh.", author: "Francis Bacon", source: "Meditationes Sacrae" },
      { text: "Khoa học bắt đầu từ lúc người ta biết đo.", author: "Dmitri Mendeleev" },
    ]);
    expect(data.shown).toBe(quoteOfTheDay(3, at("2024-05-01T08:00")));
  });

  it.each([
    ["- text: Tri thức là sức mạnh.\n", 1, "0.author", "còn thiếu"],
    ["- text: ''\n  author: A\n", 1, "0.text", "không được để trống"],
    ["- text: A\n  author: B\n  year: 1900\n", 3, "0", "trường lạ: year — xóa hoặc sửa tên cho đúng; các trường hợp lệ: text, author, source"],
  ])("reports %j at line %i", async (yaml, line, field, message) => {
    const { issues } = await loadQuotes(await contentDir({ "quotes.yaml": yaml }), at("2024-05-01"));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line, field });
    expect(issues[0]!.message).toContain(message);
  });
});

describe("the quote shown without JavaScript", () => {
  it("is the same all day long (Vietnam time) and moves on with the next day", () => {
    const morning = quoteOfTheDay(25, at("2024-05-01T00:05"));
    expect(quoteOfTheDay(25, at("2024-05-01T23:55"))).toBe(morning);
    // 17:30 UTC on 30 April is already 1 May in Vietnam.
    expect(quoteOfTheDay(25, DateTime.fromISO("2024-04-30T17:30Z"))).toBe(morning);
    expect(quoteOfTheDay(25, at("2024-05-02T00:05"))).toBe((morning + 1) % 25);
    const days = Array.from({ length: 25 }, (_, i) => quoteOfTheDay(25, at("2024-05-01").plus({ days: i })));
    expect(new Set(days).size).toBe(25);
  });

  it("is the only one visible; the others and the button wait for JavaScript", () => {
    const quotes = [
      { text: "Một", author: "A" },
      { text: "Hai", author: "B", source: "Sách <B>" },
      { text: "Ba", author: "C" },
    ];
    const html = renderToString(<Quotes data={{ quotes, shown: 1 }} />);
    const figures = html.match(/<figure[^>]*>/g)!;
    expect(figures).toHaveLength(3);
    expect(figures.filter((f) => !/ hidden/.test(f))).toHaveLength(1);
    expect(html).toMatch(/<figure class="quote" data-quote="true"><blockquote><p>Hai<\/p><\/blockquote><figcaption>— B, <cite>Sách &lt;B><\/cite>/);
    expect(html).toMatch(/<button type="button" class="quote-next" data-quote-next="true" hidden>Câu khác<\/button>/);
    expect(html).not.toMatch(/style=|<script/);
  });
});
