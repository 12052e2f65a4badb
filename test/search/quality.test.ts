import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDEX_CHUNK_SIZE } from "../../scripts/build/search/build-index.ts";
import { rankedSearch } from "../../scripts/build/search/ranking.ts";
import { FIXTURE_ARTICLE_COUNT, FIXTURE_DOCS, articleUrl } from "./fixture/articles.ts";
import { ABSENT_QUERIES, QUALITY_QUERIES } from "./fixture/queries.ts";
import { buildAndLoad, score, topUrls, type BuiltIndex, type Score } from "./quality-harness.ts";

/** Word locations per index chunk when PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE is not set (Pagefind's source). */
const PAGEFIND_DEFAULT_CHUNK_SIZE = 20_000;

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

describe("search quality on the fixture site (real Pagefind indexes, loaded with pagefind.js)", () => {
  let ours: BuiltIndex;
  let stock: BuiltIndex;
  beforeAll(async () => {
    ours = await buildAndLoad(FIXTURE_DOCS);
    // Stock Pagefind, with its own chunking too (the Pagefind service restarts for each index).
    const ourChunking = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(PAGEFIND_DEFAULT_CHUNK_SIZE);
    try {
      stock = await buildAndLoad(FIXTURE_DOCS, (text) => text);
    } finally {
      process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = ourChunking;
    }
  });
  afterAll(async () => {
    await ours?.dispose();
    await stock?.dispose();
  });

  const oursSearch = async (query: string) => topUrls((await rankedSearch(ours.pagefind, { query }, ours.files)).results, 3);
  const stockSearch = async (query: string) => topUrls((await stock.pagefind.search(query))?.results ?? [], 3);

  it("cuts the index into smaller chunks than Pagefind's default (a query downloads whole chunks)", async () => {
    expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBe(String(INDEX_CHUNK_SIZE));
    const chunks = async (index: BuiltIndex) => (await readdir(path.join(index.dir, "pagefind", "index"))).length;
    expect(await chunks(ours)).toBeGreaterThan(2 * (await chunks(stock)));
  });

  it("has a fixture large enough to mean something", () => {
    expect(FIXTURE_ARTICLE_COUNT).toBeGreaterThanOrEqual(150);
    expect(QUALITY_QUERIES.length).toBeGreaterThanOrEqual(90);
  });

  it("finds the meant article in the top 3 for at least 95% of queries, and beats stock Pagefind", async () => {
    const mine: Score = await score(QUALITY_QUERIES, oursSearch);
    const theirs: Score = await score(QUALITY_QUERIES, stockSearch);
    const kinds = [...new Set(QUALITY_QUERIES.map((q) => q.kind))];
    const lines = [`search quality, ${QUALITY_QUERIES.length} queries, ${FIXTURE_ARTICLE_COUNT} articles`];
    lines.push(`  ours : hit@1 ${percent(mine.hit1)}  hit@3 ${percent(mine.hit3)}`);
    lines.push(`  stock: hit@1 ${percent(theirs.hit1)}  hit@3 ${percent(theirs.hit3)}`);
    for (const kind of kinds) {
      const subset = QUALITY_QUERIES.filter((q) => q.kind === kind);
      const a = await score(subset, oursSearch);
      const b = await score(subset, stockSearch);
      lines.push(`  ${kind.padEnd(17)} (${subset.length}) ours hit@3 ${percent(a.hit3)}, stock ${percent(b.hit3)}`);
    }
    for (const miss of mine.misses) lines.push(`  ours missed: ${JSON.stringify(miss)}`);
    console.log(lines.join("\n"));
    expect(mine.hit3).toBeGreaterThanOrEqual(0.95);
    expect(mine.hit3).toBeGreaterThan(theirs.hit3);
  });

  it("answers words that occur nowhere with nothing, though stock Pagefind lists pages for some", async () => {
    for (const query of ABSENT_QUERIES) {
      const answer = await rankedSearch(ours.pagefind, { query }, ours.files);
      expect(answer.results, query).toEqual([]);
    }
    // The root cause: no word starts with "xyzxyz", so Pagefind falls back to the longest indexed
    // word that starts it ("x", from "khóa X"); a word found nowhere is dropped from a longer query.
    expect((await stockSearch("xyzxyz"))[0]).toBe(articleUrl("dai-hoi-lien-hiep-hoi-lan-thu-v"));
    expect((await stock.pagefind.search("tôm qwerty"))?.results.length).toBeGreaterThan(0);
  });

  it("searches a plain slip for the reader and says so; only offers other close spellings", async () => {
    const slip = await rankedSearch(ours.pagefind, { query: "quag ngai chuyen doi so" }, ours.files);
    expect(slip.corrections).toEqual([{ typed: "quag", used: "quảng" }]);
    expect(await topUrls(slip.results, 1)).toEqual([articleUrl("quang-ngai-day-manh-chuyen-doi-so")]);
    const offer = await rankedSearch(ours.pagefind, { query: "tom hhum" }, ours.files);
    expect(offer.results).toEqual([]);
    expect(offer.suggestion).toMatch(/^\S+ hùm$/);
    expect((await rankedSearch(ours.pagefind, { query: "xyzxyz" }, ours.files)).suggestion).toBeUndefined();
  });

  const rankOf = (urls: string[], slug: string) => {
    const rank = urls.indexOf(articleUrl(slug));
    expect(rank, `${slug} should be found`).toBeGreaterThanOrEqual(0);
    return rank;
  };
  const allUrls = async (query: string, options: { category?: string; sort?: "newest" } = {}) => {
    const { results } = await rankedSearch(ours.pagefind, { query, ...options }, ours.files);
    return topUrls(results, results.length);
  };

  it("ranks adjacent phrases above the same syllables apart", async () => {
    const quangNgai = await allUrls("quang ngai");
    const decoy = rankOf(quangNgai, "quang-canh-trung-bay-co-vat");
    for (const slug of ["quang-ngai-day-manh-chuyen-doi-so", "trien-khai-nhiem-vu-nam-2020"]) {
      expect(rankOf(quangNgai, slug)).toBeLessThan(decoy);
    }
    const trienKhai = await allUrls("trien khai nhiem vu");
    expect(rankOf(trienKhai, "trien-khai-nhiem-vu-nam-2020")).toBeLessThan(
      rankOf(trienKhai, "nghiem-thu-de-tai-giong-lua-chiu-han"),
    );
    const dung = await allUrls("dang ngoc dung");
    expect(rankOf(dung, "ong-dang-ngoc-dung-nhan-bang-khen")).toBe(0);
    rankOf(dung, "gap-mat-doi-ngu-tri-thuc-tre");
  });

  it("ranks exact diacritics above folded matches", async () => {
    const nam = await allUrls("nấm");
    expect(nam.length).toBeGreaterThan(3);
    expect(rankOf(nam, "cong-nghe-sinh-hoc-nuoi-trong-nam-linh-chi")).toBe(0);
    const toi = await allUrls("tôi");
    expect(rankOf(toi, "cuoc-thi-sang-tao-thanh-thieu-nien-nhi-dong")).toBeLessThan(
      rankOf(toi, "trong-toi-sach-o-ly-son"),
    );
  });

  const first = async (query: string) => (await allUrls(query))[0];
  const firstOfKinds = async (...kinds: string[]) => {
    const queries = QUALITY_QUERIES.filter((q) => kinds.includes(q.kind));
    expect(queries.length).toBeGreaterThan(5);
    for (const { query, expected } of queries) expect(await first(query), query).toBe(expected);
  };

  it("ranks first the article with the marks exactly as typed; folding still finds the other (tone pairs)", async () => {
    await firstOfKinds("tone pair", "exact diacritics");
    expect(rankOf(await allUrls("Sơn Hà"), "trong-que-o-xa-son-ha")).toBeGreaterThan(0);
    expect(rankOf(await allUrls("Ba Tơ"), "lang-chai-ba-to-giu-nghe-lam-nuoc-mam")).toBeGreaterThan(0);
  });

  it("takes a number or Roman numeral as a strong signal, and V never as a prefix of VI", async () => {
    await firstOfKinds("numeral", "family");
    const eleventh = await allUrls("lần thứ 11");
    expect(rankOf(eleventh, "tong-ket-hoi-thi-sang-tao-ky-thuat-lan-thu-11")).toBe(0);
    expect(rankOf(eleventh, "trao-giai-hoi-thi-sang-tao-ky-thuat-lan-thu-12")).toBeGreaterThan(0);
    const fifth = await allUrls("đại hội lần thứ V");
    expect(rankOf(fifth, "dai-hoi-lien-hiep-hoi-lan-thu-v")).toBe(0);
    expect(rankOf(fifth, "dai-hoi-lien-hiep-hoi-lan-thu-vi")).toBeGreaterThan(0);
    expect(await first("Đại hội VI")).toBe(articleUrl("dai-hoi-lien-hiep-hoi-lan-thu-vi"));
  });

  it("matches the i/y spellings (kĩ/kỹ, lí/lý, mĩ/mỹ, ti/ty) both ways", async () => {
    await firstOfKinds("i/y variant");
    for (const [i, y] of [["kĩ năng mềm", "kỹ năng mềm"], ["lí luận", "lý luận"], ["mĩ thuật", "mỹ thuật"], ["công ti", "công ty"], ["kĩ sư", "kỹ sư"]]) {
      const withY = await allUrls(y!);
      expect(withY.length, y).toBeGreaterThan(0);
      expect(await allUrls(i!), i).toEqual(withY);
    }
  });

  it("never corrects a word some article has exactly (one letter from a commoner word); a real slip finds its article first", async () => {
    // "rung" (rừng, 3 articles) is "trưng"/"trung" without its t; "khoe" (khỏe, 1) is "khẻo" (27) swapped.
    for (const [query, slug] of [["rung", "trong-rung-go-lon-o-minh-long"], ["khoe", "cham-soc-suc-khoe-cong-dong-mua-mua-bao"]]) {
      const answer = await rankedSearch(ours.pagefind, { query: query! }, ours.files);
      expect(answer.corrections, query).toEqual([]);
      expect(answer.suggestion, query).toBeUndefined();
      expect((await topUrls(answer.results, 1))[0], query).toBe(articleUrl(slug!));
    }
    await firstOfKinds("typo");
  });

  it("treats NFD queries and either tone placement exactly like the NFC, canonical query", async () => {
    for (const query of ["Triển khai nhiệm vụ", "Đặng Ngọc Dũng", "Tư Nghĩa"]) {
      expect(await allUrls(query.normalize("NFD"))).toEqual(await allUrls(query));
    }
    expect(await allUrls("hoà bình")).toEqual(await allUrls("hòa bình"));
    expect(await allUrls("thuỷ lợi")).toEqual(await allUrls("thủy lợi"));
    expect((await allUrls("thuỷ lợi")).length).toBeGreaterThan(0);
  });

  it("filters by category and sorts newest first", async () => {
    const search = async (category: string) => {
      const { results } = await rankedSearch(ours.pagefind, { query: "hoi", category, sort: "newest" }, ours.files);
      return Promise.all(results.map((r) => r.data()));
    };
    const members = await search("Hội thành viên");
    expect(members.length).toBeGreaterThan(2);
    expect(new Set(members.map((f) => f.filters?.["muc"]?.[0]))).toEqual(new Set(["Hội thành viên"]));
    const dates = members.map((f) => f.filters?.["ngay"]?.[0] ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    const all = await Promise.all((await rankedSearch(ours.pagefind, { query: "hoi", sort: "newest" }, ours.files)).results.map((r) => r.data()));
    const allDates = all.map((f) => f.filters?.["ngay"]?.[0] ?? "");
    expect(allDates.length).toBeGreaterThan(members.length);
    expect(allDates).toEqual([...allDates].sort().reverse());
    // A parent category finds its children's articles.
    const parent = await search("Tin hoạt động");
    expect(new Set(parent.map((f) => f.filters?.["muc"]?.[0]))).toEqual(new Set(["Hội thành viên", "Liên hiệp Hội"]));
  });
});
