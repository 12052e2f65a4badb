import { embedSource, isElement, plainText, youtubeIdOf } from "./html-to-markdown.ts";
import { convertLegacy, fontEncoding, legacyWarning } from "./legacy-text.ts";

type Warn = (message: string, needle: string) => void;

/**
 * Rewrites the old editor's conventions into plain HTML before the body is extracted, so that both the
 * layout's own extraction and Readability see them: text in TCVN3/VNI fonts converted to Unicode,
 * Flash-era YouTube players as iframes, and both caption styles as <figure>/<figcaption>.
 */
export function prepareLegacyMarkup(document: Document, warn: Warn): Set<string> {
  const kept = convertLegacyFonts(document, warn);
  for (const player of document.querySelectorAll("object, embed")) {
    if (!player.isConnected || player.closest("iframe")) continue;
    const id = youtubeIdOf(embedSource(player));
    if (!id) continue;
    const iframe = document.createElement("iframe");
    iframe.setAttribute("src", `https://www.youtube.com/embed/${id}`);
    (player.parentElement?.closest("object") ?? player).replaceWith(iframe);
  }
  for (const table of document.querySelectorAll("table")) captionTable(document, table);
  for (const img of document.querySelectorAll("img")) italicCaption(document, img);
  return kept;
}

/** Converts text in old-encoding fonts; returns the texts left as they were (already warned about). */
function convertLegacyFonts(document: Document, warn: Warn): Set<string> {
  const kept = new Set<string>();
  for (const el of document.querySelectorAll("font[face], [style*='font-family']")) {
    const face = el.getAttribute("face") ?? /font-family\s*:\s*([^;]+)/i.exec(el.getAttribute("style") ?? "")?.[1] ?? "";
    const legacy = fontEncoding(face);
    if (!legacy) continue;
    const texts: Text[] = [];
    const collect = (n: Node) => {
      if (n.nodeType === 3) texts.push(n as Text);
      else if (isElement(n) && !(n !== el && (n.hasAttribute("face") || /font-family/i.test(n.getAttribute("style") ?? "")))) n.childNodes.forEach(collect);
    };
    collect(el);
    for (const t of texts) {
      const value = t.nodeValue ?? "";
      if (!/[\u00a1-\u00ff]/.test(value.replace(/\u00a0/g, ""))) continue;
      const result = convertLegacy(value, legacy.encoding, legacy.capitals);
      if (result.certain) {
        t.nodeValue = result.text;
        continue;
      }
      kept.add(value.trim());
      warn(legacyWarning(legacy.encoding, `đoạn chữ “${value.trim().slice(0, 40)}…” (phông ${face.split(",")[0]!.trim()})`), value.trim().slice(0, 30));
    }
  }
  return kept;
}

const rows = (table: Element) => [...table.querySelectorAll("tr")].filter((tr) => tr.closest("table") === table);

/** A two-row table: the photo in the first row, its caption in the second. */
function captionTable(document: Document, table: Element): void {
  if (!table.isConnected) return;
  const [first, second, ...more] = rows(table);
  if (!first || !second || more.length) return;
  const images = first.querySelectorAll("img");
  if (images.length !== 1 || plainText(first) !== "" || second.querySelector("img, table")) return;
  const caption = plainText(second);
  if (!caption || caption.length > 300) return;
  table.replaceWith(makeFigure(document, images[0]!, caption));
}

/** A photo alone in its paragraph followed by a short line all in italics (often centred). */
function italicCaption(document: Document, img: Element): void {
  if (!img.isConnected || img.closest("figure")) return;
  const block = img.parentElement?.closest("p, div, center, td");
  if (!block || block.querySelectorAll("img").length !== 1) return;
  let caption = "";
  let captionBlock: Element | null = null;
  if (plainText(block) !== "") {
    // Photo and caption in one paragraph, separated by <br>.
    if (!italicOnly(block) || block.querySelector("iframe, object, table")) return;
    caption = plainText(block);
  } else {
    let next = block.nextElementSibling;
    while (next && plainText(next) === "" && !next.querySelector("img, iframe, object, embed, table")) next = next.nextElementSibling;
    if (!next || !/^(p|div|center)$/.test(next.localName) || !italicOnly(next) || next.querySelector("img, iframe, table")) return;
    caption = plainText(next);
    captionBlock = next;
  }
  if (!caption || caption.length > 250) return;
  const figure = makeFigure(document, img, caption);
  if (captionBlock) captionBlock.remove();
  if (block.localName === "td") {
    block.replaceChildren(figure);
  } else block.replaceWith(figure);
}

/** Every non-blank text inside <i>/<em> (or an italic style). */
function italicOnly(el: Element): boolean {
  let ok = true;
  let any = false;
  const visit = (n: Node, italic: boolean) => {
    if (n.nodeType === 3) {
      if ((n.nodeValue ?? "").replace(/[\s\u00a0]/g, "")) {
        any = true;
        if (!italic) ok = false;
      }
    } else if (isElement(n)) {
      const it = italic || n.localName === "i" || n.localName === "em" || /font-style\s*:\s*italic/i.test(n.getAttribute("style") ?? "");
      n.childNodes.forEach((c) => visit(c, it));
    }
  };
  visit(el, false);
  return any && ok;
}

function makeFigure(document: Document, img: Element, caption: string): Element {
  const figure = document.createElement("figure");
  const figcaption = document.createElement("figcaption");
  figcaption.textContent = caption;
  figure.append(img, figcaption);
  return figure;
}
