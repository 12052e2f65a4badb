import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import type { Browser, Page } from "playwright-core";
import { mapLimit } from "../../build/map-limit.ts";
import { launchChromium } from "./browser.ts";
import { isMain, runCli, siteRoot } from "./cli.ts";
import { GATE_PAGES, GATE_WIDTHS, type SitePage } from "./pages.ts";
import { startPreviewServer } from "../preview-server.ts";
import { functionsMiddleware } from "../dev/functions-middleware.ts";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const PARALLEL_TABS = 3;

export interface A11yProblem {
  page: string;
  width: number;
  /** An axe rule id, or "skip-link" / "focus-visible" for the keyboard checks. */
  rule: string;
  message: string;
  targets: string[];
}

interface AxeResults {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

const axeSource = readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function open(browser: Browser, baseUrl: string, page: SitePage, width: number): Promise<Page> {
  const tab = await browser.newPage({ viewport: { width, height: 800 } });
  const response = await tab.goto(baseUrl + page.path, { waitUntil: "networkidle" });
  if (response === null) throw new Error(`${page.path}: no response`);
  if (page.waitFor !== undefined) {
    await tab.waitForSelector(page.waitFor, { timeout: 15_000 }).catch(() => {
      throw new Error(`${page.path}: ${page.waitFor} did not appear within 15 s (no search results?)`);
    });
  }
  return tab;
}

/** axe-core's WCAG 2.1 A and AA rules on a loaded page. */
async function axeViolations(tab: Page, page: SitePage, width: number): Promise<A11yProblem[]> {
  // evaluate() goes through the DevTools protocol, so the page's CSP need not allow it.
  await tab.evaluate(await axeSource);
  const results = await tab.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } }).axe.run(document, {
        runOnly: { type: "tag", values: tags },
      }),
    WCAG_TAGS,
  );
  return (results as AxeResults).violations.map((v) => ({
    page: page.path,
    width,
    rule: v.id,
    message: `${v.impact ?? "?"}: ${v.help}`,
    targets: v.nodes.map((n) => n.target.map(String).join(" ")),
  }));
}

interface FocusState {
  label: string;
  href: string | null;
  id: string;
  /** Drawn with a size, not clipped away, inside the viewport. */
  shown: boolean;
  /** A visible outline or a box-shadow. */
  indicator: boolean;
  inMain: boolean;
  /** Focused before during this page visit: Tab has gone all the way round. */
  repeat: boolean;
}

/** What the focused element is and whether a sighted keyboard user can see it. */
function focusState(tab: Page): Promise<FocusState | null> {
  return tab.evaluate(async () => {
    // Measure what the reader sees once the focus move (and its scroll into view) has been painted.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body || !el.isConnected) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const shown =
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
      box.width > 1 &&
      box.height > 1 &&
      style.clip === "auto" &&
      style.clipPath === "none" &&
      box.bottom > 0 &&
      box.right > 0 &&
      box.top < window.innerHeight &&
      box.left < window.innerWidth;
    // No named helper functions in here: under tsx they would reference esbuild's __name, absent in the page.
    const outline =
      style.outlineStyle !== "none" &&
      parseFloat(style.outlineWidth) > 0 &&
      style.outlineColor !== "transparent" &&
      !/,\s*0\)$/.test(style.outlineColor);
    const visited = ((window as unknown as { gateFocused?: WeakSet<Element> }).gateFocused ??= new WeakSet());
    const repeat = visited.has(el);
    visited.add(el);
    const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
    return {
      label: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${text}"`,
      href: el.getAttribute("href"),
      id: el.id,
      shown,
      indicator: outline || style.boxShadow !== "none",
      inMain: el.closest("main") !== null,
      repeat,
    };
  });
}

/**
 * The keyboard checks: the first Tab lands on a visible skip link, Enter on it moves focus into <main>,
 * and every element Tab reaches afterwards (up to `maxTabs`) is on screen with a visible focus indicator.
 */
