/** Record this page view and show the live counts; on any failure the build-time figure stays. */
const REFRESH_MS = 60_000;

function visitorId(): string {
  const fresh = () => [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
  try {
    const id = sessionStorage.getItem("visitor") ?? fresh();
    sessionStorage.setItem("visitor", id);
    return id;
  } catch {
    return fresh(); // storage blocked: count the page, not the tab
  }
}

export default function init(): void {
  const boxes = [...document.querySelectorAll<HTMLElement>("[data-widget=counter]")];
  const api = boxes[0]?.dataset.api;
  if (!api) return;
  const format = new Intl.NumberFormat("vi-VN");
  const update = (init?: RequestInit) =>
    fetch(api, { ...init, signal: AbortSignal.timeout(10_000) })
      .then((res) => (res.ok ? (res.json() as Promise<{ total: number; online: number }>) : Promise.reject(res.status)))
      .then(({ total, online }) => {
        for (const box of boxes) {
          box.querySelector("[data-counter-total]")!.textContent = format.format(total);
          box.querySelector("[data-counter-online]")!.textContent = format.format(online);
          box.querySelector<HTMLElement>("[data-counter-online-row]")!.hidden = false;
          box.querySelector<HTMLElement>("[data-counter-note]")!.hidden = true;
        }
      })
      .catch(() => undefined);
  void update({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ visitor: visitorId() }) });
  setInterval(() => document.hidden || void update(), REFRESH_MS);
}
