import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toTCVN3, toVNI } from "vietnamese-conversion";
import { detectLegacyEncoding } from "../../scripts/build/check/legacy-encoding.ts";
import { checkNfd } from "../../scripts/build/check/nfd.ts";
import { FIXTURE_TREE } from "../../scripts/tools/fixtures/tree.ts";

const run = promisify(execFile);
const SAMPLE = "test/editors/fixtures/trien-khai-nhiem-vu-nam-2020.txt";
const LONG_TITLE = "Tiêu đề " + "rất dài ".repeat(20).trim();

describe("detectLegacyEncoding", () => {
  it("finds TCVN3 and VNI in a whole page and in a single title, and nothing in Unicode text", async () => {
    const text = await readFile(SAMPLE, "utf8");
    expect(detectLegacyEncoding(text)).toBeNull();
    expect(detectLegacyEncoding(toTCVN3(text, "unicode"))).toBe("TCVN3");
    expect(detectLegacyEncoding(toVNI(text, "unicode"))).toBe("VNI");
    expect(detectLegacyEncoding(toTCVN3("Triển khai nhiệm vụ năm 2020", "unicode"))).toBe("TCVN3");
    expect(detectLegacyEncoding(toVNI("Hội nghị Ban chấp hành", "unicode"))).toBe("VNI");
    expect(detectLegacyEncoding("Quảng Ngãi hoà hợp, quá khứ, quân đội, thuỷ lợi; ông Müller nói «xin chào»")).toBeNull();
    expect(detectLegacyEncoding("Hello world")).toBeNull();
  });
});

describe("checkNfd", () => {
  it("warns once, at the first decomposed line, and counts the rest", () => {
    const raw = ["---", "title: Hội nghị".normalize("NFD"), "---", "", "Đúng", "Việt Nam".normalize("NFD")].join("\n");
    expect(checkNfd(raw, "a.md")).toEqual([
      expect.objectContaining({ file: "a.md", line: 2, field: "unicode", severity: "warning", message: expect.stringMatching(/NFD.*và 1 dòng khác/) }),
    ]);
    expect(checkNfd(raw.normalize("NFC"), "a.md")).toEqual([]);
  });
});

