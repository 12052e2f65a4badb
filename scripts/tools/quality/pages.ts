/** A page the browser gates open: its URL path and, for pages that fill in with JavaScript, what to wait for. */
export interface SitePage {
  name: string;
  path: string;
  /** A CSS selector that appears once the page is ready (search results). */
  waitFor?: string;
}

/** The pages every browser gate covers, at the site's stable URLs. */
export const GATE_PAGES: SitePage[] = [
  { name: "home", path: "/" },
  { name: "article", path: "/tin-tuc/2020/02/trien-khai-nhiem-vu-nam-2020/" },
  { name: "category", path: "/chuyen-muc/lien-hiep-hoi/" },
  // Results are rendered by the search client (scripts/build/search/client.ts) into this list.
  { name: "search", path: "/tim-kiem/?q=hoi+nghi", waitFor: "[data-search-results] li" },
  { name: "404", path: "/404.html" },
];

/** Phone and desktop viewport widths. */
export const GATE_WIDTHS = [375, 1280];
