/**
 * Bytes of a saved page → text, honouring the charset the page declares (BOM, then `<meta charset>` or
 * `http-equiv`, as browsers prescan) and falling back to UTF-8. Node's TextDecoder (full ICU) knows
 * windows-1258, whose tone marks are separate combining characters: the text comes out NFC.
 */
export type Decoded = { ok: true; text: string; charset: string } | { ok: false; message: string };

const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

function declaredCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString("latin1");
  return META_CHARSET.exec(head)?.[1]?.toLowerCase();
}

export function decodeHtml(bytes: Uint8Array): Decoded {
  const declared = declaredCharset(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared ?? "utf-8", { fatal: true });
  } catch {
    return { ok: false, message: `trang khai báo bảng mã "${declared}" mà công cụ không đọc được — mở trang bằng trình duyệt, lưu lại với bảng mã UTF-8 rồi chạy lại` };
  }
  try {
    // TextDecoder drops the BOM itself; NFC joins windows-1258's separate tone marks.
    return { ok: true, text: decoder.decode(bytes).normalize("NFC"), charset: decoder.encoding };
  } catch {
    const what = declared ? `không đúng bảng mã ${declared} mà trang khai báo` : "không khai báo bảng mã và không phải UTF-8";
    return { ok: false, message: `trang ${what} — mở trang bằng trình duyệt, lưu lại với bảng mã UTF-8 rồi chạy lại` };
  }
}

/** A saved page starts (after a BOM, comments and blanks) with a doctype or an HTML tag. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString("latin1").replace(/^\xef\xbb\xbf/, "");
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(head);
}
