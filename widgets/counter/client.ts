/*
 * Show the live figures and count this page view: GET gives them and a token, POST
 * spends the token. A browser counts a page at most once in 30 minutes (remembered
 * in localStorage, never sent). On any failure the build-time figure stays.
 */
import { formatCount } from "./format-count.ts";

const REFRESH_MS = 60_000;
const ONCE_PER_MS = 30 * 60_000;
const SEEN = "counted-pages";

interface Figures {
  total: number;
  recent: number;
  token?: string;
}

/** Pages this browser had counted in the last 30 minutes (path → time). */
function seen(): Record<string, number> {
  try {
    const all = JSON.parse(localStorage.getItem(SEEN) ?? "{}") as Record<string, number>;
    for (const path in all) if (Date.now() - all[path]! > ONCE_PER_MS) delete all[path];
    return all;
  } catch {
    return {}; // storage blocked: count the page view
  }
}

function remember(path: string): void {
  try {
    localStorage.setItem(SEEN, JSON.stringify({ ...seen(), [path]: Date.now() }));
  } catch {
    // storage blocked
  }
}

export default function init(): void {
  const boxes = [...document.querySelectorAll<HTMLElement>("[data-widget=counter]")];
  const api = boxes[0]?.dataset.api;
  if (!api) return;
  const show = ({ total, recent }: Figures) => {
    for (const box of boxes) {
      box.querySelector("[data-counter-total]")!.textContent = formatCount(total);
      box.querySelector("[data-counter-recent]")!.textContent = formatCount(recent);
      box.querySelector<HTMLElement>("[data-counter-recent-row]")!.hidden = false;
      box.querySelector<HTMLElement>("[data-counter-note]")!.hidden = true;
    }
  };
  // Every answer's body is read: an unread one keeps the request open until the timeout aborts it.
  const call = (init?: RequestInit) =>
    fetch(api, { ...init, signal: AbortSignal.timeout(10_000) }).then((res) => res.text().then((body) => ({ ok: res.ok, status: res.status, body })));
  const refresh = () =>
    call()
      .then((res) => (res.ok ? (JSON.parse(res.body) as Figures) : Promise.reject(res.status)))
      .then((figures) => (show(figures), figures));
  const path = location.pathname;
  // 200: counted. 409 on the second try: the first was counted after all. 503: not recorded
  // or not confirmed, so the same token goes once more.
  const spend = (figures: Figures, retry: boolean): Promise<unknown> =>
    call({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: figures.token }) }).then((res) => {
      if (res.status === 503 && retry) return new Promise((later) => setTimeout(later, 5_000)).then(() => spend(figures, false));
      if (res.status !== 200 && !(res.status === 409 && !retry)) return;
      remember(path);
      show({ total: figures.total + 1, recent: figures.recent + 1 });
    });
  refresh()
    .then((figures) => (figures.token && !seen()[path] ? spend(figures, true) : undefined))
    .catch(() => undefined);
  setInterval(() => document.hidden || void refresh().catch(() => undefined), REFRESH_MS);
}