async function keyboardProblems(tab: Page, page: SitePage, width: number, maxTabs: number): Promise<A11yProblem[]> {
  const problems: A11yProblem[] = [];
  const report = (rule: string, message: string, target: string): void => {
    problems.push({ page: page.path, width, rule, message, targets: [target] });
  };
  await tab.keyboard.press("Tab");
  const skip = await focusState(tab);
  if (skip === null || skip.href === null || !skip.href.startsWith("#") || skip.href.length < 2) {
    report("skip-link", "the first Tab does not focus a skip link (<a href=\"#main\">)", skip?.label ?? "body");
  } else {
    if (!skip.shown || !skip.indicator) report("skip-link", "the focused skip link is not visible", skip.label);
    await tab.keyboard.press("Enter");
    const target = await focusState(tab);
    if (target === null || target.id !== decodeURIComponent(skip.href.slice(1)) || !target.inMain) {
      report(
        "skip-link",
        `Enter on the skip link does not move focus to ${skip.href} in <main> (give the target tabindex="-1")`,
        target?.label ?? "body",
      );
    }
  }
  // Tab on from <main> to the end of the page, wrap around once (focus leaves the document in between)
  // to cover the header, and stop on reaching an element focused before.
  await tab.evaluate(() => delete (window as unknown as { gateFocused?: unknown }).gateFocused);
  let wraps = 0;
  for (let i = 0; i < maxTabs; i++) {
    await tab.keyboard.press("Tab");
    const state = await focusState(tab);
    if (state === null) {
      if (++wraps > 1) break;
      continue;
    }
    if (state.repeat) break;
    if (!state.shown) report("focus-visible", "a focused element is hidden or off screen", state.label);
    else if (!state.indicator) report("focus-visible", "a focused element has no outline or box-shadow", state.label);
  }
  return problems;
}

/**
 * Open each page of the site at `baseUrl` at each width in Chromium; return axe-core's WCAG 2.1 AA
 * violations and the keyboard problems. An empty list means the gate passes.
 */
export async function checkAccessibility(options: {
  baseUrl: string;
  pages?: SitePage[];
  widths?: number[];
  maxTabs?: number;
}): Promise<A11yProblem[]> {
  const browser = await launchChromium();
  const visits = (options.pages ?? GATE_PAGES).flatMap((page) => (options.widths ?? GATE_WIDTHS).map((width) => ({ page, width })));
  try {
    // A few tabs at once: most of a visit is waiting (network idle, a frame after each Tab), and
    // Playwright emulates focus in every page, so a tab's keyboard checks do not depend on the others.
    const found = await mapLimit(
      visits,
      async ({ page, width }) => {
        const tab = await open(browser, options.baseUrl, page, width);
        const problems = [...(await axeViolations(tab, page, width)), ...(await keyboardProblems(tab, page, width, options.maxTabs ?? 400))];
        await tab.close();
        return problems;
      },
      PARALLEL_TABS,
    );
    return found.flat();
  } finally {
    await browser.close();
  }
}

export function formatA11yProblems(problems: A11yProblem[]): string {
  return problems.map((p) => `${p.page} @${p.width}px: ${p.rule}: ${p.message} → ${p.targets.join(", ")}`).join("\n");
}

if (isMain(import.meta.url)) {
  runCli(async () => {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { page: { type: "string", multiple: true } },
    });
    const root = siteRoot(positionals);
    const pages = values.page?.map((path) => ({ name: path, path })) ?? GATE_PAGES;
    const server = await startPreviewServer({ root, functions: functionsMiddleware });
    try {
      const problems = await checkAccessibility({ baseUrl: server.url, pages });
      if (problems.length > 0) console.error(formatA11yProblems(problems));
      console.log(`a11y: ${problems.length} problems on ${pages.length} pages × ${GATE_WIDTHS.join("/")}px`);
      return problems.length === 0 ? 0 : 1;
    } finally {
      await server.close();
      await functionsMiddleware.close();
    }
  });
}