describe("npm run check", () => {
  let content: string;
  let out = "";
  let code = 0;
  const at = (file: string) => relative(process.cwd(), join(content, file));
  const article = (title: string, date: string, body: string, extra = "") =>
    `---\ntitle: ${title}\ndate: ${date}\ncategory: lien-hiep-hoi\n${extra}---\n\n${body}\n`;

  beforeAll(async () => {
    content = join(await mkdtemp(join(tmpdir(), "check-")), "content");
    await cp(join(FIXTURE_TREE, "_data"), join(content, "_data"), { recursive: true });
    for (const dir of ["trang", "tin-tuc/2020", "media/2020"]) await cp(join(FIXTURE_TREE, dir), join(content, dir), { recursive: true });
    await mkdir(join(content, "tin-tuc/2021"), { recursive: true });
    await mkdir(join(content, "media/2021"), { recursive: true });
    await writeFile(join(content, "media/2021/bao-cao.pdf"), "%PDF-1.4\n");
    const w = (name: string, text: string) => writeFile(join(content, "tin-tuc/2021", name), text);
    await w(
      "lien-ket.md",
      article(
        "Bài có liên kết",
        "2021-03-01T08:00:00+07:00",
        [
          "Xem [giới thiệu](/gioi-thieu/), [bài cùng ngày](./trung-ten-1.md), [chuyên mục](/chuyen-muc/lien-hiep-hoi/) và [báo cáo](/media/2021/bao-cao.pdf).",
          "",
          "Liên kết hỏng: [bài đã xóa](/tin-tuc/2020/02/khong-co-bai-nay/), [tệp](../2020/khong-co.md),",
          "[tài liệu](/media/2021/thieu.pdf) và [trang ngoài](https://example.org/) [neo](#phan-2).",
        ].join("\n"),
      ),
    );
    await w("trung-ten-1.md", article("Hội nghị tổng kết năm", "2021-03-02T08:00:00+07:00", "Bản thứ nhất."));
    await w("trung-ten-2.md", article("Hội nghị  tổng kết năm", "2021-03-02T16:00:00+07:00", "Bản thứ hai."));
    await w("khac-ngay.md", article("Hội nghị tổng kết năm", "2021-03-03T08:00:00+07:00", "Ngày khác, không cảnh báo."));
    await w("dai.md", article(LONG_TITLE, "2021-03-04T08:00:00+07:00", "Nội dung.", `summary: ${"Tóm tắt dài. ".repeat(30)}\n`));
    await w("nfd.md", article("Bài gõ trên máy Mac", "2021-03-05T08:00:00+07:00", "Nội dung tiếng Việt.".normalize("NFD")));
    await w("tcvn3.md", article("Bài dán từ Word cũ", "2021-03-06T08:00:00+07:00", toTCVN3("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Quảng Ngãi tổ chức hội nghị.", "unicode")));
    try {
      const r = await run("npx", ["tsx", "scripts/tools/cli/check.ts"], { env: { ...process.env, CONTENT_DIR: content } });
      out = r.stdout + r.stderr;
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      code = err.code;
      out = err.stdout + err.stderr;
    }
  });
  afterAll(() => rm(join(content, ".."), { recursive: true, force: true }));

  it("reports every broken internal link with file and line, and no valid one", () => {
    const f = at("tin-tuc/2021/lien-ket.md");
    expect(out).toContain(`${f}:9: link: /tin-tuc/2020/02/khong-co-bai-nay/: không có bài hay trang nào ở địa chỉ này`);
    expect(out).toContain(`${f}:9: link: ../2020/khong-co.md: không có bài hay trang content/tin-tuc/2020/khong-co.md`);
    // Each reference at its own line, also inside a paragraph of several lines.
    expect(out).toContain(`${f}:10: link: /media/2021/thieu.pdf: không có tệp này trong thư mục nội dung`);
    expect(out.match(/lien-ket\.md:\d+: link:/g)).toHaveLength(3);
  });

  it("warns about the same title on the same day only", () => {
    expect(out).toContain(`${at("tin-tuc/2021/trung-ten-2.md")}:2: cảnh báo: title: trùng tiêu đề và ngày với ${at("tin-tuc/2021/trung-ten-1.md")}`);
    expect(out).not.toContain("khac-ngay.md");
  });

  it("warns about long titles and summaries", () => {
    expect(out).toMatch(new RegExp(`${at("tin-tuc/2021/dai.md")}:2: cảnh báo: title: dài ${LONG_TITLE.length} ký tự, quá 150`));
    expect(out).toMatch(new RegExp(`${at("tin-tuc/2021/dai.md")}:5: cảnh báo: summary: dài 389 ký tự, quá 300`));
  });

  it("warns about NFD text, fails on TCVN3 text with a hint, and exits 1", () => {
    expect(out).toContain(`${at("tin-tuc/2021/nfd.md")}:7: cảnh báo: unicode: chữ ở dạng Unicode tổ hợp (NFD)`);
    expect(out).toMatch(new RegExp(`${at("tin-tuc/2021/tcvn3.md")}:7: encoding: chữ có vẻ gõ bằng bảng mã cũ TCVN3.*UniKey`));
    expect(out).toMatch(/\n4 lỗi, \d+ cảnh báo\./);
    expect(code).toBe(1);
  });

  it("--fix-nfc rewrites the decomposed file in NFC", async () => {
    await run("npx", ["tsx", "scripts/tools/cli/check.ts", "--fix-nfc"], { env: { ...process.env, CONTENT_DIR: content } }).catch((e) => e);
    const text = await readFile(join(content, "tin-tuc/2021/nfd.md"), "utf8");
    expect(text).toContain("Nội dung tiếng Việt.");
    expect(text).toBe(text.normalize("NFC"));
  });
});
